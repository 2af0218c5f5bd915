## Editing journeys in place: saving, unsaved changes, undo.

editor-status-saving = Sedang menyimpan…
editor-status-saved = Disimpan.
editor-status-invalid = Tidak disimpan: sila betulkan medan yang ditanda.
editor-status-failed = Tidak disimpan: taith tidak dapat dihubungi. Perubahan anda masih di sini; sila cuba lagi.
editor-status-refused = Tidak disimpan: taith menolak perubahan ini (mungkin anda telah dilog keluar). Perubahan anda masih di sini; muat semula halaman dalam tab lain untuk log masuk, kemudian simpan semula.
editor-status-unsaved = Perubahan belum disimpan
editor-kept = Perubahan anda yang belum disimpan dalam kad lain telah dikekalkan. Simpan setiap kad apabila anda bersedia.
editor-without-script = Tanpa JavaScript, setiap butang Simpan hanya menyimpan kadnya sendiri, dan perubahan yang ditaip dalam kad lain hilang apabila halaman dimuat semula: simpan satu kad sebelum menyunting kad seterusnya.
editor-board-hint = Buka kad untuk menyuntingnya di tempatnya. Setiap kad disimpan sendiri; bahagian lain halaman kekal seperti sedia ada.
editor-delete-journey-confirm = Padam perjalanan ini dan seluruh sejarahnya? Anda boleh membuat asal tindakan ini selama beberapa minit.
editor-delete-stage-confirm = Padam peringkat ini dan titik sentuhnya? Anda boleh membuat asal tindakan ini selama beberapa minit.
editor-delete-touchpoint-confirm = Padam titik sentuh ini? Anda boleh membuat asal tindakan ini selama beberapa minit.
editor-saved-details = Butiran perjalanan disimpan.
editor-saved-stage = Peringkat disimpan.
editor-saved-touchpoint = Titik sentuh disimpan.
editor-added-stage = Peringkat ditambah.
editor-added-touchpoint = Titik sentuh ditambah.
editor-moved-stage = Peringkat dialihkan.
editor-undo = Buat asal
editor-undo-hint = { $minutes ->
   *[other] Anda boleh membuat asal tindakan ini selama { $minutes } minit.
}
editor-undone = Dikembalikan ke tempat asalnya, bersama semua yang disimpan sejak itu.
editor-journey-deleted = Perjalanan “{ $name }” dipadam.
editor-journey-undeleted = Perjalanan dikembalikan, bersama seluruh sejarahnya.
editor-undo-late = Tindakan ini tidak boleh dibuat asal lagi. Versi terdahulu masih boleh dipulihkan daripada sejarah.
editor-undo-nothing = Tiada apa-apa untuk dibuat asal: ia sudah kembali.
editor-map-region = Peta perjalanan (tatal untuk melihat setiap peringkat)
history-restore-hint = Memulihkan versi menyimpannya semula sebagai versi terbaharu: tiada apa-apa dalam sejarah yang hilang, dan anda boleh memulihkan mana-mana versi lain selepas itu.
history-restore-version = Pulihkan versi { $version }
history-restore-explained = Peta akan menjadi seperti versi { $version }, disimpan sebagai versi { $next }. Tiada apa-apa dalam sejarah yang hilang.
history-restored = Versi { $version } dipulihkan: peta menunjukkannya semula, disimpan sebagai versi { $current }.
history-see-map = Lihat peta
