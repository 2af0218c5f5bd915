## The account page, password change and reset.

account-title = حسابك
account-profile = الاسم واللغة
account-language = اللغة
account-language-browser = لغة متصفحي
account-language-hint = يخاطبك taith بهذه اللغة على كل جهاز تسجّل الدخول منه. وتغيّرها أيضًا قائمة اللغات في أعلى الصفحة.
account-saved-profile = حُفظ اسمك ولغتك.
account-saved-password = غُيّرت كلمة المرور. وسُجّل الخروج من كل متصفح آخر كان مسجّلًا باسمك.
account-saved-session = سُجّل الخروج من ذلك المتصفح.
account-saved-others = سُجّل الخروج من كل المتصفحات الأخرى.

account-password = كلمة المرور
account-password-current = كلمة المرور الحالية
account-password-new = كلمة المرور الجديدة
account-password-rule = 10 أحرف على الأقل. بضع كلمات تتذكرها تصنع كلمة مرور جيدة.
account-password-current-wrong = هذه ليست كلمة المرور الحالية.
account-password-others-out = تغييرها يسجّل خروجك من كل المتصفحات الأخرى، ويبقى هذا المتصفح مسجّلًا.
account-password-submit = تغيير كلمة المرور

account-sessions = أين سجّلت الدخول
account-sessions-intro = كل متصفح مسجّل الدخول باسمك. سجّل الخروج من أي متصفح لا تعرفه، أو تركته مسجّلًا في مكان ما.
account-sessions-browser = المتصفح
account-sessions-since = سجّل الدخول في
account-sessions-until = مسجّل الدخول حتى
account-sessions-this = هذا المتصفح
account-sessions-unknown-browser = متصفح غير معروف
account-sessions-sign-out = تسجيل الخروج
account-sessions-others = تسجيل الخروج من كل مكان آخر
account-sessions-others-confirm = هل تريد تسجيل الخروج من كل متصفح آخر مسجّل باسمك؟
account-sessions-none-else = أنت مسجّل الدخول من هذا المتصفح فقط.

account-forgot-link = هل نسيت كلمة المرور؟
account-forgot-title = هل نسيت كلمة المرور؟
account-forgot-intro = اكتب عنوان البريد الإلكتروني الذي تسجّل الدخول به، وسنرسل إليك رابطًا لاختيار كلمة مرور جديدة.
account-forgot-submit = أرسل لي رابطًا
account-forgot-sent = إن كان هذا العنوان لأحد الحسابات، فإن رابطًا لاختيار كلمة مرور جديدة في طريقه إليه.
account-forgot-expiry = { $minutes ->
    [zero] يعمل الرابط مرة واحدة فقط.
    [one] يعمل الرابط مرة واحدة، لمدة دقيقة واحدة.
    [two] يعمل الرابط مرة واحدة، لمدة دقيقتين.
    [few] يعمل الرابط مرة واحدة، لمدة { $minutes } دقائق.
    [many] يعمل الرابط مرة واحدة، لمدة { $minutes } دقيقة.
   *[other] يعمل الرابط مرة واحدة، لمدة { $minutes } دقيقة.
}
account-forgot-spam = لم يصل شيء بعد بضع دقائق؟ انظر في مجلد الرسائل غير المرغوب فيها، أو اسأل من يدير taith لك.
account-back-to-sign-in = العودة إلى تسجيل الدخول

account-reset-title = اختر كلمة مرور جديدة
account-reset-submit = تعيين كلمة المرور الجديدة
account-reset-signs-out = تعيينها يسجّل خروجك من كل مكان، ثم تسجّل الدخول بكلمة المرور الجديدة.
account-reset-done = غُيّرت كلمة المرور. سجّل الدخول بكلمة المرور الجديدة.
account-reset-dead-title = هذا الرابط لم يعد يعمل
account-reset-dead = لقد استُخدم من قبل، أو أصبح قديمًا.
account-reset-ask-again = اطلب رابطًا جديدًا

account-reset-mail-subject = اختر كلمة مرور جديدة لـ taith
account-reset-mail-greeting = مرحبًا { $name }،
account-reset-mail-intro = طلب أحدهم إعادة تعيين كلمة مرور حساب taith الخاص بالعنوان { $email }. إن كنت أنت، فاختر كلمة مرور جديدة من هنا:
account-reset-mail-action = اختر كلمة مرور جديدة
account-reset-mail-expiry = { $minutes ->
    [zero] يعمل الرابط مرة واحدة فقط.
    [one] يعمل الرابط مرة واحدة، لمدة دقيقة واحدة.
    [two] يعمل الرابط مرة واحدة، لمدة دقيقتين.
    [few] يعمل الرابط مرة واحدة، لمدة { $minutes } دقائق.
    [many] يعمل الرابط مرة واحدة، لمدة { $minutes } دقيقة.
   *[other] يعمل الرابط مرة واحدة، لمدة { $minutes } دقيقة.
}
account-reset-mail-ignore = إن لم تطلب ذلك، فتجاهل هذه الرسالة: تبقى كلمة المرور كما هي.

## What each role may do, where roles are chosen.
roles-explained = ما يستطيع كل دور فعله
role-owner-explained = كل شيء: يحرّر الرحلات والاستبيانات وشخصيات العملاء، ويدير الأعضاء ورموز API، ويعيّن مالكين آخرين.
role-admin-explained = كل ما يفعله المالك، ما عدا تعيين المالكين.
role-analyst-explained = يقرأ الرحلات والأرقام وكل إجابة مع تعليقها، ولا يغيّر شيئًا.
role-agent-explained = يقرأ كل شيء، ويسجّل الإجابات نيابة عن العملاء، ويحرّر نقاط الاتصال التي يملكها.
role-viewer-explained = يرى الرحلات والأرقام، لكن لا يرى ما كتبه كل عميل.
