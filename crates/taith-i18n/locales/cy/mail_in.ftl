# E-bost i mewn: post a anfonir ymlaen neu a bostir i taith yn troi'n sgyrsiau cymorth.
nav-email = E-bost
mail-in-title = E-bost i mewn
mail-in-lede = Mae post y mae eich cwsmeriaid yn ei anfon i'ch cyfeiriad cymorth yn troi'n sgwrs yma, ac mae atebion a ysgrifennir yn taith yn mynd yn ôl atynt drwy e-bost.
mail-in-forward = Anfonwch eich post ymlaen
mail-in-forward-hint = Anfonwch eich cyfeiriad cymorth ymlaen i'r cyfeiriad hwn (rheol anfon ymlaen gyda'ch darparwr post, neu gofnod MX):
mail-in-no-smtp = Nid yw'r gweinydd hwn yn derbyn post drwy SMTP. Postiwch eich post i'r cyfeiriad isod, neu gofynnwch i bwy bynnag sy'n rhedeg taith ei gychwyn gyda --smtp-listen.
mail-in-post = Postio post o ddarparwr
mail-in-post-hint = Gall bachyn gwe post i mewn darparwr bostio pob neges amrwd yma, wedi'i llofnodi gyda'r gyfrinach isod:
mail-in-secret = Cyfrinach llofnodi
mail-in-signature-hint = Anfonwch y pennawd X-Taith-Signature: sha256= ac yna HMAC-SHA256 y corff mewn hecs, gyda'r gyfrinach hon yn allwedd.
mail-in-rotate = Gwneud cyfrinach newydd
mail-in-address = Eich cyfeiriad eich hun
mail-in-address-hint = Os ydych yn anfon cyfeiriad eich hun (fel support@eich-busnes.example) ymlaen i dderbynnydd SMTP taith, enwch ef yma: daw post ato i'r gweithle hwn, ac ni atebir post ohono byth.
mail-in-field-address = Cyfeiriad
mail-in-save = Cadw
mail-in-limits = Beth a dderbynnir
mail-in-limit-message = Negeseuon hyd at { $mb } MB.
mail-in-limit-attachments = Cedwir atodiadau hyd at { $each } MB yr un a { $total } MB y neges; rhestrir rhai mwy ond nis cedwir.
mail-in-loops = Cofnodir post awtomatig (atebion awtomatig, rhestrau post, negeseuon a wrthodwyd, post o'ch cyfeiriad eich hun) ond nis atebir byth.
mail-in-done-saved = Mae'r cyfeiriad wedi'i gadw.
mail-in-done-rotated = Mae cyfrinach newydd wedi'i gwneud; gwrthodir post a lofnodwyd gyda'r hen un o hyn ymlaen.
