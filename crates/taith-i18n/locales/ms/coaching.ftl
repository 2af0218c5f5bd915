nav-coaching = Bimbingan
coaching-title = Bimbingan
coaching-by = Kumpulkan mengikut
coaching-by-agent = Mengikut ejen
coaching-by-team = Mengikut pasukan
coaching-lede = NPS dan kepuasan pelanggan (CSAT) bagi jawapan yang atribut “agent” atau “team”nya menamakan mereka, dengan selang 95%. Minggu dengan sedikit jawapan dilukis berongga.
coaching-own-only = Anda melihat angka anda sendiri: jawapan yang “agent”nya ialah nama anda ({ $name }) atau alamat e-mel anda ({ $email }).
coaching-empty = Tiada jawapan dalam tempoh ini yang mempunyai atribut ini.
coaching-empty-own = Tiada jawapan dalam tempoh ini yang menamakan anda sebagai ejen.
coaching-board-title = Papan pendahulu: { $metric }
coaching-board-too-few = Terlalu sedikit untuk dibandingkan: papan pendahulu memerlukan dua dengan jawapan yang mencukupi.
coaching-board-none-significant = Tiada perbezaan yang signifikan, jadi semua berkongsi tempat pertama.
coaching-board-significant = { $count } perbezaan signifikan; hanya ia yang menentukan kedudukan. Kedudukan yang sama ialah seri.
coaching-board-unranked = Tidak disenaraikan, terlalu sedikit jawapan: { $names }
coaching-rank = Kedudukan
coaching-who = Siapa
coaching-figure = Skor
coaching-praise = Pujian untuk dikongsi

# Case figures per case owner (agent) or per the owner's teams.
coaching-cases = Kes
coaching-cases-handled = { $count ->
   *[other] { $count } kes dikendalikan dalam tempoh ini
}
coaching-cases-hint = Kes dikira untuk pemiliknya: ahli yang nama atau alamat e-melnya ialah nama ejen. Pasukan mengira kes yang dimiliki oleh ahlinya.
