# Arwyddion ar y daith: ffigurau ymddygiad a chymorth ym mhob pwynt cyswllt, a'r gollwng.
signal-metric-visitors = Ymwelwyr
signal-metric-page_views = Golygon tudalen
signal-metric-bounce_rate = Cyfradd bownsio
signal-metric-conversion_rate = Cyfradd trosi
signal-metric-session_duration = Hyd ymweliad
signal-metric-task_success_rate = Cyfradd llwyddiant tasgau
signal-metric-error_rate = Cyfradd gwallau
signal-metric-search_zero_result_rate = Chwiliadau heb ganlyniadau
signal-metric-first_response_time = Amser ymateb cyntaf
signal-metric-resolution_time = Amser datrys
signal-metric-reopen_rate = Cyfradd ailagor
signal-metric-with-goal = { $name } ({ $goal })
signal-percent = { $value }%
signal-seconds = { $value } e
signal-minutes = { $value } mun
signal-hours = { $value } awr
signal-no-data = dim data yn y cyfnod hwn
signal-detail-rate = { $n ->
    [one] cyfwng hyder 95% { $low }–{ $high }%, { $n } wedi'u cyfrif
   *[other] cyfwng hyder 95% { $low }–{ $high }%, { $n } wedi'u cyfrif
}
signal-detail-n = { $n ->
    [one] { $n } wedi'u cyfrif
   *[other] { $n } wedi'u cyfrif
}
signal-few = ychydig wedi'u cyfrif, darllenwch yn ofalus
signal-heading = Ymddygiad a chymorth
signal-none = Does dim ffigurau ymddygiad na chymorth wedi'u dewis ar gyfer y pwynt cyswllt hwn eto.
signal-choose = Ffigurau a ddangosir ar y map taith
signal-choose-hint = Dewiswch hyd at bedwar ffigur ar gyfer y pwynt cyswllt hwn. Mae'r map taith byw yn eu dangos wrth ymyl yr hyn a ddywedodd cwsmeriaid yma, gyda saeth pan fo'r newid ers y cyfnod cynt yn arwyddocaol.
signal-group-web = Ar y we (o'r traciwr ac API y digwyddiadau)
signal-group-support = Mewn cymorth (sgyrsiau am y pwynt cyswllt hwn)
signal-figure = Ffigur
signal-goal = Nod ar gyfer y gyfradd trosi
signal-goal-hint = Enw'r nod y mae'ch gwefan yn ei anfon, fel order. Gadewch yn wag i gyfrif unrhyw nod.
signal-save = Cadw'r ffigurau
signal-saved = Wedi cadw'r ffigurau. Mae'r map taith yn eu dangos nawr.
signal-drop-off-lane = Gollwng
signal-drop-off = { $from } → { $to }: ni aeth { $rate }% ymlaen (aeth { $went } o { $reached } ymweliad ymlaen)
