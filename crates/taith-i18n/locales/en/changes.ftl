# "You said, we did": changes made because customers asked, and the notices that tell them.
nav-changes = We did
changes-title = You said, we did
changes-lede = Changes the business made because customers asked. Each customer behind a change who is known by e-mail and has not opted out is told once, in their language.
changes-none = No changes recorded yet.
changes-how-to = To record one, open a feature request or a theme and choose “We acted on this”.
changes-public-link = Public “what we changed” page
changes-mail-off = E-mail is not set up on this server: notices wait until it is.
changes-done-recorded = The change is recorded; its notices are on their way.
changes-acted-on = We acted on this
changes-source-feature-request = Feature request
changes-source-theme = Theme
changes-notices-sent = { $count ->
    [one] { $count } of { $total } notice sent
   *[other] { $count } of { $total } notices sent
}
changes-notices-waiting = { $count ->
    [one] { $count } notice waiting
   *[other] { $count } notices waiting
}
changes-notices-opted-out = { $count ->
    [one] { $count } customer opted out since
   *[other] { $count } customers opted out since
}
changes-new-title = Tell customers what you did
changes-note = What customers read
changes-note-hint = A short note in each language you write it in; at least one. Customers get it in their own language when you wrote it, else in English.
changes-note-legend = Note per language
changes-record = Record the change and tell customers
changes-will-tell = { $count ->
    [zero] Nobody to tell: no customer behind it is known by e-mail.
    [one] { $count } customer will be told.
   *[other] { $count } customers will be told.
}
changes-will-not-tell = { $count ->
    [one] { $count } customer will not be told (opted out, or no e-mail address).
   *[other] { $count } customers will not be told (opted out, or no e-mail address).
}
# The notice e-mail.
changes-mail-subject = { $business } made a change you asked for
changes-mail-intro = You told { $business } what could be better. Here is what they did:
changes-mail-more = See everything we changed
changes-mail-why = You get this e-mail because you gave { $business } feedback.
changes-mail-opt-out = No more of these messages
# The public pages.
changes-public-title = What { $business } changed
changes-public-heading = You said, we did
changes-public-lede = Changes { $business } made because customers asked for them.
changes-public-empty = Nothing here yet.
changes-public-board = Ideas and requests
changes-public-unknown-title = Page not found
changes-public-unknown = There is no such page. Check the link you followed.
changes-stop-title = Stop these messages
changes-stop-question = Stop messages about changes from { $business }?
changes-stop-explain = You will no longer be told when { $business } changes something you asked for.
changes-stop-done-title = You will get no more of these messages
changes-stop-done = { $business } will not send you messages about changes any more.
# The dashboard's part.
changes-dash-title = You said, we did
changes-dash-sent = { $count ->
    [one] { $count } notice sent in this period
   *[other] { $count } notices sent in this period
}
changes-dash-caption = NPS of this period's responses from customers who have been sent a notice, and from known customers who have not
changes-dash-who = Customers
changes-dash-nps = NPS
changes-dash-interval = 95% interval
changes-dash-n = Responses
changes-dash-responses = { $count ->
    [one] { $count } response
   *[other] { $count } responses
}
changes-dash-notified = Sent a notice
changes-dash-others = Not sent one
changes-dash-significant = Difference: { $delta } points (± { $margin }), a significant difference.
changes-dash-not-significant = Difference: { $delta } points (± { $margin }), not a significant difference.
changes-dash-no-difference = Not enough responses on both sides to compare.
changes-dash-caveat = This compares two groups; it does not show that the notices caused the difference.

# A change can act on a case root cause (cases settings page).
changes-source-root-cause = Root cause
changes-root-causes-acted-on = Tell the customers behind a root cause
changes-root-causes-acted-on-hint = Fixed what caused some cases? Say so: the customers whose cases name that root cause get one note, in their language.
