## Editing journeys in place: saving, unsaved changes, undo.

editor-status-saving = Inahifadhi…
editor-status-saved = Imehifadhiwa.
editor-status-invalid = Haijahifadhiwa: tafadhali sahihisha sehemu zilizowekwa alama.
editor-status-failed = Haijahifadhiwa: taith haikuweza kufikiwa. Mabadiliko yako bado yako hapa; tafadhali jaribu tena.
editor-status-refused = Haijahifadhiwa: taith imekataa mabadiliko haya (huenda umetolewa kwenye akaunti). Mabadiliko yako bado yako hapa; pakia upya ukurasa kwenye kichupo kingine ili uingie, kisha hifadhi tena.
editor-status-unsaved = Mabadiliko hayajahifadhiwa
editor-kept = Mabadiliko yako ambayo hayajahifadhiwa kwenye kadi nyingine yamebaki. Hifadhi kila kadi ukiwa tayari.
editor-without-script = Bila JavaScript, kila kitufe cha Hifadhi kinahifadhi kadi yake tu, na mabadiliko yaliyoandikwa kwenye kadi nyingine hupotea ukurasa unapopakiwa upya: hifadhi kadi moja kabla ya kuhariri inayofuata.
editor-board-hint = Fungua kadi ili kuihariri hapo hapo. Kila kadi inahifadhiwa yenyewe; sehemu nyingine za ukurasa zinabaki kama zilivyo.
editor-delete-journey-confirm = Futa safari hii pamoja na historia yake yote? Unaweza kutendua hili kwa dakika chache.
editor-delete-stage-confirm = Futa hatua hii pamoja na sehemu zake za mguso? Unaweza kutendua hili kwa dakika chache.
editor-delete-touchpoint-confirm = Futa sehemu hii ya mguso? Unaweza kutendua hili kwa dakika chache.
editor-saved-details = Taarifa za safari zimehifadhiwa.
editor-saved-stage = Hatua imehifadhiwa.
editor-saved-touchpoint = Sehemu ya mguso imehifadhiwa.
editor-added-stage = Hatua imeongezwa.
editor-added-touchpoint = Sehemu ya mguso imeongezwa.
editor-moved-stage = Hatua imehamishwa.
editor-undo = Tendua
editor-undo-hint = { $minutes ->
    [one] Unaweza kutendua hili kwa dakika { $minutes }.
   *[other] Unaweza kutendua hili kwa dakika { $minutes }.
}
editor-undone = Imerudishwa mahali ilipokuwa, pamoja na kila kitu kilichohifadhiwa tangu hapo.
editor-journey-deleted = Safari “{ $name }” imefutwa.
editor-journey-undeleted = Safari imerudishwa, pamoja na historia yake yote.
editor-undo-late = Hili haliwezi kutenduliwa tena. Toleo la awali bado linaweza kurejeshwa kutoka kwenye historia.
editor-undo-nothing = Hapakuwa na cha kutendua: tayari imerudi.
editor-map-region = Ramani ya safari (sogeza ili kuona kila hatua)
history-restore-hint = Kurejesha toleo kunalihifadhi tena kama toleo jipya zaidi: hakuna kinachopotea kwenye historia, na unaweza kurejesha toleo lingine lolote baadaye.
history-restore-version = Rejesha toleo { $version }
history-restore-explained = Ramani itakuwa kama toleo { $version }, ikihifadhiwa kama toleo { $next }. Hakuna kinachopotea kwenye historia.
history-restored = Toleo { $version } limerejeshwa: ramani inalionyesha tena, likiwa limehifadhiwa kama toleo { $current }.
history-see-map = Tazama ramani
