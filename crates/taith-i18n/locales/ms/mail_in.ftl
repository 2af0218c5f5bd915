# E-mel masuk: mel yang dimajukan atau dihantar ke taith menjadi perbualan sokongan.
nav-email = E-mel
mail-in-title = E-mel masuk
mail-in-lede = Mel yang dihantar oleh pelanggan anda ke alamat sokongan anda menjadi perbualan di sini, dan balasan yang ditulis dalam taith dihantar kembali kepada mereka melalui e-mel.
mail-in-forward = Majukan mel anda
mail-in-forward-hint = Majukan alamat sokongan anda ke alamat ini (peraturan pemajuan di pembekal mel anda, atau rekod MX):
mail-in-no-smtp = Pelayan ini tidak menerima mel melalui SMTP. Hantar mel anda ke alamat di bawah, atau minta pengendali taith memulakannya dengan --smtp-listen.
mail-in-post = Hantar mel dari pembekal
mail-in-post-hint = Webhook mel masuk pembekal mel boleh menghantar setiap mesej mentah ke sini, ditandatangani dengan rahsia di bawah:
mail-in-secret = Rahsia tandatangan
mail-in-signature-hint = Hantar pengepala X-Taith-Signature: sha256= diikuti HMAC-SHA256 badan mesej dalam heks, dengan rahsia ini sebagai kunci.
mail-in-rotate = Buat rahsia baharu
mail-in-address = Alamat anda sendiri
mail-in-address-hint = Jika anda memajukan alamat anda sendiri (seperti support@perniagaan-anda.example) ke penerima SMTP taith, namakan di sini: mel kepadanya masuk ke ruang kerja ini, dan mel daripadanya tidak akan dibalas.
mail-in-field-address = Alamat
mail-in-save = Simpan
mail-in-limits = Apa yang diterima
mail-in-limit-message = Mesej sehingga { $mb } MB.
mail-in-limit-attachments = Lampiran sehingga { $each } MB setiap satu dan { $total } MB setiap mesej disimpan; yang lebih besar disenaraikan tetapi tidak disimpan.
mail-in-loops = Mel automatik (balasan automatik, senarai mel, mel yang melantun, mel dari alamat anda sendiri) direkodkan tetapi tidak pernah dibalas.
mail-in-done-saved = Alamat telah disimpan.
mail-in-done-rotated = Rahsia baharu telah dibuat; mel yang ditandatangani dengan rahsia lama ditolak mulai sekarang.
