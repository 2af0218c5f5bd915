# Ubao wa maombi ya vipengele, kwa wafanyakazi na wateja.
nav-requests = Maombi
