# Vie privée : l'export des données d'un membre et la notice de
# confidentialité (src/privacy), et les mots de la borne.

## L'export des données (akker account data)

privacy-data-title = Vos données chez { $community }
privacy-data-intro = Tout ce qu'akker conserve sur le compte { $account } au { $date } : votre profil et ses modifications, votre compte, chaque échange, vos cartes, vos offres et demandes, et les relevés et attestations émis pour vous. Les autres membres n'y figurent que par leur numéro de compte.
privacy-data-profile = Votre profil
privacy-data-account = Compte
privacy-data-name = Nom
privacy-data-language = Langue
privacy-data-kind = Type de compte
privacy-data-kind-person = personne
privacy-data-kind-initiative = initiative
privacy-data-kind-partner = organisation partenaire
privacy-data-kind-system = compte système
privacy-data-status = État
privacy-data-status-open = ouvert
privacy-data-status-closed = fermé
privacy-data-balance = Solde
privacy-data-limits = Limites
privacy-data-erased = (effacé)
privacy-data-history = Modifications de votre profil
privacy-data-field-display-name = Nom modifié
privacy-data-field-language = Langue modifiée
privacy-data-field-erased = Nom et langue effacés
privacy-data-account-events = Votre compte
privacy-data-event-account-opened = compte ouvert
privacy-data-event-limits-set = limites modifiées
privacy-data-event-account-closed = compte fermé
privacy-data-transactions = Vos échanges
privacy-data-cards = Vos cartes (données publiques seulement)
privacy-data-card-issued = Carte { $number } remise
privacy-data-card-revoked = Carte { $number } révoquée
privacy-data-offers = Vos offres et demandes
privacy-data-offer = Offre
privacy-data-request = Demande
privacy-data-withdrawn = retirée le { $date }
privacy-data-statements = Relevés émis
privacy-data-attestations = Attestations émises
privacy-data-none = Rien.

## La notice de confidentialité (akker privacy-notice, et la borne)

privacy-notice-title = Vos données chez { $community }
privacy-notice-intro = Notre banque du temps utilise akker, un programme qui tient les comptes des heures données et reçues. Cette page dit ce qu'il garde sur vous, pourquoi, combien de temps, qui le voit, et ce que vous pouvez demander.
privacy-notice-kept-title = Ce que nous gardons
privacy-notice-kept = Votre numéro de compte, le nom que vous avez choisi (un surnom suffit) et votre langue. Pour chaque échange : la date, les heures, le type de travail, une courte description et le numéro de compte de l'autre personne. La clé publique de votre carte (jamais votre code PIN ni le secret de votre carte), et vos offres et demandes sur le tableau de la borne.
privacy-notice-why-title = Pourquoi
privacy-notice-why = Pour faire fonctionner la banque du temps : votre solde, votre relevé mensuel, les attestations que vous demandez, et la preuve que personne n'a modifié les comptes. Rien n'est vendu, partagé avec des annonceurs ou utilisé à d'autres fins.
privacy-notice-how-long-title = Combien de temps
privacy-notice-how-long-open = Votre nom et votre langue sont gardés tant que votre compte est ouvert. Après sa fermeture, ils sont gardés jusqu'à ce que vous demandiez leur effacement. Les échanges restent dans les comptes pour toujours, sous votre seul numéro de compte, car les comptes doivent être justes et vérifiables.
privacy-notice-how-long-retention = Votre nom et votre langue sont gardés tant que votre compte est ouvert, et encore { $months } mois après sa fermeture ; ensuite ils sont effacés. Les échanges restent dans les comptes pour toujours, sous votre seul numéro de compte, car les comptes doivent être justes et vérifiables.
privacy-notice-who-title = Qui les voit
privacy-notice-who = Les comptes sont tenus par { $who } sur l'ordinateur de la communauté. Les autres membres ne voient jamais votre solde ni vos échanges : à la borne, vous seul·e voyez votre compte, après votre carte et votre code PIN. Les rapports pour la communauté et ses financeurs désignent les personnes par leur numéro de compte.
privacy-notice-treasurer = la trésorerie
privacy-notice-treasurer-named = la trésorerie ({ $name })
privacy-notice-rights-title = Ce que vous pouvez demander
privacy-notice-rights = Vous pouvez demander à voir tout ce qu'akker garde sur vous : vous le recevez sur papier et en fichier. Vous pouvez demander de corriger votre nom ou votre langue, ou de les effacer pour toujours : votre compte n'apparaît alors plus que par son numéro. Les échanges eux-mêmes ne peuvent pas être effacés, car ils sont signés ; c'est pourquoi personne ne doit écrire de nom dans une description.
privacy-notice-contact-title = À qui demander
privacy-notice-contact-at = Adressez-vous à { $who } : { $contact }.
privacy-notice-contact-in-person = Adressez-vous à { $who }, en personne, à la maison de quartier.
privacy-notice-never = akker ne demande jamais de pièce d'identité, de titre de séjour ni de numéro de registre national, et personne ne peut vous en demander pour participer.

## La borne

privacy-link = Ce que nous faisons de vos données
privacy-note-no-names = N'écrivez pas de noms ici : écrivez ce qui a été fait. Ce texte est signé et ne pourra jamais être effacé.
privacy-note-names-warning = Cette note contient le nom d'un membre. Elle est signée et ne pourra jamais être effacée : écrivez plutôt ce qui a été fait, sans nom.
