# Llais y cwsmer: archwilio sylwadau a themâu.
nav-voc = Sylwadau
