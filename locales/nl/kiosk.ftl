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
