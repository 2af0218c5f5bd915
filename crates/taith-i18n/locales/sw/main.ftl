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
error-request-id = Ukituarifu kuhusu hili, taja kumbukumbu hii: { $id }
error-too-many-title = Majaribio mengi mno
error-too-many = Umejaribu hili mara nyingi mno kwa muda mfupi. Tafadhali subiri kidogo kisha ujaribu tena.
error-busy-title = Kuna shughuli nyingi sasa
error-busy = Seva inashughulikia mengi kwa sasa. Tafadhali jaribu tena baada ya sekunde chache.

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

## Surveys
nav-surveys = Tafiti
surveys-title = Tafiti
surveys-new = Utafiti mpya
surveys-empty = Bado hakuna tafiti. Waulize wateja kuna uwezekano gani watakupendekeza (NPS), waliridhika kiasi gani (CSAT) au uliwarahisishia mambo kiasi gani (CES), pale pale inapotokea katika safari yao.
surveys-no-touchpoint = Haijaunganishwa na sehemu ya mguso
survey-kind-nps = Alama za Mkuzaji Halisi (NPS)
survey-kind-csat = Alama ya Kuridhika kwa Wateja (CSAT)
survey-kind-ces = Alama za Juhudi za Mteja (CES)
survey-kind-custom = Maalum
survey-kind-nps-hint = 0–10: kuna uwezekano gani mteja atakupendekeza?
survey-kind-csat-hint = 1–5: mteja aliridhika kiasi gani?
survey-kind-ces-hint = 1–5: ulimrahisishia mambo? Huulizwa kama kukubali au kutokubali.
survey-kind-custom-hint = Swali lako mwenyewe, kwa kipimo unachochagua.
survey-status-draft = Rasimu
survey-status-live = Hai
survey-status-closed = Imefungwa
survey-new-intro = Swali na ujumbe wa shukrani vinaanza kwa maneno ya kawaida ya aina unayochagua, katika lugha zote sita. Unaweza kuvibadilisha baadaye.
survey-create = Unda utafiti
survey-field-kind = Aina
survey-field-status = Hali
survey-field-scale = Kipimo
survey-field-scale-low = Alama ya chini kabisa
survey-field-scale-high = Alama ya juu kabisa
survey-field-default-locale = Lugha ya msingi
survey-field-touchpoint = Sehemu ya mguso
survey-field-anonymous = Bila jina: usihifadhi mteja, anwani ya IP wala kifaa pamoja na majibu
survey-field-throttle = Siku kabla mteja yule yule hajaulizwa tena
survey-field-question = Swali
survey-field-thank-you = Ujumbe wa shukrani
survey-texts = Swali na ujumbe wa shukrani
survey-texts-hint = Wanaojibu wanaona lugha wanayoiomba ikiwa imejazwa hapa; vinginevyo wanaona lugha ya msingi.
survey-default-mark = msingi
survey-errors = Baadhi ya sehemu zinahitaji kurekebishwa: tazama ujumbe hapa chini.
survey-saved = Utafiti umehifadhiwa.
survey-scale-locked = Kipimo hakiwezi kubadilishwa baada ya utafiti kupata majibu. Unda utafiti mpya kwa kipimo kipya.
survey-follow-ups = Maswali ya ziada
survey-follow-ups-hint = Huulizwa baada ya alama, kwa wanaojibu tu ambao alama zao ziko ndani ya kiwango ulichoweka.
survey-follow-up-n = Swali la ziada { $n }
survey-follow-up-new = Swali jipya la ziada
survey-follow-up-add = Ongeza swali la ziada
survey-fu-prompt = Swali
survey-fu-kind = Aina ya jibu
survey-fu-kind-open-text = Maandishi huru
survey-fu-kind-single-choice = Chaguo moja
survey-fu-kind-multiple-choice = Machaguo mengi
survey-fu-kind-rating = Ukadiriaji
survey-fu-when = Kwa alama tu
survey-fu-when-from = kuanzia
survey-fu-when-to = hadi
survey-fu-when-hint = Acha zote mbili tupu ili kuuliza baada ya kila alama.
survey-fu-options = Machaguo, moja kwa kila mstari (chaguo moja na machaguo mengi)
survey-fu-rating = Kipimo cha ukadiriaji (aina ya ukadiriaji tu)
survey-fu-translations = Tafsiri
survey-fu-translations-hint = Andika machaguo mstari kwa mstari, kwa mpangilio ule ule kama katika lugha ya msingi. Swali lililoachwa tupu huulizwa kwa lugha ya msingi.
survey-fu-remove = Ondoa swali hili
survey-suggest = Pendekezo: waulize waliotoa alama { $low }–{ $high } “{ $question }”
survey-suggest-add = Ongeza
survey-public-link = Kiungo cha umma
survey-public-link-live = Shiriki anwani hii, au weka kiungo chake kwenye tovuti yako, risiti au barua pepe.
survey-public-link-not-live = Wanaojibu wataweza kujibu hali ikishakuwa “Hai”.
survey-kiosk-link = Kishikwambi cha kaunta ya duka
survey-kiosk-hint = Fungua anwani hii kwenye kishikwambi: inajaza skrini na kuanza upya baada ya kila jibu.
survey-widget-tag = Wijeti ya tovuti yako
survey-widget-hint = Bandika lebo hii kwenye ukurasa wa tovuti yako mahali ambapo utafiti unapaswa kuonekana. Ikiwa tovuti yako inatuma Content-Security-Policy, ruhusu anwani hii katika script-src na frame-src.
survey-preview = Onyesho la awali
survey-preview-hint = Onyesho la awali linaonyesha kurasa za anayejibu; chochote kinachojibiwa hapo hakirekodiwi.
survey-export = Pakua majibu
survey-delete = Futa utafiti
survey-delete-confirm = Ufute utafiti huu?
survey-delete-has-responses = Utafiti huu una majibu, kwa hivyo hauwezi kufutwa. Badala yake uufunge: majibu yake yatabaki kwenye ripoti zako.
survey-std-nps-question = Kuna uwezekano gani kwamba utapendekeza { $business } kwa rafiki au mfanyakazi mwenzako?
survey-std-csat-question = Uliridhika kiasi gani na uzoefu wako na { $business }?
survey-std-ces-question = Unakubaliana kwa kiasi gani na kauli hii: “{ $business } ilinirahisishia kupata nilichohitaji”?
survey-std-custom-question = Ungeikadiriaje { $business }?
survey-std-thank-you = Asante! Maoni yako yanatusaidia kuboresha huduma zetu.
survey-std-improve = Tunapaswa kuboresha nini?
survey-csat-very-dissatisfied = Sijaridhika kabisa
survey-csat-dissatisfied = Sijaridhika
survey-csat-somewhat-dissatisfied = Sijaridhika kiasi
survey-csat-neutral = Wastani
survey-csat-somewhat-satisfied = Nimeridhika kiasi
survey-csat-satisfied = Nimeridhika
survey-csat-very-satisfied = Nimeridhika sana
survey-ces-strongly-disagree = Sikubaliani kabisa
survey-ces-disagree = Sikubaliani
survey-ces-somewhat-disagree = Sikubaliani kiasi
survey-ces-neutral = Sikubali wala sikatai
survey-ces-somewhat-agree = Nakubaliana kiasi
survey-ces-agree = Nakubaliana
survey-ces-strongly-agree = Nakubaliana kabisa

# Kurasa wanazoziona wanaojibu.

respond-title = { $business }: maoni yako
respond-languages = Lugha
respond-kiosk-fullscreen = Skrini nzima
respond-preview-banner = Onyesho la awali: majibu yanayotolewa hapa hayarekodiwi.
respond-nps-low = Hakuna uwezekano kabisa
respond-nps-high = Uwezekano mkubwa sana
respond-next = Tuma
respond-choose-score = Tafadhali chagua alama.
respond-score-off-scale = Tafadhali chagua alama kuanzia { $low } hadi { $high }.
respond-form-expired = Jibu lako halikutumwa kwa sababu muda wa ukurasa ulikuwa umekwisha. Tafadhali chagua tena kisha utume.
respond-recorded = Asante: jibu lako limerekodiwa.
respond-tell-more = Ungependa kutueleza zaidi kidogo? Kila kitu hapa chini ni hiari.
respond-check-answers = Tafadhali angalia majibu yaliyowekwa alama hapa chini.
respond-choose-any = Chagua yote yanayohusika.
respond-comment = Kuna jambo jingine lolote ungependa kutueleza?
respond-send = Tuma
respond-skip = Hapana asante, nimemaliza
respond-text-too-long = Tafadhali usizidishe herufi { $max }.
respond-closed-title = Utafiti huu umefungwa
respond-closed = Asante kwa nia yako. Utafiti huu haupokei majibu tena.
respond-not-open-title = Utafiti huu bado haujafunguliwa
respond-not-open = Tafadhali jaribu tena baadaye.
respond-unknown-title = Hakuna utafiti hapa
respond-unknown = Hakuna utafiti kwenye anwani hii. Tafadhali angalia kiungo ulichopewa.
respond-invitation-unknown = Kiungo hiki si sahihi. Tafadhali hakikisha umefungua kiungo kizima kutoka kwenye barua pepe.

# Kujiondoa kwenye barua pepe za tafiti za biashara (/u/{token}).

unsubscribe-title = Jiondoe
unsubscribe-question = Ungependa kuacha kupokea barua pepe za tafiti kutoka kwa { $business }?
unsubscribe-explain = Hutapokea tena mialiko wala vikumbusho vya tafiti kutoka kwa { $business }.
unsubscribe-button = Jiondoe
unsubscribe-done-title = Umejiondoa
unsubscribe-done = { $business } haitakutumia tena barua pepe za tafiti.

# Barua pepe za mwaliko na ukumbusho. Mada ni maandishi ya kawaida.

mail-invite-subject = Swali fupi kutoka kwa { $business }
mail-reminder-subject = Ukumbusho: swali fupi kutoka kwa { $business }
mail-greeting = Habari { $name },
mail-greeting-anonymous = Habari,
mail-invite-intro = { $business } ingependa kusikia maoni yako. Kubofya mara moja tu kunatosha:
mail-reminder-intro = Siku chache zilizopita { $business } ilikuuliza swali moja. Ikiwa una muda kidogo, kubofya mara moja tu kunatosha:
mail-score-hint = Bofya jibu lako. Kisha unaweza kutueleza zaidi ukipenda.
mail-open-page = Jibu kwenye kivinjari chako
mail-why = Unapokea barua pepe hii kwa sababu wewe ni mteja wa { $business }.
mail-unsubscribe = Jiondoe kwenye barua pepe hizi

# Kualika wateja kwa barua pepe (ukurasa wa utafiti).

survey-invite = Alika kwa barua pepe
survey-invite-customers = Wateja wa kualika
survey-invite-customers-hint = Mteja mmoja kwa kila mstari: barua pepe, jina, lugha (en, cy, ms, sw, ar au vi), kitambulisho chako cha mteja. Barua pepe pekee ndiyo inayohitajika; mstari wa vichwa unaruhusiwa. Hadi { $max } kwa wakati mmoja.
survey-invite-reminder = Ukumbusho baada ya (siku)
survey-invite-reminder-hint = Ukumbusho mmoja kwa wale ambao hawajajibu kufikia wakati huo. 0: hakuna ukumbusho.
survey-invite-send = Tuma mialiko
survey-invite-result = Walioalikwa: { $invited }. Ambao hawakualikwa: { $throttled } waliulizwa ndani ya { $days ->
    [one] siku { $days } iliyopita
   *[other] siku { $days } zilizopita
}, { $unsubscribed } wamejiondoa.
survey-invite-anonymous = Utafiti usio na jina hauwezi kutumwa kwa barua pepe: kiungo cha mwaliko kinamtambulisha mteja. Badala yake, shiriki kiungo chake cha umma, wijeti au kishikwambi cha kaunta.
survey-invite-closed = Utafiti huu umefungwa: mialiko zaidi haiwezi kutumwa.
survey-invite-mail-off = Barua pepe bado haijawekwa kwa ajili ya taith, kwa hiyo mialiko inasubiri hapa hadi iwekwe. Mwombe msimamizi wako aweke barua pepe.
survey-invite-waiting = Mialiko hutumwa wakati hali ya utafiti ni “Hai”.
survey-invite-stats = Walioalikwa: { $invited } · waliotumiwa barua pepe: { $sent } · waliokumbushwa: { $reminded } · waliojibu: { $answered } · waliojiondoa: { $unsubscribed } · zilizozuiliwa (kikomo cha mawasiliano au ridhaa): { $skipped }
survey-invite-line = Mstari { $line }, { $column }: { $issue }
survey-invite-empty = Tafadhali weka angalau mteja mmoja.

# Tarehe jinsi dashibodi zinavyoziandika.

date-format = { $day } { $month } { $year }
month-1 = Januari
month-2 = Februari
month-3 = Machi
month-4 = Aprili
month-5 = Mei
month-6 = Juni
month-7 = Julai
month-8 = Agosti
month-9 = Septemba
month-10 = Oktoba
month-11 = Novemba
month-12 = Desemba

# Dashibodi ya muhtasari.

nav-dashboard = Dashibodi
dashboard-title = Dashibodi
dashboard-csv = Pakua kama CSV
dashboard-print = Chapisha
dashboard-from = Kuanzia
dashboard-to = Hadi
dashboard-show = Onyesha
dashboard-period = { $from } hadi { $to }
dashboard-empty = Bado hakuna utafiti wa NPS, CSAT au CES wenye majibu.
dashboard-nps = Alama za Mkuzaji Halisi (NPS)
dashboard-csat = Alama ya Kuridhika kwa Wateja (CSAT)
dashboard-ces = Alama za Juhudi za Mteja (CES)
dashboard-interval = Kipindi cha uhakika wa 95%: { $low } hadi { $high }
dashboard-n = { $n ->
    [one] jibu { $n }
   *[other] majibu { $n }
}
dashboard-small-sample = sampuli ndogo: soma kwa tahadhari
dashboard-up = Imepanda kwa { $delta } ikilinganishwa na kipindi kilichotangulia: mabadiliko yenye maana kitakwimu.
dashboard-down = Imeshuka kwa { $delta } ikilinganishwa na kipindi kilichotangulia: mabadiliko yenye maana kitakwimu.
dashboard-no-significant-change = Hakuna mabadiliko yenye maana kitakwimu ikilinganishwa na kipindi kilichotangulia.
dashboard-no-previous = Hakuna majibu katika kipindi kilichotangulia ili kulinganisha.
dashboard-mixed-scales = Tafiti hizi zinatumia vipimo tofauti, kwa hivyo hazijumlishwi hapa.
dashboard-chart-alt = { $metric } wiki kwa wiki, pamoja na kipindi cha uhakika wa 95%; takwimu ziko kwenye jedwali hapa chini.
dashboard-point = { $n ->
    [one] { $week }: { $value } (jibu { $n })
   *[other] { $week }: { $value } (majibu { $n })
}
dashboard-table = Takwimu
dashboard-week = Wiki
dashboard-interval-head = Kipindi cha uhakika wa 95%
dashboard-responses = Majibu
dashboard-volume = Majibu kwa kila wiki
dashboard-volume-alt = Majibu kwa kila wiki, kwa chati ya nguzo; takwimu ziko kwenye jedwali hapa chini.
dashboard-volume-point = { $n ->
    [one] { $week }: jibu { $n }
   *[other] { $week }: majibu { $n }
}

# Ramani hai ya safari.

map-live-nps = NPS
map-live-csat = CSAT
map-live-ces = CES
map-live-detail = { $n ->
    [one] Kipindi cha uhakika wa 95% { $low } hadi { $high }, jibu { $n }
   *[other] Kipindi cha uhakika wa 95% { $low } hadi { $high }, majibu { $n }
}
map-live-up = imepanda kwa kiasi kikubwa kitakwimu tangu kipindi kilichopita
map-live-down = imeshuka kwa kiasi kikubwa kitakwimu tangu kipindi kilichopita
map-live-pain = Sehemu ya maumivu kutoka kwa majibu
map-live-stage = { $stage }: { $value } kutoka kwa majibu
map-live-curve = Kutoka kwa majibu
map-live-typed = Kama ilivyoandikwa

# Kulinganisha makundi.

dashboard-segments = Linganisha makundi
dashboard-metric = Takwimu
dashboard-compare-by = Linganisha kwa
dashboard-segment = Kundi
dashboard-value = Alama
dashboard-versus-rest = Ikilinganishwa na makundi mengine yote
dashboard-chart = Chati
dashboard-dim-channel = Njia
dashboard-dim-locale = Lugha
dashboard-dim-touchpoint = Sehemu ya mguso
dashboard-dim-stage = Hatua
dashboard-dim-journey = Safari

# Dashibodi ya sehemu moja ya mguso.

dashboard-distribution = Jinsi alama zilivyotawanyika
dashboard-comments = Maoni ya hivi karibuni
dashboard-no-comments = Bado hakuna maoni hapa.
dashboard-no-answers-here = Hakuna aliyejibu utafiti katika sehemu hii ya mguso katika kipindi hiki.
