## The kiosk.

# The countdown back to the start, seconds left (1 to 20).
kiosk-countdown = Inaanza upya baada ya sekunde { $seconds }
kiosk-more-time = Ninahitaji muda zaidi
kiosk-next-customer = Mteja anayefuata
