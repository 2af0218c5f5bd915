# Alerts and webhooks.
nav-alerts = Alerts
issue-internal-address = This address is, or leads to, an internal network address. Webhooks only go to public addresses.
alert-metric-nps = NPS
alert-metric-csat = CSAT
alert-metric-ces = CES
alert-metric-volume = Number of responses
alert-metric-theme_share = Share of comments on a theme
alert-metric-mentions = Number of social mentions
alerts-metric-theme-of = Share of comments on “{ $theme }”
alerts-summary-below = { $days ->
    [one] { $metric } below { $value } over the last day
   *[other] { $metric } below { $value } over the last { $days } days
}
alerts-summary-above = { $days ->
    [one] { $metric } above { $value } over the last day
   *[other] { $metric } above { $value } over the last { $days } days
}
alerts-summary-change-down = { $days ->
    [one] { $metric } falls significantly from one day to the next
   *[other] { $metric } falls significantly between two periods of { $days } days
}
alerts-summary-change-up = { $days ->
    [one] { $metric } rises significantly from one day to the next
   *[other] { $metric } rises significantly between two periods of { $days } days
}
alerts-summary-change-either = { $days ->
    [one] { $metric } changes significantly from one day to the next
   *[other] { $metric } changes significantly between two periods of { $days } days
}
alerts-summary-detractor = Every unhappy customer ({ $metric }) at a moment of truth
alerts-kind-threshold = The figure crosses a threshold
alerts-kind-change = The figure changes significantly from the previous period
alerts-kind-detractor = Every unhappy customer at a moment-of-truth touchpoint
alerts-scope-workspace = The whole business
alerts-scope-journey = One journey
alerts-scope-touchpoint = One touchpoint
alerts-scope-segment = A segment (attribute and value)
alerts-direction-down = Falls (below)
alerts-direction-up = Rises (above)
alerts-direction-either = Either way
alerts-title = Alerts
alerts-lede = Hear about it when a score drops, when feedback spikes or when an unhappy customer leaves a moment of truth. An alert fires once and stays quiet until its condition clears.
alerts-empty = No alerts yet.
alerts-field-name = Name
alerts-when = When
alerts-state = State
alerts-last-value = Last figure
alerts-paused = Paused
alerts-firing = Firing
alerts-quiet = Quiet
alerts-new = New alert
alerts-create = Create the alert
alerts-firings = Firings
alerts-no-firings = It has not fired yet.
alerts-fired-at = Fired
alerts-cleared-at = Cleared
alerts-value = Figure
alerts-previous = Previous period
alerts-n = Responses
alerts-edit = Change this alert
alerts-save = Save the alert
alerts-delete = Delete the alert
alerts-still-firing = Still firing
alerts-done-created = The alert was created. It is checked as responses arrive and every minute.
alerts-done-saved = The alert was saved.
alerts-field-metric = Figure
alerts-field-theme = Theme (for the share of comments)
alerts-field-direction = Direction
alerts-field-threshold = Threshold (for a threshold alert)
alerts-field-period = Period in days
alerts-field-min = Fewest responses before it judges
alerts-field-scope = For which part of the business
alerts-field-segment-key = Segment attribute (such as plan or region)
alerts-field-segment-value = Segment value
alerts-field-recipients = E-mail these members
alerts-field-enabled = On
alert-mail-subject-fired = Alert: { $rule } ({ $business })
alert-mail-subject-cleared = Cleared: { $rule } ({ $business })
alert-mail-body-fired = The alert “{ $rule }” has fired: { $metric } is { $value }.
alert-mail-body-cleared = The alert “{ $rule }” has cleared: { $metric } is { $value }.
alert-mail-previous = In the previous period it was { $value }.
alert-mail-link = See the alert: { $link }
webhooks-title = Webhooks
webhooks-lede = Send alerts, new responses and changes to your own systems or to a chat channel. Standard endpoints get signed JSON (Standard Webhooks); Slack-compatible ones get a message (Slack, Mattermost, Rocket.Chat).
webhooks-empty = No webhook endpoints yet.
webhooks-field-url = Address
webhooks-field-kind = Kind
webhooks-field-events = Events
webhooks-field-description = Description
webhooks-field-enabled = On
webhooks-last-status = Last delivery
webhooks-off = off
webhooks-new = New endpoint
webhooks-new-hint = The address must be public: internal and private network addresses are refused.
webhooks-create = Add the endpoint
webhooks-endpoint = Webhook endpoint
webhooks-secret = Signing secret
webhooks-secret-once = Copy it now: it is shown only this once. Use it to check each delivery’s signature.
webhooks-previous-until = The previous secret also signs until { $time }.
webhooks-log = Delivery log
webhooks-log-empty = Nothing has been sent yet.
webhooks-event = Event
webhooks-state = State
webhooks-attempts = Attempts
webhooks-status-code = Answer
webhooks-when = Last change
webhooks-redeliver = Send again
webhooks-next-attempt = Next attempt { $time }
webhooks-edit = Change this endpoint
webhooks-save = Save the endpoint
webhooks-rotate = New secret
webhooks-rotate-hint = The old secret keeps signing beside the new one for 24 hours, so you can switch over without losing deliveries.
webhooks-delete = Delete the endpoint
webhooks-done-created = The endpoint was added.
webhooks-done-saved = The endpoint was saved.
webhooks-done-rotated = The endpoint has a new secret.
webhooks-done-redelivered = The delivery will be sent again in a moment.
webhooks-state-pending = Waiting to retry
webhooks-state-delivered = Delivered
webhooks-state-failed = Failed
webhooks-state-none = Nothing sent yet
webhooks-kind-standard = Standard (signed JSON)
webhooks-kind-slack = Slack-compatible message
webhooks-event-alert-fired = An alert fired
webhooks-event-alert-cleared = An alert cleared
webhooks-event-response-created = A new response
webhooks-event-feature-request-status-changed = A feature request changed status
webhooks-event-case-opened = A case was opened
webhooks-event-case-updated = A case was updated
webhooks-error-status = The receiver answered { $code }.
webhooks-error-redirect = The receiver redirected ({ $code }); redirects are not followed.
webhooks-error-refused = Refused: the address is internal.
webhooks-error-timeout = The receiver did not answer in time.
webhooks-error-connect = Could not connect to the receiver.
webhooks-error-other = The request failed.
