# Sauti ya mteja: kichunguzi cha maoni na mada.
nav-voc = Maoni
