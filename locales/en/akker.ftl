# akker: statements and attestations, English.
# This file is the fallback for every other language: it must hold every
# message. Keep words short and plain; many readers are still learning.

## Dates

month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
month-short-1 = Jan
month-short-2 = Feb
month-short-3 = Mar
month-short-4 = Apr
month-short-5 = May
month-short-6 = Jun
month-short-7 = Jul
month-short-8 = Aug
month-short-9 = Sep
month-short-10 = Oct
month-short-11 = Nov
month-short-12 = Dec
# $day, $month (a name from above), $year
date-long = { $day } { $month } { $year }
date-short = { $day }/{ $month }
month-year = { $month } { $year }

## Statement header

statement-title = Statement
statement-for-month = Statement for { $month }
currency-line = Currency: { $name } ({ $unit })
account-number = Account number { $id }
issued-on = Printed on { $date }
page-number = Page { $page } of { $pages }
blank-page = This page is intentionally left blank.

## Balance

balance-now = Your balance
balance-start = At the start of the month
balance-end = At the end of the month
balance-came-in = Hours in this month
balance-went-out = Hours out this month
balance-positive = You gave more help than you received.
balance-negative = You received more help than you gave.
balance-zero = You gave as much help as you received.
balance-below-floor = Your balance is below your floor of { $floor } { $unit }. Please do not receive more help for now: help someone to earn hours, or talk to the treasurer about it.
balance-system = This is a community account, not a person: its balance is what it paid out and took in.
limits-title = Your limits
limit-floor = Lowest: { $amount } { $unit }
limit-ceiling = Highest: { $amount } { $unit }
limits-explained = A negative balance means you received more help than you gave; that is fine down to your floor of { $floor } { $unit }. You can save up to { $ceiling } { $unit }.

## Exchanges

lines-title = Your exchanges this month
lines-none = No exchanges this month.
column-date = Date
column-who = With
column-what = What
column-kind = Kind of work
column-in = In
column-out = Out
column-balance = Balance
signed-member = signed by the member
signed-key-holder = signed by a key holder of the initiative
signed-treasurer = entered by the treasurer
signed-treasurer-slip = entered by the treasurer from slip { $slip }
line-reversal = This undoes entry #{ $seq } of { $date }. Reason: { $reason }
line-correction = Correction: { $what }
line-reversed = Undone later this month by entry #{ $seq }.
line-override = Limit passed with permission: { $reason }
line-number = Entry #{ $seq }

## Kinds of work

work-care = Care
work-community = Community
work-self-development = Learning
work-practical = Practical help

## Totals

totals-title = Help given and received, in hours
totals-given = Help given
totals-received = Help received
exchange-count = { $count ->
    [0] No exchanges
    [one] { $count } exchange
   *[other] { $count } exchanges
}
people-helped = { $count ->
    [0] You did not help anyone this month.
    [one] You helped { $count } person.
   *[other] You helped { $count } different people.
}

## Chart

chart-title = Your balance over 12 months
chart-alt = Your balance at the end of each month: { $values }.

## Initiatives

contributors-title = Who gave hours to this group
column-member = Member
column-total = Total

## Verification

verify-title = Check this statement
verify-code = Code: { $code }
verify-explained = This statement is signed. To check it, scan the QR code at the kiosk, or ask the treasurer.
verify-chain = Signed chain head: { $hash }
verify-key = Treasurer’s key: { $fingerprint }
contact-title = Questions about this statement?
contact-treasurer = Your treasurer: { $name } ({ $contact })
contact-treasurer-name = Your treasurer: { $name }
contact-treasurer-unknown = Ask the treasurer of { $community } at the kiosk.
contact-question = If a line looks wrong, tell the treasurer its entry number. A mistake is put right with a correction line on your next statement.

## Attestation

attestation-title = Attestation of community engagement
attestation-intro = { $community } confirms that { $name } (account { $id }) gave { $total } { $unit } of help to others between { $from } and { $to }.
attestation-by-work = Hours given per kind of work
attestation-by-initiative = Hours given to groups and initiatives
attestation-none = None in this period.
attestation-total = Total given
attestation-exchanges = { $count ->
    [0] In no exchange.
    [one] In { $count } exchange.
   *[other] In { $count } exchanges.
}
attestation-explained = A time bank counts help in hours: one hour of help given is one hour, whatever the work. Hours given as a gift, without work, are not counted. This attestation is signed and can be checked with the code below.
attestation-verify-title = Check this attestation
attestation-signature = Signature
attestation-done-at = Done at { $place } on { $date }.
attestation-registration = Registration number: { $number }
attestation-contact = Contact: { $contact }
attestation-check-outside = To check this attestation without a computer program, contact the treasurer, { $name } ({ $contact }), and give the code below.
attestation-check-address = Or enter the code at { $address }.

## Gifts and the community fund: hours that move without work

line-kind-gift = Gift
line-kind-contribution = Fund contribution
line-kind-demurrage = Back to the fund
line-gift = A gift of hours, not work: it is not counted as help given or received.
line-fund-contribution = The community fund’s contribution for { $period }: the same for every active account. Not work.
line-fund-demurrage = The community fund’s share of savings above the threshold, for { $period }. Not work.
apart-title = Not counted as help
apart-gifts-given = Gifts you gave
apart-gifts-received = Gifts you received
apart-fund-paid = Paid to the community fund
apart-fund-received = Received by the fund’s rules

## Soft limits and a floor that grows with giving

soft-notice-title-floor = Your balance is below { $limit } { $unit }
soft-notice-title-ceiling = Your balance is above { $limit } { $unit }
soft-notice-floor = This is allowed, but it means you have received much more help than you gave.
soft-notice-floor-todo = What you can do: offer your help to someone (at the kiosk, on the offers board) to earn hours, or talk to the treasurer.
soft-notice-ceiling = This is allowed, but it means you have saved many hours: hours are worth most when they go round.
soft-notice-ceiling-todo = What you can do: ask for the help you need, give hours to the community fund, or talk to the treasurer.
limit-soft-floor = Notice below: { $amount } { $unit }
limit-soft-ceiling = Notice above: { $amount } { $unit }
grown-floor-title = How your floor is worked out
grown-floor-formula = The more help you give, the lower your floor can go. You gave { $given } { $unit } of help in the last { $months ->
    [one] month
   *[other] { $months } months
}; { $percent } % of that is { $grown } { $unit }. Your floor: { $base } { $unit } lowered by { $grown } { $unit } is { $floor } { $unit }.
grown-floor-capped = The more help you give, the lower your floor can go. You gave { $given } { $unit } of help in the last { $months ->
    [one] month
   *[other] { $months } months
}; { $percent } % of that is { $grown } { $unit }, which would give { $result } { $unit }. A floor never goes below { $cap } { $unit }, so yours is { $floor } { $unit }.
limit-changes-title = Your limits changed this month
limit-change = { $date }: { $limit } from { $from } to { $to } { $unit } ({ $cause }).
limit-change-new = { $date }: { $limit } set at { $to } { $unit } ({ $cause }).
limit-change-removed = { $date }: { $limit } removed ({ $cause }).
limit-name-floor = your floor
limit-name-ceiling = your ceiling
limit-name-soft-floor = the notice below
limit-name-soft-ceiling = the notice above
limit-cause-treasurer = set by the treasurer
limit-cause-treasurer-reason = set by the treasurer: { $reason }
limit-cause-kind = the rule for every account like yours changed
limit-cause-growth = worked out from the help you gave

## Requests for hours

requests-waiting-title = Waiting for your answer
requests-waiting-explained = These people say they helped you and ask for the hours. Nothing is paid until you confirm. Confirm or decline at the kiosk with your card and PIN, or ask the treasurer.
requests-yours-title = You asked for hours: still waiting
requests-closed-title = Requests declined or expired this month
request-pending-detail = Help on { $date } · asked on { $made } · can be answered until { $on } · request #{ $seq }
request-declined-by-you = Help on { $date } · asked on { $made } · you declined it on { $on } · request #{ $seq }
request-declined-by-them = Help on { $date } · asked on { $made } · declined on { $on } · request #{ $seq }
request-reason = Reason: { $reason }
request-decline-not-me = it was not me
request-decline-wrong-hours = the hours are wrong
request-decline-not-done = it was not done
request-expired-yours = Help on { $date } · asked on { $made } · expired on { $on } without an answer, so nothing was paid · request #{ $seq }
request-expired-theirs = Help on { $date } · asked on { $made } · expired on { $on }: you did not answer, so nothing was paid · request #{ $seq }

# The default unit "hours", in this language (a community may name its own unit).
unit-hours = hours
skill-childcare = childcare
skill-elderly-visit = visiting older people
skill-cooking = cooking
skill-neighbourhood = neighbourhood
skill-cleanup = clean-up
skill-language = language
skill-computer-help = computer help
skill-tutoring = homework help
skill-bike-repair = bike repair
skill-gardening = gardening
skill-sewing = sewing
skill-translation = translation
skill-workshop = workshop

## ------------------------------------------------------------------
## Community report (akker report). Everything below is the report's;
## ids start with report-.

report-title = Community report
report-period = { $from } to { $to }
report-as-of = Figures as the books stood at entry #{ $seq }.
report-rules = Corrections (reversals) and the entries they undo are left out. Transfers with the community fund are counted apart.
report-glance-title = The period at a glance
report-tile-exchanges = exchanges
report-tile-hours = { $unit } exchanged
report-tile-active = active members of { $members }
report-tile-pairs = different pairs
report-tile-groups = active initiatives and partners
report-by-work-title = Hours per kind of work
report-column-hours = Hours
report-column-exchanges = Exchanges
report-by-skill-title = Hours per skill
report-no-skill = no skill given
report-initiatives-title = Initiatives
report-initiatives-none = No initiative exchanged hours in this period.
report-from-members = Received from members
report-from-others = Received from partners and groups
report-paid-out = Paid out
report-members-paid = { $count ->
    [0] Paid no member.
    [one] Paid { $count } member.
   *[other] Paid { $count } different members.
}
report-giving-title = Who gives, who receives
report-top-tenth = The most active tenth of the members ({ $count }) gave { $percent } % of the hours that members gave.
report-deciles-caption = Hours given by each tenth of the members, most active first
report-only-give = Only gave
report-only-receive = Only received
report-give-and-receive = Gave and received
report-neither = No exchange
report-call-title = Who needs a call
report-call-quiet = Members without an exchange for { $weeks } weeks (since { $date })
report-call-quiet-none = Every member had an exchange in the last { $weeks } weeks.
report-call-new = New members without a first exchange
report-call-new-none = Every member has made a first exchange.
report-column-account = Member
report-column-last = Last exchange
report-column-opened = Member since
report-months-title = Month by month
report-column-month = Month
report-column-active = Active members
report-column-new-connections = New connections
report-system = System transfers (welcome credits, fund payments), not counted above: { $count }, { $hours } { $unit }.
report-map-title = Who exchanged with whom
report-map-explained = Each line joins two who exchanged hours in this period: the thicker, the more hours; its colour is the main kind of work. Circles are members, hexagons initiatives, diamonds partners, squares system accounts.
report-map-numbers = Members are shown by their account number.
report-map-capped = The { $drawn } strongest of { $total } connections are drawn.
report-map-grouped = So that the map stays readable, each account's strongest tie is drawn and then the strongest others; the { $rest } other connections ({ $hours } hours) are in the figures and the JSON.
report-legend-person = member
report-legend-initiative = initiative
report-legend-partner = partner
report-legend-system = system account
report-growth-title = Is the community growing?
report-growth-intro = Each figure beside the previous period of the same length: { $from } to { $to } ({ $days ->
    [one] { $days } day
   *[other] { $days } days
}).
report-growth-column-now = This period
report-growth-column-before = Previous period
report-growth-column-change = Change
report-growth-members = Members at the end of the period
report-growth-joined = Members who joined
report-growth-left = Members who left
report-growth-active = Active members
report-growth-still-active = Still active { $months } months after joining
report-growth-share = { $percent } % ({ $part } of { $whole })
report-growth-nobody-joined = nobody joined then
report-growth-points = { $points ->
    [one] { $points } point
   *[other] { $points } points
}
report-growth-explained = "Still active after N months": of the members who joined N months before each period, those with an exchange in the period at least N months after they joined.
report-chart-title = Active members and hours per month
report-chart-active-above = The figure above each bar: members active that month.
report-column-total-period = Whole period

report-requests-title = Requests for hours
report-requests-explained = The one who helped asks for the hours; nothing is paid until the one who was helped confirms.
report-requests-made = Made
report-requests-confirmed = Confirmed
report-requests-declined = Declined
report-requests-withdrawn = Withdrawn by the one who asked
report-requests-expired = Expired without an answer
report-requests-pending = Still waiting at the end of the period
report-requests-median = Median time from request to confirmation, in days: { $days }.
report-requests-median-none = No request was confirmed in this period.
report-gifts = Gifts of hours, not counted as exchanges nor as help given: { $count }, { $hours } { $unit }, of which { $fund } { $unit } to the community fund.
report-fund-runs = Community fund rules run: { $count }; contributions { $contribution } { $unit }, demurrage { $demurrage } { $unit }.
report-closed-named = { $count ->
    [one] { $count } closed account still holds a name (see the retention period in the treasurer’s guide).
   *[other] { $count } closed accounts still hold a name (see the retention period in the treasurer’s guide).
}
report-call-requests = Members with requests waiting on them for more than { $days } days
report-call-requests-none = No member has a request waiting on them for more than { $days } days.
report-column-requests = Requests waiting
report-column-oldest = Oldest asked on
report-call-soft = Members past a soft limit at the end of the period
report-call-soft-none = No member is past a soft limit.
report-column-soft-balance = Balance
report-column-soft-limit = Soft limit
