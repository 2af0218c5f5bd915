# Bảng yêu cầu tính năng, cho nhân viên và khách hàng.
nav-requests = Yêu cầu
