# Isyarat pada perjalanan: ukuran tingkah laku dan sokongan di setiap titik sentuh, dan keciciran.
signal-metric-visitors = Pelawat
signal-metric-page_views = Paparan halaman
signal-metric-bounce_rate = Kadar penolakan
signal-metric-conversion_rate = Kadar penukaran
signal-metric-session_duration = Tempoh lawatan
signal-metric-task_success_rate = Kadar kejayaan tugas
signal-metric-error_rate = Kadar ralat
signal-metric-search_zero_result_rate = Carian tanpa hasil
signal-metric-first_response_time = Masa respons pertama
signal-metric-resolution_time = Masa penyelesaian
signal-metric-reopen_rate = Kadar dibuka semula
signal-metric-with-goal = { $name } ({ $goal })
signal-percent = { $value }%
signal-seconds = { $value } s
signal-minutes = { $value } min
signal-hours = { $value } jam
signal-no-data = tiada data dalam tempoh ini
signal-detail-rate = { $n ->
   *[other] selang keyakinan 95% { $low }–{ $high }%, { $n } dikira
}
signal-detail-n = { $n ->
   *[other] { $n } dikira
}
signal-few = sedikit yang dikira, baca dengan berhati-hati
signal-heading = Tingkah laku dan sokongan
signal-none = Belum ada ukuran tingkah laku atau sokongan yang dipilih untuk titik sentuh ini.
signal-choose = Ukuran yang ditunjukkan pada peta perjalanan
signal-choose-hint = Pilih sehingga empat ukuran untuk titik sentuh ini. Peta perjalanan langsung menunjukkannya di sebelah apa yang dikatakan pelanggan di sini, dengan anak panah apabila perubahan berbanding tempoh sebelumnya adalah signifikan.
signal-group-web = Di web (daripada penjejak dan API peristiwa)
signal-group-support = Dalam sokongan (perbualan tentang titik sentuh ini)
signal-figure = Ukuran
signal-goal = Matlamat untuk kadar penukaran
signal-goal-hint = Nama matlamat yang dihantar oleh laman anda, seperti order. Biarkan kosong untuk mengira sebarang matlamat.
signal-save = Simpan ukuran
signal-saved = Ukuran disimpan. Peta perjalanan kini menunjukkannya.
signal-drop-off-lane = Keciciran
signal-drop-off = { $from } → { $to }: { $rate }% tidak meneruskan ({ $went } daripada { $reached } lawatan meneruskan)
