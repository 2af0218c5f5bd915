# taith — llinynnau'r rhyngwyneb yn Gymraeg. Rhaid i bob allwedd yn en fodoli yma (profir).

## Navigation and frame
nav-skip = Neidio i'r cynnwys
nav-label = Gweithle
nav-journeys = Teithiau
nav-personas = Personâu
nav-members = Aelodau
nav-tokens = Tocynnau API
nav-sign-out = Allgofnodi

## Common actions
action-save = Cadw
action-edit = Golygu
action-delete = Dileu

## Errors
error-home = Yn ôl i'r dudalen gychwyn
error-not-found-title = Heb ei ganfod
error-not-found = Does dim byd yn y cyfeiriad hwn, neu does gennych chi ddim mynediad ato.
error-forbidden-title = Dim caniatâd
error-forbidden = Dydy'ch rôl yn y gweithle hwn ddim yn caniatáu hyn.
error-csrf-title = Mae'r ffurflen wedi dod i ben
error-csrf = Ewch yn ôl, ail-lwythwch y dudalen a rhowch gynnig arall arni.
error-bad-request-title = Mae rhywbeth o'i le ar y cais
error-bad-request = Doedd dim modd darllen y cais. Ewch yn ôl a rhowch gynnig arall arni.
error-too-large-title = Gormod ar unwaith
error-too-large = Mae'r hyn a anfonoch chi'n fwy nag y mae taith yn ei dderbyn.
error-conflict-title = Wedi newid yn barod
error-conflict = Newidiodd rhywun arall hyn ar yr un pryd. Ail-lwythwch y dudalen a rhowch gynnig arall arni.
error-internal-title = Aeth rhywbeth o'i le ar ein hochr ni
error-internal = Mae'r gwall wedi'i gofnodi. Rhowch gynnig arall arni mewn munud.

## Field-level problems
issue-required = Llenwch hwn, os gwelwch yn dda.
issue-too-long = Mae hwn yn rhy hir.
issue-invalid = Dydy hwn ddim yn edrych yn iawn.
issue-unknown-value = Dewiswch un o'r opsiynau.
issue-not-found = Dydy hwn ddim yn bodoli yn y gweithle hwn mwyach.
issue-taken = Mae hwn wedi'i gymryd yn barod.
issue-too-short = Mae hwn yn rhy fyr: defnyddiwch o leiaf 10 nod.
issue-mismatch = Dydy'r ddau gofnod ddim yn cyfateb.

## Fields
field-name = Enw
field-description = Disgrifiad
field-persona = Persona
field-email = Cyfeiriad e-bost
field-password = Cyfrinair
field-password-confirm = Cyfrinair eto
field-workspace-name = Enw'r busnes neu'r gweithle
field-slug = Cyfeiriad byr
field-your-name = Eich enw
field-role = Rôl
field-scope = Mynediad
field-needs = Anghenion
field-goals = Nodau
field-behaviours = Ymddygiadau
field-pains = Poenau
field-demographics = Demograffeg
field-actions = Gweithredoedd y cwsmer
field-thoughts = Meddyliau
field-emotions = Emosiynau
field-emotion = Sut mae'n teimlo
field-pain-points = Pwyntiau poen
field-opportunities = Cyfleoedd
field-one-per-line = Un ar bob llinell
field-channel = Sianel
field-owner = Perchennog
field-owner-member = Perchennog (aelod)
field-owner-team = …neu dîm perchennog
field-moment-of-truth = Eiliad y gwirionedd
field-stage = Cam

## Set-up and sign-in
setup-title = Gosod taith
setup-intro = Crëwch eich gweithle a'ch cyfrif perchennog. Gallwch wahodd eich tîm wedyn.
setup-slug-hint = Llythrennau bach, digidau a chysylltnodau, i'w defnyddio mewn cyfeiriadau, e.e. fy-becws.
setup-submit = Creu gweithle
login-title = Mewngofnodi
login-submit = Mewngofnodi
login-failed = Dydy'r cyfeiriad e-bost a'r cyfrinair ddim yn cyfateb i gyfrif.
home-title = Eich gweithleoedd
home-none = Dydych chi ddim yn aelod o unrhyw weithle eto.

## Roles and scopes
role-owner = Perchennog
role-admin = Gweinyddwr
role-analyst = Dadansoddwr
role-agent = Asiant
role-viewer = Gwyliwr
scope-read = Darllen yn unig
scope-write = Darllen ac ysgrifennu

## Journeys
journeys-title = Mapiau taith cwsmer
journeys-new = Taith newydd
journeys-create = Creu taith
journeys-empty = Dim teithiau eto. Mapiwch sut mae'ch cwsmeriaid yn dod o hyd i chi, yn prynu ac yn dod yn ôl.
journeys-for-persona = Ar gyfer persona
journeys-updated = Diweddarwyd
journeys-model = Dechrau o
journeys-stage-count = { $count ->
    [zero] { $count } cam
    [one] { $count } cam
    [two] { $count } gam
    [few] { $count } cham
    [many] { $count } cham
   *[other] { $count } cam
}
journeys-touchpoint-count = { $count ->
    [zero] { $count } pwynt cyswllt
    [one] { $count } pwynt cyswllt
    [two] { $count } bwynt cyswllt
    [few] { $count } phwynt cyswllt
    [many] { $count } phwynt cyswllt
   *[other] { $count } pwynt cyswllt
}
model-five-stage = Pum cam
model-seven-stage = Saith cam
model-blank = Map gwag
persona-none = Dim persona

## Stage names of the starting models
stage-awareness = Ymwybyddiaeth
stage-consideration = Ystyriaeth
stage-purchase = Prynu
stage-retention = Cadw
stage-advocacy = Eiriolaeth
stage-discovery = Darganfod
stage-evaluation = Gwerthuso
stage-choice = Dewis
stage-use = Defnyddio

## Channels
channel-web = Gwe
channel-email = E-bost
channel-phone = Ffôn
channel-chat = Sgwrs
channel-social = Cyfryngau cymdeithasol
channel-in-store = Yn y siop
channel-in-app = Yn yr ap
channel-sms = SMS
channel-other = Arall

## Owners and emotions
owner-none = Dim perchennog eto
owner-none-member = — dim aelod —
owner-former-member = Cyn-aelod
emotion-unset = Heb ei osod
emotion-very-negative = Negyddol iawn
emotion-negative = Negyddol
emotion-neutral = Niwtral
emotion-positive = Cadarnhaol
emotion-very-positive = Cadarnhaol iawn

## The map
map-stage = Cam
map-touchpoints = Pwyntiau cyswllt
map-actions = Gweithredoedd y cwsmer
map-thoughts = Meddyliau
map-emotions = Emosiynau
map-pain-points = Pwyntiau poen
map-opportunities = Cyfleoedd
map-owner = Perchennog
map-moment-of-truth = Eiliad y gwirionedd
map-no-touchpoints = Dim pwyntiau cyswllt eto.
map-curve-empty = Dim emosiynau wedi'u cofnodi eto.
map-edit = Golygu'r map
map-details = Manylion
map-history = { $version ->
    [zero] Hanes ({ $version } fersiwn)
    [one] Hanes (1 fersiwn)
    [two] Hanes (2 fersiwn)
    [few] Hanes ({ $version } fersiwn)
    [many] Hanes ({ $version } fersiwn)
   *[other] Hanes ({ $version } fersiwn)
}
map-download-svg = Llwytho SVG i lawr
map-export-json = Allforio JSON
map-print = Argraffu

## The editor
edit-title = Golygu'r daith
edit-back-to-map = Yn ôl i'r map
edit-details = Manylion
edit-stages = Camau
edit-stage-notes = Golygu nodiadau'r cam
edit-save-stage = Cadw'r cam
edit-move-earlier = Symud yn gynharach
edit-move-later = Symud yn hwyrach
edit-delete-stage = Dileu'r cam
edit-delete-stage-confirm = Dileu'r cam hwn a'i bwyntiau cyswllt?
edit-add-stage = Ychwanegu cam
edit-add-touchpoint = Ychwanegu pwynt cyswllt
edit-save-touchpoint = Cadw'r pwynt cyswllt
edit-delete-touchpoint = Dileu'r pwynt cyswllt
edit-delete-touchpoint-confirm = Dileu'r pwynt cyswllt hwn?
edit-delete-journey = Dileu'r daith
edit-delete-journey-confirm = Dileu'r daith hon a'i holl hanes?

## History
history-title = Hanes
history-version = Fersiwn { $version }
history-current = cyfredol
history-by = gan { $author }, { $when }
history-restore = Adfer y fersiwn hon
change-created = Wedi creu'r daith
change-imported = Wedi mewnforio'r daith
change-restored = Wedi adfer fersiwn { $version }
change-details = Wedi newid { $fields }
change-stage-added = Wedi ychwanegu'r cam “{ $stage }”
change-stage-removed = Wedi tynnu'r cam “{ $stage }”
change-stage-changed = Wedi newid { $fields } y cam “{ $stage }”
change-stages-reordered = Wedi aildrefnu'r camau
change-touchpoint-added = Wedi ychwanegu'r pwynt cyswllt “{ $touchpoint }” at “{ $stage }”
change-touchpoint-removed = Wedi tynnu'r pwynt cyswllt “{ $touchpoint }”
change-touchpoint-changed = Wedi newid { $fields } y pwynt cyswllt “{ $touchpoint }”
change-touchpoint-moved = Wedi symud y pwynt cyswllt “{ $touchpoint }” i “{ $stage }”

## Personas
personas-title = Personâu
personas-new = Persona newydd
personas-empty = Dim personâu eto. Mae persona'n disgrifio un math o gwsmer: beth sydd ei angen arno a beth sy'n ei rwystro.
personas-delete-confirm = Dileu'r persona hwn? Bydd y teithiau a luniwyd ar ei gyfer yn cael eu cadw.

## Members
members-title = Aelodau
members-you = chi
members-actions = Gweithredoedd
members-add = Ychwanegu aelod
members-initial-password = Cyfrinair cyntaf (gallan nhw ei newid wedyn)
members-remove = Tynnu
members-remove-confirm = Tynnu'r aelod hwn o'r gweithle?
members-last-owner = Mae angen o leiaf un perchennog ar weithle.

## API tokens
tokens-title = Tocynnau API
tokens-intro = Mae tocynnau'n gadael i systemau eraill ddefnyddio API taith ar gyfer y gweithle hwn. Anfonwch un fel “Authorization: Bearer …”.
tokens-new = Tocyn newydd
tokens-create = Creu tocyn
tokens-created = Copïwch y tocyn hwn nawr: ni fydd yn cael ei ddangos eto.
tokens-created-at = Crëwyd
tokens-revoke = Dirymu
tokens-revoke-confirm = Dirymu'r tocyn hwn? Bydd systemau sy'n ei ddefnyddio'n rhoi'r gorau i weithio.
