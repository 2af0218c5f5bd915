# Cases: following up unhappy customers.
nav-cases = Cases
cases-title = Cases
cases-mine-title = My cases
cases-visible-title = Cases I can take
cases-views = Case views
cases-lede = Follow-ups of unhappy customers: opened by your surveys' rules or by hand, each with an owner and a due time.
cases-mine-lede = The cases you own. Act on new ones first; overdue ones are marked.
cases-settings-title = Case settings
cases-number = Case { $number }
cases-status-open = Open
cases-status-in-progress = In progress
cases-status-waiting-for-customer = Waiting for the customer
cases-status-resolved = Resolved
cases-status-closed-no-action = Closed, no action
cases-source = How it was opened
cases-source-score = By the survey's rule: a low score
cases-source-sentiment = By the survey's rule: a negative comment
cases-source-response = By hand, from a response
cases-source-feature-request = By hand, from a feature request
cases-source-manual = By hand
cases-field-status = Status
cases-field-owner = Owner
cases-field-touchpoint = Touchpoint
cases-field-root-cause = Root cause
cases-field-note = Note
cases-field-reply = Your reply
cases-filter = Filter
cases-filter-active = Still active
cases-filter-all = All statuses
cases-filter-anyone = Anyone
cases-filter-anywhere = Any touchpoint
cases-filter-overdue = Overdue only
cases-none = No cases match.
cases-more = Older cases
cases-col-case = Case
cases-col-due = Due
cases-col-opened = Opened
cases-col-cases = Cases
cases-overdue = Overdue
cases-due-in-hours = { $count ->
    [one] due in { $count } hour
   *[other] due in { $count } hours
}
cases-due-in-days = { $count ->
    [one] due in { $count } day
   *[other] due in { $count } days
}
cases-overdue-by-hours = { $count ->
    [one] { $count } hour late
   *[other] { $count } hours late
}
cases-overdue-by-days = { $count ->
    [one] { $count } day late
   *[other] { $count } days late
}
cases-due-at = due { $when }
cases-nobody = Nobody
cases-former-member = A former member
cases-no-touchpoint = No touchpoint
cases-no-root-cause = Not set
cases-anonymous = Anonymous customer
cases-customer = Customer
cases-first-action = First action
cases-resolution = Resolution
cases-response = What the customer said
cases-no-comment = No comment, only a score.
cases-from-request = Opened from the feature request:
cases-work = Work on the case
cases-save = Save
cases-saved = Saved.
cases-opened = The case is open.
cases-existing = This response already has a case: here it is.
cases-conflict = Someone else changed this case since you opened it. Nothing was saved: check the case as it is now, and save again. What you typed is still in the form.
cases-add-note = Add a note
cases-add-note-button = Add note
cases-reply = Reply to the customer
cases-reply-hint = By e-mail to { $to }, framed in { $language }. The customer does not need to answer for you to close the case.
cases-send-reply = Send reply
cases-no-address = We have no e-mail address for this customer, so you cannot reply from here.
cases-replies = Replies
cases-reply-sent = sent { $when }
cases-reply-waiting = waiting to be sent
cases-log = History
cases-log-opened-score = opened the case (low score)
cases-log-opened-sentiment = opened the case (negative comment)
cases-log-opened-response = opened the case from a response
cases-log-opened-feature-request = opened the case from a feature request
cases-log-opened-manual = opened the case
cases-log-status = changed the status from { $from } to { $to }
cases-log-owner = changed the owner from { $from } to { $to }
cases-log-root-cause = changed the root cause from { $from } to { $to }
cases-log-note = added a note
cases-log-reply = replied to the customer
cases-open-button = Open a case
cases-sla = Service level
cases-sla-hint = How soon a person should act on a new case, and resolve it, counted in business hours: nights, weekends and days off do not count. Changes apply to cases opened from now on.
cases-field-first-action-hours = First action within (business hours)
cases-field-resolve-hours = Resolved within (business hours)
cases-field-day-start = Working day starts (HH:MM)
cases-field-day-end = Working day ends (HH:MM)
cases-field-days = Working days
cases-field-utc-offset = Offset from UTC (e.g. +01:00)
cases-day-mon = Monday
cases-day-tue = Tuesday
cases-day-wed = Wednesday
cases-day-thu = Thursday
cases-day-fri = Friday
cases-day-sat = Saturday
cases-day-sun = Sunday
cases-root-causes = Root causes
cases-root-causes-hint = One per line. A cause you remove stays on the cases that name it.
cases-cause-line-error = Line { $line }: { $issue }
cases-rules = Opening rules
cases-rules-hint = Which answers open a case by themselves. A low score is NPS 0–6, or the bottom two points of a CSAT or CES scale.
cases-rules-none = No surveys yet.
cases-rules-survey = Survey
cases-rule-low-score = Low score
cases-rule-negative-comment = Negative comment
cases-settings-saved = The settings are saved.
cases-teams = Teams
cases-teams-hint = e.g. Shop, Delivery
cases-figures-title = Follow-up of unhappy customers
cases-opened-count = { $count ->
    [one] { $count } case opened in this period
   *[other] { $count } cases opened in this period
}
cases-small-sample = small sample
cases-see-all = See the cases
cases-mean = Mean
cases-median = Median
cases-p90 = 90th percentile
cases-counted = Counted
cases-time-first-action = Time to first action
cases-time-resolution = Time to resolution
cases-hours-value = { $hours } h
cases-count = { $count ->
    [one] { $count } case
   *[other] { $count } cases
}
cases-open-apart = { $count ->
    [one] { $count } still waiting
   *[other] { $count } still waiting
}
cases-share-overdue = Share overdue
cases-percent = { $value }%
cases-interval = (95% interval { $low }–{ $high }%)
cases-causes-by-touchpoint = Root causes by touchpoint
cases-mail-subject = Your feedback to { $business }
cases-mail-greeting = Hello { $name },
cases-mail-greeting-anonymous = Hello,
cases-mail-intro = Thank you for telling { $business } how we did. Here is our answer:
cases-mail-footer = { $business } · case { $number }
