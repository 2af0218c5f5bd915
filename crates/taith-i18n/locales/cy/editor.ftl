## Editing journeys in place: saving, unsaved changes, undo.

editor-status-saving = Wrthi'n cadw…
editor-status-saved = Wedi'i gadw.
editor-status-invalid = Heb ei gadw: cywirwch y meysydd sydd wedi'u marcio.
editor-status-failed = Heb ei gadw: methu â chyrraedd taith. Mae eich newidiadau yma o hyd; rhowch gynnig arall arni.
editor-status-refused = Heb ei gadw: gwrthododd taith y newid (efallai eich bod wedi'ch allgofnodi). Mae eich newidiadau yma o hyd; ail-lwythwch y dudalen mewn tab arall i fewngofnodi, yna cadwch eto.
editor-status-unsaved = Newidiadau heb eu cadw
editor-kept = Cadwyd y newidiadau heb eu cadw yn y cardiau eraill. Cadwch bob cerdyn pan fyddwch yn barod.
editor-without-script = Heb JavaScript, mae pob botwm Cadw yn cadw ei gerdyn ei hun yn unig, ac mae newidiadau a deipiwyd mewn cardiau eraill yn cael eu colli pan fydd y dudalen yn ail-lwytho: cadwch un cerdyn cyn golygu'r nesaf.
editor-board-hint = Agorwch gerdyn i'w olygu yn ei le. Mae pob cerdyn yn cadw ar ei ben ei hun; mae gweddill y dudalen yn aros fel y mae.
editor-delete-journey-confirm = Dileu'r daith hon a'i holl hanes? Gallwch ddadwneud hyn am ychydig funudau.
editor-delete-stage-confirm = Dileu'r cam hwn a'i bwyntiau cyswllt? Gallwch ddadwneud hyn am ychydig funudau.
editor-delete-touchpoint-confirm = Dileu'r pwynt cyswllt hwn? Gallwch ddadwneud hyn am ychydig funudau.
editor-saved-details = Manylion y daith wedi'u cadw.
editor-saved-stage = Cam wedi'i gadw.
editor-saved-touchpoint = Pwynt cyswllt wedi'i gadw.
editor-added-stage = Cam wedi'i ychwanegu.
editor-added-touchpoint = Pwynt cyswllt wedi'i ychwanegu.
editor-moved-stage = Cam wedi'i symud.
editor-undo = Dadwneud
editor-undo-hint = { $minutes ->
    [zero] Gallwch ddadwneud hyn am { $minutes } munud.
    [one] Gallwch ddadwneud hyn am { $minutes } munud.
    [two] Gallwch ddadwneud hyn am { $minutes } funud.
    [few] Gallwch ddadwneud hyn am { $minutes } munud.
    [many] Gallwch ddadwneud hyn am { $minutes } munud.
   *[other] Gallwch ddadwneud hyn am { $minutes } munud.
}
editor-undone = Wedi'i roi'n ôl lle'r oedd, gyda phopeth a gadwyd ers hynny.
editor-journey-deleted = Taith “{ $name }” wedi'i dileu.
editor-journey-undeleted = Daeth y daith yn ôl, gyda'i holl hanes.
editor-undo-late = Does dim modd dadwneud hyn mwyach. Gallwch adfer fersiwn gynharach o'r hanes o hyd.
editor-undo-nothing = Doedd dim i'w ddadwneud: mae'n ôl yn barod.
editor-map-region = Map taith (sgroliwch i weld pob cam)
history-restore-hint = Mae adfer fersiwn yn ei chadw eto fel y fersiwn ddiweddaraf: does dim byd yn yr hanes yn cael ei golli, a gallwch adfer unrhyw fersiwn arall wedyn.
history-restore-version = Adfer fersiwn { $version }
history-restore-explained = Bydd y map yn dod yn fersiwn { $version } eto, wedi'i gadw fel fersiwn { $next }. Does dim byd yn yr hanes yn cael ei golli.
history-restored = Fersiwn { $version } wedi'i hadfer: mae'r map yn ei dangos eto, wedi'i chadw fel fersiwn { $current }.
history-see-map = Gweld y map
