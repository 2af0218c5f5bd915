//! Web figures (issue 13): each workspace's event index (`taith_metrics::events`), built from
//! the store on the workspace's first question (or at start-up, in the background) and kept
//! caught up by tailing the store — every 500 ms in the background and before each question —
//! so that an event written by any process or node counts within about a second. The figures
//! are answered here once, for the API, the dashboard page, the journey and the CLI.

use serde::Serialize;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::time::{Duration, Instant};
use taith_domain::{
    Event, EventDetail, EventId, Issue, Locale, ValidationErrors, WorkspaceId, event::url_path,
};
use taith_metrics::events::{
    EventIndex, EventKind, Figure, FunnelStep, IndexedEvent, WebGroup, WebMetric, WebQuery,
    WebQueryError,
};
use taith_metrics::index::{Dimension, Filter, Label, Layout};
use taith_store::{Store, StoreError};
use time::Date;
use tokio::sync::RwLock;

/// How often the background tailer catches every built index up.
const TAIL_EVERY: Duration = Duration::from_millis(500);
/// How far back (in ids, which are times) a catch-up re-reads: a batch committed later than
/// its ids were made (PostgreSQL commits concurrent batches in any order) is still found.
const TAIL_WINDOW: Duration = Duration::from_secs(30);
/// Events per page read from the store.
const PAGE: u32 = 10_000;

/// One workspace's index and what the tail has seen.
struct Built {
    index: EventIndex,
    /// Ids at or after this are re-read on each catch-up; ids seen there are in `recent`.
    from: Option<EventId>,
    recent: HashSet<EventId>,
    last: Option<Instant>,
}

/// Every workspace's event index, shared by the process.
#[derive(Clone, Default)]
pub struct WebStats {
    indexes: Arc<RwLock<HashMap<WorkspaceId, Built>>>,
    /// One build or catch-up at a time per process (they read the store, then add).
    busy: Arc<tokio::sync::Mutex<()>>,
}

impl std::fmt::Debug for WebStats {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("WebStats")
    }
}

/// The smallest UUIDv7 of the millisecond `at`.
fn first_id_at(at: time::OffsetDateTime) -> EventId {
    let ms = u64::try_from(at.unix_timestamp_nanos() / 1_000_000).unwrap_or(0);
    let mut bytes = [0u8; 16];
    bytes[..6].copy_from_slice(&ms.to_be_bytes()[2..]);
    EventId(uuid::Uuid::from_bytes(bytes))
}

/// The host of a referrer URL (`https://news.example/a` → `news.example`).
pub fn referrer_host(referrer: &str) -> Option<String> {
    let r = referrer.trim();
    let rest = r.split_once("://").map_or(r, |(_, rest)| rest);
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.rsplit('@').next().unwrap_or(host);
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then(|| host.to_ascii_lowercase())
}

/// The text of the ids and subject an event is indexed by.
struct Keys {
    session: String,
    visitor: String,
    subject: String,
    source: Option<String>,
    site: Option<String>,
}

fn keys(e: &Event) -> Keys {
    let day = e.occurred_at.unix_timestamp().div_euclid(86_400);
    let visitor = match (&e.visitor_id, &e.customer_id) {
        (Some(v), _) => format!("v:{v}"),
        (None, Some(c)) => format!("c:{c}"),
        (None, None) => match &e.session_id {
            Some(s) => format!("s:{s}"),
            None => format!("e:{}", e.id),
        },
    };
    // Without a session id, a visitor's events of one day are one session.
    let session = match &e.session_id {
        Some(s) => format!("s:{s}"),
        None => format!("{visitor}:{day}"),
    };
    let subject = match &e.detail {
        EventDetail::PageView => e.url.as_deref().map(url_path).unwrap_or("").to_owned(),
        EventDetail::Search { query, .. } => query.clone(),
        EventDetail::Conversion { goal, .. } => goal.clone(),
        EventDetail::Task { name, .. } => name.clone(),
        EventDetail::Error { kind } => kind.clone(),
        EventDetail::Click { target } => target.clone(),
    };
    Keys {
        session,
        visitor,
        subject,
        source: e.attributes.get("referrer").and_then(|r| referrer_host(r)),
        site: e.site_id.map(|s| s.to_string()),
    }
}

fn kind(d: &EventDetail) -> EventKind {
    match d {
        EventDetail::PageView => EventKind::PageView,
        EventDetail::Search { result_count, .. } => EventKind::Search {
            zero_results: *result_count == Some(0),
        },
        EventDetail::Conversion { .. } => EventKind::Conversion,
        EventDetail::Task { success, .. } => EventKind::Task { success: *success },
        EventDetail::Error { .. } => EventKind::Error,
        EventDetail::Click { .. } => EventKind::Click,
    }
}

fn add(index: &mut EventIndex, events: &[Event]) {
    for e in events {
        let k = keys(e);
        index.add_one(&IndexedEvent {
            at: e.occurred_at.unix_timestamp(),
            kind: kind(&e.detail),
            subject: &k.subject,
            visitor: &k.visitor,
            session: &k.session,
            touchpoint: e.touchpoint_id,
            channel: e.channel,
            locale: e.locale.unwrap_or(Locale::En),
            site: k.site.as_deref(),
            source: k.source.as_deref(),
        });
    }
}

impl WebStats {
    /// Builds the workspace's index from the store unless it is built.
    async fn ensure_built(&self, store: &dyn Store, ws: WorkspaceId) -> Result<(), StoreError> {
        if self.indexes.read().await.contains_key(&ws) {
            return Ok(());
        }
        let _busy = self.busy.lock().await;
        if self.indexes.read().await.contains_key(&ws) {
            return Ok(());
        }
        let started = Instant::now();
        let window = first_id_at(taith_domain::now() - TAIL_WINDOW);
        let mut index = EventIndex::new();
        let mut recent = HashSet::new();
        let mut after = None;
        loop {
            let page = store.events_after(ws, after, PAGE).await?;
            let Some(last) = page.last() else { break };
            after = Some(last.id);
            recent.extend(page.iter().map(|e| e.id).filter(|id| *id >= window));
            add(&mut index, &page);
            if page.len() < PAGE as usize {
                break;
            }
        }
        index.compact();
        tracing::info!(workspace = %ws, events = index.len(), sessions = index.sessions(), took = ?started.elapsed(), "event index built");
        self.indexes.write().await.insert(
            ws,
            Built {
                index,
                from: Some(window),
                recent,
                last: None,
            },
        );
        Ok(())
    }

    /// Adds what the store holds that the index has not counted (written by this or any
    /// other process): the ids of the last [`TAIL_WINDOW`] are re-read, those seen skipped.
    async fn catch_up(&self, store: &dyn Store, ws: WorkspaceId) -> Result<(), StoreError> {
        // `from` is read under `busy`: a catch-up that waited for another must start from
        // where that one left off, or it would re-read ids the other has since forgotten.
        let _busy = self.busy.lock().await;
        let from = {
            let indexes = self.indexes.read().await;
            match indexes.get(&ws) {
                None => return Ok(()),
                Some(b) if b.last.is_some_and(|l| l.elapsed() < TAIL_EVERY / 4) => return Ok(()),
                Some(b) => b.from,
            }
        };
        let now = taith_domain::now();
        let window = first_id_at(now - TAIL_WINDOW);
        // Read from just before the window (ids compare as their times do; the store's
        // `after` is exclusive).
        let mut after =
            from.map(|f| EventId(uuid::Uuid::from_u128(f.0.as_u128().saturating_sub(1))));
        let mut fresh = Vec::new();
        loop {
            let page = store.events_after(ws, after, PAGE).await?;
            let Some(last) = page.last() else { break };
            after = Some(last.id);
            let full = page.len() == PAGE as usize;
            fresh.extend(page);
            if !full {
                break;
            }
        }
        let mut indexes = self.indexes.write().await;
        let Some(b) = indexes.get_mut(&ws) else {
            return Ok(());
        };
        let new: Vec<Event> = fresh
            .into_iter()
            .filter(|e| !b.recent.contains(&e.id))
            .collect();
        add(&mut b.index, &new);
        b.recent.extend(new.iter().map(|e| e.id));
        b.recent.retain(|id| *id >= window);
        b.from = Some(b.from.map_or(window, |f| f.max(window)));
        b.last = Some(Instant::now());
        Ok(())
    }

    /// Drops the workspace's index, so the next question builds it again from the store:
    /// after the retention run deleted events, which the tail (it only adds) cannot see.
    pub async fn rebuild(&self, ws: WorkspaceId) {
        let _one_at_a_time = self.busy.lock().await;
        self.indexes.write().await.remove(&ws);
    }

    /// Keeps every built index caught up, every [`TAIL_EVERY`].
    pub fn tail_in_background(&self, store: taith_store::SharedStore) {
        let stats = self.clone();
        tokio::spawn(async move {
            let mut every = tokio::time::interval(TAIL_EVERY);
            every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            loop {
                every.tick().await;
                let built: Vec<WorkspaceId> = stats.indexes.read().await.keys().copied().collect();
                for ws in built {
                    if let Err(e) = stats.catch_up(store.as_ref(), ws).await {
                        tracing::warn!(workspace = %ws, error = %e, "event index tail failed; trying again");
                    }
                }
            }
        });
    }

    /// Builds the index of every workspace with events, in the background (start-up).
    pub fn build_all_in_background(&self, store: taith_store::SharedStore) {
        let stats = self.clone();
        tokio::spawn(async move {
            let workspaces = match store.event_workspaces().await {
                Ok(w) => w,
                Err(e) => {
                    tracing::error!(error = %e, "cannot list the workspaces with events");
                    return;
                }
            };
            for ws in workspaces {
                if let Err(e) = stats.ensure_built(store.as_ref(), ws).await {
                    tracing::error!(workspace = %ws, error = %e, "building the event index failed");
                }
            }
        });
    }

    /// Runs `f` over the workspace's index, built and caught up first.
    async fn with_index<T>(
        &self,
        store: &dyn Store,
        ws: WorkspaceId,
        f: impl FnOnce(&EventIndex) -> T,
    ) -> Result<T, StoreError> {
        self.ensure_built(store, ws).await?;
        self.catch_up(store, ws).await?;
        let indexes = self.indexes.read().await;
        let empty = EventIndex::new();
        Ok(f(indexes.get(&ws).map_or(&empty, |b| &b.index)))
    }

    /// Answers a web figure for workspace `ws` (the API's, the page's and the CLI's).
    pub async fn figures(
        &self,
        store: &dyn Store,
        ws: WorkspaceId,
        layout: &Layout,
        request: &WebRequest,
    ) -> Result<WebAnswer, WebStatsError> {
        let q = request.query();
        let groups = self
            .with_index(store, ws, |i| i.query(&q, layout))
            .await?
            .map_err(WebStatsError::from_query)?;
        Ok(WebAnswer {
            metric: request.metric,
            by: request.by.iter().map(|d| d.name().to_owned()).collect(),
            groups,
        })
    }

    /// A funnel's sessions per step, over the sessions `scope` filters (its metric is not
    /// read).
    pub async fn funnel(
        &self,
        store: &dyn Store,
        ws: WorkspaceId,
        layout: &Layout,
        steps: &[FunnelStep],
        scope: &WebRequest,
    ) -> Result<Vec<u64>, WebStatsError> {
        self.with_index(store, ws, |i| {
            i.funnel(steps, &scope.filters, scope.from, scope.to, layout)
        })
        .await?
        .map_err(WebStatsError::from_query)
    }

    /// The goals seen in the workspace's events.
    pub async fn goals(
        &self,
        store: &dyn Store,
        ws: WorkspaceId,
    ) -> Result<Vec<String>, StoreError> {
        self.with_index(store, ws, |i| {
            i.subjects(EventKind::Conversion)
                .into_iter()
                .map(str::to_owned)
                .collect()
        })
        .await
    }

    /// Events counted for the workspace (0 when it has none).
    pub async fn events_counted(
        &self,
        store: &dyn Store,
        ws: WorkspaceId,
    ) -> Result<usize, StoreError> {
        self.with_index(store, ws, EventIndex::len).await
    }
}

/// A web figures question, as the API's query string and the CLI's flags give it.
#[derive(Debug, Clone)]
pub struct WebRequest {
    pub metric: WebMetric,
    pub goal: Option<String>,
    pub by: Vec<Dimension>,
    pub from: Option<Date>,
    pub to: Option<Date>,
    pub filters: Vec<Filter>,
}

impl WebRequest {
    /// Whether `metric` names a web figure.
    pub fn is_web_metric(metric: &str) -> bool {
        WebMetric::parse(metric.trim()).is_some()
    }

    /// Reads the parameters as the survey metrics' are (`by`, `from`, `to`, `where`), plus
    /// `goal` for the conversion rate.
    pub fn parse(
        metric: &str,
        goal: Option<&str>,
        by: Option<&str>,
        from: Option<&str>,
        to: Option<&str>,
        wheres: &[(String, String)],
    ) -> Result<WebRequest, ValidationErrors> {
        let mut e = ValidationErrors::default();
        let metric = WebMetric::parse(metric.trim());
        if metric.is_none() {
            e.push("metric", Issue::UnknownValue);
        }
        let goal = goal.map(str::trim).filter(|g| !g.is_empty());
        if goal.is_some_and(|g| g.chars().count() > 200) {
            e.push("goal", Issue::TooLong);
        }
        if goal.is_some() && metric != Some(WebMetric::ConversionRate) {
            e.push("goal", Issue::UnknownValue);
        }
        let rest = crate::metrics::MetricsRequest::parse("nps", None, by, from, to, wheres);
        let rest = match rest {
            Ok(r) => Some(r),
            Err(errs) => {
                for i in errs.0 {
                    e.push(i.field, i.issue);
                }
                None
            }
        };
        e.into_result()?;
        let (Some(metric), Some(rest)) = (metric, rest) else {
            return Err(ValidationErrors::default());
        };
        Ok(WebRequest {
            metric,
            goal: goal.map(str::to_owned),
            by: rest.by,
            from: rest.from,
            to: rest.to,
            filters: rest.filters,
        })
    }

    fn query(&self) -> WebQuery {
        WebQuery {
            metric: self.metric,
            goal: self.goal.clone(),
            filters: self.filters.clone(),
            by: self.by.clone(),
            from: self.from,
            to: self.to,
        }
    }
}

/// Why a web figure has no answer.
#[derive(Debug, thiserror::Error)]
pub enum WebStatsError {
    #[error("invalid request")]
    Invalid(ValidationErrors),
    #[error("too many groups")]
    TooManyGroups,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl WebStatsError {
    fn from_query(e: WebQueryError) -> WebStatsError {
        let mut v = ValidationErrors::default();
        match e {
            WebQueryError::EmptyRange => v.push("to", Issue::UnknownValue),
            WebQueryError::TooManyGroups(_) => return WebStatsError::TooManyGroups,
            WebQueryError::Unsupported(d) => {
                let _ = d;
                v.push("by", Issue::UnknownValue);
            }
        }
        WebStatsError::Invalid(v)
    }
}

/// An answer: `{"metric": "bounce_rate", "groups": [...]}`.
#[derive(Debug, Clone)]
pub struct WebAnswer {
    pub metric: WebMetric,
    pub by: Vec<String>,
    pub groups: Vec<WebGroup>,
}

/// One group as written: its key, n, value, interval, small-sample flag, and the metric's
/// own counts.
#[derive(Debug, Clone, Serialize)]
pub struct WebGroupOut {
    pub key: std::collections::BTreeMap<String, String>,
    pub n: u64,
    pub value: Option<f64>,
    pub ci95: Option<[f64; 2]>,
    pub small_sample: bool,
    /// Proportions: the sessions, tasks or searches counted as good (bounced, converted,
    /// failed with an error, succeeded, without results).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub count: Option<u64>,
    /// Session duration: the median, in seconds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub median: Option<Option<f64>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct WebAnswerOut {
    pub metric: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub goal: Option<String>,
    pub groups: Vec<WebGroupOut>,
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

impl WebAnswer {
    pub fn out(&self, goal: Option<&str>) -> WebAnswerOut {
        WebAnswerOut {
            metric: self.metric.as_str(),
            goal: goal.map(str::to_owned),
            groups: self
                .groups
                .iter()
                .map(|g| {
                    let f = g.figure;
                    WebGroupOut {
                        key: self
                            .by
                            .iter()
                            .cloned()
                            .zip(g.key.iter().map(Label::to_string))
                            .collect(),
                        n: f.n(),
                        value: f.value().map(round1),
                        ci95: f.ci95().map(|(a, b)| [round1(a), round1(b)]),
                        small_sample: f.small_sample(),
                        count: match f {
                            Figure::Proportion { good, .. } => Some(good),
                            _ => None,
                        },
                        median: match f {
                            Figure::Duration { median, .. } => Some(median),
                            _ => None,
                        },
                    }
                })
                .collect(),
        }
    }

    /// The ungrouped figure (nothing counted when there are no groups).
    pub fn total(&self) -> Figure {
        self.groups.first().map_or(Figure::Count(0), |g| g.figure)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn referrers_become_hosts() {
        assert_eq!(
            referrer_host("https://www.News.example/a?b=1").as_deref(),
            Some("news.example")
        );
        assert_eq!(referrer_host("").as_deref(), None);
        assert_eq!(
            referrer_host("android-app://com.x").as_deref(),
            Some("com.x")
        );
    }
}
