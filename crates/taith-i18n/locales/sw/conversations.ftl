# Mazungumzo ya usaidizi: ukurasa wa Usaidizi.
nav-support = Usaidizi
support-title = Usaidizi
support-lede = Mazungumzo ya usaidizi yaliyoanzishwa katika kipindi hiki, kutoka kila dawati la usaidizi na kisanduku: wateja walipata jibu la kwanza kwa haraka kiasi gani, ilichukua muda gani swali lao kutatuliwa, na ni mara ngapi walilazimika kurudi.
support-show-business-hours = Hesabu saa za kazi pekee
support-show-wall-clock = Hesabu kila saa
support-in-business-hours = muda unahesabu saa za kazi za mipangilio yako ya kesi pekee.
support-in-wall-clock = muda unahesabu kila saa, hata usiku na wikendi.
support-few = mazungumzo machache, soma kwa tahadhari
support-conversations = { $count ->
    [one] mazungumzo { $count }
   *[other] mazungumzo { $count }
}
support-times = Muda wa kujibu na kutatua
support-mean = Wastani
support-median = Wastani wa kati
support-p90 = Asilimia ya 90
support-counted = Yamehesabiwa
support-first-response = Muda wa jibu la kwanza
support-resolution = Muda wa kutatua
support-reopen-rate = Kiwango cha kufunguliwa tena
support-count = { $count } yamehesabiwa
support-unanswered = { $count } bila jibu, yamehesabiwa kando
support-unresolved = { $count } bado wazi, yamehesabiwa kando
support-reopened-of = { $count } yamefunguliwa tena kati ya { $resolved } yaliyotatuliwa
support-minutes = dak { $n }
support-hours = saa { $n }
support-days = siku { $n }
support-percent = { $n }%
support-interval = kipindi cha 95% { $low }–{ $high }%
support-interval-points = kipindi cha 95% { $low } hadi { $high }
support-by-channel = Idadi kwa njia
support-by-tag = Idadi kwa lebo
support-subjects = Mada zinazojirudia
support-subjects-hint = Maneno yanayojitokeza zaidi katika mada, bila maneno ya kawaida; wazo moja katika lugha tofauti linahesabiwa pamoja.
support-volume = Mazungumzo
support-none = Hakuna mazungumzo katika kipindi hiki.
support-by-team = Kwa timu
support-by-agent = Kwa wakala
support-who = Nani
support-nobody = Hajakabidhiwa
support-import = Leta kutoka dawati la usaidizi
support-import-hint = Bandika faili ya CSV yenye kichwa: id, created, first reply, resolved, channel, agent, team, customer, subject, tags, satisfaction. Kila kitu kinaletwa au hakuna; mazungumzo yaliyoletwa tena yanasasishwa, hayarudiwi.
support-import-csv = Faili ya CSV
support-import-button = Leta
support-imported = Mazungumzo { $count } yameletwa, { $updated } yamesasishwa.
support-import-bad-line = Hakuna kilicholetwa: mstari { $line }, safu “{ $column }”: { $problem }.
