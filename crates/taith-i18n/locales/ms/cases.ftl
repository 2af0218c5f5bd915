# Kes: susulan pelanggan yang tidak berpuas hati.
nav-cases = Kes
cases-title = Kes
cases-mine-title = Kes saya
cases-visible-title = Kes yang boleh saya ambil
cases-views = Paparan kes
cases-lede = Susulan pelanggan yang tidak berpuas hati: dibuka oleh peraturan tinjauan anda atau secara manual, setiap satu dengan pemilik dan tarikh akhir.
cases-mine-lede = Kes milik anda. Uruskan kes baharu dahulu; kes yang lewat ditandakan.
cases-settings-title = Tetapan kes
cases-number = Kes { $number }
cases-status-open = Dibuka
cases-status-in-progress = Sedang diuruskan
cases-status-waiting-for-customer = Menunggu pelanggan
cases-status-resolved = Selesai
cases-status-closed-no-action = Ditutup tanpa tindakan
cases-source = Cara dibuka
cases-source-score = Oleh peraturan tinjauan: skor rendah
cases-source-sentiment = Oleh peraturan tinjauan: ulasan negatif
cases-source-response = Secara manual, daripada maklum balas
cases-source-feature-request = Secara manual, daripada permintaan ciri
cases-source-manual = Secara manual
cases-field-status = Status
cases-field-owner = Pemilik
cases-field-touchpoint = Titik sentuh
cases-field-root-cause = Punca utama
cases-field-note = Nota
cases-field-reply = Balasan anda
cases-filter = Tapis
cases-filter-active = Masih aktif
cases-filter-all = Semua status
cases-filter-anyone = Sesiapa
cases-filter-anywhere = Mana-mana titik sentuh
cases-filter-overdue = Yang lewat sahaja
cases-none = Tiada kes yang sepadan.
cases-more = Kes lebih lama
cases-col-case = Kes
cases-col-due = Tarikh akhir
cases-col-opened = Dibuka
cases-col-cases = Kes
cases-overdue = Lewat
cases-due-in-hours = { $count ->
   *[other] perlu dalam { $count } jam
}
cases-due-in-days = { $count ->
   *[other] perlu dalam { $count } hari
}
cases-overdue-by-hours = { $count ->
   *[other] lewat { $count } jam
}
cases-overdue-by-days = { $count ->
   *[other] lewat { $count } hari
}
cases-due-at = perlu sebelum { $when }
cases-nobody = Tiada sesiapa
cases-former-member = Bekas ahli
cases-no-touchpoint = Tiada titik sentuh
cases-no-root-cause = Belum ditetapkan
cases-anonymous = Pelanggan tanpa nama
cases-customer = Pelanggan
cases-first-action = Tindakan pertama
cases-resolution = Penyelesaian
cases-response = Apa kata pelanggan
cases-no-comment = Tiada ulasan, hanya skor.
cases-from-request = Dibuka daripada permintaan ciri:
cases-work = Uruskan kes
cases-save = Simpan
cases-saved = Disimpan.
cases-opened = Kes telah dibuka.
cases-existing = Maklum balas ini sudah mempunyai kes: inilah dia.
cases-conflict = Orang lain telah mengubah kes ini sejak anda membukanya. Tiada apa yang disimpan: semak kes seperti sekarang, dan simpan semula. Apa yang anda taip masih ada dalam borang.
cases-add-note = Tambah nota
cases-add-note-button = Tambah nota ini
cases-reply = Balas kepada pelanggan
cases-reply-hint = Melalui e-mel kepada { $to }, dalam bahasa { $language }. Pelanggan tidak perlu membalas untuk anda menutup kes ini.
cases-send-reply = Hantar balasan
cases-no-address = Kami tiada alamat e-mel pelanggan ini, jadi anda tidak boleh membalas dari sini.
cases-replies = Balasan
cases-reply-sent = dihantar { $when }
cases-reply-waiting = menunggu untuk dihantar
cases-log = Sejarah
cases-log-opened-score = membuka kes (skor rendah)
cases-log-opened-sentiment = membuka kes (ulasan negatif)
cases-log-opened-response = membuka kes daripada maklum balas
cases-log-opened-feature-request = membuka kes daripada permintaan ciri
cases-log-opened-manual = membuka kes
cases-log-status = menukar status daripada { $from } kepada { $to }
cases-log-owner = menukar pemilik daripada { $from } kepada { $to }
cases-log-root-cause = menukar punca utama daripada { $from } kepada { $to }
cases-log-note = menambah nota
cases-log-reply = membalas kepada pelanggan
cases-open-button = Buka kes
cases-sla = Tahap perkhidmatan
cases-sla-hint = Berapa cepat seseorang perlu bertindak atas kes baharu, dan menyelesaikannya, dikira dalam waktu bekerja: malam, hujung minggu dan hari cuti tidak dikira. Perubahan terpakai pada kes yang dibuka mulai sekarang.
cases-field-first-action-hours = Tindakan pertama dalam (jam bekerja)
cases-field-resolve-hours = Diselesaikan dalam (jam bekerja)
cases-field-day-start = Hari bekerja bermula (JJ:MM)
cases-field-day-end = Hari bekerja tamat (JJ:MM)
cases-field-days = Hari bekerja
cases-field-utc-offset = Perbezaan daripada UTC (cth. +08:00)
cases-day-mon = Isnin
cases-day-tue = Selasa
cases-day-wed = Rabu
cases-day-thu = Khamis
cases-day-fri = Jumaat
cases-day-sat = Sabtu
cases-day-sun = Ahad
cases-root-causes = Punca utama
cases-root-causes-hint = Satu setiap baris. Punca yang anda buang kekal pada kes yang menamakannya.
cases-cause-line-error = Baris { $line }: { $issue }
cases-rules = Peraturan pembukaan
cases-rules-hint = Jawapan mana yang membuka kes dengan sendirinya. Skor rendah ialah NPS 0–6, atau dua mata terbawah skala kepuasan pelanggan (CSAT) atau CES.
cases-rules-none = Belum ada tinjauan.
cases-rules-survey = Tinjauan
cases-rule-low-score = Skor rendah
cases-rule-negative-comment = Ulasan negatif
cases-settings-saved = Tetapan telah disimpan.
cases-teams = Pasukan
cases-teams-hint = cth. Kedai, Penghantaran
cases-figures-title = Susulan pelanggan yang tidak berpuas hati
cases-opened-count = { $count ->
   *[other] { $count } kes dibuka dalam tempoh ini
}
cases-small-sample = sampel kecil
cases-see-all = Lihat kes
cases-mean = Purata
cases-median = Median
cases-p90 = Persentil ke-90
cases-counted = Dikira
cases-time-first-action = Masa hingga tindakan pertama
cases-time-resolution = Masa hingga selesai
cases-hours-value = { $hours } jam
cases-count = { $count ->
   *[other] { $count } kes
}
cases-open-apart = { $count ->
   *[other] { $count } masih menunggu
}
cases-share-overdue = Bahagian yang lewat
cases-percent = { $value }%
cases-interval = (selang 95% { $low }–{ $high }%)
cases-causes-by-touchpoint = Punca utama mengikut titik sentuh
cases-mail-subject = Maklum balas anda kepada { $business }
cases-mail-greeting = Salam { $name },
cases-mail-greeting-anonymous = Salam sejahtera,
cases-mail-intro = Terima kasih kerana memberitahu { $business } pengalaman anda. Inilah jawapan kami:
cases-mail-footer = { $business } · kes { $number }
