# Hifadhi ya maarifa na kituo cha msaada: kurasa za mmiliki na kituo cha msaada cha umma.
nav-articles = Kituo cha msaada
articles-title = Makala za kituo cha msaada
articles-new = Makala mpya
articles-lede = Majibu ambayo wateja wako wanaweza kusoma bila kuuliza: makala moja kwa kila swali, imeandikwa katika kila lugha unayohudumia. Makala zilizochapishwa zinaonekana katika kituo chako cha msaada cha umma.
articles-public-link = Fungua kituo cha msaada cha umma
articles-empty = Bado hakuna makala. Andika moja kwa swali ambalo wateja huuliza zaidi.
articles-field-title = Kichwa
articles-field-body = Maandishi
articles-field-status = Hali
articles-field-locales = Lugha
articles-field-category = Kundi
articles-field-slug = Anwani
articles-slug-hint = Sehemu ya mwisho ya anwani ya makala katika kituo cha msaada: herufi ndogo, tarakimu na vistari. Iache tupu ili itengenezwe kutoka kwa kichwa.
articles-translations-hint = Andika makala katika lugha nyingi kadiri unavyotaka: jaza kichwa na maandishi kwa kila moja. Lugha iliyoachwa tupu haionyeshwi; wasomaji hupata lugha ya karibu zaidi uliyoandika, pamoja na dokezo linaloeleza ni ipi.
articles-body-hint = Markdown: **herufi nzito**, *italiki*, orodha kwa -, viungo kama [maandishi](https://…), vichwa kwa #. Hati na msimbo mwingine huondolewa.
articles-no-category = Hakuna kundi
articles-status-draft = Rasimu
articles-status-published = Imechapishwa
articles-publish = Chapisha
articles-unpublish = Ondoa uchapishaji
articles-view-public = Tazama katika kituo cha msaada
articles-create = Unda makala
articles-save = Hifadhi
articles-delete = Futa makala
articles-delete-confirm = Futa makala hii katika lugha zote? Hili haliwezi kutenduliwa.
articles-done-created = Makala imeundwa.
articles-done-saved = Imehifadhiwa.
articles-done-published = Imechapishwa: makala iko katika kituo cha msaada.
articles-done-unpublished = Uchapishaji umeondolewa: makala ni rasimu tena.
articles-categories = Makundi
articles-categories-empty = Bado hakuna makundi.
articles-category-name = Jina la kundi
articles-category-add = Ongeza kundi
articles-category-delete = Futa
articles-category-delete-confirm = Futa kundi hili? Makala zake zinabaki, bila kundi.
articles-category-count = { $count ->
    [one] makala { $count }
   *[other] makala { $count }
}
articles-public-title = Kituo cha msaada – { $business }
articles-public-heading = Kituo cha msaada
articles-public-article-title = { $title } – { $business }
articles-public-empty = Bado hakuna makala hapa.
articles-public-other = Makala zaidi
articles-public-other-language = Makala hii bado haijaandikwa kwa lugha yako. Inaonyeshwa kwa { $language }.
articles-public-search-title = Tafuta – { $business }
articles-public-search-heading = Tafuta katika kituo cha msaada
articles-public-search-label = Tafuta makala
articles-public-search = Tafuta
articles-public-results = { $count ->
    [one] Makala { $count } imepatikana
   *[other] Makala { $count } zimepatikana
}
articles-public-no-results = Hakuna makala inayolingana. Jaribu maneno mengine.
articles-public-unknown-title = Ukurasa haukupatikana
articles-public-unknown = Hakuna ukurasa wa kituo cha msaada kwenye anwani hii. Tafadhali angalia kiungo.
