## The kiosk.

# The countdown back to the start, seconds left (1 to 20).
kiosk-countdown = Bắt đầu lại sau { $seconds } giây
kiosk-more-time = Tôi cần thêm thời gian
kiosk-next-customer = Khách hàng tiếp theo

# Offline: answers kept on the tablet until the network returns (assets/kiosk.js). The
# number of answers follows "kept" in its own element.
kiosk-offline-title = Không có kết nối
kiosk-offline-sending = Đang gửi các câu trả lời được lưu trên thiết bị này
kiosk-offline-kept = Câu trả lời được lưu trên thiết bị này:
kiosk-offline-later = Các câu trả lời sẽ được gửi khi mạng có lại.
kiosk-offline-thanks = Cảm ơn bạn: câu trả lời của bạn đã được lưu.
