## The kiosk.

# The countdown back to the start, seconds left (1 to 20).
kiosk-countdown = Dechrau eto ymhen { $seconds } eiliad
kiosk-more-time = Mae angen mwy o amser arna i
kiosk-next-customer = Y cwsmer nesaf
