## The kiosk.

# The countdown back to the start, seconds left (1 to 20).
kiosk-countdown = { $seconds ->
    [one] البدء من جديد بعد ثانية واحدة
    [two] البدء من جديد بعد ثانيتين
    [few] البدء من جديد بعد { $seconds } ثوانٍ
   *[other] البدء من جديد بعد { $seconds } ثانية
}
kiosk-more-time = أحتاج إلى مزيد من الوقت
kiosk-next-customer = العميل التالي

# Offline: answers kept on the tablet until the network returns (assets/kiosk.js). The
# number of answers follows "kept" in its own element.
kiosk-offline-title = لا يوجد اتصال
kiosk-offline-sending = جارٍ إرسال الإجابات المحفوظة على هذا الجهاز
kiosk-offline-kept = الإجابات المحفوظة على هذا الجهاز:
kiosk-offline-later = ستُرسَل عند عودة الشبكة.
kiosk-offline-thanks = شكرًا لك: حُفظت إجابتك.
