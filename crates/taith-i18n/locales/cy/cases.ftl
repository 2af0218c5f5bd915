# Achosion: dilyn cwsmeriaid anfodlon.
nav-cases = Achosion
cases-title = Achosion
cases-mine-title = Fy achosion
cases-visible-title = Achosion y gallaf eu cymryd
cases-views = Golygon achosion
cases-lede = Dilyn cwsmeriaid anfodlon: wedi'u hagor gan reolau eich arolygon neu â llaw, pob un â pherchennog ac amser dyledus.
cases-mine-lede = Yr achosion sy'n eiddo i chi. Gweithredwch ar y rhai newydd yn gyntaf; mae'r rhai hwyr wedi'u marcio.
cases-settings-title = Gosodiadau achosion
cases-number = Achos { $number }
cases-status-open = Ar agor
cases-status-in-progress = Ar y gweill
cases-status-waiting-for-customer = Yn aros am y cwsmer
cases-status-resolved = Wedi'i ddatrys
cases-status-closed-no-action = Wedi cau, dim camau
cases-source = Sut yr agorwyd
cases-source-score = Gan reol yr arolwg: sgôr isel
cases-source-sentiment = Gan reol yr arolwg: sylw negyddol
cases-source-response = Â llaw, o ymateb
cases-source-feature-request = Â llaw, o gais am nodwedd
cases-source-manual = Â llaw
cases-field-status = Statws
cases-field-owner = Perchennog
cases-field-touchpoint = Pwynt cyswllt
cases-field-root-cause = Gwraidd y broblem
cases-field-note = Nodyn
cases-field-reply = Eich ateb
cases-filter = Hidlo
cases-filter-active = Yn dal yn weithredol
cases-filter-all = Pob statws
cases-filter-anyone = Unrhyw un
cases-filter-anywhere = Unrhyw bwynt cyswllt
cases-filter-overdue = Rhai hwyr yn unig
cases-none = Dim achosion yn cyfateb.
cases-more = Achosion hŷn
cases-col-case = Achos
cases-col-due = Dyledus
cases-col-opened = Agorwyd
cases-col-cases = Achosion
cases-overdue = Hwyr
cases-due-in-hours = { $count ->
    [zero] yn ddyledus ymhen { $count } awr
    [one] yn ddyledus ymhen awr
    [two] yn ddyledus ymhen dwy awr
    [few] yn ddyledus ymhen { $count } awr
    [many] yn ddyledus ymhen { $count } awr
   *[other] yn ddyledus ymhen { $count } awr
}
cases-due-in-days = { $count ->
    [zero] yn ddyledus ymhen { $count } diwrnod
    [one] yn ddyledus ymhen diwrnod
    [two] yn ddyledus ymhen deuddydd
    [few] yn ddyledus ymhen { $count } diwrnod
    [many] yn ddyledus ymhen { $count } diwrnod
   *[other] yn ddyledus ymhen { $count } diwrnod
}
cases-overdue-by-hours = { $count ->
    [zero] { $count } awr yn hwyr
    [one] awr yn hwyr
    [two] dwy awr yn hwyr
    [few] { $count } awr yn hwyr
    [many] { $count } awr yn hwyr
   *[other] { $count } awr yn hwyr
}
cases-overdue-by-days = { $count ->
    [zero] { $count } diwrnod yn hwyr
    [one] diwrnod yn hwyr
    [two] deuddydd yn hwyr
    [few] { $count } diwrnod yn hwyr
    [many] { $count } diwrnod yn hwyr
   *[other] { $count } diwrnod yn hwyr
}
cases-due-at = yn ddyledus { $when }
cases-nobody = Neb
cases-former-member = Cyn-aelod
cases-no-touchpoint = Dim pwynt cyswllt
cases-no-root-cause = Heb ei osod
cases-anonymous = Cwsmer dienw
cases-customer = Cwsmer
cases-first-action = Cam cyntaf
cases-resolution = Datrys
cases-response = Beth ddywedodd y cwsmer
cases-no-comment = Dim sylw, dim ond sgôr.
cases-from-request = Agorwyd o'r cais am nodwedd:
cases-work = Gweithio ar yr achos
cases-save = Cadw
cases-saved = Wedi'i gadw.
cases-opened = Mae'r achos ar agor.
cases-existing = Mae achos gan yr ymateb hwn eisoes: dyma fe.
cases-conflict = Mae rhywun arall wedi newid yr achos hwn ers i chi ei agor. Ni chadwyd dim: edrychwch ar yr achos fel y mae nawr, a chadwch eto. Mae'r hyn a deipioch yn dal yn y ffurflen.
cases-add-note = Ychwanegu nodyn
cases-add-note-button = Ychwanegu'r nodyn
cases-reply = Ateb y cwsmer
cases-reply-hint = Drwy e-bost at { $to }, wedi'i fframio yn { $language }. Nid oes angen i'r cwsmer ateb cyn i chi gau'r achos.
cases-send-reply = Anfon yr ateb
cases-no-address = Does gennym ni ddim cyfeiriad e-bost i'r cwsmer hwn, felly ni allwch ateb o fan hyn.
cases-replies = Atebion
cases-reply-sent = anfonwyd { $when }
cases-reply-waiting = yn aros i'w anfon
cases-log = Hanes
cases-log-opened-score = agorodd yr achos (sgôr isel)
cases-log-opened-sentiment = agorodd yr achos (sylw negyddol)
cases-log-opened-response = agorodd yr achos o ymateb
cases-log-opened-feature-request = agorodd yr achos o gais am nodwedd
cases-log-opened-manual = agorodd yr achos
cases-log-status = newidiodd y statws o { $from } i { $to }
cases-log-owner = newidiodd y perchennog o { $from } i { $to }
cases-log-root-cause = newidiodd wraidd y broblem o { $from } i { $to }
cases-log-note = ychwanegodd nodyn
cases-log-reply = atebodd y cwsmer
cases-open-button = Agor achos
cases-sla = Lefel gwasanaeth
cases-sla-hint = Pa mor fuan y dylai rhywun weithredu ar achos newydd, a'i ddatrys, wedi'i gyfrif mewn oriau gwaith: nid yw nosweithiau, penwythnosau na dyddiau i ffwrdd yn cyfrif. Mae newidiadau'n berthnasol i achosion a agorir o hyn ymlaen.
cases-field-first-action-hours = Cam cyntaf o fewn (oriau gwaith)
cases-field-resolve-hours = Wedi'i ddatrys o fewn (oriau gwaith)
cases-field-day-start = Diwrnod gwaith yn dechrau (AA:MM)
cases-field-day-end = Diwrnod gwaith yn gorffen (AA:MM)
cases-field-days = Diwrnodau gwaith
cases-field-utc-offset = Gwahaniaeth o UTC (e.e. +01:00)
cases-day-mon = Dydd Llun
cases-day-tue = Dydd Mawrth
cases-day-wed = Dydd Mercher
cases-day-thu = Dydd Iau
cases-day-fri = Dydd Gwener
cases-day-sat = Dydd Sadwrn
cases-day-sun = Dydd Sul
cases-root-causes = Gwreiddiau'r problemau
cases-root-causes-hint = Un ar bob llinell. Mae gwraidd a dynnwch yn aros ar yr achosion sy'n ei enwi.
cases-cause-line-error = Llinell { $line }: { $issue }
cases-rules = Rheolau agor
cases-rules-hint = Pa atebion sy'n agor achos ohonynt eu hunain. Sgôr isel yw SHN 0–6, neu ddau bwynt isaf graddfa BC neu SgôrYC.
cases-rules-none = Dim arolygon eto.
cases-rules-survey = Arolwg
cases-rule-low-score = Sgôr isel
cases-rule-negative-comment = Sylw negyddol
cases-settings-saved = Mae'r gosodiadau wedi'u cadw.
cases-teams = Timau
cases-teams-hint = e.e. Siop, Dosbarthu
cases-figures-title = Dilyn cwsmeriaid anfodlon
cases-opened-count = { $count ->
    [zero] Dim achosion wedi'u hagor yn y cyfnod hwn
    [one] Un achos wedi'i agor yn y cyfnod hwn
    [two] Dau achos wedi'u hagor yn y cyfnod hwn
    [few] { $count } achos wedi'u hagor yn y cyfnod hwn
    [many] { $count } achos wedi'u hagor yn y cyfnod hwn
   *[other] { $count } achos wedi'u hagor yn y cyfnod hwn
}
cases-small-sample = sampl fach
cases-see-all = Gweld yr achosion
cases-mean = Cymedr
cases-median = Canolrif
cases-p90 = 90fed canradd
cases-counted = Wedi'u cyfrif
cases-time-first-action = Amser i'r cam cyntaf
cases-time-resolution = Amser i ddatrys
cases-hours-value = { $hours } awr
cases-count = { $count ->
    [zero] { $count } achos
    [one] { $count } achos
    [two] { $count } achos
    [few] { $count } achos
    [many] { $count } achos
   *[other] { $count } achos
}
cases-open-apart = { $count ->
    [zero] { $count } yn dal i aros
    [one] { $count } yn dal i aros
    [two] { $count } yn dal i aros
    [few] { $count } yn dal i aros
    [many] { $count } yn dal i aros
   *[other] { $count } yn dal i aros
}
cases-share-overdue = Cyfran hwyr
cases-percent = { $value }%
cases-interval = (cyfwng 95% { $low }–{ $high }%)
cases-causes-by-touchpoint = Gwreiddiau'r problemau fesul pwynt cyswllt
cases-mail-subject = Eich adborth i { $business }
cases-mail-greeting = Helo { $name },
cases-mail-greeting-anonymous = Helo,
cases-mail-intro = Diolch am ddweud wrth { $business } sut wnaethon ni. Dyma ein hateb:
cases-mail-footer = { $business } · achos { $number }
