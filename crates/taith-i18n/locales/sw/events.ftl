# Matukio na tovuti: kuweka kifuatiliaji cha wavuti na matukio ya karibuni.
nav-sites = Tovuti
events-sites-title = Tovuti
events-sites-new = Tovuti mpya
events-sites-lede = Tovuti ambazo kifuatiliaji chake kinarekodi wanachofanya wateja: kurasa zilizotazamwa, utafutaji, malengo na hitilafu, kila moja kwenye sehemu ya mguso kulingana na anwani yake.
events-sites-empty = Bado hakuna tovuti. Ongeza duka lako la mtandaoni ili kurekodi wanachofanya wateja humo.
events-sites-field-name = Jina
events-sites-field-hostnames = Majina ya seva
events-sites-hostnames-hint = Moja kwa kila mstari, k.m. duka.example au *.duka.example. Kurasa za seva hizi tu ndizo zinazorekodiwa.
events-sites-field-search-param = Kigezo cha utafutaji
events-sites-patterns = Kurasa na sehemu za mguso
events-sites-patterns-hint = Ukurasa ambao njia yake inalingana na mchoro ni wa sehemu ya mguso ya mchoro huo; * inalingana na chochote, mlingano wa kwanza ndio unaotumika.
events-sites-field-pattern = Mchoro wa njia
events-sites-key = Ufunguo wa tovuti
events-sites-snippet = Kifuatiliaji
events-sites-snippet-hint = Bandika mstari huu kwenye kila ukurasa wa tovuti, kabla ya </head>:
events-sites-privacy = Hakuna vidakuzi wala hifadhi ya ndani: wageni wanahesabiwa kwa msimbo usiojulikana unaobadilika kila siku. Hakuna kinachotumwa kivinjari kinapoomba kisifuatiliwe (Do Not Track, Global Privacy Control).
events-sites-settings = Mipangilio
events-sites-create = Unda tovuti
events-sites-save = Hifadhi
events-sites-delete = Futa tovuti
events-sites-delete-confirm = Ufute tovuti hii? Kifuatiliaji chake kitaacha kurekodi; matukio yaliyorekodiwa yanabaki.
events-sites-done-created = Tovuti imeundwa. Bandika kifuatiliaji kwenye kurasa za tovuti.
events-sites-done-saved = Imehifadhiwa.
events-latest = Matukio ya karibuni
events-latest-empty = Bado hakuna matukio.
events-field-when = Lini
events-field-type = Nini
events-field-page = Ukurasa
events-field-touchpoint = Sehemu ya mguso
events-field-detail = Maelezo
events-type-page-view = Ukurasa uliotazamwa
events-type-search = Utafutaji
events-type-conversion = Lengo
events-type-task = Kazi
events-type-error = Hitilafu
events-type-click = Kubofya kiungo cha nje
events-task-success = imefaulu
events-task-failure = imeshindwa
events-detail-results = { $count ->
    [one] tokeo 1
   *[other] matokeo { $count }
}
events-detail-seconds = sekunde { $seconds }
