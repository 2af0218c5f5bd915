# The contact budget and consent (taith_app::contact).
nav-contact = Contact budget
contact-title = Contact budget
contact-lede = How often one customer may be asked for feedback, across every survey and channel: e-mail invitations, reminders and the widget.
contact-policy = Policy
contact-summary = Asks allowed: { $asks } · Window in days: { $days } · Quiet days after a response: { $quiet }
contact-field-max-asks = Asks at most
contact-field-window-days = In how many days
contact-field-quiet-days = Quiet days after a response
contact-field-count-notices = "We did" notices count as asks too
contact-save = Save
contact-saved = The contact budget is saved.
contact-consent = Consent
contact-consent-hint = Each customer says which e-mails they agree to on the preference page linked from every invitation; a customer's timeline shows what they said, how and when.
mail-preferences = Choose which e-mails you get
preferences-title = Your e-mail preferences
preferences-explain = Choose what { $business } may send you.
preferences-legend = Send me
preferences-surveys = Requests for feedback from { $business }
preferences-notices = News of what { $business } changed after customers' feedback
preferences-save = Save my preferences
preferences-saved = Your preferences are saved.
timeline-contact = Contact budget
timeline-contact-asked = { $count ->
    [one] asked { $count } time in { $days } days
   *[other] asked { $count } times in { $days } days
}
timeline-contact-now = can be asked now
timeline-contact-next = next possible on { $date }
timeline-contact-no-consent = not to be asked: consent withdrawn
timeline-consent = Consent
timeline-consent-surveys = Surveys
timeline-consent-notices = "We did" notices
timeline-consent-granted = yes
timeline-consent-withdrawn = withdrawn
timeline-consent-default = { $purpose }: { $state }
timeline-consent-recorded = { $purpose }: { $state } ({ $source }, { $date })
consent-source-unsubscribe-link = unsubscribe link
consent-source-preference-page = preference page
consent-source-api = API
consent-source-import = import
