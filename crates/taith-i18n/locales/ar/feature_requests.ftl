# لوحة طلبات الميزات، للموظفين وللعملاء.
nav-requests = الطلبات
requests-title = طلبات الميزات
requests-lede = ما يطلب منك العملاء بناءه أو تغييره: من فريقك، ومن تعليقاتهم، ومن لوحتك العامة. يُحتسب صوت كل عميل مرة واحدة.
requests-public-link = اللوحة العامة
requests-field-status = الحالة
requests-field-title = العنوان
requests-field-description = الوصف
requests-field-response = معرّف الرد
requests-all = الكل
requests-search = بحث
requests-filter = تصفية
requests-empty = لا توجد طلبات بعد. أضف طلبًا أدناه، أو حوّل تعليقًا إلى طلب من لوحة المعلومات.
requests-none-filtered = لا توجد طلبات تطابق عوامل التصفية هذه.
requests-column-empty = لا شيء.
requests-status-under-review = قيد الدراسة
requests-status-planned = مخطط له
requests-status-in-progress = قيد التنفيذ
requests-status-done = منجز
requests-status-declined = مرفوض
requests-source-staff = أضافه الموظفون
requests-source-public = من اللوحة العامة
requests-source-comment = من تعليق
requests-votes = { $count ->
    [zero] لا أصوات
    [one] صوت واحد
    [two] صوتان
    [few] { $count } أصوات
    [many] { $count } صوتًا
   *[other] { $count } صوت
}
requests-vote = صوّت
requests-new = طلب جديد
requests-create = أضف الطلب
requests-duplicates = طلبات قد تكون مكررة
requests-done-created = أصبح الطلب على اللوحة.
requests-done-voted = احتُسب صوتك.
requests-done-voted-again = سبق أن صوّتَّ لهذا الطلب؛ يُحتسب الصوت مرة واحدة.
requests-done-linked = رُبط التعليق، واحتُسب صوت صاحبه.
requests-done-linked-again = كان هذا التعليق مربوطًا من قبل.
requests-done-status = حُفظت الحالة والملاحظة العامة.
requests-done-merged = تم الدمج: الأصوات والتعليقات أصبحت على هذا الطلب.
requests-merged-into = دُمج هذا الطلب في:
requests-behind = العملاء والتعليقات وراء هذا الطلب
requests-behind-none = لا توجد تعليقات مربوطة بعد.
requests-behind-hidden = يعرض لك دورك الأرقام، لا التعليقات الفردية.
requests-customers = العملاء
requests-customers-none = لا يوجد عملاء بأسمائهم بعد.
requests-anonymous = مجهول
requests-anonymous-count = { $count ->
    [one] وتعليق واحد مجهول
    [two] وتعليقان مجهولان
    [few] و{ $count } تعليقات مجهولة
   *[other] و{ $count } تعليقًا مجهولًا
}
requests-comments = التعليقات
requests-change-status = الحالة والملاحظة العامة
requests-public-note = ملاحظة عامة
requests-public-note-hint = ما يقرؤه العملاء على اللوحة العامة، بكل لغة تكتب بها. اترك اللغة فارغة لتظهر فيها الملاحظة الإنجليزية.
requests-save-status = احفظ الحالة
requests-merge = ادمج في طلب آخر
requests-merge-hint = تنتقل أصواته وتعليقاته إلى الطلب الآخر؛ ويُحتسب العميل الذي صوّت للطلبين مرة واحدة.
requests-merge-none = لا يوجد طلب آخر للدمج فيه.
requests-suggested = مقترح: هذه الطلبات متشابهة
requests-alike = متشابه بنسبة { $percent }٪
requests-merge-into = ادمج في
requests-choose = اختر…
requests-merge-button = ادمج
requests-merge-refused = لا يمكن دمج هذين الطلبين: لا يُدمج طلب في نفسه ولا في طلب دُمج من قبل.
requests-link = اربط تعليقًا
requests-link-hint = الصق معرّف رد يطلب تعليقه هذا الأمر. يُحتسب صوت صاحبه.
requests-link-button = اربط
requests-make = اجعله طلبًا
requests-add-to = أضفه إلى طلب…
requests-from-comment-title = من تعليق إلى طلب ميزة
requests-comment-empty = لا يحتوي هذا الرد على تعليق مكتوب.
requests-add-to-existing = أضفه إلى طلب
requests-add-here = أضف هنا
requests-other = طلبات أخرى
requests-new-from-comment = أو اجعله طلبًا جديدًا
requests-public-title = أفكار لـ{ $business }
requests-public-heading = الأفكار والطلبات
requests-public-lede = ما ندرسه ونخطط له ونبنيه، وما أنجزناه. صوّت لما يهمك؛ لا حاجة إلى حساب.
requests-public-empty = لا شيء على اللوحة بعد. كن أول من يرسل فكرة.
requests-public-note-label = ملاحظتنا:
requests-public-suggest = أرسل فكرة
requests-public-suggest-hint = نقرأ كل فكرة قبل أن تظهر على اللوحة.
requests-public-send = أرسل الفكرة
requests-public-voted = شكرًا لك: احتُسب صوتك.
requests-public-voted-again = سبق أن صوّتَّ لهذا؛ يُحتسب كل صوت مرة واحدة.
requests-public-suggested = شكرًا لك: سنقرأ فكرتك.
requests-public-expired = انتهت صلاحية هذا النموذج، فلم يُرسل شيء. يُرجى المحاولة مرة أخرى.
requests-public-unknown-title = لا توجد لوحة هنا
requests-public-unknown = لا توجد لوحة على هذا العنوان. يُرجى التحقق من الرابط.
