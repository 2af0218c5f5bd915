## Editing journeys in place: saving, unsaved changes, undo.

editor-status-saving = Đang lưu…
editor-status-saved = Đã lưu.
editor-status-invalid = Chưa lưu: vui lòng sửa các trường được đánh dấu.
editor-status-failed = Chưa lưu: không kết nối được với taith. Các thay đổi của bạn vẫn còn đây; vui lòng thử lại.
editor-status-refused = Chưa lưu: taith đã từ chối thay đổi này (có thể bạn đã bị đăng xuất). Các thay đổi của bạn vẫn còn đây; hãy tải lại trang ở một thẻ khác để đăng nhập, rồi lưu lại.
editor-status-unsaved = Thay đổi chưa lưu
editor-kept = Các thay đổi chưa lưu trong những thẻ khác vẫn được giữ lại. Hãy lưu từng thẻ khi bạn sẵn sàng.
editor-without-script = Khi không có JavaScript, mỗi nút Lưu chỉ lưu thẻ của chính nó, và thay đổi nhập ở các thẻ khác sẽ mất khi trang tải lại: hãy lưu một thẻ trước khi sửa thẻ tiếp theo.
editor-board-hint = Mở một thẻ để sửa ngay tại chỗ. Mỗi thẻ được lưu riêng; phần còn lại của trang giữ nguyên.
editor-delete-journey-confirm = Xóa hành trình này cùng toàn bộ lịch sử? Bạn có thể hoàn tác trong vài phút.
editor-delete-stage-confirm = Xóa giai đoạn này cùng các điểm chạm của nó? Bạn có thể hoàn tác trong vài phút.
editor-delete-touchpoint-confirm = Xóa điểm chạm này? Bạn có thể hoàn tác trong vài phút.
editor-saved-details = Đã lưu chi tiết hành trình.
editor-saved-stage = Đã lưu giai đoạn.
editor-saved-touchpoint = Đã lưu điểm chạm.
editor-added-stage = Đã thêm giai đoạn.
editor-added-touchpoint = Đã thêm điểm chạm.
editor-moved-stage = Đã di chuyển giai đoạn.
editor-undo = Hoàn tác
editor-undo-hint = { $minutes ->
   *[other] Bạn có thể hoàn tác trong { $minutes } phút.
}
editor-undone = Đã đưa về chỗ cũ, cùng mọi thứ đã lưu từ đó.
editor-journey-deleted = Đã xóa hành trình “{ $name }”.
editor-journey-undeleted = Đã khôi phục hành trình cùng toàn bộ lịch sử.
editor-undo-late = Không thể hoàn tác nữa. Bạn vẫn có thể khôi phục một phiên bản trước từ lịch sử.
editor-undo-nothing = Không có gì để hoàn tác: nó đã được khôi phục rồi.
editor-map-region = Bản đồ hành trình (cuộn để xem mọi giai đoạn)
history-restore-hint = Khôi phục một phiên bản sẽ lưu nó lại thành phiên bản mới nhất: không mất gì trong lịch sử, và bạn có thể khôi phục bất kỳ phiên bản nào khác sau đó.
history-restore-version = Khôi phục phiên bản { $version }
history-restore-explained = Bản đồ sẽ trở lại như phiên bản { $version }, được lưu thành phiên bản { $next }. Không mất gì trong lịch sử.
history-restored = Đã khôi phục phiên bản { $version }: bản đồ hiển thị lại nội dung đó, được lưu thành phiên bản { $current }.
history-see-map = Xem bản đồ
