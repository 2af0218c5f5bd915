//! Wire types of coaching.

use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CoachingQuery {
    /// `agent` (the default) or `team`: the response attribute grouped by.
    pub by: Option<String>,
    /// First day, inclusive (`YYYY-MM-DD`, UTC); default 90 days before `to`.
    pub from: Option<String>,
    /// Last day, inclusive; default today.
    pub to: Option<String>,
}

/// A metric's figure for one group.
#[derive(Debug, Serialize, ToSchema)]
pub struct Figure {
    /// `nps` or `csat`.
    pub metric: String,
    pub n: u64,
    /// None when n = 0.
    pub value: Option<f64>,
    /// The 95% interval.
    pub ci95: Option<[f64; 2]>,
    /// n < 30.
    pub small_sample: bool,
    /// By ISO week: `(week, n, value)`.
    pub weeks: Vec<WeekFigure>,
}

#[derive(Debug, Serialize, ToSchema)]
#[schema(as = CoachingWeek)]
pub struct WeekFigure {
    /// `YYYY-Www`.
    pub week: String,
    pub n: u64,
    pub value: Option<f64>,
    pub small_sample: bool,
}

/// One team or agent.
#[derive(Debug, Serialize, ToSchema)]
pub struct Group {
    /// The attribute's value.
    pub name: String,
    pub figures: Vec<Figure>,
    /// Positive comments to share (their response ids).
    pub praise: Vec<uuid::Uuid>,
    /// The cases this agent owned (their owner is the member whose name or e-mail is the
    /// group's name), or this team's members owned, opened in the period; null: none.
    pub cases: Option<GroupCases>,
}

/// A group's cases opened in the period.
#[derive(Debug, Serialize, ToSchema)]
pub struct GroupCases {
    /// Cases handled: opened in the period.
    pub handled: u64,
    /// Time to first action of the cases acted on, in hours.
    pub first_action: FirstAction,
}

/// Time to first action (hours; mean and median as the case figures compute them).
#[derive(Debug, Serialize, ToSchema)]
pub struct FirstAction {
    /// Cases acted on.
    pub n: u64,
    /// Cases not acted on yet, counted apart.
    pub open: u64,
    pub mean_hours: Option<f64>,
    pub median_hours: Option<f64>,
}

/// A place on a leaderboard.
#[derive(Debug, Serialize, ToSchema)]
pub struct Place {
    pub name: String,
    /// 1 + the number of groups significantly higher: equal ranks are ties.
    pub rank: usize,
    pub value: Option<f64>,
    pub n: u64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Leaderboard {
    pub metric: String,
    pub ranked: Vec<Place>,
    /// Too few responses to rank.
    pub unranked: Vec<String>,
    /// Whether any pair differs significantly; when false everyone shares rank 1.
    pub any_significant: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Coaching {
    /// `agent` or `team`.
    pub by: String,
    pub from: String,
    pub to: String,
    /// By name. An agent's session sees only their own group.
    pub groups: Vec<Group>,
    /// Empty for an agent.
    pub leaderboards: Vec<Leaderboard>,
}
