# Tahadhari na webhooks.
nav-alerts = Tahadhari
issue-internal-address = Anwani hii ni, au inaelekea, anwani ya mtandao wa ndani. Webhooks hutumwa kwa anwani za umma tu.
alert-metric-nps = Alama za Mkuzaji Halisi (NPS)
alert-metric-csat = Alama ya Kuridhika kwa Wateja (CSAT)
alert-metric-ces = Alama za Juhudi za Mteja (CES)
alert-metric-volume = Idadi ya majibu
alert-metric-theme_share = Sehemu ya maoni kuhusu mada
alert-metric-mentions = Idadi ya kutajwa kwenye mitandao ya kijamii
alerts-metric-theme-of = Sehemu ya maoni kuhusu “{ $theme }”
alerts-summary-below = { $days ->
    [one] { $metric } chini ya { $value } katika siku iliyopita
   *[other] { $metric } chini ya { $value } katika siku { $days } zilizopita
}
alerts-summary-above = { $days ->
    [one] { $metric } juu ya { $value } katika siku iliyopita
   *[other] { $metric } juu ya { $value } katika siku { $days } zilizopita
}
alerts-summary-change-down = { $days ->
    [one] { $metric } inashuka kwa kiasi kikubwa kutoka siku moja hadi nyingine
   *[other] { $metric } inashuka kwa kiasi kikubwa kati ya vipindi viwili vya siku { $days }
}
alerts-summary-change-up = { $days ->
    [one] { $metric } inapanda kwa kiasi kikubwa kutoka siku moja hadi nyingine
   *[other] { $metric } inapanda kwa kiasi kikubwa kati ya vipindi viwili vya siku { $days }
}
alerts-summary-change-either = { $days ->
    [one] { $metric } inabadilika kwa kiasi kikubwa kutoka siku moja hadi nyingine
   *[other] { $metric } inabadilika kwa kiasi kikubwa kati ya vipindi viwili vya siku { $days }
}
alerts-summary-detractor = Kila mteja asiyeridhika ({ $metric }) katika wakati wa ukweli
alerts-kind-threshold = Kiwango kinavuka kikomo
alerts-kind-change = Kiwango kinabadilika kwa kiasi kikubwa kutoka kipindi kilichopita
alerts-kind-detractor = Kila mteja asiyeridhika kwenye sehemu ya mguso ya wakati wa ukweli
alerts-scope-workspace = Biashara nzima
alerts-scope-journey = Safari moja
alerts-scope-touchpoint = Sehemu moja ya mguso
alerts-scope-segment = Kundi (sifa na thamani)
alerts-direction-down = Kinashuka (chini ya)
alerts-direction-up = Kinapanda (juu ya)
alerts-direction-either = Upande wowote
alerts-title = Tahadhari
alerts-lede = Pata habari alama zinaposhuka, maoni yanapoongezeka ghafla, au mteja asiyeridhika anapoondoka katika wakati wa ukweli. Tahadhari inalia mara moja na kukaa kimya hadi hali yake iishe.
alerts-empty = Bado hakuna tahadhari.
alerts-field-name = Jina
alerts-when = Lini
alerts-state = Hali
alerts-last-value = Kiwango cha mwisho
alerts-paused = Imesimamishwa
alerts-firing = Inalia
alerts-quiet = Kimya
alerts-new = Tahadhari mpya
alerts-create = Unda tahadhari
alerts-firings = Ilipolia
alerts-no-firings = Bado haijalia.
alerts-fired-at = Ililia
alerts-cleared-at = Iliisha
alerts-value = Kiwango
alerts-previous = Kipindi kilichopita
alerts-n = Majibu
alerts-edit = Badilisha tahadhari hii
alerts-save = Hifadhi tahadhari
alerts-delete = Futa tahadhari
alerts-still-firing = Bado inalia
alerts-done-created = Tahadhari imeundwa. Inakaguliwa majibu yanapofika na kila dakika.
alerts-done-saved = Tahadhari imehifadhiwa.
alerts-field-metric = Kiwango
alerts-field-theme = Mada (kwa sehemu ya maoni)
alerts-field-direction = Mwelekeo
alerts-field-threshold = Kikomo (kwa tahadhari ya kikomo)
alerts-field-period = Kipindi kwa siku
alerts-field-min = Majibu machache zaidi kabla ya kuhukumu
alerts-field-scope = Kwa sehemu gani ya biashara
alerts-field-segment-key = Sifa ya kundi (kama mpango au eneo)
alerts-field-segment-value = Thamani ya kundi
alerts-field-recipients = Tuma barua pepe kwa wanachama hawa
alerts-field-enabled = Imewashwa
alert-mail-subject-fired = Tahadhari: { $rule } ({ $business })
alert-mail-subject-cleared = Imeisha: { $rule } ({ $business })
alert-mail-body-fired = Tahadhari “{ $rule }” imelia: { $metric } ni { $value }.
alert-mail-body-cleared = Tahadhari “{ $rule }” imeisha: { $metric } ni { $value }.
alert-mail-previous = Katika kipindi kilichopita ilikuwa { $value }.
alert-mail-link = Tazama tahadhari: { $link }
webhooks-title = Webhooks
webhooks-lede = Tuma tahadhari, majibu mapya na mabadiliko kwa mifumo yako au kwa kituo cha gumzo. Vituo vya kawaida hupokea JSON iliyotiwa saini (Standard Webhooks); vinavyooana na Slack hupokea ujumbe (Slack, Mattermost, Rocket.Chat).
webhooks-empty = Bado hakuna vituo vya webhook.
webhooks-field-url = Anwani
webhooks-field-kind = Aina
webhooks-field-events = Matukio
webhooks-field-description = Maelezo
webhooks-field-enabled = Imewashwa
webhooks-last-status = Uwasilishaji wa mwisho
webhooks-off = imezimwa
webhooks-new = Kituo kipya
webhooks-new-hint = Anwani lazima iwe ya umma: anwani za mtandao wa ndani na binafsi zinakataliwa.
webhooks-create = Ongeza kituo
webhooks-endpoint = Kituo cha webhook
webhooks-secret = Siri ya kutia saini
webhooks-secret-once = Inakili sasa: inaonyeshwa mara hii moja tu. Itumie kukagua saini ya kila uwasilishaji.
webhooks-previous-until = Siri iliyotangulia pia inatia saini hadi { $time }.
webhooks-log = Kumbukumbu ya uwasilishaji
webhooks-log-empty = Bado hakuna kilichotumwa.
webhooks-event = Tukio
webhooks-state = Hali
webhooks-attempts = Majaribio
webhooks-status-code = Jibu
webhooks-when = Mabadiliko ya mwisho
webhooks-redeliver = Tuma tena
webhooks-next-attempt = Jaribio lijalo { $time }
webhooks-edit = Badilisha kituo hiki
webhooks-save = Hifadhi kituo
webhooks-rotate = Siri mpya
webhooks-rotate-hint = Siri ya zamani inaendelea kutia saini pamoja na mpya kwa saa 24, ili uweze kuhamia bila kupoteza uwasilishaji.
webhooks-delete = Futa kituo
webhooks-done-created = Kituo kimeongezwa.
webhooks-done-saved = Kituo kimehifadhiwa.
webhooks-done-rotated = Kituo kina siri mpya.
webhooks-done-redelivered = Uwasilishaji utatumwa tena baada ya muda mfupi.
webhooks-state-pending = Inasubiri kujaribu tena
webhooks-state-delivered = Imewasilishwa
webhooks-state-failed = Imeshindwa
webhooks-state-none = Bado hakuna kilichotumwa
webhooks-kind-standard = Kawaida (JSON iliyotiwa saini)
webhooks-kind-slack = Ujumbe unaooana na Slack
webhooks-event-alert-fired = Tahadhari imelia
webhooks-event-alert-cleared = Tahadhari imeisha
webhooks-event-response-created = Jibu jipya
webhooks-event-feature-request-status-changed = Hali ya ombi la kipengele imebadilika
webhooks-event-case-opened = Kesi imefunguliwa
webhooks-event-case-updated = Kesi imesasishwa
webhooks-error-status = Mpokeaji alijibu { $code }.
webhooks-error-redirect = Mpokeaji alielekeza kwingine ({ $code }); maelekezo hayafuatwi.
webhooks-error-refused = Imekataliwa: anwani ni ya ndani.
webhooks-error-timeout = Mpokeaji hakujibu kwa wakati.
webhooks-error-connect = Imeshindwa kuunganisha na mpokeaji.
webhooks-error-other = Ombi limeshindwa.
