## The kiosk.
