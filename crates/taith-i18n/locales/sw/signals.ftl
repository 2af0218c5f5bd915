# Ishara kwenye safari: takwimu za tabia na usaidizi katika kila sehemu ya mguso, na walioacha.
signal-metric-visitors = Wageni
signal-metric-page_views = Kutazamwa kwa kurasa
signal-metric-bounce_rate = Kiwango cha kurukaruka
signal-metric-conversion_rate = Kiwango cha ubadilishaji
signal-metric-session_duration = Muda wa ziara
signal-metric-task_success_rate = Kiwango cha kufaulu kwa kazi
signal-metric-error_rate = Kiwango cha hitilafu
signal-metric-search_zero_result_rate = Utafutaji usio na matokeo
signal-metric-first_response_time = Muda wa jibu la kwanza
signal-metric-resolution_time = Muda wa kutatua
signal-metric-reopen_rate = Kiwango cha kufunguliwa tena
signal-metric-with-goal = { $name } ({ $goal })
signal-percent = { $value }%
signal-seconds = sek { $value }
signal-minutes = dak { $value }
signal-hours = saa { $value }
signal-no-data = hakuna data katika kipindi hiki
signal-detail-rate = { $n ->
    [one] kipindi cha uhakika wa 95% { $low }–{ $high }%, idadi iliyohesabiwa { $n }
   *[other] kipindi cha uhakika wa 95% { $low }–{ $high }%, idadi iliyohesabiwa { $n }
}
signal-detail-n = { $n ->
    [one] idadi iliyohesabiwa { $n }
   *[other] idadi iliyohesabiwa { $n }
}
signal-few = idadi ndogo, soma kwa tahadhari
signal-heading = Tabia na usaidizi
signal-none = Bado hakuna takwimu za tabia au usaidizi zilizochaguliwa kwa sehemu hii ya mguso.
signal-choose = Takwimu zinazoonyeshwa kwenye ramani ya safari
signal-choose-hint = Chagua hadi takwimu nne kwa sehemu hii ya mguso. Ramani hai ya safari inazionyesha kando ya yale ambayo wateja walisema hapa, pamoja na mshale pale mabadiliko tangu kipindi kilichotangulia yanapokuwa na maana kitakwimu.
signal-group-web = Kwenye wavuti (kutoka kwa kifuatiliaji na API ya matukio)
signal-group-support = Kwenye usaidizi (mazungumzo kuhusu sehemu hii ya mguso)
signal-figure = Takwimu
signal-goal = Lengo la kiwango cha ubadilishaji
signal-goal-hint = Jina la lengo ambalo tovuti yako inatuma, kama order. Liache wazi ili kuhesabu lengo lolote.
signal-save = Hifadhi takwimu
signal-saved = Takwimu zimehifadhiwa. Ramani ya safari inazionyesha sasa.
signal-drop-off-lane = Walioacha
signal-drop-off = { $from } → { $to }: { $rate }% ya ziara hazikuendelea (ziara { $went } kati ya { $reached } ziliendelea)
