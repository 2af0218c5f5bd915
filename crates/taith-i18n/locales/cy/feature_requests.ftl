# Bwrdd ceisiadau am nodweddion, i staff ac i gwsmeriaid.
nav-requests = Ceisiadau
