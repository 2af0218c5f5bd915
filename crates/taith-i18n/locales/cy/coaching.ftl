nav-coaching = Hyfforddi
coaching-title = Hyfforddi
coaching-by = Grwpio yn ôl
coaching-by-agent = Fesul asiant
coaching-by-team = Fesul tîm
coaching-lede = SHN a BC yr ymatebion y mae eu priodoledd “agent” neu “team” yn eu henwi, gyda chyfyngau 95%. Mae wythnosau heb lawer o atebion wedi'u tynnu'n wag.
coaching-own-only = Rydych chi'n gweld eich ffigurau eich hun: ymatebion y mae eu “agent” yn enw i chi ({ $name }) neu'n gyfeiriad e-bost i chi ({ $email }).
coaching-empty = Does dim ymatebion yn y cyfnod hwn â'r briodoledd hon.
coaching-empty-own = Does dim ymatebion yn y cyfnod hwn yn eich enwi chi fel eu hasiant.
coaching-board-title = Tabl safleoedd: { $metric }
coaching-board-too-few = Rhy ychydig i'w cymharu: mae tabl angen dau â digon o atebion.
coaching-board-none-significant = Does dim un o'r gwahaniaethau'n arwyddocaol, felly mae pawb yn rhannu'r safle cyntaf.
coaching-board-significant = Gwahaniaethau arwyddocaol: { $count }. Dim ond y rhain sy'n pennu'r safleoedd; mae safleoedd cyfartal yn gyfartal.
coaching-board-unranked = Heb eu gosod, rhy ychydig o atebion: { $names }
coaching-rank = Safle
coaching-who = Pwy
coaching-figure = Sgôr
coaching-praise = Canmoliaeth i'w rhannu

# Case figures per case owner (agent) or per the owner's teams.
coaching-cases = Achosion
coaching-cases-handled = { $count ->
    [zero] Dim achosion wedi'u trin yn y cyfnod hwn
    [one] { $count } achos wedi'i drin yn y cyfnod hwn
    [two] { $count } achos wedi'u trin yn y cyfnod hwn
    [few] { $count } achos wedi'u trin yn y cyfnod hwn
    [many] { $count } achos wedi'u trin yn y cyfnod hwn
   *[other] { $count } achos wedi'u trin yn y cyfnod hwn
}
coaching-cases-hint = Mae achos yn cyfrif i'w berchennog: yr aelod y mae ei enw neu ei gyfeiriad e-bost yn enw'r asiant. Mae tîm yn cyfrif yr achosion sy'n eiddo i'w aelodau.
