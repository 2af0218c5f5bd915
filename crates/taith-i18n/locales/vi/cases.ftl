# Vụ việc: theo dõi khách hàng chưa hài lòng.
nav-cases = Vụ việc
cases-title = Vụ việc
cases-mine-title = Vụ việc của tôi
cases-visible-title = Vụ việc tôi có thể nhận
cases-views = Các chế độ xem vụ việc
cases-lede = Theo dõi khách hàng chưa hài lòng: mở tự động theo quy tắc của khảo sát hoặc mở thủ công, mỗi vụ việc có người phụ trách và hạn xử lý.
cases-mine-lede = Các vụ việc bạn phụ trách. Hãy xử lý vụ việc mới trước; vụ việc quá hạn được đánh dấu.
cases-settings-title = Cài đặt vụ việc
cases-number = Vụ việc { $number }
cases-status-open = Đang mở
cases-status-in-progress = Đang xử lý
cases-status-waiting-for-customer = Chờ khách hàng
cases-status-resolved = Đã giải quyết
cases-status-closed-no-action = Đã đóng, không xử lý
cases-source = Cách mở
cases-source-score = Quy tắc khảo sát: điểm thấp
cases-source-sentiment = Quy tắc khảo sát: bình luận tiêu cực
cases-source-response = Thủ công, từ một phản hồi
cases-source-feature-request = Thủ công, từ một yêu cầu tính năng
cases-source-manual = Thủ công
cases-field-status = Trạng thái
cases-field-owner = Người phụ trách
cases-field-touchpoint = Điểm chạm
cases-field-root-cause = Nguyên nhân gốc
cases-field-note = Ghi chú
cases-field-reply = Câu trả lời của bạn
cases-filter = Lọc
cases-filter-active = Vẫn đang xử lý
cases-filter-all = Mọi trạng thái
cases-filter-anyone = Bất kỳ ai
cases-filter-anywhere = Mọi điểm chạm
cases-filter-overdue = Chỉ vụ việc quá hạn
cases-none = Không có vụ việc phù hợp.
cases-more = Vụ việc cũ hơn
cases-col-case = Vụ việc
cases-col-due = Hạn
cases-col-opened = Ngày mở
cases-col-cases = Số vụ việc
cases-overdue = Quá hạn
cases-due-in-hours = { $count ->
   *[other] hạn trong { $count } giờ
}
cases-due-in-days = { $count ->
   *[other] hạn trong { $count } ngày
}
cases-overdue-by-hours = { $count ->
   *[other] trễ { $count } giờ
}
cases-overdue-by-days = { $count ->
   *[other] trễ { $count } ngày
}
cases-due-at = hạn { $when }
cases-nobody = Chưa có ai
cases-former-member = Thành viên cũ
cases-no-touchpoint = Không có điểm chạm
cases-no-root-cause = Chưa đặt
cases-anonymous = Khách hàng ẩn danh
cases-customer = Khách hàng
cases-first-action = Hành động đầu tiên
cases-resolution = Giải quyết
cases-response = Khách hàng đã nói gì
cases-no-comment = Không có bình luận, chỉ có điểm.
cases-from-request = Mở từ yêu cầu tính năng:
cases-work = Xử lý vụ việc
cases-save = Lưu
cases-saved = Đã lưu.
cases-opened = Vụ việc đã được mở.
cases-existing = Phản hồi này đã có vụ việc: đây là vụ việc đó.
cases-conflict = Người khác đã thay đổi vụ việc này từ khi bạn mở nó. Chưa có gì được lưu: hãy xem lại vụ việc hiện tại rồi lưu lần nữa. Nội dung bạn đã nhập vẫn còn trong biểu mẫu.
cases-add-note = Thêm ghi chú
cases-add-note-button = Thêm ghi chú này
cases-reply = Trả lời khách hàng
cases-reply-hint = Qua email tới { $to }, bằng { $language }. Khách hàng không cần trả lời thì bạn vẫn có thể đóng vụ việc.
cases-send-reply = Gửi câu trả lời
cases-no-address = Chúng tôi không có địa chỉ email của khách hàng này, nên bạn không thể trả lời từ đây.
cases-replies = Các câu trả lời
cases-reply-sent = đã gửi { $when }
cases-reply-waiting = đang chờ gửi
cases-log = Lịch sử
cases-log-opened-score = đã mở vụ việc (điểm thấp)
cases-log-opened-sentiment = đã mở vụ việc (bình luận tiêu cực)
cases-log-opened-response = đã mở vụ việc từ một phản hồi
cases-log-opened-feature-request = đã mở vụ việc từ một yêu cầu tính năng
cases-log-opened-manual = đã mở vụ việc
cases-log-status = đã đổi trạng thái từ { $from } sang { $to }
cases-log-owner = đã đổi người phụ trách từ { $from } sang { $to }
cases-log-root-cause = đã đổi nguyên nhân gốc từ { $from } sang { $to }
cases-log-note = đã thêm ghi chú
cases-log-reply = đã trả lời khách hàng
cases-open-button = Mở vụ việc
cases-sla = Mức dịch vụ
cases-sla-hint = Cần hành động với vụ việc mới và giải quyết nó nhanh đến mức nào, tính theo giờ làm việc: ban đêm, cuối tuần và ngày nghỉ không được tính. Thay đổi áp dụng cho các vụ việc mở từ bây giờ.
cases-field-first-action-hours = Hành động đầu tiên trong vòng (giờ làm việc)
cases-field-resolve-hours = Giải quyết trong vòng (giờ làm việc)
cases-field-day-start = Ngày làm việc bắt đầu (GG:PP)
cases-field-day-end = Ngày làm việc kết thúc (GG:PP)
cases-field-days = Ngày làm việc
cases-field-utc-offset = Chênh lệch so với UTC (vd. +07:00)
cases-day-mon = Thứ Hai
cases-day-tue = Thứ Ba
cases-day-wed = Thứ Tư
cases-day-thu = Thứ Năm
cases-day-fri = Thứ Sáu
cases-day-sat = Thứ Bảy
cases-day-sun = Chủ Nhật
cases-root-causes = Các nguyên nhân gốc
cases-root-causes-hint = Mỗi dòng một nguyên nhân. Nguyên nhân bạn xóa vẫn còn trên các vụ việc đã dùng nó.
cases-cause-line-error = Dòng { $line }: { $issue }
cases-rules = Quy tắc mở vụ việc
cases-rules-hint = Những câu trả lời nào tự động mở vụ việc. Điểm thấp là chỉ số NPS 0–6, hoặc hai mức thấp nhất của thang đo sự hài lòng của khách hàng (CSAT) hay CES.
cases-rules-none = Chưa có khảo sát nào.
cases-rules-survey = Khảo sát
cases-rule-low-score = Điểm thấp
cases-rule-negative-comment = Bình luận tiêu cực
cases-settings-saved = Đã lưu cài đặt.
cases-teams = Nhóm
cases-teams-hint = vd. Cửa hàng, Giao hàng
cases-figures-title = Theo dõi khách hàng chưa hài lòng
cases-opened-count = { $count ->
   *[other] { $count } vụ việc được mở trong kỳ này
}
cases-small-sample = mẫu nhỏ
cases-see-all = Xem các vụ việc
cases-mean = Trung bình
cases-median = Trung vị
cases-p90 = Phân vị thứ 90
cases-counted = Đã tính
cases-time-first-action = Thời gian đến hành động đầu tiên
cases-time-resolution = Thời gian đến khi giải quyết
cases-hours-value = { $hours } giờ
cases-count = { $count ->
   *[other] { $count } vụ việc
}
cases-open-apart = { $count ->
   *[other] { $count } vẫn đang chờ
}
cases-share-overdue = Tỷ lệ quá hạn
cases-percent = { $value }%
cases-interval = (khoảng tin cậy 95% { $low }–{ $high }%)
cases-causes-by-touchpoint = Nguyên nhân gốc theo điểm chạm
cases-mail-subject = Phản hồi của bạn gửi { $business }
cases-mail-greeting = Xin chào { $name },
cases-mail-greeting-anonymous = Xin chào,
cases-mail-intro = Cảm ơn bạn đã cho { $business } biết trải nghiệm của bạn. Đây là câu trả lời của chúng tôi:
cases-mail-footer = { $business } · vụ việc { $number }
