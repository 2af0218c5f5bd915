oidc-sign-in-with = Đăng nhập bằng { $provider }
oidc-or-password = Hoặc đăng nhập bằng địa chỉ email và mật khẩu của bạn ở bên dưới.
oidc-not-this-attempt = Không thể hoàn tất lần đăng nhập đó. Vui lòng bắt đầu lại.
oidc-bad-token = Không thể kiểm tra phản hồi từ nhà cung cấp danh tính của bạn, nên bạn chưa được đăng nhập. Vui lòng thử lại, hoặc báo cho người quản lý việc đăng nhập của bạn.
oidc-unverified = Nhà cung cấp danh tính của bạn chưa xác minh địa chỉ email này, nên bạn chưa được đăng nhập.
oidc-no-account = Không có tài khoản taith nào dùng địa chỉ do nhà cung cấp danh tính của bạn gửi về. Hãy nhờ một chủ sở hữu không gian làm việc của bạn thêm bạn làm thành viên.
oidc-provider-failed = Không thể kết nối tới nhà cung cấp danh tính của bạn. Vui lòng thử lại, hoặc đăng nhập bằng mật khẩu của bạn.
