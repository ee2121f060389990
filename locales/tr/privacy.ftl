# Gizlilik: bir üyenin veri dökümü ve gizlilik bildirimi (src/privacy),
# ve kioskun gizlilik sözcükleri.

## Veri dökümü (akker account data)

privacy-data-title = { $community } içindeki verileriniz
privacy-data-intro = akker'in { $date } tarihinde { $account } hesabı hakkında tuttuğu her şey: profiliniz ve değişiklikleri, hesabınız, her değiş tokuş, kartlarınız, teklifleriniz ve istekleriniz, sizin için düzenlenen hesap özetleri ve belgeler. Diğer üyeler yalnızca hesap numaralarıyla görünür.
privacy-data-profile = Profiliniz
privacy-data-account = Hesap
privacy-data-name = Ad
privacy-data-language = Dil
privacy-data-kind = Hesap türü
privacy-data-kind-person = kişi
privacy-data-kind-initiative = girişim
privacy-data-kind-partner = ortak kuruluş
privacy-data-kind-system = sistem hesabı
privacy-data-status = Durum
privacy-data-status-open = açık
privacy-data-status-closed = kapalı
privacy-data-balance = Bakiye
privacy-data-limits = Sınırlar
privacy-data-erased = (silindi)
privacy-data-history = Profilinizdeki değişiklikler
privacy-data-field-display-name = Ad değişti
privacy-data-field-language = Dil değişti
privacy-data-field-erased = Ad ve dil silindi
privacy-data-account-events = Hesabınız
privacy-data-event-account-opened = hesap açıldı
privacy-data-event-limits-set = sınırlar değişti
privacy-data-event-account-closed = hesap kapandı
privacy-data-transactions = Değiş tokuşlarınız
privacy-data-cards = Kartlarınız (yalnızca açık veriler)
privacy-data-card-issued = { $number } numaralı kart verildi
privacy-data-card-revoked = { $number } numaralı kart iptal edildi
privacy-data-offers = Teklifleriniz ve istekleriniz
privacy-data-offer = Teklif
privacy-data-request = İstek
privacy-data-withdrawn = { $date } tarihinde geri çekildi
privacy-data-statements = Düzenlenen hesap özetleri
privacy-data-attestations = Düzenlenen belgeler
privacy-data-none = Yok.

## Gizlilik bildirimi (akker privacy-notice, ve kiosk)

privacy-notice-title = { $community } içindeki verileriniz
privacy-notice-intro = Zaman bankamız, verilen ve alınan saatlerin kaydını tutan akker adlı bir program kullanır. Bu sayfa sizin hakkınızda neyi, neden, ne kadar süre tuttuğunu, kimin gördüğünü ve neler isteyebileceğinizi anlatır.
privacy-notice-kept-title = Ne tutuyoruz
privacy-notice-kept = Hesap numaranız, seçtiğiniz ad (bir takma ad da olur) ve diliniz. Her değiş tokuş için: tarih, saatler, işin türü, kısa bir açıklama ve diğer kişinin hesap numarası. Kartınızın açık anahtarı (asla PIN kodunuz veya kartınızdaki gizli kod değil), ve kioskun panosundaki teklifleriniz ve istekleriniz.
privacy-notice-why-title = Neden
privacy-notice-why = Zaman bankasını yürütmek için: bakiyeniz, aylık hesap özetiniz, istediğiniz belgeler ve defterleri kimsenin değiştirmediğinin kanıtı. Hiçbir şey satılmaz, reklamcılarla paylaşılmaz veya başka bir amaçla kullanılmaz.
privacy-notice-how-long-title = Ne kadar süre
privacy-notice-how-long-open = Adınız ve diliniz hesabınız açık olduğu sürece tutulur. Hesap kapandıktan sonra, silinmelerini isteyene kadar tutulur. Değiş tokuşlar defterlerde kalıcı olarak, yalnızca hesap numaranızla kalır, çünkü defterler tutarlı ve denetlenebilir olmalıdır.
privacy-notice-how-long-retention = Adınız ve diliniz hesabınız açık olduğu sürece ve hesap kapandıktan sonra { $months } ay boyunca tutulur; sonra silinir. Değiş tokuşlar defterlerde kalıcı olarak, yalnızca hesap numaranızla kalır, çünkü defterler tutarlı ve denetlenebilir olmalıdır.
privacy-notice-who-title = Kim görür
privacy-notice-who = Defterleri topluluğun bilgisayarında { $who } tutar. Diğer üyeler bakiyenizi veya değiş tokuşlarınızı asla görmez: kioskta, kartınız ve PIN kodunuzdan sonra hesabınızı yalnızca siz görürsünüz. Topluluk ve destekçileri için hazırlanan raporlar kişileri hesap numarasıyla gösterir.
privacy-notice-treasurer = sayman
privacy-notice-treasurer-named = sayman ({ $name })
privacy-notice-rights-title = Neler isteyebilirsiniz
privacy-notice-rights = akker'in sizin hakkınızda tuttuğu her şeyi görmeyi isteyebilirsiniz: kâğıt üzerinde ve dosya olarak alırsınız. Adınızın veya dilinizin düzeltilmesini ya da kalıcı olarak silinmesini isteyebilirsiniz: hesabınız o zaman yalnızca numarasıyla görünür. Değiş tokuşların kendisi silinemez, çünkü imzalıdırlar; bu yüzden kimse bir açıklamaya isim yazmamalıdır.
privacy-notice-contact-title = Kime sorulur
privacy-notice-contact-at = Şuraya sorun: { $who }, { $contact }.
privacy-notice-contact-in-person = Topluluk merkezinde yüz yüze sorun: { $who }.
privacy-notice-never = akker asla kimlik belgesi, oturma izni veya kimlik numarası istemez, ve katılmak için kimse sizden bunları isteyemez.

## Kiosk

privacy-link = Verilerinizle ne yapıyoruz
privacy-note-no-names = Buraya isim yazmayın: ne yapıldığını yazın. Bu metin imzalanır ve asla silinemez.
privacy-note-names-warning = Bu not bir üyenin adını içeriyor. İmzalanır ve asla silinemez: lütfen isim yazmadan ne yapıldığını yazın.
