# akker kiosk — English. Short, plain words: many members read little.
# Every message here must exist in the other languages too (a test checks).

welcome-title = Welcome
welcome-choose = Choose your language
idle-label = Log out in
idle-still-there = Are you still there? Touch the screen.
idle-seconds = s
logout = Log out
ok = OK
cancel = Stop
back = Back
next = Next
change = Change
save = Save
key-delete = Delete
key-keyboard = Keyboard
key-shift = Capital letter
key-space = Space
key-other-letters = Other letters
key-done = Close the keyboard

card-title = Scan your card
card-hint = Hold your card under the scanner.
card-or-type = Type the number on your card
card-member-number = Your number (like M001)
card-code = The code on your card
card-missing = Scan your card, or type your number and the code on your card.
card-bad-code = This code is not right. Look at your card and try again.
card-unknown = We do not know this card. Ask the treasurer for help.
card-wait = Many unknown cards were tried at this kiosk. Wait { $seconds } seconds, then scan your card again.
card-number-missing = Type your number too (like M001), then the code on your card.

pin-title = Type your PIN
pin-wrong = Wrong PIN. You can try { $left } more { $left ->
    [one] time
   *[other] times
}.
pin-bad-format = A PIN has 4 to 6 digits. Try again.
pin-locked-title = Card locked
pin-locked = The PIN was wrong too many times. Your card is locked for { $minutes } minutes, until { $time }. The treasurer can help you.

home-title = Home
home-balance-label = Your hours
hours-unit = hours
home-positive = You gave more help than you received. Thank you!
home-zero = You gave as much help as you received.
home-negative = You received more help than you gave. That is fine, down to { $floor } hours.
home-last = Your last exchanges
home-older = Older exchanges
home-older-button = Older exchanges
home-newest = Latest exchanges
home-none = No exchanges yet.
btn-pay = I received help
btn-offers = Offers and requests
btn-statement = My statement
btn-home = Home

work-care = Care
work-community = Community
work-self-development = Learning
work-practical = Practical help

pay-who = Who helped you?
pay-search = Name or number
pay-search-button = Search
pay-recent = People you know
pay-everyone = Everyone
pay-found = Found
pay-no-match = Nobody found with this name.
pay-scan = Or scan their card
pay-hours = How many hours?
pay-less = Less
pay-more = More
pay-kind = What kind of help?
pay-note = A short note (you may leave it empty)
pay-check = Is this right?
pay-summary-sentence = You give { $hours } hours to { $name } for { $work }.
pay-balance-after = After this you have { $balance } hours.
pay-confirm-pin = Type your PIN to say yes
pay-confirm = Yes, give the hours

receipt-title = Done!
receipt-sentence = { $name } received { $hours } hours from you.
receipt-number = Number { $seq }

pay-refused-floor = Not possible: you would have { $would } hours. The lowest is { $floor } hours. Give fewer hours.
pay-refused-other = It is not possible to give hours to { $name } now. Give fewer hours or choose another person; the treasurer can tell you more.
pay-refused-generic = That is not possible now. The treasurer can tell you why.
pay-refused-self = You cannot give hours to yourself. Choose another person.
pay-bad-person = Choose a person from the list.
pay-bad-amount = Choose the hours with − and +: from 0.25 to 24 hours.
pay-bad-work = Choose a kind of help: touch one of the pictures.
pay-bad-note = The note has signs we cannot use. Write it again.
pay-bad-note-long = The text is too long: at most { $max } letters.
pay-form-used = This page was already sent. The hours were given only once.
pay-form-stale = This page is out of date: nothing was given. Start again.

offers-add = Add my offer or request
offers-offered = People can help with
offers-asked = People need help with
offers-none = Nothing yet.
offers-withdraw = Remove
offers-saved = Saved. Everybody can see it now.
offers-withdrawn = Removed.
offers-i-offer = I can help
offers-i-ask = I need help
offers-what = With what? (a few words)
offers-bad-direction = Choose: I can help, or I need help.
offers-bad-what = Write in a few words what it is about.
offers-bad-id = This is not one of your offers.

statement-month = This month so far: { $month }
statement-opening = At the start of the month
statement-now = Now
statement-lines = Exchanges this month
statement-lines-explained = Every exchange recorded this month, with the day it took place (an exchange written down late can have an earlier date).
statement-totals = Per kind of help
statement-work = Kind of work
statement-given = You helped
statement-received = You were helped
statement-print = Print

statement-tab-now = This month
statement-tab-last = Last statement
statement-tab-check = Check a code

last-title = My last statement
last-month = Statement of { $month }
last-made-on = made on { $date }
last-none = You have no monthly statement yet. It comes after the end of the month.
last-in = Hours in
last-out = Hours out
last-end = At the end of the month
last-lines = Exchanges in { $month }
last-chart = Your hours over 12 months
last-code-title = Code of this statement
last-code-explained = With this code anyone can check the paper, here at the kiosk.

check-title = Check a statement
check-hint = Hold the QR code of the statement under the scanner.
check-or-type = Type the code
check-code-label = The code under the QR code: 12 letters and numbers
check-button = Check
check-again = Check another code
check-code = Code
check-yes = The code is right.
check-no = The code is not right.
check-own-statement = This is your statement of { $month }.
check-own-attestation = This is your attestation of community engagement, from { $from } to { $to }.
check-own-given = Hours of help given
check-own-compare = Look: your paper must show the same.
check-other = This code belongs to a statement of this community. It is not yours, so we show nothing more.
check-no-text = No statement of this community has this code. Check first that every letter and number was typed as on the paper (0 and O, 1 and I look alike), or scan the QR code. If it still does not match, the paper may have been changed or come from elsewhere: ask the treasurer.
check-treasurer-key = The treasurer's key: { $fingerprint }. It must be the same as on the notice in the community centre.
check-bad-empty = First scan the QR code, or type the code.
check-bad-long = This is far too long for a code. Scan or type only the code.
check-bad-code = This is not a code from a statement. A code has 12 letters and numbers, like 7KQ2-M9XD-4TNA.

bye-title = Goodbye!
bye-idle = You were logged out because nobody touched the screen.
bye-again = Start again

error-title = That did not work
error-nothing-changed = Nothing was changed.
error-internal = Something went wrong on our side. Nothing was recorded. Ask the treasurer.
error-clock-behind = This computer's clock says { $now }, before the last payment ({ $last }). Nothing was recorded. Ask the treasurer to set the clock right.
error-clock-issued = This computer's clock says { $now }, in a month whose statements ({ $month }) are already printed. Nothing was recorded. Ask the treasurer to set the clock right.
error-clock-jump = This computer's clock says { $now }, long after the last payment ({ $last }). Nothing was recorded. The treasurer must check the date first.
error-busy = The ledger is busy. Wait a moment and try again.
error-not-found = This page does not exist.
error-too-long = What was sent is far too long.
session-restarted = The kiosk was restarted, so you were logged out. Log in again: your last exchanges are on your home screen.
error-csrf = This page is too old or did not come from this kiosk. Start again.

## Speech: what the speaker button says, with hours in words
## ("one and a half hours"). The screen shows these same words beside
## the button.
say-listen = Listen
say-number = { $n ->
    [0] zero
    [1] one
    [2] two
    [3] three
    [4] four
    [5] five
    [6] six
    [7] seven
    [8] eight
    [9] nine
    [10] ten
    [11] eleven
    [12] twelve
    [13] thirteen
    [14] fourteen
    [15] fifteen
    [16] sixteen
    [17] seventeen
    [18] eighteen
    [19] nineteen
    [20] twenty
   *[other] { $n }
}
say-hours = { $quarter ->
    [1] { $count ->
        [0] a quarter of an hour
       *[other] { $whole } and a quarter hours
    }
    [2] { $count ->
        [0] half an hour
       *[other] { $whole } and a half hours
    }
    [3] { $count ->
        [0] three quarters of an hour
       *[other] { $whole } and three quarter hours
    }
   *[0] { $count ->
        [1] one hour
       *[other] { $whole } hours
    }
}
say-minus = minus { $hours }
say-balance = You have { $hours }.
say-home-negative = You received more help than you gave. That is fine, down to { $floor }.
say-pay-summary = You give { $hours } to { $name } for { $work }.
say-receipt = { $name } received { $hours } from you.
say-refused-floor = Not possible: you would have { $would }. The lowest is { $floor }. Give fewer hours.
say-last-closing = At the end of the month you had { $hours }.
ledger-damaged-title = The kiosk is closed
ledger-damaged-body = The ledger file is damaged, so the kiosk takes no payments. Please tell the treasurer.

## Requests (issue 12): the one who helped asks for the hours, the one
## who was helped says yes (and pays) or no (and says why).
btn-ask = I helped someone
request-waiting-count = { $count ->
    [0] No request waits for your answer
    [one] One request waits for your answer
   *[other] { $count } requests wait for your answer
}
request-asks-you = { $name } helped you and asks for { $hours } hours.
request-you-asked = You asked { $name } for { $hours } hours.
request-yes-or-no = Touch Yes if it is right, No if it is not.
request-yes = Yes
request-no = No
request-yes-title = Yes, I was helped
request-yes-button = Yes, give the hours
request-no-title = No, this is not right
request-no-sentence = You say no to { $name }: { $hours } hours for { $work }. No hours are given.
request-no-button = No, send my answer
request-withdraw-title = Take back my request
request-withdraw-sentence = You take back what you asked { $name }: { $hours } hours for { $work }.
request-withdraw-button = Yes, take it back
request-withdraw = Take back
request-yours = Your requests
request-pin = Type your PIN to send your answer
request-news = News about your requests
request-pending = Waiting for { $name } to answer.
request-declined = { $name } said no: { $reason }
request-expired = { $name } did not answer in time. Nothing was given. You can ask again.
request-declined-done = You said no. The one who asked will see why at their next visit.
request-withdrawn-done = Your request was taken back.
request-not-found = This is not a request you can answer.
request-already-confirmed = This request was already answered with yes. The hours were given once.
request-already-declined = This request was already answered with no.
request-already-withdrawn = The one who asked took this request back.
request-too-late = This request waited too long and can no longer be answered. Nothing was given. The one who helped can ask again.
request-refused-floor = Not possible today: you would have { $would } hours. The lowest is { $floor } hours. The request waits: say yes when you have more hours, or say no.
decline-why = Why not?
decline-not-me = It was not me
decline-wrong-hours = The hours are wrong
decline-not-done = The work was not done
decline-other = Something else
decline-other-text = Something else? Write why
decline-bad-reason = Choose why not, or write it.
ask-who = Who did you help?
ask-who-several = Whom did your group help? Touch each one, then Next.
ask-chosen = { $count ->
    [0] Nobody chosen yet
    [one] One person chosen
   *[other] { $count } people chosen
}
ask-hours = How many hours did you help?
ask-what = What did you do? (a few words)
ask-bad-what = Write in a few words what you did.
ask-summary-sentence = You ask { $name } for { $hours } hours for { $work }.
ask-each = Each one is asked for these hours and says yes or no alone.
ask-nothing-moves = Nothing is given now. The hours move when they say yes with their own card.
ask-confirm-pin = Type your PIN to send the request
ask-confirm = Yes, send the request
ask-sent-title = Sent!
ask-sent-sentence = { $name } will see your request for { $hours } hours ({ $work }) at their next visit.
ask-limit-warning = Today { $name } cannot give these hours. The request waits; it can be confirmed when it becomes possible.
ask-limit-own = Today you could not receive these hours: you would have { $would } hours, and your highest is { $limit } hours. The request waits; the treasurer can tell you more.
ask-form-used = This page was already sent. The request was made only once.
ask-form-stale = This page is out of date: nothing was asked. Start again.
offers-i-helped = I helped with this
say-request-waiting = { $name } says they helped you: { $hours } for { $work }.
say-request-no = You say no to { $name }: { $hours } for { $work }.
say-request-withdraw = You take back what you asked { $name }: { $hours } for { $work }.
say-ask-summary = You ask { $name } for { $hours } for { $work }.
say-request-refused-floor = Not possible today: you would have { $would }. The lowest is { $floor }. The request waits: say yes when you have more hours, or say no.

## Gifts and limits (issue 13).
btn-gift = Give hours
gift-who = To whom do you give hours?
gift-fund = The community fund
gift-fund-what = For everyone: it pays for work for the community
gift-hours = How many hours do you give?
gift-why = Why do you give them? (a few words)
gift-not-work = A gift is not a payment for help: it is not counted as help given or received.
gift-summary-sentence = You give { $hours } hours to { $name } as a gift.
gift-confirm = Yes, give the hours
gift-done-title = Thank you!
gift-done-sentence = { $name } received { $hours } hours from you as a gift.
gift-bad-why = Write in a few words why you give the hours.
gift-form-used = This page was already sent. The hours were given only once.
gift-form-stale = This page is out of date: nothing was given. Start again.
line-gift = Gift of hours
line-fund = Community fund
say-gift-summary = You give { $hours } to { $name } as a gift.
gift-summary-fund = You give { $hours } hours to the community fund as a gift.
gift-done-fund = The community fund received { $hours } hours from you as a gift.
say-gift-fund = You give { $hours } to the community fund as a gift.
say-ask-sent = { $name } will see your request for { $hours } ({ $work }) at their next visit.
say-gift-done = { $name } received { $hours } from you as a gift.
say-gift-done-fund = The community fund received { $hours } from you as a gift.
soft-title = Good to know
soft-below = You have less than { $limit }.
soft-above = You have more than { $limit }.
soft-allowed = That is allowed: nothing is blocked.
soft-below-todo = To come back up, offer your help on the board, or talk to the treasurer.
soft-above-todo = Others need hours: ask for help, give hours to the community fund, or talk to the treasurer.
soft-offer-help = Offer my help
grown-floor = You may go down to { $floor } hours. How is this worked out?
grown-how = It starts at { $base } hours and goes { $factor } hours lower for every hour of help you gave in the last { $months } months. You gave { $given } hours:
grown-capped = It never goes lower than { $cap } hours.
