# akker : relevés et attestations, français.
# Des mots courts et simples : beaucoup de lecteurs apprennent encore le français.

## Dates

month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre
month-short-1 = janv.
month-short-2 = févr.
month-short-3 = mars
month-short-4 = avr.
month-short-5 = mai
month-short-6 = juin
month-short-7 = juil.
month-short-8 = août
month-short-9 = sept.
month-short-10 = oct.
month-short-11 = nov.
month-short-12 = déc.
date-long = { $day } { $month } { $year }
date-short = { $day }/{ $month }
month-year = { $month } { $year }

## En-tête

statement-title = Relevé de compte
statement-for-month = Relevé de { $month }
currency-line = Monnaie : { $name } ({ $unit })
account-number = Numéro de compte { $id }
issued-on = Imprimé le { $date }
page-number = Page { $page } sur { $pages }

## Solde

balance-now = Votre solde
balance-start = Au début du mois
balance-end = À la fin du mois
balance-came-in = Reçu ce mois-ci
balance-went-out = Payé ce mois-ci
balance-positive = Vous avez donné plus d’aide que vous n’en avez reçu.
balance-negative = Vous avez reçu plus d’aide que vous n’en avez donné.
balance-zero = Vous avez donné autant d’aide que vous en avez reçu.
limits-title = Vos limites
limit-floor = Minimum : { $amount } { $unit }
limit-ceiling = Maximum : { $amount } { $unit }
limits-explained = Un solde négatif veut dire que vous avez reçu plus d’aide que vous n’en avez donné ; c’est permis jusqu’à votre minimum de { $floor } { $unit }. Vous pouvez épargner jusqu’à { $ceiling } { $unit }.

## Échanges

lines-title = Vos échanges ce mois-ci
lines-none = Aucun échange ce mois-ci.
column-date = Date
column-who = Avec
column-what = Quoi
column-kind = Type de travail
column-in = Entrée
column-out = Sortie
column-signed = Signé
signed-member = signé par le membre
signed-key-holder = signé par un responsable de l’initiative
signed-treasurer = saisi par le trésorier
signed-treasurer-slip = saisi par le trésorier d’après le bon { $slip }
line-reversal = Correction de l’opération n° { $seq } : { $reason }
line-override = Limite dépassée avec accord : { $reason }
line-number = Opération n° { $seq }

## Types de travail

work-care = Soins
work-community = Vie collective
work-self-development = Apprendre
work-practical = Aide pratique

## Totaux

totals-title = Heures par type de travail
totals-given = Donné
totals-received = Reçu
exchange-count = { $count ->
    [one] 1 échange
   *[other] { $count } échanges
}
people-helped = { $count ->
    [one] Vous avez aidé 1 personne.
   *[other] Vous avez aidé { $count } personnes différentes.
}

## Graphique

chart-title = Votre solde sur 12 mois

## Initiatives

contributors-title = Qui a donné des heures à ce groupe
column-member = Membre
column-total = Total

## Vérification

verify-title = Vérifier ce relevé
verify-code = Code : { $code }
verify-explained = Ce relevé est signé. Pour le vérifier, scannez le code QR à la borne, ou tapez le code avec la commande : akker statement check { $code }
verify-chain = Tête de chaîne signée : { $hash }

## Attestation

attestation-title = Attestation d’engagement dans le quartier
attestation-intro = { $community } confirme que { $name } (compte { $id }) a donné { $total } { $unit } d’aide à d’autres personnes entre le { $from } et le { $to }.
attestation-by-work = Heures données par type de travail
attestation-by-initiative = Heures données aux groupes et initiatives
attestation-none = Aucune pendant cette période.
attestation-total = Total donné
attestation-exchanges = { $count ->
    [one] En 1 échange.
   *[other] En { $count } échanges.
}
attestation-explained = Une banque du temps compte l’aide en heures : une heure d’aide donnée vaut une heure, quel que soit le travail. Cette attestation est signée et peut être vérifiée avec le code ci-dessous.
attestation-verify-title = Vérifier cette attestation

# The default unit "hours", in this language (a community may name its own unit).
unit-hours = heures
