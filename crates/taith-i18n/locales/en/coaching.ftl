# Coaching per team and per agent.
nav-coaching = Coaching
coaching-title = Coaching
coaching-by = Group by
coaching-by-agent = Per agent
coaching-by-team = Per team
coaching-lede = NPS and CSAT of the responses whose “agent” or “team” attribute names them, with 95% intervals. Weeks with few answers are drawn hollow.
coaching-own-only = You see your own figures: responses whose “agent” is your name ({ $name }) or your e-mail address ({ $email }).
coaching-empty = No responses in this period carry this attribute.
coaching-empty-own = No responses in this period name you as their agent.
coaching-board-title = Leaderboard: { $metric }
coaching-board-too-few = Too few to compare: a leaderboard needs two with enough answers.
coaching-board-none-significant = None of the differences is significant, so everyone shares first place.
coaching-board-significant = { $count ->
    [one] { $count } difference is significant; only it orders the ranks. Equal ranks are ties.
   *[other] { $count } differences are significant; only they order the ranks. Equal ranks are ties.
}
coaching-board-unranked = { $count ->
    [one] Not ranked, too few answers: { $names }
   *[other] Not ranked, too few answers: { $names }
}
coaching-rank = Rank
coaching-who = Who
coaching-figure = Score
coaching-praise = Praise to share

# Case figures per case owner (agent) or per the owner's teams.
coaching-cases = Cases
coaching-cases-handled = { $count ->
    [one] { $count } case handled in this period
   *[other] { $count } cases handled in this period
}
coaching-cases-hint = Cases count for their owner: the member whose name or e-mail address is the agent's. A team counts the cases its members own.
