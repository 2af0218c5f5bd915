## Site-wide: the 404 page, the menu, empty states.

site-menu = Dewislen
site-not-found-title = Heb ddod o hyd i'r dudalen
site-not-found = Does dim byd yn y cyfeiriad hwn. Efallai fod camgymeriad yn y ddolen, neu fod y dudalen wedi symud.
site-not-found-home = Mynd i'r dudalen gychwyn
site-tokens-empty = Does dim tocynnau API eto. Crëwch un isod pan fydd system arall (til, gwefan eich siop, taenlen) angen darllen neu anfon data'r gweithle hwn.
datetime-format = { $date }, { $time } UTC
