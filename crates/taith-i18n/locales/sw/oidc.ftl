oidc-sign-in-with = Ingia ukitumia { $provider }
oidc-or-password = Au ingia ukitumia anwani yako ya barua pepe na nenosiri hapa chini.
oidc-not-this-attempt = Kuingia huko hakukuweza kukamilika. Tafadhali anza tena.
oidc-bad-token = Jibu la mtoa huduma wako wa utambulisho halikuweza kukaguliwa, kwa hiyo hujaingia. Tafadhali jaribu tena, au mjulishe anayeshughulikia kuingia kwako.
oidc-unverified = Mtoa huduma wako wa utambulisho hajathibitisha anwani hii ya barua pepe, kwa hiyo hujaingia.
oidc-no-account = Hakuna akaunti ya taith yenye anwani iliyotolewa na mtoa huduma wako wa utambulisho. Mwombe mmoja wa wamiliki wa eneo lako la kazi akuongeze kama mwanachama.
oidc-provider-failed = Mtoa huduma wako wa utambulisho hakupatikana. Tafadhali jaribu tena, au ingia kwa nenosiri lako.
