# Tín hiệu trên hành trình: chỉ số hành vi và hỗ trợ tại mỗi điểm chạm, và tỷ lệ rời bỏ.
signal-metric-visitors = Khách truy cập
signal-metric-page_views = Lượt xem trang
signal-metric-bounce_rate = Tỷ lệ thoát
signal-metric-conversion_rate = Tỷ lệ chuyển đổi
signal-metric-session_duration = Thời lượng truy cập
signal-metric-task_success_rate = Tỷ lệ tác vụ thành công
signal-metric-error_rate = Tỷ lệ lỗi
signal-metric-search_zero_result_rate = Tìm kiếm không có kết quả
signal-metric-first_response_time = Thời gian phản hồi đầu tiên
signal-metric-resolution_time = Thời gian giải quyết
signal-metric-reopen_rate = Tỷ lệ mở lại
signal-metric-with-goal = { $name } ({ $goal })
signal-percent = { $value }%
signal-seconds = { $value } giây
signal-minutes = { $value } phút
signal-hours = { $value } giờ
signal-no-data = không có dữ liệu trong khoảng thời gian này
signal-detail-rate = { $n ->
   *[other] khoảng tin cậy 95% { $low }–{ $high }%, { $n } đã tính
}
signal-detail-n = { $n ->
   *[other] { $n } đã tính
}
signal-few = số lượng đã tính còn ít, hãy đọc thận trọng
signal-heading = Hành vi và hỗ trợ
signal-none = Chưa chọn chỉ số hành vi hay hỗ trợ nào cho điểm chạm này.
signal-choose = Chỉ số hiển thị trên bản đồ hành trình
signal-choose-hint = Chọn tối đa bốn chỉ số cho điểm chạm này. Bản đồ hành trình trực tiếp hiển thị chúng bên cạnh những gì khách hàng đã nói ở đây, kèm một mũi tên khi thay đổi so với kỳ trước có ý nghĩa thống kê.
signal-group-web = Trên web (từ trình theo dõi và API sự kiện)
signal-group-support = Trong hỗ trợ (các cuộc hội thoại về điểm chạm này)
signal-figure = Chỉ số
signal-goal = Mục tiêu cho tỷ lệ chuyển đổi
signal-goal-hint = Tên mục tiêu mà trang web của bạn gửi, ví dụ order. Để trống để tính mọi mục tiêu.
signal-save = Lưu chỉ số
signal-saved = Đã lưu chỉ số. Bản đồ hành trình đang hiển thị chúng.
signal-drop-off-lane = Tỷ lệ rời bỏ
signal-drop-off = { $from } → { $to }: { $rate }% không đi tiếp ({ $went } trên { $reached } lượt truy cập đã đi tiếp)
