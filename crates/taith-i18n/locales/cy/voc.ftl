# Llais y cwsmer: archwilio sylwadau a themâu.
nav-voc = Sylwadau
voc-tabs = Beth ysgrifennodd cwsmeriaid
voc-comments = Sylwadau
voc-themes = Themâu
voc-comments-lead = Pob sylw, wedi'i ddarllen yn yr iaith y cafodd ei ysgrifennu ynddi: ei deimlad a'i bwnc. Hidlo, chwilio ac allforio.
voc-themes-lead = Yr hyn y mae sylwadau'n dod yn ôl ato dro ar ôl tro, a beth mae pob pwnc yn ei wneud i'ch sgôr.
voc-csv = Llwytho CSV i lawr
voc-clear = Clirio'r hidlwyr
voc-no-comments = Dim sylwadau yn y cyfnod hwn eto.
voc-no-themes = Dim themâu eto. Mae themâu'n ymddangos wrth i sylwadau gyrraedd; gallwch hefyd greu un isod.
voc-comments-count = { $count ->
    [zero] dim sylwadau
    [one] { $count } sylw
    [two] { $count } sylw
    [few] { $count } sylw
    [many] { $count } sylw
   *[other] { $count } sylw
}
voc-summary = { $comments } · { $negative }% yn negyddol ({ $low }–{ $high }%)
voc-language-other = Iaith arall
voc-sentiment = Teimlad
voc-sentiment-negative = Negyddol
voc-sentiment-neutral = Niwtral
voc-sentiment-positive = Cadarnhaol
voc-sentiment-unknown = Rhy fyr i ddweud
voc-confidence = { $percent }% yn siŵr
voc-sentiment-split = { $negative } negyddol, { $neutral } niwtral, { $positive } cadarnhaol
voc-filter-q = Chwilio
voc-filter-language = Ysgrifennwyd yn
voc-filter-sentiment = Teimlad
voc-filter-theme = Thema
voc-filter-survey = Arolwg
voc-filter-band = Sgôr
voc-filter-touchpoint = Pwynt cyswllt
voc-filter-channel = Sianel
voc-filter-locale = Atebwyd yn
voc-filter-customer = Cwsmer
voc-filter-error = { $field }: { $issue }
voc-how-read = Sut mae sylwadau'n cael eu darllen?
voc-how-read-body = Mae taith yn darllen pob sylw ar eich gweinydd eich hun, yn Gymraeg, Saesneg, Maleieg, Swahili, Arabeg a Fietnameg. Mae'n adnabod yr iaith o'r testun (mae sylw byr iawn yn cymryd yr iaith yr atebodd y cwsmer ynddi), a'r teimlad drwy fodel sy'n dechrau o sylfaen sy'n dod gyda taith ac yna'n dysgu o'ch atebion chi: mae sylw a roddwyd gyda sgôr uchel yn cyfrif fel un cadarnhaol, ac un a roddwyd gyda sgôr isel fel un negyddol.
voc-learning-base = { $language }: { $comments }, wedi'u darllen gyda'r model sylfaenol hyd yma.
voc-learning-learned = { $language }: { $comments }; mae'r model wedi dysgu o { $learned } o'ch atebion sydd â sgôr.
voc-pending = { $count ->
    [zero] Does dim sylwadau'n aros i gael eu darllen.
    [one] Mae { $count } sylw yn aros i gael ei ddarllen.
    [two] Mae { $count } sylw yn aros i gael eu darllen.
    [few] Mae { $count } sylw yn aros i gael eu darllen.
    [many] Mae { $count } sylw yn aros i gael eu darllen.
   *[other] Mae { $count } sylw yn aros i gael eu darllen.
}
voc-theme = Thema
voc-mentions = Crybwylliadau
voc-share = { $percent }% o'r sylwadau
voc-impact = Effaith ar y sgôr
voc-impact-cost = Yn costio { $points } pwynt { $metric } (± { $margin })
voc-impact-lift = Yn ychwanegu { $points } pwynt { $metric } (± { $margin })
voc-impact-unclear = { $points } pwynt { $metric } (± { $margin }): dim gwahaniaeth clir eto
voc-impact-none = Dim digon o sgorau eto
voc-impact-detail = { $metric } yr ymatebion sy'n sôn amdani: { $with } (n = { $with_n }); y lleill: { $without } (n = { $without_n }).
voc-impact-how = Sut mae'r effaith yn cael ei chyfrifo?
voc-impact-how-body = Sgôr yr ymatebion y mae eu sylw'n sôn am y thema, llai sgôr yr holl ymatebion eraill yn yr un cyfnod (gyda sylw neu hebddo). Yr ± yw cyfwng hyder 95% y gwahaniaeth hwnnw: os yw'n lletach na'r gwahaniaeth ei hun, efallai nad yw'r thema'n gwneud gwahaniaeth go iawn eto.
voc-trend = Crybwylliadau fesul wythnos
voc-week = Wythnos o { $from }: { $mentions }
voc-rising = Ar gynnydd
voc-pinned = Wedi'i phinio
voc-hidden = Wedi'i chuddio
voc-origin-found = Wedi'i chanfod yn eich sylwadau
voc-origin-staff = Wedi'i chreu gan eich tîm
voc-figures = Ffigurau
voc-where-negative = Lle mae cwsmeriaid yn cwyno amdani
voc-examples = Sylwadau sy'n sôn amdani
voc-all-comments = Ei holl sylwadau
voc-phrases = Geiriau ac ymadroddion
voc-phrases-hint = Un ar bob llinell neu wedi'u gwahanu gan atalnodau, mewn unrhyw iaith: mae sylw sy'n defnyddio un ohonyn nhw'n sôn am y thema.
voc-new-theme = Thema newydd
voc-edit = Newid y thema
voc-pin = Ei phinio i'r brig
voc-hide = Ei chuddio (ni fydd yn dod yn ôl ohoni ei hun)
voc-merge = Cyfuno
voc-merge-into = Cyfuno'r thema hon i mewn i
voc-split = Gwahanu
voc-split-which = Yr ymadroddion sy'n gwneud thema ar eu pennau eu hunain
voc-split-name = Enw'r thema newydd
voc-negative-themes = Cwynion yma
voc-negative-themes-none = Dim themâu negyddol yma yn y cyfnod hwn.
voc-costly-themes = Beth sy'n costio fwyaf i'ch sgôr
voc-all-themes = Pob thema
