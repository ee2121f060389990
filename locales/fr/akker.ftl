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
blank-page = Cette page est laissée blanche intentionnellement.

## Solde

balance-now = Votre solde
balance-start = Au début du mois
balance-end = À la fin du mois
balance-came-in = Heures entrées ce mois-ci
balance-went-out = Heures sorties ce mois-ci
balance-positive = Vous avez donné plus d’aide que vous n’en avez reçu.
balance-negative = Vous avez reçu plus d’aide que vous n’en avez donné.
balance-zero = Vous avez donné autant d’aide que vous en avez reçu.
balance-below-floor = Votre solde est sous votre minimum de { $floor } { $unit }. Ne recevez plus d’aide pour l’instant : aidez quelqu’un pour gagner des heures, ou parlez-en au trésorier.
balance-system = Ceci est un compte de la communauté, pas une personne : son solde est ce qu’il a payé et reçu.
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
column-balance = Solde
signed-member = signé par le membre
signed-key-holder = signé par un responsable de l’initiative
signed-treasurer = saisi par le trésorier
signed-treasurer-slip = saisi par le trésorier d’après le bon { $slip }
line-reversal = Ceci annule l’opération n° { $seq } du { $date }. Motif : { $reason }
line-correction = Correction : { $what }
line-reversed = Annulée plus tard ce mois-ci par l’opération n° { $seq }.
line-override = Limite dépassée avec accord : { $reason }
line-number = Opération n° { $seq }

## Types de travail

work-care = Soins
work-community = Vie collective
work-self-development = Apprendre
work-practical = Aide pratique

## Totaux

totals-title = Aide donnée et reçue, en heures
totals-given = Aide donnée
totals-received = Aide reçue
exchange-count = { $count ->
    [0] Aucun échange
    [one] { $count } échange
   *[other] { $count } échanges
}
people-helped = { $count ->
    [0] Vous n’avez aidé personne ce mois-ci.
    [one] Vous avez aidé { $count } personne.
   *[other] Vous avez aidé { $count } personnes différentes.
}

## Graphique

chart-title = Votre solde sur 12 mois
chart-alt = Votre solde à la fin de chaque mois : { $values }.

## Initiatives

contributors-title = Qui a donné des heures à ce groupe
column-member = Membre
column-total = Total

## Vérification

verify-title = Vérifier ce relevé
verify-code = Code : { $code }
verify-explained = Ce relevé est signé. Pour le vérifier, scannez le code QR à la borne, ou demandez au trésorier.
verify-chain = Tête de chaîne signée : { $hash }
verify-key = Clé du trésorier : { $fingerprint }
contact-title = Des questions sur ce relevé ?
contact-treasurer = Votre trésorier : { $name } ({ $contact })
contact-treasurer-name = Votre trésorier : { $name }
contact-treasurer-unknown = Demandez au trésorier de { $community } à la borne.
contact-question = Une ligne vous semble fausse ? Donnez son numéro d’opération au trésorier. Une erreur est réparée par une ligne de correction sur votre prochain relevé.

## Attestation

attestation-title = Attestation d’engagement dans le quartier
attestation-intro = { $community } confirme que { $name } (compte { $id }) a donné { $total } { $unit } d’aide à d’autres personnes entre le { $from } et le { $to }.
attestation-by-work = Heures données par type de travail
attestation-by-initiative = Heures données aux groupes et initiatives
attestation-none = Aucune pendant cette période.
attestation-total = Total donné
attestation-exchanges = { $count ->
    [0] Dans aucun échange.
    [one] En { $count } échange.
   *[other] En { $count } échanges.
}
attestation-explained = Une banque du temps compte l’aide en heures : une heure d’aide donnée vaut une heure, quel que soit le travail. Les heures données en cadeau, sans travail, ne sont pas comptées. Cette attestation est signée et peut être vérifiée avec le code ci-dessous.
attestation-verify-title = Vérifier cette attestation
attestation-signature = Signature
attestation-done-at = Fait à { $place }, le { $date }.
attestation-registration = Numéro d’entreprise : { $number }
attestation-contact = Contact : { $contact }
attestation-check-outside = Pour vérifier cette attestation sans programme informatique, contactez le trésorier, { $name } ({ $contact }), et donnez le code ci-dessous.
attestation-check-address = Ou saisissez le code sur { $address }.


## Dons et fonds commun : des heures qui bougent sans travail

line-kind-gift = Don
line-kind-contribution = Cotisation au fonds
line-kind-demurrage = Retour au fonds
line-gift = Un don d’heures, pas un travail : il ne compte ni comme aide donnée ni comme aide reçue.
line-fund-contribution = La cotisation au fonds commun pour { $period } : la même pour chaque compte actif. Pas un travail.
line-fund-demurrage = La part de l’épargne au-dessus du seuil qui revient au fonds commun, pour { $period }. Pas un travail.
apart-title = Pas compté comme aide
apart-gifts-given = Dons que vous avez faits
apart-gifts-received = Dons que vous avez reçus
apart-fund-paid = Versé au fonds commun
apart-fund-received = Reçu selon les règles du fonds

## Limites souples et un plancher qui grandit avec ce que vous donnez

soft-notice-title-floor = Votre solde est sous { $limit } { $unit }
soft-notice-title-ceiling = Votre solde est au-dessus de { $limit } { $unit }
soft-notice-floor = C’est permis, mais cela veut dire que vous avez reçu beaucoup plus d’aide que vous n’en avez donné.
soft-notice-floor-todo = Ce que vous pouvez faire : proposez votre aide à quelqu’un (à la borne, sur le tableau des offres) pour gagner des heures, ou parlez-en au trésorier.
soft-notice-ceiling = C’est permis, mais cela veut dire que vous avez épargné beaucoup d’heures : les heures valent le plus quand elles circulent.
soft-notice-ceiling-todo = Ce que vous pouvez faire : demandez l’aide dont vous avez besoin, donnez des heures au fonds commun, ou parlez-en au trésorier.
limit-soft-floor = Avis en dessous de : { $amount } { $unit }
limit-soft-ceiling = Avis au-dessus de : { $amount } { $unit }
grown-floor-title = Comment votre plancher est calculé
grown-floor-formula = Plus vous aidez, plus votre plancher peut descendre. Vous avez donné { $given } { $unit } d’aide { $months ->
    [one] le mois dernier
   *[other] ces { $months } derniers mois
} ; { $percent } % de cela font { $grown } { $unit }. Votre plancher : { $base } { $unit } abaissé de { $grown } { $unit } donne { $floor } { $unit }.
grown-floor-capped = Plus vous aidez, plus votre plancher peut descendre. Vous avez donné { $given } { $unit } d’aide { $months ->
    [one] le mois dernier
   *[other] ces { $months } derniers mois
} ; { $percent } % de cela font { $grown } { $unit }, ce qui donnerait { $result } { $unit }. Un plancher ne descend jamais sous { $cap } { $unit } : le vôtre est donc { $floor } { $unit }.
limit-changes-title = Vos limites ont changé ce mois-ci
limit-change = { $date } : { $limit } de { $from } à { $to } { $unit } ({ $cause }).
limit-change-new = { $date } : { $limit } fixé à { $to } { $unit } ({ $cause }).
limit-change-removed = { $date } : { $limit } supprimé ({ $cause }).
limit-name-floor = votre plancher
limit-name-ceiling = votre plafond
limit-name-soft-floor = l’avis en dessous
limit-name-soft-ceiling = l’avis au-dessus
limit-cause-treasurer = par le trésorier
limit-cause-treasurer-reason = par le trésorier : { $reason }
limit-cause-kind = la règle de tous les comptes comme le vôtre a changé
limit-cause-growth = calculé d’après l’aide que vous avez donnée

## Demandes d’heures

requests-waiting-title = En attente de votre réponse
requests-waiting-explained = Ces personnes disent vous avoir aidé et demandent les heures. Rien n’est payé tant que vous ne confirmez pas. Confirmez ou refusez à la borne avec votre carte et votre code, ou demandez au trésorier.
requests-yours-title = Vous avez demandé des heures : en attente
requests-closed-title = Demandes refusées ou expirées ce mois-ci
request-pending-detail = Aide du { $date } · demandée le { $made } · réponse possible jusqu’au { $on } · demande n° { $seq }
request-declined-by-you = Aide du { $date } · demandée le { $made } · refusée par vous le { $on } · demande n° { $seq }
request-declined-by-them = Aide du { $date } · demandée le { $made } · refusée le { $on } · demande n° { $seq }
request-reason = Raison : { $reason }
request-decline-not-me = ce n’était pas moi
request-decline-wrong-hours = les heures ne sont pas justes
request-decline-not-done = ce n’a pas été fait
request-expired-yours = Aide du { $date } · demandée le { $made } · expirée le { $on } sans réponse, donc rien n’a été payé · demande n° { $seq }
request-expired-theirs = Aide du { $date } · demandée le { $made } · expirée le { $on } : vous n’avez pas répondu, donc rien n’a été payé · demande n° { $seq }

# The default unit "hours", in this language (a community may name its own unit).
unit-hours = heures
skill-childcare = garde d’enfants
skill-elderly-visit = visite aux aînés
skill-cooking = cuisine
skill-neighbourhood = vie de quartier
skill-cleanup = nettoyage
skill-language = langue
skill-computer-help = aide informatique
skill-tutoring = soutien scolaire
skill-bike-repair = réparation de vélos
skill-gardening = jardinage
skill-sewing = couture
skill-translation = traduction
skill-workshop = atelier

## ------------------------------------------------------------------
## Rapport de la communauté (akker report). Tout ce qui suit est au
## rapport ; les ids commencent par report-.

report-title = Rapport de la communauté
report-period = du { $from } au { $to }
report-as-of = Chiffres tels que les comptes étaient à l'écriture n° { $seq }.
report-rules = Les corrections (annulations) et les écritures qu'elles annulent ne sont pas comptées. Les transferts avec le fonds commun sont comptés à part.
report-glance-title = La période en un coup d'œil
report-tile-exchanges = échanges
report-tile-hours = { $unit } échangées
report-tile-active = membres actifs sur { $members }
report-tile-pairs = paires différentes
report-tile-groups = initiatives et partenaires actifs
report-by-work-title = Heures par type de travail
report-column-hours = Heures
report-column-exchanges = Échanges
report-by-skill-title = Heures par compétence
report-no-skill = sans compétence indiquée
report-initiatives-title = Initiatives
report-initiatives-none = Aucune initiative n'a échangé d'heures pendant cette période.
report-from-members = Reçu des membres
report-from-others = Reçu des partenaires et groupes
report-paid-out = Payé
report-members-paid = { $count ->
    [0] N’a payé aucun membre.
    [one] A payé { $count } membre.
   *[other] A payé { $count } membres différents.
}
report-giving-title = Qui donne, qui reçoit
report-top-tenth = Le dixième le plus actif des membres ({ $count }) a donné { $percent } % des heures données par les membres.
report-deciles-caption = Heures données par chaque dixième des membres, les plus actifs d'abord
report-only-give = A seulement donné
report-only-receive = A seulement reçu
report-give-and-receive = A donné et reçu
report-neither = Aucun échange
report-call-title = Qui appeler
report-call-quiet = Membres sans échange depuis { $weeks } semaines (depuis le { $date })
report-call-quiet-none = Chaque membre a eu un échange ces { $weeks } dernières semaines.
report-call-new = Nouveaux membres sans premier échange
report-call-new-none = Chaque membre a fait un premier échange.
report-column-account = Membre
report-column-last = Dernier échange
report-column-opened = Membre depuis
report-months-title = Mois par mois
report-column-month = Mois
report-column-active = Membres actifs
report-column-new-connections = Nouveaux liens
report-system = Transferts système (crédits de bienvenue, paiements du fonds), non comptés ci-dessus : { $count }, { $hours } { $unit }.
report-map-title = Qui a échangé avec qui
report-map-explained = Chaque ligne relie deux comptes qui ont échangé des heures pendant cette période : plus elle est épaisse, plus il y a d'heures ; sa couleur est le type de travail principal. Cercles : membres ; hexagones : initiatives ; losanges : partenaires ; carrés : comptes système.
report-map-numbers = Les membres sont indiqués par leur numéro de compte.
report-map-capped = Les { $drawn } liens les plus forts sur { $total } sont dessinés.
report-map-grouped = Pour que la carte reste lisible, le lien le plus fort de chaque compte est dessiné, puis les plus forts des autres ; les { $rest } autres liens ({ $hours } heures) sont dans les chiffres et dans le JSON.
report-legend-person = membre
report-legend-initiative = initiative
report-legend-partner = partenaire
report-legend-system = compte système
report-growth-title = La communauté grandit-elle ?
report-growth-intro = Chaque chiffre à côté de la période précédente de même durée : du { $from } au { $to } ({ $days ->
    [one] { $days } jour
   *[other] { $days } jours
}).
report-growth-column-now = Cette période
report-growth-column-before = Période précédente
report-growth-column-change = Évolution
report-growth-members = Membres à la fin de la période
report-growth-joined = Membres arrivés
report-growth-left = Membres partis
report-growth-active = Membres actifs
report-growth-still-active = Encore actifs { $months } mois après leur arrivée
report-growth-share = { $percent } % ({ $part } sur { $whole })
report-growth-nobody-joined = aucune arrivée alors
report-growth-points = { $points ->
    [one] { $points } point
   *[other] { $points } points
}
report-growth-explained = « Encore actifs après N mois » : parmi les membres arrivés N mois avant chaque période, ceux qui ont eu un échange pendant la période, au moins N mois après leur arrivée.
report-chart-title = Membres actifs et heures par mois
report-chart-active-above = Le chiffre au-dessus de chaque barre : membres actifs ce mois-là.
report-column-total-period = Toute la période

report-requests-title = Demandes d’heures
report-requests-explained = Celui qui a aidé demande les heures ; rien n’est payé tant que celui qui a été aidé ne confirme pas.
report-requests-made = Faites
report-requests-confirmed = Confirmées
report-requests-declined = Refusées
report-requests-withdrawn = Retirées par le demandeur
report-requests-expired = Expirées sans réponse
report-requests-pending = En attente à la fin de la période
report-requests-median = Délai médian entre la demande et la confirmation, en jours : { $days }.
report-requests-median-none = Aucune demande n’a été confirmée pendant cette période.
report-gifts = Dons d’heures, comptés ni comme échanges ni comme aide donnée : { $count }, { $hours } { $unit }, dont { $fund } { $unit } au fonds commun.
report-fund-runs = Règles du fonds commun appliquées : { $count } ; cotisations { $contribution } { $unit }, retour au fonds { $demurrage } { $unit }.
report-closed-named = { $count ->
    [one] { $count } compte fermé porte encore un nom (voir la durée de conservation dans le guide du trésorier).
   *[other] { $count } comptes fermés portent encore un nom (voir la durée de conservation dans le guide du trésorier).
}
report-call-requests = Membres sur qui des demandes attendent depuis plus de { $days } jours
report-call-requests-none = Aucune demande n’attend un membre depuis plus de { $days } jours.
report-column-requests = Demandes en attente
report-column-oldest = Plus ancienne le
report-call-soft = Membres au-delà d’une limite souple à la fin de la période
report-call-soft-none = Aucun membre n’est au-delà d’une limite souple.
report-column-soft-balance = Solde
report-column-soft-limit = Limite souple
