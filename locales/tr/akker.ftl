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

## Bakiye

balance-now = Bakiyeniz
balance-start = Ayın başında
balance-end = Ayın sonunda
balance-came-in = Bu ay gelen
balance-went-out = Bu ay giden
balance-positive = Aldığınızdan daha çok yardım verdiniz.
balance-negative = Verdiğinizden daha çok yardım aldınız.
balance-zero = Verdiğiniz ve aldığınız yardım eşit.
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
signed-member = üye tarafından imzalandı
signed-key-holder = girişimin bir anahtar sahibi tarafından imzalandı
signed-treasurer = sayman tarafından girildi
signed-treasurer-slip = sayman tarafından { $slip } numaralı fişten girildi
line-reversal = { $seq } numaralı kaydın düzeltmesi: { $reason }
line-override = Sınır izinle aşıldı: { $reason }
line-number = Kayıt #{ $seq }

## İş türleri

work-care = Bakım
work-community = Topluluk
work-self-development = Öğrenme
work-practical = Pratik yardım

## Toplamlar

totals-title = İş türüne göre saatler
totals-given = Verilen
totals-received = Alınan
exchange-count = { $count ->
    [one] 1 değişim
   *[other] { $count } değişim
}
people-helped = { $count ->
    [one] 1 kişiye yardım ettiniz.
   *[other] { $count } farklı kişiye yardım ettiniz.
}

## Grafik

chart-title = 12 ayda bakiyeniz

## Girişimler

contributors-title = Bu gruba saat verenler
column-member = Üye
column-total = Toplam

## Doğrulama

verify-title = Bu özeti doğrulayın
verify-code = Kod: { $code }
verify-explained = Bu özet imzalıdır. Doğrulamak için QR kodunu kioskta okutun veya kodu şu komutla yazın: akker statement check { $code }
verify-chain = İmzalı zincir başı: { $hash }

## Belge

attestation-title = Mahalle gönüllülüğü belgesi
attestation-intro = { $community }, { $name } (hesap { $id }) adlı kişinin { $from } ile { $to } arasında başkalarına { $total } { $unit } yardım verdiğini onaylar.
attestation-by-work = İş türüne göre verilen saatler
attestation-by-initiative = Gruplara ve girişimlere verilen saatler
attestation-none = Bu dönemde yok.
attestation-total = Toplam verilen
attestation-exchanges = { $count ->
    [one] 1 değişimde.
   *[other] { $count } değişimde.
}
attestation-explained = Zaman bankası yardımı saatle sayar: verilen bir saat yardım, iş ne olursa olsun bir saattir. Bu belge imzalıdır ve aşağıdaki kodla doğrulanabilir.
attestation-verify-title = Bu belgeyi doğrulayın

# The default unit "hours", in this language (a community may name its own unit).
unit-hours = saat

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
    [one] 1 üyeye ödedi.
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
