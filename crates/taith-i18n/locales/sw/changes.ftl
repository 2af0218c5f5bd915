nav-changes = Tulifanya
changes-title = Mlisema, tulifanya
changes-lede = Mabadiliko ambayo biashara ilifanya kwa sababu wateja waliomba. Kila mteja aliye nyuma ya badiliko anayejulikana kwa barua pepe na ambaye hajajiondoa hujulishwa mara moja, kwa lugha yake.
changes-none = Bado hakuna mabadiliko yaliyorekodiwa.
changes-how-to = Ili kurekodi moja, fungua ombi la kipengele au mada kisha uchague “Tulishughulikia hili”.
changes-public-link = Ukurasa wa umma wa “tulichobadilisha”
changes-mail-off = Barua pepe haijawekwa kwenye seva hii: arifa zinasubiri hadi iwekwe.
changes-done-recorded = Badiliko limerekodiwa; arifa zake ziko njiani.
changes-acted-on = Tulishughulikia hili
changes-source-feature-request = Ombi la kipengele
changes-source-theme = Mada
changes-notices-sent = Arifa zilizotumwa: { $count } kati ya { $total }
changes-notices-waiting = Arifa zinazosubiri: { $count }
changes-notices-opted-out = Wateja waliojiondoa tangu hapo: { $count }
changes-new-title = Waambie wateja mlichofanya
changes-note = Wanachosoma wateja
changes-note-hint = Ujumbe mfupi katika kila lugha unayoandika; angalau mmoja. Wateja huupata kwa lugha yao ukiwa umeuandika, vinginevyo kwa Kiingereza.
changes-note-legend = Ujumbe kwa kila lugha
changes-record = Rekodi badiliko na uwaambie wateja
changes-will-tell = { $count ->
    [0] Hakuna wa kuambiwa: hakuna mteja nyuma yake anayejulikana kwa barua pepe.
    [one] Mteja { $count } atajulishwa.
   *[other] Wateja { $count } watajulishwa.
}
changes-will-not-tell = Wateja ambao hawatajulishwa (wamejiondoa, au hawana barua pepe): { $count }
changes-mail-subject = { $business } imefanya badiliko uliloomba
changes-mail-intro = Uliiambia { $business } kinachoweza kuboreshwa. Hiki ndicho walichofanya:
changes-mail-more = Tazama yote tuliyobadilisha
changes-mail-why = Unapokea barua pepe hii kwa sababu ulitoa maoni kwa { $business }.
changes-mail-opt-out = Sitaki tena ujumbe kama huu
changes-public-title = { $business } ilichobadilisha
changes-public-heading = Mlisema, tulifanya
changes-public-lede = Mabadiliko ambayo { $business } ilifanya kwa sababu wateja waliyaomba.
changes-public-empty = Bado hakuna kitu hapa.
changes-public-board = Mawazo na maombi
changes-public-unknown-title = Ukurasa haukupatikana
changes-public-unknown = Hakuna ukurasa kama huu. Angalia kiungo ulichofuata.
changes-stop-title = Sitisha ujumbe huu
changes-stop-question = Usitishe ujumbe kuhusu mabadiliko kutoka { $business }?
changes-stop-explain = Hutajulishwa tena { $business } inapobadilisha kitu ulichoomba.
changes-stop-done-title = Hutapokea tena ujumbe huu
changes-stop-done = { $business } haitakutumia tena ujumbe kuhusu mabadiliko.
changes-dash-title = Mlisema, tulifanya
changes-dash-sent = Arifa zilizotumwa katika kipindi hiki: { $count }
changes-dash-caption = Alama za Mkuzaji Halisi (NPS) za majibu ya kipindi hiki kutoka kwa wateja waliotumiwa arifa, na kutoka kwa wateja wanaojulikana ambao hawakutumiwa
changes-dash-who = Wateja
changes-dash-nps = NPS
changes-dash-interval = Kipindi cha 95%
changes-dash-n = Majibu
changes-dash-responses = { $count ->
    [one] jibu { $count }
   *[other] majibu { $count }
}
changes-dash-notified = Walitumiwa arifa
changes-dash-others = Hawakutumiwa
changes-dash-significant = Tofauti: pointi { $delta } (± { $margin }), tofauti yenye maana ya kitakwimu.
changes-dash-not-significant = Tofauti: pointi { $delta } (± { $margin }), si tofauti yenye maana ya kitakwimu.
changes-dash-no-difference = Hakuna majibu ya kutosha pande zote mbili kulinganisha.
changes-dash-caveat = Hii inalinganisha makundi mawili; haionyeshi kwamba arifa ndizo zilizosababisha tofauti.

# A change can act on a case root cause (cases settings page).
changes-source-root-cause = Chanzo kikuu
changes-root-causes-acted-on = Wajulishe wateja walio nyuma ya chanzo kikuu
changes-root-causes-acted-on-hint = Mmerekebisha kilichosababisha baadhi ya kesi? Waambieni: wateja ambao kesi zao zinataja chanzo hicho watapokea ujumbe mmoja, kwa lugha yao.
