# Email đến: thư được chuyển tiếp hoặc gửi tới taith trở thành cuộc hội thoại hỗ trợ.
nav-email = Email
mail-in-title = Email đến
mail-in-lede = Thư khách hàng gửi tới địa chỉ hỗ trợ của bạn trở thành một cuộc hội thoại ở đây, và câu trả lời viết trong taith được gửi lại cho họ qua email.
mail-in-forward = Chuyển tiếp thư của bạn
mail-in-forward-hint = Chuyển tiếp địa chỉ hỗ trợ của bạn tới địa chỉ này (quy tắc chuyển tiếp ở nhà cung cấp email, hoặc bản ghi MX):
mail-in-no-smtp = Máy chủ này không nhận thư qua SMTP. Hãy gửi thư tới địa chỉ bên dưới, hoặc nhờ người vận hành taith khởi động với --smtp-listen.
mail-in-post = Gửi thư từ nhà cung cấp
mail-in-post-hint = Webhook thư đến của nhà cung cấp email có thể gửi từng thư thô tới đây, được ký bằng khóa bí mật bên dưới:
mail-in-secret = Khóa bí mật để ký
mail-in-signature-hint = Gửi tiêu đề X-Taith-Signature: sha256= kèm HMAC-SHA256 của nội dung dạng hex, dùng khóa bí mật này làm khóa.
mail-in-rotate = Tạo khóa bí mật mới
mail-in-address = Địa chỉ của riêng bạn
mail-in-address-hint = Nếu bạn chuyển tiếp một địa chỉ của riêng mình (như support@doanh-nghiep.example) tới bộ nhận SMTP của taith, hãy ghi nó ở đây: thư gửi tới địa chỉ đó vào không gian làm việc này, và thư từ địa chỉ đó không bao giờ được trả lời.
mail-in-field-address = Địa chỉ
mail-in-save = Lưu
mail-in-limits = Những gì được nhận
mail-in-limit-message = Thư tối đa { $mb } MB.
mail-in-limit-attachments = Tệp đính kèm tối đa { $each } MB mỗi tệp và { $total } MB mỗi thư được lưu; tệp lớn hơn được liệt kê nhưng không được lưu.
mail-in-loops = Thư tự động (trả lời tự động, danh sách thư, thư bị trả lại, thư từ chính địa chỉ của bạn) được ghi lại nhưng không bao giờ được trả lời.
mail-in-done-saved = Đã lưu địa chỉ.
mail-in-done-rotated = Đã tạo khóa bí mật mới; thư ký bằng khóa cũ bị từ chối từ bây giờ.
