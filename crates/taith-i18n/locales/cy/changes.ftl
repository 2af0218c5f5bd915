# "Fe ddywedoch chi, fe wnaethon ni": newidiadau a wnaed am fod cwsmeriaid wedi gofyn.
nav-changes = Fe wnaethon ni
changes-title = Fe ddywedoch chi, fe wnaethon ni
changes-lede = Newidiadau a wnaeth y busnes am fod cwsmeriaid wedi gofyn amdanynt. Mae pob cwsmer y tu ôl i newid sydd â chyfeiriad e-bost hysbys ac sydd heb optio allan yn cael gwybod unwaith, yn ei iaith ei hun.
changes-none = Does dim newidiadau wedi'u cofnodi eto.
changes-how-to = I gofnodi un, agorwch gais am nodwedd neu thema a dewis “Fe weithredon ni ar hyn”.
changes-public-link = Y dudalen gyhoeddus “beth newidion ni”
changes-mail-off = Nid yw e-bost wedi'i osod ar y gweinydd hwn: mae'r hysbysiadau'n aros nes iddo gael ei osod.
changes-done-recorded = Mae'r newid wedi'i gofnodi; mae ei hysbysiadau ar eu ffordd.
changes-acted-on = Fe weithredon ni ar hyn
changes-source-feature-request = Cais am nodwedd
changes-source-theme = Thema
changes-notices-sent = Hysbysiadau wedi'u hanfon: { $count } o { $total }
changes-notices-waiting = Hysbysiadau'n aros: { $count }
changes-notices-opted-out = Cwsmeriaid sydd wedi optio allan ers hynny: { $count }
changes-new-title = Dweud wrth gwsmeriaid beth wnaethoch chi
changes-note = Beth mae cwsmeriaid yn ei ddarllen
changes-note-hint = Nodyn byr ym mhob iaith rydych chi'n ysgrifennu ynddi; o leiaf un. Mae cwsmeriaid yn ei gael yn eu hiaith eu hunain os ysgrifennoch chi ef ynddi, fel arall yn Saesneg.
changes-note-legend = Nodyn ym mhob iaith
changes-record = Cofnodi'r newid a dweud wrth gwsmeriaid
changes-will-tell = { $count ->
    [zero] Neb i ddweud wrtho: does dim cwsmer y tu ôl iddo â chyfeiriad e-bost hysbys.
   *[other] Cwsmeriaid a gaiff wybod: { $count }
}
changes-will-not-tell = Cwsmeriaid na chânt wybod (wedi optio allan, neu heb gyfeiriad e-bost): { $count }
changes-mail-subject = Mae { $business } wedi gwneud newid y gofynnoch chi amdano
changes-mail-intro = Fe ddywedoch chi wrth { $business } beth allai fod yn well. Dyma beth wnaethon nhw:
changes-mail-more = Gweld popeth a newidion ni
changes-mail-why = Rydych chi'n cael yr e-bost hwn am eich bod wedi rhoi adborth i { $business }.
changes-mail-opt-out = Dim mwy o'r negeseuon hyn
changes-public-title = Beth newidiodd { $business }
changes-public-heading = Fe ddywedoch chi, fe wnaethon ni
changes-public-lede = Newidiadau a wnaeth { $business } am fod cwsmeriaid wedi gofyn amdanynt.
changes-public-empty = Dim byd yma eto.
changes-public-board = Syniadau a cheisiadau
changes-public-unknown-title = Heb ddod o hyd i'r dudalen
changes-public-unknown = Does dim tudalen o'r fath. Gwiriwch y ddolen a ddilynoch chi.
changes-stop-title = Atal y negeseuon hyn
changes-stop-question = Atal negeseuon am newidiadau gan { $business }?
changes-stop-explain = Fyddwch chi ddim yn cael gwybod mwyach pan fydd { $business } yn newid rhywbeth y gofynnoch chi amdano.
changes-stop-done-title = Fyddwch chi ddim yn cael mwy o'r negeseuon hyn
changes-stop-done = Fydd { $business } ddim yn anfon negeseuon atoch chi am newidiadau mwyach.
changes-dash-title = Fe ddywedoch chi, fe wnaethon ni
changes-dash-sent = Hysbysiadau a anfonwyd yn y cyfnod hwn: { $count }
changes-dash-caption = SHN ymatebion y cyfnod hwn gan gwsmeriaid a gafodd hysbysiad, a chan gwsmeriaid hysbys na chawsant un
changes-dash-who = Cwsmeriaid
changes-dash-nps = SHN
changes-dash-interval = Cyfwng 95%
changes-dash-n = Ymatebion
changes-dash-responses = { $count ->
    [zero] dim ymatebion
    [one] { $count } ymateb
    [two] { $count } ymateb
    [few] { $count } ymateb
    [many] { $count } ymateb
   *[other] { $count } ymateb
}
changes-dash-notified = Wedi cael hysbysiad
changes-dash-others = Heb gael un
changes-dash-significant = Gwahaniaeth: { $delta } pwynt (± { $margin }), gwahaniaeth arwyddocaol.
changes-dash-not-significant = Gwahaniaeth: { $delta } pwynt (± { $margin }), dim gwahaniaeth arwyddocaol.
changes-dash-no-difference = Dim digon o ymatebion ar y ddwy ochr i'w cymharu.
changes-dash-caveat = Mae hyn yn cymharu dau grŵp; nid yw'n dangos mai'r hysbysiadau a achosodd y gwahaniaeth.

# A change can act on a case root cause (cases settings page).
changes-source-root-cause = Gwraidd y broblem
changes-root-causes-acted-on = Rhoi gwybod i'r cwsmeriaid y tu ôl i wraidd problem
changes-root-causes-acted-on-hint = Wedi datrys yr hyn a achosodd rai achosion? Dywedwch hynny: bydd y cwsmeriaid y mae eu hachosion yn enwi'r gwraidd hwnnw yn cael un neges, yn eu hiaith eu hunain.
