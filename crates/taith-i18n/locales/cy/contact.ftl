# The contact budget and consent (taith_app::contact).
nav-contact = Cyllideb cysylltu
contact-title = Cyllideb cysylltu
contact-lede = Pa mor aml y cewch ofyn i un cwsmer am adborth, ar draws pob arolwg a sianel: gwahoddiadau e-bost, nodiadau atgoffa a'r teclyn.
contact-policy = Polisi
contact-summary = Dim mwy na { $asks } cais mewn { $days } diwrnod, a dim un am { $quiet } diwrnod ar ôl i'r cwsmer ateb.
contact-field-max-asks = Uchafswm y ceisiadau
contact-field-window-days = Mewn sawl diwrnod
contact-field-quiet-days = Diwrnodau tawel ar ôl ymateb
contact-field-count-notices = Mae hysbysiadau "Fe wnaethon ni" yn cyfrif fel ceisiadau hefyd
contact-save = Cadw
contact-saved = Mae'r gyllideb cysylltu wedi'i chadw.
contact-consent = Caniatâd
contact-consent-hint = Mae pob cwsmer yn dweud pa e-byst y mae'n cytuno i'w cael ar y dudalen dewisiadau sy'n gysylltiedig â phob gwahoddiad; mae llinell amser cwsmer yn dangos beth ddywedodd, sut a phryd.
mail-preferences = Dewiswch pa e-byst a gewch
preferences-title = Eich dewisiadau e-bost
preferences-explain = Dewiswch beth gaiff { $business } ei anfon atoch.
preferences-legend = Anfonwch ataf
preferences-surveys = Ceisiadau am adborth gan { $business }
preferences-notices = Newyddion am yr hyn a newidiodd { $business } ar ôl adborth cwsmeriaid
preferences-save = Cadw fy newisiadau
preferences-saved = Mae eich dewisiadau wedi'u cadw.
timeline-contact = Cyllideb cysylltu
timeline-contact-asked = { $count ->
    [one] gofynnwyd { $count } waith mewn { $days } diwrnod
   *[other] gofynnwyd { $count } gwaith mewn { $days } diwrnod
}
timeline-contact-now = gellir gofyn nawr
timeline-contact-next = nesaf yn bosibl ar { $date }
timeline-contact-no-consent = peidio â gofyn: caniatâd wedi'i dynnu'n ôl
timeline-consent = Caniatâd
timeline-consent-surveys = Arolygon
timeline-consent-notices = Hysbysiadau "Fe wnaethon ni"
timeline-consent-granted = ie
timeline-consent-withdrawn = wedi'i dynnu'n ôl
timeline-consent-default = { $purpose }: { $state }
timeline-consent-recorded = { $purpose }: { $state } ({ $source }, { $date })
consent-source-unsubscribe-link = dolen dad-danysgrifio
consent-source-preference-page = tudalen dewisiadau
consent-source-api = API
consent-source-import = mewnforio
