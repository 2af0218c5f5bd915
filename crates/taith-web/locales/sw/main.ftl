# taith — maandishi ya kiolesura kwa Kiswahili. Kila ufunguo ulio katika en lazima uwepo hapa (hujaribiwa).

## Navigation and frame
nav-skip = Ruka hadi maudhui
nav-label = Eneo la kazi
nav-journeys = Safari
nav-personas = Wasifu wa wateja
nav-members = Wanachama
nav-tokens = Tokeni za API
nav-sign-out = Ondoka

## Common actions
action-save = Hifadhi
action-edit = Hariri
action-delete = Futa

## Errors
error-home = Rudi kwenye ukurasa wa mwanzo
error-not-found-title = Haikupatikana
error-not-found = Hakuna kitu kwenye anwani hii, au huna ruhusa ya kukifikia.
error-forbidden-title = Hairuhusiwi
error-forbidden = Jukumu lako katika eneo hili la kazi haliruhusu hili.
error-csrf-title = Muda wa fomu umeisha
error-csrf = Tafadhali rudi nyuma, pakia upya ukurasa kisha ujaribu tena.
error-bad-request-title = Kuna hitilafu katika ombi
error-bad-request = Ombi halikuweza kusomwa. Tafadhali rudi nyuma ujaribu tena.
error-too-large-title = Ni mengi mno kwa mara moja
error-too-large = Ulichotuma ni kikubwa kuliko kiwango ambacho taith inakubali.
error-conflict-title = Tayari kimebadilishwa
error-conflict = Mtu mwingine alibadilisha hiki wakati huohuo. Pakia upya ukurasa ujaribu tena.
error-internal-title = Hitilafu imetokea upande wetu
error-internal = Hitilafu imerekodiwa. Tafadhali jaribu tena baada ya muda mfupi.

## Field-level problems
issue-required = Tafadhali jaza hapa.
issue-too-long = Hii ni ndefu mno.
issue-invalid = Hii haionekani sahihi.
issue-unknown-value = Tafadhali chagua mojawapo ya chaguo.
issue-not-found = Hiki hakipo tena katika eneo hili la kazi.
issue-taken = Hiki tayari kimechukuliwa.
issue-too-short = Hii ni fupi mno: tumia angalau herufi 10.
issue-mismatch = Maingizo mawili hayalingani.

## Fields
field-name = Jina
field-description = Maelezo
field-persona = Wasifu wa mteja
field-email = Anwani ya barua pepe
field-password = Nenosiri
field-password-confirm = Nenosiri tena
field-workspace-name = Jina la biashara au eneo la kazi
field-slug = Anwani fupi
field-your-name = Jina lako
field-role = Jukumu
field-scope = Ufikiaji
field-needs = Mahitaji
field-goals = Malengo
field-behaviours = Tabia
field-pains = Kero
field-demographics = Demografia
field-actions = Vitendo vya mteja
field-thoughts = Mawazo
field-emotions = Hisia
field-emotion = Jinsi anavyojisikia
field-pain-points = Sehemu za kero
field-opportunities = Fursa
field-one-per-line = Moja kwa kila mstari
field-channel = Njia
field-owner = Mhusika
field-owner-member = Mhusika (mwanachama)
field-owner-team = …au timu inayohusika
field-moment-of-truth = Wakati muhimu
field-stage = Hatua

## Set-up and sign-in
setup-title = Sanidi taith
setup-intro = Unda eneo lako la kazi na akaunti yako ya mmiliki. Unaweza kualika timu yako baadaye.
setup-slug-hint = Herufi ndogo, tarakimu na vistari, hutumika kwenye anwani, k.m. duka-la-mikate.
setup-submit = Unda eneo la kazi
login-title = Ingia
login-submit = Ingia
login-failed = Anwani hiyo ya barua pepe na nenosiri havilingani na akaunti yoyote.
home-title = Maeneo yako ya kazi
home-none = Bado wewe si mwanachama wa eneo lolote la kazi.

## Roles and scopes
role-owner = Mmiliki
role-admin = Msimamizi
role-analyst = Mchambuzi
role-agent = Mhudumu
role-viewer = Mtazamaji
scope-read = Kusoma tu
scope-write = Kusoma na kuandika

## Journeys
journeys-title = Ramani za safari ya mteja
journeys-new = Safari mpya
journeys-create = Unda safari
journeys-empty = Bado hakuna safari. Onyesha kwenye ramani jinsi wateja wanavyokupata, wanavyonunua na wanavyorudi.
journeys-for-persona = Kwa wasifu wa mteja
journeys-updated = Imesasishwa
journeys-model = Anza na
journeys-stage-count = { $count ->
    [one] hatua { $count }
   *[other] hatua { $count }
}
journeys-touchpoint-count = { $count ->
    [one] sehemu { $count } ya mguso
   *[other] sehemu { $count } za mguso
}
model-five-stage = Hatua tano
model-seven-stage = Hatua saba
model-blank = Ramani tupu
persona-none = Hakuna wasifu wa mteja

## Stage names of the starting models
stage-awareness = Ufahamu
stage-consideration = Kuzingatia
stage-purchase = Ununuzi
stage-retention = Kubaki
stage-advocacy = Kupendekeza
stage-discovery = Ugunduzi
stage-evaluation = Tathmini
stage-choice = Uchaguzi
stage-use = Matumizi

## Channels
channel-web = Tovuti
channel-email = Barua pepe
channel-phone = Simu
channel-chat = Gumzo
channel-social = Mitandao ya kijamii
channel-in-store = Dukani
channel-in-app = Ndani ya programu
channel-sms = SMS
channel-other = Nyingine

## Owners and emotions
owner-none = Bado hakuna mhusika
owner-none-member = — hakuna mwanachama —
owner-former-member = Mwanachama wa zamani
emotion-unset = Haijawekwa
emotion-very-negative = Hasi sana
emotion-negative = Hasi
emotion-neutral = Wastani
emotion-positive = Chanya
emotion-very-positive = Chanya sana

## The map
map-stage = Hatua
map-touchpoints = Sehemu za mguso
map-actions = Vitendo vya mteja
map-thoughts = Mawazo
map-emotions = Hisia
map-pain-points = Sehemu za kero
map-opportunities = Fursa
map-owner = Mhusika
map-moment-of-truth = Wakati muhimu
map-no-touchpoints = Bado hakuna sehemu za mguso.
map-curve-empty = Bado hakuna hisia zilizorekodiwa.
map-edit = Hariri ramani
map-details = Taarifa
map-history = { $version ->
    [one] Historia (toleo 1)
   *[other] Historia (matoleo { $version })
}
map-download-svg = Pakua SVG
map-export-json = Hamisha JSON
map-print = Chapisha

## The editor
edit-title = Hariri safari
edit-back-to-map = Rudi kwenye ramani
edit-details = Taarifa
edit-stages = Hatua
edit-stage-notes = Hariri maelezo ya hatua
edit-save-stage = Hifadhi hatua
edit-move-earlier = Sogeza mapema
edit-move-later = Sogeza baadaye
edit-delete-stage = Futa hatua
edit-delete-stage-confirm = Futa hatua hii pamoja na sehemu zake za mguso?
edit-add-stage = Ongeza hatua
edit-add-touchpoint = Ongeza sehemu ya mguso
edit-save-touchpoint = Hifadhi sehemu ya mguso
edit-delete-touchpoint = Futa sehemu ya mguso
edit-delete-touchpoint-confirm = Futa sehemu hii ya mguso?
edit-delete-journey = Futa safari
edit-delete-journey-confirm = Futa safari hii pamoja na historia yake yote?

## History
history-title = Historia
history-version = Toleo { $version }
history-current = la sasa
history-by = na { $author }, { $when }
history-restore = Rejesha toleo hili
change-created = Aliunda safari
change-imported = Aliingiza safari
change-restored = Alirejesha toleo { $version }
change-details = Alibadilisha { $fields }
change-stage-added = Aliongeza hatua “{ $stage }”
change-stage-removed = Aliondoa hatua “{ $stage }”
change-stage-changed = Alibadilisha { $fields } katika hatua “{ $stage }”
change-stages-reordered = Alipanga upya hatua
change-touchpoint-added = Aliongeza sehemu ya mguso “{ $touchpoint }” kwenye “{ $stage }”
change-touchpoint-removed = Aliondoa sehemu ya mguso “{ $touchpoint }”
change-touchpoint-changed = Alibadilisha { $fields } katika sehemu ya mguso “{ $touchpoint }”
change-touchpoint-moved = Alihamisha sehemu ya mguso “{ $touchpoint }” hadi “{ $stage }”

## Personas
personas-title = Wasifu wa wateja
personas-new = Wasifu mpya wa mteja
personas-empty = Bado hakuna wasifu wa mteja. Wasifu wa mteja unaeleza aina moja ya mteja: anachohitaji na kinachomkwamisha.
personas-delete-confirm = Futa wasifu huu wa mteja? Safari zilizochorwa kwa ajili yake zitabaki.

## Members
members-title = Wanachama
members-you = wewe
members-actions = Vitendo
members-add = Ongeza mwanachama
members-initial-password = Nenosiri la kwanza (anaweza kulibadilisha baadaye)
members-remove = Ondoa
members-remove-confirm = Ondoa mwanachama huyu kwenye eneo la kazi?
members-last-owner = Eneo la kazi linahitaji angalau mmiliki mmoja.

## API tokens
tokens-title = Tokeni za API
tokens-intro = Tokeni huruhusu mifumo mingine kutumia API ya taith kwa eneo hili la kazi. Tuma tokeni kama “Authorization: Bearer …”.
tokens-new = Tokeni mpya
tokens-create = Unda tokeni
tokens-created = Nakili tokeni hii sasa: haitaonyeshwa tena.
tokens-created-at = Iliundwa
tokens-revoke = Batilisha
tokens-revoke-confirm = Batilisha tokeni hii? Mifumo inayoitumia itaacha kufanya kazi.
