## Site-wide: the 404 page, the menu, empty states.

site-menu = القائمة
site-not-found-title = الصفحة غير موجودة
site-not-found = لا يوجد شيء على هذا العنوان. ربما كُتب الرابط خطأً، أو نُقلت الصفحة.
site-not-found-home = الذهاب إلى صفحة البداية
site-tokens-empty = لا توجد رموز API بعد. أنشئ رمزًا أدناه عندما يحتاج نظام آخر (جهاز نقاط البيع، أو موقع متجرك، أو جدول بيانات) إلى قراءة بيانات مساحة العمل هذه أو إرسالها.
datetime-format = { $date }، الساعة { $time } بالتوقيت العالمي (UTC)
