# صوت العميل: مستكشف التعليقات والمواضيع.
nav-voc = التعليقات
voc-tabs = ما كتبه العملاء
voc-comments = التعليقات
voc-themes = المواضيع
voc-comments-lead = كل تعليق يُقرأ باللغة التي كُتب بها: ما الشعور الذي يحمله وعمّ يتحدث. يمكنك التصفية والبحث والتصدير.
voc-themes-lead = ما تعود إليه التعليقات مرارًا، وأثر كل موضوع على درجتك.
voc-csv = تنزيل CSV
voc-clear = مسح عوامل التصفية
voc-no-comments = لا توجد تعليقات في هذه الفترة بعد.
voc-no-themes = لا توجد مواضيع بعد. تظهر المواضيع مع وصول التعليقات، ويمكنك أيضًا إنشاء موضوع أدناه.
voc-comments-count = { $count ->
    [zero] لا تعليقات
    [one] تعليق واحد
    [two] تعليقان
    [few] { $count } تعليقات
    [many] { $count } تعليقًا
   *[other] { $count } تعليق
}
voc-summary = { $comments } · { $negative }% سلبية ({ $low }–{ $high }%)
voc-language-other = لغة أخرى
voc-sentiment = المشاعر
voc-sentiment-negative = سلبي
voc-sentiment-neutral = محايد
voc-sentiment-positive = إيجابي
voc-sentiment-unknown = أقصر من أن يُحكم عليه
voc-confidence = بثقة { $percent }%
voc-sentiment-split = { $negative } سلبية، { $neutral } محايدة، { $positive } إيجابية
voc-filter-q = بحث
voc-filter-language = لغة الكتابة
voc-filter-sentiment = المشاعر
voc-filter-theme = الموضوع
voc-filter-survey = الاستبيان
voc-filter-band = الدرجة
voc-filter-touchpoint = نقطة الاتصال
voc-filter-channel = القناة
voc-filter-locale = لغة الإجابة
voc-filter-customer = العميل
voc-filter-error = { $field }: { $issue }
voc-how-read = كيف تُقرأ التعليقات؟
voc-how-read-body = يقرأ taith كل تعليق على خادمك أنت، بالويلزية والإنجليزية والملايوية والسواحيلية والعربية والفيتنامية. يتعرّف على اللغة من النص (والتعليق القصير جدًا يأخذ اللغة التي أجاب بها العميل)، وعلى المشاعر من نموذج يبدأ من أساس مرفق بالبرنامج ثم يتعلّم من إجاباتك أنت: التعليق المقدَّم مع درجة عالية يُحسب إيجابيًا، والمقدَّم مع درجة منخفضة يُحسب سلبيًا.
voc-learning-base = { $language }: { $comments }، قُرئت بالنموذج الأساسي حتى الآن.
voc-learning-learned = { $language }: { $comments }؛ وقد تعلّم النموذج من { $learned } من إجاباتك ذات الدرجات.
voc-pending = { $count ->
    [zero] لا توجد تعليقات بانتظار القراءة.
    [one] تعليق واحد بانتظار القراءة.
    [two] تعليقان بانتظار القراءة.
    [few] { $count } تعليقات بانتظار القراءة.
    [many] { $count } تعليقًا بانتظار القراءة.
   *[other] { $count } تعليق بانتظار القراءة.
}
voc-theme = الموضوع
voc-mentions = مرات الذكر
voc-share = { $percent }% من التعليقات
voc-impact = الأثر على الدرجة
voc-impact-cost = يُنقص { $metric } بمقدار { $points } نقطة (± { $margin })
voc-impact-lift = يزيد { $metric } بمقدار { $points } نقطة (± { $margin })
voc-impact-unclear = فرق { $points } نقطة في { $metric } (± { $margin }): ليس فرقًا واضحًا بعد
voc-impact-none = لا توجد درجات كافية بعد
voc-impact-detail = { $metric } للإجابات التي تذكره: { $with } (n = { $with_n })؛ وللبقية: { $without } (n = { $without_n }).
voc-impact-how = كيف يُحسب الأثر؟
voc-impact-how-body = درجة الإجابات التي يذكر تعليقها الموضوع، مطروحًا منها درجة جميع الإجابات الأخرى في الفترة نفسها (سواء كان معها تعليق أم لا). وعلامة ± هي فترة الثقة 95% لهذا الفرق: فإن كانت أوسع من الفرق نفسه، فقد لا يُحدث الموضوع فرقًا حقيقيًا بعد.
voc-trend = مرات الذكر أسبوعيًا
voc-week = الأسبوع من { $from }: { $mentions }
voc-rising = في تزايد
voc-pinned = مثبّت
voc-hidden = مخفي
voc-origin-found = اكتُشف في تعليقاتك
voc-origin-staff = أنشأه فريقك
voc-figures = الأرقام
voc-where-negative = أين يشتكي العملاء منه
voc-examples = تعليقات تذكره
voc-all-comments = كل تعليقاته
voc-phrases = الكلمات والعبارات
voc-phrases-hint = واحدة في كل سطر أو مفصولة بفواصل، بأي لغة: التعليق الذي يستخدم إحداها يُعدّ ذاكرًا للموضوع.
voc-new-theme = موضوع جديد
voc-edit = تعديل الموضوع
voc-pin = تثبيت في الأعلى
voc-hide = إخفاء (لن يعود من تلقاء نفسه)
voc-merge = دمج
voc-merge-into = دمج هذا الموضوع في
voc-split = فصل
voc-split-which = العبارات التي تكوّن موضوعًا مستقلًا
voc-split-name = اسم الموضوع الجديد
voc-negative-themes = الشكاوى هنا
voc-negative-themes-none = لا توجد مواضيع سلبية هنا في هذه الفترة.
voc-costly-themes = ما الذي يخفض درجتك أكثر
voc-all-themes = كل المواضيع
