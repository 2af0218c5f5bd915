## Site-wide: the 404 page, the menu, empty states.

site-menu = Trình đơn
site-not-found-title = Không tìm thấy trang
site-not-found = Không có gì ở địa chỉ này. Có thể đường dẫn bị gõ sai, hoặc trang đã được chuyển đi nơi khác.
site-not-found-home = Về trang đầu
site-tokens-empty = Chưa có token API nào. Hãy tạo một token bên dưới khi một hệ thống khác (máy tính tiền, trang web cửa hàng của bạn, bảng tính) cần đọc hoặc gửi dữ liệu của không gian làm việc này.
datetime-format = { $time } UTC, { $date }
