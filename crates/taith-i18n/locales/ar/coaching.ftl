nav-coaching = التدريب
coaching-title = التدريب
coaching-by = التجميع حسب
coaching-by-agent = حسب الموظف
coaching-by-team = حسب الفريق
coaching-lede = صافي نقاط الترويج (NPS) ورضا العملاء للإجابات التي تسمّيهم سمتها «agent» أو «team»، مع فترات ثقة 95%. الأسابيع قليلة الإجابات مرسومة بنقاط مفرغة.
coaching-own-only = ترى أرقامك أنت فقط: الإجابات التي قيمة «agent» فيها اسمك ({ $name }) أو بريدك الإلكتروني ({ $email }).
coaching-empty = لا توجد إجابات في هذه الفترة تحمل هذه السمة.
coaching-empty-own = لا توجد إجابات في هذه الفترة تذكرك موظفًا لها.
coaching-board-title = لوحة الترتيب: { $metric }
coaching-board-too-few = العدد أقل من أن يُقارن: تحتاج لوحة الترتيب إلى اثنين بإجابات كافية.
coaching-board-none-significant = لا يوجد فرق ذو دلالة إحصائية، لذا يتشارك الجميع المركز الأول.
coaching-board-significant = الفروق ذات الدلالة الإحصائية: { $count }. وحدها تحدد الترتيب، والمراكز المتساوية تعادل.
coaching-board-unranked = غير مرتّبين لقلة الإجابات: { $names }
coaching-rank = المركز
coaching-who = من
coaching-figure = النتيجة
coaching-praise = ثناء للمشاركة

# Case figures per case owner (agent) or per the owner's teams.
coaching-cases = الحالات
coaching-cases-handled = { $count ->
    [zero] لم تُعالَج أي حالة في هذه الفترة
    [one] عولجت حالة واحدة في هذه الفترة
    [two] عولجت حالتان في هذه الفترة
    [few] عولجت { $count } حالات في هذه الفترة
    [many] عولجت { $count } حالة في هذه الفترة
   *[other] عولجت { $count } حالة في هذه الفترة
}
coaching-cases-hint = تُحسب الحالة لمالكها: العضو الذي اسمه أو بريده الإلكتروني هو اسم الموظف. ويحسب الفريق الحالات التي يملكها أعضاؤه.
