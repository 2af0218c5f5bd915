## Site-wide: the 404 page, the menu, empty states.

site-menu = Menyu
site-not-found-title = Ukurasa haukupatikana
site-not-found = Hakuna kitu kwenye anwani hii. Huenda kiungo kimeandikwa vibaya, au ukurasa umehamishwa.
site-not-found-home = Nenda kwenye ukurasa wa mwanzo
site-tokens-empty = Bado hakuna tokeni za API. Unda moja hapa chini mfumo mwingine (mashine ya mauzo, tovuti ya duka lako, lahajedwali) unapohitaji kusoma au kutuma data za eneo hili la kazi.
datetime-format = { $date }, saa { $time } UTC
