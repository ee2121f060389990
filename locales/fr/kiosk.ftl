# akker kiosk — français. Des mots courts et simples.

welcome-title = Bienvenue
welcome-choose = Choisissez votre langue
idle-label = Déconnexion dans
idle-still-there = Vous êtes toujours là ? Touchez l’écran.
idle-seconds = s
logout = Quitter
ok = OK
cancel = Arrêter
back = Retour
next = Suivant
change = Modifier
save = Enregistrer
key-delete = Effacer
key-keyboard = Clavier
key-shift = Majuscule
key-space = Espace
key-other-letters = Autres lettres
key-done = Fermer le clavier

card-title = Scannez votre carte
card-hint = Tenez votre carte sous le scanner.
card-or-type = Tapez le numéro de votre carte
card-member-number = Votre numéro (comme M001)
card-code = Le code sur votre carte
card-missing = Scannez votre carte, ou tapez votre numéro et le code de votre carte.
card-bad-code = Ce code n’est pas correct. Regardez votre carte et réessayez.
card-unknown = Nous ne connaissons pas cette carte. Demandez de l’aide au trésorier.
card-wait = Beaucoup de cartes inconnues ont été essayées à ce kiosque. Attendez { $seconds } secondes, puis scannez à nouveau votre carte.
card-number-missing = Tapez aussi votre numéro (comme M001), puis le code de votre carte.

pin-title = Tapez votre code PIN
pin-wrong = Code PIN faux. Vous pouvez encore essayer { $left } fois.
pin-bad-format = Un code PIN a 4 à 6 chiffres. Réessayez.
pin-locked-title = Carte bloquée
pin-locked = Le code PIN était faux trop de fois. Votre carte est bloquée pendant { $minutes } minutes, jusqu’à { $time }. Le trésorier peut vous aider.

home-title = Accueil
home-balance-label = Vos heures
hours-unit = heures
home-positive = Vous avez donné plus d’aide que vous n’en avez reçu. Merci !
home-zero = Vous avez donné autant d’aide que vous en avez reçu.
home-negative = Vous avez reçu plus d’aide que vous n’en avez donné. C’est bien, jusqu’à { $floor } heures.
home-last = Vos derniers échanges
home-older = Échanges plus anciens
home-older-button = Échanges plus anciens
home-newest = Derniers échanges
home-none = Pas encore d’échanges.
btn-pay = J’ai reçu de l’aide
btn-offers = Offres et demandes
btn-statement = Mon relevé
btn-home = Accueil

work-care = Soins
work-community = Vie de quartier
work-self-development = Apprendre
work-practical = Aide pratique

pay-who = Qui vous a aidé ?
pay-search = Nom ou numéro
pay-search-button = Chercher
pay-recent = Les personnes que vous connaissez
pay-everyone = Tout le monde
pay-found = Trouvé
pay-no-match = Personne trouvé avec ce nom.
pay-scan = Ou scannez sa carte
pay-hours = Combien d’heures ?
pay-less = Moins
pay-more = Plus
pay-kind = Quel genre d’aide ?
pay-note = Une courte note (vous pouvez la laisser vide)
pay-check = C’est juste ?
pay-summary-sentence = Vous donnez { $hours } heures à { $name } pour : { $work }.
pay-balance-after = Après, vous avez { $balance } heures.
pay-confirm-pin = Tapez votre code PIN pour dire oui
pay-confirm = Oui, donner les heures

receipt-title = C’est fait !
receipt-sentence = { $name } a reçu { $hours } heures de vous.
receipt-number = Numéro { $seq }

pay-refused-floor = Pas possible : vous auriez { $would } heures. Le minimum est { $floor } heures. Donnez moins d’heures.
pay-refused-other = Il n’est pas possible de donner des heures à { $name } maintenant. Donnez moins d’heures ou choisissez une autre personne ; le trésorier peut vous en dire plus.
pay-refused-generic = Ce n’est pas possible maintenant. Le trésorier peut vous dire pourquoi.
pay-refused-self = Vous ne pouvez pas vous donner des heures. Choisissez une autre personne.
pay-bad-person = Choisissez une personne dans la liste.
pay-bad-amount = Choisissez les heures avec − et + : de 0,25 à 24 heures.
pay-bad-work = Choisissez un genre d’aide : touchez une des images.
pay-bad-note = La note contient des signes impossibles. Écrivez-la à nouveau.
pay-bad-note-long = Le texte est trop long : { $max } lettres au plus.
pay-form-used = Cette page a déjà été envoyée. Les heures ont été données une seule fois.
pay-form-stale = Cette page n’est plus à jour : rien n’a été donné. Recommencez.

offers-add = Ajouter mon offre ou ma demande
offers-offered = On peut aider pour
offers-asked = On cherche de l’aide pour
offers-none = Rien pour le moment.
offers-withdraw = Retirer
offers-saved = Enregistré. Tout le monde peut le voir.
offers-withdrawn = Retiré.
offers-i-offer = Je peux aider
offers-i-ask = J’ai besoin d’aide
offers-what = Pour quoi ? (quelques mots)
offers-bad-direction = Choisissez : je peux aider, ou j’ai besoin d’aide.
offers-bad-what = Écrivez en quelques mots de quoi il s’agit.
offers-bad-id = Ce n’est pas une de vos offres.

statement-month = Ce mois-ci jusqu’à maintenant : { $month }
statement-opening = Au début du mois
statement-now = Maintenant
statement-lines = Échanges de ce mois
statement-lines-explained = Chaque échange enregistré ce mois-ci, avec le jour où il a eu lieu (un échange noté en retard peut avoir une date plus ancienne).
statement-totals = Par genre d’aide
statement-work = Type de travail
statement-given = Vous avez aidé
statement-received = On vous a aidé
statement-print = Imprimer

statement-tab-now = Ce mois-ci
statement-tab-last = Dernier relevé
statement-tab-check = Vérifier un code

last-title = Mon dernier relevé
last-month = Relevé de { $month }
last-made-on = fait le { $date }
last-none = Vous n’avez pas encore de relevé mensuel. Il vient après la fin du mois.
last-in = Heures en plus
last-out = Heures en moins
last-end = À la fin du mois
last-lines = Échanges en { $month }
last-chart = Vos heures sur 12 mois
last-code-title = Code de ce relevé
last-code-explained = Avec ce code, tout le monde peut vérifier le papier, ici au kiosque.

check-title = Vérifier un relevé
check-hint = Tenez le code QR du relevé sous le scanner.
check-or-type = Tapez le code
check-code-label = Le code sous le code QR : 12 lettres et chiffres
check-button = Vérifier
check-again = Vérifier un autre code
check-code = Code
check-yes = Le code est bon.
check-no = Le code n’est pas bon.
check-own-statement = C’est votre relevé de { $month }.
check-own-attestation = C’est votre attestation d’engagement dans le quartier, du { $from } au { $to }.
check-own-given = Heures d’aide données
check-own-compare = Regardez : votre papier doit montrer la même chose.
check-other = Ce code appartient à un relevé de cette communauté. Ce n’est pas le vôtre, donc nous ne montrons rien de plus.
check-no-text = Aucun relevé de cette communauté n’a ce code. Vérifiez d’abord que chaque lettre et chaque chiffre est tapé comme sur le papier (0 et O, 1 et I se ressemblent), ou scannez le code QR. Si cela ne correspond toujours pas, le papier a peut-être été changé ou vient d’ailleurs : demandez au trésorier.
check-treasurer-key = La clé du trésorier : { $fingerprint }. Elle doit être la même que sur l’affiche de la maison de quartier.
check-bad-empty = Scannez d’abord le code QR, ou tapez le code.
check-bad-long = C’est beaucoup trop long pour un code. Scannez ou tapez seulement le code.
check-bad-code = Ce n’est pas un code de relevé. Un code a 12 lettres et chiffres, comme 7KQ2-M9XD-4TNA.

bye-title = Au revoir !
bye-idle = Vous avez été déconnecté parce que personne n’a touché l’écran.
bye-again = Recommencer

error-title = Cela n’a pas marché
error-nothing-changed = Rien n’a été changé.
error-internal = Un problème de notre côté. Rien n’a été enregistré. Demandez au trésorier.
error-clock-behind = L’horloge de cet ordinateur indique { $now }, avant le dernier paiement ({ $last }). Rien n’a été enregistré. Demandez au trésorier de remettre l’horloge à l’heure.
error-clock-issued = L’horloge de cet ordinateur indique { $now }, dans un mois dont les relevés ({ $month }) sont déjà imprimés. Rien n’a été enregistré. Demandez au trésorier de remettre l’horloge à l’heure.
error-clock-jump = L’horloge de cet ordinateur indique { $now }, bien après le dernier paiement ({ $last }). Rien n’a été enregistré. Le trésorier doit d’abord vérifier la date.
error-busy = Le registre est occupé. Attendez un moment et réessayez.
error-not-found = Cette page n’existe pas.
error-too-long = Ce qui a été envoyé est beaucoup trop long.
session-restarted = Le kiosque a redémarré, vous avez donc été déconnecté. Reconnectez-vous : vos derniers échanges sont sur votre écran d’accueil.
error-csrf = Cette page est trop ancienne ou ne vient pas de ce kiosque. Recommencez.

## Parole : ce que dit le bouton haut-parleur, les heures en mots.
say-listen = Écouter
say-number = { $n ->
    [0] zéro
    [1] une
    [2] deux
    [3] trois
    [4] quatre
    [5] cinq
    [6] six
    [7] sept
    [8] huit
    [9] neuf
    [10] dix
    [11] onze
    [12] douze
    [13] treize
    [14] quatorze
    [15] quinze
    [16] seize
    [17] dix-sept
    [18] dix-huit
    [19] dix-neuf
    [20] vingt
   *[other] { $n }
}
say-hours = { $quarter ->
    [1] { $count ->
        [0] un quart d’heure
        [1] une heure et quart
       *[other] { $whole } heures et quart
    }
    [2] { $count ->
        [0] une demi-heure
        [1] une heure et demie
       *[other] { $whole } heures et demie
    }
    [3] { $count ->
        [0] trois quarts d’heure
        [1] une heure trois quarts
       *[other] { $whole } heures trois quarts
    }
   *[0] { $count ->
        [0] zéro heure
        [1] une heure
       *[other] { $whole } heures
    }
}
say-minus = moins { $hours }
say-balance = Vous avez { $hours }.
say-home-negative = Vous avez reçu plus d’aide que vous n’en avez donné. C’est permis, jusqu’à { $floor }.
say-pay-summary = Vous donnez { $hours } à { $name } pour : { $work }.
say-receipt = { $name } a reçu { $hours } de vous.
say-refused-floor = Pas possible : vous auriez { $would }. Le minimum est { $floor }. Donnez moins d’heures.
say-last-closing = À la fin du mois, vous aviez { $hours }.
ledger-damaged-title = Le kiosque est fermé
ledger-damaged-body = Le fichier des comptes est abîmé : le kiosque n’accepte aucun paiement. Prévenez le trésorier.

## Demandes (issue 12) : celui qui a aidé demande les heures, celui qui a
## été aidé dit oui (et paie) ou non (et dit pourquoi).
btn-ask = J’ai aidé quelqu’un
request-waiting-count = { $count ->
    [0] Aucune demande n’attend votre réponse
    [one] Une demande attend votre réponse
   *[other] { $count } demandes attendent votre réponse
}
request-asks-you = { $name } vous a aidé et demande { $hours } heures.
request-you-asked = Vous avez demandé { $hours } heures à { $name }.
request-yes-or-no = Touchez Oui si c’est juste, Non si ce ne l’est pas.
request-yes = Oui
request-no = Non
request-yes-title = Oui, j’ai été aidé
request-yes-button = Oui, donner les heures
request-no-title = Non, ce n’est pas juste
request-no-sentence = Vous dites non à { $name } : { $hours } heures pour : { $work }. Aucune heure n’est donnée.
request-no-button = Non, envoyer ma réponse
request-withdraw-title = Reprendre ma demande
request-withdraw-sentence = Vous reprenez ce que vous avez demandé à { $name } : { $hours } heures pour : { $work }.
request-withdraw-button = Oui, la reprendre
request-withdraw = Reprendre
request-yours = Vos demandes
request-pin = Tapez votre code PIN pour envoyer votre réponse
request-news = Des nouvelles de vos demandes
request-pending = En attente de la réponse de { $name }.
request-declined = { $name } a dit non : { $reason }
request-expired = { $name } n’a pas répondu à temps. Rien n’a été donné. Vous pouvez demander à nouveau.
request-declined-done = Vous avez dit non. La personne qui a demandé verra pourquoi à sa prochaine visite.
request-withdrawn-done = Votre demande a été reprise.
request-not-found = Ce n’est pas une demande à laquelle vous pouvez répondre.
request-already-confirmed = On a déjà répondu oui à cette demande. Les heures ont été données une seule fois.
request-already-declined = On a déjà répondu non à cette demande.
request-already-withdrawn = La personne qui a demandé a repris cette demande.
request-too-late = Cette demande a attendu trop longtemps et on ne peut plus y répondre. Rien n’a été donné. Celui qui a aidé peut demander à nouveau.
request-refused-floor = Pas possible aujourd’hui : vous auriez { $would } heures. Le minimum est { $floor } heures. La demande attend : dites oui quand vous aurez plus d’heures, ou dites non.
decline-why = Pourquoi pas ?
decline-not-me = Ce n’était pas moi
decline-wrong-hours = Les heures ne sont pas justes
decline-not-done = Le travail n’a pas été fait
decline-other = Autre chose
decline-other-text = Autre chose ? Écrivez pourquoi
decline-bad-reason = Choisissez pourquoi pas, ou écrivez-le.
ask-who = Qui avez-vous aidé ?
ask-who-several = Qui votre groupe a-t-il aidé ? Touchez chaque personne, puis Suivant.
ask-chosen = { $count ->
    [0] Personne n’est encore choisi
    [one] Une personne choisie
   *[other] { $count } personnes choisies
}
ask-hours = Combien d’heures avez-vous aidé ?
ask-what = Qu’avez-vous fait ? (quelques mots)
ask-bad-what = Écrivez en quelques mots ce que vous avez fait.
ask-summary-sentence = Vous demandez { $hours } heures à { $name } pour : { $work }.
ask-each = Chaque personne reçoit la demande pour ces heures et dit oui ou non elle-même.
ask-nothing-moves = Rien n’est donné maintenant. Les heures passent quand l’autre dit oui avec sa propre carte.
ask-confirm-pin = Tapez votre code PIN pour envoyer la demande
ask-confirm = Oui, envoyer la demande
ask-sent-title = Envoyé !
ask-sent-sentence = { $name } verra votre demande de { $hours } heures ({ $work }) à sa prochaine visite.
ask-limit-warning = Aujourd’hui, { $name } ne peut pas donner ces heures. La demande attend ; elle pourra être confirmée quand ce sera possible.
ask-limit-own = Aujourd’hui, vous ne pourriez pas recevoir ces heures : vous auriez { $would } heures, et votre maximum est { $limit } heures. La demande attend ; le trésorier peut vous en dire plus.
ask-form-used = Cette page a déjà été envoyée. La demande a été faite une seule fois.
ask-form-stale = Cette page n’est plus à jour : rien n’a été demandé. Recommencez.
offers-i-helped = J’ai aidé pour ceci
say-request-waiting = { $name } dit vous avoir aidé : { $hours } pour : { $work }.
say-request-no = Vous dites non à { $name } : { $hours } pour : { $work }.
say-request-withdraw = Vous reprenez ce que vous avez demandé à { $name } : { $hours } pour : { $work }.
say-ask-summary = Vous demandez { $hours } à { $name } pour : { $work }.
say-request-refused-floor = Pas possible aujourd’hui : vous auriez { $would }. Le minimum est { $floor }. La demande attend : dites oui quand vous aurez plus d’heures, ou dites non.

## Dons et limites (issue 13).
btn-gift = Donner des heures
gift-who = À qui donnez-vous des heures ?
gift-fund = Le fonds commun
gift-fund-what = Pour tous : il paie le travail pour le quartier
gift-hours = Combien d’heures donnez-vous ?
gift-why = Pourquoi les donnez-vous ? (quelques mots)
gift-not-work = Un don n’est pas un paiement pour de l’aide : il ne compte pas comme aide donnée ou reçue.
gift-summary-sentence = Vous donnez { $hours } heures à { $name } en cadeau.
gift-confirm = Oui, donner les heures
gift-done-title = Merci !
gift-done-sentence = { $name } a reçu { $hours } heures de vous en cadeau.
gift-bad-why = Écrivez en quelques mots pourquoi vous donnez les heures.
gift-form-used = Cette page a déjà été envoyée. Les heures ont été données une seule fois.
gift-form-stale = Cette page n’est plus à jour : rien n’a été donné. Recommencez.
line-gift = Don d’heures
line-fund = Fonds commun
say-gift-summary = Vous donnez { $hours } à { $name } en cadeau.
gift-summary-fund = Vous donnez { $hours } heures au fonds commun en cadeau.
gift-done-fund = Le fonds commun a reçu { $hours } heures de vous en cadeau.
say-gift-fund = Vous donnez { $hours } au fonds commun en cadeau.
say-ask-sent = { $name } verra votre demande de { $hours } ({ $work }) à sa prochaine visite.
say-gift-done = { $name } a reçu { $hours } de vous en cadeau.
say-gift-done-fund = Le fonds commun a reçu { $hours } de vous en cadeau.
soft-title = Bon à savoir
soft-below = Vous avez moins de { $limit }.
soft-above = Vous avez plus de { $limit }.
soft-allowed = C’est permis : rien n’est bloqué.
soft-below-todo = Pour remonter, proposez votre aide sur le tableau, ou parlez au trésorier.
soft-above-todo = D’autres ont besoin d’heures : demandez de l’aide, donnez des heures au fonds commun, ou parlez au trésorier.
soft-offer-help = Proposer mon aide
grown-floor = Vous pouvez descendre jusqu’à { $floor } heures. Comment est-ce calculé ?
grown-how = Elle part de { $base } heures et descend de { $factor } heure pour chaque heure d’aide donnée ces { $months } derniers mois. Vous avez donné { $given } heures :
grown-capped = Elle ne descend jamais plus bas que { $cap } heures.
