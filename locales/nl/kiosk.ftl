# akker kiosk — Nederlands. Korte, eenvoudige woorden.

welcome-title = Welkom
welcome-choose = Kies je taal
idle-label = Afmelden over
idle-still-there = Ben je er nog? Raak het scherm aan.
idle-seconds = s
logout = Afmelden
ok = OK
cancel = Stoppen
back = Terug
next = Verder
change = Wijzigen
save = Bewaren
key-delete = Wissen
key-keyboard = Toetsenbord
key-shift = Hoofdletter
key-space = Spatie
key-other-letters = Andere letters
key-done = Toetsenbord sluiten

card-title = Scan je kaart
card-hint = Houd je kaart onder de scanner.
card-or-type = Typ het nummer van je kaart
card-member-number = Je nummer (zoals M001)
card-code = De code op je kaart
card-missing = Scan je kaart, of typ je nummer en de code op je kaart.
card-bad-code = Deze code klopt niet. Kijk op je kaart en probeer opnieuw.
card-unknown = Deze kaart kennen we niet. Vraag hulp aan de penningmeester.
card-wait = Aan deze kiosk werden veel onbekende kaarten geprobeerd. Wacht { $seconds } seconden en scan dan je kaart opnieuw.
card-number-missing = Typ ook je nummer (zoals M001), en dan de code op je kaart.

pin-title = Typ je pincode
pin-wrong = Verkeerde pincode. Je mag nog { $left } keer proberen.
pin-bad-format = Een pincode heeft 4 tot 6 cijfers. Probeer opnieuw.
pin-locked-title = Kaart geblokkeerd
pin-locked = De pincode was te vaak fout. Je kaart is { $minutes } minuten geblokkeerd, tot { $time }. De penningmeester kan je helpen.

home-title = Start
home-balance-label = Jouw uren
hours-unit = uur
home-positive = Je gaf meer hulp dan je kreeg. Dank je wel!
home-zero = Je gaf evenveel hulp als je kreeg.
home-negative = Je kreeg meer hulp dan je gaf. Dat is goed, tot { $floor } uur.
home-last = Je laatste uitwisselingen
home-older = Oudere uitwisselingen
home-older-button = Oudere uitwisselingen
home-newest = Laatste uitwisselingen
home-none = Nog geen uitwisselingen.
btn-pay = Ik kreeg hulp
btn-offers = Aanbod en vragen
btn-statement = Mijn overzicht
btn-home = Start

work-care = Zorg
work-community = Samenleving
work-self-development = Leren
work-practical = Praktische hulp

pay-who = Wie hielp jou?
pay-search = Naam of nummer
pay-search-button = Zoeken
pay-recent = Mensen die je kent
pay-everyone = Iedereen
pay-found = Gevonden
pay-no-match = Niemand gevonden met deze naam.
pay-scan = Of scan hun kaart
pay-hours = Hoeveel uur?
pay-less = Minder
pay-more = Meer
pay-kind = Welke soort hulp?
pay-note = Een korte notitie (mag leeg blijven)
pay-check = Klopt dit?
pay-summary-sentence = Je geeft { $hours } uur aan { $name } voor { $work }.
pay-balance-after = Daarna heb je { $balance } uur.
pay-confirm-pin = Typ je pincode om ja te zeggen
pay-confirm = Ja, geef de uren

receipt-title = Klaar!
receipt-sentence = { $name } kreeg { $hours } uur van jou.
receipt-number = Nummer { $seq }

pay-refused-floor = Dat kan niet: je zou { $would } uur hebben. Het minimum is { $floor } uur. Geef minder uren.
pay-refused-other = Je kan nu geen uren aan { $name } geven. Geef minder uren of kies iemand anders; de penningmeester kan je meer zeggen.
pay-refused-generic = Dat kan nu niet. De penningmeester kan je zeggen waarom.
pay-refused-self = Je kan geen uren aan jezelf geven. Kies iemand anders.
pay-bad-person = Kies iemand uit de lijst.
pay-bad-amount = Kies de uren met − en +: van 0,25 tot 24 uur.
pay-bad-work = Kies een soort hulp: raak een van de prenten aan.
pay-bad-note = In de notitie staan tekens die niet kunnen. Schrijf ze opnieuw.
pay-bad-note-long = De tekst is te lang: hoogstens { $max } letters.
pay-form-used = Deze pagina was al verstuurd. De uren zijn maar één keer gegeven.
pay-form-stale = Deze pagina is verouderd: er is niets gegeven. Begin opnieuw.

offers-add = Mijn aanbod of vraag toevoegen
offers-offered = Mensen kunnen helpen met
offers-asked = Mensen zoeken hulp bij
offers-none = Nog niets.
offers-withdraw = Weghalen
offers-saved = Bewaard. Iedereen kan het nu zien.
offers-withdrawn = Weggehaald.
offers-i-offer = Ik kan helpen
offers-i-ask = Ik zoek hulp
offers-what = Waarmee? (een paar woorden)
offers-bad-direction = Kies: ik kan helpen, of ik zoek hulp.
offers-bad-what = Schrijf in een paar woorden waarover het gaat.
offers-bad-id = Dit is niet een van jouw aanbiedingen.

statement-month = Deze maand tot nu: { $month }
statement-opening = Bij het begin van de maand
statement-now = Nu
statement-lines = Uitwisselingen deze maand
statement-lines-explained = Elke uitwisseling die deze maand is ingeschreven, met de dag waarop ze gebeurde (een uitwisseling die laat is ingeschreven kan een vroegere datum hebben).
statement-totals = Per soort hulp
statement-work = Soort werk
statement-given = Jij hielp
statement-received = Jij kreeg hulp
statement-print = Afdrukken

statement-tab-now = Deze maand
statement-tab-last = Laatste overzicht
statement-tab-check = Code nakijken

last-title = Mijn laatste overzicht
last-month = Overzicht van { $month }
last-made-on = gemaakt op { $date }
last-none = Je hebt nog geen maandoverzicht. Het komt na het einde van de maand.
last-in = Uren erbij
last-out = Uren eraf
last-end = Op het einde van de maand
last-lines = Uitwisselingen in { $month }
last-chart = Jouw uren over 12 maanden
last-code-title = Code van dit overzicht
last-code-explained = Met deze code kan iedereen het papier nakijken, hier aan de kiosk.

check-title = Een overzicht nakijken
check-hint = Houd de QR-code van het overzicht onder de scanner.
check-or-type = Typ de code
check-code-label = De code onder de QR-code: 12 letters en cijfers
check-button = Nakijken
check-again = Nog een code nakijken
check-code = Code
check-yes = De code klopt.
check-no = De code klopt niet.
check-own-statement = Dit is jouw overzicht van { $month }.
check-own-attestation = Dit is jouw attest van inzet voor de buurt, van { $from } tot { $to }.
check-own-given = Uren hulp gegeven
check-own-compare = Kijk: op je papier moet hetzelfde staan.
check-other = Deze code hoort bij een overzicht van deze gemeenschap. Het is niet van jou, dus we tonen niets meer.
check-no-text = Geen enkel overzicht van deze gemeenschap heeft deze code. Kijk eerst of elke letter en elk cijfer getypt is zoals op het papier (0 en O, 1 en I lijken op elkaar), of scan de QR-code. Klopt het dan nog niet, dan is het papier misschien veranderd of komt het van ergens anders: vraag het aan de penningmeester.
check-treasurer-key = De sleutel van de penningmeester: { $fingerprint }. Die moet dezelfde zijn als op het bericht in het buurthuis.
check-bad-empty = Scan eerst de QR-code, of typ de code.
check-bad-long = Dit is veel te lang voor een code. Scan of typ alleen de code.
check-bad-code = Dit is geen code van een overzicht. Een code heeft 12 letters en cijfers, zoals 7KQ2-M9XD-4TNA.

bye-title = Tot ziens!
bye-idle = Je bent afgemeld omdat niemand het scherm aanraakte.
bye-again = Opnieuw beginnen

error-title = Dat lukte niet
error-nothing-changed = Er is niets veranderd.
error-internal = Er ging bij ons iets mis. Er is niets opgeslagen. Vraag de penningmeester.
error-clock-behind = De klok van deze computer zegt { $now }, vóór de laatste betaling ({ $last }). Er is niets opgeslagen. Vraag de penningmeester de klok juist te zetten.
error-clock-issued = De klok van deze computer zegt { $now }, in een maand waarvan de overzichten ({ $month }) al gedrukt zijn. Er is niets opgeslagen. Vraag de penningmeester de klok juist te zetten.
error-clock-jump = De klok van deze computer zegt { $now }, lang na de laatste betaling ({ $last }). Er is niets opgeslagen. De penningmeester moet eerst de datum nakijken.
error-busy = Het kasboek is bezig. Wacht even en probeer opnieuw.
error-not-found = Deze pagina bestaat niet.
error-too-long = Wat verstuurd werd is veel te lang.
session-restarted = De kiosk werd opnieuw gestart, daarom ben je afgemeld. Meld je opnieuw aan: je laatste uitwisselingen staan op je startscherm.
error-csrf = Deze pagina is te oud of komt niet van deze kiosk. Begin opnieuw.

## Spraak: wat de luidsprekerknop zegt, met uren in woorden.
say-listen = Luisteren
say-number = { $n ->
    [0] nul
    [1] één
    [2] twee
    [3] drie
    [4] vier
    [5] vijf
    [6] zes
    [7] zeven
    [8] acht
    [9] negen
    [10] tien
    [11] elf
    [12] twaalf
    [13] dertien
    [14] veertien
    [15] vijftien
    [16] zestien
    [17] zeventien
    [18] achttien
    [19] negentien
    [20] twintig
   *[other] { $n }
}
say-hours = { $quarter ->
    [1] { $count ->
        [0] een kwartier
       *[other] { $whole } uur en een kwartier
    }
    [2] { $count ->
        [0] een half uur
        [1] anderhalf uur
       *[other] { $whole } en een half uur
    }
    [3] { $count ->
        [0] drie kwartier
       *[other] { $whole } uur en drie kwartier
    }
   *[0] { $whole } uur
}
say-minus = min { $hours }
say-balance = Je hebt { $hours }.
say-home-negative = Je kreeg meer hulp dan je gaf. Dat mag, tot { $floor }.
say-pay-summary = Je geeft { $hours } aan { $name } voor { $work }.
say-receipt = { $name } kreeg { $hours } van jou.
say-refused-floor = Niet mogelijk: je zou { $would } hebben. Het minimum is { $floor }. Geef minder uren.
say-last-closing = Op het einde van de maand had je { $hours }.
ledger-damaged-title = De kiosk is gesloten
ledger-damaged-body = Het bestand met de rekeningen is beschadigd, dus de kiosk neemt geen betalingen aan. Zeg het aan de penningmeester.

## Vragen (issue 12): wie hielp, vraagt de uren; wie geholpen werd, zegt
## ja (en betaalt) of nee (en zegt waarom).
btn-ask = Ik hielp iemand
request-waiting-count = { $count ->
    [0] Er wacht geen vraag op je antwoord
    [one] Er wacht één vraag op je antwoord
   *[other] Er wachten { $count } vragen op je antwoord
}
request-asks-you = { $name } hielp jou en vraagt { $hours } uur.
request-you-asked = Je vroeg { $name } om { $hours } uur.
request-yes-or-no = Raak Ja aan als het klopt, Nee als het niet klopt.
request-yes = Ja
request-no = Nee
request-yes-title = Ja, ik werd geholpen
request-yes-button = Ja, geef de uren
request-no-title = Nee, dit klopt niet
request-no-sentence = Je zegt nee tegen { $name }: { $hours } uur voor { $work }. Er worden geen uren gegeven.
request-no-button = Nee, stuur mijn antwoord
request-withdraw-title = Mijn vraag terugnemen
request-withdraw-sentence = Je neemt terug wat je { $name } vroeg: { $hours } uur voor { $work }.
request-withdraw-button = Ja, neem ze terug
request-withdraw = Terugnemen
request-yours = Jouw vragen
request-pin = Typ je pincode om je antwoord te sturen
request-news = Nieuws over je vragen
request-pending = Wacht op het antwoord van { $name }.
request-declined = { $name } zei nee: { $reason }
request-expired = { $name } antwoordde niet op tijd. Er is niets gegeven. Je kan opnieuw vragen.
request-declined-done = Je zei nee. Wie het vroeg, ziet bij het volgende bezoek waarom.
request-withdrawn-done = Je vraag is teruggenomen.
request-not-found = Dit is geen vraag die jij kan beantwoorden.
request-already-confirmed = Op deze vraag is al ja gezegd. De uren zijn maar één keer gegeven.
request-already-declined = Op deze vraag is al nee gezegd.
request-already-withdrawn = Wie het vroeg, heeft deze vraag teruggenomen.
request-too-late = Deze vraag wachtte te lang en kan niet meer beantwoord worden. Er is niets gegeven. Wie hielp, kan opnieuw vragen.
request-refused-floor = Vandaag kan dat niet: je zou { $would } uur hebben. Het minimum is { $floor } uur. De vraag blijft wachten: zeg ja als je meer uren hebt, of zeg nee.
decline-why = Waarom niet?
decline-not-me = Ik was het niet
decline-wrong-hours = De uren kloppen niet
decline-not-done = Het werk is niet gedaan
decline-other = Iets anders
decline-other-text = Iets anders? Schrijf waarom
decline-bad-reason = Kies waarom niet, of schrijf het.
ask-who = Wie heb je geholpen?
ask-who-several = Wie heeft jullie groep geholpen? Raak iedereen aan, dan Verder.
ask-chosen = { $count ->
    [0] Nog niemand gekozen
    [one] Eén persoon gekozen
   *[other] { $count } mensen gekozen
}
ask-hours = Hoeveel uur heb je geholpen?
ask-what = Wat heb je gedaan? (een paar woorden)
ask-bad-what = Schrijf in een paar woorden wat je deed.
ask-summary-sentence = Je vraagt { $name } om { $hours } uur voor { $work }.
ask-each = Iedereen krijgt de vraag om deze uren en zegt zelf ja of nee.
ask-nothing-moves = Nu wordt er niets gegeven. De uren gaan pas over als de ander ja zegt met de eigen kaart.
ask-confirm-pin = Typ je pincode om de vraag te sturen
ask-confirm = Ja, stuur de vraag
ask-sent-title = Verstuurd!
ask-sent-sentence = { $name } ziet je vraag om { $hours } uur ({ $work }) bij het volgende bezoek.
ask-limit-warning = Vandaag kan { $name } deze uren niet geven. De vraag blijft wachten; ze kan bevestigd worden zodra het kan.
ask-limit-own = Vandaag kan jij deze uren niet krijgen: je zou { $would } uur hebben, en je maximum is { $limit } uur. De vraag blijft wachten; de penningmeester kan je meer zeggen.
ask-form-used = Deze pagina was al verstuurd. De vraag is maar één keer gesteld.
ask-form-stale = Deze pagina is verouderd: er is niets gevraagd. Begin opnieuw.
offers-i-helped = Ik hielp hiermee
say-request-waiting = { $name } zegt dat hij of zij je hielp: { $hours } voor { $work }.
say-request-no = Je zegt nee tegen { $name }: { $hours } voor { $work }.
say-request-withdraw = Je neemt terug wat je { $name } vroeg: { $hours } voor { $work }.
say-ask-summary = Je vraagt { $name } om { $hours } voor { $work }.
say-request-refused-floor = Vandaag kan dat niet: je zou { $would } hebben. Het minimum is { $floor }. De vraag blijft wachten: zeg ja als je meer uren hebt, of zeg nee.

## Giften en grenzen (issue 13).
btn-gift = Uren schenken
gift-who = Aan wie schenk je uren?
# A soft hyphen (U+00AD) lets the long word break as gemeenschaps-fonds
# in a narrow column, never in the middle of a syllable.
gift-fund = Het gemeenschaps­fonds
gift-fund-what = Voor iedereen: het betaalt werk voor de buurt
gift-hours = Hoeveel uur schenk je?
gift-why = Waarom schenk je ze? (een paar woorden)
gift-not-work = Een gift is geen betaling voor hulp: ze telt niet als gegeven of gekregen hulp.
gift-summary-sentence = Je schenkt { $hours } uur aan { $name }.
gift-confirm = Ja, schenk de uren
gift-done-title = Dank je wel!
gift-done-sentence = { $name } kreeg { $hours } uur van jou als gift.
gift-bad-why = Schrijf in een paar woorden waarom je de uren schenkt.
gift-form-used = Deze pagina was al verstuurd. De uren zijn maar één keer gegeven.
gift-form-stale = Deze pagina is verouderd: er is niets gegeven. Begin opnieuw.
line-gift = Gift van uren
line-fund = Gemeenschapsfonds
say-gift-summary = Je schenkt { $hours } aan { $name }.
gift-summary-fund = Je schenkt { $hours } uur aan het gemeenschapsfonds.
gift-done-fund = Het gemeenschapsfonds kreeg { $hours } uur van jou als gift.
say-gift-fund = Je schenkt { $hours } aan het gemeenschapsfonds.
say-ask-sent = { $name } ziet je vraag om { $hours } ({ $work }) bij het volgende bezoek.
say-gift-done = { $name } kreeg { $hours } van jou als gift.
say-gift-done-fund = Het gemeenschapsfonds kreeg { $hours } van jou als gift.
soft-title = Goed om te weten
soft-below = Je hebt minder dan { $limit }.
soft-above = Je hebt meer dan { $limit }.
soft-allowed = Dat mag: er wordt niets geblokkeerd.
soft-below-todo = Om terug te stijgen: bied je hulp aan op het bord, of spreek met de penningmeester.
soft-above-todo = Anderen hebben uren nodig: vraag zelf hulp, schenk uren aan het gemeenschapsfonds, of spreek met de penningmeester.
soft-offer-help = Mijn hulp aanbieden
grown-floor = Je mag tot { $floor } uur zakken. Hoe is dat berekend?
grown-how = Ze begint bij { $base } uur en zakt { $factor } uur voor elk uur hulp dat je gaf in de laatste { $months } maanden. Je gaf { $given } uur:
grown-capped = Ze gaat nooit lager dan { $cap } uur.
