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
