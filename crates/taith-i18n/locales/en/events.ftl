# Events and sites: the web tracker's set-up and the latest events.
nav-sites = Sites
events-sites-title = Sites
events-sites-new = New site
events-sites-lede = Web sites whose tracker records what customers do: page views, searches, goals and errors, each placed on a touchpoint by its address.
events-sites-empty = No sites yet. Add your web shop to record what customers do there.
events-sites-field-name = Name
events-sites-field-hostnames = Hostnames
events-sites-hostnames-hint = One per line, e.g. shop.example or *.shop.example. Only pages on these hosts are recorded.
events-sites-field-search-param = Search parameter
events-sites-patterns = Pages and touchpoints
events-sites-patterns-hint = A page whose path matches a pattern belongs to its touchpoint; * matches anything, the first match wins.
events-sites-field-pattern = Path pattern
events-sites-key = Site key
events-sites-snippet = Tracker
events-sites-snippet-hint = Paste this line into every page of the site, before </head>:
events-sites-privacy = No cookies and no local storage: visitors are counted with a daily-changing anonymous code. Nothing is sent when the browser asks not to be tracked (Do Not Track, Global Privacy Control).
events-sites-settings = Settings
events-sites-create = Create site
events-sites-save = Save
events-sites-delete = Delete site
events-sites-delete-confirm = Delete this site? Its tracker stops recording; the events recorded stay.
events-sites-done-created = Site created. Paste the tracker into the site's pages.
events-sites-done-saved = Saved.
events-latest = Latest events
events-latest-empty = No events yet.
events-field-when = When
events-field-type = What
events-field-page = Page
events-field-touchpoint = Touchpoint
events-field-detail = Detail
events-type-page-view = Page view
events-type-search = Search
events-type-conversion = Goal
events-type-task = Task
events-type-error = Error
events-type-click = Outbound click
events-task-success = succeeded
events-task-failure = failed
events-detail-results = { $count ->
    [one] 1 result
   *[other] { $count } results
}
events-detail-seconds = { $seconds } s
