# قاعدة المعرفة ومركز المساعدة: صفحات المالك ومركز المساعدة العام.
nav-articles = مركز المساعدة
articles-title = مقالات مركز المساعدة
articles-new = مقالة جديدة
articles-lede = إجابات يقرؤها عملاؤك دون أن يسألوا: مقالة لكل سؤال، مكتوبة بكل لغة تخدم بها عملاءك. تظهر المقالات المنشورة في مركز المساعدة العام.
articles-public-link = فتح مركز المساعدة العام
articles-empty = لا توجد مقالات بعد. اكتب مقالة للسؤال الذي يطرحه العملاء أكثر من غيره.
articles-field-title = العنوان
articles-field-body = النص
articles-field-status = الحالة
articles-field-locales = اللغات
articles-field-category = الفئة
articles-field-slug = العنوان في الرابط
articles-slug-hint = الجزء الأخير من رابط المقالة في مركز المساعدة: أحرف لاتينية صغيرة وأرقام وشرطات. اتركه فارغًا لإنشائه من العنوان.
articles-translations-hint = اكتب المقالة بما شئت من اللغات: املأ عنوانًا ونصًا لكل لغة. لا تظهر اللغة المتروكة فارغة؛ ويحصل القرّاء على أقرب لغة كتبتها، مع ملاحظة تبيّن أي لغة هي.
articles-body-hint = Markdown: **غامق**، *مائل*، قوائم بـ -، روابط بصيغة [نص](https://…)، عناوين بـ #. تُزال البرامج النصية وأي شيفرة أخرى.
articles-no-category = بلا فئة
articles-status-draft = مسودة
articles-status-published = منشورة
articles-publish = نشر
articles-unpublish = إلغاء النشر
articles-view-public = عرض في مركز المساعدة
articles-create = إنشاء المقالة
articles-save = حفظ
articles-delete = حذف المقالة
articles-delete-confirm = حذف هذه المقالة بكل لغاتها؟ لا يمكن التراجع عن ذلك.
articles-done-created = أُنشئت المقالة.
articles-done-saved = حُفظت.
articles-done-published = نُشرت: المقالة الآن في مركز المساعدة.
articles-done-unpublished = أُلغي النشر: عادت المقالة مسودة.
articles-categories = الفئات
articles-categories-empty = لا توجد فئات بعد.
articles-category-name = اسم الفئة
articles-category-add = إضافة فئة
articles-category-delete = حذف
articles-category-delete-confirm = حذف هذه الفئة؟ تبقى مقالاتها، بلا فئة.
articles-category-count = { $count ->
    [zero] لا مقالات
    [one] مقالة واحدة
    [two] مقالتان
    [few] { $count } مقالات
    [many] { $count } مقالة
   *[other] { $count } مقالة
}
articles-public-title = مركز المساعدة – { $business }
articles-public-heading = مركز المساعدة
articles-public-article-title = { $title } – { $business }
articles-public-empty = لا توجد مقالات هنا بعد.
articles-public-other = مقالات أخرى
articles-public-other-language = لم تُكتب هذه المقالة بلغتك بعد. وهي معروضة باللغة: { $language }.
articles-public-search-title = بحث – { $business }
articles-public-search-heading = البحث في مركز المساعدة
articles-public-search-label = ابحث في المقالات
articles-public-search = بحث
articles-public-results = { $count ->
    [zero] لم يُعثر على أي مقالة
    [one] عُثر على مقالة واحدة
    [two] عُثر على مقالتين
    [few] عُثر على { $count } مقالات
    [many] عُثر على { $count } مقالة
   *[other] عُثر على { $count } مقالة
}
articles-public-no-results = لا توجد مقالة مطابقة. جرّب كلمات أخرى.
articles-public-unknown-title = الصفحة غير موجودة
articles-public-unknown = لا توجد صفحة لمركز المساعدة على هذا العنوان. يُرجى التحقق من الرابط.
