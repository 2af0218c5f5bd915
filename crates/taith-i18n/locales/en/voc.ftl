# Voice of the customer: the comments explorer and themes.
nav-voc = Comments
voc-tabs = What customers wrote
voc-comments = Comments
voc-themes = Themes
voc-comments-lead = Every comment, read in the language it was written in: how it feels and what it is about. Filter, search and export.
voc-themes-lead = What comments keep coming back to, and what each topic does to your score.
voc-csv = Download CSV
voc-clear = Clear filters
voc-no-comments = No comments in this period yet.
voc-no-themes = No themes yet. Themes appear as comments come in; you can also make one below.
voc-comments-count = { $count ->
    [one] { $count } comment
   *[other] { $count } comments
}
voc-summary = { $comments } · { $negative }% negative ({ $low }–{ $high }%)
voc-language-other = Other language
voc-sentiment = Sentiment
voc-sentiment-negative = Negative
voc-sentiment-neutral = Neutral
voc-sentiment-positive = Positive
voc-sentiment-unknown = Too short to tell
voc-confidence = { $percent }% sure
voc-sentiment-split = { $negative } negative, { $neutral } neutral, { $positive } positive
voc-filter-q = Search
voc-filter-language = Written in
voc-filter-sentiment = Sentiment
voc-filter-theme = Theme
voc-filter-survey = Survey
voc-filter-band = Score
voc-filter-touchpoint = Touchpoint
voc-filter-channel = Channel
voc-filter-locale = Answered in
voc-filter-customer = Customer
voc-filter-error = { $field }: { $issue }
voc-how-read = How are comments read?
voc-how-read-body = taith reads every comment on your own server, in Welsh, English, Malay, Swahili, Arabic and Vietnamese. It tells the language from the text (a very short comment takes the language the customer answered in), and its sentiment from a model that starts from a shipped base and then learns from your own answers: a comment given with a high score counts as positive, one given with a low score as negative.
voc-learning-base = { $language }: { $comments }, read with the base model so far.
voc-learning-learned = { $language }: { $comments }; the model has learned from { $learned ->
    [one] one of your scored answers
   *[other] { $learned } of your scored answers
}.
voc-pending = { $count ->
    [one] { $count } comment is waiting to be read.
   *[other] { $count } comments are waiting to be read.
}
voc-theme = Theme
voc-mentions = Mentions
voc-share = { $percent }% of comments
voc-impact = Effect on the score
voc-impact-cost = Costs { $points } { $metric } points (± { $margin })
voc-impact-lift = Adds { $points } { $metric } points (± { $margin })
voc-impact-unclear = { $points } { $metric } points (± { $margin }): not a clear difference yet
voc-impact-none = Not enough scores yet
voc-impact-detail = { $metric } of responses that mention it: { $with } (n = { $with_n }); of the others: { $without } (n = { $without_n }).
voc-impact-how = How is the effect worked out?
voc-impact-how-body = The score of the responses whose comment mentions the theme, minus the score of all the other responses in the same period (with or without a comment). The ± is the 95% interval of that difference: if it is wider than the difference itself, the theme may make no real difference yet.
voc-trend = Mentions by week
voc-week = Week from { $from }: { $mentions }
voc-rising = Rising
voc-pinned = Pinned
voc-hidden = Hidden
voc-origin-found = Found in your comments
voc-origin-staff = Made by your team
voc-figures = Figures
voc-where-negative = Where customers complain about it
voc-examples = Comments that mention it
voc-all-comments = All its comments
voc-phrases = Words and phrases
voc-phrases-hint = One per line or separated by commas, in any language: a comment that uses one of them mentions the theme.
voc-new-theme = New theme
voc-edit = Change the theme
voc-pin = Pin it to the top
voc-hide = Hide it (it will not come back on its own)
voc-merge = Merge
voc-merge-into = Merge this theme into
voc-split = Split off
voc-split-which = The phrases that make a theme of their own
voc-split-name = Name of the new theme
voc-negative-themes = Complaints here
voc-negative-themes-none = No negative themes here in this period.
voc-costly-themes = What costs your score most
voc-all-themes = All themes
