## Editing journeys in place: saving, unsaved changes, undo.

editor-status-saving = جارٍ الحفظ…
editor-status-saved = تم الحفظ.
editor-status-invalid = لم يتم الحفظ: يُرجى تصحيح الحقول المحددة.
editor-status-failed = لم يتم الحفظ: تعذّر الوصول إلى taith. ما زالت تغييراتك هنا؛ يُرجى المحاولة مرة أخرى.
editor-status-refused = لم يتم الحفظ: رفض taith هذا التغيير (ربما سُجّل خروجك). ما زالت تغييراتك هنا؛ أعد تحميل الصفحة في علامة تبويب أخرى لتسجيل الدخول، ثم احفظ مرة أخرى.
editor-status-unsaved = تغييرات غير محفوظة
editor-kept = احتُفظ بتغييراتك غير المحفوظة في البطاقات الأخرى. احفظ كل بطاقة عندما تكون جاهزًا.
editor-without-script = من دون JavaScript، يحفظ كل زر «حفظ» بطاقته فقط، وتضيع التغييرات المكتوبة في البطاقات الأخرى عند إعادة تحميل الصفحة: احفظ بطاقة واحدة قبل تعديل التالية.
editor-board-hint = افتح بطاقة لتعديلها في مكانها. تُحفظ كل بطاقة وحدها، ويبقى باقي الصفحة كما هو.
editor-delete-journey-confirm = حذف هذه الرحلة وسجلها بالكامل؟ يمكنك التراجع عن ذلك لبضع دقائق.
editor-delete-stage-confirm = حذف هذه المرحلة ونقاط الاتصال التابعة لها؟ يمكنك التراجع عن ذلك لبضع دقائق.
editor-delete-touchpoint-confirm = حذف نقطة الاتصال هذه؟ يمكنك التراجع عن ذلك لبضع دقائق.
editor-saved-details = تم حفظ تفاصيل الرحلة.
editor-saved-stage = تم حفظ المرحلة.
editor-saved-touchpoint = تم حفظ نقطة الاتصال.
editor-added-stage = تمت إضافة المرحلة.
editor-added-touchpoint = تمت إضافة نقطة الاتصال.
editor-moved-stage = تم نقل المرحلة.
editor-undo = تراجع
editor-undo-hint = { $minutes ->
    [zero] يمكنك التراجع عن ذلك الآن.
    [one] يمكنك التراجع عن ذلك لمدة دقيقة واحدة.
    [two] يمكنك التراجع عن ذلك لمدة دقيقتين.
    [few] يمكنك التراجع عن ذلك لمدة { $minutes } دقائق.
    [many] يمكنك التراجع عن ذلك لمدة { $minutes } دقيقة.
   *[other] يمكنك التراجع عن ذلك لمدة { $minutes } دقيقة.
}
editor-undone = أُعيد إلى مكانه، مع كل ما حُفظ منذ ذلك الحين.
editor-journey-deleted = حُذفت الرحلة «{ $name }».
editor-journey-undeleted = أُعيدت الرحلة مع سجلها بالكامل.
editor-undo-late = لم يعد التراجع عن ذلك ممكنًا. ما زال بإمكانك استعادة إصدار سابق من السجل.
editor-undo-nothing = لا يوجد ما يمكن التراجع عنه: لقد أُعيد بالفعل.
editor-map-region = خريطة الرحلة (مرّر لرؤية كل المراحل)
history-restore-hint = استعادة إصدار تحفظه من جديد بوصفه أحدث إصدار: لا يضيع شيء من السجل، ويمكنك استعادة أي إصدار آخر بعد ذلك.
history-restore-version = استعادة الإصدار { $version }
history-restore-explained = ستصبح الخريطة كما كانت في الإصدار { $version }، وتُحفظ بوصفها الإصدار { $next }. لا يضيع شيء من السجل.
history-restored = استُعيد الإصدار { $version }: تعرضه الخريطة من جديد، محفوظًا بوصفه الإصدار { $current }.
history-see-map = عرض الخريطة
