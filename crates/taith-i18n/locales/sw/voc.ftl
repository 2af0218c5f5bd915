# Sauti ya mteja: kichunguzi cha maoni na mada.
nav-voc = Maoni
voc-tabs = Walichoandika wateja
voc-comments = Maoni
voc-themes = Mada
voc-comments-lead = Kila maoni husomwa katika lugha yaliyoandikwa: hisia zake na yanahusu nini. Chuja, tafuta na pakua.
voc-themes-lead = Mambo ambayo maoni huyarudia mara kwa mara, na athari ya kila jambo kwa alama yako.
voc-csv = Pakua CSV
voc-clear = Futa vichujio
voc-no-comments = Bado hakuna maoni katika kipindi hiki.
voc-no-themes = Bado hakuna mada. Mada huonekana kadiri maoni yanavyoingia; unaweza pia kuunda mada hapa chini.
voc-comments-count = { $count ->
    [one] maoni { $count }
   *[other] maoni { $count }
}
voc-summary = { $comments } · { $negative }% hasi ({ $low }–{ $high }%)
voc-language-other = Lugha nyingine
voc-sentiment = Hisia
voc-sentiment-negative = Hasi
voc-sentiment-neutral = Wastani
voc-sentiment-positive = Chanya
voc-sentiment-unknown = Mafupi mno kubaini
voc-confidence = Uhakika wa { $percent }%
voc-sentiment-split = { $negative } hasi, { $neutral } wastani, { $positive } chanya
voc-filter-q = Tafuta
voc-filter-language = Yameandikwa kwa
voc-filter-sentiment = Hisia
voc-filter-theme = Mada
voc-filter-survey = Utafiti
voc-filter-band = Alama
voc-filter-touchpoint = Sehemu ya mguso
voc-filter-channel = Njia
voc-filter-locale = Yamejibiwa kwa
voc-filter-customer = Mteja
voc-filter-error = { $field }: { $issue }
voc-how-read = Maoni husomwa vipi?
voc-how-read-body = taith husoma kila maoni kwenye seva yako mwenyewe, kwa Kiwelisi, Kiingereza, Kimalei, Kiswahili, Kiarabu na Kivietinamu. Hutambua lugha kutokana na maandishi (maoni mafupi sana huchukua lugha ambayo mteja alijibu nayo), na hisia zake kupitia modeli inayoanzia kwenye msingi unaokuja na taith kisha hujifunza kutokana na majibu yako mwenyewe: maoni yaliyotolewa pamoja na alama ya juu huhesabiwa kuwa chanya, na yaliyotolewa pamoja na alama ya chini huhesabiwa kuwa hasi.
voc-learning-base = { $language }: { $comments }, yamesomwa kwa modeli ya msingi hadi sasa.
voc-learning-learned = { $language }: { $comments }; modeli imejifunza kutokana na majibu yako { $learned } yenye alama.
voc-pending = { $count ->
    [one] Maoni { $count } yanasubiri kusomwa.
   *[other] Maoni { $count } yanasubiri kusomwa.
}
voc-theme = Mada
voc-mentions = Kutajwa
voc-share = { $percent }% ya maoni
voc-impact = Athari kwa alama
voc-impact-cost = Inapunguza pointi { $points } za { $metric } (± { $margin })
voc-impact-lift = Inaongeza pointi { $points } za { $metric } (± { $margin })
voc-impact-unclear = Pointi { $points } za { $metric } (± { $margin }): bado hakuna tofauti iliyo wazi
voc-impact-none = Bado hakuna alama za kutosha
voc-impact-detail = { $metric } ya majibu yanayoitaja: { $with } (n = { $with_n }); ya majibu mengine: { $without } (n = { $without_n }).
voc-impact-how = Athari hii inakokotolewa vipi?
voc-impact-how-body = Alama ya majibu ambayo maoni yake yanaitaja mada, ukitoa alama ya majibu mengine yote katika kipindi hicho hicho (yawe na maoni au bila maoni). Alama ± ni kipindi cha uhakika wa 95% cha tofauti hiyo: ikiwa ni kipana kuliko tofauti yenyewe, huenda mada hiyo bado haileti tofauti halisi.
voc-trend = Kutajwa kwa kila wiki
voc-week = Wiki kuanzia { $from }: { $mentions }
voc-rising = Inaongezeka
voc-pinned = Imebandikwa
voc-hidden = Imefichwa
voc-origin-found = Imepatikana katika maoni yako
voc-origin-staff = Imeundwa na timu yako
voc-figures = Takwimu
voc-where-negative = Mahali wateja wanapoilalamikia
voc-examples = Maoni yanayoitaja
voc-all-comments = Maoni yake yote
voc-phrases = Maneno na misemo
voc-phrases-hint = Moja kwa kila mstari au yakitenganishwa kwa koma, kwa lugha yoyote: maoni yanayotumia mojawapo yanaitaja mada hii.
voc-new-theme = Mada mpya
voc-edit = Badilisha mada
voc-pin = Ibandike juu
voc-hide = Ificha (haitarudi yenyewe)
voc-merge = Unganisha
voc-merge-into = Unganisha mada hii kwenye
voc-split = Tenganisha
voc-split-which = Misemo inayounda mada yake yenyewe
voc-split-name = Jina la mada mpya
voc-negative-themes = Malalamiko hapa
voc-negative-themes-none = Hakuna mada hasi hapa katika kipindi hiki.
voc-costly-themes = Kinachopunguza alama yako zaidi
voc-all-themes = Mada zote
