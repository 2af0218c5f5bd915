## Site-wide: the 404 page, the menu, empty states.

site-menu = Menu
site-not-found-title = Halaman tidak dijumpai
site-not-found = Tiada apa-apa di alamat ini. Pautan itu mungkin tersalah taip, atau halaman itu mungkin telah berpindah.
site-not-found-home = Pergi ke halaman utama
site-tokens-empty = Belum ada token API. Cipta satu di bawah apabila sistem lain (mesin juruwang, laman web kedai anda, hamparan) perlu membaca atau menghantar data ruang kerja ini.
datetime-format = { $date }, { $time } UTC
