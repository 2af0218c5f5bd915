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
