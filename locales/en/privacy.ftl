# Privacy: the member's data export and the privacy notice (src/privacy),
# and the kiosk's privacy words. Read on top of akker.ftl.

## The data export (akker account data)

privacy-data-title = Your data in { $community }
privacy-data-intro = Everything akker holds about account { $account } on { $date }: your profile and its history, your account, every exchange, your cards, your offers and requests, and the statements and attestations issued for you. Other members appear only by their account number.
privacy-data-profile = Your profile
privacy-data-account = Account
privacy-data-name = Name
privacy-data-language = Language
privacy-data-kind = Kind of account
privacy-data-kind-person = person
privacy-data-kind-initiative = initiative
privacy-data-kind-partner = partner organisation
privacy-data-kind-system = system account
privacy-data-status = Status
privacy-data-status-open = open
privacy-data-status-closed = closed
privacy-data-balance = Balance
privacy-data-limits = Limits
privacy-data-erased = (erased)
privacy-data-history = Changes to your profile
privacy-data-field-display-name = Name changed
privacy-data-field-language = Language changed
privacy-data-field-erased = Name and language erased
privacy-data-account-events = Your account
privacy-data-event-account-opened = account opened
privacy-data-event-limits-set = limits changed
privacy-data-event-account-closed = account closed
privacy-data-transactions = Your exchanges
privacy-data-cards = Your cards (public data only)
privacy-data-card-issued = Card { $number } issued
privacy-data-card-revoked = Card { $number } revoked
privacy-data-offers = Your offers and requests
privacy-data-offer = Offer
privacy-data-request = Request
privacy-data-withdrawn = withdrawn on { $date }
privacy-data-statements = Statements issued
privacy-data-attestations = Attestations issued
privacy-data-none = Nothing.

## The privacy notice (akker privacy-notice, and the kiosk)

privacy-notice-title = Your data in { $community }
privacy-notice-intro = Our time bank uses akker, a program that keeps the books of hours given and received. This page says what it keeps about you, why, for how long, who sees it, and what you can ask.
privacy-notice-kept-title = What we keep
privacy-notice-kept = Your account number, the name you chose (a nickname is fine) and your language. For every exchange: the date, the hours, the kind of work, a short description and the other person's account number. Your card's public key (never your PIN or the secret on your card), and your offers and requests on the kiosk's board.
privacy-notice-why-title = Why
privacy-notice-why = To run the time bank: your balance, your monthly statement, the attestations you ask for, and the proof that nobody changed the books. Nothing is sold, shared with advertisers or used for anything else.
privacy-notice-how-long-title = For how long
privacy-notice-how-long-open = Your name and language are kept while your account is open. After it is closed, they are kept until you ask for them to be erased. Exchanges stay in the books for good, under your account number only, because the books must add up and be checked.
privacy-notice-how-long-retention = Your name and language are kept while your account is open, and for { $months ->
        [one] one month
       *[other] { $months } months
    } after it is closed; then they are erased. Exchanges stay in the books for good, under your account number only, because the books must add up and be checked.
privacy-notice-who-title = Who sees it
privacy-notice-who = The books are kept by { $who } on the community's computer. Other members never see your balance or your exchanges: at the kiosk, only you see your own account, after your card and PIN. Reports for the community and its funders show people by account number.
privacy-notice-treasurer = the treasurer
privacy-notice-treasurer-named = the treasurer ({ $name })
privacy-notice-rights-title = What you can ask
privacy-notice-rights = You can ask to see everything akker holds about you: you receive it on paper and as a file. You can ask to correct your name or language, or to erase them for good: your account then shows only as its number. Exchanges themselves cannot be erased, because they are signed; that is why nobody should write names in a description.
privacy-notice-contact-title = Whom to ask
privacy-notice-contact-at = Ask { $who }: { $contact }.
privacy-notice-contact-in-person = Ask { $who } in person at the community centre.
privacy-notice-never = akker never asks for an identity document, a residence permit or a national number, and nobody may ask you for one to take part.

## The kiosk

privacy-link = How we handle your data
privacy-note-no-names = Do not write names here: write what was done. This text is signed and can never be erased.
privacy-note-names-warning = This note contains the name of a member. It is signed and can never be erased: please write what was done, without names.
