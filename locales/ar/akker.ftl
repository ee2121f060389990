# akker: كشوف الحساب والشهادات، العربية.
# كلمات قصيرة وبسيطة.

## التواريخ

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
month-short-1 = يناير
month-short-2 = فبراير
month-short-3 = مارس
month-short-4 = أبريل
month-short-5 = مايو
month-short-6 = يونيو
month-short-7 = يوليو
month-short-8 = أغسطس
month-short-9 = سبتمبر
month-short-10 = أكتوبر
month-short-11 = نوفمبر
month-short-12 = ديسمبر
date-long = { $day } { $month } { $year }
date-short = { $day }/{ $month }
month-year = { $month } { $year }

## الرأس

statement-title = كشف الحساب
statement-for-month = كشف حساب { $month }
currency-line = العملة: { $name } ({ $unit })
account-number = رقم الحساب { $id }
issued-on = طُبع في { $date }
page-number = صفحة { $page } من { $pages }
blank-page = تُركت هذه الصفحة فارغة عمدًا.

## الرصيد

balance-now = رصيدك
balance-start = في بداية الشهر
balance-end = في نهاية الشهر
balance-came-in = ساعات دخلت هذا الشهر
balance-went-out = ساعات خرجت هذا الشهر
balance-positive = أعطيت مساعدة أكثر مما أخذت.
balance-negative = أخذت مساعدة أكثر مما أعطيت.
balance-zero = أعطيت مساعدة بقدر ما أخذت.
balance-below-floor = رصيدك أقل من حدّك الأدنى { $floor } { $unit }. لا تطلب مساعدة أخرى الآن: ساعد شخصًا لتكسب ساعات، أو تحدّث مع أمين الصندوق.
balance-system = هذا حساب للمجتمع وليس شخصًا: رصيده هو ما دفعه وما تلقّاه.
limits-title = حدودك
limit-floor = أقل حد: { $amount } { $unit }
limit-ceiling = أعلى حد: { $amount } { $unit }
limits-explained = الرصيد السالب يعني أنك أخذت مساعدة أكثر مما أعطيت؛ وهذا مقبول حتى حدك الأدنى { $floor } { $unit }. يمكنك أن تجمع حتى { $ceiling } { $unit }.

## التبادلات

lines-title = تبادلاتك هذا الشهر
lines-none = لا توجد تبادلات هذا الشهر.
column-date = التاريخ
column-who = مع
column-what = ماذا
column-kind = نوع العمل
column-in = دخل
column-out = خرج
column-balance = الرصيد
signed-member = وقّعه العضو
signed-key-holder = وقّعه مسؤول عن المبادرة
signed-treasurer = أدخله أمين الصندوق
signed-treasurer-slip = أدخله أمين الصندوق من الورقة { $slip }
line-reversal = هذا يلغي العملية رقم { $seq } بتاريخ { $date }. السبب: { $reason }
line-correction = تصحيح: { $what }
line-reversed = أُلغيت لاحقًا هذا الشهر بالعملية رقم { $seq }.
line-override = تجاوز الحد بإذن: { $reason }
line-number = العملية رقم { $seq }

## أنواع العمل

work-care = رعاية
work-community = عمل جماعي
work-self-development = تعلّم
work-practical = مساعدة عملية

## المجاميع

totals-title = المساعدة المقدَّمة والمتلقّاة، بالساعات
totals-given = مساعدة قدّمتها
totals-received = مساعدة تلقّيتها
exchange-count = { $count ->
    [zero] لا تبادل
    [one] تبادل واحد
    [two] تبادلان
    [few] { $count } تبادلات
    [many] { $count } تبادلًا
   *[other] { $count } تبادل
}
people-helped = { $count ->
    [zero] لم تساعد أحدًا.
    [one] ساعدت شخصًا واحدًا.
    [two] ساعدت شخصين.
    [few] ساعدت { $count } أشخاص مختلفين.
    [many] ساعدت { $count } شخصًا مختلفًا.
   *[other] ساعدت { $count } شخص مختلف.
}

## الرسم

chart-title = رصيدك خلال 12 شهرًا
chart-alt = رصيدك في نهاية كل شهر: { $values }.

## المبادرات

contributors-title = من أعطى ساعات لهذه المجموعة
column-member = العضو
column-total = المجموع

## التحقق

verify-title = تحقّق من هذا الكشف
verify-code = الرمز: { $code }
verify-explained = هذا الكشف موقّع. للتحقق منه، امسح رمز QR في الكشك، أو اسأل أمين الصندوق.
verify-chain = رأس السلسلة الموقّع: { $hash }
verify-key = مفتاح أمين الصندوق: { $fingerprint }
contact-title = أسئلة حول هذا الكشف؟
contact-treasurer = أمين الصندوق: { $name } ({ $contact })
contact-treasurer-name = أمين الصندوق: { $name }
contact-treasurer-unknown = اسأل أمين صندوق { $community } في الكشك.
contact-question = إذا بدا لك سطر خاطئًا، أعطِ أمين الصندوق رقم العملية. يُصحَّح الخطأ بسطر تصحيح في كشفك القادم.

## الشهادة

attestation-title = شهادة مشاركة في الحي
attestation-intro = تؤكد { $community } أن { $name } (الحساب { $id }) أعطى { $total } { $unit } من المساعدة للآخرين بين { $from } و { $to }.
attestation-by-work = الساعات المعطاة حسب نوع العمل
attestation-by-initiative = الساعات المعطاة للمجموعات والمبادرات
attestation-none = لا شيء في هذه الفترة.
attestation-total = المجموع المعطى
attestation-exchanges = { $count ->
    [zero] بدون أي تبادل.
    [one] في تبادل واحد.
    [two] في تبادلين.
    [few] في { $count } تبادلات.
   *[other] في { $count } تبادلًا.
}
attestation-explained = بنك الوقت يحسب المساعدة بالساعات: ساعة مساعدة تساوي ساعة، مهما كان العمل. الساعات المقدَّمة هديةً دون عمل لا تُحسب. هذه الشهادة موقّعة ويمكن التحقق منها بالرمز أدناه.
attestation-verify-title = تحقّق من هذه الشهادة
attestation-signature = التوقيع
attestation-done-at = حُرّر في { $place } بتاريخ { $date }.
attestation-registration = رقم التسجيل: { $number }
attestation-contact = للتواصل: { $contact }
attestation-check-outside = للتحقق من هذه الشهادة دون برنامج حاسوب، تواصل مع أمين الصندوق، { $name } ({ $contact })، وأعطه الرمز أدناه.
attestation-check-address = أو أدخل الرمز في { $address }.


## الهدايا وصندوق المجتمع: ساعات تنتقل دون عمل

line-kind-gift = هدية
line-kind-contribution = مساهمة في الصندوق
line-kind-demurrage = عائد إلى الصندوق
line-gift = هدية من الساعات، وليست عملًا: لا تُحسب مساعدةً مقدَّمة أو مستلَمة.
line-fund-contribution = المساهمة في صندوق المجتمع عن { $period }: نفسها لكل حساب نشط. ليست عملًا.
line-fund-demurrage = حصة صندوق المجتمع من المدخرات فوق الحد، عن { $period }. ليست عملًا.
apart-title = لا يُحسب مساعدةً
apart-gifts-given = هدايا قدّمتها
apart-gifts-received = هدايا تلقيتها
apart-fund-paid = مدفوع إلى صندوق المجتمع
apart-fund-received = مستلَم بحسب قواعد الصندوق

## الحدود المرنة وحدّ أدنى ينمو مع العطاء

soft-notice-title-floor = رصيدك أقل من { $limit } { $unit }
soft-notice-title-ceiling = رصيدك أعلى من { $limit } { $unit }
soft-notice-floor = هذا مسموح، لكنه يعني أنك تلقيت مساعدة أكثر بكثير مما قدّمت.
soft-notice-floor-todo = ما يمكنك فعله: اعرض مساعدتك على أحد (في الكشك، على لوحة العروض) لتكسب ساعات، أو تحدّث مع أمين الصندوق.
soft-notice-ceiling = هذا مسموح، لكنه يعني أنك ادّخرت ساعات كثيرة: قيمة الساعات في تداولها.
soft-notice-ceiling-todo = ما يمكنك فعله: اطلب المساعدة التي تحتاجها، أو أهدِ ساعات لصندوق المجتمع، أو تحدّث مع أمين الصندوق.
limit-soft-floor = تنبيه تحت: { $amount } { $unit }
limit-soft-ceiling = تنبيه فوق: { $amount } { $unit }
grown-floor-title = كيف يُحسب حدّك الأدنى
grown-floor-formula = كلما قدّمت مساعدة أكثر، أمكن أن ينزل حدّك الأدنى أكثر. قدّمت { $given } { $unit } من المساعدة في { $months ->
    [one] الشهر الأخير
    [two] الشهرين الأخيرين
    [few] آخر { $months } أشهر
   *[other] آخر { $months } شهرًا
}؛ و{ $percent } ٪ من ذلك تساوي { $grown } { $unit }. حدّك الأدنى: { $base } { $unit } منقوصًا منه { $grown } { $unit } يساوي { $floor } { $unit }.
grown-floor-capped = كلما قدّمت مساعدة أكثر، أمكن أن ينزل حدّك الأدنى أكثر. قدّمت { $given } { $unit } من المساعدة في { $months ->
    [one] الشهر الأخير
    [two] الشهرين الأخيرين
    [few] آخر { $months } أشهر
   *[other] آخر { $months } شهرًا
}؛ و{ $percent } ٪ من ذلك تساوي { $grown } { $unit }، وهذا يعطي { $result } { $unit }. لا ينزل الحد الأدنى أبدًا تحت { $cap } { $unit }، لذلك حدّك هو { $floor } { $unit }.
limit-changes-title = تغيّرت حدودك هذا الشهر
limit-change = { $date }: { $limit } من { $from } إلى { $to } { $unit } ({ $cause }).
limit-change-new = { $date }: { $limit } حُدّد عند { $to } { $unit } ({ $cause }).
limit-change-removed = { $date }: أُلغي { $limit } ({ $cause }).
limit-name-floor = حدّك الأدنى
limit-name-ceiling = حدّك الأعلى
limit-name-soft-floor = التنبيه تحت
limit-name-soft-ceiling = التنبيه فوق
limit-cause-treasurer = حدّده أمين الصندوق
limit-cause-treasurer-reason = حدّده أمين الصندوق: { $reason }
limit-cause-kind = تغيّرت القاعدة لكل الحسابات مثل حسابك
limit-cause-growth = محسوب من المساعدة التي قدّمتها

## طلبات الساعات

requests-waiting-title = ينتظر ردّك
requests-waiting-explained = يقول هؤلاء إنهم ساعدوك ويطلبون الساعات. لا يُدفع شيء حتى تؤكد. أكّد أو ارفض في الكشك ببطاقتك ورمزك السري، أو اسأل أمين الصندوق.
requests-yours-title = طلبتَ ساعات: ما زال في الانتظار
requests-closed-title = طلبات رُفضت أو انتهت مدتها هذا الشهر
request-pending-detail = المساعدة في { $date } · الطلب في { $made } · يمكن الرد حتى { $on } · الطلب رقم { $seq }
request-declined-by-you = المساعدة في { $date } · الطلب في { $made } · رفضتَه في { $on } · الطلب رقم { $seq }
request-declined-by-them = المساعدة في { $date } · الطلب في { $made } · رُفض في { $on } · الطلب رقم { $seq }
request-reason = السبب: { $reason }
request-decline-not-me = لم أكن أنا
request-decline-wrong-hours = الساعات غير صحيحة
request-decline-not-done = لم يُنجَز
request-expired-yours = المساعدة في { $date } · الطلب في { $made } · انتهت مدته في { $on } دون رد، فلم يُدفع شيء · الطلب رقم { $seq }
request-expired-theirs = المساعدة في { $date } · الطلب في { $made } · انتهت مدته في { $on }: لم تردّ، فلم يُدفع شيء · الطلب رقم { $seq }

# The default unit "hours", in this language (a community may name its own unit).
unit-hours = ساعات
skill-childcare = رعاية الأطفال
skill-elderly-visit = زيارة المسنين
skill-cooking = الطبخ
skill-neighbourhood = الحي
skill-cleanup = التنظيف
skill-language = اللغة
skill-computer-help = مساعدة في الحاسوب
skill-tutoring = الدعم المدرسي
skill-bike-repair = إصلاح الدراجات
skill-gardening = البستنة
skill-sewing = الخياطة
skill-translation = الترجمة
skill-workshop = ورشة

## ------------------------------------------------------------------
## تقرير المجتمع (akker report). كل ما يلي خاص بالتقرير؛ المعرّفات تبدأ
## بـ report-.

report-title = تقرير المجتمع
report-period = من { $from } إلى { $to }
report-as-of = الأرقام كما كانت الدفاتر عند القيد رقم { $seq }.
report-rules = التصحيحات (الإلغاءات) والقيود التي تلغيها لا تُحسب. التحويلات مع صندوق المجتمع تُحسب على حدة.
report-glance-title = الفترة في لمحة
report-tile-exchanges = تبادلات
report-tile-hours = { $unit } متبادلة
report-tile-active = أعضاء نشطون من { $members }
report-tile-pairs = أزواج مختلفة
report-tile-groups = مبادرات وشركاء نشطون
report-by-work-title = الساعات حسب نوع العمل
report-column-hours = الساعات
report-column-exchanges = التبادلات
report-by-skill-title = الساعات حسب المهارة
report-no-skill = بدون مهارة محددة
report-initiatives-title = المبادرات
report-initiatives-none = لم تتبادل أي مبادرة ساعات في هذه الفترة.
report-from-members = مستلم من الأعضاء
report-from-others = مستلم من الشركاء والمجموعات
report-paid-out = مدفوع
report-members-paid = { $count ->
    [zero] لم تدفع لأي عضو.
    [one] دفعت لعضو واحد.
    [two] دفعت لعضوين.
   *[other] دفعت لـ { $count } أعضاء مختلفين.
}
report-giving-title = من يعطي ومن يأخذ
report-top-tenth = أنشط عُشر من الأعضاء ({ $count }) أعطى { $percent } % من الساعات التي أعطاها الأعضاء.
report-deciles-caption = الساعات التي أعطاها كل عُشر من الأعضاء، الأنشط أولاً
report-only-give = أعطى فقط
report-only-receive = أخذ فقط
report-give-and-receive = أعطى وأخذ
report-neither = بلا تبادل
report-call-title = من يحتاج إلى اتصال
report-call-quiet = أعضاء بلا تبادل منذ { $weeks } أسابيع (منذ { $date })
report-call-quiet-none = كل عضو قام بتبادل في آخر { $weeks } أسابيع.
report-call-new = أعضاء جدد بلا تبادل أول
report-call-new-none = كل عضو قام بتبادله الأول.
report-column-account = العضو
report-column-last = آخر تبادل
report-column-opened = عضو منذ
report-months-title = شهراً بشهر
report-column-month = الشهر
report-column-active = أعضاء نشطون
report-column-new-connections = روابط جديدة
report-system = تحويلات النظام (أرصدة الترحيب، مدفوعات الصندوق)، غير محسوبة أعلاه: { $count }، { $hours } { $unit }.
report-map-title = من تبادل مع من
report-map-explained = كل خط يصل بين طرفين تبادلا ساعات في هذه الفترة: كلما كان أسمك كانت الساعات أكثر؛ ولونه هو نوع العمل الرئيسي. الدوائر أعضاء، والمسدسات مبادرات، والمعينات شركاء، والمربعات حسابات النظام.
report-map-numbers = يظهر الأعضاء بأرقام حساباتهم.
report-map-capped = رُسمت أقوى { $drawn } روابط من أصل { $total }.
report-map-grouped = لتبقى الخريطة مقروءة، رُسمت أقوى صلة لكل حساب ثم أقوى الصلات الأخرى؛ أما الصلات الأخرى وعددها { $rest } ({ $hours } ساعات) فهي في الأرقام وفي ملف JSON.
report-legend-person = عضو
report-legend-initiative = مبادرة
report-legend-partner = شريك
report-legend-system = حساب النظام
report-growth-title = هل ينمو المجتمع؟
report-growth-intro = كل رقم بجانب الفترة السابقة بالطول نفسه: من { $from } إلى { $to } (عدد الأيام: { $days }).
report-growth-column-now = هذه الفترة
report-growth-column-before = الفترة السابقة
report-growth-column-change = التغيّر
report-growth-members = الأعضاء في نهاية الفترة
report-growth-joined = الأعضاء المنضمّون
report-growth-left = الأعضاء المغادرون
report-growth-active = الأعضاء النشطون
report-growth-still-active = ما زالوا نشطين بعد { $months } أشهر من انضمامهم
report-growth-share = { $percent } % ({ $part } من { $whole })
report-growth-nobody-joined = لم ينضم أحد حينها
report-growth-points = نقاط مئوية: { $points }
report-growth-explained = «ما زالوا نشطين بعد N أشهر»: من الأعضاء الذين انضموا قبل كل فترة بـ N أشهر، من أجرى تبادلًا خلال الفترة بعد N أشهر على الأقل من انضمامه.
report-chart-title = الأعضاء النشطون والساعات حسب الشهر
report-chart-active-above = الرقم فوق كل عمود: الأعضاء النشطون في ذلك الشهر.
report-column-total-period = الفترة كلها

report-requests-title = طلبات الساعات
report-requests-explained = من قدّم المساعدة يطلب الساعات؛ ولا يُدفع شيء حتى يؤكد من تلقّاها.
report-requests-made = مقدَّمة
report-requests-confirmed = مؤكَّدة
report-requests-declined = مرفوضة
report-requests-withdrawn = سحبها مقدّم الطلب
report-requests-expired = انتهت مدتها دون رد
report-requests-pending = ما زالت تنتظر في نهاية الفترة
report-requests-median = الوقت الوسيط من الطلب إلى التأكيد، بالأيام: { $days }.
report-requests-median-none = لم يُؤكَّد أي طلب في هذه الفترة.
report-gifts = هدايا الساعات، لا تُحسب تبادلات ولا مساعدة مقدَّمة: { $count }، { $hours } { $unit }، منها { $fund } { $unit } لصندوق المجتمع.
report-fund-runs = قواعد صندوق المجتمع المطبَّقة: { $count }؛ المساهمات { $contribution } { $unit }، العائد إلى الصندوق { $demurrage } { $unit }.
report-closed-named = { $count ->
    [zero] لا يحمل أي حساب مغلق اسمًا.
    [one] حساب مغلق واحد ما زال يحمل اسمًا (انظر مدة الحفظ في دليل أمين الصندوق).
   *[other] { $count } حسابات مغلقة ما زالت تحمل اسمًا (انظر مدة الحفظ في دليل أمين الصندوق).
}
report-call-requests = أعضاء تنتظرهم طلبات منذ أكثر من { $days ->
    [few] { $days } أيام
   *[other] { $days } يومًا
}
report-call-requests-none = لا ينتظر أي عضوٍ طلبٌ منذ أكثر من { $days ->
    [few] { $days } أيام
   *[other] { $days } يومًا
}.
report-column-requests = طلبات تنتظر
report-column-oldest = أقدمها في
report-call-soft = أعضاء تجاوزوا حدًا مرنًا في نهاية الفترة
report-call-soft-none = لم يتجاوز أي عضو حدًا مرنًا.
report-column-soft-balance = الرصيد
report-column-soft-limit = الحد المرن
