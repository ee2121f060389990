# akker kiosk — Türkçe. Kısa ve basit kelimeler.

welcome-title = Hoş geldiniz
welcome-choose = Dilinizi seçin
idle-label = Çıkışa kalan
idle-still-there = Hâlâ orada mısınız? Ekrana dokunun.
idle-seconds = sn
logout = Çıkış
ok = Tamam
cancel = Vazgeç
back = Geri
next = İleri
change = Değiştir
save = Kaydet
key-delete = Sil
key-keyboard = Klavye
key-shift = Büyük harf
key-space = Boşluk
key-other-letters = Başka harfler
key-done = Klavyeyi kapat

card-title = Kartınızı okutun
card-hint = Kartınızı okuyucunun altında tutun.
card-or-type = Kartınızdaki numarayı yazın
card-member-number = Numaranız (örneğin M001)
card-code = Kartınızdaki kod
card-missing = Kartınızı okutun ya da numaranızı ve kartınızdaki kodu yazın.
card-bad-code = Bu kod doğru değil. Kartınıza bakıp tekrar deneyin.
card-unknown = Bu kartı tanımıyoruz. Saymandan yardım isteyin.
card-wait = Bu kioskta çok sayıda bilinmeyen kart denendi. { $seconds } saniye bekleyin, sonra kartınızı tekrar okutun.
card-number-missing = Numaranızı da yazın (örneğin M001), sonra kartınızdaki kodu.

pin-title = PIN kodunuzu yazın
pin-wrong = PIN kodu yanlış. { $left } kez daha deneyebilirsiniz.
pin-bad-format = PIN kodu 4 ile 6 rakamdan oluşur. Tekrar deneyin.
pin-locked-title = Kart kilitlendi
pin-locked = PIN kodu çok kez yanlış girildi. Kartınız { $minutes } dakika, saat { $time } olana kadar kilitli. Sayman size yardım edebilir.

home-title = Ana sayfa
home-balance-label = Saatleriniz
hours-unit = saat
home-positive = Aldığınızdan daha çok yardım ettiniz. Teşekkürler!
home-zero = Aldığınız kadar yardım ettiniz.
home-negative = Verdiğinizden daha çok yardım aldınız. Bu sorun değil, { $floor } saate kadar.
home-last = Son alışverişleriniz
home-older = Daha eski değişimler
home-older-button = Daha eski değişimler
home-newest = Son değişimler
home-none = Henüz alışveriş yok.
btn-pay = Yardım aldım
btn-offers = Teklifler ve istekler
btn-statement = Hesap özetim
btn-home = Ana sayfa

work-care = Bakım
work-community = Mahalle ve toplum
work-self-development = Öğrenme
work-practical = Pratik yardım

pay-who = Size kim yardım etti?
pay-search = Ad ya da numara
pay-search-button = Ara
pay-recent = Tanıdığınız kişiler
pay-everyone = Herkes
pay-found = Bulunanlar
pay-no-match = Bu adla kimse bulunamadı.
pay-scan = Ya da onun kartını okutun
pay-hours = Kaç saat?
pay-less = Daha az
pay-more = Daha çok
pay-kind = Ne tür bir yardım?
pay-note = Kısa bir not (boş bırakabilirsiniz)
pay-check = Bu doğru mu?
pay-summary-sentence = { $name } kişisine { $work } için { $hours } saat veriyorsunuz.
pay-balance-after = Bundan sonra { $balance } saatiniz olacak.
pay-confirm-pin = Onaylamak için PIN kodunuzu yazın
pay-confirm = Evet, saatleri ver

receipt-title = Tamam!
receipt-sentence = { $name } sizden { $hours } saat aldı.
receipt-number = Numara { $seq }

pay-refused-floor = Olmaz: { $would } saatiniz olurdu. En az { $floor } saat olabilir. Daha az saat verin.
pay-refused-other = Şu anda { $name } kişisine saat vermek mümkün değil. Daha az saat verin ya da başka birini seçin; sayman size daha fazlasını söyleyebilir.
pay-refused-generic = Bu şu anda mümkün değil. Sayman nedenini size söyleyebilir.
pay-refused-self = Kendinize saat veremezsiniz. Başka birini seçin.
pay-bad-person = Listeden birini seçin.
pay-bad-amount = Saatleri − ve + ile seçin: 0,25 ile 24 saat arası.
pay-bad-work = Bir yardım türü seçin: resimlerden birine dokunun.
pay-bad-note = Notta kullanılamayan işaretler var. Tekrar yazın.
pay-bad-note-long = Yazı çok uzun: en fazla { $max } harf.
pay-form-used = Bu sayfa zaten gönderildi. Saatler yalnızca bir kez verildi.
pay-form-stale = Bu sayfa eskidi: hiçbir şey verilmedi. Yeniden başlayın.

offers-add = Teklifimi ya da isteğimi ekle
offers-offered = Yardım edebilecekleri konular
offers-asked = Yardım istedikleri konular
offers-none = Henüz bir şey yok.
offers-withdraw = Kaldır
offers-saved = Kaydedildi. Artık herkes görebilir.
offers-withdrawn = Kaldırıldı.
offers-i-offer = Yardım edebilirim
offers-i-ask = Yardıma ihtiyacım var
offers-what = Ne konuda? (birkaç kelime)
offers-bad-direction = Seçin: yardım edebilirim ya da yardıma ihtiyacım var.
offers-bad-what = Ne ile ilgili olduğunu birkaç kelimeyle yazın.
offers-bad-id = Bu sizin tekliflerinizden biri değil.

statement-month = Bu ay şimdiye kadar: { $month }
statement-opening = Ayın başında
statement-now = Şimdi
statement-lines = Bu ayki alışverişler
statement-lines-explained = Bu ay kaydedilen her alışveriş, yapıldığı günle birlikte (geç yazılan bir alışverişin tarihi daha eski olabilir).
statement-totals = Yardım türüne göre
statement-work = İş türü
statement-given = Yardım ettiniz
statement-received = Yardım aldınız
statement-print = Yazdır

statement-tab-now = Bu ay
statement-tab-last = Son hesap özeti
statement-tab-check = Kod kontrolü

last-title = Son hesap özetim
last-month = { $month } hesap özeti
last-made-on = { $date } tarihinde yapıldı
last-none = Henüz aylık hesap özetiniz yok. Ayın sonundan sonra gelir.
last-in = Gelen saatler
last-out = Giden saatler
last-end = Ayın sonunda
last-lines = Alışverişler: { $month }
last-chart = 12 ayda saatleriniz
last-code-title = Bu hesap özetinin kodu
last-code-explained = Bu kodla herkes kâğıdı burada, kioskta kontrol edebilir.

check-title = Hesap özeti kontrolü
check-hint = Hesap özetindeki QR kodunu okuyucunun altında tutun.
check-or-type = Kodu yazın
check-code-label = QR kodunun altındaki kod: 12 harf ve rakam
check-button = Kontrol et
check-again = Başka bir kod kontrol et
check-code = Kod
check-yes = Kod doğru.
check-no = Kod doğru değil.
check-own-statement = Bu, sizin { $month } hesap özetiniz.
check-own-attestation = Bu, sizin mahalle gönüllülüğü belgeniz: { $from } ile { $to } arası.
check-own-given = Verilen yardım saatleri
check-own-compare = Bakın: kâğıdınızda da aynısı yazmalı.
check-other = Bu kod bu topluluğun bir hesap özetine ait. Sizin değil, bu yüzden başka bir şey göstermiyoruz.
check-no-text = Bu topluluğun hiçbir hesap özetinde bu kod yok. Önce her harf ve rakamın kâğıttaki gibi yazıldığını kontrol edin (0 ile O, 1 ile I birbirine benzer) ya da QR kodu okutun. Yine tutmuyorsa kâğıt değiştirilmiş ya da başka bir yerden gelmiş olabilir: saymana sorun.
check-treasurer-key = Saymanın anahtarı: { $fingerprint }. Mahalle evindeki duyurudakiyle aynı olmalı.
check-bad-empty = Önce QR kodunu okutun ya da kodu yazın.
check-bad-long = Bu, bir kod için çok uzun. Sadece kodu okutun ya da yazın.
check-bad-code = Bu bir hesap özeti kodu değil. Bir kodda 12 harf ve rakam vardır, örneğin 7KQ2-M9XD-4TNA.

bye-title = Güle güle!
bye-idle = Ekrana kimse dokunmadığı için çıkış yapıldı.
bye-again = Yeniden başla

error-title = Bu olmadı
error-nothing-changed = Hiçbir şey değişmedi.
error-internal = Bizim tarafta bir sorun oldu. Hiçbir şey kaydedilmedi. Saymana sorun.
error-clock-behind = Bu bilgisayarın saati { $now } gösteriyor, son ödemeden ({ $last }) önce. Hiçbir şey kaydedilmedi. Saymandan saati düzeltmesini isteyin.
error-clock-issued = Bu bilgisayarın saati { $now } gösteriyor, dökümleri ({ $month }) zaten basılmış bir ayda. Hiçbir şey kaydedilmedi. Saymandan saati düzeltmesini isteyin.
error-clock-jump = Bu bilgisayarın saati { $now } gösteriyor, son ödemeden ({ $last }) çok sonra. Hiçbir şey kaydedilmedi. Sayman önce tarihi kontrol etmeli.
error-busy = Defter şu an meşgul. Biraz bekleyip tekrar deneyin.
error-not-found = Bu sayfa yok.
error-too-long = Gönderilen şey çok uzun.
session-restarted = Kiosk yeniden başlatıldı, bu yüzden oturumunuz kapandı. Tekrar giriş yapın: son alışverişleriniz ana ekranınızda.
error-csrf = Bu sayfa çok eski ya da bu kiosktan gelmedi. Yeniden başlayın.

## Konuşma: hoparlör düğmesinin söyledikleri, saatler yazıyla.
say-listen = Dinle
say-number = { $n ->
    [0] sıfır
    [1] bir
    [2] iki
    [3] üç
    [4] dört
    [5] beş
    [6] altı
    [7] yedi
    [8] sekiz
    [9] dokuz
    [10] on
    [11] on bir
    [12] on iki
    [13] on üç
    [14] on dört
    [15] on beş
    [16] on altı
    [17] on yedi
    [18] on sekiz
    [19] on dokuz
    [20] yirmi
   *[other] { $n }
}
say-hours = { $quarter ->
    [1] { $count ->
        [0] çeyrek saat
       *[other] { $whole } saat çeyrek
    }
    [2] { $count ->
        [0] yarım saat
       *[other] { $whole } buçuk saat
    }
    [3] { $count ->
        [0] kırk beş dakika
       *[other] { $whole } saat kırk beş dakika
    }
   *[0] { $whole } saat
}
say-minus = eksi { $hours }
say-balance = { $hours } saatiniz var.
say-home-negative = Verdiğinizden fazla yardım aldınız. Bu olabilir, { $floor } kadar.
say-pay-summary = { $name } kişisine { $work } için { $hours } veriyorsunuz.
say-receipt = { $name } sizden { $hours } aldı.
say-refused-floor = Mümkün değil: { $would } olurdu. En az { $floor }. Daha az saat verin.
say-last-closing = Ay sonunda { $hours } vardı.
ledger-damaged-title = Kiosk kapalı
ledger-damaged-body = Hesap dosyası bozuk, bu yüzden kiosk ödeme almıyor. Lütfen saymana söyleyin.

## İstekler (issue 12): yardım eden saatleri ister, yardım alan evet der
## (ve öder) ya da hayır der (ve nedenini söyler).
btn-ask = Birine yardım ettim
request-waiting-count = Cevabınızı bekleyen istek: { $count }
request-asks-you = { $name } size yardım etti ve { $hours } saat istiyor.
request-you-asked = { $name } kişisinden { $hours } saat istediniz.
request-yes-or-no = Doğruysa Evet'e, değilse Hayır'a dokunun.
request-yes = Evet
request-no = Hayır
request-yes-title = Evet, yardım aldım
request-yes-button = Evet, saatleri ver
request-no-title = Hayır, bu doğru değil
request-no-sentence = { $name } kişisine hayır diyorsunuz: { $work } için { $hours } saat. Hiç saat verilmez.
request-no-button = Hayır, cevabımı gönder
request-withdraw-title = İsteğimi geri al
request-withdraw-sentence = { $name } kişisinden istediğinizi geri alıyorsunuz: { $work } için { $hours } saat.
request-withdraw-button = Evet, geri al
request-withdraw = Geri al
request-yours = İstekleriniz
request-pin = Cevabınızı göndermek için PIN kodunuzu yazın
request-news = İstekleriniz hakkında haberler
request-pending = { $name } kişisinin cevabı bekleniyor.
request-declined = { $name } hayır dedi: { $reason }
request-expired = { $name } zamanında cevap vermedi. Hiçbir şey verilmedi. Yeniden isteyebilirsiniz.
request-declined-done = Hayır dediniz. İsteyen kişi bir sonraki gelişinde nedenini görecek.
request-withdrawn-done = İsteğiniz geri alındı.
request-not-found = Bu, cevap verebileceğiniz bir istek değil.
request-already-confirmed = Bu isteğe zaten evet denildi. Saatler yalnızca bir kez verildi.
request-already-declined = Bu isteğe zaten hayır denildi.
request-already-withdrawn = İsteyen kişi bu isteği geri aldı.
request-too-late = Bu istek çok uzun bekledi ve artık cevaplanamaz. Hiçbir şey verilmedi. Yardım eden kişi yeniden isteyebilir.
request-refused-floor = Bugün olmaz: { $would } saatiniz olurdu. En az { $floor } saat olabilir. İstek bekler: daha çok saatiniz olduğunda evet deyin ya da hayır deyin.
decline-why = Neden olmaz?
decline-not-me = Ben değildim
decline-wrong-hours = Saatler yanlış
decline-not-done = İş yapılmadı
decline-other = Başka bir şey
decline-other-text = Başka bir şey mi? Nedenini yazın
decline-bad-reason = Nedenini seçin ya da yazın.
ask-who = Kime yardım ettiniz?
ask-who-several = Grubunuz kime yardım etti? Her birine dokunun, sonra İleri.
ask-chosen = Seçilen kişi: { $count }
ask-hours = Kaç saat yardım ettiniz?
ask-what = Ne yaptınız? (birkaç kelime)
ask-bad-what = Ne yaptığınızı birkaç kelimeyle yazın.
ask-summary-sentence = { $name } kişisinden { $work } için { $hours } saat istiyorsunuz.
ask-each = Her kişiye bu saatler için ayrı istek gider ve her biri kendisi evet ya da hayır der.
ask-nothing-moves = Şimdi hiçbir şey verilmiyor. Saatler, karşı taraf kendi kartıyla evet dediğinde geçer.
ask-confirm-pin = İsteği göndermek için PIN kodunuzu yazın
ask-confirm = Evet, isteği gönder
ask-sent-title = Gönderildi!
ask-sent-sentence = { $name } { $hours } saatlik isteğinizi ({ $work }) bir sonraki gelişinde görecek.
ask-limit-warning = Bugün { $name } bu saatleri veremez. İstek bekler; mümkün olduğunda onaylanabilir.
ask-limit-own = Bugün bu saatleri alamazsınız: { $would } saatiniz olurdu, en fazla { $limit } saat olabilir. İstek bekler; sayman size daha fazlasını söyleyebilir.
ask-form-used = Bu sayfa zaten gönderildi. İstek yalnızca bir kez yapıldı.
ask-form-stale = Bu sayfa eskidi: hiçbir şey istenmedi. Yeniden başlayın.
offers-i-helped = Bunda yardım ettim
say-request-waiting = { $name } size yardım ettiğini söylüyor: { $work } için { $hours }.
say-request-no = { $name } kişisine hayır diyorsunuz: { $work } için { $hours }.
say-request-withdraw = { $name } kişisinden istediğinizi geri alıyorsunuz: { $work } için { $hours }.
say-ask-summary = { $name } kişisinden { $work } için { $hours } istiyorsunuz.
say-request-refused-floor = Bugün olmaz: { $would } olurdu. En az { $floor }. İstek bekler: daha çok saatiniz olduğunda evet deyin ya da hayır deyin.

## Hediyeler ve sınırlar (issue 13).
btn-gift = Saat hediye et
gift-who = Kime saat hediye ediyorsunuz?
gift-fund = Topluluk fonu
gift-fund-what = Herkes için: mahalle için yapılan işi öder
gift-hours = Kaç saat hediye ediyorsunuz?
gift-why = Neden hediye ediyorsunuz? (birkaç kelime)
gift-not-work = Hediye, yardım karşılığı ödeme değildir: verilen ya da alınan yardım olarak sayılmaz.
gift-summary-sentence = { $name } için { $hours } saat hediye ediyorsunuz.
gift-confirm = Evet, saatleri hediye et
gift-done-title = Teşekkürler!
gift-done-sentence = { $name } sizden hediye olarak { $hours } saat aldı.
gift-bad-why = Saatleri neden hediye ettiğinizi birkaç kelimeyle yazın.
gift-form-used = Bu sayfa zaten gönderildi. Saatler yalnızca bir kez verildi.
gift-form-stale = Bu sayfa eskidi: hiçbir şey verilmedi. Yeniden başlayın.
line-gift = Saat hediyesi
line-fund = Topluluk fonu
say-gift-summary = { $name } için { $hours } hediye ediyorsunuz.
gift-summary-fund = Topluluk fonuna { $hours } saat hediye ediyorsunuz.
gift-done-fund = Topluluk fonu sizden hediye olarak { $hours } saat aldı.
say-gift-fund = Topluluk fonuna { $hours } hediye ediyorsunuz.
say-ask-sent = { $name } { $hours } isteğinizi ({ $work }) bir sonraki gelişinde görecek.
say-gift-done = { $name } sizden hediye olarak { $hours } aldı.
say-gift-done-fund = Topluluk fonu sizden hediye olarak { $hours } aldı.
soft-title = Bilmekte fayda var
soft-below = { $limit } altındasınız.
soft-above = { $limit } üstündesiniz.
soft-allowed = Buna izin var: hiçbir şey engellenmez.
soft-below-todo = Yeniden yükselmek için panoda yardımınızı önerin ya da saymanla konuşun.
soft-above-todo = Başkalarının saate ihtiyacı var: yardım isteyin, topluluk fonuna saat hediye edin ya da saymanla konuşun.
soft-offer-help = Yardımımı öner
grown-floor = { $floor } saate kadar inebilirsiniz. Bu nasıl hesaplandı?
grown-how = { $base } saatten başlar ve son { $months } ayda verdiğiniz her saatlik yardım için { $factor } saat daha aşağı iner. { $given } saat verdiniz:
grown-capped = Hiçbir zaman { $cap } saatin altına inmez.
