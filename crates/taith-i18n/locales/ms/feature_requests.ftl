# Papan permintaan ciri, untuk kakitangan dan pelanggan.
nav-requests = Permintaan
