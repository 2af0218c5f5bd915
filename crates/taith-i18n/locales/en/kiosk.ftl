## The kiosk.

# The countdown back to the start, seconds left (1 to 20).
kiosk-countdown = { $seconds ->
    [one] Starting again in { $seconds } second
   *[other] Starting again in { $seconds } seconds
}
kiosk-more-time = I need more time
kiosk-next-customer = Next customer
