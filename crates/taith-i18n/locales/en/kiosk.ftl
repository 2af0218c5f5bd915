## The kiosk.

# The countdown back to the start, seconds left (1 to 20).
kiosk-countdown = { $seconds ->
    [one] Starting again in { $seconds } second
   *[other] Starting again in { $seconds } seconds
}
kiosk-more-time = I need more time
kiosk-next-customer = Next customer

# Offline: answers kept on the tablet until the network returns (assets/kiosk.js). The
# number of answers follows "kept" in its own element.
kiosk-offline-title = No connection
kiosk-offline-sending = Sending the answers kept on this device
kiosk-offline-kept = Answers kept on this device:
kiosk-offline-later = They will be sent when the network returns.
kiosk-offline-thanks = Thank you: your answer is kept.
