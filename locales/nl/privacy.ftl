# Privacy: het gegevensoverzicht van een lid en de privacyverklaring
# (src/privacy), en de privacywoorden van de kiosk.

## Het gegevensoverzicht (akker account data)

privacy-data-title = Jouw gegevens bij { $community }
privacy-data-intro = Alles wat akker op { $date } over rekening { $account } bewaart: je profiel en de wijzigingen eraan, je rekening, elke uitwisseling, je kaarten, je aanbod en vragen, en de overzichten en attesten die voor jou zijn gemaakt. Andere leden staan er alleen met hun rekeningnummer in.
privacy-data-profile = Jouw profiel
privacy-data-account = Rekening
privacy-data-name = Naam
privacy-data-language = Taal
privacy-data-kind = Soort rekening
privacy-data-kind-person = persoon
privacy-data-kind-initiative = initiatief
privacy-data-kind-partner = partnerorganisatie
privacy-data-kind-system = systeemrekening
privacy-data-status = Status
privacy-data-status-open = open
privacy-data-status-closed = gesloten
privacy-data-balance = Saldo
privacy-data-limits = Grenzen
privacy-data-erased = (gewist)
privacy-data-history = Wijzigingen aan je profiel
privacy-data-field-display-name = Naam gewijzigd
privacy-data-field-language = Taal gewijzigd
privacy-data-field-erased = Naam en taal gewist
privacy-data-account-events = Jouw rekening
privacy-data-event-account-opened = rekening geopend
privacy-data-event-limits-set = grenzen gewijzigd
privacy-data-event-account-closed = rekening gesloten
privacy-data-transactions = Jouw uitwisselingen
privacy-data-cards = Jouw kaarten (alleen openbare gegevens)
privacy-data-card-issued = Kaart { $number } uitgereikt
privacy-data-card-revoked = Kaart { $number } ingetrokken
privacy-data-offers = Jouw aanbod en vragen
privacy-data-offer = Aanbod
privacy-data-request = Vraag
privacy-data-withdrawn = ingetrokken op { $date }
privacy-data-statements = Uitgegeven overzichten
privacy-data-attestations = Uitgegeven attesten
privacy-data-none = Niets.

## De privacyverklaring (akker privacy-notice, en de kiosk)

privacy-notice-title = Jouw gegevens bij { $community }
privacy-notice-intro = Onze tijdsbank gebruikt akker, een programma dat bijhoudt hoeveel uren er gegeven en ontvangen worden. Hier lees je wat het over jou bewaart, waarom, hoe lang, wie het ziet en wat je kunt vragen.
privacy-notice-kept-title = Wat we bewaren
privacy-notice-kept = Je rekeningnummer, de naam die je koos (een bijnaam mag) en je taal. Bij elke uitwisseling: de datum, de uren, de soort werk, een korte omschrijving en het rekeningnummer van de andere persoon. De openbare sleutel van je kaart (nooit je pincode of het geheim op je kaart), en je aanbod en vragen op het bord van de kiosk.
privacy-notice-why-title = Waarom
privacy-notice-why = Om de tijdsbank te laten werken: je saldo, je maandoverzicht, de attesten die je vraagt, en het bewijs dat niemand de boeken heeft veranderd. Niets wordt verkocht, gedeeld met adverteerders of voor iets anders gebruikt.
privacy-notice-how-long-title = Hoe lang
privacy-notice-how-long-open = Je naam en taal blijven bewaard zolang je rekening open is. Na het sluiten blijven ze bewaard tot je vraagt om ze te wissen. Uitwisselingen blijven voorgoed in de boeken, alleen met je rekeningnummer, want de boeken moeten kloppen en gecontroleerd kunnen worden.
privacy-notice-how-long-retention = Je naam en taal blijven bewaard zolang je rekening open is, en nog { $months } maanden nadat ze gesloten is; daarna worden ze gewist. Uitwisselingen blijven voorgoed in de boeken, alleen met je rekeningnummer, want de boeken moeten kloppen en gecontroleerd kunnen worden.
privacy-notice-who-title = Wie het ziet
privacy-notice-who = De boeken worden bijgehouden door { $who } op de computer van de gemeenschap. Andere leden zien nooit je saldo of je uitwisselingen: aan de kiosk zie alleen jij je eigen rekening, na je kaart en pincode. Verslagen voor de gemeenschap en haar subsidiegevers tonen mensen met hun rekeningnummer.
privacy-notice-treasurer = de penningmeester
privacy-notice-treasurer-named = de penningmeester ({ $name })
privacy-notice-rights-title = Wat je kunt vragen
privacy-notice-rights = Je kunt vragen om alles te zien wat akker over jou bewaart: je krijgt het op papier en als bestand. Je kunt vragen om je naam of taal te verbeteren, of om ze voorgoed te wissen: je rekening staat er dan alleen nog met haar nummer. De uitwisselingen zelf kunnen niet gewist worden, want ze zijn ondertekend; daarom schrijft niemand namen in een omschrijving.
privacy-notice-contact-title = Aan wie vragen
privacy-notice-contact-at = Vraag het aan { $who }: { $contact }.
privacy-notice-contact-in-person = Vraag het aan { $who }, in het buurthuis.
privacy-notice-never = akker vraagt nooit een identiteitsbewijs, een verblijfsvergunning of een rijksregisternummer, en niemand mag je er een vragen om mee te doen.

## De kiosk

privacy-link = Wat we met je gegevens doen
privacy-note-no-names = Schrijf hier geen namen: schrijf wat er gedaan is. Deze tekst wordt ondertekend en kan nooit gewist worden.
privacy-note-names-warning = Deze notitie bevat de naam van een lid. Ze wordt ondertekend en kan nooit gewist worden: schrijf liever wat er gedaan is, zonder namen.
