# Customer lifecycle: Customers → Retention, and a customer's timeline.
nav-retention = Retention
retention-title = Customers: retention
retention-lede = Churn rate: customers lost in the period among those at its start. Retention rate: the customers at the start who are still customers at the end, among those at the start. Both with their 95% interval.
retention-counts = At the start { $start } · at the end { $end } · new { $new } · lost { $lost }
retention-churn-rate = Churn rate
retention-retention-rate = Retention rate
retention-cohorts = Retention cohorts
retention-cohorts-hint = Customers grouped by the month they started; each column is the share still customers at the end of that month after the start.
retention-none = No customer has a start date yet.
retention-chart-description = Share of each start-month cohort still customers, month by month.
retention-cohort = Started
retention-size = Customers
retention-month-n = Month { $n }
retention-nps = NPS of churned and retained customers
retention-interval = 95% interval
retention-answered = Answered
retention-churned = Churned in the period
retention-retained = Retained
retention-customers = { $count ->
    [one] { $count } customer
   *[other] { $count } customers
}
retention-nps-too-few = Too few answers to compare.
retention-nps-significant = Churned customers' NPS differs from retained customers' by { $delta } points: a significant difference.
retention-nps-not-significant = The difference, { $delta } points, is not significant.
timeline-title = Timeline
timeline-email = E-mail
timeline-locale = Customer's language
timeline-locale-unknown = Not known
timeline-span = Customer
timeline-span-none = No start date recorded
timeline-span-since = Since { $start }
timeline-span-ended = From { $start } to { $end }
timeline-unnamed = Customer without a name
timeline-empty = Nothing recorded for this customer yet.
timeline-response = Answered “{ $survey }”
timeline-survey-gone = a deleted survey
timeline-score = Score { $score }
timeline-conversation = Support conversation
timeline-status-open = Open
timeline-status-pending = Pending
timeline-status-snoozed = Snoozed
timeline-status-resolved = Resolved
timeline-customer = Customer
timeline-us = Us
timeline-case = Case { $number }
timeline-invitation = Invited to a survey
timeline-invitation-waiting = Waiting to be sent
timeline-invitation-sent = Sent { $at }
timeline-lifecycle-started = Became a customer
timeline-lifecycle-ended = Stopped being a customer
timeline-lifecycle-renewed = Renewed
retention-repeat-purchase = Repeat-purchase rate
retention-repeat-counts = { $count ->
    [one] { $count } customer bought twice or more, of { $buyers } who bought
   *[other] { $count } customers bought twice or more, of { $buyers } who bought
}
timeline-event-page-view = Viewed a page
timeline-event-search = Searched the site
timeline-event-results = { $count ->
    [one] { $count } result
   *[other] { $count } results
}
timeline-event-conversion = Bought or reached a goal
timeline-event-task = Did a task
timeline-event-task-done = done
timeline-event-task-failed = not done
timeline-event-error = Met an error
timeline-event-click = Followed a link
