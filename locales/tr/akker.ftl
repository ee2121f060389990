# akker: hesap özetleri ve belgeler, Türkçe.
# Kısa ve basit kelimeler kullanın.

## Tarihler

month-1 = Ocak
month-2 = Şubat
month-3 = Mart
month-4 = Nisan
month-5 = Mayıs
month-6 = Haziran
month-7 = Temmuz
month-8 = Ağustos
month-9 = Eylül
month-10 = Ekim
month-11 = Kasım
month-12 = Aralık
month-short-1 = Oca
month-short-2 = Şub
month-short-3 = Mar
month-short-4 = Nis
month-short-5 = May
month-short-6 = Haz
month-short-7 = Tem
month-short-8 = Ağu
month-short-9 = Eyl
month-short-10 = Eki
month-short-11 = Kas
month-short-12 = Ara
date-long = { $day } { $month } { $year }
date-short = { $day }.{ $month }
month-year = { $month } { $year }

## Başlık

statement-title = Hesap özeti
statement-for-month = { $month } hesap özeti
currency-line = Para birimi: { $name } ({ $unit })
account-number = Hesap numarası { $id }
issued-on = Basım tarihi: { $date }
page-number = Sayfa { $page } / { $pages }
blank-page = Bu sayfa bilerek boş bırakılmıştır.

## Bakiye

balance-now = Bakiyeniz
balance-start = Ayın başında
balance-end = Ayın sonunda
balance-came-in = Bu ay gelen saat
balance-went-out = Bu ay giden saat
balance-positive = Aldığınızdan daha çok yardım verdiniz.
balance-negative = Verdiğinizden daha çok yardım aldınız.
balance-zero = Verdiğiniz ve aldığınız yardım eşit.
balance-below-floor = Bakiyeniz { $floor } { $unit } olan alt sınırınızın altında. Şimdilik daha fazla yardım almayın: saat kazanmak için birine yardım edin veya saymanla konuşun.
balance-system = Bu bir kişi değil, topluluk hesabıdır: bakiyesi ödediği ve aldığı saatlerdir.
limits-title = Sınırlarınız
limit-floor = En az: { $amount } { $unit }
limit-ceiling = En çok: { $amount } { $unit }
limits-explained = Eksi bakiye, verdiğinizden daha çok yardım aldığınız anlamına gelir; { $floor } { $unit } sınırına kadar bu normaldir. En çok { $ceiling } { $unit } biriktirebilirsiniz.

## Değişimler

lines-title = Bu ayki değişimleriniz
lines-none = Bu ay değişim yok.
column-date = Tarih
column-who = Kiminle
column-what = Ne
column-kind = İş türü
column-in = Gelen
column-out = Giden
column-balance = Bakiye
signed-member = üye tarafından imzalandı
signed-key-holder = girişimin bir anahtar sahibi tarafından imzalandı
signed-treasurer = sayman tarafından girildi
signed-treasurer-slip = sayman tarafından { $slip } numaralı fişten girildi
line-reversal = Bu, { $date } tarihli #{ $seq } numaralı kaydı geri alır. Neden: { $reason }
line-correction = Düzeltme: { $what }
line-reversed = Bu ay içinde #{ $seq } numaralı kayıtla geri alındı.
line-override = Sınır izinle aşıldı: { $reason }
line-number = Kayıt #{ $seq }

## İş türleri

work-care = Bakım
work-community = Topluluk
work-self-development = Öğrenme
work-practical = Pratik yardım

## Toplamlar

totals-title = Verilen ve alınan yardım, saat olarak
totals-given = Verilen yardım
totals-received = Alınan yardım
exchange-count = { $count ->
    [0] Değişim yok
    [one] { $count } değişim
   *[other] { $count } değişim
}
people-helped = { $count ->
    [0] Bu ay kimseye yardım etmediniz.
    [one] { $count } kişiye yardım ettiniz.
   *[other] { $count } farklı kişiye yardım ettiniz.
}

## Grafik

chart-title = 12 ayda bakiyeniz
chart-alt = Her ayın sonundaki bakiyeniz: { $values }.

## Girişimler

contributors-title = Bu gruba saat verenler
column-member = Üye
column-total = Toplam

## Doğrulama

verify-title = Bu özeti doğrulayın
verify-code = Kod: { $code }
verify-explained = Bu özet imzalıdır. Doğrulamak için QR kodunu kioskta okutun veya saymana sorun.
verify-chain = İmzalı zincir başı: { $hash }
verify-key = Saymanın anahtarı: { $fingerprint }
contact-title = Bu özetle ilgili sorularınız mı var?
contact-treasurer = Saymanınız: { $name } ({ $contact })
contact-treasurer-name = Saymanınız: { $name }
contact-treasurer-unknown = { $community } saymanına kioskta sorun.
contact-question = Bir satır yanlış görünüyorsa kayıt numarasını saymana söyleyin. Hata, bir sonraki özetinizde bir düzeltme satırıyla giderilir.

## Belge

attestation-title = Mahalle gönüllülüğü belgesi
attestation-intro = { $community }, { $name } (hesap { $id }) adlı kişinin { $from } ile { $to } arasında başkalarına { $total } { $unit } yardım verdiğini onaylar.
attestation-by-work = İş türüne göre verilen saatler
attestation-by-initiative = Gruplara ve girişimlere verilen saatler
attestation-none = Bu dönemde yok.
attestation-total = Toplam verilen
attestation-exchanges = { $count ->
    [0] Hiç değişim yok.
    [one] { $count } değişimde.
   *[other] { $count } değişimde.
}
attestation-explained = Zaman bankası yardımı saatle sayar: verilen bir saat yardım, iş ne olursa olsun bir saattir. İş olmadan hediye olarak verilen saatler sayılmaz. Bu belge imzalıdır ve aşağıdaki kodla doğrulanabilir.
attestation-verify-title = Bu belgeyi doğrulayın
attestation-signature = İmza
attestation-done-at = { $place }, { $date }.
attestation-registration = Kayıt numarası: { $number }
attestation-contact = İletişim: { $contact }
attestation-check-outside = Bu belgeyi bilgisayar programı olmadan doğrulamak için sayman { $name } ({ $contact }) ile iletişime geçin ve aşağıdaki kodu verin.
attestation-check-address = Ya da kodu { $address } adresine girin.


## Hediyeler ve topluluk fonu: iş olmadan hareket eden saatler

line-kind-gift = Hediye
line-kind-contribution = Fona katkı
line-kind-demurrage = Fona geri
line-gift = Saat hediyesi, iş değil: verilen ya da alınan yardım olarak sayılmaz.
line-fund-contribution = { $period } için topluluk fonuna katkı: her etkin hesap için aynı. İş değil.
line-fund-demurrage = { $period } için, eşiğin üstündeki birikimden topluluk fonuna dönen pay. İş değil.
apart-title = Yardım olarak sayılmaz
apart-gifts-given = Verdiğiniz hediyeler
apart-gifts-received = Aldığınız hediyeler
apart-fund-paid = Topluluk fonuna ödenen
apart-fund-received = Fonun kurallarıyla alınan

## Yumuşak sınırlar ve verdikçe büyüyen alt sınır

soft-notice-title-floor = Bakiyeniz { $limit } { $unit } altında
soft-notice-title-ceiling = Bakiyeniz { $limit } { $unit } üstünde
soft-notice-floor = Buna izin var, ama verdiğinizden çok daha fazla yardım aldığınız anlamına gelir.
soft-notice-floor-todo = Ne yapabilirsiniz: saat kazanmak için birine yardım önerin (kioskta, teklif panosunda) ya da sayman ile konuşun.
soft-notice-ceiling = Buna izin var, ama çok saat biriktirdiğiniz anlamına gelir: saatler dolaştıkça değerlidir.
soft-notice-ceiling-todo = Ne yapabilirsiniz: ihtiyacınız olan yardımı isteyin, topluluk fonuna saat verin ya da sayman ile konuşun.
limit-soft-floor = Uyarı altında: { $amount } { $unit }
limit-soft-ceiling = Uyarı üstünde: { $amount } { $unit }
grown-floor-title = Alt sınırınız nasıl hesaplanır
grown-floor-formula = Ne kadar çok yardım verirseniz alt sınırınız o kadar inebilir. { $months ->
    [one] Son ayda
   *[other] Son { $months } ayda
} { $given } { $unit } yardım verdiniz; bunun % { $percent } kadarı { $grown } { $unit } eder. Alt sınırınız: { $base } { $unit } eksi { $grown } { $unit }, yani { $floor } { $unit }.
grown-floor-capped = Ne kadar çok yardım verirseniz alt sınırınız o kadar inebilir. { $months ->
    [one] Son ayda
   *[other] Son { $months } ayda
} { $given } { $unit } yardım verdiniz; bunun % { $percent } kadarı { $grown } { $unit } eder, bu da { $result } { $unit } verirdi. Alt sınır hiçbir zaman { $cap } { $unit } altına inmez, bu yüzden sizinki { $floor } { $unit }.
limit-changes-title = Sınırlarınız bu ay değişti
limit-change = { $date }: { $limit } { $from } { $unit } yerine { $to } { $unit } ({ $cause }).
limit-change-new = { $date }: { $limit } { $to } { $unit } olarak belirlendi ({ $cause }).
limit-change-removed = { $date }: { $limit } kaldırıldı ({ $cause }).
limit-name-floor = alt sınırınız
limit-name-ceiling = üst sınırınız
limit-name-soft-floor = alt uyarı
limit-name-soft-ceiling = üst uyarı
limit-cause-treasurer = sayman belirledi
limit-cause-treasurer-reason = sayman belirledi: { $reason }
limit-cause-kind = sizinki gibi tüm hesapların kuralı değişti
limit-cause-growth = verdiğiniz yardıma göre hesaplandı

## Saat istekleri

requests-waiting-title = Cevabınızı bekliyor
requests-waiting-explained = Bu kişiler size yardım ettiklerini söylüyor ve saatleri istiyor. Siz onaylayana kadar hiçbir şey ödenmez. Kioskta kartınız ve PIN kodunuzla onaylayın ya da reddedin, veya saymana sorun.
requests-yours-title = Saat istediniz: hâlâ bekliyor
requests-closed-title = Bu ay reddedilen ya da süresi dolan istekler
request-pending-detail = Yardım tarihi { $date } · istek tarihi { $made } · { $on } tarihine kadar cevaplanabilir · istek #{ $seq }
request-declined-by-you = Yardım tarihi { $date } · istek tarihi { $made } · { $on } tarihinde reddettiniz · istek #{ $seq }
request-declined-by-them = Yardım tarihi { $date } · istek tarihi { $made } · { $on } tarihinde reddedildi · istek #{ $seq }
request-reason = Neden: { $reason }
request-decline-not-me = ben değildim
request-decline-wrong-hours = saatler yanlış
request-decline-not-done = yapılmadı
request-expired-yours = Yardım tarihi { $date } · istek tarihi { $made } · { $on } tarihinde cevapsız olarak süresi doldu, hiçbir şey ödenmedi · istek #{ $seq }
request-expired-theirs = Yardım tarihi { $date } · istek tarihi { $made } · { $on } tarihinde süresi doldu: cevap vermediniz, hiçbir şey ödenmedi · istek #{ $seq }

# The default unit "hours", in this language (a community may name its own unit).
unit-hours = saat
skill-childcare = çocuk bakımı
skill-elderly-visit = yaşlı ziyareti
skill-cooking = yemek
skill-neighbourhood = mahalle
skill-cleanup = temizlik
skill-language = dil
skill-computer-help = bilgisayar yardımı
skill-tutoring = ders desteği
skill-bike-repair = bisiklet tamiri
skill-gardening = bahçecilik
skill-sewing = dikiş
skill-translation = çeviri
skill-workshop = atölye

## ------------------------------------------------------------------
## Topluluk raporu (akker report). Aşağıdakilerin hepsi rapora aittir;
## kimlikler report- ile başlar.

report-title = Topluluk raporu
report-period = { $from } – { $to }
report-as-of = Rakamlar, defterlerin #{ $seq } numaralı kayıttaki hâline göredir.
report-rules = Düzeltmeler (iptaller) ve iptal ettikleri kayıtlar sayılmaz. Topluluk fonuyla yapılan aktarımlar ayrı sayılır.
report-glance-title = Bir bakışta dönem
report-tile-exchanges = değiş tokuş
report-tile-hours = { $unit } değiş tokuş edildi
report-tile-active = { $members } üyeden aktif olan
report-tile-pairs = farklı ikili
report-tile-groups = aktif girişim ve ortak
report-by-work-title = İş türüne göre saatler
report-column-hours = Saat
report-column-exchanges = Değiş tokuş
report-by-skill-title = Beceriye göre saatler
report-no-skill = beceri belirtilmemiş
report-initiatives-title = Girişimler
report-initiatives-none = Bu dönemde hiçbir girişim saat değiş tokuşu yapmadı.
report-from-members = Üyelerden alınan
report-from-others = Ortaklardan ve gruplardan alınan
report-paid-out = Ödenen
report-members-paid = { $count ->
    [0] Hiçbir üyeye ödemedi.
    [one] { $count } üyeye ödedi.
   *[other] { $count } farklı üyeye ödedi.
}
report-giving-title = Kim veriyor, kim alıyor
report-top-tenth = Üyelerin en aktif onda biri ({ $count }), üyelerin verdiği saatlerin % { $percent } kadarını verdi.
report-deciles-caption = Üyelerin her onda birinin verdiği saatler, en aktifler önce
report-only-give = Yalnızca verdi
report-only-receive = Yalnızca aldı
report-give-and-receive = Verdi ve aldı
report-neither = Değiş tokuş yok
report-call-title = Kimi aramalı
report-call-quiet = { $weeks } haftadır değiş tokuş yapmayan üyeler ({ $date } tarihinden beri)
report-call-quiet-none = Her üye son { $weeks } haftada bir değiş tokuş yaptı.
report-call-new = İlk değiş tokuşunu yapmamış yeni üyeler
report-call-new-none = Her üye ilk değiş tokuşunu yaptı.
report-column-account = Üye
report-column-last = Son değiş tokuş
report-column-opened = Üyelik başlangıcı
report-months-title = Ay ay
report-column-month = Ay
report-column-active = Aktif üyeler
report-column-new-connections = Yeni bağlantılar
report-system = Sistem aktarımları (hoş geldin kredileri, fon ödemeleri), yukarıda sayılmadı: { $count }, { $hours } { $unit }.
report-map-title = Kim kiminle değiş tokuş yaptı
report-map-explained = Her çizgi bu dönemde saat değiş tokuşu yapan iki hesabı birleştirir: ne kadar kalınsa o kadar çok saat; rengi ana iş türüdür. Daireler üyeler, altıgenler girişimler, karolar ortaklar, kareler sistem hesaplarıdır.
report-map-numbers = Üyeler hesap numaralarıyla gösterilir.
report-map-capped = { $total } bağlantının en güçlü { $drawn } tanesi çizildi.
report-map-grouped = Harita okunaklı kalsın diye her hesabın en güçlü bağı, ardından diğer en güçlü bağlar çizildi; kalan { $rest } bağlantı ({ $hours } saat) rakamlarda ve JSON'da yer alıyor.
report-legend-person = üye
report-legend-initiative = girişim
report-legend-partner = ortak
report-legend-system = sistem hesabı
report-growth-title = Topluluk büyüyor mu?
report-growth-intro = Her rakam, aynı uzunluktaki önceki dönemin yanında: { $from } – { $to } ({ $days } gün).
report-growth-column-now = Bu dönem
report-growth-column-before = Önceki dönem
report-growth-column-change = Değişim
report-growth-members = Dönem sonundaki üyeler
report-growth-joined = Katılan üyeler
report-growth-left = Ayrılan üyeler
report-growth-active = Aktif üyeler
report-growth-still-active = Katıldıktan { $months } ay sonra hâlâ aktif
report-growth-share = % { $percent } ({ $whole } üyeden { $part })
report-growth-nobody-joined = o dönemde katılan olmadı
report-growth-points = { $points } puan
report-growth-explained = "N ay sonra hâlâ aktif": her dönemden N ay önce katılan üyelerden, katılımlarından en az N ay sonra dönem içinde değiş tokuş yapanlar.
report-chart-title = Aylara göre aktif üyeler ve saatler
report-chart-active-above = Her çubuğun üstündeki sayı: o ay aktif olan üyeler.
report-column-total-period = Tüm dönem

report-requests-title = Saat istekleri
report-requests-explained = Yardım eden saatleri ister; yardım alan onaylayana kadar hiçbir şey ödenmez.
report-requests-made = Yapılan
report-requests-confirmed = Onaylanan
report-requests-declined = Reddedilen
report-requests-withdrawn = İsteyen tarafından geri çekilen
report-requests-expired = Cevapsız süresi dolan
report-requests-pending = Dönem sonunda hâlâ bekleyen
report-requests-median = İstekten onaya ortanca süre, gün olarak: { $days }.
report-requests-median-none = Bu dönemde hiçbir istek onaylanmadı.
report-gifts = Saat hediyeleri, değiş tokuş ya da verilen yardım olarak sayılmaz: { $count }, { $hours } { $unit }; bunun { $fund } { $unit } kadarı topluluk fonuna.
report-fund-runs = Uygulanan topluluk fonu kuralları: { $count }; katkılar { $contribution } { $unit }, fona geri { $demurrage } { $unit }.
report-closed-named = { $count ->
   *[other] { $count } kapalı hesap hâlâ bir isim taşıyor (saymanın kılavuzundaki saklama süresine bakın).
}
report-call-requests = { $days } günden uzun süredir isteklerin beklediği üyeler
report-call-requests-none = Hiçbir üyede { $days } günden uzun süredir bekleyen istek yok.
report-column-requests = Bekleyen istekler
report-column-oldest = En eskisinin tarihi
report-call-soft = Dönem sonunda yumuşak sınırı geçmiş üyeler
report-call-soft-none = Hiçbir üye yumuşak sınırı geçmemiş.
report-column-soft-balance = Bakiye
report-column-soft-limit = Yumuşak sınır
