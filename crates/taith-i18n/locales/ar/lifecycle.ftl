# دورة حياة العميل: العملاء ← الاحتفاظ، والخط الزمني للعميل.
nav-retention = الاحتفاظ
retention-title = العملاء: الاحتفاظ
retention-lede = معدل فقدان العملاء: العملاء الذين فُقدوا في الفترة من بين من كانوا في بدايتها. معدل الاحتفاظ: العملاء الذين كانوا في البداية وما زالوا عملاء في النهاية، من بين من كانوا في البداية. كلاهما مع فترة الثقة 95٪.
retention-counts = في البداية { $start } · في النهاية { $end } · جدد { $new } · فُقدوا { $lost }
retention-churn-rate = معدل فقدان العملاء
retention-retention-rate = معدل الاحتفاظ
retention-cohorts = مجموعات الاحتفاظ
retention-cohorts-hint = العملاء مجمّعون حسب الشهر الذي بدؤوا فيه؛ كل عمود هو نسبة من بقوا عملاء في نهاية ذلك الشهر بعد البداية.
retention-none = لا يوجد عميل له تاريخ بداية بعد.
retention-chart-description = نسبة كل مجموعة حسب شهر البداية ممن بقوا عملاء، شهرًا بعد شهر.
retention-cohort = البداية
retention-size = العملاء
retention-month-n = الشهر { $n }
retention-nps = صافي نقاط الترويج (NPS) للعملاء المفقودين والمحتفَظ بهم
retention-interval = فترة الثقة 95٪
retention-answered = أجابوا
retention-churned = فُقدوا في الفترة
retention-retained = محتفَظ بهم
retention-customers = { $count ->
    [one] عميل واحد
    [two] عميلان
    [few] { $count } عملاء
   *[other] { $count } عميل
}
retention-nps-too-few = الإجابات أقل من أن تُقارن.
retention-nps-significant = يختلف NPS العملاء المفقودين عن المحتفَظ بهم بمقدار { $delta } نقطة: فرق ذو دلالة إحصائية.
retention-nps-not-significant = الفرق، { $delta } نقطة، ليس ذا دلالة إحصائية.
timeline-title = الخط الزمني
timeline-email = البريد الإلكتروني
timeline-locale = لغة العميل
timeline-locale-unknown = غير معروفة
timeline-span = العميل
timeline-span-none = لم يُسجَّل تاريخ بداية
timeline-span-since = منذ { $start }
timeline-span-ended = من { $start } إلى { $end }
timeline-unnamed = عميل بلا اسم
timeline-empty = لم يُسجَّل شيء لهذا العميل بعد.
timeline-response = أجاب عن «{ $survey }»
timeline-survey-gone = استبيان محذوف
timeline-score = الدرجة { $score }
timeline-conversation = محادثة دعم
timeline-status-open = مفتوحة
timeline-status-pending = قيد الانتظار
timeline-status-snoozed = مؤجلة
timeline-status-resolved = محلولة
timeline-customer = العميل
timeline-us = نحن
timeline-case = الحالة { $number }
timeline-invitation = دُعي إلى استبيان
timeline-invitation-waiting = بانتظار الإرسال
timeline-invitation-sent = أُرسلت { $at }
timeline-lifecycle-started = أصبح عميلًا
timeline-lifecycle-ended = توقف عن كونه عميلًا
timeline-lifecycle-renewed = جدّد
retention-repeat-purchase = معدل تكرار الشراء
retention-repeat-counts = اشترى { $count } من العملاء مرتين أو أكثر، من أصل { $buyers } اشتروا
timeline-event-page-view = شاهد صفحة
timeline-event-search = بحث في الموقع
timeline-event-results = { $count ->
    [one] نتيجة واحدة
    [two] نتيجتان
    [few] { $count } نتائج
   *[other] { $count } نتيجة
}
timeline-event-conversion = اشترى أو حقق هدفًا
timeline-event-task = أنجز مهمة
timeline-event-task-done = تمت
timeline-event-task-failed = لم تتم
timeline-event-error = واجه خطأ
timeline-event-click = تبع رابطًا
