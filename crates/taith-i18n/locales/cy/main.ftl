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
error-request-id = Os byddwch yn rhoi gwybod i ni am hyn, dyfynnwch y cyfeirnod hwn: { $id }
error-too-many-title = Gormod o ymdrechion
error-too-many = Rydych wedi rhoi cynnig ar hyn yn rhy aml mewn amser byr. Arhoswch ennyd a rhowch gynnig arall arni.
error-busy-title = Prysur ar hyn o bryd
error-busy = Mae'r gweinydd yn trin llawer ar hyn o bryd. Rhowch gynnig arall arni ymhen ychydig eiliadau.

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

## Surveys
nav-surveys = Arolygon
surveys-title = Arolygon
surveys-new = Arolwg newydd
surveys-empty = Dim arolygon eto. Gofynnwch i gwsmeriaid pa mor debygol ydyn nhw o'ch argymell (SHN), pa mor fodlon oedden nhw (BC) neu pa mor hawdd oedd hi iddyn nhw (SgôrYC), yn union lle mae'n digwydd ar eu taith.
surveys-no-touchpoint = Heb ei gysylltu â phwynt cyswllt
survey-kind-nps = Sgôr Hyrwyddwr Net (SHN, NPS)
survey-kind-csat = Bodlonrwydd Cwsmeriaid (BC, CSAT)
survey-kind-ces = Sgôr Ymdrech Cwsmeriaid (SgôrYC, CES)
survey-kind-custom = Pwrpasol
survey-kind-nps-hint = 0–10: pa mor debygol yw'r cwsmer o'ch argymell chi?
survey-kind-csat-hint = 1–5: pa mor fodlon oedd y cwsmer?
survey-kind-ces-hint = 1–5: wnaethoch chi hi'n hawdd? Gofynnir fel cytuno neu anghytuno.
survey-kind-custom-hint = Eich cwestiwn eich hun, ar raddfa o'ch dewis.
survey-status-draft = Drafft
survey-status-live = Byw
survey-status-closed = Ar gau
survey-new-intro = Mae'r cwestiwn a'r neges ddiolch yn dechrau yng ngeiriad safonol y math a ddewiswch, yn y chwe iaith. Gallwch eu newid wedyn.
survey-create = Creu arolwg
survey-field-kind = Math
survey-field-status = Statws
survey-field-scale = Graddfa
survey-field-scale-low = Sgôr isaf
survey-field-scale-high = Sgôr uchaf
survey-field-default-locale = Iaith ddiofyn
survey-field-touchpoint = Pwynt cyswllt
survey-field-anonymous = Dienw: peidio â chadw cwsmer, cyfeiriad IP na dyfais gyda'r ymatebion
survey-field-throttle = Nifer y diwrnodau cyn gofyn i'r un cwsmer eto
survey-field-question = Cwestiwn
survey-field-thank-you = Neges ddiolch
survey-texts = Cwestiwn a neges ddiolch
survey-texts-hint = Mae ymatebwyr yn gweld yr iaith maen nhw'n gofyn amdani pan fydd wedi'i llenwi yma, ac fel arall yr iaith ddiofyn.
survey-default-mark = diofyn
survey-errors = Mae angen sylw ar rai meysydd: gweler y negeseuon isod.
survey-saved = Arolwg wedi'i gadw.
survey-scale-locked = Does dim modd newid y raddfa ar ôl i'r arolwg gael ymatebion. Crëwch arolwg newydd ar gyfer graddfa newydd.
survey-follow-ups = Cwestiynau dilynol
survey-follow-ups-hint = Gofynnir ar ôl y sgôr, a dim ond i ymatebwyr y mae eu sgôr yn yr ystod a osodwch.
survey-follow-up-n = Cwestiwn dilynol { $n }
survey-follow-up-new = Cwestiwn dilynol newydd
survey-follow-up-add = Ychwanegu cwestiwn dilynol
survey-fu-prompt = Cwestiwn
survey-fu-kind = Math o ateb
survey-fu-kind-open-text = Testun rhydd
survey-fu-kind-single-choice = Un dewis
survey-fu-kind-multiple-choice = Sawl dewis
survey-fu-kind-rating = Sgôr
survey-fu-when = Dim ond ar gyfer sgorau
survey-fu-when-from = o
survey-fu-when-to = i
survey-fu-when-hint = Gadewch y ddau'n wag i ofyn ar ôl pob sgôr.
survey-fu-options = Opsiynau, un ar bob llinell (un dewis a sawl dewis)
survey-fu-rating = Graddfa'r sgôr (math Sgôr yn unig)
survey-fu-translations = Cyfieithiadau
survey-fu-translations-hint = Ysgrifennwch yr opsiynau fesul llinell, yn yr un drefn ag yn yr iaith ddiofyn. Gofynnir cwestiwn a adawyd yn wag yn yr iaith ddiofyn.
survey-fu-remove = Tynnu'r cwestiwn hwn
survey-suggest = Awgrym: gofyn “{ $question }” i'r rhai sy'n rhoi sgôr { $low }–{ $high }
survey-suggest-add = Ychwanegu
survey-public-link = Dolen gyhoeddus
survey-public-link-live = Rhannwch y cyfeiriad hwn, neu rhowch ddolen iddo ar eich gwefan, eich derbynebau neu'ch e-byst.
survey-public-link-not-live = Gall ymatebwyr ateb pan fydd y statws yn “Byw”.
survey-kiosk-link = Llechen wrth y cownter
survey-kiosk-hint = Agorwch y cyfeiriad hwn ar lechen: mae'n llenwi'r sgrin ac yn dechrau eto ar ôl pob ateb.
survey-widget-tag = Teclyn ar gyfer eich gwefan
survey-widget-hint = Gludwch y tag hwn i dudalen o'ch gwefan lle dylai'r arolwg ymddangos. Os yw eich gwefan yn anfon Content-Security-Policy, caniatewch y cyfeiriad hwn yn script-src a frame-src.
survey-preview = Rhagolwg
survey-preview-hint = Mae'r rhagolwg yn dangos tudalennau'r ymatebwr; does dim sy'n cael ei ateb yno'n cael ei gofnodi.
survey-export = Lawrlwytho'r ymatebion
survey-delete = Dileu'r arolwg
survey-delete-confirm = Dileu'r arolwg hwn?
survey-delete-has-responses = Mae gan yr arolwg hwn ymatebion, felly does dim modd ei ddileu. Caewch ef yn lle hynny: mae ei ymatebion yn aros yn eich adroddiadau.
survey-std-nps-question = Pa mor debygol ydych chi o argymell { $business } i ffrind neu gydweithiwr?
survey-std-csat-question = Pa mor fodlon oeddech chi â'ch profiad gyda { $business }?
survey-std-ces-question = I ba raddau ydych chi'n cytuno â'r datganiad hwn: “Gwnaeth { $business } hi'n hawdd i mi gael yr hyn roedd ei angen arnaf”?
survey-std-custom-question = Sut byddech chi'n sgorio { $business }?
survey-std-thank-you = Diolch! Mae'ch adborth yn ein helpu i wella.
survey-std-improve = Beth ddylen ni ei wella?
survey-csat-very-dissatisfied = Anfodlon iawn
survey-csat-dissatisfied = Anfodlon
survey-csat-somewhat-dissatisfied = Braidd yn anfodlon
survey-csat-neutral = Ddim yn fodlon nac yn anfodlon
survey-csat-somewhat-satisfied = Braidd yn fodlon
survey-csat-satisfied = Bodlon
survey-csat-very-satisfied = Bodlon iawn
survey-ces-strongly-disagree = Anghytuno'n gryf
survey-ces-disagree = Anghytuno
survey-ces-somewhat-disagree = Anghytuno rhywfaint
survey-ces-neutral = Ddim yn cytuno nac yn anghytuno
survey-ces-somewhat-agree = Cytuno rhywfaint
survey-ces-agree = Cytuno
survey-ces-strongly-agree = Cytuno'n gryf

# Y tudalennau a welir gan ymatebwyr.

respond-title = { $business }: eich adborth
respond-languages = Ieithoedd
respond-kiosk-fullscreen = Sgrin lawn
respond-preview-banner = Rhagolwg: nid yw atebion a roddir yma'n cael eu cofnodi.
respond-nps-low = Ddim yn debygol o gwbl
respond-nps-high = Hynod o debygol
respond-next = Anfon
respond-choose-score = Dewiswch sgôr, os gwelwch yn dda.
respond-score-off-scale = Dewiswch sgôr o { $low } i { $high }, os gwelwch yn dda.
respond-form-expired = Chafodd eich ateb mo'i anfon am fod y dudalen wedi dod i ben. Dewiswch eto a'i anfon, os gwelwch yn dda.
respond-recorded = Diolch: mae'ch ateb wedi'i gofnodi.
respond-tell-more = Hoffech chi ddweud ychydig mwy wrthon ni? Mae popeth isod yn ddewisol.
respond-check-answers = Gwiriwch yr atebion sydd wedi'u marcio isod, os gwelwch yn dda.
respond-choose-any = Dewiswch gynifer ag sy'n berthnasol.
respond-comment = Oes unrhyw beth arall yr hoffech chi ei ddweud wrthon ni?
respond-send = Anfon
respond-skip = Dim diolch, dyna'r cyfan
respond-text-too-long = Cadwch hyn i { $max } nod neu lai, os gwelwch yn dda.
respond-closed-title = Mae'r arolwg hwn ar gau
respond-closed = Diolch am eich diddordeb. Nid yw'r arolwg hwn yn derbyn atebion mwyach.
respond-not-open-title = Dydy'r arolwg hwn ddim ar agor eto
respond-not-open = Rhowch gynnig arall arni'n nes ymlaen, os gwelwch yn dda.
respond-unknown-title = Dim arolwg yma
respond-unknown = Does dim arolwg yn y cyfeiriad hwn. Gwiriwch y ddolen a gawsoch chi, os gwelwch yn dda.
respond-invitation-unknown = Dydy'r ddolen hon ddim yn ddilys. Gwiriwch eich bod wedi agor y ddolen gyfan o'r e-bost, os gwelwch yn dda.

# Dad-danysgrifio o e-byst arolwg busnes (/u/{token}).

unsubscribe-title = Dad-danysgrifio
unsubscribe-question = Rhoi'r gorau i gael e-byst arolwg gan { $business }?
unsubscribe-explain = Fyddwch chi ddim yn cael rhagor o wahoddiadau i arolygon na nodiadau atgoffa gan { $business }.
unsubscribe-button = Dad-danysgrifio
unsubscribe-done-title = Rydych chi wedi dad-danysgrifio
unsubscribe-done = Fydd { $business } ddim yn anfon e-byst arolwg atoch chi mwyach.

# E-byst gwahodd ac atgoffa. Testun plaen yw'r penawdau pwnc.

mail-invite-subject = Cwestiwn sydyn gan { $business }
mail-reminder-subject = Nodyn atgoffa: cwestiwn sydyn gan { $business }
mail-greeting = Helo { $name },
mail-greeting-anonymous = Helo,
mail-invite-intro = Hoffai { $business } glywed gennych chi. Mae un clic yn ddigon:
mail-reminder-intro = Ychydig ddyddiau yn ôl, gofynnodd { $business } un cwestiwn i chi. Os oes gennych chi funud, mae un clic yn ddigon:
mail-score-hint = Cliciwch ar eich ateb. Yna gallwch ddweud mwy wrthon ni os hoffech chi.
mail-open-page = Ateb yn eich porwr
mail-why = Rydych chi'n cael yr e-bost hwn am eich bod yn gwsmer i { $business }.
mail-unsubscribe = Dad-danysgrifio o'r e-byst hyn

# Gwahodd cwsmeriaid drwy e-bost (tudalen yr arolwg).

survey-invite = Gwahodd drwy e-bost
survey-invite-customers = Cwsmeriaid i'w gwahodd
survey-invite-customers-hint = Un cwsmer ar bob llinell: e-bost, enw, iaith (en, cy, ms, sw, ar neu vi), eich cyfeirnod cwsmer. Dim ond yr e-bost sy'n orfodol; caniateir llinell bennawd. Hyd at { $max } ar y tro.
survey-invite-reminder = Nodyn atgoffa ar ôl (diwrnodau)
survey-invite-reminder-hint = Un nodyn atgoffa i'r rhai sydd heb ateb erbyn hynny. 0: dim nodyn atgoffa.
survey-invite-send = Anfon y gwahoddiadau
survey-invite-result = Wedi'u gwahodd: { $invited }. Heb eu gwahodd: { $throttled } wedi'u holi yn ystod { $days ->
    [one] y diwrnod diwethaf
    [two] y { $days } ddiwrnod diwethaf
   *[other] y { $days } diwrnod diwethaf
}, { $unsubscribed } wedi dad-danysgrifio.
survey-invite-anonymous = Does dim modd anfon arolwg dienw drwy e-bost: mae dolen pob gwahoddiad yn enwi'r cwsmer. Rhannwch y ddolen gyhoeddus, y teclyn neu'r llechen yn lle hynny.
survey-invite-closed = Mae'r arolwg hwn ar gau: does dim modd anfon rhagor o wahoddiadau ato.
survey-invite-mail-off = Dydy e-bost ddim wedi'i osod ar gyfer taith eto, felly mae'r gwahoddiadau'n aros yma nes iddo gael ei osod. Gofynnwch i'ch gweinyddwr osod e-bost.
survey-invite-waiting = Anfonir gwahoddiadau tra bo statws yr arolwg yn “Byw”.
survey-invite-stats = Wedi'u gwahodd: { $invited } · wedi cael e-bost: { $sent } · wedi'u hatgoffa: { $reminded } · wedi ateb: { $answered } · wedi dad-danysgrifio: { $unsubscribed } · wedi'u dal yn ôl (cyllideb cysylltu neu ganiatâd): { $skipped }
survey-invite-line = Llinell { $line }, { $column }: { $issue }
survey-invite-empty = Ychwanegwch o leiaf un cwsmer.

# Dyddiadau fel y mae'r dangosfyrddau'n eu hysgrifennu.

date-format = { $day } { $month } { $year }
month-1 = Ionawr
month-2 = Chwefror
month-3 = Mawrth
month-4 = Ebrill
month-5 = Mai
month-6 = Mehefin
month-7 = Gorffennaf
month-8 = Awst
month-9 = Medi
month-10 = Hydref
month-11 = Tachwedd
month-12 = Rhagfyr

# Y dangosfwrdd trosolwg.

nav-dashboard = Dangosfwrdd
dashboard-title = Dangosfwrdd
dashboard-csv = Llwytho i lawr fel CSV
dashboard-print = Argraffu
dashboard-from = O
dashboard-to = I
dashboard-show = Dangos
dashboard-period = { $from } i { $to }
dashboard-empty = Does gan yr un arolwg NPS, CSAT na CES ymatebion eto.
dashboard-nps = Sgôr Hyrwyddwr Net (SHN, NPS)
dashboard-csat = Bodlonrwydd Cwsmeriaid (BC, CSAT)
dashboard-ces = Sgôr Ymdrech Cwsmeriaid (SgôrYC, CES)
dashboard-interval = Cyfwng hyder 95%: { $low } i { $high }
dashboard-n = { $n ->
    [zero] dim ymatebion
   *[other] { $n } ymateb
}
dashboard-small-sample = sampl bach: darllenwch yn ofalus
dashboard-up = Cynnydd o { $delta } o'i gymharu â'r cyfnod blaenorol: newid arwyddocaol.
dashboard-down = Gostyngiad o { $delta } o'i gymharu â'r cyfnod blaenorol: newid arwyddocaol.
dashboard-no-significant-change = Dim newid arwyddocaol o'i gymharu â'r cyfnod blaenorol.
dashboard-no-previous = Does dim ymatebion yn y cyfnod blaenorol i gymharu â nhw.
dashboard-mixed-scales = Mae'r arolygon hyn yn defnyddio graddfeydd gwahanol, felly dydyn nhw ddim yn cael eu cyfuno yma.
dashboard-chart-alt = { $metric } fesul wythnos, gyda chyfwng hyder 95%; mae'r ffigurau yn y tabl isod.
dashboard-point = { $n ->
    [zero] { $week }: { $value } (dim ymatebion)
   *[other] { $week }: { $value } ({ $n } ymateb)
}
dashboard-table = Y ffigurau
dashboard-week = Wythnos
dashboard-interval-head = Cyfwng hyder 95%
dashboard-responses = Ymatebion
dashboard-volume = Ymatebion fesul wythnos
dashboard-volume-alt = Ymatebion fesul wythnos, ar ffurf barrau; mae'r ffigurau yn y tabl isod.
dashboard-volume-point = { $n ->
    [zero] { $week }: dim ymatebion
   *[other] { $week }: { $n } ymateb
}

# Y map taith byw.

map-live-nps = SHN
map-live-csat = BC
map-live-ces = SgôrYC
map-live-detail = { $n ->
    [zero] Cyfwng hyder 95% { $low } i { $high }, dim ymatebion
   *[other] Cyfwng hyder 95% { $low } i { $high }, { $n } ymateb
}
map-live-up = wedi codi'n arwyddocaol ers y cyfnod cynt
map-live-down = wedi gostwng yn arwyddocaol ers y cyfnod cynt
map-live-pain = Pwynt poen o'r ymatebion
map-live-stage = { $stage }: { $value } o'r ymatebion
map-live-curve = O'r ymatebion
map-live-typed = Fel y'u teipiwyd

# Cymharu segmentau.

dashboard-segments = Cymharu segmentau
dashboard-metric = Ffigur
dashboard-compare-by = Cymharu yn ôl
dashboard-segment = Segment
dashboard-value = Sgôr
dashboard-versus-rest = O'i gymharu â'r lleill i gyd
dashboard-chart = Siart
dashboard-dim-channel = Sianel
dashboard-dim-locale = Iaith
dashboard-dim-touchpoint = Pwynt cyswllt
dashboard-dim-stage = Cam
dashboard-dim-journey = Taith

# Dangosfwrdd un pwynt cyswllt.

dashboard-distribution = Sut mae'r sgorau wedi'u gwasgaru
dashboard-comments = Sylwadau diweddaraf
dashboard-no-comments = Dim sylwadau yma eto.
dashboard-no-answers-here = Nid oes neb wedi ateb arolwg yn y pwynt cyswllt hwn yn ystod y cyfnod hwn.
