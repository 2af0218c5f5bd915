# taith — rentetan antara muka dalam bahasa Melayu. Setiap kunci dalam en mesti wujud di sini (diuji).

## Navigation and frame
nav-skip = Langkau ke kandungan
nav-label = Ruang kerja
nav-journeys = Perjalanan
nav-personas = Persona
nav-members = Ahli
nav-tokens = Token API
nav-sign-out = Log keluar

## Common actions
action-save = Simpan
action-edit = Sunting
action-delete = Padam

## Errors
error-home = Kembali ke halaman utama
error-not-found-title = Tidak dijumpai
error-not-found = Tiada apa-apa di alamat ini, atau anda tiada akses kepadanya.
error-forbidden-title = Tidak dibenarkan
error-forbidden = Peranan anda dalam ruang kerja ini tidak membenarkan tindakan ini.
error-csrf-title = Borang telah tamat tempoh
error-csrf = Sila kembali, muat semula halaman dan cuba lagi.
error-bad-request-title = Ada masalah dengan permintaan ini
error-bad-request = Permintaan tidak dapat dibaca. Sila kembali dan cuba lagi.
error-too-large-title = Terlalu banyak sekali gus
error-too-large = Apa yang anda hantar melebihi saiz yang diterima oleh taith.
error-conflict-title = Sudah diubah
error-conflict = Orang lain telah mengubah ini pada masa yang sama. Muat semula halaman dan cuba lagi.
error-internal-title = Berlaku masalah di pihak kami
error-internal = Ralat telah direkodkan. Sila cuba lagi sebentar lagi.
error-request-id = Jika anda memaklumkan kami tentang perkara ini, sebutkan rujukan ini: { $id }
error-too-many-title = Terlalu banyak cubaan
error-too-many = Anda telah mencuba ini terlalu kerap dalam masa yang singkat. Sila tunggu sebentar dan cuba lagi.
error-busy-title = Sibuk sekarang
error-busy = Pelayan sedang mengendalikan banyak permintaan. Sila cuba lagi dalam beberapa saat.

## Field-level problems
issue-required = Sila isi ruangan ini.
issue-too-long = Ini terlalu panjang.
issue-invalid = Ini nampaknya tidak betul.
issue-unknown-value = Sila pilih salah satu pilihan.
issue-not-found = Ini tidak lagi wujud dalam ruang kerja ini.
issue-taken = Ini sudah digunakan.
issue-too-short = Ini terlalu pendek: gunakan sekurang-kurangnya 10 aksara.
issue-mismatch = Kedua-dua entri tidak sepadan.

## Fields
field-name = Nama
field-description = Penerangan
field-persona = Persona
field-email = Alamat e-mel
field-password = Kata laluan
field-password-confirm = Ulang kata laluan
field-workspace-name = Nama perniagaan atau ruang kerja
field-slug = Alamat pendek
field-your-name = Nama anda
field-role = Peranan
field-scope = Akses
field-needs = Keperluan
field-goals = Matlamat
field-behaviours = Tingkah laku
field-pains = Masalah
field-demographics = Demografi
field-actions = Tindakan pelanggan
field-thoughts = Fikiran
field-emotions = Emosi
field-emotion = Perasaan
field-pain-points = Titik kesakitan
field-opportunities = Peluang
field-one-per-line = Satu bagi setiap baris
field-channel = Saluran
field-owner = Pemilik
field-owner-member = Pemilik (ahli)
field-owner-team = …atau pasukan pemilik
field-moment-of-truth = Saat kebenaran
field-stage = Peringkat

## Set-up and sign-in
setup-title = Sediakan taith
setup-intro = Cipta ruang kerja dan akaun pemilik anda. Anda boleh menjemput pasukan anda kemudian.
setup-slug-hint = Huruf kecil, digit dan sengkang, digunakan dalam alamat, cth. kedai-roti-saya.
setup-submit = Cipta ruang kerja
login-title = Log masuk
login-submit = Log masuk
login-failed = Alamat e-mel dan kata laluan itu tidak sepadan dengan mana-mana akaun.
home-title = Ruang kerja anda
home-none = Anda belum menjadi ahli mana-mana ruang kerja.

## Roles and scopes
role-owner = Pemilik
role-admin = Pentadbir
role-analyst = Penganalisis
role-agent = Ejen
role-viewer = Pelihat
scope-read = Baca sahaja
scope-write = Baca dan tulis

## Journeys
journeys-title = Peta perjalanan pelanggan
journeys-new = Perjalanan baharu
journeys-create = Cipta perjalanan
journeys-empty = Belum ada perjalanan. Petakan cara pelanggan menemui anda, membeli dan kembali semula.
journeys-for-persona = Untuk persona
journeys-updated = Dikemas kini
journeys-model = Mula daripada
journeys-stage-count = { $count ->
   *[other] { $count } peringkat
}
journeys-touchpoint-count = { $count ->
   *[other] { $count } titik sentuh
}
model-five-stage = Lima peringkat
model-seven-stage = Tujuh peringkat
model-blank = Peta kosong
persona-none = Tiada persona

## Stage names of the starting models
stage-awareness = Kesedaran
stage-consideration = Pertimbangan
stage-purchase = Pembelian
stage-retention = Pengekalan
stage-advocacy = Advokasi
stage-discovery = Penemuan
stage-evaluation = Penilaian
stage-choice = Pilihan
stage-use = Penggunaan

## Channels
channel-web = Web
channel-email = E-mel
channel-phone = Telefon
channel-chat = Sembang
channel-social = Media sosial
channel-in-store = Di kedai
channel-in-app = Dalam aplikasi
channel-sms = SMS
channel-other = Lain-lain

## Owners and emotions
owner-none = Belum ada pemilik
owner-none-member = — tiada ahli —
owner-former-member = Bekas ahli
emotion-unset = Tidak ditetapkan
emotion-very-negative = Sangat negatif
emotion-negative = Negatif
emotion-neutral = Neutral
emotion-positive = Positif
emotion-very-positive = Sangat positif

## The map
map-stage = Peringkat
map-touchpoints = Titik sentuh
map-actions = Tindakan pelanggan
map-thoughts = Fikiran
map-emotions = Emosi
map-pain-points = Titik kesakitan
map-opportunities = Peluang
map-owner = Pemilik
map-moment-of-truth = Saat kebenaran
map-no-touchpoints = Belum ada titik sentuh.
map-curve-empty = Belum ada emosi yang direkodkan.
map-edit = Sunting peta
map-details = Butiran
map-history = { $version ->
   *[other] Sejarah ({ $version } versi)
}
map-download-svg = Muat turun SVG
map-export-json = Eksport JSON
map-print = Cetak

## The editor
edit-title = Sunting perjalanan
edit-back-to-map = Kembali ke peta
edit-details = Butiran
edit-stages = Peringkat
edit-stage-notes = Sunting nota peringkat
edit-save-stage = Simpan peringkat
edit-move-earlier = Alih lebih awal
edit-move-later = Alih lebih lewat
edit-delete-stage = Padam peringkat
edit-delete-stage-confirm = Padam peringkat ini dan titik sentuhnya?
edit-add-stage = Tambah peringkat
edit-add-touchpoint = Tambah titik sentuh
edit-save-touchpoint = Simpan titik sentuh
edit-delete-touchpoint = Padam titik sentuh
edit-delete-touchpoint-confirm = Padam titik sentuh ini?
edit-delete-journey = Padam perjalanan
edit-delete-journey-confirm = Padam perjalanan ini dan seluruh sejarahnya?

## History
history-title = Sejarah
history-version = Versi { $version }
history-current = semasa
history-by = oleh { $author }, { $when }
history-restore = Pulihkan versi ini
change-created = Mencipta perjalanan
change-imported = Mengimport perjalanan
change-restored = Memulihkan versi { $version }
change-details = Mengubah { $fields }
change-stage-added = Menambah peringkat “{ $stage }”
change-stage-removed = Membuang peringkat “{ $stage }”
change-stage-changed = Mengubah { $fields } bagi peringkat “{ $stage }”
change-stages-reordered = Menyusun semula peringkat
change-touchpoint-added = Menambah titik sentuh “{ $touchpoint }” ke “{ $stage }”
change-touchpoint-removed = Membuang titik sentuh “{ $touchpoint }”
change-touchpoint-changed = Mengubah { $fields } bagi titik sentuh “{ $touchpoint }”
change-touchpoint-moved = Mengalihkan titik sentuh “{ $touchpoint }” ke “{ $stage }”

## Personas
personas-title = Persona
personas-new = Persona baharu
personas-empty = Belum ada persona. Persona menggambarkan satu jenis pelanggan: apa yang mereka perlukan dan apa yang menghalang mereka.
personas-delete-confirm = Padam persona ini? Perjalanan yang dilukis untuknya akan dikekalkan.

## Members
members-title = Ahli
members-you = anda
members-actions = Tindakan
members-add = Tambah ahli
members-initial-password = Kata laluan pertama (mereka boleh menukarnya kemudian)
members-remove = Keluarkan
members-remove-confirm = Keluarkan ahli ini daripada ruang kerja?
members-last-owner = Ruang kerja memerlukan sekurang-kurangnya seorang pemilik.

## API tokens
tokens-title = Token API
tokens-intro = Token membolehkan sistem lain menggunakan API taith untuk ruang kerja ini. Hantar token sebagai “Authorization: Bearer …”.
tokens-new = Token baharu
tokens-create = Cipta token
tokens-created = Salin token ini sekarang: ia tidak akan dipaparkan lagi.
tokens-created-at = Dicipta
tokens-revoke = Batalkan
tokens-revoke-confirm = Batalkan token ini? Sistem yang menggunakannya akan berhenti berfungsi.

## Surveys
nav-surveys = Tinjauan
surveys-title = Tinjauan
surveys-new = Tinjauan baharu
surveys-empty = Belum ada tinjauan. Tanya pelanggan sejauh mana mereka akan mengesyorkan anda (NPS), sejauh mana mereka berpuas hati (CSAT) atau sejauh mana anda memudahkan urusan mereka (CES), tepat di tempat ia berlaku dalam perjalanan mereka.
surveys-no-touchpoint = Tidak dikaitkan dengan titik sentuh
survey-kind-nps = NPS (Skor Promoter Bersih)
survey-kind-csat = CSAT (kepuasan pelanggan)
survey-kind-ces = CES (skor usaha pelanggan)
survey-kind-custom = Tersuai
survey-kind-nps-hint = 0–10: sejauh manakah kemungkinan pelanggan mengesyorkan anda?
survey-kind-csat-hint = 1–5: sejauh manakah pelanggan berpuas hati?
survey-kind-ces-hint = 1–5: adakah anda memudahkan urusan mereka? Ditanya sebagai setuju atau tidak setuju.
survey-kind-custom-hint = Soalan anda sendiri, pada skala pilihan anda.
survey-status-draft = Draf
survey-status-live = Aktif
survey-status-closed = Ditutup
survey-new-intro = Soalan dan teks terima kasih bermula dengan kata-kata standard bagi jenis yang anda pilih, dalam keenam-enam bahasa. Anda boleh mengubahnya kemudian.
survey-create = Cipta tinjauan
survey-field-kind = Jenis
survey-field-status = Status
survey-field-scale = Skala
survey-field-scale-low = Skor terendah
survey-field-scale-high = Skor tertinggi
survey-field-default-locale = Bahasa lalai
survey-field-touchpoint = Titik sentuh
survey-field-anonymous = Tanpa nama: jangan simpan pelanggan, alamat IP atau peranti bersama respons
survey-field-throttle = Bilangan hari sebelum pelanggan yang sama ditanya lagi
survey-field-question = Soalan
survey-field-thank-you = Teks terima kasih
survey-texts = Soalan dan teks terima kasih
survey-texts-hint = Responden melihat bahasa yang mereka minta jika bahasa itu diisi di sini; jika tidak, bahasa lalai.
survey-default-mark = lalai
survey-errors = Beberapa ruangan perlu diperbetulkan: lihat mesej di bawah.
survey-saved = Tinjauan disimpan.
survey-scale-locked = Skala tidak boleh diubah selepas tinjauan menerima respons. Cipta tinjauan baharu untuk skala baharu.
survey-follow-ups = Soalan susulan
survey-follow-ups-hint = Ditanya selepas skor, hanya kepada responden yang skornya berada dalam julat yang anda tetapkan.
survey-follow-up-n = Soalan susulan { $n }
survey-follow-up-new = Soalan susulan baharu
survey-follow-up-add = Tambah soalan susulan
survey-fu-prompt = Soalan
survey-fu-kind = Jenis jawapan
survey-fu-kind-open-text = Teks bebas
survey-fu-kind-single-choice = Satu pilihan
survey-fu-kind-multiple-choice = Pelbagai pilihan
survey-fu-kind-rating = Penilaian
survey-fu-when = Hanya untuk skor
survey-fu-when-from = dari
survey-fu-when-to = hingga
survey-fu-when-hint = Biarkan kedua-duanya kosong untuk bertanya selepas setiap skor.
survey-fu-options = Pilihan jawapan, satu bagi setiap baris (satu pilihan dan pelbagai pilihan)
survey-fu-rating = Skala penilaian (jenis penilaian sahaja)
survey-fu-translations = Terjemahan
survey-fu-translations-hint = Tulis pilihan jawapan baris demi baris, mengikut susunan yang sama seperti dalam bahasa lalai. Soalan yang dibiarkan kosong ditanya dalam bahasa lalai.
survey-fu-remove = Buang soalan ini
survey-suggest = Cadangan: tanya “{ $question }” kepada yang memberi skor { $low }–{ $high }
survey-suggest-add = Tambah
survey-public-link = Pautan awam
survey-public-link-live = Kongsi alamat ini, atau pautkannya dari laman web, resit atau e-mel anda.
survey-public-link-not-live = Responden boleh menjawab setelah statusnya “Aktif”.
survey-kiosk-link = Tablet di kaunter kedai
survey-kiosk-hint = Buka alamat ini pada tablet: ia memenuhi skrin dan bermula semula selepas setiap jawapan.
survey-widget-tag = Widget untuk laman web anda
survey-widget-hint = Tampal tag ini ke dalam halaman laman web anda di tempat tinjauan patut dipaparkan. Jika laman anda menghantar Content-Security-Policy, benarkan alamat ini dalam script-src dan frame-src.
survey-preview = Pratonton
survey-preview-hint = Pratonton menunjukkan halaman responden; apa-apa yang dijawab di sana tidak direkodkan.
survey-export = Muat turun respons
survey-delete = Padam tinjauan
survey-delete-confirm = Padam tinjauan ini?
survey-delete-has-responses = Tinjauan ini sudah mempunyai respons, jadi ia tidak boleh dipadam. Tutup sahaja tinjauan ini: responsnya kekal dalam laporan anda.
survey-std-nps-question = Sejauh manakah kemungkinan anda mengesyorkan { $business } kepada rakan atau rakan sekerja?
survey-std-csat-question = Sejauh manakah anda berpuas hati dengan pengalaman anda bersama { $business }?
survey-std-ces-question = Sejauh manakah anda bersetuju dengan kenyataan ini: “{ $business } memudahkan saya mendapatkan apa yang saya perlukan”?
survey-std-custom-question = Bagaimanakah penilaian anda terhadap { $business }?
survey-std-thank-you = Terima kasih! Maklum balas anda membantu kami menjadi lebih baik.
survey-std-improve = Apakah yang patut kami perbaiki?
survey-csat-very-dissatisfied = Sangat tidak berpuas hati
survey-csat-dissatisfied = Tidak berpuas hati
survey-csat-somewhat-dissatisfied = Agak tidak berpuas hati
survey-csat-neutral = Neutral
survey-csat-somewhat-satisfied = Agak berpuas hati
survey-csat-satisfied = Berpuas hati
survey-csat-very-satisfied = Sangat berpuas hati
survey-ces-strongly-disagree = Sangat tidak setuju
survey-ces-disagree = Tidak setuju
survey-ces-somewhat-disagree = Agak tidak setuju
survey-ces-neutral = Neutral
survey-ces-somewhat-agree = Agak setuju
survey-ces-agree = Setuju
survey-ces-strongly-agree = Sangat setuju

# Halaman yang dilihat oleh responden.

respond-title = { $business }: maklum balas anda
respond-languages = Bahasa
respond-kiosk-fullscreen = Skrin penuh
respond-preview-banner = Pratonton: jawapan yang diberikan di sini tidak direkodkan.
respond-nps-low = Langsung tidak mungkin
respond-nps-high = Sangat mungkin
respond-next = Hantar
respond-choose-score = Sila pilih satu skor.
respond-score-off-scale = Sila pilih skor dari { $low } hingga { $high }.
respond-form-expired = Jawapan anda tidak dihantar kerana halaman ini telah tamat tempoh. Sila pilih semula dan hantar.
respond-recorded = Terima kasih: jawapan anda telah direkodkan.
respond-tell-more = Mahu beritahu kami sedikit lagi? Semua soalan di bawah adalah pilihan.
respond-check-answers = Sila semak jawapan yang ditandakan di bawah.
respond-choose-any = Pilih semua yang berkenaan.
respond-comment = Ada apa-apa lagi yang ingin anda beritahu kami?
respond-send = Hantar
respond-skip = Tidak mengapa, saya sudah selesai
respond-text-too-long = Sila hadkan kepada { $max } aksara atau kurang.
respond-closed-title = Tinjauan ini telah ditutup
respond-closed = Terima kasih atas minat anda. Tinjauan ini tidak lagi menerima jawapan.
respond-not-open-title = Tinjauan ini belum dibuka
respond-not-open = Sila cuba lagi kemudian.
respond-unknown-title = Tiada tinjauan di sini
respond-unknown = Tiada tinjauan di alamat ini. Sila semak pautan yang diberikan kepada anda.
respond-invitation-unknown = Pautan ini tidak sah. Sila pastikan anda membuka keseluruhan pautan daripada e-mel tersebut.

# Berhenti melanggan e-mel tinjauan daripada sesebuah perniagaan (/u/{token}).

unsubscribe-title = Berhenti melanggan
unsubscribe-question = Berhenti menerima e-mel tinjauan daripada { $business }?
unsubscribe-explain = Anda tidak akan menerima jemputan atau peringatan tinjauan lagi daripada { $business }.
unsubscribe-button = Berhenti melanggan
unsubscribe-done-title = Anda telah berhenti melanggan
unsubscribe-done = { $business } tidak akan menghantar e-mel tinjauan kepada anda lagi.

# E-mel jemputan dan peringatan. Subjek ialah teks biasa.

mail-invite-subject = Satu soalan ringkas daripada { $business }
mail-reminder-subject = Peringatan: satu soalan ringkas daripada { $business }
mail-greeting = Salam sejahtera { $name },
mail-greeting-anonymous = Salam sejahtera,
mail-invite-intro = { $business } ingin mendengar pendapat anda. Satu klik sudah memadai:
mail-reminder-intro = Beberapa hari lalu, { $business } telah bertanya satu soalan kepada anda. Jika anda ada masa sebentar, satu klik sudah memadai:
mail-score-hint = Klik jawapan anda. Selepas itu, anda boleh memberitahu kami lebih lanjut jika mahu.
mail-open-page = Jawab dalam pelayar anda
mail-why = Anda menerima e-mel ini kerana anda pelanggan { $business }.
mail-unsubscribe = Berhenti melanggan e-mel ini

# Menjemput pelanggan melalui e-mel (halaman tinjauan).

survey-invite = Jemput melalui e-mel
survey-invite-customers = Pelanggan yang hendak dijemput
survey-invite-customers-hint = Seorang pelanggan bagi setiap baris: e-mel, nama, bahasa (en, cy, ms, sw, ar atau vi), ID pelanggan anda. Hanya e-mel yang wajib; baris tajuk dibenarkan. Sehingga { $max } pada satu masa.
survey-invite-reminder = Peringatan selepas (hari)
survey-invite-reminder-hint = Satu peringatan kepada mereka yang belum menjawab dalam tempoh itu. 0: tiada peringatan.
survey-invite-send = Hantar jemputan
survey-invite-result = Dijemput: { $invited }. Tidak dijemput: { $throttled } sudah ditanya dalam { $days } hari yang lalu, { $unsubscribed } telah berhenti melanggan.
survey-invite-anonymous = Tinjauan tanpa nama tidak boleh dihantar melalui e-mel: pautan jemputan mengenal pasti pelanggan. Sebaliknya, kongsi pautan awam, widget atau tablet kaunternya.
survey-invite-closed = Tinjauan ini telah ditutup: jemputan tidak lagi boleh dihantar.
survey-invite-mail-off = E-mel belum disediakan untuk taith, jadi jemputan menunggu di sini sehingga e-mel disediakan. Minta pentadbir anda menyediakan e-mel.
survey-invite-waiting = Jemputan dihantar semasa status tinjauan ialah “Aktif”.
survey-invite-stats = Dijemput: { $invited } · dihantar e-mel: { $sent } · diingatkan: { $reminded } · menjawab: { $answered } · berhenti melanggan: { $unsubscribed } · ditahan (had hubungan atau persetujuan): { $skipped }
survey-invite-line = Baris { $line }, { $column }: { $issue }
survey-invite-empty = Sila masukkan sekurang-kurangnya seorang pelanggan.

# Tarikh sebagaimana ditulis oleh papan pemuka.

date-format = { $day } { $month } { $year }
month-1 = Januari
month-2 = Februari
month-3 = Mac
month-4 = April
month-5 = Mei
month-6 = Jun
month-7 = Julai
month-8 = Ogos
month-9 = September
month-10 = Oktober
month-11 = November
month-12 = Disember

# Papan pemuka gambaran keseluruhan.

nav-dashboard = Papan pemuka
dashboard-title = Papan pemuka
dashboard-csv = Muat turun sebagai CSV
dashboard-print = Cetak
dashboard-from = Dari
dashboard-to = Hingga
dashboard-show = Papar
dashboard-period = { $from } hingga { $to }
dashboard-empty = Belum ada tinjauan NPS, CSAT atau CES yang menerima respons.
dashboard-nps = Skor Promoter Bersih (NPS)
dashboard-csat = Kepuasan pelanggan (CSAT)
dashboard-ces = Skor usaha pelanggan (CES)
dashboard-interval = Selang keyakinan 95%: { $low } hingga { $high }
dashboard-n = { $n } respons
dashboard-small-sample = sampel kecil: baca dengan berhati-hati
dashboard-up = Naik { $delta } berbanding tempoh sebelumnya: perubahan yang signifikan.
dashboard-down = Turun { $delta } berbanding tempoh sebelumnya: perubahan yang signifikan.
dashboard-no-significant-change = Tiada perubahan yang signifikan berbanding tempoh sebelumnya.
dashboard-no-previous = Tiada respons dalam tempoh sebelumnya untuk dibandingkan.
dashboard-mixed-scales = Tinjauan ini menggunakan skala yang berbeza, jadi hasilnya tidak digabungkan di sini.
dashboard-chart-alt = { $metric } minggu demi minggu, dengan selang keyakinan 95%; angka-angkanya ada dalam jadual di bawah.
dashboard-point = { $week }: { $value } ({ $n } respons)
dashboard-table = Angka-angka
dashboard-week = Minggu
dashboard-interval-head = Selang keyakinan 95%
dashboard-responses = Respons
dashboard-volume = Respons setiap minggu
dashboard-volume-alt = Respons setiap minggu, dalam bentuk bar; angka-angkanya ada dalam jadual di bawah.
dashboard-volume-point = { $week }: { $n } respons

# Peta perjalanan langsung.

map-live-nps = NPS
map-live-csat = CSAT
map-live-ces = CES
map-live-detail = Selang keyakinan 95% { $low } hingga { $high }, { $n } respons
map-live-up = naik dengan signifikan berbanding tempoh sebelumnya
map-live-down = turun dengan signifikan berbanding tempoh sebelumnya
map-live-pain = Titik kesakitan daripada respons
map-live-stage = { $stage }: { $value } daripada respons
map-live-curve = Daripada respons
map-live-typed = Seperti yang ditaip

# Membandingkan segmen.

dashboard-segments = Bandingkan segmen
dashboard-metric = Ukuran
dashboard-compare-by = Bandingkan mengikut
dashboard-segment = Segmen
dashboard-value = Skor
dashboard-versus-rest = Berbanding semua yang lain
dashboard-chart = Carta
dashboard-dim-channel = Saluran
dashboard-dim-locale = Bahasa
dashboard-dim-touchpoint = Titik sentuh
dashboard-dim-stage = Peringkat
dashboard-dim-journey = Perjalanan

# Papan pemuka satu titik sentuh.

dashboard-distribution = Taburan skor
dashboard-comments = Komen terkini
dashboard-no-comments = Belum ada komen di sini.
dashboard-no-answers-here = Belum ada sesiapa yang menjawab tinjauan di titik sentuh ini dalam tempoh ini.
