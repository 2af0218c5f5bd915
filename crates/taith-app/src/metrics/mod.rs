//! The analytics index of each workspace (`taith_metrics::index`), kept beside the store: built
//! from the store on a workspace's first metrics question (the build is logged), fed every
//! response the group-commit writer stores, and asked by the metrics API, the CLI and the
//! dashboards through [`Analytics::metrics`] — one function, so all of them give the same JSON.

use serde::Serialize;
use serde::ser::{SerializeMap as _, SerializeSeq as _, SerializeStruct as _};
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Instant;
use taith_domain::{Issue, NewResponse, Scale, Survey, SurveyId, ValidationErrors, WorkspaceId};
use taith_metrics::index::{
    Answer, Dimension, Filter, Group, Index, IndexedResponse, Label, Layout, Place, Query,
    SurveyShape, day_of,
};
use taith_metrics::{Detail, Histogram, Metric, MetricValue};
use taith_store::{
    MetricsContextVersion, PageRequest, ResponseToStore, Store, StoreError, StoredResponse,
};
use time::Date;
use tokio::sync::RwLock;

/// Every workspace's index that has been built, shared by the whole process.
#[derive(Clone, Default)]
pub struct Analytics {
    indexes: Arc<RwLock<HashMap<WorkspaceId, Index>>>,
    /// Writers hold it shared from their insert until their responses are counted; a build
    /// holds it alone. So a response committed while a workspace's index is being read from
    /// the store is never counted twice (once by the build, once by `record`).
    gate: Arc<RwLock<()>>,
    /// Per built workspace, what the catch-up has seen of recent ids (see [`Tail`]).
    tails: Arc<std::sync::Mutex<HashMap<WorkspaceId, Tail>>>,
    /// Per workspace, its surveys and journeys as last read, with the version they were read
    /// at (see [`Analytics::context`]).
    contexts: Arc<std::sync::Mutex<HashMap<WorkspaceId, CachedContext>>>,
}

#[derive(Debug)]
struct CachedContext {
    version: MetricsContextVersion,
    context: Arc<MetricsContext>,
}

/// Responses written by another process (a `taith import` while the server runs, another
/// node on the same PostgreSQL) do not pass through this process's writer. Before answering,
/// the index reads the responses whose ids are younger than [`TAIL_WINDOW`] — ids are
/// time-ordered and made when a writer starts — and adds those it has not seen. A writer
/// whose commit comes more than the window after it made its ids would be missed until the
/// next start; an import of 100,000 rows takes about 5 s.
#[derive(Debug, Default)]
struct Tail {
    /// Ids at or after this one are re-read on each catch-up.
    from: Option<taith_domain::ResponseId>,
    /// The responses counted whose ids are at or after `from`.
    known: std::collections::HashSet<taith_domain::ResponseId>,
    last: Option<Instant>,
    /// Deletions logged at or after this time are re-read on each catch-up (see
    /// [`taith_store::ResponseStore::response_deletions_since`]).
    deletions_from: Option<time::OffsetDateTime>,
    /// Deletions already taken out of the index, with when they were logged, so that
    /// re-reading the overlap does not scan the index again.
    uncounted: HashMap<taith_domain::ResponseId, time::OffsetDateTime>,
}

/// How far back a catch-up re-reads.
const TAIL_WINDOW: std::time::Duration = std::time::Duration::from_secs(60);
/// How often the background tailer catches every built index up with the store.
const TAIL_EVERY: std::time::Duration = std::time::Duration::from_millis(500);
/// Most responses one catch-up reads (the rest wait for the next).
const TAIL_MOST: usize = 100_000;

/// The smallest UUIDv7 of the millisecond `at` (its timestamp, every other bit zero): ids
/// compare bytewise in both stores.
fn first_id_at(at: time::OffsetDateTime) -> taith_domain::ResponseId {
    let ms = u64::try_from(at.unix_timestamp_nanos() / 1_000_000).unwrap_or(0);
    let mut bytes = [0u8; 16];
    bytes[..6].copy_from_slice(&ms.to_be_bytes()[2..]);
    taith_domain::ResponseId(uuid::Uuid::from_bytes(bytes))
}

impl std::fmt::Debug for Analytics {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Analytics")
    }
}

/// A response as the index takes it.
pub fn indexed(r: &NewResponse) -> IndexedResponse {
    IndexedResponse {
        id: r.id,
        survey: r.survey_id,
        touchpoint: r.touchpoint_id,
        channel: r.channel,
        locale: r.locale,
        day: day_of(r.submitted_at.to_offset(time::UtcOffset::UTC).date()),
        score: r.score,
        attributes: r
            .attributes
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect(),
    }
}

/// A survey as the index counts it.
pub fn shape(s: &Survey) -> SurveyShape {
    SurveyShape {
        kind: s.fields.kind,
        scale: s.fields.scale,
    }
}

impl Analytics {
    /// The response attributes seen in the workspace (for choosing what to compare).
    pub async fn attribute_keys(
        &self,
        store: &dyn Store,
        ws: WorkspaceId,
    ) -> Result<Vec<String>, StoreError> {
        self.ensure_built(store, ws).await?;
        self.catch_up(store, ws).await?;
        Ok(self
            .indexes
            .read()
            .await
            .get(&ws)
            .map(|i| i.attribute_keys().to_vec())
            .unwrap_or_default())
    }

    /// Held by the response writer from before its insert until [`Analytics::record`].
    pub async fn writing(&self) -> tokio::sync::OwnedRwLockReadGuard<()> {
        self.gate.clone().read_owned().await
    }

    /// Counts responses the writer has just stored (only those it created): in indexes
    /// already built; a workspace not built yet reads them from the store when it is.
    pub async fn record(&self, items: &[ResponseToStore], results: &[StoredResponse]) {
        // Rows are made outside the write lock: questions wait only for the appends. (No build
        // can start meanwhile: the writer holds `gate`.)
        let built: std::collections::HashSet<WorkspaceId> =
            self.indexes.read().await.keys().copied().collect();
        let mut by_workspace: HashMap<WorkspaceId, Vec<IndexedResponse>> = HashMap::new();
        for (item, result) in items.iter().zip(results) {
            if result.created && built.contains(&item.workspace_id) {
                by_workspace
                    .entry(item.workspace_id)
                    .or_default()
                    .push(indexed(&item.response));
            }
        }
        if by_workspace.is_empty() {
            return;
        }
        let mut indexes = self.indexes.write().await;
        let mut tails = self.tails.lock().unwrap_or_else(|e| e.into_inner());
        for (ws, rows) in by_workspace {
            if let Some(tail) = tails.get_mut(&ws) {
                tail.known.extend(rows.iter().map(|r| r.id));
                // Bounded without questions: ids older than the window are never re-read.
                if tail.known.len() > 200_000 {
                    let from = first_id_at(taith_domain::now() - TAIL_WINDOW);
                    tail.known.retain(|id| *id >= from);
                    tail.from = Some(tail.from.map_or(from, |f| f.max(from)));
                }
            }
            if let Some(index) = indexes.get_mut(&ws) {
                index.add(&rows);
            }
        }
    }

    /// Stops counting responses this process deleted from the store.
    pub async fn forget(&self, ws: WorkspaceId, ids: &[taith_domain::ResponseId]) {
        if let Some(index) = self.indexes.write().await.get_mut(&ws) {
            index.remove(ids);
        }
    }

    /// Adds responses another process stored since the last catch-up (see [`Tail`]).
    async fn catch_up(&self, store: &dyn Store, ws: WorkspaceId) -> Result<(), StoreError> {
        {
            let tails = self.tails.lock().unwrap_or_else(|e| e.into_inner());
            match tails.get(&ws) {
                // Half the tailer's period: its own ticks always pass, a burst of questions
                // between two ticks reads the store once.
                Some(t) if t.last.is_some_and(|l| l.elapsed() < TAIL_EVERY / 2) => return Ok(()),
                Some(_) => {}
                None => return Ok(()),
            }
        }
        // No writer between insert and count while the store is read, as for a build.
        let _no_writers = self.gate.write().await;
        let (after, mut known) = {
            let mut tails = self.tails.lock().unwrap_or_else(|e| e.into_inner());
            let Some(t) = tails.get_mut(&ws) else {
                return Ok(());
            };
            (t.from, std::mem::take(&mut t.known))
        };
        let mut new_rows = Vec::new();
        each_page_after(store, ws, after, TAIL_MOST, |page| {
            for r in page {
                if known.insert(r.id) {
                    new_rows.push(indexed(r));
                }
            }
        })
        .await?;
        if !new_rows.is_empty() {
            tracing::info!(workspace = %ws, responses = new_rows.len(), "analytics index: counted responses stored by another process");
            if let Some(index) = self.indexes.write().await.get_mut(&ws) {
                index.add(&new_rows);
            }
        }
        self.uncount_deleted(store, ws).await?;
        let from = first_id_at(taith_domain::now() - TAIL_WINDOW);
        known.retain(|id| *id >= from);
        let mut tails = self.tails.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(t) = tails.get_mut(&ws) {
            // Ids recorded by this process's writer meanwhile stay known too.
            t.known.extend(known);
            t.from = Some(from);
            t.last = Some(Instant::now());
        }
        Ok(())
    }

    /// Stops counting responses another process deleted. The deletion log is re-read from
    /// [`TAIL_WINDOW`] before the newest deletion seen, since PostgreSQL commits need not
    /// become visible in the order of their times; what was taken out already is skipped.
    async fn uncount_deleted(&self, store: &dyn Store, ws: WorkspaceId) -> Result<(), StoreError> {
        let since = {
            let tails = self.tails.lock().unwrap_or_else(|e| e.into_inner());
            match tails.get(&ws).and_then(|t| t.deletions_from) {
                Some(since) => since,
                None => return Ok(()),
            }
        };
        let logged = store.response_deletions_since(ws, since).await?;
        let (newest, fresh) = {
            let mut tails = self.tails.lock().unwrap_or_else(|e| e.into_inner());
            let Some(t) = tails.get_mut(&ws) else {
                return Ok(());
            };
            let fresh: Vec<taith_domain::ResponseId> = logged
                .iter()
                .filter(|(id, at)| t.uncounted.insert(*id, *at) != Some(*at))
                .map(|(id, _)| *id)
                .collect();
            let newest = logged.iter().map(|(_, at)| *at).max();
            if let Some(newest) = newest {
                let from = newest - TAIL_WINDOW;
                t.deletions_from = Some(t.deletions_from.map_or(from, |f| f.max(from)));
                t.uncounted.retain(|_, at| *at >= from);
            }
            (newest, fresh)
        };
        if !fresh.is_empty() {
            let removed = match self.indexes.write().await.get_mut(&ws) {
                Some(index) => index.remove(&fresh),
                None => 0,
            };
            tracing::info!(workspace = %ws, deletions = fresh.len(), removed, ?newest, "analytics index: uncounted responses deleted by another process");
        }
        Ok(())
    }

    /// Catches every built workspace's index up with the store: what other processes stored
    /// or deleted. The background tailer calls it; a question also catches up first.
    pub async fn catch_up_all(&self, store: &dyn Store) {
        let built: Vec<WorkspaceId> = self.indexes.read().await.keys().copied().collect();
        for ws in built {
            if let Err(e) = self.catch_up(store, ws).await {
                tracing::warn!(workspace = %ws, error = &e as &dyn std::error::Error, "analytics tail failed; trying again");
            }
        }
    }

    /// Keeps every built index caught up with the store from the background, every
    /// [`TAIL_EVERY`], so that what another node stores or deletes counts here within about
    /// a second, asked or not.
    pub fn tail_in_background(&self, store: taith_store::SharedStore) {
        let analytics = self.clone();
        tokio::spawn(async move {
            let mut every = tokio::time::interval(TAIL_EVERY);
            every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            loop {
                every.tick().await;
                analytics.catch_up_all(store.as_ref()).await;
            }
        });
    }

    /// Builds every workspace's index, one after the other, in the background (start-up);
    /// a metrics question meanwhile builds its own workspace's first.
    pub fn build_all_in_background(&self, store: taith_store::SharedStore) {
        let analytics = self.clone();
        tokio::spawn(async move {
            let started = Instant::now();
            let workspaces = match store.all_workspaces().await {
                Ok(w) => w,
                Err(e) => {
                    tracing::error!(error = %e, "cannot list workspaces for the analytics index");
                    return;
                }
            };
            for w in &workspaces {
                if let Err(e) = analytics.ensure_built(store.as_ref(), w.id).await {
                    tracing::error!(workspace = %w.slug, error = %e, "building the analytics index failed");
                }
            }
            tracing::info!(workspaces = workspaces.len(), took = ?started.elapsed(), "analytics indexes ready");
        });
    }

    /// Builds the workspace's index from the store unless it is built.
    async fn ensure_built(&self, store: &dyn Store, ws: WorkspaceId) -> Result<(), StoreError> {
        if self.indexes.read().await.contains_key(&ws) {
            return Ok(());
        }
        // No writer between insert and count while the store is read (see `gate`).
        let _no_writers = self.gate.write().await;
        let mut indexes = self.indexes.write().await;
        if indexes.contains_key(&ws) {
            return Ok(());
        }
        let started = Instant::now();
        let started_at = taith_domain::now();
        // The ids of the last window, so that the first catch-up does not count them again.
        let window_start = first_id_at(started_at - TAIL_WINDOW);
        let mut recent = std::collections::HashSet::new();
        let mut index = Index::new();
        each_page_after(store, ws, None, usize::MAX, |page| {
            let rows: Vec<IndexedResponse> = page.iter().map(indexed).collect();
            recent.extend(rows.iter().map(|r| r.id).filter(|id| *id >= window_start));
            index.add(&rows);
            if index.len() % 100_000 < rows.len() {
                tracing::info!(workspace = %ws, responses = index.len(), "building the analytics index");
            }
        })
        .await?;
        index.compact();
        tracing::info!(workspace = %ws, responses = index.len(), took = ?started.elapsed(), "analytics index built");
        indexes.insert(ws, index);
        self.tails.lock().unwrap_or_else(|e| e.into_inner()).insert(
            ws,
            Tail {
                from: Some(first_id_at(started_at - TAIL_WINDOW)),
                known: recent,
                // The first question catches up at once: responses stored by another process
                // while this build read the store are counted then.
                last: None,
                // Deleted before the build read the store: not read, so not counted.
                deletions_from: Some(started_at - TAIL_WINDOW),
                uncounted: HashMap::new(),
            },
        );
        Ok(())
    }

    /// Answers a metrics request for workspace `ws` (the API's and the CLI's JSON).
    pub async fn metrics(
        &self,
        store: &dyn Store,
        ws: WorkspaceId,
        request: &MetricsRequest,
    ) -> Result<MetricsAnswer, MetricsError> {
        let context = self.context(store, ws).await?;
        self.metrics_in(store, ws, &context, request).await
    }

    /// The workspace's surveys and journeys (what labels and scales come from), read from the
    /// store only when they changed since they were last read.
    ///
    /// Whether they changed is asked of the store on every call — one aggregate over the
    /// workspace's survey and journey rows (counts, the sum of journey versions, the newest
    /// and a checksum of `updated_at`; see [`Store::metrics_context_version`]) — rather than
    /// told by this process's own edits or refreshed by a background tailer: another node on
    /// the same PostgreSQL (or a `taith` command on the same SQLite file) edits without this
    /// process hearing of it, and a tailer would answer from a stale map until its next round.
    /// The check is a few index pages; the reads it saves are every survey and every journey
    /// with its stages and touchpoints. The version is read before the data, so an edit in
    /// between makes the next call read again rather than keep stale data.
    pub async fn context(
        &self,
        store: &dyn Store,
        ws: WorkspaceId,
    ) -> Result<Arc<MetricsContext>, StoreError> {
        let version = store.metrics_context_version(ws).await?;
        {
            let contexts = self.contexts.lock().unwrap_or_else(|e| e.into_inner());
            if let Some(c) = contexts.get(&ws)
                && c.version == version
            {
                return Ok(c.context.clone());
            }
        }
        let context = Arc::new(MetricsContext::load(store, ws).await?);
        self.contexts
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(
                ws,
                CachedContext {
                    version,
                    context: context.clone(),
                },
            );
        Ok(context)
    }

    /// [`Analytics::metrics`] with the workspace's surveys and journeys read once by the
    /// caller, for a page that asks several questions.
    pub async fn metrics_in(
        &self,
        store: &dyn Store,
        ws: WorkspaceId,
        context: &MetricsContext,
        request: &MetricsRequest,
    ) -> Result<MetricsAnswer, MetricsError> {
        let (surveys, layout) = (&context.surveys, &context.layout);
        let query = request.query(surveys)?;
        let scale = query.scale.unwrap_or_else(|| query.kind.default_scale());
        self.ensure_built(store, ws).await?;
        self.catch_up(store, ws).await?;
        // Surveys made or changed since the index last heard of them (rare): under the write
        // lock; the question itself under the read lock, beside other questions.
        let stale = {
            let indexes = self.indexes.read().await;
            indexes.get(&ws).is_some_and(|index| {
                surveys
                    .iter()
                    .any(|s| index.survey_shape(s.id) != Some(shape(s)))
            })
        };
        if stale && let Some(index) = self.indexes.write().await.get_mut(&ws) {
            for s in surveys {
                index.set_survey(s.id, shape(s));
            }
        }
        let mut answer = {
            let indexes = self.indexes.read().await;
            let Some(index) = indexes.get(&ws) else {
                return Err(MetricsError::Store(StoreError::Internal(
                    "the analytics index vanished".into(),
                )));
            };
            index.query(&query, layout).map_err(|e| match e {
                taith_metrics::index::QueryError::TooManyGroups(_) => MetricsError::TooManyGroups,
                taith_metrics::index::QueryError::EmptyRange => {
                    MetricsError::invalid("from", Issue::UnknownValue)
                }
                taith_metrics::index::QueryError::ScanFailed => MetricsError::ScanFailed,
            })?
        };
        // The index gives the groups in key order; each figure is computed here, once.
        let mut groups: Vec<MetricsGroup> = std::mem::take(&mut answer.groups)
            .into_iter()
            .map(|g| MetricsGroup::of(request.metric, scale, g))
            .collect();
        // No grouping: one group with an empty key, also when nothing was counted.
        if request.by.is_empty() && groups.is_empty() {
            groups.push(MetricsGroup::of(
                request.metric,
                scale,
                Group {
                    number: 0,
                    histogram: Histogram::default(),
                },
            ));
        }
        Ok(MetricsAnswer {
            metric: request.metric,
            scale,
            by: request.by.clone(),
            keys: answer,
            groups,
        })
    }
}

/// Reads the workspace's responses with ids after `after`, oldest first, a page at a time,
/// until there are no more or `most` have been read.
async fn each_page_after(
    store: &dyn Store,
    ws: WorkspaceId,
    mut after: Option<taith_domain::ResponseId>,
    most: usize,
    mut each: impl FnMut(&[NewResponse]),
) -> Result<(), StoreError> {
    let mut read = 0;
    while read < most {
        let page = store
            .responses(
                ws,
                None,
                PageRequest {
                    after,
                    limit: 5_000,
                },
            )
            .await?;
        read += page.items.len();
        each(&page.items);
        match page.next {
            Some(next) => after = Some(next),
            None => break,
        }
    }
    Ok(())
}

/// What a metrics question needs besides the index: the workspace's surveys (their kinds and
/// scales) and where its touchpoints sit on its journeys now.
#[derive(Debug, Clone)]
pub struct MetricsContext {
    pub surveys: Vec<Survey>,
    pub layout: Layout,
}

impl MetricsContext {
    pub async fn load(store: &dyn Store, ws: WorkspaceId) -> Result<MetricsContext, StoreError> {
        Ok(MetricsContext {
            surveys: store.surveys(ws, PageRequest::all()).await?.items,
            layout: layout_of(store, ws).await?,
        })
    }
}

/// Where each touchpoint sits on the workspace's journeys now.
async fn layout_of(store: &dyn Store, ws: WorkspaceId) -> Result<Layout, StoreError> {
    let mut layout = Layout::default();
    for summary in store.journeys(ws, PageRequest::all()).await?.items {
        let journey = store.journey(ws, summary.id).await?;
        for tp in &journey.touchpoints {
            let stage = journey
                .stages
                .iter()
                .find(|s| s.id == tp.stage_id)
                .map(|s| s.fields.name.to_string())
                .unwrap_or_default();
            layout.touchpoints.insert(
                tp.id,
                Place {
                    touchpoint: tp.fields.name.to_string(),
                    stage,
                    journey: journey.fields.name.to_string(),
                    stage_id: tp.stage_id,
                    journey_id: journey.id,
                },
            );
        }
    }
    Ok(layout)
}

// --- the request ----------------------------------------------------------------------------------

/// A metrics question, as the API's query string and the CLI's flags give it.
#[derive(Debug, Clone)]
pub struct MetricsRequest {
    pub metric: Metric,
    pub survey: Option<SurveyId>,
    pub by: Vec<Dimension>,
    pub from: Option<Date>,
    pub to: Option<Date>,
    pub filters: Vec<Filter>,
}

/// Most `by` dimensions and `where` filters one request may name.
const MAX_TERMS: usize = 8;

impl MetricsRequest {
    /// The index query this request asks over the workspace's `surveys`. The figure is on the
    /// named survey's scale, else on the one scale the workspace's surveys of the metric's
    /// kind share (the kind's default when it has none): a named survey of another kind or
    /// workspace is `survey: not_found`, surveys of one kind on different scales are
    /// [`MetricsError::MixedScales`].
    pub fn query(&self, surveys: &[Survey]) -> Result<Query, MetricsError> {
        let kind = self.metric.kind();
        let of_kind: Vec<&Survey> = surveys
            .iter()
            .filter(|s| s.fields.kind == kind)
            .filter(|s| self.survey.is_none_or(|id| s.id == id))
            .collect();
        let scale = match of_kind.first() {
            None => match self.survey {
                Some(_) => return Err(MetricsError::invalid("survey", Issue::NotFound)),
                None => kind.default_scale(),
            },
            Some(first) => {
                if of_kind.iter().any(|s| s.fields.scale != first.fields.scale) {
                    return Err(MetricsError::MixedScales);
                }
                first.fields.scale
            }
        };
        let mut filters = self.filters.clone();
        if let Some(id) = self.survey {
            filters.push(Filter {
                dimension: Dimension::Survey,
                values: vec![Label::Survey(id)],
            });
        }
        Ok(Query {
            kind,
            scale: Some(scale),
            filters,
            by: self.by.clone(),
            from: self.from,
            to: self.to,
        })
    }
    /// Reads the raw parameters: `metric` (nps, csat, ces), `survey` (an id), `by` (comma-
    /// separated dimensions), `from` and `to` (inclusive `YYYY-MM-DD`, UTC), and `where` terms
    /// `key` + value (several values of one key: any of them).
    pub fn parse(
        metric: &str,
        survey: Option<&str>,
        by: Option<&str>,
        from: Option<&str>,
        to: Option<&str>,
        wheres: &[(String, String)],
    ) -> Result<MetricsRequest, ValidationErrors> {
        let mut e = ValidationErrors::default();
        let metric = e.check(
            "metric",
            Metric::parse(metric).ok_or(if metric.trim().is_empty() {
                Issue::Required
            } else {
                Issue::UnknownValue
            }),
        );
        let survey = match survey.map(str::trim).filter(|s| !s.is_empty()) {
            None => Some(None),
            Some(s) => e.check(
                "survey",
                s.parse::<SurveyId>().map(Some).map_err(|_| Issue::Invalid),
            ),
        };
        let by: Vec<Dimension> = by
            .unwrap_or("")
            .split(',')
            .filter_map(Dimension::parse)
            .collect();
        if by.len() > MAX_TERMS {
            e.push("by", Issue::TooLong);
        }
        if by.iter().any(|d| d.name().chars().count() > 100) {
            e.push("by", Issue::TooLong);
        }
        let date = |field: &str, s: Option<&str>, e: &mut ValidationErrors| match s
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            None => Some(None),
            Some(s) => e.check(
                field,
                Date::parse(s, time::macros::format_description!("[year]-[month]-[day]"))
                    .map(Some)
                    .map_err(|_| Issue::Invalid),
            ),
        };
        let from = date("from", from, &mut e);
        let to = date("to", to, &mut e);
        if let (Some(Some(f)), Some(Some(t))) = (from, to)
            && f > t
        {
            e.push("to", Issue::UnknownValue);
        }
        if wheres.len() > MAX_TERMS * 4 {
            e.push("where", Issue::TooLong);
        }
        let mut filters: Vec<Filter> = Vec::new();
        for (key, value) in wheres {
            let Some(dimension) = Dimension::parse(key) else {
                e.push("where", Issue::Invalid);
                continue;
            };
            if matches!(
                dimension,
                Dimension::Day | Dimension::Week | Dimension::Month | Dimension::Quarter
            ) {
                // Time is filtered by from/to.
                e.push("where", Issue::UnknownValue);
                continue;
            }
            // A locale filter matches however the tag is written.
            let value = Label::parse(&dimension, value);
            match filters.iter_mut().find(|f| f.dimension == dimension) {
                Some(f) => f.values.push(value),
                None => filters.push(Filter {
                    dimension,
                    values: vec![value],
                }),
            }
        }
        e.into_result()?;
        Ok(MetricsRequest {
            metric: metric.unwrap_or(Metric::Nps),
            survey: survey.flatten(),
            by,
            from: from.flatten(),
            to: to.flatten(),
            filters,
        })
    }
}

/// Why a metrics request has no answer.
#[derive(Debug, thiserror::Error)]
pub enum MetricsError {
    #[error("invalid request")]
    Invalid(ValidationErrors),
    /// The workspace's surveys of this kind are on different scales: name one survey.
    #[error("surveys of this kind use different scales")]
    MixedScales,
    #[error("too many groups")]
    TooManyGroups,
    /// The index's scan failed (a scan thread panicked): a server fault, never a partial
    /// answer.
    #[error("the analytics index's scan failed")]
    ScanFailed,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl MetricsError {
    fn invalid(field: &str, issue: Issue) -> MetricsError {
        let mut e = ValidationErrors::default();
        e.push(field, issue);
        MetricsError::Invalid(e)
    }
}

// --- the answer (the contract of issue 4) -----------------------------------------------------------

/// An answer: written as `{"metric": "nps", "groups": [...]}` (its `Serialize`; the API
/// documents the shape as `api::metrics::MetricsAnswer`). Keys stay typed labels and figures
/// stay unrounded until they are written.
#[derive(Debug, Clone)]
pub struct MetricsAnswer {
    pub metric: Metric,
    /// The scale the histograms are on.
    pub scale: Scale,
    /// The `by` dimensions: the names of each key's entries, in order.
    pub by: Vec<Dimension>,
    /// The labels the groups' keys point into (the index's answer, its groups taken out).
    keys: Answer,
    /// In key order.
    pub groups: Vec<MetricsGroup>,
}

/// One group: its histogram and its figure, computed once (n, value and 95% interval (None
/// when n = 0), the small-sample flag, the metric's own counts).
#[derive(Debug, Clone)]
pub struct MetricsGroup {
    group: Group,
    pub figure: MetricValue,
}

/// One decimal, as figures are written (JSON, CSV, pages).
pub fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// Two decimals, as means are written.
fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

impl MetricsAnswer {
    /// A group's label on the `dimension`-th `by` dimension.
    pub fn label(&self, g: &MetricsGroup, dimension: usize) -> Option<&Label> {
        self.keys.label(&g.group, dimension)
    }

    /// A group's key: each `by` dimension with its label.
    pub fn key<'a>(
        &'a self,
        g: &'a MetricsGroup,
    ) -> impl Iterator<Item = (&'a Dimension, &'a Label)> + 'a {
        self.by.iter().zip(self.keys.key(&g.group))
    }

    /// A group's responses per point of the answer's scale, lowest first.
    pub fn on_scale<'a>(&self, g: &'a MetricsGroup) -> &'a [u64] {
        let low = usize::try_from(self.scale.low).unwrap_or(0);
        let high = usize::try_from(self.scale.high).unwrap_or(10);
        g.group.histogram.0.get(low..=high).unwrap_or(&[])
    }
}

impl MetricsGroup {
    fn of(metric: Metric, scale: Scale, group: Group) -> MetricsGroup {
        MetricsGroup {
            figure: MetricValue::of(metric, scale, &group.histogram),
            group,
        }
    }

    /// Responses per score, 0 to 10.
    pub fn histogram(&self) -> &Histogram {
        &self.group.histogram
    }

    pub fn n(&self) -> u64 {
        self.figure.n
    }

    /// The 95% interval as `[low, high]`.
    pub fn ci95(&self) -> Option<[f64; 2]> {
        self.figure.ci95.map(|(lo, hi)| [lo, hi])
    }
}

// Written straight from the typed answer into the output (the API's response bytes, the
// CLI's line): no intermediate JSON values, no string per key or group. Field order and
// rounding are the contract's (and `api::metrics::MetricsGroup`'s documentation).
impl Serialize for MetricsAnswer {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_struct("MetricsAnswer", 2)?;
        m.serialize_field("metric", self.metric.as_str())?;
        m.serialize_field("groups", &GroupsJson(self))?;
        m.end()
    }
}

impl MetricsAnswer {
    /// The answer as JSON (as its `Serialize` writes it) in `parts` pieces that follow each
    /// other, written side by side on as many threads: a large answer (a hundred thousand
    /// groups are 30 MB) is written in a fraction of the time, each piece straight into the
    /// buffer that is sent.
    pub fn json_parts(&self, parts: usize) -> Result<Vec<Vec<u8>>, serde_json::Error> {
        let parts = parts.clamp(1, 16);
        // Small answers are not worth a thread.
        if parts == 1 || self.groups.len() < 4_096 {
            let mut out = Vec::with_capacity(64 + self.groups.len() * 224);
            serde_json::to_writer(&mut out, self)?;
            return Ok(vec![out]);
        }
        let per = self.groups.len().div_ceil(parts);
        let ranges: Vec<&[MetricsGroup]> = self.groups.chunks(per).collect();
        let last = ranges.len() - 1;
        let written: Vec<std::thread::Result<Result<Vec<u8>, serde_json::Error>>> =
            std::thread::scope(|s| {
                let handles: Vec<_> = ranges
                    .iter()
                    .enumerate()
                    .map(|(i, groups)| {
                        s.spawn(move || {
                            let mut out = Vec::with_capacity(64 + groups.len() * 224);
                            if i == 0 {
                                out.extend_from_slice(b"{\"metric\":");
                                serde_json::to_writer(&mut out, self.metric.as_str())?;
                                out.extend_from_slice(b",\"groups\":[");
                            }
                            for (j, g) in groups.iter().enumerate() {
                                if i > 0 || j > 0 {
                                    out.push(b',');
                                }
                                serde_json::to_writer(&mut out, &GroupJson(self, g))?;
                            }
                            if i == last {
                                out.extend_from_slice(b"]}");
                            }
                            Ok(out)
                        })
                    })
                    .collect();
                handles.into_iter().map(|h| h.join()).collect()
            });
        written
            .into_iter()
            .map(|r| {
                r.unwrap_or_else(|_| {
                    Err(serde::ser::Error::custom(
                        "a thread writing the answer panicked",
                    ))
                })
            })
            .collect()
    }
}

struct GroupsJson<'a>(&'a MetricsAnswer);

impl Serialize for GroupsJson<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.0.groups.len()))?;
        for g in &self.0.groups {
            seq.serialize_element(&GroupJson(self.0, g))?;
        }
        seq.end()
    }
}

struct GroupJson<'a>(&'a MetricsAnswer, &'a MetricsGroup);

struct KeyJson<'a>(&'a MetricsAnswer, &'a MetricsGroup);

impl Serialize for KeyJson<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.by.len()))?;
        for (d, label) in self.0.key(self.1) {
            map.serialize_entry(d.name(), &LabelJson(label))?;
        }
        map.end()
    }
}

/// A label written as its text, without a `String` made for it.
struct LabelJson<'a>(&'a Label);

impl Serialize for LabelJson<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Label::Text(t) => s.serialize_str(t),
            other => s.collect_str(other),
        }
    }
}

impl Serialize for GroupJson<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (answer, g) = (self.0, self.1);
        let v = &g.figure;
        let mut m = s.serialize_struct("MetricsGroup", 9)?;
        m.serialize_field("key", &KeyJson(answer, g))?;
        m.serialize_field("n", &v.n)?;
        m.serialize_field("value", &v.value.map(round1))?;
        m.serialize_field("ci95", &v.ci95.map(|(lo, hi)| [round1(lo), round1(hi)]))?;
        m.serialize_field("small_sample", &v.small_sample)?;
        m.serialize_field("histogram", answer.on_scale(g))?;
        match v.detail {
            Detail::Nps {
                promoters,
                passives,
                detractors,
            } => {
                m.serialize_field("promoters", &promoters)?;
                m.serialize_field("passives", &passives)?;
                m.serialize_field("detractors", &detractors)?;
            }
            Detail::Csat { satisfied, mean } => {
                m.serialize_field("satisfied", &satisfied)?;
                m.serialize_field("mean", &mean.map(round2))?;
            }
            Detail::Ces { easy, mean } => {
                m.serialize_field("easy", &easy)?;
                m.serialize_field("mean", &mean.map(round2))?;
            }
        }
        m.end()
    }
}

// --- touchpoint figures ------------------------------------------------------------------------

/// A touchpoint's figure over a period: the metric most of its answers are for. The map, the
/// touchpoint's page and the dashboard all take it from [`Analytics::touchpoint_scores`], so
/// the same touchpoint in the same period shows the same figure and n everywhere.
#[derive(Debug, Clone)]
pub struct TouchpointScore {
    pub metric: Metric,
    pub value: Option<f64>,
    pub ci95: Option<(f64, f64)>,
    pub n: u64,
    pub small_sample: bool,
    /// +1 or −1 when the change from the period before is significant, else 0.
    pub trend: i8,
    /// The mean answer on its scale mapped to 0…1 (lowest point 0, highest 1), and how many
    /// answers it averages: for stage curves across NPS, CSAT and CES.
    pub normalised: f64,
}

fn normalised_mean(h: &taith_metrics::Histogram, scale: Scale) -> f64 {
    let n = h.n();
    if n == 0 || scale.high <= scale.low {
        return 0.5;
    }
    let span = f64::from(scale.high - scale.low);
    let total: f64 = (scale.low..=scale.high)
        .map(|s| {
            let c = usize::try_from(s)
                .ok()
                .and_then(|i| h.0.get(i))
                .copied()
                .unwrap_or(0);
            c as f64 * f64::from(s - scale.low) / span
        })
        .sum();
    total / n as f64
}

impl Analytics {
    /// Each of `touchpoints`' figure over `period`, with its significant trend from the period
    /// of the same length before; touchpoints without answers are left out.
    pub async fn touchpoint_scores(
        &self,
        store: &dyn Store,
        ws: WorkspaceId,
        touchpoints: &[taith_domain::TouchpointId],
        period: &taith_domain::Period,
    ) -> Result<HashMap<taith_domain::TouchpointId, TouchpointScore>, StoreError> {
        let mut best: HashMap<taith_domain::TouchpointId, TouchpointScore> = HashMap::new();
        if touchpoints.is_empty() {
            return Ok(best);
        }
        let filters = vec![Filter {
            dimension: Dimension::TouchpointId,
            values: touchpoints.iter().map(|t| Label::Touchpoint(*t)).collect(),
        }];
        let context = self.context(store, ws).await?;
        let (from, today) = (period.from, period.to);
        let before = period.previous();
        let (before_from, before_to) = (before.from, before.to);
        for metric in [Metric::Nps, Metric::Csat, Metric::Ces] {
            let ask = |from: Date, to: Date| MetricsRequest {
                metric,
                survey: None,
                by: vec![Dimension::TouchpointId],
                from: Some(from),
                to: Some(to),
                filters: filters.clone(),
            };
            let now = match self
                .metrics_in(store, ws, &context, &ask(from, today))
                .await
            {
                Ok(a) => a,
                Err(MetricsError::Store(e)) => return Err(e),
                // Mixed scales or too many groups: no live figure for this metric.
                Err(_) => continue,
            };
            let before = match self
                .metrics_in(store, ws, &context, &ask(before_from, before_to))
                .await
            {
                Ok(a) => a,
                Err(MetricsError::Store(e)) => return Err(e),
                Err(_) => continue,
            };
            let touchpoint_of = |a: &MetricsAnswer, g: &MetricsGroup| match a.label(g, 0) {
                Some(Label::Touchpoint(tp)) => Some(*tp),
                _ => None,
            };
            let previous_of: HashMap<taith_domain::TouchpointId, &MetricValue> = before
                .groups
                .iter()
                .filter_map(|g| Some((touchpoint_of(&before, g)?, &g.figure)))
                .collect();
            for g in &now.groups {
                let Some(tp) = touchpoint_of(&now, g) else {
                    continue;
                };
                let current = &g.figure;
                let previous = previous_of.get(&tp).copied();
                let trend = match previous
                    .and_then(|p| Some((taith_metrics::significant_change(p, current)?, p)))
                {
                    Some((true, p)) => {
                        if current.value > p.value {
                            1
                        } else {
                            -1
                        }
                    }
                    _ => 0,
                };
                let score = TouchpointScore {
                    metric,
                    value: current.value,
                    ci95: current.ci95,
                    n: current.n,
                    small_sample: current.small_sample,
                    trend,
                    normalised: normalised_mean(g.histogram(), now.scale),
                };
                // A touchpoint asked by several kinds of survey shows the one with most answers.
                if best.get(&tp).is_none_or(|b| b.n < score.n) {
                    best.insert(tp, score);
                }
            }
        }
        Ok(best)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use taith_domain::{Channel, Locale, ResponseId, SurveyKind};

    #[test]
    fn an_answer_written_in_parts_is_the_answer_written_whole() {
        let survey = SurveyId::new();
        let shape = SurveyShape {
            kind: SurveyKind::Nps,
            scale: Scale { low: 0, high: 10 },
        };
        let mut index = Index::new();
        index.set_survey(survey, shape);
        let rows: Vec<IndexedResponse> = (0..20_000u16)
            .map(|i| IndexedResponse {
                id: ResponseId::new(),
                survey,
                touchpoint: None,
                channel: Channel::ALL[usize::from(i % 3)],
                locale: Locale::En,
                day: 20_000 + i % 2_000,
                score: (i % 11) as i16,
                attributes: vec![("team".into(), format!("t\"{}", i % 7))],
            })
            .collect();
        index.add(&rows);
        let by = vec![
            Dimension::Channel,
            Dimension::Attribute("team".into()),
            Dimension::Day,
        ];
        let query = Query {
            kind: SurveyKind::Nps,
            scale: None,
            filters: Vec::new(),
            by: by.clone(),
            from: None,
            to: None,
        };
        let mut keys = index.query(&query, &Layout::default()).unwrap();
        let groups: Vec<MetricsGroup> = std::mem::take(&mut keys.groups)
            .into_iter()
            .map(|g| MetricsGroup::of(Metric::Nps, shape.scale, g))
            .collect();
        assert!(groups.len() > 4_096);
        let answer = MetricsAnswer {
            metric: Metric::Nps,
            scale: shape.scale,
            by,
            keys,
            groups,
        };
        let whole = serde_json::to_vec(&answer).unwrap();
        for parts in [1, 2, 3, 5] {
            assert_eq!(answer.json_parts(parts).unwrap().concat(), whole, "{parts}");
        }
    }
}
