# الأحداث والمواقع: إعداد أداة التتبع على الويب وأحدث الأحداث.
nav-sites = المواقع
events-sites-title = المواقع
events-sites-new = موقع جديد
events-sites-lede = مواقع الويب التي تسجّل أداة التتبع فيها ما يفعله العملاء: مشاهدات الصفحات وعمليات البحث والأهداف والأخطاء، وكلٌّ منها على نقطة اتصال بحسب عنوانه.
events-sites-empty = لا توجد مواقع بعد. أضف متجرك الإلكتروني لتسجيل ما يفعله العملاء فيه.
events-sites-field-name = الاسم
events-sites-field-hostnames = أسماء المضيفين
events-sites-hostnames-hint = اسم واحد في كل سطر، مثل shop.example أو ‎*.shop.example. لا تُسجَّل إلا صفحات هذه المضيفات.
events-sites-field-search-param = معامل البحث
events-sites-patterns = الصفحات ونقاط الاتصال
events-sites-patterns-hint = الصفحة التي يطابق مسارها نمطًا تنتمي إلى نقطة الاتصال الخاصة به؛ الرمز * يطابق أي شيء، ويُعتمد أول تطابق.
events-sites-field-pattern = نمط المسار
events-sites-key = مفتاح الموقع
events-sites-snippet = أداة التتبع
events-sites-snippet-hint = الصق هذا السطر في كل صفحة من صفحات الموقع، قبل ‎</head>‎:
events-sites-privacy = لا ملفات تعريف ارتباط ولا تخزين محلي: يُحسب الزوار برمز مجهول يتغير كل يوم. ولا يُرسَل شيء عندما يطلب المتصفح عدم التتبع (Do Not Track وGlobal Privacy Control).
events-sites-settings = الإعدادات
events-sites-create = إنشاء الموقع
events-sites-save = حفظ
events-sites-delete = حذف الموقع
events-sites-delete-confirm = هل تريد حذف هذا الموقع؟ ستتوقف أداة التتبع عن التسجيل، وتبقى الأحداث المسجلة.
events-sites-done-created = تم إنشاء الموقع. الصق أداة التتبع في صفحات الموقع.
events-sites-done-saved = تم الحفظ.
events-latest = أحدث الأحداث
events-latest-empty = لا توجد أحداث بعد.
events-field-when = متى
events-field-type = ماذا
events-field-page = الصفحة
events-field-touchpoint = نقطة الاتصال
events-field-detail = التفاصيل
events-type-page-view = مشاهدة صفحة
events-type-search = بحث
events-type-conversion = هدف
events-type-task = مهمة
events-type-error = خطأ
events-type-click = نقرة على رابط خارجي
events-task-success = نجحت
events-task-failure = فشلت
events-detail-results = { $count ->
    [zero] لا نتائج
    [one] نتيجة واحدة
    [two] نتيجتان
    [few] { $count } نتائج
   *[other] { $count } نتيجة
}
events-detail-seconds = { $seconds } ث
