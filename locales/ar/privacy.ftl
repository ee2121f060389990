# الخصوصية: بيانات العضو والإشعار بالخصوصية (src/privacy)، وكلمات الشاشة.

## بيانات العضو (akker account data)

privacy-data-title = بياناتك لدى { $community }
privacy-data-intro = كل ما يحفظه akker عن الحساب { $account } بتاريخ { $date }: ملفك الشخصي وتعديلاته، وحسابك، وكل تبادل، وبطاقاتك، وعروضك وطلباتك، والكشوف والشهادات التي صدرت لك. يظهر الأعضاء الآخرون بأرقام حساباتهم فقط.
privacy-data-profile = ملفك الشخصي
privacy-data-account = الحساب
privacy-data-name = الاسم
privacy-data-language = اللغة
privacy-data-kind = نوع الحساب
privacy-data-kind-person = شخص
privacy-data-kind-initiative = مبادرة
privacy-data-kind-partner = منظمة شريكة
privacy-data-kind-system = حساب النظام
privacy-data-status = الحالة
privacy-data-status-open = مفتوح
privacy-data-status-closed = مغلق
privacy-data-balance = الرصيد
privacy-data-limits = الحدود
privacy-data-erased = (محذوف)
privacy-data-history = تعديلات ملفك الشخصي
privacy-data-field-display-name = تغيّر الاسم
privacy-data-field-language = تغيّرت اللغة
privacy-data-field-erased = حُذف الاسم واللغة
privacy-data-account-events = حسابك
privacy-data-event-account-opened = فُتح الحساب
privacy-data-event-limits-set = تغيّرت الحدود
privacy-data-event-account-closed = أُغلق الحساب
privacy-data-transactions = تبادلاتك
privacy-data-cards = بطاقاتك (البيانات العامة فقط)
privacy-data-card-issued = صدرت البطاقة { $number }
privacy-data-card-revoked = أُلغيت البطاقة { $number }
privacy-data-offers = عروضك وطلباتك
privacy-data-offer = عرض
privacy-data-request = طلب
privacy-data-withdrawn = سُحب بتاريخ { $date }
privacy-data-statements = الكشوف الصادرة
privacy-data-attestations = الشهادات الصادرة
privacy-data-none = لا شيء.

## الإشعار بالخصوصية (akker privacy-notice، والشاشة)

privacy-notice-title = بياناتك لدى { $community }
privacy-notice-intro = يستخدم بنك الوقت لدينا akker، وهو برنامج يسجّل الساعات المعطاة والمستلمة. تشرح هذه الصفحة ما يحفظه عنك، ولماذا، وإلى متى، ومن يراه، وما يمكنك أن تطلبه.
privacy-notice-kept-title = ما نحفظه
privacy-notice-kept = رقم حسابك، والاسم الذي اخترته (يكفي اسم مستعار)، ولغتك. ولكل تبادل: التاريخ، والساعات، ونوع العمل، ووصف قصير، ورقم حساب الشخص الآخر. والمفتاح العام لبطاقتك (وليس أبدًا رمزك السري ولا السر المكتوب على بطاقتك)، وعروضك وطلباتك على لوحة الشاشة.
privacy-notice-why-title = لماذا
privacy-notice-why = لتسيير بنك الوقت: رصيدك، وكشفك الشهري، والشهادات التي تطلبها، والدليل على أن أحدًا لم يغيّر الحسابات. لا يُباع شيء، ولا يُشارك مع المعلنين، ولا يُستعمل لأي غرض آخر.
privacy-notice-how-long-title = إلى متى
privacy-notice-how-long-open = يُحفظ اسمك ولغتك ما دام حسابك مفتوحًا. وبعد إغلاقه يُحفظان إلى أن تطلب حذفهما. تبقى التبادلات في الحسابات دائمًا، برقم حسابك فقط، لأن الحسابات يجب أن تكون صحيحة وقابلة للتدقيق.
privacy-notice-how-long-retention = يُحفظ اسمك ولغتك ما دام حسابك مفتوحًا، ثم مدة { $months ->
        [one] شهر واحد
        [two] شهرين
        [few] { $months } أشهر
       *[other] { $months } شهرًا
    } بعد إغلاقه؛ وبعدها يُحذفان. تبقى التبادلات في الحسابات دائمًا، برقم حسابك فقط، لأن الحسابات يجب أن تكون صحيحة وقابلة للتدقيق.
privacy-notice-who-title = من يراها
privacy-notice-who = يمسك الحسابات { $who } على حاسوب الجمعية. لا يرى الأعضاء الآخرون رصيدك ولا تبادلاتك أبدًا: على الشاشة، أنت وحدك ترى حسابك، بعد بطاقتك ورمزك السري. التقارير المعدّة للجمعية ولمموّليها تُظهر الأشخاص بأرقام حساباتهم.
privacy-notice-treasurer = أمين الصندوق
privacy-notice-treasurer-named = أمين الصندوق ({ $name })
privacy-notice-rights-title = ما يمكنك أن تطلبه
privacy-notice-rights = يمكنك أن تطلب رؤية كل ما يحفظه akker عنك: تستلمه على الورق وفي ملف. ويمكنك أن تطلب تصحيح اسمك أو لغتك، أو حذفهما نهائيًا: عندها لا يظهر حسابك إلا برقمه. أما التبادلات نفسها فلا يمكن حذفها لأنها موقّعة؛ ولهذا لا ينبغي لأحد أن يكتب أسماء في الوصف.
privacy-notice-contact-title = لمن تتوجّه
privacy-notice-contact-at = توجّه إلى { $who }: { $contact }.
privacy-notice-contact-in-person = توجّه إلى { $who } شخصيًا في مركز الحي.
privacy-notice-never = لا يطلب akker أبدًا وثيقة هوية ولا بطاقة إقامة ولا رقمًا وطنيًا، ولا يحق لأحد أن يطلبها منك للمشاركة.

## الشاشة

privacy-link = كيف نتعامل مع بياناتك
privacy-note-no-names = لا تكتب أسماء هنا: اكتب ما تمّ عمله. هذا النص موقّع ولا يمكن حذفه أبدًا.
privacy-note-names-warning = تحتوي هذه الملاحظة على اسم عضو. إنها موقّعة ولا يمكن حذفها أبدًا: من فضلك اكتب ما تمّ عمله دون أسماء.
