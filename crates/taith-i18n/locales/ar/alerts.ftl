# التنبيهات وخطافات الويب.
nav-alerts = التنبيهات
issue-internal-address = هذا العنوان عنوان شبكة داخلية أو يؤدي إلى واحد. لا تُرسَل خطافات الويب إلا إلى عناوين عامة.
alert-metric-nps = صافي نقاط الترويج (NPS)
alert-metric-csat = رضا العملاء (CSAT)
alert-metric-ces = جهد العميل (CES)
alert-metric-volume = عدد الردود
alert-metric-theme_share = نسبة التعليقات عن موضوع
alert-metric-mentions = عدد الإشارات على وسائل التواصل الاجتماعي
alerts-metric-theme-of = نسبة التعليقات عن «{ $theme }»
alerts-summary-below = { $days ->
    [zero] { $metric } أقل من { $value } اليوم
    [one] { $metric } أقل من { $value } خلال اليوم الأخير
    [two] { $metric } أقل من { $value } خلال اليومين الأخيرين
    [few] { $metric } أقل من { $value } خلال آخر { $days } أيام
    [many] { $metric } أقل من { $value } خلال آخر { $days } يومًا
   *[other] { $metric } أقل من { $value } خلال آخر { $days } يوم
}
alerts-summary-above = { $days ->
    [zero] { $metric } أعلى من { $value } اليوم
    [one] { $metric } أعلى من { $value } خلال اليوم الأخير
    [two] { $metric } أعلى من { $value } خلال اليومين الأخيرين
    [few] { $metric } أعلى من { $value } خلال آخر { $days } أيام
    [many] { $metric } أعلى من { $value } خلال آخر { $days } يومًا
   *[other] { $metric } أعلى من { $value } خلال آخر { $days } يوم
}
alerts-summary-change-down = { $days ->
    [one] ينخفض { $metric } انخفاضًا ملحوظًا من يوم إلى الذي يليه
    [two] ينخفض { $metric } انخفاضًا ملحوظًا بين فترتين من يومين
    [few] ينخفض { $metric } انخفاضًا ملحوظًا بين فترتين من { $days } أيام
    [many] ينخفض { $metric } انخفاضًا ملحوظًا بين فترتين من { $days } يومًا
   *[other] ينخفض { $metric } انخفاضًا ملحوظًا بين فترتين من { $days } يوم
}
alerts-summary-change-up = { $days ->
    [one] يرتفع { $metric } ارتفاعًا ملحوظًا من يوم إلى الذي يليه
    [two] يرتفع { $metric } ارتفاعًا ملحوظًا بين فترتين من يومين
    [few] يرتفع { $metric } ارتفاعًا ملحوظًا بين فترتين من { $days } أيام
    [many] يرتفع { $metric } ارتفاعًا ملحوظًا بين فترتين من { $days } يومًا
   *[other] يرتفع { $metric } ارتفاعًا ملحوظًا بين فترتين من { $days } يوم
}
alerts-summary-change-either = { $days ->
    [one] يتغير { $metric } تغيرًا ملحوظًا من يوم إلى الذي يليه
    [two] يتغير { $metric } تغيرًا ملحوظًا بين فترتين من يومين
    [few] يتغير { $metric } تغيرًا ملحوظًا بين فترتين من { $days } أيام
    [many] يتغير { $metric } تغيرًا ملحوظًا بين فترتين من { $days } يومًا
   *[other] يتغير { $metric } تغيرًا ملحوظًا بين فترتين من { $days } يوم
}
alerts-summary-detractor = كل عميل غير راضٍ ({ $metric }) في لحظة الحقيقة
alerts-kind-threshold = يتجاوز الرقم حدًّا معيّنًا
alerts-kind-change = يتغير الرقم تغيرًا ملحوظًا عن الفترة السابقة
alerts-kind-detractor = كل عميل غير راضٍ عند نقطة اتصال هي لحظة الحقيقة
alerts-scope-workspace = النشاط التجاري كله
alerts-scope-journey = رحلة واحدة
alerts-scope-touchpoint = نقطة اتصال واحدة
alerts-scope-segment = شريحة (سمة وقيمة)
alerts-direction-down = ينخفض (أقل من)
alerts-direction-up = يرتفع (أعلى من)
alerts-direction-either = في أي اتجاه
alerts-title = التنبيهات
alerts-lede = اعرف فورًا عندما تنخفض الدرجة، أو تقفز الملاحظات، أو يغادر عميل غير راضٍ لحظة الحقيقة. يُطلَق التنبيه مرة واحدة ثم يبقى صامتًا حتى يزول سببه.
alerts-empty = لا توجد تنبيهات بعد.
alerts-field-name = الاسم
alerts-when = متى
alerts-state = الحالة
alerts-last-value = آخر رقم
alerts-paused = متوقف مؤقتًا
alerts-firing = مُطلَق
alerts-quiet = هادئ
alerts-new = تنبيه جديد
alerts-create = إنشاء التنبيه
alerts-firings = مرات الإطلاق
alerts-no-firings = لم يُطلَق بعد.
alerts-fired-at = أُطلِق
alerts-cleared-at = زال
alerts-value = الرقم
alerts-previous = الفترة السابقة
alerts-n = الردود
alerts-edit = تعديل هذا التنبيه
alerts-save = حفظ التنبيه
alerts-delete = حذف التنبيه
alerts-still-firing = ما زال مُطلَقًا
alerts-done-created = أُنشئ التنبيه. يُفحَص مع وصول الردود وكل دقيقة.
alerts-done-saved = حُفظ التنبيه.
alerts-field-metric = الرقم
alerts-field-theme = الموضوع (لنسبة التعليقات)
alerts-field-direction = الاتجاه
alerts-field-threshold = الحد (لتنبيه الحد)
alerts-field-period = الفترة بالأيام
alerts-field-min = أقل عدد من الردود قبل الحكم
alerts-field-scope = لأي جزء من النشاط التجاري
alerts-field-segment-key = سمة الشريحة (مثل الباقة أو المنطقة)
alerts-field-segment-value = قيمة الشريحة
alerts-field-recipients = أرسل بريدًا إلكترونيًا إلى هؤلاء الأعضاء
alerts-field-enabled = مُفعَّل
alert-mail-subject-fired = تنبيه: { $rule } ({ $business })
alert-mail-subject-cleared = زال: { $rule } ({ $business })
alert-mail-body-fired = أُطلِق التنبيه «{ $rule }»: { $metric } يساوي { $value }.
alert-mail-body-cleared = زال التنبيه «{ $rule }»: { $metric } يساوي { $value }.
alert-mail-previous = في الفترة السابقة كان { $value }.
alert-mail-link = اطّلع على التنبيه: { $link }
webhooks-title = خطافات الويب
webhooks-lede = أرسل التنبيهات والردود الجديدة والتغييرات إلى أنظمتك أو إلى قناة محادثة. تتلقى نقاط النهاية القياسية JSON موقّعًا (Standard Webhooks)، وتتلقى المتوافقة مع Slack رسالة (Slack وMattermost وRocket.Chat).
webhooks-empty = لا توجد نقاط نهاية بعد.
webhooks-field-url = العنوان
webhooks-field-kind = النوع
webhooks-field-events = الأحداث
webhooks-field-description = الوصف
webhooks-field-enabled = مُفعَّلة
webhooks-last-status = آخر تسليم
webhooks-off = متوقفة
webhooks-new = نقطة نهاية جديدة
webhooks-new-hint = يجب أن يكون العنوان عامًا: تُرفَض عناوين الشبكات الداخلية والخاصة.
webhooks-create = إضافة نقطة النهاية
webhooks-endpoint = نقطة نهاية خطاف الويب
webhooks-secret = سرّ التوقيع
webhooks-secret-once = انسخه الآن: لن يُعرَض إلا هذه المرة. استخدمه للتحقق من توقيع كل تسليم.
webhooks-previous-until = السرّ السابق يوقّع أيضًا حتى { $time }.
webhooks-log = سجل التسليم
webhooks-log-empty = لم يُرسَل شيء بعد.
webhooks-event = الحدث
webhooks-state = الحالة
webhooks-attempts = المحاولات
webhooks-status-code = الرد
webhooks-when = آخر تغيير
webhooks-redeliver = إرسال مرة أخرى
webhooks-next-attempt = المحاولة التالية { $time }
webhooks-edit = تعديل نقطة النهاية هذه
webhooks-save = حفظ نقطة النهاية
webhooks-rotate = سرّ جديد
webhooks-rotate-hint = يظل السرّ القديم يوقّع إلى جانب الجديد مدة 24 ساعة، لتنتقل دون أن تفقد أي تسليم.
webhooks-delete = حذف نقطة النهاية
webhooks-done-created = أُضيفت نقطة النهاية.
webhooks-done-saved = حُفظت نقطة النهاية.
webhooks-done-rotated = لنقطة النهاية سرّ جديد.
webhooks-done-redelivered = سيُرسَل التسليم مرة أخرى بعد لحظات.
webhooks-state-pending = بانتظار إعادة المحاولة
webhooks-state-delivered = سُلِّم
webhooks-state-failed = فشل
webhooks-state-none = لم يُرسَل شيء بعد
webhooks-kind-standard = قياسي (JSON موقّع)
webhooks-kind-slack = رسالة متوافقة مع Slack
webhooks-event-alert-fired = أُطلِق تنبيه
webhooks-event-alert-cleared = زال تنبيه
webhooks-event-response-created = رد جديد
webhooks-event-feature-request-status-changed = تغيّرت حالة طلب ميزة
webhooks-event-case-opened = فُتحت حالة
webhooks-event-case-updated = حُدِّثت حالة
webhooks-error-status = ردّ المستقبِل بالرمز { $code }.
webhooks-error-redirect = أعاد المستقبِل التوجيه ({ $code })؛ لا تُتبَع إعادات التوجيه.
webhooks-error-refused = رُفض: العنوان داخلي.
webhooks-error-timeout = لم يردّ المستقبِل في الوقت المحدد.
webhooks-error-connect = تعذّر الاتصال بالمستقبِل.
webhooks-error-other = فشل الطلب.
