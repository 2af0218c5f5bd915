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
