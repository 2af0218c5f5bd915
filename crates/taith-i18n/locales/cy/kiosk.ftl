## The kiosk.

# The countdown back to the start, seconds left (1 to 20).
kiosk-countdown = Dechrau eto ymhen { $seconds } eiliad
kiosk-more-time = Mae angen mwy o amser arna i
kiosk-next-customer = Y cwsmer nesaf

# Offline: answers kept on the tablet until the network returns (assets/kiosk.js). The
# number of answers follows "kept" in its own element.
kiosk-offline-title = Dim cysylltiad
kiosk-offline-sending = Wrthi'n anfon yr atebion a gadwyd ar y ddyfais hon
kiosk-offline-kept = Atebion wedi'u cadw ar y ddyfais hon:
kiosk-offline-later = Byddan nhw'n cael eu hanfon pan ddaw'r rhwydwaith yn ôl.
kiosk-offline-thanks = Diolch: mae'ch ateb wedi'i gadw.
