# محادثات الدعم: صفحة الدعم.
nav-support = الدعم
support-title = الدعم
support-lede = محادثات الدعم التي بدأت في هذه الفترة، من كل مكتب دعم وصندوق وارد: مدى سرعة حصول العملاء على أول رد، والوقت حتى حل سؤالهم، وعدد المرات التي اضطروا فيها إلى العودة.
support-show-business-hours = احتساب ساعات العمل فقط
support-show-wall-clock = احتساب كل الساعات
support-in-business-hours = تُحتسب الأوقات ضمن ساعات العمل في إعدادات الحالات فقط.
support-in-wall-clock = تُحتسب الأوقات بكل الساعات، بما فيها الليالي وعطلات نهاية الأسبوع.
support-few = محادثات قليلة، اقرأ بحذر
support-conversations = { $count ->
    [one] محادثة واحدة
    [two] محادثتان
    [few] { $count } محادثات
   *[other] { $count } محادثة
}
support-times = أوقات الرد والحل
support-mean = المتوسط
support-median = الوسيط
support-p90 = المئين التسعون
support-counted = المحتسَبة
support-first-response = وقت الرد الأول
support-resolution = وقت الحل
support-reopen-rate = معدل إعادة الفتح
support-count = المحتسَبة: { $count }
support-unanswered = بلا رد: { $count }، محتسَبة على حدة
support-unresolved = ما زالت مفتوحة: { $count }، محتسَبة على حدة
support-reopened-of = أُعيد فتح { $count } من أصل { $resolved } محلولة
support-minutes = { $n } دقيقة
support-hours = { $n } ساعة
support-days = { $n } يوم
support-percent = { $n }٪
support-interval = فترة ثقة 95٪: { $low }–{ $high }٪
support-interval-points = فترة ثقة 95٪: من { $low } إلى { $high }
support-by-channel = الحجم حسب القناة
support-by-tag = الحجم حسب الوسم
support-subjects = المواضيع المتكررة
support-subjects-hint = الكلمات الأكثر تكرارًا في المواضيع، بعد حذف الكلمات الشائعة؛ والفكرة الواحدة بلغات مختلفة تُحتسب معًا.
support-volume = المحادثات
support-none = لا محادثات في هذه الفترة.
support-by-team = حسب الفريق
support-by-agent = حسب الموظف
support-who = من
support-nobody = غير مُسنَدة
support-import = استيراد من مكتب دعم
support-import-hint = ألصق ملف CSV مُصدَّرًا بالعناوين: id, created, first reply, resolved, channel, agent, team, customer, subject, tags, satisfaction. يُستورد كل شيء أو لا شيء؛ والمحادثة المستوردة مرة أخرى تُحدَّث ولا تتكرر.
support-import-csv = ملف CSV مُصدَّر
support-import-button = استيراد
support-imported = استُوردت { $count } محادثة، وحُدِّثت { $updated }.
support-import-bad-line = لم يُستورد شيء: السطر { $line }، العمود «{ $column }»: { $problem }.
