# Kesi: kufuatilia wateja wasioridhika.
nav-cases = Kesi
cases-title = Kesi
cases-mine-title = Kesi zangu
cases-visible-title = Kesi ninazoweza kuchukua
cases-views = Mionekano ya kesi
cases-lede = Ufuatiliaji wa wateja wasioridhika: zimefunguliwa na sheria za tafiti zako au kwa mkono, kila moja ikiwa na mhusika na muda wa mwisho.
cases-mine-lede = Kesi ulizopewa. Shughulikia mpya kwanza; zilizochelewa zimewekwa alama.
cases-settings-title = Mipangilio ya kesi
cases-number = Kesi { $number }
cases-status-open = Imefunguliwa
cases-status-in-progress = Inashughulikiwa
cases-status-waiting-for-customer = Inamsubiri mteja
cases-status-resolved = Imetatuliwa
cases-status-closed-no-action = Imefungwa bila hatua
cases-source = Jinsi ilivyofunguliwa
cases-source-score = Na sheria ya utafiti: alama ya chini
cases-source-sentiment = Na sheria ya utafiti: maoni hasi
cases-source-response = Kwa mkono, kutoka kwa jibu
cases-source-feature-request = Kwa mkono, kutoka kwa ombi la kipengele
cases-source-manual = Kwa mkono
cases-field-status = Hali
cases-field-owner = Mhusika
cases-field-touchpoint = Sehemu ya mguso
cases-field-root-cause = Chanzo kikuu
cases-field-note = Dokezo
cases-field-reply = Jibu lako
cases-filter = Chuja
cases-filter-active = Bado zinaendelea
cases-filter-all = Hali zote
cases-filter-anyone = Yeyote
cases-filter-anywhere = Sehemu yoyote ya mguso
cases-filter-overdue = Zilizochelewa tu
cases-none = Hakuna kesi zinazolingana.
cases-more = Kesi za zamani zaidi
cases-col-case = Kesi
cases-col-due = Muda wa mwisho
cases-col-opened = Ilifunguliwa
cases-col-cases = Kesi
cases-overdue = Imechelewa
cases-due-in-hours = { $count ->
    [one] inatakiwa ndani ya saa { $count }
   *[other] inatakiwa ndani ya saa { $count }
}
cases-due-in-days = { $count ->
    [one] inatakiwa ndani ya siku { $count }
   *[other] inatakiwa ndani ya siku { $count }
}
cases-overdue-by-hours = { $count ->
    [one] imechelewa saa { $count }
   *[other] imechelewa saa { $count }
}
cases-overdue-by-days = { $count ->
    [one] imechelewa siku { $count }
   *[other] imechelewa siku { $count }
}
cases-due-at = inatakiwa { $when }
cases-nobody = Hakuna mtu
cases-former-member = Mwanachama wa zamani
cases-no-touchpoint = Hakuna sehemu ya mguso
cases-no-root-cause = Haijawekwa
cases-anonymous = Mteja asiyejulikana
cases-customer = Mteja
cases-first-action = Hatua ya kwanza
cases-resolution = Utatuzi
cases-response = Mteja alisema nini
cases-no-comment = Hakuna maoni, alama tu.
cases-from-request = Imefunguliwa kutoka kwa ombi la kipengele:
cases-work = Shughulikia kesi
cases-save = Hifadhi
cases-saved = Imehifadhiwa.
cases-opened = Kesi imefunguliwa.
cases-existing = Jibu hili tayari lina kesi: hii hapa.
cases-conflict = Mtu mwingine amebadilisha kesi hii tangu ulipoifungua. Hakuna kilichohifadhiwa: angalia kesi ilivyo sasa, kisha uhifadhi tena. Ulichoandika bado kiko kwenye fomu.
cases-add-note = Ongeza dokezo
cases-add-note-button = Ongeza dokezo hili
cases-reply = Mjibu mteja
cases-reply-hint = Kwa barua pepe kwa { $to }, kwa lugha ya { $language }. Mteja hahitaji kujibu ili uweze kufunga kesi.
cases-send-reply = Tuma jibu
cases-no-address = Hatuna anwani ya barua pepe ya mteja huyu, kwa hiyo huwezi kujibu kutoka hapa.
cases-replies = Majibu
cases-reply-sent = limetumwa { $when }
cases-reply-waiting = linasubiri kutumwa
cases-log = Historia
cases-log-opened-score = alifungua kesi (alama ya chini)
cases-log-opened-sentiment = alifungua kesi (maoni hasi)
cases-log-opened-response = alifungua kesi kutoka kwa jibu
cases-log-opened-feature-request = alifungua kesi kutoka kwa ombi la kipengele
cases-log-opened-manual = alifungua kesi
cases-log-status = alibadilisha hali kutoka { $from } hadi { $to }
cases-log-owner = alibadilisha mhusika kutoka { $from } hadi { $to }
cases-log-root-cause = alibadilisha chanzo kikuu kutoka { $from } hadi { $to }
cases-log-note = aliongeza dokezo
cases-log-reply = alimjibu mteja
cases-open-button = Fungua kesi
cases-sla = Kiwango cha huduma
cases-sla-hint = Ni haraka kiasi gani mtu anapaswa kushughulikia kesi mpya, na kuitatua, kwa saa za kazi: usiku, wikendi na siku za mapumziko hazihesabiwi. Mabadiliko yanahusu kesi zitakazofunguliwa kuanzia sasa.
cases-field-first-action-hours = Hatua ya kwanza ndani ya (saa za kazi)
cases-field-resolve-hours = Itatuliwe ndani ya (saa za kazi)
cases-field-day-start = Siku ya kazi inaanza (SS:DD)
cases-field-day-end = Siku ya kazi inaisha (SS:DD)
cases-field-days = Siku za kazi
cases-field-utc-offset = Tofauti na UTC (k.m. +03:00)
cases-day-mon = Jumatatu
cases-day-tue = Jumanne
cases-day-wed = Jumatano
cases-day-thu = Alhamisi
cases-day-fri = Ijumaa
cases-day-sat = Jumamosi
cases-day-sun = Jumapili
cases-root-causes = Vyanzo vikuu
cases-root-causes-hint = Kimoja kwa kila mstari. Chanzo unachoondoa kinabaki kwenye kesi zinazokitaja.
cases-cause-line-error = Mstari { $line }: { $issue }
cases-rules = Sheria za kufungua
cases-rules-hint = Majibu yapi yanafungua kesi yenyewe. Alama ya chini ni NPS 0–6, au alama mbili za chini kabisa za kipimo cha CSAT au CES.
cases-rules-none = Bado hakuna tafiti.
cases-rules-survey = Utafiti
cases-rule-low-score = Alama ya chini
cases-rule-negative-comment = Maoni hasi
cases-settings-saved = Mipangilio imehifadhiwa.
cases-teams = Timu
cases-teams-hint = k.m. Duka, Usafirishaji
cases-figures-title = Ufuatiliaji wa wateja wasioridhika
cases-opened-count = { $count ->
    [one] Kesi { $count } ilifunguliwa katika kipindi hiki
   *[other] Kesi { $count } zilifunguliwa katika kipindi hiki
}
cases-small-sample = sampuli ndogo
cases-see-all = Tazama kesi
cases-mean = Wastani
cases-median = Wastani wa kati
cases-p90 = Asilimia ya 90
cases-counted = Zilizohesabiwa
cases-time-first-action = Muda hadi hatua ya kwanza
cases-time-resolution = Muda hadi utatuzi
cases-hours-value = saa { $hours }
cases-count = { $count ->
    [one] kesi { $count }
   *[other] kesi { $count }
}
cases-open-apart = { $count ->
    [one] { $count } bado inasubiri
   *[other] { $count } bado zinasubiri
}
cases-share-overdue = Sehemu iliyochelewa
cases-percent = { $value }%
cases-interval = (muda wa uhakika 95% { $low }–{ $high }%)
cases-causes-by-touchpoint = Vyanzo vikuu kwa sehemu ya mguso
cases-mail-subject = Maoni yako kwa { $business }
cases-mail-greeting = Habari { $name },
cases-mail-greeting-anonymous = Habari,
cases-mail-intro = Asante kwa kuiambia { $business } jinsi tulivyofanya. Hili ndilo jibu letu:
cases-mail-footer = { $business } · kesi { $number }
