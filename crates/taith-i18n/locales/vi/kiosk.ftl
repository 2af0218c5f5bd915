## The kiosk.

# The countdown back to the start, seconds left (1 to 20).
kiosk-countdown = Bắt đầu lại sau { $seconds } giây
kiosk-more-time = Tôi cần thêm thời gian
kiosk-next-customer = Khách hàng tiếp theo
