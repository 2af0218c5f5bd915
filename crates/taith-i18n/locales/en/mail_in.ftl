# Inbound e-mail: mail forwarded or posted to taith becomes support conversations.
nav-email = E-mail
mail-in-title = Inbound e-mail
mail-in-lede = Mail your customers send to your support address becomes a conversation here, and replies written in taith go back to them by e-mail.
mail-in-forward = Forward your mail
mail-in-forward-hint = Forward your support address to this address (a forwarding rule at your mail provider, or an MX record):
mail-in-no-smtp = This server takes no mail by SMTP. Post your mail to the address below, or ask whoever runs taith to start it with --smtp-listen.
mail-in-post = Post mail from a provider
mail-in-post-hint = A mail provider's inbound webhook can post each raw message here, signed with the secret below:
mail-in-secret = Signing secret
mail-in-signature-hint = Send the header X-Taith-Signature: sha256= followed by the hex HMAC-SHA256 of the body, keyed with this secret.
mail-in-rotate = Make a new secret
mail-in-address = Your own address
mail-in-address-hint = If you forward an address of your own (such as support@your-business.example) to taith's SMTP receiver, name it here: mail to it comes to this workspace, and mail from it is never answered.
mail-in-field-address = Address
mail-in-save = Save
mail-in-limits = What is taken
mail-in-limit-message = Messages up to { $mb } MB.
mail-in-limit-attachments = Attachments up to { $each } MB each and { $total } MB per message are kept; larger ones are listed but not kept.
mail-in-loops = Automatic mail (auto-replies, mailing lists, bounces, mail from your own address) is recorded but never answered.
mail-in-done-saved = The address is saved.
mail-in-done-rotated = A new secret is made; mail signed with the old one is refused from now on.
