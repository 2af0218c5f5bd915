## The kiosk.

# The countdown back to the start, seconds left (1 to 20).
kiosk-countdown = Bermula semula dalam { $seconds } saat
kiosk-more-time = Saya perlukan lebih masa
kiosk-next-customer = Pelanggan seterusnya
