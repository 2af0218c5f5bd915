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
