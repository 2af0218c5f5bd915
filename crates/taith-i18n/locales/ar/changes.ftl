nav-changes = ما فعلناه
changes-title = قلتم، ففعلنا
changes-lede = تغييرات أجراها النشاط التجاري لأن العملاء طلبوها. يُبلَّغ كل عميل وراء التغيير، معروف ببريده الإلكتروني ولم يُلغِ اشتراكه، مرة واحدة وبلغته.
changes-none = لم تُسجَّل أي تغييرات بعد.
changes-how-to = لتسجيل تغيير، افتح طلب ميزة أو موضوعًا واختر «تصرّفنا في هذا».
changes-public-link = الصفحة العامة «ما غيّرناه»
changes-mail-off = البريد الإلكتروني غير مُعدّ على هذا الخادم: تنتظر الإشعارات حتى يُعدّ.
changes-done-recorded = سُجّل التغيير، وإشعاراته في طريقها.
changes-acted-on = تصرّفنا في هذا
changes-source-feature-request = طلب ميزة
changes-source-theme = موضوع
changes-notices-sent = الإشعارات المرسلة: { $count } من { $total }
changes-notices-waiting = إشعارات في الانتظار: { $count }
changes-notices-opted-out = عملاء ألغوا الاشتراك منذ ذلك الحين: { $count }
changes-new-title = أخبِر العملاء بما فعلت
changes-note = ما يقرؤه العملاء
changes-note-hint = ملاحظة قصيرة بكل لغة تكتب بها، واحدة على الأقل. يتلقاها العملاء بلغتهم إن كتبتها بها، وإلا فبالإنجليزية.
changes-note-legend = ملاحظة لكل لغة
changes-record = سجّل التغيير وأخبِر العملاء
changes-will-tell = { $count ->
    [zero] لا أحد لإبلاغه: لا يوجد وراءه عميل معروف ببريده الإلكتروني.
    [one] سيُبلَّغ عميل واحد.
    [two] سيُبلَّغ عميلان.
    [few] سيُبلَّغ { $count } عملاء.
    [many] سيُبلَّغ { $count } عميلًا.
   *[other] سيُبلَّغ { $count } عميل.
}
changes-will-not-tell = عملاء لن يُبلَّغوا (ألغوا الاشتراك أو لا بريد لهم): { $count }
changes-mail-subject = أجرى { $business } تغييرًا طلبتَه
changes-mail-intro = أخبرتَ { $business } بما يمكن تحسينه. وهذا ما فعلوه:
changes-mail-more = اطّلع على كل ما غيّرناه
changes-mail-why = تصلك هذه الرسالة لأنك شاركت ملاحظاتك مع { $business }.
changes-mail-opt-out = لا أريد مزيدًا من هذه الرسائل
changes-public-title = ما غيّره { $business }
changes-public-heading = قلتم، ففعلنا
changes-public-lede = تغييرات أجراها { $business } لأن العملاء طلبوها.
changes-public-empty = لا شيء هنا بعد.
changes-public-board = أفكار وطلبات
changes-public-unknown-title = الصفحة غير موجودة
changes-public-unknown = لا توجد صفحة كهذه. تحقّق من الرابط الذي اتبعته.
changes-stop-title = إيقاف هذه الرسائل
changes-stop-question = هل تريد إيقاف رسائل التغييرات من { $business }؟
changes-stop-explain = لن تُبلَّغ بعد الآن حين يغيّر { $business } شيئًا طلبته.
changes-stop-done-title = لن تصلك هذه الرسائل بعد الآن
changes-stop-done = لن يرسل إليك { $business } رسائل عن التغييرات بعد الآن.
changes-dash-title = قلتم، ففعلنا
changes-dash-sent = الإشعارات المرسلة في هذه الفترة: { $count }
changes-dash-caption = صافي نقاط الترويج (NPS) لإجابات هذه الفترة من العملاء الذين أُرسل إليهم إشعار، ومن العملاء المعروفين الذين لم يُرسل إليهم
changes-dash-who = العملاء
changes-dash-nps = NPS
changes-dash-interval = فترة الثقة 95%
changes-dash-n = الإجابات
changes-dash-responses = { $count ->
    [zero] لا إجابات
    [one] إجابة واحدة
    [two] إجابتان
    [few] { $count } إجابات
    [many] { $count } إجابة
   *[other] { $count } إجابة
}
changes-dash-notified = أُرسل إليهم إشعار
changes-dash-others = لم يُرسل إليهم
changes-dash-significant = الفرق: { $delta } نقطة (± { $margin })، وهو فرق ذو دلالة إحصائية.
changes-dash-not-significant = الفرق: { $delta } نقطة (± { $margin })، وليس فرقًا ذا دلالة إحصائية.
changes-dash-no-difference = لا توجد إجابات كافية في الجانبين للمقارنة.
changes-dash-caveat = هذه مقارنة بين مجموعتين، ولا تُثبت أن الإشعارات هي سبب الفرق.

# A change can act on a case root cause (cases settings page).
changes-source-root-cause = سبب جذري
changes-root-causes-acted-on = أخبِر العملاء المعنيين بسبب جذري
changes-root-causes-acted-on-hint = أصلحتم ما تسبب في بعض الحالات؟ قولوا ذلك: يتلقى العملاء الذين تذكر حالاتهم هذا السبب رسالة واحدة بلغتهم.
