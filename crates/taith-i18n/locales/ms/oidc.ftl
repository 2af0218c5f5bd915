oidc-sign-in-with = Log masuk dengan { $provider }
oidc-or-password = Atau log masuk dengan alamat e-mel dan kata laluan anda di bawah.
oidc-not-this-attempt = Log masuk itu tidak dapat diselesaikan. Sila mulakan semula.
oidc-bad-token = Jawapan daripada penyedia identiti anda tidak dapat disemak, jadi anda belum log masuk. Sila cuba lagi, atau maklumkan kepada orang yang menguruskan log masuk anda.
oidc-unverified = Penyedia identiti anda belum mengesahkan alamat e-mel ini, jadi anda belum log masuk.
oidc-no-account = Tiada akaun taith yang menggunakan alamat yang diberikan oleh penyedia identiti anda. Minta salah seorang pemilik ruang kerja anda menambah anda sebagai ahli.
oidc-provider-failed = Penyedia identiti anda tidak dapat dihubungi. Sila cuba lagi, atau log masuk dengan kata laluan anda.
