# Mzunguko wa mteja: Wateja → Kubaki, na mfuatano wa matukio ya mteja.
nav-retention = Kubaki kwa wateja
retention-title = Wateja: kubaki
retention-lede = Kiwango cha kupoteza wateja: wateja waliopotea katika kipindi kati ya wale waliokuwepo mwanzoni. Kiwango cha kubaki: wateja waliokuwepo mwanzoni ambao bado ni wateja mwishoni, kati ya wale waliokuwepo mwanzoni. Vyote viwili na kipindi chake cha 95%.
retention-counts = Mwanzoni { $start } · mwishoni { $end } · wapya { $new } · waliopotea { $lost }
retention-churn-rate = Kiwango cha kupoteza wateja
retention-retention-rate = Kiwango cha kubaki
retention-cohorts = Makundi ya kubaki
retention-cohorts-hint = Wateja wamepangwa kwa mwezi walioanza; kila safu ni sehemu ambayo bado ni wateja mwishoni mwa mwezi huo baada ya kuanza.
retention-none = Bado hakuna mteja mwenye tarehe ya kuanza.
retention-chart-description = Sehemu ya kila kundi la mwezi wa kuanza ambayo bado ni wateja, mwezi kwa mwezi.
retention-cohort = Alianza
retention-size = Wateja
retention-month-n = Mwezi { $n }
retention-nps = NPS ya wateja waliopotea na waliobaki
retention-interval = Kipindi cha 95%
retention-answered = Walijibu
retention-churned = Walipotea katika kipindi
retention-retained = Walibaki
retention-customers = { $count ->
    [one] mteja { $count }
   *[other] wateja { $count }
}
retention-nps-too-few = Majibu ni machache mno kulinganisha.
retention-nps-significant = NPS ya wateja waliopotea inatofautiana na ya waliobaki kwa pointi { $delta }: tofauti kubwa kitakwimu.
retention-nps-not-significant = Tofauti ya pointi { $delta } si kubwa kitakwimu.
timeline-title = Mfuatano wa matukio
timeline-email = Barua pepe
timeline-locale = Lugha ya mteja
timeline-locale-unknown = Haijulikani
timeline-span = Mteja
timeline-span-none = Hakuna tarehe ya kuanza iliyorekodiwa
timeline-span-since = Tangu { $start }
timeline-span-ended = Kuanzia { $start } hadi { $end }
timeline-unnamed = Mteja asiye na jina
timeline-empty = Bado hakuna kilichorekodiwa kwa mteja huyu.
timeline-response = Alijibu “{ $survey }”
timeline-survey-gone = utafiti uliofutwa
timeline-score = Alama { $score }
timeline-conversation = Mazungumzo ya usaidizi
timeline-status-open = Wazi
timeline-status-pending = Yanasubiri
timeline-status-snoozed = Yameahirishwa
timeline-status-resolved = Yametatuliwa
timeline-customer = Mteja
timeline-us = Sisi
timeline-case = Kesi { $number }
timeline-invitation = Alialikwa kwenye utafiti
timeline-invitation-waiting = Inasubiri kutumwa
timeline-invitation-sent = Ilitumwa { $at }
timeline-lifecycle-started = Alikuwa mteja
timeline-lifecycle-ended = Aliacha kuwa mteja
timeline-lifecycle-renewed = Alifanya upya
retention-repeat-purchase = Kiwango cha kununua tena
retention-repeat-counts = Wateja { $count } walinunua mara mbili au zaidi, kati ya { $buyers } walionunua
timeline-event-page-view = Alitazama ukurasa
timeline-event-search = Alitafuta kwenye tovuti
timeline-event-results = { $count ->
    [one] tokeo { $count }
   *[other] matokeo { $count }
}
timeline-event-conversion = Alinunua au alifikia lengo
timeline-event-task = Alifanya kazi
timeline-event-task-done = imekamilika
timeline-event-task-failed = haijakamilika
timeline-event-error = Alikutana na hitilafu
timeline-event-click = Alifuata kiungo
