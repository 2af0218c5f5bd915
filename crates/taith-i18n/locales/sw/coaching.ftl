nav-coaching = Ufundishaji
coaching-title = Ufundishaji
coaching-by = Panga kwa
coaching-by-agent = Kwa wakala
coaching-by-team = Kwa timu
coaching-lede = NPS na CSAT za majibu ambayo sifa yake ya “agent” au “team” inawataja, pamoja na vipindi vya 95%. Wiki zenye majibu machache zimechorwa tupu.
coaching-own-only = Unaona takwimu zako mwenyewe: majibu ambayo “agent” wake ni jina lako ({ $name }) au barua pepe yako ({ $email }).
coaching-empty = Hakuna majibu katika kipindi hiki yenye sifa hii.
coaching-empty-own = Hakuna majibu katika kipindi hiki yanayokutaja kama wakala wao.
coaching-board-title = Jedwali la viwango: { $metric }
coaching-board-too-few = Wachache mno kulinganisha: jedwali linahitaji wawili wenye majibu ya kutosha.
coaching-board-none-significant = Hakuna tofauti yenye maana ya kitakwimu, kwa hiyo wote wanashiriki nafasi ya kwanza.
coaching-board-significant = Tofauti zenye maana ya kitakwimu: { $count }. Ni hizo tu zinazopanga nafasi; nafasi sawa ni sare.
coaching-board-unranked = Hawajapangwa, majibu machache mno: { $names }
coaching-rank = Nafasi
coaching-who = Nani
coaching-figure = Alama
coaching-praise = Sifa za kushiriki

# Case figures per case owner (agent) or per the owner's teams.
coaching-cases = Kesi
coaching-cases-handled = { $count ->
    [one] Kesi { $count } ilishughulikiwa katika kipindi hiki
   *[other] Kesi { $count } zilishughulikiwa katika kipindi hiki
}
coaching-cases-hint = Kesi huhesabiwa kwa mmiliki wake: mwanachama ambaye jina lake au anwani yake ya barua pepe ndiyo ya wakala. Timu huhesabu kesi zinazomilikiwa na wanachama wake.
