# Tiếng nói khách hàng: trình khám phá bình luận và chủ đề.
nav-voc = Bình luận
