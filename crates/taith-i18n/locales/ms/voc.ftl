# Suara pelanggan: penjelajah komen dan tema.
nav-voc = Komen
