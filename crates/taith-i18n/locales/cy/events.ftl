# Digwyddiadau a gwefannau: gosod y traciwr gwe a'r digwyddiadau diweddaraf.
nav-sites = Gwefannau
events-sites-title = Gwefannau
events-sites-new = Gwefan newydd
events-sites-lede = Gwefannau y mae eu traciwr yn cofnodi'r hyn y mae cwsmeriaid yn ei wneud: tudalennau a welwyd, chwiliadau, nodau a gwallau, pob un ar bwynt cyswllt yn ôl ei gyfeiriad.
events-sites-empty = Dim gwefannau eto. Ychwanegwch eich siop ar-lein i gofnodi'r hyn y mae cwsmeriaid yn ei wneud yno.
events-sites-field-name = Enw
events-sites-field-hostnames = Enwau gwesteiwr
events-sites-hostnames-hint = Un i bob llinell, e.e. siop.example neu *.siop.example. Dim ond tudalennau ar y gwesteiwyr hyn a gofnodir.
events-sites-field-search-param = Paramedr chwilio
events-sites-patterns = Tudalennau a phwyntiau cyswllt
events-sites-patterns-hint = Mae tudalen y mae ei llwybr yn cyfateb i batrwm yn perthyn i'w bwynt cyswllt; mae * yn cyfateb i unrhyw beth, a'r cyfatebiad cyntaf sy'n ennill.
events-sites-field-pattern = Patrwm llwybr
events-sites-key = Allwedd y wefan
events-sites-snippet = Traciwr
events-sites-snippet-hint = Gludwch y llinell hon i bob tudalen o'r wefan, cyn </head>:
events-sites-privacy = Dim cwcis a dim storfa leol: cyfrifir ymwelwyr â chod dienw sy'n newid bob dydd. Ni anfonir dim pan fydd y porwr yn gofyn am beidio â chael ei dracio (Do Not Track, Global Privacy Control).
events-sites-settings = Gosodiadau
events-sites-create = Creu gwefan
events-sites-save = Cadw
events-sites-delete = Dileu'r wefan
events-sites-delete-confirm = Dileu'r wefan hon? Bydd ei thraciwr yn peidio â chofnodi; mae'r digwyddiadau a gofnodwyd yn aros.
events-sites-done-created = Crëwyd y wefan. Gludwch y traciwr i dudalennau'r wefan.
events-sites-done-saved = Wedi'i gadw.
events-latest = Digwyddiadau diweddaraf
events-latest-empty = Dim digwyddiadau eto.
events-field-when = Pryd
events-field-type = Beth
events-field-page = Tudalen
events-field-touchpoint = Pwynt cyswllt
events-field-detail = Manylion
events-type-page-view = Tudalen a welwyd
events-type-search = Chwiliad
events-type-conversion = Nod
events-type-task = Tasg
events-type-error = Gwall
events-type-click = Clic allan
events-task-success = llwyddodd
events-task-failure = methodd
events-detail-results = { $count ->
    [zero] dim canlyniadau
    [one] 1 canlyniad
    [two] 2 ganlyniad
   *[other] { $count } canlyniad
}
events-detail-seconds = { $seconds } eil.
