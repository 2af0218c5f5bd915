# taith — نصوص واجهة المستخدم بالعربية. يجب أن يوجد هنا كل مفتاح موجود في en (يُختبر ذلك).

## Navigation and frame
nav-skip = انتقل إلى المحتوى
nav-label = مساحة العمل
nav-journeys = الرحلات
nav-personas = شخصيات العملاء
nav-members = الأعضاء
nav-tokens = رموز API
nav-sign-out = تسجيل الخروج

## Common actions
action-save = حفظ
action-edit = تعديل
action-delete = حذف

## Errors
error-home = العودة إلى صفحة البداية
error-not-found-title = غير موجود
error-not-found = لا يوجد شيء على هذا العنوان، أو ليست لديك صلاحية الوصول إليه.
error-forbidden-title = غير مسموح
error-forbidden = دورك في مساحة العمل هذه لا يسمح بذلك.
error-csrf-title = انتهت صلاحية النموذج
error-csrf = يُرجى الرجوع وإعادة تحميل الصفحة والمحاولة مرة أخرى.
error-bad-request-title = هناك خطأ في الطلب
error-bad-request = تعذّرت قراءة الطلب. يُرجى الرجوع والمحاولة مرة أخرى.
error-too-large-title = أكثر من اللازم دفعة واحدة
error-too-large = ما أرسلته أكبر مما يقبله taith.
error-conflict-title = تغيّر بالفعل
error-conflict = غيّر شخص آخر هذا في الوقت نفسه. أعد تحميل الصفحة وحاول مرة أخرى.
error-internal-title = حدث خطأ من جهتنا
error-internal = تم تسجيل الخطأ. يُرجى المحاولة مرة أخرى بعد قليل.
error-request-id = إذا أبلغتنا بهذا، فاذكر هذا المرجع: { $id }
error-too-many-title = محاولات كثيرة جدًا
error-too-many = لقد حاولت ذلك مرات كثيرة في وقت قصير. يُرجى الانتظار قليلًا ثم المحاولة مرة أخرى.
error-busy-title = الخادم مشغول الآن
error-busy = يعالج الخادم طلبات كثيرة حاليًا. يُرجى المحاولة مرة أخرى بعد بضع ثوانٍ.

## Field-level problems
issue-required = يُرجى ملء هذا الحقل.
issue-too-long = هذا طويل جدًا.
issue-invalid = يبدو أن هذا غير صحيح.
issue-unknown-value = يُرجى اختيار أحد الخيارات.
issue-not-found = لم يعد هذا موجودًا في مساحة العمل هذه.
issue-taken = هذا مستخدم بالفعل.
issue-too-short = هذا قصير جدًا: استخدم 10 أحرف على الأقل.
issue-mismatch = الإدخالان غير متطابقين.

## Fields
field-name = الاسم
field-description = الوصف
field-persona = شخصية العميل
field-email = عنوان البريد الإلكتروني
field-password = كلمة المرور
field-password-confirm = كلمة المرور مرة أخرى
field-workspace-name = اسم النشاط التجاري أو مساحة العمل
field-slug = العنوان المختصر
field-your-name = اسمك
field-role = الدور
field-scope = الصلاحية
field-needs = الاحتياجات
field-goals = الأهداف
field-behaviours = السلوكيات
field-pains = الآلام
field-demographics = الخصائص الديموغرافية
field-actions = إجراءات العميل
field-thoughts = الأفكار
field-emotions = المشاعر
field-emotion = الشعور
field-pain-points = نقاط الألم
field-opportunities = الفرص
field-one-per-line = عنصر واحد في كل سطر
field-channel = القناة
field-owner = المسؤول
field-owner-member = المسؤول (عضو)
field-owner-team = …أو الفريق المسؤول
field-moment-of-truth = لحظة الحقيقة
field-stage = المرحلة

## Set-up and sign-in
setup-title = إعداد taith
setup-intro = أنشئ مساحة العمل وحساب المالك. يمكنك دعوة فريقك بعد ذلك.
setup-slug-hint = أحرف لاتينية صغيرة وأرقام وشرطات، تُستخدم في العناوين، مثل my-bakery.
setup-submit = إنشاء مساحة العمل
login-title = تسجيل الدخول
login-submit = تسجيل الدخول
login-failed = لا يتطابق عنوان البريد الإلكتروني وكلمة المرور مع أي حساب.
home-title = مساحات عملك
home-none = لست عضوًا في أي مساحة عمل بعد.

## Roles and scopes
role-owner = المالك
role-admin = المشرف
role-analyst = المحلل
role-agent = الوكيل
role-viewer = المشاهد
scope-read = قراءة فقط
scope-write = قراءة وكتابة

## Journeys
journeys-title = خرائط رحلة العميل
journeys-new = رحلة جديدة
journeys-create = إنشاء الرحلة
journeys-empty = لا توجد رحلات بعد. ارسم كيف يجدك عملاؤك ويشترون ويعودون.
journeys-for-persona = لشخصية العميل
journeys-updated = آخر تحديث
journeys-model = البدء من
journeys-stage-count = { $count ->
    [zero] لا مراحل
    [one] مرحلة واحدة
    [two] مرحلتان
    [few] { $count } مراحل
    [many] { $count } مرحلة
   *[other] { $count } مرحلة
}
journeys-touchpoint-count = { $count ->
    [zero] لا نقاط اتصال
    [one] نقطة اتصال واحدة
    [two] نقطتا اتصال
    [few] { $count } نقاط اتصال
    [many] { $count } نقطة اتصال
   *[other] { $count } نقطة اتصال
}
model-five-stage = خمس مراحل
model-seven-stage = سبع مراحل
model-blank = خريطة فارغة
persona-none = بدون شخصية عميل

## Stage names of the starting models
stage-awareness = الوعي
stage-consideration = التفكير
stage-purchase = الشراء
stage-retention = الاحتفاظ
stage-advocacy = التوصية
stage-discovery = الاكتشاف
stage-evaluation = التقييم
stage-choice = الاختيار
stage-use = الاستخدام

## Channels
channel-web = الويب
channel-email = البريد الإلكتروني
channel-phone = الهاتف
channel-chat = الدردشة
channel-social = وسائل التواصل الاجتماعي
channel-in-store = في المتجر
channel-in-app = داخل التطبيق
channel-sms = SMS
channel-other = أخرى

## Owners and emotions
owner-none = لا يوجد مسؤول بعد
owner-none-member = — بلا عضو —
owner-former-member = عضو سابق
emotion-unset = غير محدد
emotion-very-negative = سلبي جدًا
emotion-negative = سلبي
emotion-neutral = محايد
emotion-positive = إيجابي
emotion-very-positive = إيجابي جدًا

## The map
map-stage = المرحلة
map-touchpoints = نقاط الاتصال
map-actions = إجراءات العميل
map-thoughts = الأفكار
map-emotions = المشاعر
map-pain-points = نقاط الألم
map-opportunities = الفرص
map-owner = المسؤول
map-moment-of-truth = لحظة الحقيقة
map-no-touchpoints = لا توجد نقاط اتصال بعد.
map-curve-empty = لم تُسجَّل أي مشاعر بعد.
map-edit = تعديل الخريطة
map-details = التفاصيل
map-history = { $version ->
    [zero] السجل (لا إصدارات)
    [one] السجل (إصدار واحد)
    [two] السجل (إصداران)
    [few] السجل ({ $version } إصدارات)
    [many] السجل ({ $version } إصدارًا)
   *[other] السجل ({ $version } إصدار)
}
map-download-svg = تنزيل SVG
map-export-json = تصدير JSON
map-print = طباعة

## The editor
edit-title = تعديل الرحلة
edit-back-to-map = العودة إلى الخريطة
edit-details = التفاصيل
edit-stages = المراحل
edit-stage-notes = تعديل ملاحظات المرحلة
edit-save-stage = حفظ المرحلة
edit-move-earlier = تقديم
edit-move-later = تأخير
edit-delete-stage = حذف المرحلة
edit-delete-stage-confirm = حذف هذه المرحلة ونقاط الاتصال التابعة لها؟
edit-add-stage = إضافة مرحلة
edit-add-touchpoint = إضافة نقطة اتصال
edit-save-touchpoint = حفظ نقطة الاتصال
edit-delete-touchpoint = حذف نقطة الاتصال
edit-delete-touchpoint-confirm = حذف نقطة الاتصال هذه؟
edit-delete-journey = حذف الرحلة
edit-delete-journey-confirm = حذف هذه الرحلة وسجلها بالكامل؟

## History
history-title = السجل
history-version = الإصدار { $version }
history-current = الحالي
history-by = بواسطة { $author }، { $when }
history-restore = استعادة هذا الإصدار
change-created = تم إنشاء الرحلة
change-imported = تم استيراد الرحلة
change-restored = تمت استعادة الإصدار { $version }
change-details = تم تغيير { $fields }
change-stage-added = تمت إضافة المرحلة «{ $stage }»
change-stage-removed = تمت إزالة المرحلة «{ $stage }»
change-stage-changed = تم تغيير { $fields } في المرحلة «{ $stage }»
change-stages-reordered = تمت إعادة ترتيب المراحل
change-touchpoint-added = تمت إضافة نقطة الاتصال «{ $touchpoint }» إلى «{ $stage }»
change-touchpoint-removed = تمت إزالة نقطة الاتصال «{ $touchpoint }»
change-touchpoint-changed = تم تغيير { $fields } في نقطة الاتصال «{ $touchpoint }»
change-touchpoint-moved = تم نقل نقطة الاتصال «{ $touchpoint }» إلى «{ $stage }»

## Personas
personas-title = شخصيات العملاء
personas-new = شخصية عميل جديدة
personas-empty = لا توجد شخصيات عملاء بعد. تصف شخصية العميل نوعًا واحدًا من العملاء: ما يحتاجون إليه وما يعترض طريقهم.
personas-delete-confirm = حذف شخصية العميل هذه؟ ستبقى الرحلات المرسومة لها.

## Members
members-title = الأعضاء
members-you = أنت
members-actions = الإجراءات
members-add = إضافة عضو
members-initial-password = كلمة المرور الأولى (يمكن للعضو تغييرها لاحقًا)
members-remove = إزالة
members-remove-confirm = إزالة هذا العضو من مساحة العمل؟
members-last-owner = تحتاج مساحة العمل إلى مالك واحد على الأقل.

## API tokens
tokens-title = رموز API
tokens-intro = تتيح الرموز للأنظمة الأخرى استخدام واجهة API في taith لمساحة العمل هذه. أرسل الرمز بالصيغة «Authorization: Bearer …».
tokens-new = رمز جديد
tokens-create = إنشاء رمز
tokens-created = انسخ هذا الرمز الآن: لن يُعرض مرة أخرى.
tokens-created-at = تاريخ الإنشاء
tokens-revoke = إبطال
tokens-revoke-confirm = إبطال هذا الرمز؟ ستتوقف الأنظمة التي تستخدمه عن العمل.

## Surveys
nav-surveys = الاستبيانات
surveys-title = الاستبيانات
surveys-new = استبيان جديد
surveys-empty = لا توجد استبيانات بعد. اسأل عملاءك عن مدى احتمال أن يوصوا بك (NPS)، ومدى رضاهم (CSAT)، ومدى السهولة التي وفّرتها لهم (CES)، في الموضع نفسه من رحلتهم الذي تحدث فيه التجربة.
surveys-no-touchpoint = غير مرتبط بنقطة اتصال
survey-kind-nps = صافي نقاط الترويج (NPS)
survey-kind-csat = رضا العملاء (CSAT)
survey-kind-ces = مقياس جهد العميل (CES)
survey-kind-custom = مخصّص
survey-kind-nps-hint = 0–10: ما مدى احتمال أن يوصي العميل بك؟
survey-kind-csat-hint = 1–5: ما مدى رضا العميل؟
survey-kind-ces-hint = 1–5: هل جعلت الأمر سهلًا عليه؟ يُطرح بصيغة الموافقة أو عدم الموافقة.
survey-kind-custom-hint = سؤالك الخاص، على مقياس تختاره.
survey-status-draft = مسودة
survey-status-live = نشط
survey-status-closed = مغلق
survey-new-intro = يبدأ السؤال ونص الشكر بالصياغة القياسية للنوع الذي تختاره، باللغات الست كلها. يمكنك تغييرهما لاحقًا.
survey-create = إنشاء الاستبيان
survey-field-kind = النوع
survey-field-status = الحالة
survey-field-scale = المقياس
survey-field-scale-low = أدنى درجة
survey-field-scale-high = أعلى درجة
survey-field-default-locale = اللغة الافتراضية
survey-field-touchpoint = نقطة الاتصال
survey-field-anonymous = مجهول الهوية: لا يُحفظ العميل ولا عنوان IP ولا الجهاز مع الإجابات
survey-field-throttle = عدد الأيام قبل أن يُسأل العميل نفسه مرة أخرى
survey-field-question = السؤال
survey-field-thank-you = نص الشكر
survey-texts = السؤال ونص الشكر
survey-texts-hint = يرى المشاركون اللغة التي يطلبونها إن كانت مكتوبة هنا، وإلا فيرون اللغة الافتراضية.
survey-default-mark = الافتراضية
survey-errors = بعض الحقول تحتاج إلى مراجعة: انظر الرسائل أدناه.
survey-saved = تم حفظ الاستبيان.
survey-scale-locked = لا يمكن تغيير المقياس بعد أن يتلقى الاستبيان إجابات. أنشئ استبيانًا جديدًا لمقياس جديد.
survey-follow-ups = أسئلة المتابعة
survey-follow-ups-hint = تُطرح بعد الدرجة، على المشاركين الذين تقع درجتهم ضمن النطاق الذي تحدده فقط.
survey-follow-up-n = سؤال المتابعة { $n }
survey-follow-up-new = سؤال متابعة جديد
survey-follow-up-add = إضافة سؤال متابعة
survey-fu-prompt = السؤال
survey-fu-kind = نوع الإجابة
survey-fu-kind-open-text = نص حر
survey-fu-kind-single-choice = اختيار واحد
survey-fu-kind-multiple-choice = اختيارات متعددة
survey-fu-kind-rating = تقييم
survey-fu-when = فقط للدرجات
survey-fu-when-from = من
survey-fu-when-to = إلى
survey-fu-when-hint = اترك الحقلين فارغين لطرح السؤال بعد أي درجة.
survey-fu-options = الخيارات، خيار في كل سطر (للاختيار الواحد والاختيارات المتعددة)
survey-fu-rating = مقياس التقييم (لنوع التقييم فقط)
survey-fu-translations = الترجمات
survey-fu-translations-hint = اكتب الخيارات سطرًا سطرًا، بالترتيب نفسه الذي في اللغة الافتراضية. السؤال المتروك فارغًا يُطرح باللغة الافتراضية.
survey-fu-remove = إزالة هذا السؤال
survey-suggest = اقتراح: اسأل أصحاب الدرجات { $low }–{ $high }: «{ $question }»
survey-suggest-add = إضافة
survey-public-link = الرابط العام
survey-public-link-live = شارك هذا العنوان، أو ضع رابطًا إليه في موقعك أو إيصالاتك أو رسائل بريدك الإلكتروني.
survey-public-link-not-live = يستطيع المشاركون الإجابة عندما تصبح الحالة «نشط».
survey-kiosk-link = جهاز لوحي عند منضدة المتجر
survey-kiosk-hint = افتح هذا العنوان على جهاز لوحي: يملأ الشاشة ويبدأ من جديد بعد كل إجابة.
survey-widget-tag = أداة لموقعك الإلكتروني
survey-widget-hint = الصق هذا الوسم في صفحة من موقعك حيث يجب أن يظهر الاستطلاع. إذا كان موقعك يرسل Content-Security-Policy فاسمح بهذا العنوان في script-src و frame-src.
survey-preview = معاينة
survey-preview-hint = تعرض المعاينة صفحات المشارك، ولا يُسجَّل أي شيء يُجاب عنه هناك.
survey-export = تنزيل الإجابات
survey-delete = حذف الاستبيان
survey-delete-confirm = هل تريد حذف هذا الاستبيان؟
survey-delete-has-responses = لهذا الاستبيان إجابات، لذا لا يمكن حذفه. أغلقه بدلًا من ذلك، فتبقى إجاباته في تقاريرك.
survey-std-nps-question = ما مدى احتمال أن توصي بـ { $business } لصديق أو زميل؟
survey-std-csat-question = ما مدى رضاك عن تجربتك مع { $business }؟
survey-std-ces-question = إلى أي مدى توافق على العبارة التالية: «سهّلت { $business } عليّ الحصول على ما أحتاج إليه»؟
survey-std-custom-question = كيف تقيّم { $business }؟
survey-std-thank-you = شكرًا لك! ملاحظاتك تساعدنا على التحسّن.
survey-std-improve = ما الذي ينبغي أن نحسّنه؟
survey-csat-very-dissatisfied = غير راضٍ إطلاقًا
survey-csat-dissatisfied = غير راضٍ
survey-csat-somewhat-dissatisfied = غير راضٍ إلى حد ما
survey-csat-neutral = محايد
survey-csat-somewhat-satisfied = راضٍ إلى حد ما
survey-csat-satisfied = راضٍ
survey-csat-very-satisfied = راضٍ جدًا
survey-ces-strongly-disagree = لا أوافق بشدة
survey-ces-disagree = لا أوافق
survey-ces-somewhat-disagree = لا أوافق إلى حد ما
survey-ces-neutral = محايد
survey-ces-somewhat-agree = أوافق إلى حد ما
survey-ces-agree = أوافق
survey-ces-strongly-agree = أوافق بشدة

# الصفحات التي يراها المشاركون.

respond-title = { $business }: رأيك يهمّنا
respond-languages = اللغات
respond-kiosk-fullscreen = ملء الشاشة
respond-preview-banner = معاينة: الإجابات المقدَّمة هنا لا تُسجَّل.
respond-nps-low = غير محتمل على الإطلاق
respond-nps-high = محتمل جدًا
respond-next = إرسال
respond-choose-score = يُرجى اختيار درجة.
respond-score-off-scale = يُرجى اختيار درجة من { $low } إلى { $high }.
respond-form-expired = لم تُرسَل إجابتك لأن صلاحية الصفحة انتهت. يُرجى الاختيار مرة أخرى ثم الإرسال.
respond-recorded = شكرًا لك: تم تسجيل إجابتك.
respond-tell-more = هل تودّ أن تخبرنا بالمزيد؟ كل ما يلي اختياري.
respond-check-answers = يُرجى مراجعة الإجابات المشار إليها أدناه.
respond-choose-any = اختر كل ما ينطبق.
respond-comment = هل هناك أي شيء آخر تودّ أن تخبرنا به؟
respond-send = إرسال
respond-skip = لا، شكرًا، انتهيت
respond-text-too-long = يُرجى ألا يزيد عدد الأحرف على { $max }.
respond-closed-title = هذا الاستبيان مغلق
respond-closed = شكرًا لاهتمامك. لم يعد هذا الاستبيان يستقبل إجابات.
respond-not-open-title = هذا الاستبيان غير مفتوح بعد
respond-not-open = يُرجى المحاولة مرة أخرى لاحقًا.
respond-unknown-title = لا يوجد استبيان هنا
respond-unknown = لا يوجد استبيان على هذا العنوان. يُرجى التحقق من الرابط الذي وصلك.
respond-invitation-unknown = هذا الرابط غير صالح. يُرجى التأكد من أنك فتحت الرابط كاملًا من رسالة البريد الإلكتروني.

# إلغاء الاشتراك في رسائل الاستبيانات من نشاط تجاري (/u/{token}).

unsubscribe-title = إلغاء الاشتراك
unsubscribe-question = هل تريد إيقاف رسائل الاستبيانات التي تصلك من { $business }؟
unsubscribe-explain = لن تتلقى بعد الآن دعوات أو تذكيرات بالاستبيانات من { $business }.
unsubscribe-button = إلغاء الاشتراك
unsubscribe-done-title = تم إلغاء اشتراكك
unsubscribe-done = لن ترسل إليك { $business } رسائل استبيانات بعد الآن.

# رسائل الدعوة والتذكير. العناوين نص عادي.

mail-invite-subject = سؤال سريع من { $business }
mail-reminder-subject = تذكير: سؤال سريع من { $business }
mail-greeting = مرحبًا { $name }،
mail-greeting-anonymous = مرحبًا،
mail-invite-intro = تودّ { $business } أن تسمع رأيك. نقرة واحدة تكفي:
mail-reminder-intro = قبل بضعة أيام طرحت عليك { $business } سؤالًا واحدًا. إن كان لديك دقيقة، فنقرة واحدة تكفي:
mail-score-hint = انقر على إجابتك. يمكنك بعد ذلك أن تخبرنا بالمزيد إن شئت.
mail-open-page = أجب في متصفحك
mail-why = تصلك هذه الرسالة لأنك من عملاء { $business }.
mail-unsubscribe = إلغاء الاشتراك في هذه الرسائل

# دعوة العملاء عبر البريد الإلكتروني (صفحة الاستبيان).

survey-invite = الدعوة عبر البريد الإلكتروني
survey-invite-customers = العملاء المراد دعوتهم
survey-invite-customers-hint = عميل واحد في كل سطر: البريد الإلكتروني، والاسم، واللغة (en، cy، ms، sw، ar أو vi)، ومعرّف العميل لديك. البريد الإلكتروني وحده مطلوب، ويُسمح بسطر للعناوين. بحد أقصى { $max } في المرة الواحدة.
survey-invite-reminder = التذكير بعد (بالأيام)
survey-invite-reminder-hint = تذكير واحد لمن لم يُجب حتى ذلك الحين. 0: بلا تذكير.
survey-invite-send = إرسال الدعوات
survey-invite-result = المدعوون: { $invited }. غير المدعوين: { $throttled } سُئلوا في { $days ->
    [one] اليوم الأخير
    [two] اليومين الأخيرين
   *[other] الأيام الـ{ $days } الأخيرة
}، و{ $unsubscribed } ألغوا اشتراكهم.
survey-invite-anonymous = لا يمكن إرسال استبيان مجهول الهوية عبر البريد الإلكتروني: رابط الدعوة يحدد هوية العميل. شارك بدلًا من ذلك رابطه العام أو الأداة أو الجهاز اللوحي.
survey-invite-closed = هذا الاستبيان مغلق: لا يمكن إرسال دعوات جديدة له.
survey-invite-mail-off = لم يُعَدّ البريد الإلكتروني لـ taith بعد، لذا تنتظر الدعوات هنا إلى أن يُعَدّ. اطلب من مسؤول النظام إعداد البريد الإلكتروني.
survey-invite-waiting = تُرسَل الدعوات ما دامت حالة الاستبيان «نشط».
survey-invite-stats = المدعوون: { $invited } · أُرسلت إليهم رسائل: { $sent } · تم تذكيرهم: { $reminded } · أجابوا: { $answered } · ألغوا الاشتراك: { $unsubscribed } · المؤجَّلة (حدّ التواصل أو الموافقة): { $skipped }
survey-invite-line = السطر { $line }، { $column }: { $issue }
survey-invite-empty = يُرجى إدخال عميل واحد على الأقل.

# التواريخ كما تكتبها لوحات المعلومات.

date-format = { $day } { $month } { $year }
month-1 = يناير
month-2 = فبراير
month-3 = مارس
month-4 = أبريل
month-5 = مايو
month-6 = يونيو
month-7 = يوليو
month-8 = أغسطس
month-9 = سبتمبر
month-10 = أكتوبر
month-11 = نوفمبر
month-12 = ديسمبر

# لوحة المعلومات العامة.

nav-dashboard = لوحة المعلومات
dashboard-title = لوحة المعلومات
dashboard-csv = تنزيل بصيغة CSV
dashboard-print = طباعة
dashboard-from = من
dashboard-to = إلى
dashboard-show = عرض
dashboard-period = من { $from } إلى { $to }
dashboard-empty = لم يتلقَّ أي استبيان من نوع NPS أو CSAT أو CES إجابات بعد.
dashboard-nps = صافي نقاط الترويج (NPS)
dashboard-csat = رضا العملاء (CSAT)
dashboard-ces = مقياس جهد العميل (CES)
dashboard-interval = فترة الثقة 95%: من { $low } إلى { $high }
dashboard-n = { $n ->
    [zero] لا إجابات
    [one] إجابة واحدة
    [two] إجابتان
    [few] { $n } إجابات
   *[other] { $n } إجابة
}
dashboard-small-sample = عيّنة صغيرة: اقرأ النتائج بحذر
dashboard-up = ارتفاع بمقدار { $delta } مقارنةً بالفترة السابقة: تغيّر ذو دلالة إحصائية.
dashboard-down = انخفاض بمقدار { $delta } مقارنةً بالفترة السابقة: تغيّر ذو دلالة إحصائية.
dashboard-no-significant-change = لا يوجد تغيّر ذو دلالة إحصائية مقارنةً بالفترة السابقة.
dashboard-no-previous = لا توجد إجابات في الفترة السابقة للمقارنة بها.
dashboard-mixed-scales = تستخدم هذه الاستبيانات مقاييس مختلفة، لذا لا تُجمع نتائجها هنا.
dashboard-chart-alt = { $metric } أسبوعًا بعد أسبوع، مع فترة الثقة 95%؛ الأرقام في الجدول أدناه.
dashboard-point = { $n ->
    [zero] { $week }: { $value } (لا إجابات)
    [one] { $week }: { $value } (إجابة واحدة)
    [two] { $week }: { $value } (إجابتان)
    [few] { $week }: { $value } ({ $n } إجابات)
   *[other] { $week }: { $value } ({ $n } إجابة)
}
dashboard-table = الأرقام
dashboard-week = الأسبوع
dashboard-interval-head = فترة الثقة 95%
dashboard-responses = عدد الإجابات
dashboard-volume = عدد الإجابات أسبوعيًا
dashboard-volume-alt = عدد الإجابات أسبوعيًا في شكل أعمدة؛ الأرقام في الجدول أدناه.
dashboard-volume-point = { $n ->
    [zero] { $week }، لا إجابات
    [one] { $week }، إجابة واحدة
    [two] { $week }، إجابتان
    [few] { $week }، { $n } إجابات
   *[other] { $week }، { $n } إجابة
}

# خريطة الرحلة الحية.

map-live-nps = NPS
map-live-csat = CSAT
map-live-ces = CES
map-live-detail = { $n ->
    [zero] فترة الثقة 95% من { $low } إلى { $high }، لا إجابات
    [one] فترة الثقة 95% من { $low } إلى { $high }، إجابة واحدة
    [two] فترة الثقة 95% من { $low } إلى { $high }، إجابتان
    [few] فترة الثقة 95% من { $low } إلى { $high }، { $n } إجابات
   *[other] فترة الثقة 95% من { $low } إلى { $high }، { $n } إجابة
}
map-live-up = ارتفع ارتفاعًا ذا دلالة إحصائية عن الفترة السابقة
map-live-down = انخفض انخفاضًا ذا دلالة إحصائية عن الفترة السابقة
map-live-pain = نقطة ألم من الإجابات
map-live-stage = { $stage }: { $value } من الإجابات
map-live-curve = من الإجابات
map-live-typed = كما كُتب

# مقارنة الشرائح.

dashboard-segments = مقارنة الشرائح
dashboard-metric = المؤشر
dashboard-compare-by = المقارنة حسب
dashboard-segment = الشريحة
dashboard-value = الدرجة
dashboard-versus-rest = مقارنةً بجميع الشرائح الأخرى
dashboard-chart = الرسم البياني
dashboard-dim-channel = القناة
dashboard-dim-locale = اللغة
dashboard-dim-touchpoint = نقطة الاتصال
dashboard-dim-stage = المرحلة
dashboard-dim-journey = الرحلة

# لوحة معلومات نقطة اتصال واحدة.

dashboard-distribution = توزّع الدرجات
dashboard-comments = أحدث التعليقات
dashboard-no-comments = لا توجد تعليقات هنا بعد.
dashboard-no-answers-here = لم يُجب أحد عن أي استطلاع عند نقطة الاتصال هذه خلال هذه الفترة.
