# Signals on the journey: behaviour and support figures at each touchpoint, and drop-off.
signal-metric-visitors = Visitors
signal-metric-page_views = Page views
signal-metric-bounce_rate = Bounce rate
signal-metric-conversion_rate = Conversion rate
signal-metric-session_duration = Visit duration
signal-metric-task_success_rate = Task success rate
signal-metric-error_rate = Error rate
signal-metric-search_zero_result_rate = Searches without results
signal-metric-first_response_time = First response time
signal-metric-resolution_time = Resolution time
signal-metric-reopen_rate = Reopen rate
signal-metric-with-goal = { $name } ({ $goal })
signal-percent = { $value }%
signal-seconds = { $value } s
signal-minutes = { $value } min
signal-hours = { $value } h
signal-no-data = no data in this period
signal-detail-rate = { $n ->
    [one] 95% interval { $low }–{ $high }%, { $n } counted
   *[other] 95% interval { $low }–{ $high }%, { $n } counted
}
signal-detail-n = { $n ->
    [one] { $n } counted
   *[other] { $n } counted
}
signal-few = few counted, read with care
signal-heading = Behaviour and support
signal-none = No behaviour or support figures are chosen for this touchpoint yet.
signal-choose = Figures shown on the journey map
signal-choose-hint = Choose up to four figures for this touchpoint. The live journey map shows them beside what customers said here, with an arrow when the change from the period before is significant.
signal-group-web = On the web (from the tracker and the events API)
signal-group-support = In support (conversations about this touchpoint)
signal-figure = Figure
signal-goal = Goal for the conversion rate
signal-goal-hint = The goal name your site sends, such as order. Leave it empty to count any goal.
signal-save = Save figures
signal-saved = Figures saved. The journey map shows them now.
signal-drop-off-lane = Drop-off
signal-drop-off = { $from } → { $to }: { $rate }% did not go on ({ $went } of { $reached } visits went on)
