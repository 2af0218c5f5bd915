nav-coaching = Huấn luyện
coaching-title = Huấn luyện
coaching-by = Nhóm theo
coaching-by-agent = Theo nhân viên
coaching-by-team = Theo nhóm
coaching-lede = Chỉ số NPS và sự hài lòng của khách hàng (CSAT) của các phản hồi có thuộc tính “agent” hoặc “team” nêu tên họ, kèm khoảng tin cậy 95%. Những tuần có ít câu trả lời được vẽ rỗng.
coaching-own-only = Bạn xem số liệu của chính mình: các phản hồi có “agent” là tên bạn ({ $name }) hoặc địa chỉ email của bạn ({ $email }).
coaching-empty = Không có phản hồi nào trong kỳ này mang thuộc tính này.
coaching-empty-own = Không có phản hồi nào trong kỳ này ghi bạn là nhân viên phụ trách.
coaching-board-title = Bảng xếp hạng: { $metric }
coaching-board-too-few = Quá ít để so sánh: bảng xếp hạng cần hai người có đủ câu trả lời.
coaching-board-none-significant = Không chênh lệch nào có ý nghĩa thống kê, nên mọi người cùng đứng đầu.
coaching-board-significant = Có { $count } chênh lệch có ý nghĩa thống kê; chỉ chúng quyết định thứ hạng. Hạng bằng nhau là đồng hạng.
coaching-board-unranked = Chưa xếp hạng vì quá ít câu trả lời: { $names }
coaching-rank = Hạng
coaching-who = Ai
coaching-figure = Điểm
coaching-praise = Lời khen để chia sẻ

# Case figures per case owner (agent) or per the owner's teams.
coaching-cases = Vụ việc
coaching-cases-handled = { $count ->
   *[other] { $count } vụ việc được xử lý trong kỳ này
}
coaching-cases-hint = Mỗi vụ việc được tính cho người phụ trách: thành viên có tên hoặc địa chỉ email trùng với tên nhân viên. Một nhóm tính các vụ việc do thành viên của nhóm phụ trách.
