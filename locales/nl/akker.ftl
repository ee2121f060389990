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

## Saldo

balance-now = Uw saldo
balance-start = Aan het begin van de maand
balance-end = Aan het einde van de maand
balance-came-in = Deze maand ontvangen
balance-went-out = Deze maand betaald
balance-positive = U gaf meer hulp dan u kreeg.
balance-negative = U kreeg meer hulp dan u gaf.
balance-zero = U gaf evenveel hulp als u kreeg.
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
column-signed = Getekend
signed-member = getekend door het lid
signed-key-holder = getekend door een sleutelhouder van het initiatief
signed-treasurer = ingevoerd door de penningmeester
signed-treasurer-slip = ingevoerd door de penningmeester van briefje { $slip }
line-reversal = Correctie van boeking #{ $seq }: { $reason }
line-override = Grens overschreden met toestemming: { $reason }
line-number = Boeking #{ $seq }

## Soorten werk

work-care = Zorg
work-community = Gemeenschap
work-self-development = Leren
work-practical = Praktische hulp

## Totalen

totals-title = Uren per soort werk
totals-given = Gegeven
totals-received = Gekregen
exchange-count = { $count ->
    [one] 1 uitwisseling
   *[other] { $count } uitwisselingen
}
people-helped = { $count ->
    [one] U hielp 1 persoon.
   *[other] U hielp { $count } verschillende mensen.
}

## Grafiek

chart-title = Uw saldo over 12 maanden

## Initiatieven

contributors-title = Wie gaf uren aan deze groep
column-member = Lid
column-total = Totaal

## Controle

verify-title = Controleer dit uittreksel
verify-code = Code: { $code }
verify-explained = Dit uittreksel is ondertekend. Scan de QR-code aan de kiosk, of typ de code met het commando: akker statement check { $code }
verify-chain = Ondertekende kettingkop: { $hash }

## Attest

attestation-title = Attest van inzet voor de buurt
attestation-intro = { $community } bevestigt dat { $name } (rekening { $id }) tussen { $from } en { $to } { $total } { $unit } hulp gaf aan anderen.
attestation-by-work = Gegeven uren per soort werk
attestation-by-initiative = Gegeven uren aan groepen en initiatieven
attestation-none = Geen in deze periode.
attestation-total = Totaal gegeven
attestation-exchanges = { $count ->
    [one] In 1 uitwisseling.
   *[other] In { $count } uitwisselingen.
}
attestation-explained = Een tijdsbank telt hulp in uren: een uur hulp is een uur, welk werk het ook is. Dit attest is ondertekend en kan worden gecontroleerd met de code hieronder.
attestation-verify-title = Controleer dit attest

# The default unit "hours", in this language (a community may name its own unit).
unit-hours = uur
