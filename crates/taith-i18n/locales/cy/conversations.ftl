# Sgyrsiau cymorth: y dudalen Cymorth.
nav-support = Cymorth
support-title = Cymorth
support-lede = Sgyrsiau cymorth a ddechreuodd yn y cyfnod hwn, o bob desg gymorth a mewnflwch: pa mor gyflym y cafodd cwsmeriaid ateb cyntaf, faint o amser nes datrys eu cwestiwn, a pha mor aml y bu'n rhaid iddynt ddod yn ôl.
support-show-business-hours = Cyfrif oriau gwaith yn unig
support-show-wall-clock = Cyfrif pob awr
support-in-business-hours = mae'r amseroedd yn cyfrif oriau gwaith eich gosodiadau achosion yn unig.
support-in-wall-clock = mae'r amseroedd yn cyfrif pob awr, gan gynnwys nosweithiau a phenwythnosau.
support-few = ychydig o sgyrsiau, darllenwch yn ofalus
support-conversations = { $count ->
    [one] { $count } sgwrs
   *[other] { $count } sgwrs
}
support-times = Amseroedd ymateb a datrys
support-mean = Cyfartaledd
support-median = Canolrif
support-p90 = 90fed canradd
support-counted = Wedi'u cyfrif
support-first-response = Amser ymateb cyntaf
support-resolution = Amser datrys
support-reopen-rate = Cyfradd ailagor
support-count = { $count } wedi'u cyfrif
support-unanswered = { $count } heb ateb, wedi'u cyfrif ar wahân
support-unresolved = { $count } yn dal ar agor, wedi'u cyfrif ar wahân
support-reopened-of = { $count } wedi'u hailagor o { $resolved } a ddatryswyd
support-minutes = { $n } mun
support-hours = { $n } awr
support-days = { $n } diwrnod
support-percent = { $n }%
support-interval = cyfwng 95% { $low }–{ $high }%
support-interval-points = cyfwng 95% { $low } i { $high }
support-by-channel = Nifer fesul sianel
support-by-tag = Nifer fesul tag
support-subjects = Pynciau sy'n codi dro ar ôl tro
support-subjects-hint = Y geiriau sy'n codi amlaf yn y pynciau, heb eiriau cyffredin, a'r un syniad mewn gwahanol ieithoedd wedi'i gyfrif gyda'i gilydd.
support-volume = Sgyrsiau
support-none = Dim sgyrsiau yn y cyfnod hwn.
support-by-team = Fesul tîm
support-by-agent = Fesul asiant
support-who = Pwy
support-nobody = Heb ei neilltuo
support-import = Mewnforio o ddesg gymorth
support-import-hint = Gludwch allforyn CSV gyda'r pennawd: id, created, first reply, resolved, channel, agent, team, customer, subject, tags, satisfaction. Caiff popeth ei fewnforio neu ddim byd; caiff sgwrs a fewnforir eto ei diweddaru, nid ei dyblu.
support-import-csv = Allforyn CSV
support-import-button = Mewnforio
support-imported = { $count } sgwrs wedi'u mewnforio, { $updated } wedi'u diweddaru.
support-import-bad-line = Ni fewnforiwyd dim: llinell { $line }, colofn “{ $column }”: { $problem }.
