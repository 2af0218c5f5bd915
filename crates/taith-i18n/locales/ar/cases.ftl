# الحالات: متابعة العملاء غير الراضين.
nav-cases = الحالات
cases-title = الحالات
cases-mine-title = حالاتي
cases-visible-title = حالات يمكنني تولّيها
cases-views = عروض الحالات
cases-lede = متابعة العملاء غير الراضين: تُفتح بقواعد استبياناتك أو يدويًا، ولكل منها مسؤول وموعد نهائي.
cases-mine-lede = الحالات المسندة إليك. ابدأ بالجديدة؛ المتأخرة مميّزة.
cases-settings-title = إعدادات الحالات
cases-number = الحالة { $number }
cases-status-open = مفتوحة
cases-status-in-progress = قيد المعالجة
cases-status-waiting-for-customer = بانتظار العميل
cases-status-resolved = تم حلّها
cases-status-closed-no-action = أُغلقت دون إجراء
cases-source = طريقة الفتح
cases-source-score = بقاعدة الاستبيان: درجة منخفضة
cases-source-sentiment = بقاعدة الاستبيان: تعليق سلبي
cases-source-response = يدويًا، من إجابة
cases-source-feature-request = يدويًا، من طلب ميزة
cases-source-manual = يدويًا
cases-field-status = الحالة الراهنة
cases-field-owner = المسؤول
cases-field-touchpoint = نقطة الاتصال
cases-field-root-cause = السبب الجذري
cases-field-note = ملاحظة
cases-field-reply = ردّك
cases-filter = تصفية
cases-filter-active = ما زالت نشطة
cases-filter-all = كل الحالات
cases-filter-anyone = أي شخص
cases-filter-anywhere = أي نقطة اتصال
cases-filter-overdue = المتأخرة فقط
cases-none = لا توجد حالات مطابقة.
cases-more = حالات أقدم
cases-col-case = الحالة
cases-col-due = الموعد
cases-col-opened = فُتحت في
cases-col-cases = الحالات
cases-overdue = متأخرة
cases-due-in-hours = { $count ->
    [zero] مستحقة خلال أقل من ساعة
    [one] مستحقة خلال ساعة واحدة
    [two] مستحقة خلال ساعتين
    [few] مستحقة خلال { $count } ساعات
    [many] مستحقة خلال { $count } ساعة
   *[other] مستحقة خلال { $count } ساعة
}
cases-due-in-days = { $count ->
    [zero] مستحقة اليوم
    [one] مستحقة خلال يوم واحد
    [two] مستحقة خلال يومين
    [few] مستحقة خلال { $count } أيام
    [many] مستحقة خلال { $count } يومًا
   *[other] مستحقة خلال { $count } يوم
}
cases-overdue-by-hours = { $count ->
    [zero] متأخرة أقل من ساعة
    [one] متأخرة ساعة واحدة
    [two] متأخرة ساعتين
    [few] متأخرة { $count } ساعات
    [many] متأخرة { $count } ساعة
   *[other] متأخرة { $count } ساعة
}
cases-overdue-by-days = { $count ->
    [zero] متأخرة أقل من يوم
    [one] متأخرة يومًا واحدًا
    [two] متأخرة يومين
    [few] متأخرة { $count } أيام
    [many] متأخرة { $count } يومًا
   *[other] متأخرة { $count } يوم
}
cases-due-at = مستحقة في { $when }
cases-nobody = لا أحد
cases-former-member = عضو سابق
cases-no-touchpoint = بلا نقطة اتصال
cases-no-root-cause = غير محدد
cases-anonymous = عميل مجهول
cases-customer = العميل
cases-first-action = أول إجراء
cases-resolution = الحل
cases-response = ما قاله العميل
cases-no-comment = لا تعليق، درجة فقط.
cases-from-request = فُتحت من طلب الميزة:
cases-work = العمل على الحالة
cases-save = حفظ
cases-saved = تم الحفظ.
cases-opened = فُتحت الحالة.
cases-existing = لهذه الإجابة حالة من قبل: ها هي.
cases-conflict = غيّر شخص آخر هذه الحالة منذ أن فتحتها. لم يُحفظ شيء: راجع الحالة كما هي الآن ثم احفظ مرة أخرى. ما كتبته ما زال في النموذج.
cases-add-note = إضافة ملاحظة
cases-add-note-button = أضف الملاحظة
cases-reply = الرد على العميل
cases-reply-hint = بالبريد الإلكتروني إلى { $to }، مصاغًا بلغة { $language }. لا يلزم أن يردّ العميل كي تغلق الحالة.
cases-send-reply = إرسال الرد
cases-no-address = ليس لدينا عنوان بريد إلكتروني لهذا العميل، لذا لا يمكنك الرد من هنا.
cases-replies = الردود
cases-reply-sent = أُرسل في { $when }
cases-reply-waiting = بانتظار الإرسال
cases-log = السجل
cases-log-opened-score = فتح الحالة (درجة منخفضة)
cases-log-opened-sentiment = فتح الحالة (تعليق سلبي)
cases-log-opened-response = فتح الحالة من إجابة
cases-log-opened-feature-request = فتح الحالة من طلب ميزة
cases-log-opened-manual = فتح الحالة
cases-log-status = غيّر الحالة من { $from } إلى { $to }
cases-log-owner = غيّر المسؤول من { $from } إلى { $to }
cases-log-root-cause = غيّر السبب الجذري من { $from } إلى { $to }
cases-log-note = أضاف ملاحظة
cases-log-reply = ردّ على العميل
cases-open-button = فتح حالة
cases-sla = مستوى الخدمة
cases-sla-hint = متى يجب أن يتخذ شخص إجراءً بشأن حالة جديدة ومتى تُحل، محسوبًا بساعات العمل: لا تُحسب الليالي وعطلات نهاية الأسبوع وأيام الإجازة. تسري التغييرات على الحالات التي تُفتح من الآن.
cases-field-first-action-hours = أول إجراء خلال (ساعات عمل)
cases-field-resolve-hours = الحل خلال (ساعات عمل)
cases-field-day-start = بداية يوم العمل (سس:دد)
cases-field-day-end = نهاية يوم العمل (سس:دد)
cases-field-days = أيام العمل
cases-field-utc-offset = الفرق عن التوقيت العالمي (مثل ‎+03:00)
cases-day-mon = الاثنين
cases-day-tue = الثلاثاء
cases-day-wed = الأربعاء
cases-day-thu = الخميس
cases-day-fri = الجمعة
cases-day-sat = السبت
cases-day-sun = الأحد
cases-root-causes = الأسباب الجذرية
cases-root-causes-hint = سبب واحد في كل سطر. السبب الذي تحذفه يبقى في الحالات التي تذكره.
cases-cause-line-error = السطر { $line }: { $issue }
cases-rules = قواعد الفتح
cases-rules-hint = أي الإجابات تفتح حالة من تلقاء نفسها. الدرجة المنخفضة هي صافي نقاط الترويج (NPS) من 0 إلى 6، أو أدنى نقطتين في مقياس رضا العملاء (CSAT) أو CES.
cases-rules-none = لا توجد استبيانات بعد.
cases-rules-survey = الاستبيان
cases-rule-low-score = درجة منخفضة
cases-rule-negative-comment = تعليق سلبي
cases-settings-saved = حُفظت الإعدادات.
cases-teams = الفرق
cases-teams-hint = مثل: المتجر، التوصيل
cases-figures-title = متابعة العملاء غير الراضين
cases-opened-count = { $count ->
    [zero] لم تُفتح أي حالة في هذه الفترة
    [one] فُتحت حالة واحدة في هذه الفترة
    [two] فُتحت حالتان في هذه الفترة
    [few] فُتحت { $count } حالات في هذه الفترة
    [many] فُتحت { $count } حالة في هذه الفترة
   *[other] فُتحت { $count } حالة في هذه الفترة
}
cases-small-sample = عيّنة صغيرة
cases-see-all = عرض الحالات
cases-mean = المتوسط
cases-median = الوسيط
cases-p90 = المئين التسعون
cases-counted = المحسوبة
cases-time-first-action = الوقت حتى أول إجراء
cases-time-resolution = الوقت حتى الحل
cases-hours-value = { $hours } ساعة
cases-count = { $count ->
    [zero] لا حالات
    [one] حالة واحدة
    [two] حالتان
    [few] { $count } حالات
    [many] { $count } حالة
   *[other] { $count } حالة
}
cases-open-apart = { $count ->
    [zero] لا شيء بانتظار
    [one] واحدة ما زالت بانتظار
    [two] اثنتان ما زالتا بانتظار
    [few] { $count } ما زالت بانتظار
    [many] { $count } ما زالت بانتظار
   *[other] { $count } ما زالت بانتظار
}
cases-share-overdue = نسبة المتأخرة
cases-percent = { $value }٪
cases-interval = (فاصل الثقة 95٪ { $low }–{ $high }٪)
cases-causes-by-touchpoint = الأسباب الجذرية حسب نقطة الاتصال
cases-mail-subject = ملاحظاتك إلى { $business }
cases-mail-greeting = مرحبًا { $name }،
cases-mail-greeting-anonymous = مرحبًا،
cases-mail-intro = شكرًا لأنك أخبرت { $business } برأيك في تجربتك. هذا ردّنا:
cases-mail-footer = { $business } · الحالة { $number }
