# الإشارات على الرحلة: مؤشرات السلوك والدعم عند كل نقطة اتصال، ونسبة الانسحاب.
# The arrow points from the first touchpoint to the next as read right to left.
signal-metric-visitors = الزوار
signal-metric-page_views = مشاهدات الصفحات
signal-metric-bounce_rate = معدل الارتداد
signal-metric-conversion_rate = معدل التحويل
signal-metric-session_duration = مدة الزيارة
signal-metric-task_success_rate = معدل نجاح المهام
signal-metric-error_rate = معدل الأخطاء
signal-metric-search_zero_result_rate = عمليات بحث بلا نتائج
signal-metric-first_response_time = وقت الرد الأول
signal-metric-resolution_time = وقت الحل
signal-metric-reopen_rate = معدل إعادة الفتح
signal-metric-with-goal = { $name } ({ $goal })
signal-percent = { $value }٪
signal-seconds = { $value } ثانية
signal-minutes = { $value } دقيقة
signal-hours = { $value } ساعة
signal-no-data = لا بيانات في هذه الفترة
signal-detail-rate = { $n ->
    [one] فترة الثقة 95٪: { $low }–{ $high }٪، العدد المحتسَب: { $n }
   *[other] فترة الثقة 95٪: { $low }–{ $high }٪، العدد المحتسَب: { $n }
}
signal-detail-n = { $n ->
    [one] العدد المحتسَب: { $n }
   *[other] العدد المحتسَب: { $n }
}
signal-few = العدد المحتسَب قليل، اقرأ بحذر
signal-heading = السلوك والدعم
signal-none = لم تُختر بعد أي مؤشرات للسلوك أو الدعم لنقطة الاتصال هذه.
signal-choose = المؤشرات المعروضة على خريطة الرحلة
signal-choose-hint = اختر حتى أربعة مؤشرات لنقطة الاتصال هذه. تعرضها خريطة الرحلة الحية بجانب ما قاله العملاء هنا، مع سهم عندما يكون التغيّر عن الفترة السابقة ذا دلالة إحصائية.
signal-group-web = على الويب (من أداة التتبع وواجهة برمجة الأحداث)
signal-group-support = في الدعم (المحادثات حول نقطة الاتصال هذه)
signal-figure = المؤشر
signal-goal = هدف معدل التحويل
signal-goal-hint = اسم الهدف الذي يرسله موقعك، مثل order. اتركه فارغًا لاحتساب أي هدف.
signal-save = حفظ المؤشرات
signal-saved = تم حفظ المؤشرات. تعرضها خريطة الرحلة الآن.
signal-drop-off-lane = نسبة الانسحاب
signal-drop-off = { $from } ← { $to }: { $rate }٪ من الزيارات لم تواصل (واصلت { $went } من أصل { $reached } زيارة)
