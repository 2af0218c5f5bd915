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
error-request-id = Nếu bạn báo cho chúng tôi về việc này, hãy nêu mã tham chiếu này: { $id }
error-too-many-title = Quá nhiều lần thử
error-too-many = Bạn đã thử quá nhiều lần trong thời gian ngắn. Vui lòng chờ một lát rồi thử lại.
error-busy-title = Hệ thống đang bận
error-busy = Máy chủ đang xử lý nhiều yêu cầu. Vui lòng thử lại sau vài giây.

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

## Surveys
nav-surveys = Khảo sát
surveys-title = Khảo sát
surveys-new = Khảo sát mới
surveys-empty = Chưa có khảo sát nào. Hãy hỏi khách hàng khả năng họ giới thiệu bạn (NPS), mức độ hài lòng của họ (CSAT) hay mức độ dễ dàng bạn mang lại cho họ (CES), ngay tại nơi điều đó diễn ra trên hành trình của họ.
surveys-no-touchpoint = Chưa gắn với điểm chạm nào
survey-kind-nps = Chỉ số NPS (net promoter score)
survey-kind-csat = CSAT (sự hài lòng của khách hàng)
survey-kind-ces = CES (chỉ số nỗ lực của khách hàng)
survey-kind-custom = Tùy chỉnh
survey-kind-nps-hint = 0–10: khả năng khách hàng giới thiệu bạn là bao nhiêu?
survey-kind-csat-hint = 1–5: khách hàng hài lòng đến mức nào?
survey-kind-ces-hint = 1–5: bạn có giúp mọi việc dễ dàng không? Hỏi theo mức đồng ý hay không đồng ý.
survey-kind-custom-hint = Câu hỏi của riêng bạn, trên thang điểm bạn chọn.
survey-status-draft = Bản nháp
survey-status-live = Đang mở
survey-status-closed = Đã đóng
survey-new-intro = Câu hỏi và lời cảm ơn bắt đầu bằng cách diễn đạt chuẩn cho loại bạn chọn, bằng cả sáu ngôn ngữ. Bạn có thể thay đổi chúng sau.
survey-create = Tạo khảo sát
survey-field-kind = Loại
survey-field-status = Trạng thái
survey-field-scale = Thang điểm
survey-field-scale-low = Điểm thấp nhất
survey-field-scale-high = Điểm cao nhất
survey-field-default-locale = Ngôn ngữ mặc định
survey-field-touchpoint = Điểm chạm
survey-field-anonymous = Ẩn danh: không lưu khách hàng, địa chỉ IP hay thiết bị cùng câu trả lời
survey-field-throttle = Số ngày trước khi hỏi lại cùng một khách hàng
survey-field-question = Câu hỏi
survey-field-thank-you = Lời cảm ơn
survey-texts = Câu hỏi và lời cảm ơn
survey-texts-hint = Người trả lời thấy ngôn ngữ họ yêu cầu nếu ngôn ngữ đó được điền ở đây; nếu không, họ thấy ngôn ngữ mặc định.
survey-default-mark = mặc định
survey-errors = Một số mục cần được sửa: xem các thông báo bên dưới.
survey-saved = Đã lưu khảo sát.
survey-scale-locked = Không thể đổi thang điểm khi khảo sát đã có câu trả lời. Hãy tạo khảo sát mới cho thang điểm mới.
survey-follow-ups = Câu hỏi tiếp theo
survey-follow-ups-hint = Được hỏi sau phần chấm điểm, chỉ với những người có điểm nằm trong khoảng bạn đặt.
survey-follow-up-n = Câu hỏi tiếp theo { $n }
survey-follow-up-new = Câu hỏi tiếp theo mới
survey-follow-up-add = Thêm câu hỏi tiếp theo
survey-fu-prompt = Câu hỏi
survey-fu-kind = Kiểu trả lời
survey-fu-kind-open-text = Văn bản tự do
survey-fu-kind-single-choice = Chọn một
survey-fu-kind-multiple-choice = Chọn nhiều
survey-fu-kind-rating = Chấm điểm
survey-fu-when = Chỉ cho điểm
survey-fu-when-from = từ
survey-fu-when-to = đến
survey-fu-when-hint = Để trống cả hai để hỏi sau mọi mức điểm.
survey-fu-options = Các lựa chọn, mỗi dòng một lựa chọn (chọn một và chọn nhiều)
survey-fu-rating = Thang chấm điểm (chỉ cho kiểu chấm điểm)
survey-fu-translations = Bản dịch
survey-fu-translations-hint = Viết các lựa chọn theo từng dòng, đúng thứ tự như trong ngôn ngữ mặc định. Câu hỏi để trống sẽ được hỏi bằng ngôn ngữ mặc định.
survey-fu-remove = Xóa câu hỏi này
survey-suggest = Gợi ý: hỏi những người cho điểm { $low }–{ $high } “{ $question }”
survey-suggest-add = Thêm
survey-public-link = Liên kết công khai
survey-public-link-live = Chia sẻ địa chỉ này, hoặc đặt liên kết tới nó trên trang web, hóa đơn hay email của bạn.
survey-public-link-not-live = Người trả lời có thể trả lời khi trạng thái là “Đang mở”.
survey-kiosk-link = Máy tính bảng tại quầy
survey-kiosk-hint = Mở địa chỉ này trên máy tính bảng: trang sẽ chiếm toàn màn hình và bắt đầu lại sau mỗi câu trả lời.
survey-widget-tag = Tiện ích cho trang web của bạn
survey-widget-hint = Dán thẻ này vào trang web của bạn, ở chỗ khảo sát cần hiển thị. Nếu trang của bạn gửi Content-Security-Policy, hãy cho phép địa chỉ này trong script-src và frame-src.
survey-preview = Xem trước
survey-preview-hint = Bản xem trước hiển thị các trang của người trả lời; mọi câu trả lời ở đó đều không được ghi lại.
survey-export = Tải xuống các câu trả lời
survey-delete = Xóa khảo sát
survey-delete-confirm = Xóa khảo sát này?
survey-delete-has-responses = Khảo sát này đã có câu trả lời nên không thể xóa. Hãy đóng khảo sát thay vì xóa: các câu trả lời vẫn được giữ trong báo cáo của bạn.
survey-std-nps-question = Khả năng bạn giới thiệu { $business } cho bạn bè hoặc đồng nghiệp là bao nhiêu?
survey-std-csat-question = Bạn hài lòng đến mức nào với trải nghiệm của mình tại { $business }?
survey-std-ces-question = Bạn đồng ý đến mức nào với nhận định sau: “{ $business } giúp tôi dễ dàng có được những gì tôi cần”?
survey-std-custom-question = Bạn đánh giá { $business } như thế nào?
survey-std-thank-you = Cảm ơn bạn! Phản hồi của bạn giúp chúng tôi làm tốt hơn.
survey-std-improve = Chúng tôi nên cải thiện điều gì?
survey-csat-very-dissatisfied = Rất không hài lòng
survey-csat-dissatisfied = Không hài lòng
survey-csat-somewhat-dissatisfied = Hơi không hài lòng
survey-csat-neutral = Bình thường
survey-csat-somewhat-satisfied = Khá hài lòng
survey-csat-satisfied = Hài lòng
survey-csat-very-satisfied = Rất hài lòng
survey-ces-strongly-disagree = Hoàn toàn không đồng ý
survey-ces-disagree = Không đồng ý
survey-ces-somewhat-disagree = Hơi không đồng ý
survey-ces-neutral = Trung lập
survey-ces-somewhat-agree = Hơi đồng ý
survey-ces-agree = Đồng ý
survey-ces-strongly-agree = Hoàn toàn đồng ý

# Các trang người trả lời nhìn thấy.

respond-title = { $business }: ý kiến của bạn
respond-languages = Ngôn ngữ
respond-kiosk-fullscreen = Toàn màn hình
respond-preview-banner = Xem trước: các câu trả lời ở đây không được ghi lại.
respond-nps-low = Hoàn toàn không có khả năng
respond-nps-high = Rất có khả năng
respond-next = Gửi
respond-choose-score = Vui lòng chọn một mức điểm.
respond-score-off-scale = Vui lòng chọn điểm từ { $low } đến { $high }.
respond-form-expired = Câu trả lời của bạn chưa được gửi vì trang đã hết hạn. Vui lòng chọn lại và gửi.
respond-recorded = Cảm ơn bạn: câu trả lời của bạn đã được ghi lại.
respond-tell-more = Bạn có muốn chia sẻ thêm một chút không? Mọi phần bên dưới đều không bắt buộc.
respond-check-answers = Vui lòng kiểm tra các câu trả lời được đánh dấu bên dưới.
respond-choose-any = Chọn tất cả những mục phù hợp.
respond-comment = Bạn còn điều gì khác muốn nói với chúng tôi không?
respond-send = Gửi
respond-skip = Không, cảm ơn, tôi xong rồi
respond-text-too-long = Vui lòng viết không quá { $max } ký tự.
respond-closed-title = Khảo sát này đã đóng
respond-closed = Cảm ơn bạn đã quan tâm. Khảo sát này không còn nhận câu trả lời.
respond-not-open-title = Khảo sát này chưa mở
respond-not-open = Vui lòng thử lại sau.
respond-unknown-title = Không có khảo sát nào ở đây
respond-unknown = Không có khảo sát nào tại địa chỉ này. Vui lòng kiểm tra lại liên kết bạn nhận được.
respond-invitation-unknown = Liên kết này không hợp lệ. Vui lòng kiểm tra xem bạn đã mở toàn bộ liên kết trong email chưa.

# Hủy nhận email khảo sát của một doanh nghiệp (/u/{token}).

unsubscribe-title = Hủy đăng ký
unsubscribe-question = Ngừng nhận email khảo sát từ { $business }?
unsubscribe-explain = Bạn sẽ không còn nhận lời mời hay lời nhắc tham gia khảo sát từ { $business }.
unsubscribe-button = Hủy đăng ký
unsubscribe-done-title = Bạn đã hủy đăng ký
unsubscribe-done = { $business } sẽ không gửi email khảo sát cho bạn nữa.

# Email mời và email nhắc. Tiêu đề là văn bản thuần.

mail-invite-subject = Một câu hỏi nhanh từ { $business }
mail-reminder-subject = Nhắc lại: một câu hỏi nhanh từ { $business }
mail-greeting = Xin chào { $name },
mail-greeting-anonymous = Xin chào,
mail-invite-intro = { $business } rất mong nhận được ý kiến của bạn. Chỉ cần một cú nhấp:
mail-reminder-intro = Vài ngày trước, { $business } đã gửi bạn một câu hỏi. Nếu bạn có chút thời gian, chỉ cần một cú nhấp:
mail-score-hint = Hãy nhấp vào câu trả lời của bạn. Sau đó, bạn có thể chia sẻ thêm nếu muốn.
mail-open-page = Trả lời trên trình duyệt
mail-why = Bạn nhận được email này vì bạn là khách hàng của { $business }.
mail-unsubscribe = Hủy nhận các email này

# Mời khách hàng qua email (trang khảo sát).

survey-invite = Mời qua email
survey-invite-customers = Khách hàng cần mời
survey-invite-customers-hint = Mỗi dòng một khách hàng: email, tên, ngôn ngữ (en, cy, ms, sw, ar hoặc vi), mã khách hàng của bạn. Chỉ bắt buộc có email; có thể có một dòng tiêu đề. Tối đa { $max } khách hàng mỗi lần.
survey-invite-reminder = Nhắc lại sau (ngày)
survey-invite-reminder-hint = Gửi một lời nhắc cho những ai chưa trả lời sau số ngày này. 0: không nhắc.
survey-invite-send = Gửi lời mời
survey-invite-result = Đã mời: { $invited }. Không mời: { $throttled } đã được hỏi trong { $days } ngày qua, { $unsubscribed } đã hủy đăng ký.
survey-invite-anonymous = Khảo sát ẩn danh không thể gửi qua email: liên kết trong lời mời cho biết khách hàng là ai. Thay vào đó, hãy chia sẻ liên kết công khai, tiện ích hoặc máy tính bảng tại quầy của khảo sát.
survey-invite-closed = Khảo sát này đã đóng: không thể gửi thêm lời mời.
survey-invite-mail-off = Email chưa được thiết lập cho taith, nên các lời mời sẽ chờ ở đây cho đến khi được thiết lập. Hãy nhờ quản trị viên của bạn thiết lập email.
survey-invite-waiting = Lời mời được gửi đi khi khảo sát ở trạng thái “Đang mở”.
survey-invite-stats = Đã mời: { $invited } · đã gửi email: { $sent } · đã nhắc: { $reminded } · đã trả lời: { $answered } · đã hủy đăng ký: { $unsubscribed } · bị giữ lại (giới hạn liên hệ hoặc sự đồng ý): { $skipped }
survey-invite-line = Dòng { $line }, { $column }: { $issue }
survey-invite-empty = Vui lòng nhập ít nhất một khách hàng.

# Ngày tháng theo cách các trang tổng quan ghi.

date-format = { $day } { $month } năm { $year }
month-1 = tháng 1
month-2 = tháng 2
month-3 = tháng 3
month-4 = tháng 4
month-5 = tháng 5
month-6 = tháng 6
month-7 = tháng 7
month-8 = tháng 8
month-9 = tháng 9
month-10 = tháng 10
month-11 = tháng 11
month-12 = tháng 12

# Trang tổng quan.

nav-dashboard = Trang tổng quan
dashboard-title = Trang tổng quan
dashboard-csv = Tải xuống dạng CSV
dashboard-print = In
dashboard-from = Từ
dashboard-to = Đến
dashboard-show = Xem
dashboard-period = Từ { $from } đến { $to }
dashboard-empty = Chưa có khảo sát NPS, CSAT hay CES nào có câu trả lời.
dashboard-nps = Chỉ số giới thiệu ròng (NPS)
dashboard-csat = Sự hài lòng của khách hàng (CSAT)
dashboard-ces = Chỉ số nỗ lực của khách hàng (CES)
dashboard-interval = Khoảng tin cậy 95%: từ { $low } đến { $high }
dashboard-n = { $n } câu trả lời
dashboard-small-sample = cỡ mẫu nhỏ: hãy thận trọng khi đọc kết quả
dashboard-up = Tăng { $delta } so với kỳ trước: thay đổi có ý nghĩa thống kê.
dashboard-down = Giảm { $delta } so với kỳ trước: thay đổi có ý nghĩa thống kê.
dashboard-no-significant-change = Không có thay đổi có ý nghĩa thống kê so với kỳ trước.
dashboard-no-previous = Kỳ trước không có câu trả lời nào để so sánh.
dashboard-mixed-scales = Các khảo sát này dùng thang điểm khác nhau nên không được cộng gộp ở đây.
dashboard-chart-alt = { $metric } theo từng tuần, kèm khoảng tin cậy 95%; số liệu nằm trong bảng bên dưới.
dashboard-point = { $week }: { $value } ({ $n } câu trả lời)
dashboard-table = Số liệu
dashboard-week = Tuần
dashboard-interval-head = Khoảng tin cậy 95%
dashboard-responses = Số câu trả lời
dashboard-volume = Số câu trả lời mỗi tuần
dashboard-volume-alt = Số câu trả lời mỗi tuần, dạng biểu đồ cột; số liệu nằm trong bảng bên dưới.
dashboard-volume-point = { $week }: { $n } câu trả lời

# Bản đồ hành trình trực tiếp.

map-live-nps = NPS
map-live-csat = CSAT
map-live-ces = CES
map-live-detail = Khoảng tin cậy 95% từ { $low } đến { $high }, { $n } câu trả lời
map-live-up = tăng có ý nghĩa thống kê so với kỳ trước
map-live-down = giảm có ý nghĩa thống kê so với kỳ trước
map-live-pain = Điểm đau từ các câu trả lời
map-live-stage = { $stage }: { $value } từ các câu trả lời
map-live-curve = Từ các câu trả lời
map-live-typed = Như đã nhập

# So sánh các phân khúc.

dashboard-segments = So sánh phân khúc
dashboard-metric = Chỉ số
dashboard-compare-by = So sánh theo
dashboard-segment = Phân khúc
dashboard-value = Điểm
dashboard-versus-rest = So với tất cả các phân khúc còn lại
dashboard-chart = Biểu đồ
dashboard-dim-channel = Kênh
dashboard-dim-locale = Ngôn ngữ
dashboard-dim-touchpoint = Điểm chạm
dashboard-dim-stage = Giai đoạn
dashboard-dim-journey = Hành trình

# Trang tổng quan của một điểm chạm.

dashboard-distribution = Phân bố điểm
dashboard-comments = Nhận xét mới nhất
dashboard-no-comments = Chưa có nhận xét nào ở đây.
dashboard-no-answers-here = Chưa có ai trả lời khảo sát tại điểm chạm này trong khoảng thời gian này.
