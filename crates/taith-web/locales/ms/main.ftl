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
