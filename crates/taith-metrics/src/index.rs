//! The analytics index (DESIGN §4): one workspace's responses held in memory as
//! dictionary-encoded columns — survey, touchpoint, channel, locale, day, score, and one column
//! per response attribute — and answered by one scan that adds scores into the histograms of
//! the groups asked for.
//!
//! Why columns and a scan rather than stored aggregates: any combination of filters and
//! groupings (by touchpoint × channel × segment × week, say) is answered from the same data,
//! and a scan of a few bytes per response runs at memory speed — about 10 ms for ten million
//! responses on the reference machine's memory bandwidth — while aggregates for every
//! combination would not fit. Each filter and grouping becomes a lookup table per column, so
//! the scan's inner loop is table lookups and one add, without branches per dimension.
//!
//! The index is derived: the store is the truth, and the index is rebuilt from it at start-up
//! and fed every response after it is stored.

use crate::formula::Histogram;
use std::collections::HashMap;
use taith_domain::{Channel, Locale, ResponseId, Scale, SurveyId, SurveyKind, TouchpointId};
use time::{Date, Month};

/// Days are counted from 1970-01-01, in UTC; u16 reaches 2149.
pub type Day = u16;

/// The first day the index can hold.
const EPOCH: Date = time::macros::date!(1970 - 01 - 01);

pub fn day_of(date: Date) -> Day {
    let days = (date - EPOCH).whole_days();
    Day::try_from(days.max(0)).unwrap_or(Day::MAX)
}

pub fn date_of(day: Day) -> Date {
    EPOCH + time::Duration::days(i64::from(day))
}

/// A response as the index takes it.
#[derive(Debug, Clone)]
pub struct IndexedResponse {
    pub id: ResponseId,
    pub survey: SurveyId,
    pub touchpoint: Option<TouchpointId>,
    pub channel: Channel,
    pub locale: Locale,
    pub day: Day,
    pub score: i16,
    pub attributes: Vec<(String, String)>,
}

/// A survey's kind and scale, which decide which metric its answers count for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SurveyShape {
    pub kind: SurveyKind,
    pub scale: Scale,
}

/// Values to small codes, and back. Code 0 is "none" where a column may be empty.
#[derive(Debug, Clone, Default)]
pub struct Dict<T> {
    values: Vec<T>,
    codes: HashMap<T, u32>,
}

impl<T: Clone + Eq + std::hash::Hash> Dict<T> {
    pub fn code(&mut self, v: &T) -> u32 {
        if let Some(c) = self.codes.get(v) {
            return *c;
        }
        let c = u32::try_from(self.values.len()).unwrap_or(u32::MAX);
        self.values.push(v.clone());
        self.codes.insert(v.clone(), c);
        c
    }

    pub fn find(&self, v: &T) -> Option<u32> {
        self.codes.get(v).copied()
    }

    pub fn value(&self, code: u32) -> Option<&T> {
        self.values.get(usize::try_from(code).ok()?)
    }

    pub fn len(&self) -> usize {
        self.values.len()
    }

    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    pub fn values(&self) -> &[T] {
        &self.values
    }
}

/// One attribute's column: a value code per response, 0 where the response has none.
#[derive(Debug, Clone, Default)]
struct AttributeColumn {
    /// Code c ≥ 1 is `values.value(c - 1)`.
    values: Dict<String>,
    codes: Vec<u16>,
}

/// Most distinct values one attribute keeps apart; further ones are counted as "other"
/// (their code is the last one). A segment of 65,535 values is not a segment any more.
const MAX_ATTRIBUTE_VALUES: usize = u16::MAX as usize - 1;

/// One workspace's responses, as columns.
#[derive(Debug, Clone, Default)]
pub struct Index {
    surveys: Dict<SurveyId>,
    shapes: Vec<SurveyShape>,
    /// Code 0: no touchpoint.
    touchpoints: Dict<Option<TouchpointId>>,
    attribute_keys: Dict<String>,
    attributes: Vec<AttributeColumn>,
    ids: Vec<ResponseId>,
    survey: Vec<u16>,
    touchpoint: Vec<u16>,
    channel: Vec<u8>,
    locale: Vec<u8>,
    day: Vec<Day>,
    score: Vec<u8>,
    /// Responses taken out (deleted): their rows stay, marked, until the next rebuild.
    removed: Vec<bool>,
    removed_count: usize,
}

/// A dictionary code in a narrow column (dictionaries stay far below the column's range).
fn small<T: TryFrom<u32> + Default>(code: u32) -> T {
    T::try_from(code).unwrap_or_default()
}

impl Index {
    pub fn new() -> Index {
        let mut index = Index::default();
        index.touchpoints.code(&None);
        index
    }

    /// Responses counted (not removed).
    pub fn len(&self) -> usize {
        self.ids.len() - self.removed_count
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Records (or updates) a survey's kind and scale; its answers count for the metric of
    /// its kind.
    pub fn set_survey(&mut self, id: SurveyId, shape: SurveyShape) {
        let code = self.surveys.code(&id) as usize;
        if code == self.shapes.len() {
            self.shapes.push(shape);
        } else if let Some(s) = self.shapes.get_mut(code) {
            *s = shape;
        }
    }

    pub fn survey_shape(&self, id: SurveyId) -> Option<SurveyShape> {
        let code = self.surveys.find(&id)?;
        self.shapes.get(code as usize).copied()
    }

    /// Adds responses. A response of a survey not yet described by [`Index::set_survey`] is
    /// kept, and counts once its survey is described.
    pub fn add(&mut self, responses: &[IndexedResponse]) {
        for r in responses {
            let survey = self.surveys.code(&r.survey);
            while self.shapes.len() < self.surveys.len() {
                // Unknown until described: counted for no metric.
                self.shapes.push(SurveyShape {
                    kind: SurveyKind::Custom,
                    scale: Scale { low: 0, high: 10 },
                });
            }
            let touchpoint = self.touchpoints.code(&r.touchpoint);
            let row = self.ids.len();
            self.ids.push(r.id);
            self.survey.push(small(survey));
            self.touchpoint.push(small(touchpoint));
            self.channel.push(channel_code(r.channel));
            self.locale.push(locale_code(r.locale));
            self.day.push(r.day);
            self.score.push(u8::try_from(r.score).unwrap_or(0));
            self.removed.push(false);
            for (key, value) in &r.attributes {
                let k = self.attribute_keys.code(key) as usize;
                if k == self.attributes.len() {
                    self.attributes.push(AttributeColumn::default());
                }
                let column = &mut self.attributes[k];
                column.codes.resize(row + 1, 0);
                let code = match column.values.find(value) {
                    Some(c) => c + 1,
                    None if column.values.len() < MAX_ATTRIBUTE_VALUES => {
                        column.values.code(value) + 1
                    }
                    None => MAX_ATTRIBUTE_VALUES as u32,
                };
                column.codes[row] = small(code);
            }
        }
        // Columns of attributes these responses did not have stay as long as the others.
        let rows = self.ids.len();
        for column in &mut self.attributes {
            column.codes.resize(rows, 0);
        }
    }

    /// Gives back the room growing columns keep in reserve: after a bulk load (start-up,
    /// an import) the columns would otherwise hold up to twice what they need.
    pub fn compact(&mut self) {
        self.ids.shrink_to_fit();
        self.survey.shrink_to_fit();
        self.touchpoint.shrink_to_fit();
        self.channel.shrink_to_fit();
        self.locale.shrink_to_fit();
        self.day.shrink_to_fit();
        self.score.shrink_to_fit();
        self.removed.shrink_to_fit();
        for column in &mut self.attributes {
            column.codes.shrink_to_fit();
        }
    }

    /// Takes responses out; unknown ids are ignored. Returns how many were taken out.
    pub fn remove(&mut self, ids: &[ResponseId]) -> usize {
        let wanted: std::collections::HashSet<&ResponseId> = ids.iter().collect();
        let mut n = 0;
        for (row, id) in self.ids.iter().enumerate() {
            if !self.removed[row] && wanted.contains(id) {
                self.removed[row] = true;
                n += 1;
            }
        }
        self.removed_count += n;
        n
    }

    /// The attribute keys seen, in the order first seen.
    pub fn attribute_keys(&self) -> &[String] {
        self.attribute_keys.values()
    }

    /// Bytes the columns hold (the dictionaries are small beside them).
    pub fn memory_bytes(&self) -> usize {
        let attrs: usize = self.attributes.iter().map(|c| c.codes.capacity() * 2).sum();
        self.ids.capacity() * std::mem::size_of::<ResponseId>()
            + self.survey.capacity() * 2
            + self.touchpoint.capacity() * 2
            + self.channel.capacity()
            + self.locale.capacity()
            + self.day.capacity() * 2
            + self.score.capacity()
            + self.removed.capacity()
            + attrs
    }

    pub fn touchpoint_of(&self, code: u32) -> Option<TouchpointId> {
        self.touchpoints.value(code).copied().flatten()
    }

    pub fn survey_of(&self, code: u32) -> Option<SurveyId> {
        self.surveys.value(code).copied()
    }
}

fn channel_code(c: Channel) -> u8 {
    Channel::ALL
        .iter()
        .position(|x| *x == c)
        .and_then(|p| u8::try_from(p).ok())
        .unwrap_or(0)
}

fn locale_code(l: Locale) -> u8 {
    Locale::ALL
        .iter()
        .position(|x| *x == l)
        .and_then(|p| u8::try_from(p).ok())
        .unwrap_or(0)
}

// --- queries ----------------------------------------------------------------------------------

/// What a group is keyed by.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Dimension {
    Survey,
    Touchpoint,
    /// The touchpoint's id (names need not be unique across journeys).
    TouchpointId,
    Stage,
    Journey,
    Channel,
    Locale,
    Attribute(String),
    Day,
    Week,
    Month,
    Quarter,
}

impl Dimension {
    /// Reads `touchpoint,stage,channel,locale,<attribute>,day|week|month|quarter` names.
    pub fn parse(s: &str) -> Option<Dimension> {
        let s = s.trim();
        Some(match s {
            "" => return None,
            "survey" => Dimension::Survey,
            "touchpoint" => Dimension::Touchpoint,
            "touchpoint_id" => Dimension::TouchpointId,
            "stage" => Dimension::Stage,
            "journey" => Dimension::Journey,
            "channel" => Dimension::Channel,
            "locale" => Dimension::Locale,
            "day" => Dimension::Day,
            "week" => Dimension::Week,
            "month" => Dimension::Month,
            "quarter" => Dimension::Quarter,
            other => Dimension::Attribute(other.to_owned()),
        })
    }

    pub fn name(&self) -> &str {
        match self {
            Dimension::Survey => "survey",
            Dimension::Touchpoint => "touchpoint",
            Dimension::TouchpointId => "touchpoint_id",
            Dimension::Stage => "stage",
            Dimension::Journey => "journey",
            Dimension::Channel => "channel",
            Dimension::Locale => "locale",
            Dimension::Attribute(a) => a,
            Dimension::Day => "day",
            Dimension::Week => "week",
            Dimension::Month => "month",
            Dimension::Quarter => "quarter",
        }
    }

    fn is_time(&self) -> bool {
        matches!(
            self,
            Dimension::Day | Dimension::Week | Dimension::Month | Dimension::Quarter
        )
    }
}

/// Where touchpoints sit on the journeys now (journeys change; responses keep their
/// touchpoint): the stage and journey of each, with the names groups are labelled by.
#[derive(Debug, Clone, Default)]
pub struct Layout {
    pub touchpoints: HashMap<TouchpointId, Place>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub touchpoint: String,
    pub stage: String,
    pub journey: String,
    pub stage_id: taith_domain::StageId,
    pub journey_id: taith_domain::JourneyId,
}

/// A filter on one dimension: the response's value must be one of these labels (as groups
/// are labelled: a touchpoint's name, a channel, a locale, an attribute's value, a survey's
/// id).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filter {
    pub dimension: Dimension,
    pub values: Vec<Label>,
}

/// What a group is labelled by on one dimension, as a typed value: it becomes text only where
/// an answer is written (JSON, CSV, HTML), through its `Display`, which is the API's wording
/// (`YYYY-MM-DD`, `YYYY-Www` (ISO week), `YYYY-MM`, `YYYY-Qn`, ids hyphenated, channels'
/// codes, locales' tags).
///
/// Labels order as their text does, so an answer sorted by labels is sorted as its JSON
/// reads.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Label {
    /// A touchpoint's, stage's or journey's name, or an attribute's value.
    Text(String),
    Survey(SurveyId),
    Touchpoint(TouchpointId),
    Channel(Channel),
    Locale(Locale),
    Day(Date),
    Week {
        year: i32,
        week: u8,
    },
    Month {
        year: i32,
        month: u8,
    },
    Quarter {
        year: i32,
        quarter: u8,
    },
}

impl Label {
    /// A filter value given as text, for dimension `d`: the typed label when the text is
    /// exactly how that label is written (a locale however its tag is written), else the text
    /// itself, which matches no typed label.
    pub fn parse(d: &Dimension, s: &str) -> Label {
        let typed = match d {
            Dimension::Survey => s.parse().ok().map(Label::Survey),
            Dimension::TouchpointId => s.parse().ok().map(Label::Touchpoint),
            Dimension::Channel => Channel::ALL
                .iter()
                .find(|c| c.as_str() == s)
                .map(|c| Label::Channel(*c)),
            Dimension::Locale => Locale::from_tag(s).map(Label::Locale),
            _ => None,
        };
        match typed {
            // Only the exact spelling matched before labels were typed; keep it so.
            Some(l) if matches!(d, Dimension::Locale) || l.to_string() == s => l,
            _ => Label::Text(s.to_owned()),
        }
    }

    /// The label of `day` on time dimension `d` (day, week, month or quarter).
    pub(crate) fn of_day(d: &Dimension, day: Day) -> Label {
        let date = date_of(day);
        match d {
            Dimension::Day => Label::Day(date),
            Dimension::Week => {
                let (year, week, _) = date.to_iso_week_date();
                Label::Week { year, week }
            }
            Dimension::Month => Label::Month {
                year: date.year(),
                month: u8::from(date.month()),
            },
            _ => Label::Quarter {
                year: date.year(),
                quarter: (u8::from(date.month()) - u8::from(Month::January)) / 3 + 1,
            },
        }
    }
}

impl std::fmt::Display for Label {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Label::Text(s) => f.write_str(s),
            Label::Survey(id) => id.fmt(f),
            Label::Touchpoint(id) => id.fmt(f),
            Label::Channel(c) => f.write_str(c.as_str()),
            Label::Locale(l) => f.write_str(l.tag()),
            Label::Day(d) => write!(
                f,
                "{:04}-{:02}-{:02}",
                d.year(),
                u8::from(d.month()),
                d.day()
            ),
            Label::Week { year, week } => write!(f, "{year:04}-W{week:02}"),
            Label::Month { year, month } => write!(f, "{year:04}-{month:02}"),
            Label::Quarter { year, quarter } => write!(f, "{year:04}-Q{quarter}"),
        }
    }
}

impl Ord for Label {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        use Label::*;
        // Within a variant, the typed order is the text's (ids compare bytewise as their hex
        // does; dates, weeks, months and quarters have four-digit years here, as days run
        // from 1970 to 2149); across variants, which one dimension never mixes, the text's.
        match (self, other) {
            (Text(a), Text(b)) => a.cmp(b),
            (Survey(a), Survey(b)) => a.cmp(b),
            (Touchpoint(a), Touchpoint(b)) => a.cmp(b),
            (Channel(a), Channel(b)) => a.as_str().cmp(b.as_str()),
            (Locale(a), Locale(b)) => a.tag().cmp(b.tag()),
            (Day(a), Day(b)) => a.cmp(b),
            (Week { year: y1, week: w1 }, Week { year: y2, week: w2 }) => (y1, w1).cmp(&(y2, w2)),
            (
                Month {
                    year: y1,
                    month: m1,
                },
                Month {
                    year: y2,
                    month: m2,
                },
            ) => (y1, m1).cmp(&(y2, m2)),
            (
                Quarter {
                    year: y1,
                    quarter: q1,
                },
                Quarter {
                    year: y2,
                    quarter: q2,
                },
            ) => (y1, q1).cmp(&(y2, q2)),
            _ => self.to_string().cmp(&other.to_string()),
        }
    }
}

impl PartialOrd for Label {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// A metric query over the index.
#[derive(Debug, Clone)]
pub struct Query {
    pub kind: SurveyKind,
    /// Only surveys on this scale (a CSAT on 1–3 and one on 1–5 do not add up).
    pub scale: Option<Scale>,
    pub filters: Vec<Filter>,
    pub by: Vec<Dimension>,
    /// Inclusive.
    pub from: Option<Date>,
    pub to: Option<Date>,
}

/// One group of the answer: its number in the query's grid of groups (which
/// [`Answer::label`] reads its key from) and its histogram.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Group {
    pub number: u32,
    pub histogram: Histogram,
}

/// The groups that have responses, in the order of their keys, and the labels their keys
/// point into. Labels are shared, not repeated per group: a grouping by week × touchpoint has
/// a hundred thousand groups but only a few hundred labels.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Answer {
    /// Per `by` dimension, its labels, in order.
    pub labels: Vec<Vec<Label>>,
    /// Per `by` dimension, what one step along its labels adds to a group's number (the last
    /// dimension's is 1, so numbers in order are keys in order).
    strides: Vec<u32>,
    pub groups: Vec<Group>,
}

impl Answer {
    /// A group's label on the `dimension`-th `by` dimension.
    pub fn label(&self, g: &Group, dimension: usize) -> Option<&Label> {
        let labels = self.labels.get(dimension)?;
        let stride = *self.strides.get(dimension)?;
        labels.get((g.number / stride.max(1)) as usize % labels.len().max(1))
    }

    /// A group's key, in `by` order.
    pub fn key<'a>(&'a self, g: &'a Group) -> impl Iterator<Item = &'a Label> + 'a {
        (0..self.labels.len()).filter_map(move |d| self.label(g, d))
    }
}

/// Why a query cannot be answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QueryError {
    /// The groups asked for multiply beyond what a query may hold.
    TooManyGroups(u64),
    /// `from` is after `to`.
    EmptyRange,
    /// A scan thread panicked: its rows were not counted, so there is no answer (rather than
    /// a silently smaller count).
    ScanFailed,
}

/// Most groups one query may make (each holds a histogram while it runs).
pub const MAX_GROUPS: u64 = 4_000_000;

/// Counts per part of a partitioned scan: 256 KB, well within a core's second-level cache.
const PART_SLOTS: usize = 1 << 16;
/// Rows sorted into parts before their adds run (4 MB of slots per scan thread): many adds
/// per cache line of counts, while the slots stay in the shared cache.
const PART_ROWS: usize = 1 << 20;

/// Marks a lookup entry of a value that is filtered out.
const OUT: u32 = 1 << 31;

/// A column's lookup table: code → this dimension's share of the group number, or OUT.
#[derive(Debug, Clone)]
struct Lookup {
    table: Vec<u32>,
}

impl Lookup {
    fn all(len: usize) -> Lookup {
        Lookup {
            table: vec![0; len.max(1)],
        }
    }
}

/// One dimension's groups: the labels of its buckets, in order, and which bucket each column
/// code falls into (None: filtered out).
struct Buckets {
    labels: Vec<Label>,
    of_code: Vec<Option<u32>>,
}

impl Buckets {
    /// Codes with equal labels share a bucket; buckets are numbered in their labels' order.
    fn from_labels(codes: impl Iterator<Item = Option<Label>>) -> Buckets {
        let mut labels: Vec<Label> = Vec::new();
        let mut seen: HashMap<Label, u32> = HashMap::new();
        let of_code: Vec<Option<u32>> = codes
            .map(|label| {
                let label = label?;
                Some(*seen.entry(label.clone()).or_insert_with(|| {
                    labels.push(label);
                    u32::try_from(labels.len() - 1).unwrap_or(u32::MAX)
                }))
            })
            .collect();
        let mut order: Vec<usize> = (0..labels.len()).collect();
        order.sort_by(|a, b| labels[*a].cmp(&labels[*b]));
        let mut rank = vec![0u32; labels.len()];
        for (new, old) in order.iter().enumerate() {
            rank[*old] = u32::try_from(new).unwrap_or(u32::MAX);
        }
        let mut slots: Vec<Option<Label>> = labels.into_iter().map(Some).collect();
        Buckets {
            labels: order.iter().filter_map(|old| slots[*old].take()).collect(),
            of_code: of_code
                .into_iter()
                .map(|b| b.map(|b| rank[b as usize]))
                .collect(),
        }
    }
}

impl Index {
    /// The labels each code of a dimension's column has (None: not labelled, e.g. a response
    /// without touchpoint grouped by stage).
    fn labels(&self, d: &Dimension, layout: &Layout) -> Vec<Option<Label>> {
        match d {
            Dimension::Survey => self
                .surveys
                .values()
                .iter()
                .map(|s| Some(Label::Survey(*s)))
                .collect(),
            Dimension::TouchpointId => self
                .touchpoints
                .values()
                .iter()
                .map(|tp| tp.map(Label::Touchpoint))
                .collect(),
            Dimension::Touchpoint | Dimension::Stage | Dimension::Journey => self
                .touchpoints
                .values()
                .iter()
                .map(|tp| {
                    let place = layout.touchpoints.get(tp.as_ref()?)?;
                    Some(Label::Text(match d {
                        Dimension::Touchpoint => place.touchpoint.clone(),
                        Dimension::Stage => place.stage.clone(),
                        _ => place.journey.clone(),
                    }))
                })
                .collect(),
            Dimension::Channel => Channel::ALL
                .iter()
                .map(|c| Some(Label::Channel(*c)))
                .collect(),
            Dimension::Locale => Locale::ALL
                .iter()
                .map(|l| Some(Label::Locale(*l)))
                .collect(),
            Dimension::Attribute(key) => {
                let mut labels = vec![None];
                if let Some(k) = self.attribute_keys.find(key) {
                    let column = &self.attributes[k as usize];
                    labels.extend(
                        column
                            .values
                            .values()
                            .iter()
                            .map(|v| Some(Label::Text(v.clone()))),
                    );
                }
                labels
            }
            Dimension::Day | Dimension::Week | Dimension::Month | Dimension::Quarter => Vec::new(),
        }
    }

    /// Answers `q`: the histogram of every group that has responses, keyed in `q.by`'s order.
    pub fn query(&self, q: &Query, layout: &Layout) -> Result<Answer, QueryError> {
        let (from, to) = (q.from.map(day_of), q.to.map(day_of));
        if let (Some(f), Some(t)) = (from, to)
            && f > t
        {
            return Err(QueryError::EmptyRange);
        }
        // Every column starts "all pass, one bucket"; filters and groupings narrow that.
        let mut survey = Lookup::all(self.surveys.len());
        for (code, shape) in self.shapes.iter().enumerate() {
            if shape.kind != q.kind || q.scale.is_some_and(|s| s != shape.scale) {
                survey.table[code] = OUT;
            }
        }
        let mut touchpoint = Lookup::all(self.touchpoints.len());
        let mut channel = Lookup::all(Channel::ALL.len());
        let mut locale = Lookup::all(Locale::ALL.len());
        let mut attributes: Vec<(usize, Lookup)> = Vec::new();

        // Filters first: a value not listed is OUT.
        for f in &q.filters {
            if f.dimension.is_time() {
                continue;
            }
            let labels = self.labels(&f.dimension, layout);
            let pass = |label: &Option<Label>| {
                label
                    .as_ref()
                    .is_some_and(|l| f.values.iter().any(|v| v == l))
            };
            let lookup = match self.column_of(&f.dimension) {
                Column::Survey => &mut survey,
                Column::Touchpoint => &mut touchpoint,
                Column::Channel => &mut channel,
                Column::Locale => &mut locale,
                Column::Attribute(k) => attribute_lookup(&mut attributes, k, labels.len()),
                Column::MissingAttribute => return Ok(Answer::default()),
                Column::Time => continue,
            };
            for (code, label) in labels.iter().enumerate() {
                if !pass(label)
                    && let Some(e) = lookup.table.get_mut(code)
                {
                    *e = OUT;
                }
            }
        }

        // Then groupings: each `by` dimension multiplies the group number by its bucket count.
        let first_day = from.unwrap_or_else(|| self.day.iter().copied().min().unwrap_or(0));
        let last_day = to.unwrap_or_else(|| self.day.iter().copied().max().unwrap_or(0));
        // A `to` before the first response (or a `from` after the last) leaves no day in range.
        let days = if first_day <= last_day {
            usize::from(last_day - first_day) + 1
        } else {
            0
        };
        let mut day = vec![0u32; days];
        let buckets: Vec<Buckets> =
            q.by.iter()
                .map(|d| {
                    if d.is_time() {
                        time_buckets(d, first_day, last_day)
                    } else {
                        Buckets::from_labels(self.labels(d, layout).into_iter())
                    }
                })
                .collect();
        // The last dimension steps fastest, so group numbers in order are keys in order and
        // the answer comes out sorted.
        let mut strides = vec![1u32; q.by.len()];
        let mut stride: u64 = 1;
        for (i, b) in buckets.iter().enumerate().rev() {
            strides[i] = u32::try_from(stride).map_err(|_| QueryError::TooManyGroups(stride))?;
            stride = stride.saturating_mul(b.labels.len().max(1) as u64);
            if stride > MAX_GROUPS {
                return Err(QueryError::TooManyGroups(stride));
            }
        }
        for ((d, buckets), this_stride) in q.by.iter().zip(&buckets).zip(&strides) {
            let this_stride = *this_stride;
            let lookup = match self.column_of(d) {
                Column::Survey => &mut survey.table,
                Column::Touchpoint => &mut touchpoint.table,
                Column::Channel => &mut channel.table,
                Column::Locale => &mut locale.table,
                Column::Attribute(k) => {
                    &mut attribute_lookup(&mut attributes, k, buckets.of_code.len()).table
                }
                Column::MissingAttribute => return Ok(Answer::default()),
                Column::Time => &mut day,
            };
            for (code, bucket) in buckets.of_code.iter().enumerate() {
                if let Some(e) = lookup.get_mut(code) {
                    match bucket {
                        Some(b) if *e & OUT == 0 => *e += b * this_stride,
                        _ => *e = OUT,
                    }
                }
            }
        }
        let groups = usize::try_from(stride).unwrap_or(usize::MAX);
        let histograms = self.scan(
            &ScanPlan {
                survey: &survey.table,
                touchpoint: &touchpoint.table,
                channel: &channel.table,
                locale: &locale.table,
                day: &day,
                first_day,
                attributes: &attributes,
            },
            groups,
        )?;
        // The groups that have responses, in order.
        let mut groups_out = Vec::new();
        for (g, counts) in histograms.chunks_exact(11).enumerate() {
            if counts.iter().all(|c| *c == 0) {
                continue;
            }
            let mut histogram = Histogram::default();
            for (h, c) in histogram.0.iter_mut().zip(counts) {
                *h = u64::from(*c);
            }
            groups_out.push(Group {
                number: u32::try_from(g).unwrap_or(u32::MAX),
                histogram,
            });
        }
        Ok(Answer {
            labels: buckets.into_iter().map(|b| b.labels).collect(),
            strides,
            groups: groups_out,
        })
    }

    fn column_of(&self, d: &Dimension) -> Column {
        match d {
            Dimension::Survey => Column::Survey,
            Dimension::Touchpoint
            | Dimension::TouchpointId
            | Dimension::Stage
            | Dimension::Journey => Column::Touchpoint,
            Dimension::Channel => Column::Channel,
            Dimension::Locale => Column::Locale,
            Dimension::Attribute(k) => match self.attribute_keys.find(k) {
                Some(k) => Column::Attribute(k as usize),
                None => Column::MissingAttribute,
            },
            Dimension::Day | Dimension::Week | Dimension::Month | Dimension::Quarter => {
                Column::Time
            }
        }
    }

    /// The scan: every response whose codes all pass adds one to its group's count of its
    /// score. Split over the machine's cores, each with its own counts, added at the end.
    /// A thread that panicked fails the whole scan: its rows would otherwise be missing from
    /// counts that look complete.
    fn scan(&self, plan: &ScanPlan<'_>, groups: usize) -> Result<Vec<u32>, QueryError> {
        let rows = self.ids.len();
        let panic_in_worker = test_hook::panic_armed();
        let partials = split_rows(rows, |t, range| {
            test_hook::maybe_panic(panic_in_worker, t);
            self.scan_rows(plan, groups, range)
        })?;
        let mut partials = partials.into_iter();
        let mut total = partials.next().unwrap_or_default();
        total.resize(groups * 11, 0);
        for p in partials {
            for (t, c) in total.iter_mut().zip(p) {
                *t += c;
            }
        }
        Ok(total)
    }

    /// A plain pass over the columns a scan grouping by `attributes` reads, split over
    /// threads as the scan is, adding every code up: what reading them from memory costs
    /// alone, the floor a scan's time is measured against (`taith bench metrics`).
    pub fn floor_pass(&self, attributes: &[&str]) -> Result<u64, QueryError> {
        let columns: Vec<&[u16]> = attributes
            .iter()
            .filter_map(|a| self.attribute_keys.find(&a.to_string()))
            .map(|k| self.attributes[k as usize].codes.as_slice())
            .collect();
        let sums = split_rows(self.ids.len(), |_, r| {
            let wide = |c: &[u16]| c.iter().map(|x| u64::from(*x)).sum::<u64>();
            let narrow = |c: &[u8]| c.iter().map(|x| u64::from(*x)).sum::<u64>();
            let mut sum = wide(&self.survey[r.clone()])
                + wide(&self.touchpoint[r.clone()])
                + narrow(&self.channel[r.clone()])
                + narrow(&self.locale[r.clone()])
                + wide(&self.day[r.clone()])
                + narrow(&self.score[r.clone()])
                + self.removed[r.clone()].iter().filter(|x| **x).count() as u64;
            for c in &columns {
                sum += wide(&c[r.clone()]);
            }
            sum
        })?;
        Ok(sums.iter().sum())
    }

    fn scan_rows(
        &self,
        plan: &ScanPlan<'_>,
        groups: usize,
        rows: std::ops::Range<usize>,
    ) -> Vec<u32> {
        let mut counts = vec![0u32; groups * 11];
        // Tables as wide as their column's type, so a code can index them without a bounds
        // check or a branch; codes no table entry was made for are OUT. The day table covers
        // every day, OUT outside the range asked for.
        let survey_t = wide16(plan.survey);
        let touchpoint_t = wide16(plan.touchpoint);
        let channel_t = wide8(plan.channel);
        let locale_t = wide8(plan.locale);
        let mut day_t = Box::new([OUT; 1 << 16]);
        for (offset, v) in plan.day.iter().enumerate() {
            if let Some(e) = day_t.get_mut(usize::from(plan.first_day) + offset) {
                *e = *v;
            }
        }
        let attrs: Vec<(&[u16], Box<[u32; 1 << 16]>)> = plan
            .attributes
            .iter()
            .map(|(k, l)| (&self.attributes[*k].codes[rows.clone()], wide16(&l.table)))
            .collect();
        let survey = &self.survey[rows.clone()];
        let touchpoint = &self.touchpoint[rows.clone()];
        let channel = &self.channel[rows.clone()];
        let locale = &self.locale[rows.clone()];
        let day = &self.day[rows.clone()];
        let score = &self.score[rows.clone()];
        let removed = &self.removed[rows.clone()];
        // Rows that do not count go to one spare slot past the groups' counts (dropped at the
        // end), so marking a row out is a select, not a branch.
        let spare = u32::try_from(groups * 11).unwrap_or(u32::MAX);
        counts.push(0);
        // In blocks: first every row's slot (table lookups only, independent from row to
        // row), then the adds. Counts larger than a core's second-level cache (a hundred
        // thousand groups make megabytes) would make nearly every add a miss: there the slots
        // are first sorted by which part of the counts they fall in, a pass of sequential
        // writes, and each part's adds then run within that cache.
        const BLOCK: usize = 1024;
        let mut slots = [0u32; BLOCK];
        let parted = counts.len() > 2 * PART_SLOTS;
        let mut parts: Vec<Vec<u32>> = if parted {
            let n = counts.len().div_ceil(PART_SLOTS);
            (0..n)
                .map(|_| Vec::with_capacity(PART_ROWS / n + PART_ROWS / n / 4 + 64))
                .collect()
        } else {
            Vec::new()
        };
        let mut pending = 0;
        let n = survey.len();
        let mut start = 0;
        while start < n {
            let end = (start + BLOCK).min(n);
            let len = end - start;
            let (survey, touchpoint, channel, locale, day, score, removed) = (
                &survey[start..end],
                &touchpoint[start..end],
                &channel[start..end],
                &locale[start..end],
                &day[start..end],
                &score[start..end],
                &removed[start..end],
            );
            let slots = &mut slots[..len];
            // Each passing value adds its share of the group number (shares stay below
            // 2^31); OUT in any of them, or a removed row, marks the row out.
            for k in 0..len {
                let sv = survey_t[usize::from(survey[k])];
                let tp = touchpoint_t[usize::from(touchpoint[k])];
                let ch = channel_t[usize::from(channel[k])];
                let lo = locale_t[usize::from(locale[k])];
                let dy = day_t[usize::from(day[k])];
                let mut g = sv
                    .wrapping_add(tp)
                    .wrapping_add(ch)
                    .wrapping_add(lo)
                    .wrapping_add(dy);
                let mut out = sv | tp | ch | lo | dy | (u32::from(removed[k]) << 31);
                for (codes, table) in &attrs {
                    let a = table[usize::from(codes[start + k])];
                    out |= a;
                    g = g.wrapping_add(a);
                }
                let slot = g.wrapping_mul(11).wrapping_add(u32::from(score[k]));
                slots[k] = if out & OUT != 0 { spare } else { slot };
            }
            if parted {
                for slot in slots.iter() {
                    if let Some(part) = parts.get_mut(*slot as usize / PART_SLOTS) {
                        part.push(*slot);
                    }
                }
                pending += len;
                if pending >= PART_ROWS || end == n {
                    pending = 0;
                    for part in &mut parts {
                        for slot in part.iter() {
                            if let Some(c) = counts.get_mut(*slot as usize) {
                                *c += 1;
                            }
                        }
                        part.clear();
                    }
                }
            } else {
                for slot in slots.iter() {
                    if let Some(c) = counts.get_mut(*slot as usize) {
                        *c += 1;
                    }
                }
            }
            start = end;
        }
        counts
    }
}

/// Runs `work` over `0..rows` cut into one range per core (one range when there are few
/// rows), each on its own thread, and gives back each range's result in order; a thread that
/// panicked is [`QueryError::ScanFailed`] (after every thread has been joined).
fn split_rows<T: Send>(
    rows: usize,
    work: impl Fn(usize, std::ops::Range<usize>) -> T + Sync,
) -> Result<Vec<T>, QueryError> {
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .clamp(1, 16);
    // Small indexes are not worth a thread.
    let threads = if rows < 200_000 { 1 } else { threads };
    let chunk = rows.div_ceil(threads).max(1);
    let work = &work;
    let joined: Vec<std::thread::Result<T>> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                let range = (t * chunk).min(rows)..((t + 1) * chunk).min(rows);
                s.spawn(move || work(t, range))
            })
            .collect();
        handles.into_iter().map(|h| h.join()).collect()
    });
    joined
        .into_iter()
        .map(|r| r.map_err(|_| QueryError::ScanFailed))
        .collect()
}

/// A test-only way to make a scan thread panic. Armed per test thread (tests run side by
/// side), read by the scan on the caller's thread and handed to its workers.
mod test_hook {
    #[cfg(test)]
    thread_local! {
        static ARMED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }

    #[cfg(test)]
    pub fn arm(on: bool) {
        ARMED.with(|a| a.set(on));
    }

    #[cfg(test)]
    pub fn panic_armed() -> bool {
        ARMED.with(std::cell::Cell::get)
    }

    #[cfg(not(test))]
    pub fn panic_armed() -> bool {
        false
    }

    /// The first worker panics when armed.
    pub fn maybe_panic(armed: bool, worker: usize) {
        if armed && worker == 0 {
            panic!("a scan thread panicked (injected by a test)");
        }
    }
}

/// `table` widened to every u16 code, OUT beyond its end.
fn wide16(table: &[u32]) -> Box<[u32; 1 << 16]> {
    let mut wide = Box::new([OUT; 1 << 16]);
    for (w, t) in wide.iter_mut().zip(table) {
        *w = *t;
    }
    wide
}

/// `table` widened to every u8 code, OUT beyond its end.
fn wide8(table: &[u32]) -> [u32; 256] {
    let mut wide = [OUT; 256];
    for (w, t) in wide.iter_mut().zip(table) {
        *w = *t;
    }
    wide
}

/// Which column a dimension reads.
enum Column {
    Survey,
    Touchpoint,
    Channel,
    Locale,
    Attribute(usize),
    /// An attribute no response has: nothing passes a filter on it, nothing groups by it.
    MissingAttribute,
    Time,
}

struct ScanPlan<'a> {
    survey: &'a [u32],
    touchpoint: &'a [u32],
    channel: &'a [u32],
    locale: &'a [u32],
    /// Indexed by day − first_day.
    day: &'a [u32],
    first_day: Day,
    attributes: &'a [(usize, Lookup)],
}

fn attribute_lookup(attributes: &mut Vec<(usize, Lookup)>, k: usize, len: usize) -> &mut Lookup {
    let i = match attributes.iter().position(|(key, _)| *key == k) {
        Some(i) => i,
        None => {
            attributes.push((k, Lookup::all(len)));
            attributes.len() - 1
        }
    };
    &mut attributes[i].1
}

/// The buckets of a time dimension over `first..=last`: labels `YYYY-MM-DD`, `YYYY-Www` (ISO
/// week), `YYYY-MM`, `YYYY-Qn`, and each day's bucket.
fn time_buckets(d: &Dimension, first: Day, last: Day) -> Buckets {
    // Days in order fall into buckets in order: a bucket starts where the label changes.
    let mut labels: Vec<Label> = Vec::new();
    let of_code = (first..=last)
        .map(|day| {
            let label = Label::of_day(d, day);
            if labels.last() != Some(&label) {
                labels.push(label);
            }
            Some(u32::try_from(labels.len() - 1).unwrap_or(u32::MAX))
        })
        .collect();
    Buckets { labels, of_code }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use taith_domain::{JourneyId, StageId};

    /// A small deterministic generator (xorshift), so failures reproduce.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
    }

    struct World {
        surveys: Vec<(SurveyId, SurveyShape)>,
        layout: Layout,
        responses: Vec<IndexedResponse>,
    }

    fn world(seed: u64, n: usize) -> World {
        let mut rng = Rng(seed);
        let shapes = [
            SurveyShape {
                kind: SurveyKind::Nps,
                scale: Scale { low: 0, high: 10 },
            },
            SurveyShape {
                kind: SurveyKind::Csat,
                scale: Scale { low: 1, high: 5 },
            },
            SurveyShape {
                kind: SurveyKind::Nps,
                scale: Scale { low: 0, high: 10 },
            },
            SurveyShape {
                kind: SurveyKind::Ces,
                scale: Scale { low: 1, high: 7 },
            },
        ];
        let surveys: Vec<_> = shapes.iter().map(|s| (SurveyId::new(), *s)).collect();
        let touchpoints: Vec<_> = (0..5).map(|_| TouchpointId::new()).collect();
        let stages = [StageId::new(), StageId::new()];
        let journey = JourneyId::new();
        let mut layout = Layout::default();
        for (i, tp) in touchpoints.iter().enumerate().take(4) {
            layout.touchpoints.insert(
                *tp,
                Place {
                    touchpoint: format!("tp{i}"),
                    stage: format!("stage{}", i % 2),
                    journey: "journey".into(),
                    stage_id: stages[i % 2],
                    journey_id: journey,
                },
            );
        }
        let start = day_of(time::macros::date!(2025 - 12 - 20));
        let responses = (0..n)
            .map(|_| {
                let (survey, shape) = surveys[rng.below(surveys.len())];
                let span = (shape.scale.high - shape.scale.low + 1) as usize;
                let mut attributes = Vec::new();
                if rng.below(3) > 0 {
                    attributes.push(("team".to_owned(), format!("t{}", rng.below(3))));
                }
                if rng.below(2) > 0 {
                    attributes.push(("plan".to_owned(), format!("p{}", rng.below(2))));
                }
                IndexedResponse {
                    id: ResponseId::new(),
                    survey,
                    touchpoint: (rng.below(6) < 5).then(|| touchpoints[rng.below(5)]),
                    channel: Channel::ALL[rng.below(3)],
                    locale: Locale::ALL[rng.below(Locale::ALL.len())],
                    day: start + rng.below(120) as Day,
                    score: shape.scale.low + rng.below(span) as i16,
                    attributes,
                }
            })
            .collect();
        World {
            surveys,
            layout,
            responses,
        }
    }

    fn index_of(w: &World) -> Index {
        let mut index = Index::new();
        for (id, shape) in &w.surveys {
            index.set_survey(*id, *shape);
        }
        // In two parts, as start-up and tailing would add them.
        let half = w.responses.len() / 2;
        index.add(&w.responses[..half]);
        index.add(&w.responses[half..]);
        index
    }

    /// The label a response has on `d`, computed the slow way.
    fn label(w: &World, r: &IndexedResponse, d: &Dimension) -> Option<String> {
        let place = || w.layout.touchpoints.get(r.touchpoint.as_ref()?);
        let date = date_of(r.day);
        Some(match d {
            Dimension::Survey => r.survey.to_string(),
            Dimension::Touchpoint => place()?.touchpoint.clone(),
            Dimension::TouchpointId => r.touchpoint?.to_string(),
            Dimension::Stage => place()?.stage.clone(),
            Dimension::Journey => place()?.journey.clone(),
            Dimension::Channel => r.channel.as_str().to_owned(),
            Dimension::Locale => r.locale.tag().to_owned(),
            Dimension::Attribute(k) => r.attributes.iter().find(|(key, _)| key == k)?.1.clone(),
            Dimension::Day => date.to_string(),
            Dimension::Week => {
                let (y, wk, _) = date.to_iso_week_date();
                format!("{y:04}-W{wk:02}")
            }
            Dimension::Month => format!("{:04}-{:02}", date.year(), u8::from(date.month())),
            Dimension::Quarter => {
                format!(
                    "{:04}-Q{}",
                    date.year(),
                    (u8::from(date.month()) - 1) / 3 + 1
                )
            }
        })
    }

    /// The answer computed response by response: (key labels, histogram), sorted.
    fn brute_force(w: &World, q: &Query) -> Vec<(Vec<String>, Histogram)> {
        let mut groups: HashMap<Vec<String>, Histogram> = HashMap::new();
        'rows: for r in &w.responses {
            let shape = w.surveys.iter().find(|(id, _)| *id == r.survey).unwrap().1;
            if shape.kind != q.kind {
                continue;
            }
            let date = date_of(r.day);
            if q.from.is_some_and(|f| date < f) || q.to.is_some_and(|t| date > t) {
                continue;
            }
            for f in &q.filters {
                match label(w, r, &f.dimension) {
                    Some(l) if f.values.iter().any(|v| v.to_string() == l) => {}
                    _ => continue 'rows,
                }
            }
            let mut key = Vec::new();
            for d in &q.by {
                match label(w, r, d) {
                    Some(l) => key.push(l),
                    None => continue 'rows,
                }
            }
            groups.entry(key).or_default().record(r.score);
        }
        let mut out: Vec<_> = groups.into_iter().collect();
        out.sort();
        out
    }

    fn sorted(answer: Answer) -> Vec<(Vec<String>, Histogram)> {
        let mut out: Vec<_> = answer
            .groups
            .iter()
            .map(|g| {
                let key = answer.key(g).map(ToString::to_string).collect();
                (key, g.histogram)
            })
            .collect();
        out.sort();
        out
    }

    #[test]
    fn the_index_answers_what_a_brute_force_count_answers_for_random_queries() {
        let dims = [
            Dimension::Survey,
            Dimension::Touchpoint,
            Dimension::TouchpointId,
            Dimension::Stage,
            Dimension::Journey,
            Dimension::Channel,
            Dimension::Locale,
            Dimension::Attribute("team".into()),
            Dimension::Attribute("plan".into()),
            Dimension::Attribute("nobody-has-this".into()),
            Dimension::Day,
            Dimension::Week,
            Dimension::Month,
            Dimension::Quarter,
        ];
        for seed in 1..=12u64 {
            let w = world(seed * 7919, 3_000);
            let index = index_of(&w);
            let mut rng = Rng(seed);
            for _ in 0..40 {
                let kind = [SurveyKind::Nps, SurveyKind::Csat, SurveyKind::Ces][rng.below(3)];
                let by: Vec<Dimension> = (0..rng.below(4))
                    .map(|_| dims[rng.below(dims.len())].clone())
                    .collect();
                let mut filters = Vec::new();
                for _ in 0..rng.below(3) {
                    let d = dims[rng.below(dims.len() - 4)].clone();
                    let r = &w.responses[rng.below(w.responses.len())];
                    let values = label(&w, r, &d)
                        .map(|l| Label::parse(&d, &l))
                        .into_iter()
                        .collect();
                    filters.push(Filter {
                        dimension: d,
                        values,
                    });
                }
                let base = time::macros::date!(2025 - 12 - 20);
                let from =
                    (rng.below(3) == 0).then(|| base + time::Duration::days(rng.below(60) as i64));
                let to = (rng.below(3) == 0)
                    .then(|| base + time::Duration::days(60 + rng.below(60) as i64));
                let q = Query {
                    kind,
                    scale: None,
                    filters,
                    by,
                    from,
                    to,
                };
                let got = sorted(index.query(&q, &w.layout).unwrap());
                assert_eq!(got, brute_force(&w, &q), "seed {seed}, {q:?}");
            }
        }
    }

    /// Found by the `metrics_params` fuzz target (`?metric=nps&to=1013-01-01`): with `to` but
    /// no `from`, and `to` before the first response's day, the day table was one day long from
    /// that first day, so its responses were counted although they came after `to`.
    #[test]
    fn a_to_date_before_every_response_counts_nothing() {
        let w = world(5, 300);
        let index = index_of(&w);
        for to in [
            time::macros::date!(1013 - 01 - 01),
            time::macros::date!(2025 - 12 - 19),
        ] {
            let q = Query {
                kind: SurveyKind::Nps,
                scale: None,
                filters: Vec::new(),
                by: Vec::new(),
                from: None,
                to: Some(to),
            };
            assert!(
                index.query(&q, &w.layout).unwrap().groups.is_empty(),
                "{to}"
            );
            let by_day = Query {
                by: vec![Dimension::Day],
                ..q
            };
            let got = sorted(index.query(&by_day, &w.layout).unwrap());
            assert_eq!(got, brute_force(&w, &by_day), "{to}");
            assert!(got.is_empty(), "{to}");
        }
    }

    #[test]
    fn removed_responses_stop_counting() {
        let w = world(42, 500);
        let mut index = index_of(&w);
        let q = Query {
            kind: SurveyKind::Nps,
            scale: None,
            filters: Vec::new(),
            by: Vec::new(),
            from: None,
            to: None,
        };
        let before = index.query(&q, &w.layout).unwrap().groups[0].histogram.n();
        let nps: Vec<ResponseId> = w
            .responses
            .iter()
            .filter(|r| {
                w.surveys
                    .iter()
                    .any(|(id, s)| *id == r.survey && s.kind == SurveyKind::Nps)
            })
            .take(10)
            .map(|r| r.id)
            .collect();
        assert_eq!(index.remove(&nps), 10);
        assert_eq!(index.remove(&nps), 0, "already out");
        let after = index.query(&q, &w.layout).unwrap().groups[0].histogram.n();
        assert_eq!(after, before - 10);
        assert_eq!(index.len(), 490);
    }

    #[test]
    fn weeks_are_iso_weeks_and_quarters_start_in_january() {
        let cases = [
            (time::macros::date!(2026 - 01 - 01), "2026-W01", "2026-Q1"),
            (time::macros::date!(2027 - 01 - 01), "2026-W53", "2027-Q1"),
            (time::macros::date!(2025 - 12 - 29), "2026-W01", "2025-Q4"),
            (time::macros::date!(2026 - 11 - 09), "2026-W46", "2026-Q4"),
        ];
        for (date, week, quarter) in cases {
            let d = day_of(date);
            assert_eq!(
                time_buckets(&Dimension::Week, d, d).labels[0].to_string(),
                week
            );
            assert_eq!(
                time_buckets(&Dimension::Quarter, d, d).labels[0].to_string(),
                quarter
            );
            assert_eq!(date_of(d), date);
        }
    }

    #[test]
    fn a_panicking_scan_thread_fails_the_query_instead_of_counting_less() {
        let w = world(11, 500);
        let index = index_of(&w);
        let q = Query {
            kind: SurveyKind::Nps,
            scale: None,
            filters: Vec::new(),
            by: vec![Dimension::Channel],
            from: None,
            to: None,
        };
        assert!(!index.query(&q, &w.layout).unwrap().groups.is_empty());
        test_hook::arm(true);
        let got = index.query(&q, &w.layout);
        test_hook::arm(false);
        assert_eq!(got, Err(QueryError::ScanFailed));
        assert!(index.query(&q, &w.layout).is_ok(), "disarmed again");
    }

    #[test]
    fn groups_come_out_in_the_order_of_their_labels_text() {
        let w = world(13, 3_000);
        let index = index_of(&w);
        let q = Query {
            kind: SurveyKind::Nps,
            scale: None,
            filters: Vec::new(),
            by: vec![
                Dimension::Channel,
                Dimension::Locale,
                Dimension::Attribute("team".into()),
                Dimension::Week,
            ],
            from: None,
            to: None,
        };
        let answer = index.query(&q, &w.layout).unwrap();
        let keys: Vec<Vec<String>> = answer
            .groups
            .iter()
            .map(|g| answer.key(g).map(ToString::to_string).collect())
            .collect();
        let mut sorted = keys.clone();
        sorted.sort();
        assert!(keys.len() > 50);
        assert_eq!(keys, sorted);
    }

    #[test]
    fn a_scan_over_more_counts_than_a_cache_holds_counts_what_a_brute_force_count_does() {
        // Enough groups that the scan sorts slots into parts before adding them.
        let w = world(17, 6_000);
        let index = index_of(&w);
        let q = Query {
            kind: SurveyKind::Nps,
            scale: None,
            filters: Vec::new(),
            by: vec![
                Dimension::Survey,
                Dimension::Locale,
                Dimension::Attribute("team".into()),
                Dimension::Channel,
                Dimension::Day,
            ],
            from: None,
            to: None,
        };
        let answer = index.query(&q, &w.layout).unwrap();
        let grid: usize = answer.labels.iter().map(Vec::len).product();
        assert!(grid * 11 > 2 * PART_SLOTS, "{grid} groups");
        assert_eq!(sorted(answer), brute_force(&w, &q));
    }

    #[test]
    fn filter_values_are_typed_only_when_written_as_labels_are() {
        let id = SurveyId::new();
        assert_eq!(
            Label::parse(&Dimension::Survey, &id.to_string()),
            Label::Survey(id)
        );
        let upper = id.to_string().to_uppercase();
        assert_eq!(
            Label::parse(&Dimension::Survey, &upper),
            Label::Text(upper.clone())
        );
        assert_eq!(
            Label::parse(&Dimension::Channel, "web"),
            Label::Channel(Channel::Web)
        );
        assert_eq!(
            Label::parse(&Dimension::Locale, "CY"),
            Label::Locale(Locale::Cy)
        );
    }

    #[test]
    fn too_many_groups_is_refused_before_any_work() {
        let w = world(3, 10);
        let index = index_of(&w);
        let q = Query {
            kind: SurveyKind::Nps,
            scale: None,
            filters: Vec::new(),
            by: vec![
                Dimension::Day,
                Dimension::Day,
                Dimension::Day,
                Dimension::Day,
            ],
            from: Some(time::macros::date!(2000 - 01 - 01)),
            to: Some(time::macros::date!(2030 - 01 - 01)),
        };
        assert!(matches!(
            index.query(&q, &w.layout),
            Err(QueryError::TooManyGroups(_))
        ));
    }
}
