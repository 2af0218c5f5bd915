## The account page, password change and reset.

account-title = Your account
account-profile = Name and language
account-language = Language
account-language-browser = My browser's language
account-language-hint = taith speaks to you in this language on every device you sign in on. The language menu at the top changes it too.
account-saved-profile = Your name and language are saved.
account-saved-password = Your password is changed. Every other browser signed in as you has been signed out.
account-saved-session = That browser is signed out.
account-saved-others = Every other browser is signed out.

account-password = Password
account-password-current = Current password
account-password-new = New password
account-password-rule = At least 10 characters. A few words you will remember are a good password.
account-password-current-wrong = That is not your current password.
account-password-others-out = Changing it signs you out on every other browser; this one stays signed in.
account-password-submit = Change password

account-sessions = Where you are signed in
account-sessions-intro = Each browser signed in as you. Sign out one you do not know, or that you left signed in somewhere.
account-sessions-browser = Browser
account-sessions-since = Signed in
account-sessions-until = Signed in until
account-sessions-this = This browser
account-sessions-unknown-browser = Unknown browser
account-sessions-sign-out = Sign out
account-sessions-others = Sign out everywhere else
account-sessions-others-confirm = Sign out every other browser signed in as you?
account-sessions-none-else = You are signed in on this browser only.

account-forgot-link = Forgot your password?
account-forgot-title = Forgot your password?
account-forgot-intro = Type the e-mail address you sign in with. We will e-mail you a link to choose a new password.
account-forgot-submit = E-mail me a link
account-forgot-sent = If an account has that address, a link to choose a new password is on its way to it.
account-forgot-expiry = { $minutes ->
    [one] The link works once, for { $minutes } minute.
   *[other] The link works once, for { $minutes } minutes.
}
account-forgot-spam = Nothing after a few minutes? Look in your spam folder, or ask whoever runs taith for you.
account-back-to-sign-in = Back to sign-in

account-reset-title = Choose a new password
account-reset-submit = Set the new password
account-reset-signs-out = Setting it signs you out everywhere; then you sign in with the new password.
account-reset-done = Your password is changed. Sign in with the new one.
account-reset-dead-title = This link no longer works
account-reset-dead = It has been used already, or it is too old.
account-reset-ask-again = Ask for a new link

account-reset-mail-subject = Choose a new taith password
account-reset-mail-greeting = Hello { $name },
account-reset-mail-intro = Someone asked to reset the password of the taith account of { $email }. If it was you, choose a new password here:
account-reset-mail-action = Choose a new password
account-reset-mail-expiry = { $minutes ->
    [one] The link works once, for { $minutes } minute.
   *[other] The link works once, for { $minutes } minutes.
}
account-reset-mail-ignore = If you did not ask, ignore this e-mail: your password stays as it is.

## What each role may do, where roles are chosen.
roles-explained = What each role may do
role-owner-explained = Everything: edits journeys, surveys and personas, manages members and API tokens, and makes other owners.
role-admin-explained = Everything an owner does, except making owners.
role-analyst-explained = Reads journeys, figures and every answer with its comment; changes nothing.
role-agent-explained = Reads everything, records answers for customers, and edits the touchpoints they own.
role-viewer-explained = Sees journeys and figures, but not what each customer wrote.
