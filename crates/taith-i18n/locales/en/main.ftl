# taith — English UI strings. Every key here must exist in every locale (tested).

## Navigation and frame
nav-skip = Skip to content
nav-label = Workspace
nav-journeys = Journeys
nav-personas = Personas
nav-members = Members
nav-tokens = API tokens
nav-sign-out = Sign out

## Common actions
action-save = Save
action-edit = Edit
action-delete = Delete

## Errors
error-home = Back to the start page
error-not-found-title = Not found
error-not-found = There is nothing at this address, or you do not have access to it.
error-forbidden-title = Not allowed
error-forbidden = Your role in this workspace does not allow this.
error-csrf-title = The form has expired
error-csrf = Please go back, reload the page and try again.
error-bad-request-title = Something is wrong with the request
error-bad-request = The request could not be read. Please go back and try again.
error-too-large-title = Too much at once
error-too-large = What you sent is larger than taith accepts.
error-conflict-title = Already changed
error-conflict = Someone else changed this at the same time. Reload the page and try again.
error-internal-title = Something went wrong on our side
error-internal = The error has been logged. Please try again in a moment.
error-request-id = If you tell us about this, quote this reference: { $id }
error-too-many-title = Too many attempts
error-too-many = You have tried this too often in a short time. Please wait a moment and try again.
error-busy-title = Busy right now
error-busy = The server is handling a lot at the moment. Please try again in a few seconds.

## Field-level problems
issue-required = Please fill this in.
issue-too-long = This is too long.
issue-invalid = This does not look right.
issue-unknown-value = Please choose one of the options.
issue-not-found = This no longer exists in this workspace.
issue-taken = This is already taken.
issue-too-short = This is too short: use at least 10 characters.
issue-mismatch = The two entries do not match.

## Fields
field-name = Name
field-description = Description
field-persona = Persona
field-email = E-mail address
field-password = Password
field-password-confirm = Password again
field-workspace-name = Business or workspace name
field-slug = Short address
field-your-name = Your name
field-role = Role
field-scope = Access
field-needs = Needs
field-goals = Goals
field-behaviours = Behaviours
field-pains = Pains
field-demographics = Demographics
field-actions = Customer actions
field-thoughts = Thoughts
field-emotions = Emotions
field-emotion = How it feels
field-pain-points = Pain points
field-opportunities = Opportunities
field-one-per-line = One per line
field-channel = Channel
field-owner = Owner
field-owner-member = Owner (member)
field-owner-team = …or owner team
field-moment-of-truth = Moment of truth
field-stage = Stage

## Set-up and sign-in
setup-title = Set up taith
setup-intro = Create your workspace and your owner account. You can invite your team afterwards.
setup-slug-hint = Lowercase letters, digits and dashes, used in addresses, e.g. my-bakery.
setup-submit = Create workspace
login-title = Sign in
login-submit = Sign in
login-failed = That e-mail address and password do not match an account.
home-title = Your workspaces
home-none = You are not a member of any workspace yet.

## Roles and scopes
role-owner = Owner
role-admin = Admin
role-analyst = Analyst
role-agent = Agent
role-viewer = Viewer
scope-read = Read only
scope-write = Read and write

## Journeys
journeys-title = Customer journey maps
journeys-new = New journey
journeys-create = Create journey
journeys-empty = No journeys yet. Map how your customers find you, buy and come back.
journeys-for-persona = For persona
journeys-updated = Updated
journeys-model = Start from
journeys-stage-count = { $count ->
    [one] { $count } stage
   *[other] { $count } stages
}
journeys-touchpoint-count = { $count ->
    [one] { $count } touchpoint
   *[other] { $count } touchpoints
}
model-five-stage = Five stages
model-seven-stage = Seven stages
model-blank = Blank map
persona-none = No persona

## Stage names of the starting models
stage-awareness = Awareness
stage-consideration = Consideration
stage-purchase = Purchase
stage-retention = Retention
stage-advocacy = Advocacy
stage-discovery = Discovery
stage-evaluation = Evaluation
stage-choice = Choice
stage-use = Use

## Channels
channel-web = Web
channel-email = E-mail
channel-phone = Phone
channel-chat = Chat
channel-social = Social media
channel-in-store = In store
channel-in-app = In the app
channel-sms = SMS
channel-other = Other

## Owners and emotions
owner-none = No owner yet
owner-none-member = — no member —
owner-former-member = A former member
emotion-unset = Not set
emotion-very-negative = Very negative
emotion-negative = Negative
emotion-neutral = Neutral
emotion-positive = Positive
emotion-very-positive = Very positive

## The map
map-stage = Stage
map-touchpoints = Touchpoints
map-actions = Customer actions
map-thoughts = Thoughts
map-emotions = Emotions
map-pain-points = Pain points
map-opportunities = Opportunities
map-owner = Owner
map-moment-of-truth = Moment of truth
map-no-touchpoints = No touchpoints yet.
map-curve-empty = No emotions recorded yet.
map-edit = Edit map
map-details = Details
map-history = { $version ->
    [one] History (1 version)
   *[other] History ({ $version } versions)
}
map-download-svg = Download SVG
map-export-json = Export JSON
map-print = Print

## The editor
edit-title = Edit journey
edit-back-to-map = Back to the map
edit-details = Details
edit-stages = Stages
edit-stage-notes = Edit the stage's notes
edit-save-stage = Save stage
edit-move-earlier = Move earlier
edit-move-later = Move later
edit-delete-stage = Delete stage
edit-delete-stage-confirm = Delete this stage and its touchpoints?
edit-add-stage = Add stage
edit-add-touchpoint = Add touchpoint
edit-save-touchpoint = Save touchpoint
edit-delete-touchpoint = Delete touchpoint
edit-delete-touchpoint-confirm = Delete this touchpoint?
edit-delete-journey = Delete journey
edit-delete-journey-confirm = Delete this journey and its whole history?

## History
history-title = History
history-version = Version { $version }
history-current = current
history-by = by { $author }, { $when }
history-restore = Restore this version
change-created = Created the journey
change-imported = Imported the journey
change-restored = Restored version { $version }
change-details = Changed { $fields }
change-stage-added = Added stage “{ $stage }”
change-stage-removed = Removed stage “{ $stage }”
change-stage-changed = Changed { $fields } of stage “{ $stage }”
change-stages-reordered = Reordered the stages
change-touchpoint-added = Added touchpoint “{ $touchpoint }” to “{ $stage }”
change-touchpoint-removed = Removed touchpoint “{ $touchpoint }”
change-touchpoint-changed = Changed { $fields } of touchpoint “{ $touchpoint }”
change-touchpoint-moved = Moved touchpoint “{ $touchpoint }” to “{ $stage }”

## Personas
personas-title = Personas
personas-new = New persona
personas-empty = No personas yet. A persona describes one type of customer: what they need and what gets in their way.
personas-delete-confirm = Delete this persona? Journeys drawn for it are kept.

## Members
members-title = Members
members-you = you
members-actions = Actions
members-add = Add member
members-initial-password = First password (they can change it later)
members-remove = Remove
members-remove-confirm = Remove this member from the workspace?
members-last-owner = A workspace needs at least one owner.

## API tokens
tokens-title = API tokens
tokens-intro = Tokens let other systems use the taith API for this workspace. Send one as "Authorization: Bearer …".
tokens-new = New token
tokens-create = Create token
tokens-created = Copy this token now: it will not be shown again.
tokens-created-at = Created
tokens-revoke = Revoke
tokens-revoke-confirm = Revoke this token? Systems using it will stop working.

## Surveys
nav-surveys = Surveys
surveys-title = Surveys
surveys-new = New survey
surveys-empty = No surveys yet. Ask customers how likely they are to recommend you (NPS), how satisfied they were (CSAT) or how easy you made it (CES), right where it happens on their journey.
surveys-no-touchpoint = Not attached to a touchpoint
survey-kind-nps = NPS (Net Promoter Score)
survey-kind-csat = CSAT (customer satisfaction)
survey-kind-ces = CES (Customer Effort Score)
survey-kind-custom = Custom
survey-kind-nps-hint = 0–10: how likely is the customer to recommend you?
survey-kind-csat-hint = 1–5: how satisfied was the customer?
survey-kind-ces-hint = 1–5: did you make it easy? Asked as agree or disagree.
survey-kind-custom-hint = Your own question, on a scale you choose.
survey-status-draft = Draft
survey-status-live = Live
survey-status-closed = Closed
survey-new-intro = The question and the thank-you text start in the standard wording for the type you choose, in all six languages. You can change them afterwards.
survey-create = Create survey
survey-field-kind = Type
survey-field-status = Status
survey-field-scale = Scale
survey-field-scale-low = Lowest score
survey-field-scale-high = Highest score
survey-field-default-locale = Default language
survey-field-touchpoint = Touchpoint
survey-field-anonymous = Anonymous: keep no customer, IP address or device with the responses
survey-field-throttle = Days before the same customer is asked again
survey-field-question = Question
survey-field-thank-you = Thank-you text
survey-texts = Question and thank-you text
survey-texts-hint = Respondents see the language they ask for when it is filled in here, otherwise the default language.
survey-default-mark = default
survey-errors = Some fields need attention: see the messages below.
survey-saved = Survey saved.
survey-scale-locked = The scale cannot change once the survey has responses. Create a new survey for a new scale.
survey-follow-ups = Follow-up questions
survey-follow-ups-hint = Asked after the score, only of respondents whose score is in the range you set.
survey-follow-up-n = Follow-up question { $n }
survey-follow-up-new = New follow-up question
survey-follow-up-add = Add a follow-up question
survey-fu-prompt = Question
survey-fu-kind = Kind of answer
survey-fu-kind-open-text = Open text
survey-fu-kind-single-choice = Single choice
survey-fu-kind-multiple-choice = Multiple choice
survey-fu-kind-rating = Rating
survey-fu-when = Only for scores
survey-fu-when-from = from
survey-fu-when-to = to
survey-fu-when-hint = Leave both empty to ask after every score.
survey-fu-options = Options, one per line (single and multiple choice)
survey-fu-rating = Rating scale (rating only)
survey-fu-translations = Translations
survey-fu-translations-hint = Write the options line by line, in the same order as in the default language. A question left empty is asked in the default language.
survey-fu-remove = Remove this question
survey-suggest = Suggested: ask scores { $low }–{ $high } “{ $question }”
survey-suggest-add = Add it
survey-public-link = Public link
survey-public-link-live = Share this address, or link to it from your website, receipts or e-mails.
survey-public-link-not-live = Respondents can answer once the status is “Live”.
survey-kiosk-link = Shop-counter tablet
survey-kiosk-hint = Open this address on a tablet: it fills the screen and starts again after each answer.
survey-widget-tag = Widget for your website
survey-widget-hint = Paste this tag into a page of your website where the survey should appear. If your site sends a Content-Security-Policy, allow this address in script-src and frame-src.
survey-preview = Preview
survey-preview-hint = The preview shows the respondent's pages; nothing answered there is recorded.
survey-export = Download the responses
survey-delete = Delete survey
survey-delete-confirm = Delete this survey?
survey-delete-has-responses = This survey has responses, so it cannot be deleted. Close it instead: its responses stay in your reports.
survey-std-nps-question = How likely are you to recommend { $business } to a friend or colleague?
survey-std-csat-question = How satisfied were you with your experience with { $business }?
survey-std-ces-question = How much do you agree with this statement: “{ $business } made it easy for me to get what I needed”?
survey-std-custom-question = How would you rate { $business }?
survey-std-thank-you = Thank you! Your feedback helps us do better.
survey-std-improve = What should we improve?
survey-csat-very-dissatisfied = Very dissatisfied
survey-csat-dissatisfied = Dissatisfied
survey-csat-somewhat-dissatisfied = Somewhat dissatisfied
survey-csat-neutral = Neither satisfied nor dissatisfied
survey-csat-somewhat-satisfied = Somewhat satisfied
survey-csat-satisfied = Satisfied
survey-csat-very-satisfied = Very satisfied
survey-ces-strongly-disagree = Strongly disagree
survey-ces-disagree = Disagree
survey-ces-somewhat-disagree = Somewhat disagree
survey-ces-neutral = Neither agree nor disagree
survey-ces-somewhat-agree = Somewhat agree
survey-ces-agree = Agree
survey-ces-strongly-agree = Strongly agree

# The pages respondents see.

respond-title = { $business }: your feedback
respond-languages = Languages
respond-kiosk-fullscreen = Full screen
respond-preview-banner = Preview: answers given here are not recorded.
respond-nps-low = Not at all likely
respond-nps-high = Extremely likely
respond-next = Send
respond-choose-score = Please choose a score.
respond-score-off-scale = Please choose a score from { $low } to { $high }.
respond-form-expired = Your answer was not sent because the page had expired. Please choose again and send it.
respond-recorded = Thank you: your answer has been recorded.
respond-tell-more = Would you like to tell us a little more? Everything below is optional.
respond-check-answers = Please check the answers marked below.
respond-choose-any = Choose as many as apply.
respond-comment = Anything else you would like to tell us?
respond-send = Send
respond-skip = No thanks, I'm done
respond-text-too-long = { $max ->
    [one] Please keep this to { $max } character or fewer.
   *[other] Please keep this to { $max } characters or fewer.
}
respond-closed-title = This survey is closed
respond-closed = Thank you for your interest. This survey no longer takes answers.
respond-not-open-title = This survey is not open yet
respond-not-open = Please try again later.
respond-unknown-title = No survey here
respond-unknown = There is no survey at this address. Please check the link you were given.
respond-invitation-unknown = This link is not valid. Please check that you opened the whole link from the e-mail.

# Unsubscribing from a business's survey e-mails (/u/{token}).

unsubscribe-title = Unsubscribe
unsubscribe-question = Stop survey e-mails from { $business }?
unsubscribe-explain = You will get no more survey invitations or reminders from { $business }.
unsubscribe-button = Unsubscribe
unsubscribe-done-title = You are unsubscribed
unsubscribe-done = { $business } will not send you survey e-mails any more.

# Invitation and reminder e-mails. Subjects are plain text.

mail-invite-subject = A quick question from { $business }
mail-reminder-subject = Reminder: a quick question from { $business }
mail-greeting = Hello { $name },
mail-greeting-anonymous = Hello,
mail-invite-intro = { $business } would like to hear from you. One click is enough:
mail-reminder-intro = A few days ago { $business } asked you one question. If you have a moment, one click is enough:
mail-score-hint = Click your answer. You can then tell us more if you wish.
mail-open-page = Answer in your browser
mail-why = You are getting this e-mail because you are a customer of { $business }.
mail-unsubscribe = Unsubscribe from these e-mails

# Inviting customers by e-mail (the survey page).

survey-invite = Invite by e-mail
survey-invite-customers = Customers to invite
survey-invite-customers-hint = One customer per line: e-mail, name, language (en, cy, ms, sw, ar or vi), your customer id. Only the e-mail is needed; a header line is allowed. Up to { $max } at a time.
survey-invite-reminder = Reminder after (days)
survey-invite-reminder-hint = One reminder to those who have not answered by then. 0: no reminder.
survey-invite-send = Send invitations
survey-invite-result = Invited: { $invited }. Not invited: { $throttled } asked in the last { $days ->
    [one] day
   *[other] { $days } days
}, { $unsubscribed } unsubscribed.
survey-invite-anonymous = An anonymous survey cannot be sent by e-mail: an invitation's link names the customer. Share its public link, widget or kiosk instead.
survey-invite-closed = This survey is closed: it takes no more invitations.
survey-invite-mail-off = E-mail is not set up for taith yet, so invitations wait here until it is. Ask your administrator to set up e-mail.
survey-invite-waiting = Invitations go out while the survey is live.
survey-invite-stats = Invited: { $invited } · e-mailed: { $sent } · reminded: { $reminded } · answered: { $answered } · unsubscribed: { $unsubscribed } · held back by the contact budget or consent: { $skipped }
survey-invite-line = Line { $line }, { $column }: { $issue }
survey-invite-empty = Give at least one customer.

# Dates as the dashboards write them.

date-format = { $day } { $month } { $year }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

# The overview dashboard.

nav-dashboard = Dashboard
dashboard-title = Dashboard
dashboard-csv = Download as CSV
dashboard-print = Print
dashboard-from = From
dashboard-to = To
dashboard-show = Show
dashboard-period = { $from } to { $to }
dashboard-empty = No NPS, CSAT or CES survey has responses yet.
dashboard-nps = Net Promoter Score (NPS)
dashboard-csat = Customer satisfaction (CSAT)
dashboard-ces = Customer effort (CES)
dashboard-interval = 95% interval { $low } to { $high }
dashboard-n = { $n ->
    [one] { $n } response
   *[other] { $n } responses
}
dashboard-small-sample = small sample: read with care
dashboard-up = Up { $delta } on the period before: a significant change.
dashboard-down = Down { $delta } on the period before: a significant change.
dashboard-no-significant-change = No significant change on the period before.
dashboard-no-previous = No responses in the period before to compare with.
dashboard-mixed-scales = These surveys use different scales, so they are not added up here.
dashboard-chart-alt = { $metric } week by week, with its 95% interval; the figures are in the table below.
dashboard-point = { $n ->
    [one] { $week }: { $value } ({ $n } response)
   *[other] { $week }: { $value } ({ $n } responses)
}
dashboard-table = The figures
dashboard-week = Week
dashboard-interval-head = 95% interval
dashboard-responses = Responses
dashboard-volume = Responses per week
dashboard-volume-alt = Responses per week, as bars; the figures are in the table below.
dashboard-volume-point = { $n ->
    [one] { $week }: { $n } response
   *[other] { $week }: { $n } responses
}

# The live journey map.

map-live-nps = NPS
map-live-csat = CSAT
map-live-ces = CES
map-live-detail = { $n ->
    [one] 95% interval { $low } to { $high }, { $n } response
   *[other] 95% interval { $low } to { $high }, { $n } responses
}
map-live-up = significantly up on the period before
map-live-down = significantly down on the period before
map-live-pain = Pain point from the responses
map-live-stage = { $stage }: { $value } from the responses
map-live-curve = From the responses
map-live-typed = As typed in

# Comparing segments.

dashboard-segments = Compare segments
dashboard-metric = Figure
dashboard-compare-by = Compare by
dashboard-segment = Segment
dashboard-value = Score
dashboard-versus-rest = Against all the others
dashboard-chart = Chart
dashboard-dim-channel = Channel
dashboard-dim-locale = Language
dashboard-dim-touchpoint = Touchpoint
dashboard-dim-stage = Stage
dashboard-dim-journey = Journey

# One touchpoint's dashboard.

dashboard-distribution = How the scores spread
dashboard-comments = Latest comments
dashboard-no-comments = No comments here yet.
dashboard-no-answers-here = Nobody has answered a survey at this touchpoint in this period.
