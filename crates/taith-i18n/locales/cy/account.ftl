## The account page, password change and reset.

account-title = Eich cyfrif
account-profile = Enw ac iaith
account-language = Iaith
account-language-browser = Iaith fy mhorwr
account-language-hint = Mae taith yn siarad â chi yn yr iaith hon ar bob dyfais rydych chi'n mewngofnodi arni. Mae'r ddewislen iaith ar y brig yn ei newid hefyd.
account-saved-profile = Mae eich enw a'ch iaith wedi'u cadw.
account-saved-password = Mae eich cyfrinair wedi'i newid. Mae pob porwr arall a oedd wedi mewngofnodi fel chi wedi'i allgofnodi.
account-saved-session = Mae'r porwr hwnnw wedi'i allgofnodi.
account-saved-others = Mae pob porwr arall wedi'i allgofnodi.

account-password = Cyfrinair
account-password-current = Cyfrinair presennol
account-password-new = Cyfrinair newydd
account-password-rule = O leiaf 10 nod. Mae ychydig o eiriau y byddwch chi'n eu cofio yn gwneud cyfrinair da.
account-password-current-wrong = Nid dyna'ch cyfrinair presennol.
account-password-others-out = Mae ei newid yn eich allgofnodi ar bob porwr arall; mae'r porwr hwn yn aros wedi mewngofnodi.
account-password-submit = Newid y cyfrinair

account-sessions = Lle rydych chi wedi mewngofnodi
account-sessions-intro = Pob porwr sydd wedi mewngofnodi fel chi. Allgofnodwch un nad ydych chi'n ei adnabod, neu un a adawoch chi wedi mewngofnodi yn rhywle.
account-sessions-browser = Porwr
account-sessions-since = Wedi mewngofnodi
account-sessions-until = Wedi mewngofnodi tan
account-sessions-this = Y porwr hwn
account-sessions-unknown-browser = Porwr anhysbys
account-sessions-sign-out = Allgofnodi
account-sessions-others = Allgofnodi ym mhobman arall
account-sessions-others-confirm = Allgofnodi pob porwr arall sydd wedi mewngofnodi fel chi?
account-sessions-none-else = Dim ond ar y porwr hwn rydych chi wedi mewngofnodi.

account-forgot-link = Wedi anghofio'ch cyfrinair?
account-forgot-title = Wedi anghofio'ch cyfrinair?
account-forgot-intro = Teipiwch y cyfeiriad e-bost rydych chi'n mewngofnodi ag ef. Byddwn ni'n anfon dolen atoch i ddewis cyfrinair newydd.
account-forgot-submit = Anfon dolen ataf
account-forgot-sent = Os oes gan gyfrif y cyfeiriad hwnnw, mae dolen i ddewis cyfrinair newydd ar ei ffordd iddo.
account-forgot-expiry = { $minutes ->
    [one] Mae'r ddolen yn gweithio unwaith, am { $minutes } munud.
   *[other] Mae'r ddolen yn gweithio unwaith, am { $minutes } munud.
}
account-forgot-spam = Dim byd ar ôl ychydig funudau? Edrychwch yn eich ffolder sbam, neu gofynnwch i bwy bynnag sy'n rhedeg taith i chi.
account-back-to-sign-in = Yn ôl i fewngofnodi

account-reset-title = Dewiswch gyfrinair newydd
account-reset-submit = Gosod y cyfrinair newydd
account-reset-signs-out = Mae ei osod yn eich allgofnodi ym mhobman; yna byddwch chi'n mewngofnodi gyda'r cyfrinair newydd.
account-reset-done = Mae eich cyfrinair wedi'i newid. Mewngofnodwch gyda'r un newydd.
account-reset-dead-title = Dydy'r ddolen hon ddim yn gweithio mwyach
account-reset-dead = Mae hi wedi'i defnyddio'n barod, neu mae hi'n rhy hen.
account-reset-ask-again = Gofyn am ddolen newydd

account-reset-mail-subject = Dewiswch gyfrinair newydd ar gyfer taith
account-reset-mail-greeting = Helo { $name },
account-reset-mail-intro = Gofynnodd rhywun am ailosod cyfrinair y cyfrif taith sydd â'r cyfeiriad { $email }. Os chi oedd e, dewiswch gyfrinair newydd yma:
account-reset-mail-action = Dewis cyfrinair newydd
account-reset-mail-expiry = { $minutes ->
    [one] Mae'r ddolen yn gweithio unwaith, am { $minutes } munud.
   *[other] Mae'r ddolen yn gweithio unwaith, am { $minutes } munud.
}
account-reset-mail-ignore = Os na wnaethoch chi ofyn, anwybyddwch yr e-bost hwn: mae eich cyfrinair yn aros fel y mae.

## What each role may do, where roles are chosen.
roles-explained = Beth all pob rôl ei wneud
role-owner-explained = Popeth: yn golygu teithiau, arolygon a phersonâu, yn rheoli aelodau a thocynnau API, ac yn gwneud perchnogion eraill.
role-admin-explained = Popeth mae perchennog yn ei wneud, heblaw gwneud perchnogion.
role-analyst-explained = Yn darllen teithiau, ffigurau a phob ateb gyda'i sylw; yn newid dim byd.
role-agent-explained = Yn darllen popeth, yn cofnodi atebion ar ran cwsmeriaid, ac yn golygu'r pwyntiau cyswllt sy'n eiddo iddyn nhw.
role-viewer-explained = Yn gweld teithiau a ffigurau, ond nid yr hyn ysgrifennodd pob cwsmer.
