//! `taith bench metrics`: the benchmark of issue 4. It makes the data set — by default 10
//! million NPS responses over 50 surveys, 20 touchpoints, 6 channels, 10 values of one segment
//! attribute and 105 weeks — and times, in one run, NPS by touchpoint × channel × segment ×
//! ISO week: our analytics index's scan in process, a plain pass over the columns that scan
//! reads (the memory-bandwidth floor), the same question through `GET /api/v1/metrics` on the
//! real app serving a SQLite store that holds the same rows (the answer parsed by the client),
//! SQL in SQLite and, when given, SQL in PostgreSQL, over the same rows. Each side gets an
//! untimed warm-up run first; the figure is the median of the timed runs. It also checks that
//! all sides counted the same groups, responses and promoters.

use anyhow::{Context as _, Result, anyhow, bail};
use std::collections::BTreeMap;
use std::path::Path;
use std::time::{Duration, Instant};
use taith_domain::{
    Change, Channel, Journey, JourneyFields, JourneyId, Locale, Name, NewResponse, ResponseId,
    Scale, StageId, StageModel, SurveyId, SurveyKind, TokenScope, TouchpointFields, TouchpointId,
};
use taith_metrics::index::{
    Dimension, Index, IndexedResponse, Layout, Place, Query, SurveyShape, day_of,
};
use taith_store::bench::{MetricsBaseline, MetricsBenchRows};
use taith_store::{Author, ResponseToStore, SharedStore};

/// The shape of the data set.
#[derive(Debug, Clone, Copy)]
pub struct Shape {
    pub responses: usize,
    pub surveys: usize,
    pub touchpoints: usize,
    pub channels: usize,
    pub segments: usize,
    pub weeks: usize,
}

impl Default for Shape {
    fn default() -> Self {
        Shape {
            responses: 10_000_000,
            surveys: 50,
            touchpoints: 20,
            channels: 6,
            segments: 10,
            weeks: 105,
        }
    }
}

/// What the run measured.
#[derive(Debug)]
pub struct Figures {
    pub ours: Vec<Duration>,
    /// The plain pass over the columns the scan reads.
    pub floor: Vec<Duration>,
    /// None when skipped.
    pub http: Option<Http>,
    pub build: Duration,
    pub memory_bytes: usize,
    pub groups: u64,
    /// None when skipped.
    pub sqlite: Option<MetricsBaseline>,
    pub postgres: Option<MetricsBaseline>,
}

pub fn median(runs: &[Duration]) -> Duration {
    let mut sorted = runs.to_vec();
    sorted.sort();
    sorted.get(sorted.len() / 2).copied().unwrap_or_default()
}

/// Which of the slow sides to run (while iterating on the scan, neither).
#[derive(Debug, Clone, Copy)]
pub struct Sides {
    pub http: bool,
    pub sql: bool,
}

/// The query through HTTP.
#[derive(Debug)]
pub struct Http {
    /// Each request: sent, answered, read and parsed.
    pub runs: Vec<Duration>,
    /// Of each, the parsing by the client.
    pub parse: Vec<Duration>,
    /// Storing the rows through the store's own insert.
    pub load: Duration,
    /// The first answer, which built the server's index from the store.
    pub first: Duration,
    pub body_bytes: usize,
}

/// xorshift: the same data set on every run and every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> i32 {
        i32::try_from(self.next() % n.max(1) as u64).unwrap_or(0)
    }
}

/// A plausible NPS mix: about 45% promoters, 30% passives, 25% detractors.
fn nps_score(rng: &mut Rng) -> i32 {
    const WEIGHTS: [u64; 11] = [3, 1, 1, 2, 2, 6, 10, 14, 16, 20, 25];
    let total: u64 = WEIGHTS.iter().sum();
    let mut pick = rng.next() % total;
    for (score, w) in WEIGHTS.iter().enumerate() {
        if pick < *w {
            return i32::try_from(score).unwrap_or(0);
        }
        pick -= w;
    }
    10
}

/// The data set, as integer columns.
pub fn generate(shape: Shape) -> MetricsBenchRows {
    let mut rng = Rng(0x7a17_4b3d_9e01_c0de);
    let first_day = i32::from(day_of(time::macros::date!(2024 - 11 - 04)));
    let days = shape.weeks * 7;
    let mut rows = MetricsBenchRows::default();
    for column in [
        &mut rows.survey,
        &mut rows.touchpoint,
        &mut rows.channel,
        &mut rows.segment,
        &mut rows.day,
        &mut rows.score,
    ] {
        column.reserve_exact(shape.responses);
    }
    for _ in 0..shape.responses {
        rows.survey.push(rng.below(shape.surveys));
        rows.touchpoint.push(rng.below(shape.touchpoints));
        rows.channel.push(rng.below(shape.channels));
        rows.segment.push(rng.below(shape.segments));
        rows.day.push(first_day + rng.below(days));
        rows.score.push(nps_score(&mut rng));
    }
    rows
}

/// Our index over the same rows, with the journey layout naming the touchpoints.
fn build_index(shape: Shape, rows: &MetricsBenchRows) -> (Index, Layout) {
    let surveys: Vec<SurveyId> = (0..shape.surveys).map(|_| SurveyId::new()).collect();
    let touchpoints: Vec<TouchpointId> = (0..shape.touchpoints)
        .map(|_| TouchpointId::new())
        .collect();
    let segments: Vec<String> = (0..shape.segments).map(|s| format!("region-{s}")).collect();
    let mut layout = Layout::default();
    let (journey, stage) = (JourneyId::new(), StageId::new());
    for (i, tp) in touchpoints.iter().enumerate() {
        layout.touchpoints.insert(
            *tp,
            Place {
                touchpoint: format!("Touchpoint {:02}", i + 1),
                stage: "Purchase".to_owned(),
                journey: "Bench".to_owned(),
                stage_id: stage,
                journey_id: journey,
            },
        );
    }
    let mut index = Index::new();
    let nps = SurveyShape {
        kind: SurveyKind::Nps,
        scale: Scale { low: 0, high: 10 },
    };
    for s in &surveys {
        index.set_survey(*s, nps);
    }
    let pick = |v: i32| usize::try_from(v).unwrap_or(0);
    let mut chunk = Vec::with_capacity(100_000);
    for i in 0..rows.len() {
        chunk.push(IndexedResponse {
            id: ResponseId::new(),
            survey: surveys[pick(rows.survey[i])],
            touchpoint: Some(touchpoints[pick(rows.touchpoint[i])]),
            channel: Channel::ALL[pick(rows.channel[i])],
            locale: Locale::En,
            day: u16::try_from(rows.day[i]).unwrap_or(0),
            score: i16::try_from(rows.score[i]).unwrap_or(0),
            attributes: vec![(
                "segment".to_owned(),
                segments[pick(rows.segment[i])].clone(),
            )],
        });
        if chunk.len() == chunk.capacity() {
            index.add(&chunk);
            chunk.clear();
        }
    }
    index.add(&chunk);
    index.compact();
    (index, layout)
}

/// Runs the benchmark; SQLite's scratch database goes in `dir`.
pub async fn run(
    shape: Shape,
    dir: &Path,
    postgres_url: Option<&str>,
    runs: usize,
    sides: Sides,
    say: impl Fn(&str),
) -> Result<Figures> {
    if shape.channels > Channel::ALL.len() {
        bail!("at most {} channels", Channel::ALL.len());
    }
    let started = Instant::now();
    let rows = generate(shape);
    say(&format!(
        "generated {} responses in {:.1?}",
        rows.len(),
        started.elapsed()
    ));

    let started = Instant::now();
    let (index, layout) = build_index(shape, &rows);
    let build = started.elapsed();
    say(&format!("built the index in {build:.1?}"));
    let query = Query {
        kind: SurveyKind::Nps,
        scale: None,
        filters: Vec::new(),
        by: vec![
            Dimension::Touchpoint,
            Dimension::Channel,
            Dimension::Attribute("segment".to_owned()),
            Dimension::Week,
        ],
        from: None,
        to: None,
    };
    let mut ours = Vec::with_capacity(runs);
    let mut answer = taith_metrics::index::Answer::default();
    for run in 0..=runs {
        let started = Instant::now();
        answer = index
            .query(&query, &layout)
            .map_err(|e| anyhow::anyhow!("query refused: {e:?}"))?;
        if run > 0 {
            ours.push(started.elapsed());
        }
    }
    let groups = &answer.groups;
    let counted: u64 = groups.iter().map(|g| g.histogram.n()).sum();
    let promoters: u64 = groups.iter().map(|g| g.histogram.between(9, 10)).sum();
    say(&format!(
        "ours: {} groups, median {:.1?}",
        groups.len(),
        median(&ours)
    ));

    // The floor: the same columns, the same rows, the same threads, only added up.
    let mut floor = Vec::with_capacity(runs);
    let mut sum = 0u64;
    for run in 0..=runs {
        let started = Instant::now();
        sum = sum.wrapping_add(
            index
                .floor_pass(&["segment"])
                .map_err(|e| anyhow!("floor pass failed: {e:?}"))?,
        );
        if run > 0 {
            floor.push(started.elapsed());
        }
    }
    say(&format!(
        "floor: median {:.1?} (checksum {sum})",
        median(&floor)
    ));

    let http = if sides.http {
        let (http, theirs) = over_http(shape, &rows, dir, runs, &say).await?;
        let ours = (groups.len() as u64, counted, promoters);
        if theirs != ours {
            bail!(
                "over HTTP: {} groups, {} responses, {} promoters; the scan counted {}, {}, {}",
                theirs.0,
                theirs.1,
                theirs.2,
                ours.0,
                ours.1,
                ours.2
            );
        }
        say(&format!(
            "HTTP: first answer (index built) in {:.1?}, median {:.1?} of which parsing {:.1?}, \
             {} bytes",
            http.first,
            median(&http.runs),
            median(&http.parse),
            http.body_bytes
        ));
        Some(http)
    } else {
        None
    };
    if !sides.sql {
        return Ok(Figures {
            ours,
            floor,
            http,
            build,
            memory_bytes: index.memory_bytes(),
            groups: groups.len() as u64,
            sqlite: None,
            postgres: None,
        });
    }

    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    let path = dir.join("metrics-baseline.db");
    for suffix in ["", "-wal", "-shm"] {
        let p = dir.join(format!("metrics-baseline.db{suffix}"));
        if p.exists() {
            std::fs::remove_file(&p).with_context(|| format!("removing {}", p.display()))?;
        }
    }
    let sqlite_store = taith_store_sqlite::SqliteStore::open(&path).await?;
    let sqlite = sqlite_store.metrics_baseline(&rows, runs).await?;
    sqlite_store.close().await;
    say(&format!(
        "SQLite: loaded in {:.1?}, median {:.1?}",
        sqlite.load,
        median(&sqlite.runs)
    ));
    check("SQLite", &sqlite, groups.len() as u64, counted, promoters)?;

    let postgres = match postgres_url {
        Some(url) => {
            let store = taith_store_postgres::PostgresStore::connect(url).await?;
            let pg = store.metrics_baseline(&rows, runs).await?;
            store.close().await;
            say(&format!(
                "PostgreSQL: loaded in {:.1?}, median {:.1?}",
                pg.load,
                median(&pg.runs)
            ));
            check("PostgreSQL", &pg, groups.len() as u64, counted, promoters)?;
            Some(pg)
        }
        None => None,
    };
    Ok(Figures {
        ours,
        floor,
        http,
        build,
        memory_bytes: index.memory_bytes(),
        groups: groups.len() as u64,
        sqlite: Some(sqlite),
        postgres,
    })
}

/// The SQL side must have counted what we counted, or the times compare different work.
fn check(name: &str, b: &MetricsBaseline, groups: u64, n: u64, promoters: u64) -> Result<()> {
    if (b.groups, b.responses, b.promoters) != (groups, n, promoters) {
        bail!(
            "{name} counted {} groups, {} responses, {} promoters; we counted {groups}, {n}, \
             {promoters}",
            b.groups,
            b.responses,
            b.promoters
        );
    }
    Ok(())
}

/// The wire answer as a client reads it: every group is parsed (serde checks all of it), the
/// counts compared are kept.
#[derive(serde::Deserialize)]
struct WireAnswer {
    groups: Vec<WireGroup>,
}

#[derive(serde::Deserialize)]
struct WireGroup {
    n: u64,
    #[serde(default)]
    promoters: u64,
}

/// A UUIDv7 of the response's own time: a real store's ids are as old as their responses
/// (and the server's catch-up re-reads only the last minute's).
fn id_at(at: time::OffsetDateTime, rng: &mut Rng) -> ResponseId {
    let ms = u64::try_from(at.unix_timestamp_nanos() / 1_000_000).unwrap_or(0);
    let random = [rng.next().to_le_bytes(), rng.next().to_le_bytes()].concat();
    let mut bytes = [0u8; 10];
    bytes.copy_from_slice(&random[..10]);
    ResponseId(uuid::Builder::from_unix_timestamp_millis(ms, &bytes).into_uuid())
}

/// The same rows in a fresh SQLite store (surveys, a journey naming the touchpoints as the
/// scan's layout does, responses through the store's insert), the real app serving it on
/// port 0, and the query asked with a read token: the timed runs, and the groups, responses
/// and promoters the last answer held.
async fn over_http(
    shape: Shape,
    rows: &MetricsBenchRows,
    dir: &Path,
    runs: usize,
    say: &impl Fn(&str),
) -> Result<(Http, (u64, u64, u64))> {
    let store: SharedStore = crate::database::open_store(&crate::database::DatabaseUrl::Sqlite(
        crate::bench::scratch(dir, "metrics-http")?,
    ))
    .await?;
    let (ws, first_survey, _) = crate::bench::set_up(&store, "metrics").await?;
    let mut surveys = vec![first_survey.id];
    for i in 1..shape.surveys {
        let s = store
            .create_survey(ws, &first_survey.fields, &format!("bench-metrics-{i:04}"))
            .await?;
        surveys.push(s.id);
    }
    let name = |s: &str| Name::parse(s).map_err(|i| anyhow!("{s}: {}", i.code()));
    let purchase = name("Purchase")?;
    let mut journey = Journey::new(
        JourneyFields {
            name: name("Bench")?,
            description: Default::default(),
            persona_id: None,
        },
        StageModel::FiveStage,
        |_| purchase.clone(),
        taith_domain::now(),
    );
    let stage = journey
        .stages
        .first()
        .map(|s| s.id)
        .context("a journey has stages")?;
    let mut touchpoints = Vec::with_capacity(shape.touchpoints);
    for i in 0..shape.touchpoints {
        touchpoints.push(journey.add_touchpoint(
            stage,
            TouchpointFields {
                name: name(&format!("Touchpoint {:02}", i + 1))?,
                channel: Channel::Web,
                owner: None,
                description: Default::default(),
                moment_of_truth: false,
            },
        )?);
    }
    let author = Author {
        user_id: None,
        name: "bench".into(),
    };
    store
        .create_journey(ws, &journey, &author, &[Change::Created])
        .await?;
    let token = taith_app::account::secrets::new_api_token();
    store
        .create_api_token(
            ws,
            &name("bench-read")?,
            TokenScope::Read,
            &taith_app::account::secrets::secret_hash(&token),
        )
        .await?;

    let started = Instant::now();
    let segments: Vec<String> = (0..shape.segments).map(|s| format!("region-{s}")).collect();
    let pick = |v: i32| usize::try_from(v).unwrap_or(0);
    let mut rng = Rng(0x5eed_0f1d_5eed_0f1d);
    let mut batch = Vec::with_capacity(10_000);
    // In time order, a millisecond apart within each day, as a real store fills up: ids are
    // time-ordered, so the primary key grows at its end (rows in random order would cost a
    // random page write each, which is not what the app ever does).
    let mut order: Vec<usize> = (0..rows.len()).collect();
    order.sort_by_key(|i| rows.day[*i]);
    let (mut today, mut nth) = (i32::MIN, 0i64);
    for (k, i) in order.iter().copied().enumerate() {
        if rows.day[i] != today {
            (today, nth) = (rows.day[i], 0);
        }
        nth += 1;
        let day = taith_metrics::index::date_of(u16::try_from(rows.day[i]).unwrap_or(0));
        let at = day.midnight().assume_utc() + time::Duration::milliseconds(nth);
        batch.push(ResponseToStore {
            workspace_id: ws,
            customer: None,
            response: NewResponse {
                id: id_at(at, &mut rng),
                survey_id: surveys[pick(rows.survey[i])],
                score: i16::try_from(rows.score[i]).unwrap_or(0),
                answers: Vec::new(),
                comment: Default::default(),
                touchpoint_id: Some(touchpoints[pick(rows.touchpoint[i])]),
                channel: Channel::ALL[pick(rows.channel[i])],
                locale: Locale::En,
                customer_id: None,
                attributes: BTreeMap::from([(
                    "segment".to_owned(),
                    segments[pick(rows.segment[i])].clone(),
                )]),
                submitted_at: at,
                client_key: None,
            },
        });
        if batch.len() == batch.capacity() || k + 1 == rows.len() {
            store.insert_responses(&batch).await?;
            batch.clear();
        }
    }
    let load = started.elapsed();
    say(&format!(
        "HTTP: stored {} responses in {load:.1?}",
        rows.len()
    ));

    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    let server = tokio::spawn(taith_web::serve(
        listener,
        store.clone(),
        taith_web::WebConfig::default(),
        std::future::pending(),
    ));
    taith_app::webhooks::delivery::install_tls_provider();
    let client = reqwest::Client::new();
    let url = format!("http://{addr}/api/v1/metrics?metric=nps&by=touchpoint,channel,segment,week");
    let ask = || async {
        let response = client.get(&url).bearer_auth(&token).send().await?;
        let status = response.status();
        let body = response.bytes().await?;
        if !status.is_success() {
            bail!(
                "GET /api/v1/metrics answered {status}: {}",
                String::from_utf8_lossy(&body[..body.len().min(300)])
            );
        }
        let parsing = Instant::now();
        let answer: WireAnswer = serde_json::from_slice(&body)?;
        let parse = parsing.elapsed();
        let n = answer.groups.iter().map(|g| g.n).sum();
        let promoters = answer.groups.iter().map(|g| g.promoters).sum();
        Ok::<_, anyhow::Error>((
            body.len(),
            parse,
            (answer.groups.len() as u64, n, promoters),
        ))
    };
    let started = Instant::now();
    let (mut body_bytes, _, mut counted) = ask().await?;
    let first = started.elapsed();
    let mut timed = Vec::with_capacity(runs);
    let mut parse = Vec::with_capacity(runs);
    for _ in 0..runs {
        let started = Instant::now();
        let took;
        (body_bytes, took, counted) = ask().await?;
        timed.push(started.elapsed());
        parse.push(took);
    }
    server.abort();
    Ok((
        Http {
            runs: timed,
            parse,
            load,
            first,
            body_bytes,
        },
        counted,
    ))
}
