# Bwrdd ceisiadau am nodweddion, i staff ac i gwsmeriaid.
nav-requests = Ceisiadau
requests-title = Ceisiadau am nodweddion
requests-lede = Yr hyn y mae cwsmeriaid yn gofyn i chi ei greu neu ei newid: gan eich tîm, o'u sylwadau ac o'ch bwrdd cyhoeddus. Mae pob cwsmer yn cyfrif unwaith yn y pleidleisiau.
requests-public-link = Bwrdd cyhoeddus
requests-field-status = Statws
requests-field-title = Teitl
requests-field-description = Disgrifiad
requests-field-response = Rhif adnabod yr ymateb
requests-all = Pob un
requests-search = Chwilio
requests-filter = Hidlo
requests-empty = Dim ceisiadau eto. Ychwanegwch un isod, neu trowch sylw yn gais o'r dangosfwrdd.
requests-none-filtered = Does dim ceisiadau'n cyfateb i'r hidlwyr hyn.
requests-column-empty = Dim.
requests-status-under-review = Yn cael ei ystyried
requests-status-planned = Wedi'i gynllunio
requests-status-in-progress = Ar y gweill
requests-status-done = Wedi'i wneud
requests-status-declined = Wedi'i wrthod
requests-source-staff = Wedi'i ychwanegu gan staff
requests-source-public = O'r bwrdd cyhoeddus
requests-source-comment = O sylw
requests-votes = { $count ->
    [zero] { $count } pleidlais
    [one] { $count } bleidlais
    [two] { $count } bleidlais
    [few] { $count } phleidlais
    [many] { $count } pleidlais
   *[other] { $count } pleidlais
}
requests-vote = Pleidleisio
requests-new = Cais newydd
requests-create = Ychwanegu cais
requests-duplicates = Dyblygion posibl
requests-done-created = Mae'r cais ar y bwrdd.
requests-done-voted = Mae eich pleidlais wedi'i chyfrif.
requests-done-voted-again = Roeddech chi wedi pleidleisio dros hwn yn barod; mae'n cyfrif unwaith.
requests-done-linked = Mae'r sylw wedi'i gysylltu, ac mae pleidlais ei gwsmer yn cyfrif.
requests-done-linked-again = Roedd y sylw hwnnw wedi'i gysylltu'n barod.
requests-done-status = Mae'r statws a'r nodyn cyhoeddus wedi'u cadw.
requests-done-merged = Wedi'u cyfuno: mae'r pleidleisiau a'r sylwadau ar y cais hwn nawr.
requests-merged-into = Cafodd y cais hwn ei gyfuno â:
requests-behind = Y cwsmeriaid a'r sylwadau y tu ôl iddo
requests-behind-none = Does dim sylwadau wedi'u cysylltu eto.
requests-behind-hidden = Mae eich rôl yn dangos y ffigurau, nid sylwadau unigol.
requests-customers = Cwsmeriaid
requests-customers-none = Dim cwsmeriaid wedi'u henwi eto.
requests-anonymous = Dienw
requests-anonymous-count = { $count ->
    [one] a { $count } sylw dienw
   *[other] a { $count } o sylwadau dienw
}
requests-comments = Sylwadau
requests-change-status = Statws a nodyn cyhoeddus
requests-public-note = Nodyn cyhoeddus
requests-public-note-hint = Yr hyn y mae cwsmeriaid yn ei ddarllen ar y bwrdd cyhoeddus, ym mhob iaith rydych chi'n ei hysgrifennu ynddi. Gadewch iaith yn wag i ddangos y nodyn Saesneg yno.
requests-save-status = Cadw'r statws
requests-merge = Cyfuno â chais arall
requests-merge-hint = Mae ei bleidleisiau a'i sylwadau'n symud i'r cais arall; mae cwsmer a bleidleisiodd dros y ddau'n cyfrif unwaith.
requests-merge-none = Does dim cais arall i'w gyfuno ag ef.
requests-suggested = Awgrym: mae'r rhain yn debyg
requests-alike = { $percent }% yn debyg
requests-merge-into = Cyfuno â
requests-choose = Dewiswch…
requests-merge-button = Cyfuno
requests-merge-refused = Does dim modd cyfuno'r ddau hyn: ni all cais gael ei gyfuno ag ef ei hun nac ag un sydd wedi'i gyfuno'n barod.
requests-link = Cysylltu sylw
requests-link-hint = Gludwch rif adnabod ymateb y mae ei sylw'n gofyn am hyn. Mae pleidlais ei gwsmer yn cyfrif.
requests-link-button = Cysylltu
requests-make = Gwneud cais
requests-add-to = Ychwanegu at gais…
requests-from-comment-title = O sylw i gais am nodwedd
requests-comment-empty = Does dim sylw ysgrifenedig yn yr ymateb hwn.
requests-add-to-existing = Ei ychwanegu at gais
requests-add-here = Ychwanegu yma
requests-other = Ceisiadau eraill
requests-new-from-comment = Neu gwnewch gais newydd ohono
requests-public-title = Syniadau i { $business }
requests-public-heading = Syniadau a cheisiadau
requests-public-lede = Yr hyn rydyn ni'n ei ystyried, yn ei gynllunio ac yn ei greu, a'r hyn rydyn ni wedi'i wneud. Pleidleisiwch dros yr hyn sy'n bwysig i chi; does dim angen cyfrif.
requests-public-empty = Does dim byd ar y bwrdd eto. Byddwch y cyntaf i anfon syniad.
requests-public-note-label = Ein nodyn:
requests-public-suggest = Anfon syniad
requests-public-suggest-hint = Rydyn ni'n darllen pob syniad cyn iddo ymddangos ar y bwrdd.
requests-public-send = Anfon y syniad
requests-public-voted = Diolch: mae eich pleidlais wedi'i chyfrif.
requests-public-voted-again = Rydych chi wedi pleidleisio dros hwn yn barod; mae pob pleidlais yn cyfrif unwaith.
requests-public-suggested = Diolch: byddwn ni'n darllen eich syniad.
requests-public-expired = Roedd y ffurflen hon wedi dod i ben, felly chafodd dim byd ei anfon. Rhowch gynnig arall arni.
requests-public-unknown-title = Dim bwrdd yma
requests-public-unknown = Does dim bwrdd yn y cyfeiriad hwn. Gwiriwch y ddolen.
