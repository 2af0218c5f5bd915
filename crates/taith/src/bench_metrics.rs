//! `taith bench metrics`: the benchmark of issue 4. It makes the data set — by default 10
//! million NPS responses over 50 surveys, 20 touchpoints, 6 channels, 10 values of one segment
//! attribute and 105 weeks — and times, in one run, NPS by touchpoint × channel × segment ×
//! ISO week three ways: our analytics index, SQL in SQLite and, when given, SQL in PostgreSQL,
//! over the same rows. Each side gets an untimed warm-up run first; the figure is the median
//! of the timed runs. It also checks that all sides counted the same responses and promoters.

use anyhow::{Context as _, Result, bail};
use std::path::Path;
use std::time::{Duration, Instant};
use taith_domain::{
    Channel, JourneyId, Locale, ResponseId, Scale, StageId, SurveyId, SurveyKind, TouchpointId,
};
use taith_metrics::index::{
    Dimension, Index, IndexedResponse, Layout, Place, Query, SurveyShape, day_of,
};
use taith_store::bench::{MetricsBaseline, MetricsBenchRows};

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
    pub build: Duration,
    pub memory_bytes: usize,
    pub groups: u64,
    pub sqlite: MetricsBaseline,
    pub postgres: Option<MetricsBaseline>,
}

pub fn median(runs: &[Duration]) -> Duration {
    let mut sorted = runs.to_vec();
    sorted.sort();
    sorted.get(sorted.len() / 2).copied().unwrap_or_default()
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
        build,
        memory_bytes: index.memory_bytes(),
        groups: groups.len() as u64,
        sqlite,
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
