## The account page, password change and reset.

account-title = Tài khoản của bạn
account-profile = Tên và ngôn ngữ
account-language = Ngôn ngữ
account-language-browser = Ngôn ngữ của trình duyệt
account-language-hint = taith dùng ngôn ngữ này với bạn trên mọi thiết bị bạn đăng nhập. Trình đơn ngôn ngữ ở đầu trang cũng thay đổi được.
account-saved-profile = Đã lưu tên và ngôn ngữ của bạn.
account-saved-password = Đã đổi mật khẩu. Mọi trình duyệt khác đang đăng nhập bằng tài khoản của bạn đã bị đăng xuất.
account-saved-session = Trình duyệt đó đã được đăng xuất.
account-saved-others = Mọi trình duyệt khác đã được đăng xuất.

account-password = Mật khẩu
account-password-current = Mật khẩu hiện tại
account-password-new = Mật khẩu mới
account-password-rule = Ít nhất 10 ký tự. Vài từ bạn dễ nhớ là một mật khẩu tốt.
account-password-current-wrong = Đó không phải mật khẩu hiện tại của bạn.
account-password-others-out = Đổi mật khẩu sẽ đăng xuất bạn khỏi mọi trình duyệt khác; trình duyệt này vẫn giữ đăng nhập.
account-password-submit = Đổi mật khẩu

account-sessions = Nơi bạn đang đăng nhập
account-sessions-intro = Mọi trình duyệt đang đăng nhập bằng tài khoản của bạn. Hãy đăng xuất trình duyệt bạn không nhận ra, hoặc trình duyệt bạn quên đăng xuất ở đâu đó.
account-sessions-browser = Trình duyệt
account-sessions-since = Đăng nhập lúc
account-sessions-until = Đăng nhập đến
account-sessions-this = Trình duyệt này
account-sessions-unknown-browser = Trình duyệt không rõ
account-sessions-sign-out = Đăng xuất
account-sessions-others = Đăng xuất khỏi mọi nơi khác
account-sessions-others-confirm = Đăng xuất mọi trình duyệt khác đang đăng nhập bằng tài khoản của bạn?
account-sessions-none-else = Bạn chỉ đang đăng nhập trên trình duyệt này.

account-forgot-link = Quên mật khẩu?
account-forgot-title = Quên mật khẩu?
account-forgot-intro = Nhập địa chỉ email bạn dùng để đăng nhập. Chúng tôi sẽ gửi cho bạn một đường dẫn để chọn mật khẩu mới.
account-forgot-submit = Gửi đường dẫn cho tôi
account-forgot-sent = Nếu có tài khoản dùng địa chỉ đó, một đường dẫn để chọn mật khẩu mới đang được gửi tới.
account-forgot-expiry = { $minutes ->
   *[other] Đường dẫn chỉ dùng được một lần, trong { $minutes } phút.
}
account-forgot-spam = Vài phút rồi vẫn chưa thấy? Hãy xem thư mục thư rác, hoặc hỏi người quản lý taith cho bạn.
account-back-to-sign-in = Quay lại đăng nhập

account-reset-title = Chọn mật khẩu mới
account-reset-submit = Đặt mật khẩu mới
account-reset-signs-out = Đặt mật khẩu mới sẽ đăng xuất bạn ở mọi nơi; sau đó bạn đăng nhập bằng mật khẩu mới.
account-reset-done = Đã đổi mật khẩu. Hãy đăng nhập bằng mật khẩu mới.
account-reset-dead-title = Đường dẫn này không còn dùng được
account-reset-dead = Đường dẫn đã được dùng, hoặc đã quá cũ.
account-reset-ask-again = Yêu cầu đường dẫn mới

account-reset-mail-subject = Chọn mật khẩu taith mới
account-reset-mail-greeting = Xin chào { $name },
account-reset-mail-intro = Có người đã yêu cầu đặt lại mật khẩu cho tài khoản taith của { $email }. Nếu đó là bạn, hãy chọn mật khẩu mới tại đây:
account-reset-mail-action = Chọn mật khẩu mới
account-reset-mail-expiry = { $minutes ->
   *[other] Đường dẫn chỉ dùng được một lần, trong { $minutes } phút.
}
account-reset-mail-ignore = Nếu bạn không yêu cầu, hãy bỏ qua email này: mật khẩu của bạn vẫn giữ nguyên.

## What each role may do, where roles are chosen.
roles-explained = Mỗi vai trò được làm gì
role-owner-explained = Mọi việc: sửa hành trình, khảo sát và chân dung khách hàng, quản lý thành viên và token API, và chỉ định chủ sở hữu khác.
role-admin-explained = Mọi việc chủ sở hữu làm, trừ chỉ định chủ sở hữu.
role-analyst-explained = Đọc hành trình, số liệu và mọi câu trả lời kèm nhận xét; không thay đổi gì.
role-agent-explained = Đọc mọi thứ, ghi nhận câu trả lời thay khách hàng, và sửa các điểm chạm mình phụ trách.
role-viewer-explained = Xem hành trình và số liệu, nhưng không xem từng khách hàng đã viết gì.
