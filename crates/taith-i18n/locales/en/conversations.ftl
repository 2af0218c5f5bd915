# Support conversations: the Support page.
nav-support = Support
support-title = Support
support-lede = Support conversations created in this period, from every help desk and inbox: how fast customers got a first reply, how long until their question was resolved, and how often they had to come back.
support-show-business-hours = Count business hours only
support-show-wall-clock = Count every hour
support-in-business-hours = times count only the business hours of your case settings.
support-in-wall-clock = times count every hour, nights and weekends too.
support-few = few conversations, read with care
support-conversations = { $count ->
    [one] { $count } conversation
   *[other] { $count } conversations
}
support-times = Response and resolution times
support-mean = Average
support-median = Median
support-p90 = 90th percentile
support-counted = Counted
support-first-response = First response time
support-resolution = Resolution time
support-reopen-rate = Reopen rate
support-count = { $count ->
    [one] { $count } counted
   *[other] { $count } counted
}
support-unanswered = { $count ->
    [one] { $count } unanswered, counted apart
   *[other] { $count } unanswered, counted apart
}
support-unresolved = { $count ->
    [one] { $count } still open, counted apart
   *[other] { $count } still open, counted apart
}
support-reopened-of = { $count ->
    [one] { $count } reopened of { $resolved } resolved
   *[other] { $count } reopened of { $resolved } resolved
}
support-minutes = { $n } min
support-hours = { $n } h
support-days = { $n } d
support-percent = { $n }%
support-interval = 95% interval { $low }–{ $high }%
support-interval-points = 95% interval { $low } to { $high }
support-by-channel = Volume by channel
support-by-tag = Volume by tag
support-subjects = Recurring subjects
support-subjects-hint = The words that come up most in subjects, stop words left out, the same idea in different languages counted together.
support-volume = Conversations
support-none = No conversations in this period.
support-by-team = By team
support-by-agent = By agent
support-who = Who
support-nobody = Not assigned
support-import = Import from a help desk
support-import-hint = Paste a CSV export with the header: id, created, first reply, resolved, channel, agent, team, customer, subject, tags, satisfaction. Everything is imported or nothing; a conversation imported again is updated, not doubled.
support-import-csv = CSV export
support-import-button = Import
support-imported = { $count ->
    [one] { $count } conversation imported, { $updated } updated.
   *[other] { $count } conversations imported, { $updated } updated.
}
support-import-bad-line = Nothing was imported: line { $line }, column “{ $column }”: { $problem }.
