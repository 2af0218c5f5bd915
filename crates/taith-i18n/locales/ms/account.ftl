## The account page, password change and reset.

account-title = Akaun anda
account-profile = Nama dan bahasa
account-language = Bahasa
account-language-browser = Bahasa pelayar saya
account-language-hint = taith menggunakan bahasa ini dengan anda pada setiap peranti tempat anda log masuk. Menu bahasa di bahagian atas juga menukarnya.
account-saved-profile = Nama dan bahasa anda telah disimpan.
account-saved-password = Kata laluan anda telah ditukar. Setiap pelayar lain yang log masuk sebagai anda telah dilog keluar.
account-saved-session = Pelayar itu telah dilog keluar.
account-saved-others = Setiap pelayar lain telah dilog keluar.

account-password = Kata laluan
account-password-current = Kata laluan semasa
account-password-new = Kata laluan baharu
account-password-rule = Sekurang-kurangnya 10 aksara. Beberapa perkataan yang anda ingat ialah kata laluan yang baik.
account-password-current-wrong = Itu bukan kata laluan semasa anda.
account-password-others-out = Menukarnya akan melog keluar anda pada setiap pelayar lain; pelayar ini kekal log masuk.
account-password-submit = Tukar kata laluan

account-sessions = Tempat anda log masuk
account-sessions-intro = Setiap pelayar yang log masuk sebagai anda. Log keluar pelayar yang anda tidak kenali, atau yang anda tinggalkan dalam keadaan log masuk di mana-mana.
account-sessions-browser = Pelayar
account-sessions-since = Log masuk pada
account-sessions-until = Log masuk hingga
account-sessions-this = Pelayar ini
account-sessions-unknown-browser = Pelayar tidak diketahui
account-sessions-sign-out = Log keluar
account-sessions-others = Log keluar di semua tempat lain
account-sessions-others-confirm = Log keluar setiap pelayar lain yang log masuk sebagai anda?
account-sessions-none-else = Anda log masuk pada pelayar ini sahaja.

account-forgot-link = Terlupa kata laluan?
account-forgot-title = Terlupa kata laluan?
account-forgot-intro = Taipkan alamat e-mel yang anda gunakan untuk log masuk. Kami akan menghantar pautan melalui e-mel untuk anda memilih kata laluan baharu.
account-forgot-submit = Hantar pautan kepada saya
account-forgot-sent = Jika ada akaun dengan alamat itu, pautan untuk memilih kata laluan baharu sedang dihantar kepadanya.
account-forgot-expiry = { $minutes ->
   *[other] Pautan itu boleh digunakan sekali sahaja, dalam masa { $minutes } minit.
}
account-forgot-spam = Tiada apa-apa selepas beberapa minit? Semak folder spam anda, atau tanya orang yang menguruskan taith untuk anda.
account-back-to-sign-in = Kembali ke log masuk

account-reset-title = Pilih kata laluan baharu
account-reset-submit = Tetapkan kata laluan baharu
account-reset-signs-out = Menetapkannya akan melog keluar anda di semua tempat; kemudian anda log masuk dengan kata laluan baharu.
account-reset-done = Kata laluan anda telah ditukar. Log masuk dengan kata laluan baharu.
account-reset-dead-title = Pautan ini tidak lagi berfungsi
account-reset-dead = Pautan ini sudah digunakan, atau sudah terlalu lama.
account-reset-ask-again = Minta pautan baharu

account-reset-mail-subject = Pilih kata laluan taith baharu
account-reset-mail-greeting = Helo { $name },
account-reset-mail-intro = Seseorang meminta untuk menetapkan semula kata laluan akaun taith bagi { $email }. Jika itu anda, pilih kata laluan baharu di sini:
account-reset-mail-action = Pilih kata laluan baharu
account-reset-mail-expiry = { $minutes ->
   *[other] Pautan itu boleh digunakan sekali sahaja, dalam masa { $minutes } minit.
}
account-reset-mail-ignore = Jika anda tidak memintanya, abaikan e-mel ini: kata laluan anda kekal seperti sedia ada.

## What each role may do, where roles are chosen.
roles-explained = Apa yang boleh dilakukan oleh setiap peranan
role-owner-explained = Semuanya: menyunting perjalanan, tinjauan dan persona, mengurus ahli dan token API, serta melantik pemilik lain.
role-admin-explained = Semua yang dilakukan pemilik, kecuali melantik pemilik.
role-analyst-explained = Membaca perjalanan, angka dan setiap jawapan berserta komennya; tidak mengubah apa-apa.
role-agent-explained = Membaca semuanya, merekodkan jawapan bagi pihak pelanggan, dan menyunting titik sentuh miliknya.
role-viewer-explained = Melihat perjalanan dan angka, tetapi bukan apa yang ditulis oleh setiap pelanggan.
