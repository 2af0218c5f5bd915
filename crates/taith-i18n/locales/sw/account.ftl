## The account page, password change and reset.

account-title = Akaunti yako
account-profile = Jina na lugha
account-language = Lugha
account-language-browser = Lugha ya kivinjari changu
account-language-hint = taith inazungumza nawe kwa lugha hii kwenye kila kifaa unachoingia nacho. Menyu ya lugha iliyo juu huibadilisha pia.
account-saved-profile = Jina na lugha yako vimehifadhiwa.
account-saved-password = Nenosiri lako limebadilishwa. Kila kivinjari kingine kilichoingia kama wewe kimeondolewa.
account-saved-session = Kivinjari hicho kimeondolewa.
account-saved-others = Kila kivinjari kingine kimeondolewa.

account-password = Nenosiri
account-password-current = Nenosiri la sasa
account-password-new = Nenosiri jipya
account-password-rule = Angalau herufi 10. Maneno machache utakayoyakumbuka ni nenosiri zuri.
account-password-current-wrong = Hilo si nenosiri lako la sasa.
account-password-others-out = Kulibadilisha kunakuondoa kwenye kila kivinjari kingine; kivinjari hiki kinabaki kimeingia.
account-password-submit = Badilisha nenosiri

account-sessions = Mahali ulipoingia
account-sessions-intro = Kila kivinjari kilichoingia kama wewe. Ondoka kwenye kile usichokijua, au ulichokiacha kimeingia mahali fulani.
account-sessions-browser = Kivinjari
account-sessions-since = Kiliingia
account-sessions-until = Kimeingia hadi
account-sessions-this = Kivinjari hiki
account-sessions-unknown-browser = Kivinjari kisichojulikana
account-sessions-sign-out = Ondoka
account-sessions-others = Ondoka kila mahali pengine
account-sessions-others-confirm = Uondoke kwenye kila kivinjari kingine kilichoingia kama wewe?
account-sessions-none-else = Umeingia kwenye kivinjari hiki pekee.

account-forgot-link = Umesahau nenosiri lako?
account-forgot-title = Umesahau nenosiri lako?
account-forgot-intro = Andika anwani ya barua pepe unayoingia nayo. Tutakutumia kiungo kwa barua pepe ili uchague nenosiri jipya.
account-forgot-submit = Nitumie kiungo
account-forgot-sent = Ikiwa kuna akaunti yenye anwani hiyo, kiungo cha kuchagua nenosiri jipya kinatumwa kwake.
account-forgot-expiry = { $minutes ->
   *[other] Kiungo kinafanya kazi mara moja, kwa dakika { $minutes }.
}
account-forgot-spam = Hakuna kitu baada ya dakika chache? Angalia folda yako ya barua taka, au muulize anayekuendeshea taith.
account-back-to-sign-in = Rudi kwenye kuingia

account-reset-title = Chagua nenosiri jipya
account-reset-submit = Weka nenosiri jipya
account-reset-signs-out = Kuliweka kunakuondoa kila mahali; kisha unaingia kwa nenosiri jipya.
account-reset-done = Nenosiri lako limebadilishwa. Ingia kwa nenosiri jipya.
account-reset-dead-title = Kiungo hiki hakifanyi kazi tena
account-reset-dead = Kimeshatumika, au ni cha zamani mno.
account-reset-ask-again = Omba kiungo kipya

account-reset-mail-subject = Chagua nenosiri jipya la taith
account-reset-mail-greeting = Habari { $name },
account-reset-mail-intro = Mtu ameomba kuweka upya nenosiri la akaunti ya taith ya { $email }. Ikiwa ni wewe, chagua nenosiri jipya hapa:
account-reset-mail-action = Chagua nenosiri jipya
account-reset-mail-expiry = { $minutes ->
   *[other] Kiungo kinafanya kazi mara moja, kwa dakika { $minutes }.
}
account-reset-mail-ignore = Ikiwa hukuomba, puuza barua pepe hii: nenosiri lako linabaki kama lilivyo.

## What each role may do, where roles are chosen.
roles-explained = Kila jukumu linaweza kufanya nini
role-owner-explained = Kila kitu: kuhariri safari, tafiti na wasifu wa wateja, kusimamia wanachama na tokeni za API, na kuwafanya wengine kuwa wamiliki.
role-admin-explained = Kila kitu anachofanya mmiliki, isipokuwa kuwafanya wengine kuwa wamiliki.
role-analyst-explained = Anasoma safari, takwimu na kila jibu pamoja na maoni yake; habadilishi chochote.
role-agent-explained = Anasoma kila kitu, anarekodi majibu kwa niaba ya wateja, na anahariri sehemu za mguso anazomiliki.
role-viewer-explained = Anaona safari na takwimu, lakini si kile ambacho kila mteja aliandika.
