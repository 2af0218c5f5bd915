oidc-sign-in-with = Mewngofnodi gyda { $provider }
oidc-or-password = Neu fewngofnodwch gyda'ch cyfeiriad e-bost a'ch cyfrinair isod.
oidc-not-this-attempt = Doedd dim modd cwblhau'r mewngofnodi hwnnw. Dechreuwch eto, os gwelwch yn dda.
oidc-bad-token = Doedd dim modd gwirio ateb eich darparwr hunaniaeth, felly dydych chi ddim wedi mewngofnodi. Rhowch gynnig arall arni, neu rowch wybod i bwy bynnag sy'n gofalu am eich mewngofnodi.
oidc-unverified = Dydy'ch darparwr hunaniaeth ddim wedi dilysu'r cyfeiriad e-bost hwn, felly dydych chi ddim wedi mewngofnodi.
oidc-no-account = Does dim cyfrif taith gyda'r cyfeiriad a roddodd eich darparwr hunaniaeth. Gofynnwch i un o berchnogion eich gweithle eich ychwanegu fel aelod.
oidc-provider-failed = Doedd dim modd cysylltu â'ch darparwr hunaniaeth. Rhowch gynnig arall arni, neu fewngofnodwch gyda'ch cyfrinair.
