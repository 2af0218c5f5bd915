## The kiosk.

# The countdown back to the start, seconds left (1 to 20).
kiosk-countdown = Bermula semula dalam { $seconds } saat
kiosk-more-time = Saya perlukan lebih masa
kiosk-next-customer = Pelanggan seterusnya

# Offline: answers kept on the tablet until the network returns (assets/kiosk.js). The
# number of answers follows "kept" in its own element.
kiosk-offline-title = Tiada sambungan
kiosk-offline-sending = Menghantar jawapan yang disimpan pada peranti ini
kiosk-offline-kept = Jawapan yang disimpan pada peranti ini:
kiosk-offline-later = Jawapan ini akan dihantar apabila rangkaian kembali.
kiosk-offline-thanks = Terima kasih: jawapan anda telah disimpan.
