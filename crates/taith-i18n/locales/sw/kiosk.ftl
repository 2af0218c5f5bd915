## The kiosk.

# The countdown back to the start, seconds left (1 to 20).
kiosk-countdown = Inaanza upya baada ya sekunde { $seconds }
kiosk-more-time = Ninahitaji muda zaidi
kiosk-next-customer = Mteja anayefuata

# Offline: answers kept on the tablet until the network returns (assets/kiosk.js). The
# number of answers follows "kept" in its own element.
kiosk-offline-title = Hakuna muunganisho
kiosk-offline-sending = Inatuma majibu yaliyohifadhiwa kwenye kifaa hiki
kiosk-offline-kept = Majibu yaliyohifadhiwa kwenye kifaa hiki:
kiosk-offline-later = Yatatumwa mtandao utakaporudi.
kiosk-offline-thanks = Asante: jibu lako limehifadhiwa.
