# taith — chuỗi giao diện tiếng Việt. Mọi khóa trong en phải có ở đây (có kiểm thử).

## Navigation and frame
nav-skip = Chuyển đến nội dung
nav-label = Không gian làm việc
nav-journeys = Hành trình
nav-personas = Chân dung khách hàng
nav-members = Thành viên
nav-tokens = Token API
nav-sign-out = Đăng xuất

## Common actions
action-save = Lưu
action-edit = Sửa
action-delete = Xóa

## Errors
error-home = Về trang đầu
error-not-found-title = Không tìm thấy
error-not-found = Không có gì ở địa chỉ này, hoặc bạn không có quyền truy cập.
error-forbidden-title = Không được phép
error-forbidden = Vai trò của bạn trong không gian làm việc này không cho phép thao tác này.
error-csrf-title = Biểu mẫu đã hết hạn
error-csrf = Vui lòng quay lại, tải lại trang và thử lại.
error-bad-request-title = Yêu cầu có vấn đề
error-bad-request = Không đọc được yêu cầu. Vui lòng quay lại và thử lại.
error-too-large-title = Quá nhiều cùng lúc
error-too-large = Nội dung bạn gửi vượt quá giới hạn mà taith chấp nhận.
error-conflict-title = Đã có thay đổi
error-conflict = Người khác đã thay đổi mục này cùng lúc. Hãy tải lại trang và thử lại.
error-internal-title = Đã có lỗi từ phía chúng tôi
error-internal = Lỗi đã được ghi lại. Vui lòng thử lại sau ít phút.

## Field-level problems
issue-required = Vui lòng điền mục này.
issue-too-long = Nội dung quá dài.
issue-invalid = Nội dung có vẻ không đúng.
issue-unknown-value = Vui lòng chọn một trong các tùy chọn.
issue-not-found = Mục này không còn tồn tại trong không gian làm việc này.
issue-taken = Giá trị này đã được sử dụng.
issue-too-short = Quá ngắn: hãy dùng ít nhất 10 ký tự.
issue-mismatch = Hai lần nhập không khớp nhau.

## Fields
field-name = Tên
field-description = Mô tả
field-persona = Chân dung khách hàng
field-email = Địa chỉ email
field-password = Mật khẩu
field-password-confirm = Nhập lại mật khẩu
field-workspace-name = Tên doanh nghiệp hoặc không gian làm việc
field-slug = Địa chỉ ngắn
field-your-name = Tên của bạn
field-role = Vai trò
field-scope = Quyền truy cập
field-needs = Nhu cầu
field-goals = Mục tiêu
field-behaviours = Hành vi
field-pains = Nỗi đau
field-demographics = Nhân khẩu học
field-actions = Hành động của khách hàng
field-thoughts = Suy nghĩ
field-emotions = Cảm xúc
field-emotion = Cảm nhận
field-pain-points = Điểm đau
field-opportunities = Cơ hội
field-one-per-line = Mỗi dòng một mục
field-channel = Kênh
field-owner = Người phụ trách
field-owner-member = Người phụ trách (thành viên)
field-owner-team = …hoặc nhóm phụ trách
field-moment-of-truth = Khoảnh khắc sự thật
field-stage = Giai đoạn

## Set-up and sign-in
setup-title = Thiết lập taith
setup-intro = Tạo không gian làm việc và tài khoản chủ sở hữu của bạn. Bạn có thể mời nhóm của mình sau.
setup-slug-hint = Chữ thường không dấu, chữ số và dấu gạch ngang, dùng trong địa chỉ, ví dụ: tiem-banh-cua-toi.
setup-submit = Tạo không gian làm việc
login-title = Đăng nhập
login-submit = Đăng nhập
login-failed = Địa chỉ email và mật khẩu không khớp với tài khoản nào.
home-title = Không gian làm việc của bạn
home-none = Bạn chưa là thành viên của không gian làm việc nào.

## Roles and scopes
role-owner = Chủ sở hữu
role-admin = Quản trị viên
role-analyst = Chuyên viên phân tích
role-agent = Nhân viên hỗ trợ
role-viewer = Người xem
scope-read = Chỉ đọc
scope-write = Đọc và ghi

## Journeys
journeys-title = Bản đồ hành trình khách hàng
journeys-new = Hành trình mới
journeys-create = Tạo hành trình
journeys-empty = Chưa có hành trình nào. Hãy vẽ bản đồ cách khách hàng tìm đến bạn, mua hàng và quay lại.
journeys-for-persona = Chân dung khách hàng:
journeys-updated = Cập nhật
journeys-model = Bắt đầu từ
journeys-stage-count = { $count ->
   *[other] { $count } giai đoạn
}
journeys-touchpoint-count = { $count ->
   *[other] { $count } điểm chạm
}
model-five-stage = Năm giai đoạn
model-seven-stage = Bảy giai đoạn
model-blank = Bản đồ trống
persona-none = Không có chân dung khách hàng

## Stage names of the starting models
stage-awareness = Nhận biết
stage-consideration = Cân nhắc
stage-purchase = Mua
stage-retention = Giữ chân
stage-advocacy = Ủng hộ
stage-discovery = Khám phá
stage-evaluation = Đánh giá
stage-choice = Lựa chọn
stage-use = Sử dụng

## Channels
channel-web = Web
channel-email = Email
channel-phone = Điện thoại
channel-chat = Trò chuyện
channel-social = Mạng xã hội
channel-in-store = Tại cửa hàng
channel-in-app = Trong ứng dụng
channel-sms = SMS
channel-other = Khác

## Owners and emotions
owner-none = Chưa có người phụ trách
owner-none-member = — không có thành viên —
owner-former-member = Cựu thành viên
emotion-unset = Chưa đặt
emotion-very-negative = Rất tiêu cực
emotion-negative = Tiêu cực
emotion-neutral = Trung lập
emotion-positive = Tích cực
emotion-very-positive = Rất tích cực

## The map
map-stage = Giai đoạn
map-touchpoints = Điểm chạm
map-actions = Hành động của khách hàng
map-thoughts = Suy nghĩ
map-emotions = Cảm xúc
map-pain-points = Điểm đau
map-opportunities = Cơ hội
map-owner = Người phụ trách
map-moment-of-truth = Khoảnh khắc sự thật
map-no-touchpoints = Chưa có điểm chạm nào.
map-curve-empty = Chưa ghi nhận cảm xúc nào.
map-edit = Sửa bản đồ
map-details = Chi tiết
map-history = { $version ->
   *[other] Lịch sử ({ $version } phiên bản)
}
map-download-svg = Tải SVG
map-export-json = Xuất JSON
map-print = In

## The editor
edit-title = Sửa hành trình
edit-back-to-map = Quay lại bản đồ
edit-details = Chi tiết
edit-stages = Các giai đoạn
edit-stage-notes = Sửa ghi chú của giai đoạn
edit-save-stage = Lưu giai đoạn
edit-move-earlier = Chuyển lên trước
edit-move-later = Chuyển ra sau
edit-delete-stage = Xóa giai đoạn
edit-delete-stage-confirm = Xóa giai đoạn này cùng các điểm chạm của nó?
edit-add-stage = Thêm giai đoạn
edit-add-touchpoint = Thêm điểm chạm
edit-save-touchpoint = Lưu điểm chạm
edit-delete-touchpoint = Xóa điểm chạm
edit-delete-touchpoint-confirm = Xóa điểm chạm này?
edit-delete-journey = Xóa hành trình
edit-delete-journey-confirm = Xóa hành trình này và toàn bộ lịch sử của nó?

## History
history-title = Lịch sử
history-version = Phiên bản { $version }
history-current = hiện tại
history-by = bởi { $author }, { $when }
history-restore = Khôi phục phiên bản này
change-created = Đã tạo hành trình
change-imported = Đã nhập hành trình
change-restored = Đã khôi phục phiên bản { $version }
change-details = Đã thay đổi { $fields }
change-stage-added = Đã thêm giai đoạn “{ $stage }”
change-stage-removed = Đã xóa giai đoạn “{ $stage }”
change-stage-changed = Đã thay đổi { $fields } của giai đoạn “{ $stage }”
change-stages-reordered = Đã sắp xếp lại các giai đoạn
change-touchpoint-added = Đã thêm điểm chạm “{ $touchpoint }” vào “{ $stage }”
change-touchpoint-removed = Đã xóa điểm chạm “{ $touchpoint }”
change-touchpoint-changed = Đã thay đổi { $fields } của điểm chạm “{ $touchpoint }”
change-touchpoint-moved = Đã chuyển điểm chạm “{ $touchpoint }” sang “{ $stage }”

## Personas
personas-title = Chân dung khách hàng
personas-new = Chân dung khách hàng mới
personas-empty = Chưa có chân dung khách hàng nào. Mỗi chân dung khách hàng mô tả một kiểu khách hàng: họ cần gì và điều gì cản trở họ.
personas-delete-confirm = Xóa chân dung khách hàng này? Các hành trình đã vẽ cho chân dung này vẫn được giữ lại.

## Members
members-title = Thành viên
members-you = bạn
members-actions = Thao tác
members-add = Thêm thành viên
members-initial-password = Mật khẩu ban đầu (họ có thể đổi sau)
members-remove = Gỡ
members-remove-confirm = Gỡ thành viên này khỏi không gian làm việc?
members-last-owner = Không gian làm việc cần ít nhất một chủ sở hữu.

## API tokens
tokens-title = Token API
tokens-intro = Token cho phép các hệ thống khác dùng API của taith cho không gian làm việc này. Gửi token dưới dạng “Authorization: Bearer …”.
tokens-new = Token mới
tokens-create = Tạo token
tokens-created = Hãy sao chép token này ngay: token sẽ không được hiển thị lại.
tokens-created-at = Ngày tạo
tokens-revoke = Thu hồi
tokens-revoke-confirm = Thu hồi token này? Các hệ thống đang dùng token này sẽ ngừng hoạt động.
