# Barua pepe zinazoingia: barua zinazotumwa au kuwekwa kwa taith huwa mazungumzo ya usaidizi.
nav-email = Barua pepe
mail-in-title = Barua pepe zinazoingia
mail-in-lede = Barua ambazo wateja wako hutuma kwa anwani yako ya usaidizi huwa mazungumzo hapa, na majibu yaliyoandikwa katika taith huwarudia kwa barua pepe.
mail-in-forward = Sambaza barua zako
mail-in-forward-hint = Sambaza anwani yako ya usaidizi kwa anwani hii (kanuni ya kusambaza kwa mtoa huduma wako wa barua, au rekodi ya MX):
mail-in-no-smtp = Seva hii haipokei barua kwa SMTP. Tuma barua zako kwa anwani iliyo hapa chini, au muombe anayeendesha taith aianzishe kwa --smtp-listen.
mail-in-post = Tuma barua kutoka kwa mtoa huduma
mail-in-post-hint = Webhook ya barua zinazoingia ya mtoa huduma inaweza kutuma kila ujumbe ghafi hapa, ukiwa umesainiwa kwa siri iliyo hapa chini:
mail-in-secret = Siri ya kusaini
mail-in-signature-hint = Tuma kichwa X-Taith-Signature: sha256= kikifuatiwa na HMAC-SHA256 ya mwili kwa heksi, ukitumia siri hii kama ufunguo.
mail-in-rotate = Tengeneza siri mpya
mail-in-address = Anwani yako mwenyewe
mail-in-address-hint = Ukisambaza anwani yako mwenyewe (kama support@biashara-yako.example) kwa kipokezi cha SMTP cha taith, iandike hapa: barua kwake huja kwenye eneo hili la kazi, na barua kutoka kwake hazijibiwi kamwe.
mail-in-field-address = Anwani
mail-in-save = Hifadhi
mail-in-limits = Kinachopokelewa
mail-in-limit-message = Jumbe hadi MB { $mb }.
mail-in-limit-attachments = Viambatisho hadi MB { $each } kila kimoja na MB { $total } kwa kila ujumbe huhifadhiwa; vikubwa zaidi huorodheshwa lakini havihifadhiwi.
mail-in-loops = Barua za kiotomatiki (majibu ya kiotomatiki, orodha za barua, barua zilizorudishwa, barua kutoka kwa anwani yako mwenyewe) hurekodiwa lakini hazijibiwi kamwe.
mail-in-done-saved = Anwani imehifadhiwa.
mail-in-done-rotated = Siri mpya imetengenezwa; barua zilizosainiwa kwa siri ya zamani zinakataliwa kuanzia sasa.
