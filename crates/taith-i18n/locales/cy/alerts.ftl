# Rhybuddion a bachau gwe (webhooks).
nav-alerts = Rhybuddion
issue-internal-address = Mae'r cyfeiriad hwn yn gyfeiriad rhwydwaith mewnol, neu'n arwain at un. Dim ond i gyfeiriadau cyhoeddus y mae bachau gwe yn mynd.
alert-metric-nps = Sgôr Hyrwyddwr Net (SHN)
alert-metric-csat = Bodlonrwydd Cwsmeriaid (BC)
alert-metric-ces = Sgôr Ymdrech Cwsmeriaid (SgôrYC)
alert-metric-volume = Nifer yr ymatebion
alert-metric-theme_share = Cyfran y sylwadau am thema
alert-metric-mentions = Nifer y crybwylliadau ar y cyfryngau cymdeithasol
alerts-metric-theme-of = Cyfran y sylwadau am “{ $theme }”
alerts-summary-below = { $days ->
    [one] { $metric } yn is na { $value } dros y diwrnod diwethaf
   *[other] { $metric } yn is na { $value } dros y { $days } diwrnod diwethaf
}
alerts-summary-above = { $days ->
    [one] { $metric } yn uwch na { $value } dros y diwrnod diwethaf
   *[other] { $metric } yn uwch na { $value } dros y { $days } diwrnod diwethaf
}
alerts-summary-change-down = { $days ->
    [one] { $metric } yn gostwng yn sylweddol o un diwrnod i'r nesaf
   *[other] { $metric } yn gostwng yn sylweddol rhwng dau gyfnod o { $days } diwrnod
}
alerts-summary-change-up = { $days ->
    [one] { $metric } yn codi'n sylweddol o un diwrnod i'r nesaf
   *[other] { $metric } yn codi'n sylweddol rhwng dau gyfnod o { $days } diwrnod
}
alerts-summary-change-either = { $days ->
    [one] { $metric } yn newid yn sylweddol o un diwrnod i'r nesaf
   *[other] { $metric } yn newid yn sylweddol rhwng dau gyfnod o { $days } diwrnod
}
alerts-summary-detractor = Pob cwsmer anhapus ({ $metric }) ar eiliad y gwirionedd
alerts-kind-threshold = Mae'r ffigur yn croesi trothwy
alerts-kind-change = Mae'r ffigur yn newid yn sylweddol o'r cyfnod blaenorol
alerts-kind-detractor = Pob cwsmer anhapus ar bwynt cyswllt sy'n eiliad y gwirionedd
alerts-scope-workspace = Y busnes cyfan
alerts-scope-journey = Un daith
alerts-scope-touchpoint = Un pwynt cyswllt
alerts-scope-segment = Segment (nodwedd a gwerth)
alerts-direction-down = Yn gostwng (yn is na)
alerts-direction-up = Yn codi (yn uwch na)
alerts-direction-either = Y naill ffordd neu'r llall
alerts-title = Rhybuddion
alerts-lede = Cewch wybod pan fydd sgôr yn gostwng, pan fydd yr adborth yn neidio, neu pan fydd cwsmer anhapus yn gadael eiliad y gwirionedd. Mae rhybudd yn canu unwaith ac yn aros yn dawel nes i'r amod glirio.
alerts-empty = Dim rhybuddion eto.
alerts-field-name = Enw
alerts-when = Pryd
alerts-state = Cyflwr
alerts-last-value = Ffigur diwethaf
alerts-paused = Wedi'i oedi
alerts-firing = Yn canu
alerts-quiet = Tawel
alerts-new = Rhybudd newydd
alerts-create = Creu'r rhybudd
alerts-firings = Pryd y canodd
alerts-no-firings = Nid yw wedi canu eto.
alerts-fired-at = Canodd
alerts-cleared-at = Cliriodd
alerts-value = Ffigur
alerts-previous = Cyfnod blaenorol
alerts-n = Ymatebion
alerts-edit = Newid y rhybudd hwn
alerts-save = Cadw'r rhybudd
alerts-delete = Dileu'r rhybudd
alerts-still-firing = Yn dal i ganu
alerts-done-created = Crëwyd y rhybudd. Caiff ei wirio wrth i ymatebion gyrraedd a phob munud.
alerts-done-saved = Cadwyd y rhybudd.
alerts-field-metric = Ffigur
alerts-field-theme = Thema (ar gyfer cyfran y sylwadau)
alerts-field-direction = Cyfeiriad
alerts-field-threshold = Trothwy (ar gyfer rhybudd trothwy)
alerts-field-period = Cyfnod mewn dyddiau
alerts-field-min = Lleiafswm ymatebion cyn barnu
alerts-field-scope = Ar gyfer pa ran o'r busnes
alerts-field-segment-key = Nodwedd y segment (fel cynllun neu ardal)
alerts-field-segment-value = Gwerth y segment
alerts-field-recipients = Anfon e-bost at yr aelodau hyn
alerts-field-enabled = Ymlaen
alert-mail-subject-fired = Rhybudd: { $rule } ({ $business })
alert-mail-subject-cleared = Wedi clirio: { $rule } ({ $business })
alert-mail-body-fired = Mae'r rhybudd “{ $rule }” wedi canu: mae { $metric } yn { $value }.
alert-mail-body-cleared = Mae'r rhybudd “{ $rule }” wedi clirio: mae { $metric } yn { $value }.
alert-mail-previous = Yn y cyfnod blaenorol roedd yn { $value }.
alert-mail-link = Gweld y rhybudd: { $link }
webhooks-title = Bachau gwe
webhooks-lede = Anfonwch rybuddion, ymatebion newydd a newidiadau i'ch systemau eich hun neu i sianel sgwrsio. Mae pwyntiau terfyn safonol yn cael JSON wedi'i lofnodi (Standard Webhooks); mae rhai sy'n gydnaws â Slack yn cael neges (Slack, Mattermost, Rocket.Chat).
webhooks-empty = Dim pwyntiau terfyn eto.
webhooks-field-url = Cyfeiriad
webhooks-field-kind = Math
webhooks-field-events = Digwyddiadau
webhooks-field-description = Disgrifiad
webhooks-field-enabled = Ymlaen
webhooks-last-status = Danfoniad diwethaf
webhooks-off = i ffwrdd
webhooks-new = Pwynt terfyn newydd
webhooks-new-hint = Rhaid i'r cyfeiriad fod yn gyhoeddus: gwrthodir cyfeiriadau rhwydwaith mewnol a phreifat.
webhooks-create = Ychwanegu'r pwynt terfyn
webhooks-endpoint = Pwynt terfyn bachyn gwe
webhooks-secret = Cyfrinach llofnodi
webhooks-secret-once = Copïwch hi nawr: dim ond y tro hwn y caiff ei dangos. Defnyddiwch hi i wirio llofnod pob danfoniad.
webhooks-previous-until = Mae'r gyfrinach flaenorol hefyd yn llofnodi tan { $time }.
webhooks-log = Cofnod danfon
webhooks-log-empty = Does dim wedi'i anfon eto.
webhooks-event = Digwyddiad
webhooks-state = Cyflwr
webhooks-attempts = Ymdrechion
webhooks-status-code = Ateb
webhooks-when = Newid diwethaf
webhooks-redeliver = Anfon eto
webhooks-next-attempt = Ymdrech nesaf { $time }
webhooks-edit = Newid y pwynt terfyn hwn
webhooks-save = Cadw'r pwynt terfyn
webhooks-rotate = Cyfrinach newydd
webhooks-rotate-hint = Mae'r hen gyfrinach yn dal i lofnodi ochr yn ochr â'r un newydd am 24 awr, fel y gallwch newid heb golli danfoniadau.
webhooks-delete = Dileu'r pwynt terfyn
webhooks-done-created = Ychwanegwyd y pwynt terfyn.
webhooks-done-saved = Cadwyd y pwynt terfyn.
webhooks-done-rotated = Mae gan y pwynt terfyn gyfrinach newydd.
webhooks-done-redelivered = Caiff y danfoniad ei anfon eto mewn eiliad.
webhooks-state-pending = Yn aros i geisio eto
webhooks-state-delivered = Wedi'i ddanfon
webhooks-state-failed = Wedi methu
webhooks-state-none = Dim wedi'i anfon eto
webhooks-kind-standard = Safonol (JSON wedi'i lofnodi)
webhooks-kind-slack = Neges sy'n gydnaws â Slack
webhooks-event-alert-fired = Canodd rhybudd
webhooks-event-alert-cleared = Cliriodd rhybudd
webhooks-event-response-created = Ymateb newydd
webhooks-event-feature-request-status-changed = Newidiodd statws cais am nodwedd
webhooks-event-case-opened = Agorwyd achos
webhooks-event-case-updated = Diweddarwyd achos
webhooks-error-status = Atebodd y derbynnydd { $code }.
webhooks-error-redirect = Ailgyfeiriodd y derbynnydd ({ $code }); nid yw ailgyfeiriadau'n cael eu dilyn.
webhooks-error-refused = Gwrthodwyd: mae'r cyfeiriad yn fewnol.
webhooks-error-timeout = Ni atebodd y derbynnydd mewn pryd.
webhooks-error-connect = Methu cysylltu â'r derbynnydd.
webhooks-error-other = Methodd y cais.
