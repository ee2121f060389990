# akker kiosk — العربية. كلمات قصيرة وبسيطة.

welcome-title = مرحبا
welcome-choose = اختر لغتك
idle-label = الخروج بعد
idle-still-there = هل ما زلت هنا؟ المس الشاشة.
idle-seconds = ث
logout = خروج
ok = موافق
cancel = إيقاف
back = رجوع
next = التالي
change = تغيير
save = حفظ
key-delete = مسح
key-keyboard = لوحة المفاتيح
key-shift = حرف كبير
key-space = مسافة
key-other-letters = حروف أخرى
key-done = إغلاق لوحة المفاتيح

card-title = امسح بطاقتك
card-hint = ضع بطاقتك تحت الماسح.
card-or-type = اكتب رقم بطاقتك
card-member-number = رقمك (مثل M001)
card-code = الرمز الموجود على بطاقتك
card-missing = امسح بطاقتك، أو اكتب رقمك والرمز الموجود على بطاقتك.
card-bad-code = هذا الرمز غير صحيح. انظر إلى بطاقتك وحاول مرة أخرى.
card-unknown = لا نعرف هذه البطاقة. اطلب المساعدة من أمين الصندوق.
card-wait = جُرّبت بطاقات غير معروفة كثيرة في هذا الكشك. انتظر { $seconds } ثانية، ثم امسح بطاقتك مرة أخرى.
card-number-missing = اكتب رقمك أيضا (مثل M001)، ثم الرمز الموجود على بطاقتك.

pin-title = اكتب رمزك السري
pin-wrong = الرمز السري خطأ. يمكنك المحاولة { $left } مرات أخرى.
pin-bad-format = الرمز السري فيه من 4 إلى 6 أرقام. حاول مرة أخرى.
pin-locked-title = البطاقة مقفلة
pin-locked = الرمز السري كان خطأ مرات كثيرة. بطاقتك مقفلة لمدة { $minutes } دقيقة، حتى الساعة { $time }. أمين الصندوق يمكنه مساعدتك.

home-title = الرئيسية
home-balance-label = ساعاتك
hours-unit = ساعات
home-positive = أعطيت مساعدة أكثر مما أخذت. شكرا لك!
home-zero = أعطيت مساعدة بقدر ما أخذت.
home-negative = أخذت مساعدة أكثر مما أعطيت. هذا لا بأس به، حتى { $floor } ساعة.
home-last = آخر تبادلاتك
home-older = تبادلات أقدم
home-older-button = تبادلات أقدم
home-newest = آخر التبادلات
home-none = لا توجد تبادلات بعد.
btn-pay = تلقيت مساعدة
btn-offers = العروض والطلبات
btn-statement = كشف حسابي
btn-home = الرئيسية

work-care = رعاية
work-community = الحي والمجتمع
work-self-development = تعلّم
work-practical = مساعدة عملية

pay-who = من ساعدك؟
pay-search = الاسم أو الرقم
pay-search-button = بحث
pay-recent = أشخاص تعرفهم
pay-everyone = الجميع
pay-found = النتائج
pay-no-match = لم نجد أحدا بهذا الاسم.
pay-scan = أو امسح بطاقته
pay-hours = كم ساعة؟
pay-less = أقل
pay-more = أكثر
pay-kind = أي نوع من المساعدة؟
pay-note = ملاحظة قصيرة (يمكن تركها فارغة)
pay-check = هل هذا صحيح؟
pay-summary-sentence = تعطي { $hours } ساعات إلى { $name } مقابل: { $work }.
pay-balance-after = بعد ذلك يبقى لك { $balance } ساعات.
pay-confirm-pin = اكتب رمزك السري للموافقة
pay-confirm = نعم، أعط الساعات

receipt-title = تمّ!
receipt-sentence = { $name } تلقى منك { $hours } ساعات.
receipt-number = رقم { $seq }

pay-refused-floor = غير ممكن: سيصبح رصيدك { $would } ساعات. الحد الأدنى هو { $floor } ساعة. أعط ساعات أقل.
pay-refused-other = لا يمكن إعطاء ساعات إلى { $name } الآن. أعط ساعات أقل أو اختر شخصا آخر؛ يمكن لأمين الصندوق أن يخبرك بالمزيد.
pay-refused-generic = هذا غير ممكن الآن. يمكن لأمين الصندوق أن يخبرك بالسبب.
pay-refused-self = لا يمكنك أن تعطي ساعات لنفسك. اختر شخصا آخر.
pay-bad-person = اختر شخصا من القائمة.
pay-bad-amount = اختر الساعات بزر − و +: من 0,25 إلى 24 ساعة.
pay-bad-work = اختر نوع المساعدة: المس إحدى الصور.
pay-bad-note = في الملاحظة رموز لا يمكن استعمالها. اكتبها مرة أخرى.
pay-bad-note-long = النص طويل جدا: { $max } حرفا على الأكثر.
pay-form-used = هذه الصفحة أرسلت من قبل. أعطيت الساعات مرة واحدة فقط.
pay-form-stale = هذه الصفحة قديمة: لم يُعطَ شيء. ابدأ من جديد.

offers-add = أضف عرضي أو طلبي
offers-offered = يمكن للناس المساعدة في
offers-asked = يحتاج الناس مساعدة في
offers-none = لا شيء بعد.
offers-withdraw = حذف
offers-saved = تم الحفظ. يمكن للجميع رؤيته الآن.
offers-withdrawn = تم الحذف.
offers-i-offer = أستطيع المساعدة
offers-i-ask = أحتاج مساعدة
offers-what = في ماذا؟ (بضع كلمات)
offers-bad-direction = اختر: أستطيع المساعدة، أو أحتاج مساعدة.
offers-bad-what = اكتب في بضع كلمات عن ماذا يتعلق الأمر.
offers-bad-id = هذا ليس من عروضك.

statement-month = هذا الشهر حتى الآن: { $month }
statement-opening = في بداية الشهر
statement-now = الآن
statement-lines = تبادلات هذا الشهر
statement-lines-explained = كل تبادل سُجّل هذا الشهر، مع اليوم الذي تم فيه (التبادل الذي كُتب متأخراً قد يحمل تاريخاً أقدم).
statement-totals = حسب نوع المساعدة
statement-work = نوع العمل
statement-given = ساعدت
statement-received = تلقيت مساعدة
statement-print = طباعة

statement-tab-now = هذا الشهر
statement-tab-last = آخر كشف
statement-tab-check = تحقق من رمز

last-title = آخر كشف حساب لي
last-month = كشف حساب { $month }
last-made-on = صدر في { $date }
last-none = ليس لديك كشف شهري بعد. يأتي بعد نهاية الشهر.
last-in = ساعات دخلت
last-out = ساعات خرجت
last-end = في نهاية الشهر
last-lines = التبادلات في { $month }
last-chart = ساعاتك خلال 12 شهرا
last-code-title = رمز هذا الكشف
last-code-explained = بهذا الرمز يستطيع أي شخص أن يتحقق من الورقة، هنا في هذا الجهاز.

check-title = تحقق من كشف حساب
check-hint = ضع رمز QR الموجود على الكشف تحت الماسح.
check-or-type = اكتب الرمز
check-code-label = الرمز تحت رمز QR: ‏12 من الحروف والأرقام
check-button = تحقق
check-again = تحقق من رمز آخر
check-code = الرمز
check-yes = الرمز صحيح.
check-no = الرمز غير صحيح.
check-own-statement = هذا كشف حسابك لشهر { $month }.
check-own-attestation = هذه شهادة مشاركتك في الحي، من { $from } إلى { $to }.
check-own-given = ساعات المساعدة التي أعطيتها
check-own-compare = انظر: يجب أن يكون على ورقتك نفس الشيء.
check-other = هذا الرمز لكشف حساب من هذا المجتمع. الكشف ليس لك، لذلك لا نعرض شيئا آخر.
check-no-text = لا يوجد كشف حساب في هذا المجتمع بهذا الرمز. تأكّد أولًا أن كل حرف ورقم كُتب كما في الورقة (0 و O، و 1 و I متشابهة)، أو امسح رمز QR. إن لم يتطابق بعد ذلك، فربما تم تغيير الورقة أو أنها من مكان آخر: اسأل أمين الصندوق.
check-treasurer-key = مفتاح أمين الصندوق: { $fingerprint }. يجب أن يكون نفسه كما في الإعلان المعلّق في المركز المجتمعي.
check-bad-empty = امسح رمز QR أولا، أو اكتب الرمز.
check-bad-long = هذا طويل جدا ليكون رمزا. امسح أو اكتب الرمز فقط.
check-bad-code = هذا ليس رمز كشف حساب. في الرمز 12 من الحروف والأرقام، مثل 7KQ2-M9XD-4TNA.

bye-title = مع السلامة!
bye-idle = تم إخراجك لأن أحدا لم يلمس الشاشة.
bye-again = ابدأ من جديد

error-title = لم ينجح ذلك
error-nothing-changed = لم يتغير شيء.
error-internal = حدث خطأ عندنا. لم يسجل شيء. اسأل أمين الصندوق.
error-clock-behind = ساعة هذا الحاسوب تقول { $now }، قبل آخر دفعة ({ $last }). لم يسجل شيء. اطلب من أمين الصندوق ضبط الساعة.
error-clock-issued = ساعة هذا الحاسوب تقول { $now }، في شهر طُبعت كشوفه ({ $month }) من قبل. لم يسجل شيء. اطلب من أمين الصندوق ضبط الساعة.
error-clock-jump = ساعة هذا الحاسوب تقول { $now }، بعد آخر دفعة ({ $last }) بوقت طويل. لم يسجل شيء. على أمين الصندوق أن يتحقق من التاريخ أولا.
error-busy = السجل مشغول. انتظر قليلا وحاول مرة أخرى.
error-not-found = هذه الصفحة غير موجودة.
error-too-long = ما تم إرساله طويل جدا.
session-restarted = أُعيد تشغيل الكشك، لذلك تم إخراجك. سجّل الدخول مرة أخرى: آخر تبادلاتك موجودة على شاشتك الرئيسية.
error-csrf = هذه الصفحة قديمة أو لم تأت من هذا الجهاز. ابدأ من جديد.

## النطق: ما يقوله زر مكبر الصوت، والساعات بالكلمات.
say-listen = استمع
say-number = { $n ->
    [0] صفر
    [1] واحدة
    [2] اثنتان
    [3] ثلاث
    [4] أربع
    [5] خمس
    [6] ست
    [7] سبع
    [8] ثماني
    [9] تسع
    [10] عشر
    [11] إحدى عشرة
    [12] اثنتا عشرة
    [13] ثلاث عشرة
    [14] أربع عشرة
    [15] خمس عشرة
    [16] ست عشرة
    [17] سبع عشرة
    [18] ثماني عشرة
    [19] تسع عشرة
    [20] عشرون
   *[other] { $n }
}
say-hours = { $quarter ->
    [1] { $count ->
        [0] ربع ساعة
        [1] ساعة وربع
        [2] ساعتان وربع
        [few] { $whole } ساعات وربع
       *[other] { $whole } ساعة وربع
    }
    [2] { $count ->
        [0] نصف ساعة
        [1] ساعة ونصف
        [2] ساعتان ونصف
        [few] { $whole } ساعات ونصف
       *[other] { $whole } ساعة ونصف
    }
    [3] { $count ->
        [0] ثلاثة أرباع الساعة
        [1] ساعة وثلاثة أرباع
        [2] ساعتان وثلاثة أرباع
        [few] { $whole } ساعات وثلاثة أرباع
       *[other] { $whole } ساعة وثلاثة أرباع
    }
   *[0] { $count ->
        [0] صفر ساعة
        [1] ساعة واحدة
        [2] ساعتان
        [few] { $whole } ساعات
       *[other] { $whole } ساعة
    }
}
say-minus = ناقص { $hours }
say-balance = لديك { $hours }.
say-home-negative = تلقيت مساعدة أكثر مما قدمت. لا بأس بذلك، حتى { $floor }.
say-pay-summary = تعطي { $hours } إلى { $name } مقابل: { $work }.
say-receipt = تلقى { $name } منك { $hours }.
say-refused-floor = غير ممكن: سيصبح لديك { $would }. الحد الأدنى هو { $floor }. أعط ساعات أقل.
say-last-closing = في نهاية الشهر كان لديك { $hours }.
ledger-damaged-title = الكشك مغلق
ledger-damaged-body = ملف الحسابات تالف، لذلك لا يقبل الكشك أي دفع. من فضلك أخبر أمين الصندوق.

## الطلبات (issue 12): من ساعد يطلب الساعات، ومن تلقى المساعدة يقول نعم
## (ويدفع) أو لا (ويقول لماذا).
btn-ask = ساعدت شخصا
request-waiting-count = طلبات تنتظر ردك: { $count }
request-asks-you = { $name } ساعدك ويطلب { $hours } ساعات.
request-you-asked = طلبت من { $name } { $hours } ساعات.
request-yes-or-no = المس «نعم» إن كان صحيحا، و«لا» إن لم يكن.
request-yes = نعم
request-no = لا
request-yes-title = نعم، تلقيت المساعدة
request-yes-button = نعم، أعط الساعات
request-no-title = لا، هذا غير صحيح
request-no-sentence = تقول لا إلى { $name }: { $hours } ساعات مقابل: { $work }. لا تُعطى أي ساعات.
request-no-button = لا، أرسل ردي
request-withdraw-title = سحب طلبي
request-withdraw-sentence = تسحب ما طلبته من { $name }: { $hours } ساعات مقابل: { $work }.
request-withdraw-button = نعم، اسحبه
request-withdraw = سحب
request-yours = طلباتك
request-pin = اكتب رمزك السري لإرسال ردك
request-news = أخبار عن طلباتك
request-pending = في انتظار رد { $name }.
request-declined = قال { $name } لا: { $reason }
request-expired = لم يرد { $name } في الوقت. لم يُعطَ شيء. يمكنك أن تطلب من جديد.
request-declined-done = قلت لا. سيرى من طلب السبب في زيارته القادمة.
request-withdrawn-done = سُحب طلبك.
request-not-found = هذا ليس طلبا يمكنك الرد عليه.
request-already-confirmed = تم الرد على هذا الطلب بنعم من قبل. أعطيت الساعات مرة واحدة فقط.
request-already-declined = تم الرد على هذا الطلب بلا من قبل.
request-already-withdrawn = سحب صاحب الطلب هذا الطلب.
request-too-late = انتظر هذا الطلب وقتا طويلا ولم يعد ممكنا الرد عليه. لم يُعطَ شيء. يمكن لمن ساعد أن يطلب من جديد.
request-refused-floor = غير ممكن اليوم: سيصبح رصيدك { $would } ساعات. الحد الأدنى هو { $floor } ساعة. يبقى الطلب في الانتظار: قل نعم عندما يكون لديك ساعات أكثر، أو قل لا.
decline-why = لماذا لا؟
decline-not-me = لم أكن أنا
decline-wrong-hours = الساعات غير صحيحة
decline-not-done = العمل لم يُنجز
decline-other = شيء آخر
decline-other-text = شيء آخر؟ اكتب السبب
decline-bad-reason = اختر السبب، أو اكتبه.
ask-who = من ساعدت؟
ask-who-several = من ساعدت مجموعتك؟ المس كل شخص، ثم «التالي».
ask-chosen = عدد من اخترتهم: { $count }
ask-hours = كم ساعة ساعدت؟
ask-what = ماذا فعلت؟ (بضع كلمات)
ask-bad-what = اكتب في بضع كلمات ماذا فعلت.
ask-summary-sentence = تطلب من { $name } { $hours } ساعات مقابل: { $work }.
ask-each = كل شخص يتلقى الطلب لهذه الساعات ويقول نعم أو لا بنفسه.
ask-nothing-moves = لا يُعطى شيء الآن. تنتقل الساعات عندما يقول الآخر نعم ببطاقته.
ask-confirm-pin = اكتب رمزك السري لإرسال الطلب
ask-confirm = نعم، أرسل الطلب
ask-sent-title = أُرسل!
ask-sent-sentence = سيرى { $name } طلبك لـ { $hours } ساعات ({ $work }) في زيارته القادمة.
ask-limit-warning = اليوم لا يستطيع { $name } إعطاء هذه الساعات. يبقى الطلب في الانتظار؛ ويمكن تأكيده عندما يصبح ذلك ممكنا.
ask-limit-own = اليوم لا يمكنك أن تتلقى هذه الساعات: سيصبح رصيدك { $would } ساعات، والحد الأعلى لك هو { $limit } ساعة. يبقى الطلب في الانتظار؛ يمكن لأمين الصندوق أن يخبرك بالمزيد.
ask-form-used = هذه الصفحة أرسلت من قبل. قُدّم الطلب مرة واحدة فقط.
ask-form-stale = هذه الصفحة قديمة: لم يُطلب شيء. ابدأ من جديد.
offers-i-helped = ساعدت في هذا
say-request-waiting = يقول { $name } إنه ساعدك: { $hours } مقابل: { $work }.
say-request-no = تقول لا إلى { $name }: { $hours } مقابل: { $work }.
say-request-withdraw = تسحب ما طلبته من { $name }: { $hours } مقابل: { $work }.
say-ask-summary = تطلب من { $name } { $hours } مقابل: { $work }.
say-request-refused-floor = غير ممكن اليوم: سيصبح لديك { $would }. الحد الأدنى هو { $floor }. يبقى الطلب في الانتظار: قل نعم عندما يكون لديك ساعات أكثر، أو قل لا.

## الهدايا والحدود (issue 13).
btn-gift = أهدِ ساعات
gift-who = لمن تهدي الساعات؟
gift-fund = صندوق المجتمع
gift-fund-what = للجميع: يدفع مقابل العمل من أجل الحي
gift-hours = كم ساعة تهدي؟
gift-why = لماذا تهديها؟ (بضع كلمات)
gift-not-work = الهدية ليست دفعا مقابل مساعدة: لا تُحسب مساعدة أُعطيت أو تُلقيت.
gift-summary-sentence = تهدي { $hours } ساعات إلى { $name }.
gift-confirm = نعم، أهدِ الساعات
gift-done-title = شكرا لك!
gift-done-sentence = تلقى { $name } منك { $hours } ساعات هدية.
gift-bad-why = اكتب في بضع كلمات لماذا تهدي الساعات.
gift-form-used = هذه الصفحة أرسلت من قبل. أعطيت الساعات مرة واحدة فقط.
gift-form-stale = هذه الصفحة قديمة: لم يُعطَ شيء. ابدأ من جديد.
line-gift = هدية ساعات
line-fund = صندوق المجتمع
say-gift-summary = تهدي { $hours } إلى { $name }.
gift-summary-fund = تهدي { $hours } ساعات إلى صندوق المجتمع.
gift-done-fund = تلقى صندوق المجتمع منك { $hours } ساعات هدية.
say-gift-fund = تهدي { $hours } إلى صندوق المجتمع.
say-ask-sent = سيرى { $name } طلبك لـ { $hours } ({ $work }) في زيارته القادمة.
say-gift-done = تلقى { $name } منك { $hours } هدية.
say-gift-done-fund = تلقى صندوق المجتمع منك { $hours } هدية.
soft-title = من المفيد أن تعرف
soft-below = لديك أقل من { $limit }.
soft-above = لديك أكثر من { $limit }.
soft-allowed = هذا مسموح: لا شيء ممنوع.
soft-below-todo = لكي يرتفع رصيدك، اعرض مساعدتك على اللوحة، أو تحدث مع أمين الصندوق.
soft-above-todo = آخرون يحتاجون إلى ساعات: اطلب مساعدة، أو أهدِ ساعات لصندوق المجتمع، أو تحدث مع أمين الصندوق.
soft-offer-help = اعرض مساعدتي
grown-floor = يمكنك أن تنزل حتى { $floor } ساعة. كيف حُسب هذا؟
grown-how = يبدأ عند { $base } ساعة وينزل { $factor } ساعة عن كل ساعة مساعدة أعطيتها في آخر { $months } شهرا. أعطيت { $given } ساعات:
grown-capped = لا ينزل أبدا تحت { $cap } ساعة.
