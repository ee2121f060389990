# akker: uittreksels en attesten, Nederlands.
# Korte, gewone woorden: veel lezers leren nog Nederlands.

## Datums

month-1 = januari
month-2 = februari
month-3 = maart
month-4 = april
month-5 = mei
month-6 = juni
month-7 = juli
month-8 = augustus
month-9 = september
month-10 = oktober
month-11 = november
month-12 = december
month-short-1 = jan
month-short-2 = feb
month-short-3 = mrt
month-short-4 = apr
month-short-5 = mei
month-short-6 = jun
month-short-7 = jul
month-short-8 = aug
month-short-9 = sep
month-short-10 = okt
month-short-11 = nov
month-short-12 = dec
date-long = { $day } { $month } { $year }
date-short = { $day }/{ $month }
month-year = { $month } { $year }

## Hoofding

statement-title = Rekeninguittreksel
statement-for-month = Uittreksel van { $month }
currency-line = Munt: { $name } ({ $unit })
account-number = Rekeningnummer { $id }
issued-on = Gedrukt op { $date }
page-number = Blad { $page } van { $pages }
blank-page = Deze pagina is met opzet leeg gelaten.

## Saldo

balance-now = Uw saldo
balance-start = Aan het begin van de maand
balance-end = Aan het einde van de maand
balance-came-in = Uren in deze maand
balance-went-out = Uren uit deze maand
balance-positive = U gaf meer hulp dan u kreeg.
balance-negative = U kreeg meer hulp dan u gaf.
balance-zero = U gaf evenveel hulp als u kreeg.
balance-below-floor = Uw saldo ligt onder uw minimum van { $floor } { $unit }. Vraag voorlopig geen hulp meer: help iemand om uren te verdienen, of spreek erover met de penningmeester.
balance-system = Dit is een rekening van de gemeenschap, geen persoon: het saldo is wat ze uitbetaalde en ontving.
limits-title = Uw grenzen
limit-floor = Laagst: { $amount } { $unit }
limit-ceiling = Hoogst: { $amount } { $unit }
limits-explained = Een negatief saldo betekent dat u meer hulp kreeg dan u gaf; dat mag tot uw ondergrens van { $floor } { $unit }. U kunt sparen tot { $ceiling } { $unit }.

## Uitwisselingen

lines-title = Uw uitwisselingen deze maand
lines-none = Deze maand geen uitwisselingen.
column-date = Datum
column-who = Met
column-what = Wat
column-kind = Soort werk
column-in = In
column-out = Uit
column-balance = Saldo
signed-member = getekend door het lid
signed-key-holder = getekend door een sleutelhouder van het initiatief
signed-treasurer = ingevoerd door de penningmeester
signed-treasurer-slip = ingevoerd door de penningmeester van briefje { $slip }
line-reversal = Dit maakt boeking #{ $seq } van { $date } ongedaan. Reden: { $reason }
line-correction = Correctie: { $what }
line-reversed = Later deze maand ongedaan gemaakt door boeking #{ $seq }.
line-override = Grens overschreden met toestemming: { $reason }
line-number = Boeking #{ $seq }

## Soorten werk

work-care = Zorg
work-community = Gemeenschap
work-self-development = Leren
work-practical = Praktische hulp

## Totalen

totals-title = Hulp gegeven en gekregen, in uren
totals-given = Hulp gegeven
totals-received = Hulp gekregen
exchange-count = { $count ->
    [0] Geen uitwisselingen
    [one] { $count } uitwisseling
   *[other] { $count } uitwisselingen
}
people-helped = { $count ->
    [0] U hielp deze maand niemand.
    [one] U hielp { $count } persoon.
   *[other] U hielp { $count } verschillende mensen.
}

## Grafiek

chart-title = Uw saldo over 12 maanden
chart-alt = Uw saldo aan het einde van elke maand: { $values }.

## Initiatieven

contributors-title = Wie gaf uren aan deze groep
column-member = Lid
column-total = Totaal

## Controle

verify-title = Controleer dit uittreksel
verify-code = Code: { $code }
verify-explained = Dit uittreksel is ondertekend. Scan de QR-code aan de kiosk om het te controleren, of vraag het aan de penningmeester.
verify-chain = Ondertekende kettingkop: { $hash }
verify-key = Sleutel van de penningmeester: { $fingerprint }
contact-title = Vragen over dit overzicht?
contact-treasurer = Uw penningmeester: { $name } ({ $contact })
contact-treasurer-name = Uw penningmeester: { $name }
contact-treasurer-unknown = Vraag het aan de penningmeester van { $community } aan de kiosk.
contact-question = Lijkt een regel niet te kloppen? Geef de penningmeester het boekingsnummer. Een fout wordt rechtgezet met een correctieregel op uw volgende overzicht.

## Attest

attestation-title = Attest van inzet voor de buurt
attestation-intro = { $community } bevestigt dat { $name } (rekening { $id }) tussen { $from } en { $to } { $total } { $unit } hulp gaf aan anderen.
attestation-by-work = Gegeven uren per soort werk
attestation-by-initiative = Gegeven uren aan groepen en initiatieven
attestation-none = Geen in deze periode.
attestation-total = Totaal gegeven
attestation-exchanges = { $count ->
    [0] In geen enkele uitwisseling.
    [one] In { $count } uitwisseling.
   *[other] In { $count } uitwisselingen.
}
attestation-explained = Een tijdsbank telt hulp in uren: een uur hulp is een uur, welk werk het ook is. Uren die als geschenk gegeven zijn, zonder werk, tellen niet mee. Dit attest is ondertekend en kan worden gecontroleerd met de code hieronder.
attestation-verify-title = Controleer dit attest
attestation-signature = Handtekening
attestation-done-at = Opgemaakt te { $place } op { $date }.
attestation-registration = Ondernemingsnummer: { $number }
attestation-contact = Contact: { $contact }
attestation-check-outside = Om dit attest zonder computerprogramma te controleren: neem contact op met de penningmeester, { $name } ({ $contact }), en geef de code hieronder.
attestation-check-address = Of vul de code in op { $address }.


## Geschenken en het gemeenschapsfonds: uren die bewegen zonder werk

line-kind-gift = Geschenk
line-kind-contribution = Bijdrage aan het fonds
line-kind-demurrage = Terug naar het fonds
line-gift = Een geschenk van uren, geen werk: het telt niet als gegeven of gekregen hulp.
line-fund-contribution = De bijdrage aan het gemeenschapsfonds voor { $period }: dezelfde voor elke actieve rekening. Geen werk.
line-fund-demurrage = Het deel van het spaartegoed boven de drempel dat teruggaat naar het gemeenschapsfonds, voor { $period }. Geen werk.
apart-title = Telt niet als hulp
apart-gifts-given = Geschenken die u gaf
apart-gifts-received = Geschenken die u kreeg
apart-fund-paid = Betaald aan het gemeenschapsfonds
apart-fund-received = Gekregen volgens de regels van het fonds

## Zachte grenzen en een minimum dat meegroeit met wat u geeft

soft-notice-title-floor = Uw saldo ligt onder { $limit } { $unit }
soft-notice-title-ceiling = Uw saldo ligt boven { $limit } { $unit }
soft-notice-floor = Dat mag, maar het betekent dat u veel meer hulp kreeg dan u gaf.
soft-notice-floor-todo = Wat u kunt doen: bied iemand uw hulp aan (aan de kiosk, op het prikbord van aanbod) om uren te verdienen, of spreek met de penningmeester.
soft-notice-ceiling = Dat mag, maar het betekent dat u veel uren spaarde: uren zijn het meest waard als ze rondgaan.
soft-notice-ceiling-todo = Wat u kunt doen: vraag de hulp die u nodig hebt, geef uren aan het gemeenschapsfonds, of spreek met de penningmeester.
limit-soft-floor = Melding onder: { $amount } { $unit }
limit-soft-ceiling = Melding boven: { $amount } { $unit }
grown-floor-title = Hoe uw minimum berekend wordt
grown-floor-formula = Hoe meer hulp u geeft, hoe lager uw minimum mag gaan. U gaf { $given } { $unit } hulp in { $months ->
    [one] de laatste maand
   *[other] de laatste { $months } maanden
}; { $percent } % daarvan is { $grown } { $unit }. Uw minimum: { $base } { $unit } verlaagd met { $grown } { $unit } is { $floor } { $unit }.
grown-floor-capped = Hoe meer hulp u geeft, hoe lager uw minimum mag gaan. U gaf { $given } { $unit } hulp in { $months ->
    [one] de laatste maand
   *[other] de laatste { $months } maanden
}; { $percent } % daarvan is { $grown } { $unit }, wat { $result } { $unit } zou geven. Een minimum gaat nooit lager dan { $cap } { $unit }, dus het uwe is { $floor } { $unit }.
limit-changes-title = Uw grenzen veranderden deze maand
limit-change = { $date }: { $limit } van { $from } naar { $to } { $unit } ({ $cause }).
limit-change-new = { $date }: { $limit } vastgelegd op { $to } { $unit } ({ $cause }).
limit-change-removed = { $date }: { $limit } weggenomen ({ $cause }).
limit-name-floor = uw minimum
limit-name-ceiling = uw maximum
limit-name-soft-floor = de melding onder
limit-name-soft-ceiling = de melding boven
limit-cause-treasurer = door de penningmeester
limit-cause-treasurer-reason = door de penningmeester: { $reason }
limit-cause-kind = de regel voor alle rekeningen zoals de uwe veranderde
limit-cause-growth = berekend uit de hulp die u gaf

## Vragen om uren

requests-waiting-title = Wacht op uw antwoord
requests-waiting-explained = Deze mensen zeggen dat ze u hielpen en vragen de uren. Er wordt niets betaald tot u bevestigt. Bevestig of weiger aan de kiosk met uw kaart en pincode, of vraag het aan de penningmeester.
requests-yours-title = U vroeg om uren: wacht nog
requests-closed-title = Vragen die deze maand geweigerd of verlopen zijn
request-pending-detail = Hulp op { $date } · gevraagd op { $made } · te beantwoorden tot { $on } · vraag #{ $seq }
request-declined-by-you = Hulp op { $date } · gevraagd op { $made } · u weigerde op { $on } · vraag #{ $seq }
request-declined-by-them = Hulp op { $date } · gevraagd op { $made } · geweigerd op { $on } · vraag #{ $seq }
request-reason = Reden: { $reason }
request-decline-not-me = ik was het niet
request-decline-wrong-hours = de uren kloppen niet
request-decline-not-done = het werd niet gedaan
request-expired-yours = Hulp op { $date } · gevraagd op { $made } · verlopen op { $on } zonder antwoord, dus er werd niets betaald · vraag #{ $seq }
request-expired-theirs = Hulp op { $date } · gevraagd op { $made } · verlopen op { $on }: u antwoordde niet, dus er werd niets betaald · vraag #{ $seq }

# The default unit "hours", in this language (a community may name its own unit).
unit-hours = uur
skill-childcare = kinderopvang
skill-elderly-visit = bezoek aan ouderen
skill-cooking = koken
skill-neighbourhood = buurtwerk
skill-cleanup = opruimen
skill-language = taal
skill-computer-help = computerhulp
skill-tutoring = huiswerkbegeleiding
skill-bike-repair = fietsherstelling
skill-gardening = tuinieren
skill-sewing = naaien
skill-translation = vertalen
skill-workshop = workshop

## ------------------------------------------------------------------
## Gemeenschapsrapport (akker report). Alles hieronder hoort bij het
## rapport; ids beginnen met report-.

report-title = Gemeenschapsrapport
report-period = { $from } tot { $to }
report-as-of = Cijfers zoals de boeken stonden bij boeking #{ $seq }.
report-rules = Correcties (terugboekingen) en de boekingen die ze ongedaan maken tellen niet mee. Overdrachten met het gemeenschapsfonds worden apart geteld.
report-glance-title = De periode in één oogopslag
report-tile-exchanges = uitwisselingen
report-tile-hours = { $unit } uitgewisseld
report-tile-active = actieve leden van { $members }
report-tile-pairs = verschillende paren
report-tile-groups = actieve initiatieven en partners
report-by-work-title = Uren per soort werk
report-column-hours = Uren
report-column-exchanges = Uitwisselingen
report-by-skill-title = Uren per vaardigheid
report-no-skill = geen vaardigheid vermeld
report-initiatives-title = Initiatieven
report-initiatives-none = Geen enkel initiatief wisselde uren uit in deze periode.
report-from-members = Ontvangen van leden
report-from-others = Ontvangen van partners en groepen
report-paid-out = Uitbetaald
report-members-paid = { $count ->
    [0] Betaalde geen leden.
    [one] Betaalde { $count } lid.
   *[other] Betaalde { $count } verschillende leden.
}
report-giving-title = Wie geeft, wie ontvangt
report-top-tenth = Het meest actieve tiende van de leden ({ $count }) gaf { $percent } % van de uren die leden gaven.
report-deciles-caption = Uren gegeven door elk tiende van de leden, meest actieve eerst
report-only-give = Gaf alleen
report-only-receive = Ontving alleen
report-give-and-receive = Gaf en ontving
report-neither = Geen uitwisseling
report-call-title = Wie even bellen
report-call-quiet = Leden zonder uitwisseling sinds { $weeks } weken (sinds { $date })
report-call-quiet-none = Elk lid had een uitwisseling in de laatste { $weeks } weken.
report-call-new = Nieuwe leden zonder eerste uitwisseling
report-call-new-none = Elk lid heeft een eerste uitwisseling gedaan.
report-column-account = Lid
report-column-last = Laatste uitwisseling
report-column-opened = Lid sinds
report-months-title = Maand per maand
report-column-month = Maand
report-column-active = Actieve leden
report-column-new-connections = Nieuwe verbindingen
report-system = Systeemoverdrachten (welkomstkrediet, betalingen van het fonds), hierboven niet meegeteld: { $count }, { $hours } { $unit }.
report-map-title = Wie wisselde uit met wie
report-map-explained = Elke lijn verbindt twee die in deze periode uren uitwisselden: hoe dikker, hoe meer uren; de kleur is de belangrijkste soort werk. Cirkels zijn leden, zeshoeken initiatieven, ruiten partners, vierkanten systeemrekeningen.
report-map-numbers = Leden staan er met hun rekeningnummer.
report-map-capped = De { $drawn } sterkste van { $total } verbindingen zijn getekend.
report-map-grouped = Om de kaart leesbaar te houden is van elk account de sterkste band getekend en daarna de sterkste andere; de { $rest } andere verbindingen ({ $hours } uren) staan in de cijfers en in de JSON.
report-legend-person = lid
report-legend-initiative = initiatief
report-legend-partner = partner
report-legend-system = systeemrekening
report-growth-title = Groeit de gemeenschap?
report-growth-intro = Elk cijfer naast de vorige periode van dezelfde lengte: { $from } tot { $to } ({ $days ->
    [one] { $days } dag
   *[other] { $days } dagen
}).
report-growth-column-now = Deze periode
report-growth-column-before = Vorige periode
report-growth-column-change = Verschil
report-growth-members = Leden op het einde van de periode
report-growth-joined = Nieuwe leden
report-growth-left = Vertrokken leden
report-growth-active = Actieve leden
report-growth-still-active = Nog actief { $months } maanden na hun start
report-growth-share = { $percent } % ({ $part } van { $whole })
report-growth-nobody-joined = toen geen nieuwe leden
report-growth-points = { $points ->
    [one] { $points } procentpunt
   *[other] { $points } procentpunten
}
report-growth-explained = "Nog actief na N maanden": van de leden die N maanden vóór elke periode begonnen, wie in de periode een uitwisseling had, minstens N maanden na de start.
report-chart-title = Actieve leden en uren per maand
report-chart-active-above = Het getal boven elke staaf: leden die die maand actief waren.
report-column-total-period = Hele periode

report-requests-title = Vragen om uren
report-requests-explained = Wie hielp, vraagt de uren; er wordt niets betaald tot wie geholpen werd bevestigt.
report-requests-made = Gevraagd
report-requests-confirmed = Bevestigd
report-requests-declined = Geweigerd
report-requests-withdrawn = Ingetrokken door wie vroeg
report-requests-expired = Verlopen zonder antwoord
report-requests-pending = Wachtend aan het einde van de periode
report-requests-median = Mediane tijd van vraag tot bevestiging, in dagen: { $days }.
report-requests-median-none = In deze periode werd geen vraag bevestigd.
report-gifts = Geschenken van uren, niet meegeteld als uitwisseling of gegeven hulp: { $count }, { $hours } { $unit }, waarvan { $fund } { $unit } aan het gemeenschapsfonds.
report-fund-runs = Toegepaste regels van het gemeenschapsfonds: { $count }; bijdragen { $contribution } { $unit }, terug naar het fonds { $demurrage } { $unit }.
report-closed-named = { $count ->
    [one] { $count } gesloten rekening draagt nog een naam (zie de bewaartermijn in de gids voor de penningmeester).
   *[other] { $count } gesloten rekeningen dragen nog een naam (zie de bewaartermijn in de gids voor de penningmeester).
}
report-call-requests = Leden op wie vragen al meer dan { $days } dagen wachten
report-call-requests-none = Op geen enkel lid wacht een vraag al meer dan { $days } dagen.
report-column-requests = Wachtende vragen
report-column-oldest = Oudste gevraagd op
report-call-soft = Leden voorbij een zachte grens aan het einde van de periode
report-call-soft-none = Geen enkel lid is voorbij een zachte grens.
report-column-soft-balance = Saldo
report-column-soft-limit = Zachte grens
