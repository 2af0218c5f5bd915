# Sylfaen wybodaeth a chanolfan gymorth: tudalennau'r perchennog a'r ganolfan gymorth gyhoeddus.
nav-articles = Canolfan gymorth
articles-title = Erthyglau'r ganolfan gymorth
articles-new = Erthygl newydd
articles-lede = Atebion y gall eich cwsmeriaid eu darllen heb ofyn: un erthygl i bob cwestiwn, wedi'i hysgrifennu ym mhob iaith rydych chi'n ei chynnig. Mae erthyglau cyhoeddedig yn ymddangos yn eich canolfan gymorth gyhoeddus.
articles-public-link = Agor y ganolfan gymorth gyhoeddus
articles-empty = Dim erthyglau eto. Ysgrifennwch un ar gyfer y cwestiwn y mae cwsmeriaid yn ei ofyn amlaf.
articles-field-title = Teitl
articles-field-body = Testun
articles-field-status = Statws
articles-field-locales = Ieithoedd
articles-field-category = Categori
articles-field-slug = Cyfeiriad
articles-slug-hint = Rhan olaf cyfeiriad yr erthygl yn y ganolfan gymorth: llythrennau bach, digidau a chysylltnodau. Gadewch yn wag i'w greu o'r teitl.
articles-translations-hint = Ysgrifennwch yr erthygl mewn cynifer o ieithoedd ag y mynnwch: llenwch deitl a thestun ar gyfer pob un. Ni ddangosir iaith a adawyd yn wag; mae darllenwyr yn cael yr iaith agosaf a ysgrifennwyd gennych, gyda nodyn yn dweud pa un yw hi.
articles-body-hint = Markdown: **trwm**, *italig*, rhestrau gyda -, dolenni fel [testun](https://…), penawdau gyda #. Caiff sgriptiau a chod arall eu tynnu.
articles-no-category = Dim categori
articles-status-draft = Drafft
articles-status-published = Wedi'i chyhoeddi
articles-publish = Cyhoeddi
articles-unpublish = Dad-gyhoeddi
articles-view-public = Gweld yn y ganolfan gymorth
articles-create = Creu erthygl
articles-save = Cadw
articles-delete = Dileu'r erthygl
articles-delete-confirm = Dileu'r erthygl hon ym mhob iaith? Ni ellir dadwneud hyn.
articles-done-created = Crëwyd yr erthygl.
articles-done-saved = Wedi'i chadw.
articles-done-published = Wedi'i chyhoeddi: mae'r erthygl yn y ganolfan gymorth.
articles-done-unpublished = Wedi'i dad-gyhoeddi: mae'r erthygl yn ddrafft eto.
articles-categories = Categorïau
articles-categories-empty = Dim categorïau eto.
articles-category-name = Enw'r categori
articles-category-add = Ychwanegu categori
articles-category-delete = Dileu
articles-category-delete-confirm = Dileu'r categori hwn? Mae ei erthyglau'n aros, heb gategori.
articles-category-count = { $count ->
    [zero] { $count } erthyglau
    [one] { $count } erthygl
    [two] { $count } erthygl
    [few] { $count } erthygl
    [many] { $count } erthygl
   *[other] { $count } erthygl
}
articles-public-title = Canolfan gymorth – { $business }
articles-public-heading = Canolfan gymorth
articles-public-article-title = { $title } – { $business }
articles-public-empty = Does dim erthyglau yma eto.
articles-public-other = Rhagor o erthyglau
articles-public-other-language = Nid yw'r erthygl hon wedi'i hysgrifennu yn eich iaith chi eto. Fe'i dangosir yn { $language }.
articles-public-search-title = Chwilio – { $business }
articles-public-search-heading = Chwilio'r ganolfan gymorth
articles-public-search-label = Chwilio'r erthyglau
articles-public-search = Chwilio
articles-public-results = { $count ->
    [zero] Dim erthyglau wedi'u canfod
    [one] { $count } erthygl wedi'i chanfod
    [two] { $count } erthygl wedi'u canfod
    [few] { $count } erthygl wedi'u canfod
    [many] { $count } erthygl wedi'u canfod
   *[other] { $count } erthygl wedi'u canfod
}
articles-public-no-results = Does dim erthygl yn cyfateb. Rhowch gynnig ar eiriau eraill.
articles-public-unknown-title = Heb ddod o hyd i'r dudalen
articles-public-unknown = Does dim tudalen canolfan gymorth yn y cyfeiriad hwn. Gwiriwch y ddolen.
