//! `taith bench events` (issue 13, the read half): bounce rate and conversion rate by
//! touchpoint × ISO week over a generated year of web events (50 million by default), from
//! the event index (`taith_metrics::events`) against a baseline: a plain scan of the raw event
//! structs that gathers each session's facts in a hash map and then groups them. Prints both
//! times, their ratio, the index's bytes per event, and checks that both counted the same.

use anyhow::{Result, bail};
use std::collections::{BTreeMap, HashMap};
use std::time::{Duration, Instant};
use taith_domain::{Channel, JourneyId, Locale, StageId, TouchpointId};
use taith_metrics::events::{EventIndex, EventKind, Figure, IndexedEvent, WebMetric, WebQuery};
use taith_metrics::index::{Dimension, Layout, Place};

/// The shape of the data set.
#[derive(Debug, Clone, Copy)]
pub struct Shape {
    pub events: usize,
    pub touchpoints: usize,
    pub days: i64,
    pub runs: usize,
}

impl Default for Shape {
    fn default() -> Self {
        Shape {
            events: 50_000_000,
            touchpoints: 20,
            days: 364,
            runs: 5,
        }
    }
}

/// What the run measured.
#[derive(Debug)]
pub struct Figures {
    pub events: usize,
    pub sessions: usize,
    pub build: Duration,
    pub memory_bytes: usize,
    pub groups: usize,
    /// Bounce, then conversion: the index's median run, the baseline's run.
    pub bounce: (Duration, Duration),
    pub conversion: (Duration, Duration),
}

/// An event as the baseline holds it: 20 bytes, the ids already numbers.
#[derive(Debug, Clone, Copy)]
struct RawEvent {
    session: u32,
    visitor: u32,
    at: u32,
    touchpoint: u16,
    kind: u8,
}

const PAGE_VIEW: u8 = 0;
const SEARCH: u8 = 1;
const CONVERSION: u8 = 2;
const CLICK: u8 = 3;
const ERROR: u8 = 4;

/// splitmix64: fast and the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

/// 2025-12-01T00:00:00Z.
const START: i64 = 1_764_547_200;

/// Sessions of 1 to 9 events (a third are single page views), interleaved as live traffic is.
fn generate(shape: Shape) -> Vec<RawEvent> {
    let mut rng = Rng(13);
    let mut out = Vec::with_capacity(shape.events);
    let visitors = (shape.events / 10).max(1) as u64;
    let span = shape.days * 86_400;
    let mut session: u32 = 0;
    while out.len() < shape.events {
        let n = if rng.below(3) == 0 {
            1
        } else {
            2 + rng.below(8) as usize
        };
        let visitor = rng.below(visitors) as u32;
        // Time moves forward with the sessions, as it does in a store read in order.
        let at0 = START + (out.len() as i64 * span / shape.events as i64);
        let mut touchpoint = rng.below(shape.touchpoints as u64) as u16;
        for k in 0..n.min(shape.events - out.len()) {
            let kind = if k == 0 {
                PAGE_VIEW
            } else {
                match rng.below(100) {
                    0..80 => PAGE_VIEW,
                    80..88 => SEARCH,
                    88..93 => CONVERSION,
                    93..98 => CLICK,
                    _ => ERROR,
                }
            };
            if kind == PAGE_VIEW && rng.below(3) == 0 {
                touchpoint = rng.below(shape.touchpoints as u64) as u16;
            }
            out.push(RawEvent {
                session,
                visitor,
                at: (at0 + k as i64 * 40) as u32,
                touchpoint,
                kind,
            });
        }
        session += 1;
    }
    // Interleave neighbouring sessions' events (within blocks of 256, under an hour of traffic), keeping each
    // session's own order.
    for block in out.chunks_mut(256) {
        let mut keyed: Vec<(u64, RawEvent)> = block.iter().map(|e| (rng.next(), *e)).collect();
        keyed.sort_by_key(|(k, _)| *k);
        let mut by_session: HashMap<u32, Vec<RawEvent>> = HashMap::new();
        for e in block.iter() {
            by_session.entry(e.session).or_default().push(*e);
        }
        for v in by_session.values_mut() {
            v.reverse();
        }
        for (slot, (_, e)) in block.iter_mut().zip(keyed) {
            if let Some(next) = by_session.get_mut(&e.session).and_then(|v| v.pop()) {
                *slot = next;
            }
        }
    }
    out
}

fn kind_of(k: u8) -> EventKind {
    match k {
        PAGE_VIEW => EventKind::PageView,
        SEARCH => EventKind::Search {
            zero_results: false,
        },
        CONVERSION => EventKind::Conversion,
        CLICK => EventKind::Click,
        _ => EventKind::Error,
    }
}

/// Bounce or conversion by touchpoint × week, the naive way: every question gathers each
/// session's facts from the raw events first.
fn baseline(events: &[RawEvent], metric: WebMetric) -> BTreeMap<(u16, i64), (u64, u64)> {
    #[derive(Default)]
    struct Facts {
        start: u32,
        page_views: u32,
        other: bool,
        converted: bool,
        touchpoints: Vec<u16>,
    }
    let mut sessions: HashMap<u32, Facts> = HashMap::new();
    for e in events {
        let f = sessions.entry(e.session).or_insert_with(|| Facts {
            start: e.at,
            ..Facts::default()
        });
        f.start = f.start.min(e.at);
        match e.kind {
            PAGE_VIEW => f.page_views += 1,
            CONVERSION => {
                f.other = true;
                f.converted = true;
            }
            _ => f.other = true,
        }
        if !f.touchpoints.contains(&e.touchpoint) {
            f.touchpoints.push(e.touchpoint);
        }
    }
    let mut groups: BTreeMap<(u16, i64), (u64, u64)> = BTreeMap::new();
    for f in sessions.values() {
        // ISO weeks start on Monday; 1970-01-01 was a Thursday.
        let week = (i64::from(f.start) / 86_400 + 3).div_euclid(7);
        let (counted, good) = match metric {
            WebMetric::BounceRate => (f.page_views > 0, f.page_views == 1 && !f.other),
            _ => (true, f.converted),
        };
        if !counted {
            continue;
        }
        for tp in &f.touchpoints {
            let g = groups.entry((*tp, week)).or_default();
            g.0 += 1;
            g.1 += u64::from(good);
        }
    }
    groups
}

pub fn median(runs: &[Duration]) -> Duration {
    let mut sorted = runs.to_vec();
    sorted.sort();
    sorted.get(sorted.len() / 2).copied().unwrap_or_default()
}

pub fn run(shape: Shape, mut say: impl FnMut(&str)) -> Result<Figures> {
    let started = Instant::now();
    let raw = generate(shape);
    say(&format!(
        "generated {} events in {:.1?}",
        raw.len(),
        started.elapsed()
    ));
    let touchpoints: Vec<TouchpointId> = (0..shape.touchpoints)
        .map(|_| TouchpointId::new())
        .collect();
    let mut layout = Layout::default();
    let (stage, journey) = (StageId::new(), JourneyId::new());
    for (i, tp) in touchpoints.iter().enumerate() {
        layout.touchpoints.insert(
            *tp,
            Place {
                touchpoint: format!("tp{i:02}"),
                stage: "stage".to_owned(),
                journey: "journey".to_owned(),
                stage_id: stage,
                journey_id: journey,
            },
        );
    }
    let built = Instant::now();
    let mut index = EventIndex::new();
    for e in &raw {
        let event = IndexedEvent {
            at: i64::from(e.at),
            kind: kind_of(e.kind),
            subject: "/",
            visitor: "",
            session: "",
            touchpoint: touchpoints.get(usize::from(e.touchpoint)).copied(),
            channel: Channel::Web,
            locale: Locale::En,
            site: None,
            source: None,
        };
        index.add_keyed(&event, u64::from(e.session), e.visitor);
    }
    index.compact();
    let build = built.elapsed();
    say(&format!(
        "index built in {build:.1?}: {} sessions",
        index.sessions()
    ));
    let mut figures = Figures {
        events: index.len(),
        sessions: index.sessions(),
        build,
        memory_bytes: index.memory_bytes(),
        groups: 0,
        bounce: Default::default(),
        conversion: Default::default(),
    };
    for metric in [WebMetric::BounceRate, WebMetric::ConversionRate] {
        let q = WebQuery {
            metric,
            goal: None,
            filters: Vec::new(),
            by: vec![Dimension::Touchpoint, Dimension::Week],
            from: None,
            to: None,
        };
        let mut runs = Vec::new();
        let mut answer = Vec::new();
        for r in 0..=shape.runs.max(1) {
            let t = Instant::now();
            answer = index
                .query(&q, &layout)
                .map_err(|e| anyhow::anyhow!("the query failed: {e:?}"))?;
            if r > 0 {
                runs.push(t.elapsed());
            }
        }
        let t = Instant::now();
        let naive = baseline(&raw, metric);
        let naive_time = t.elapsed();
        // Both counted the same sessions and the same good ones, group by group.
        let ours: Vec<(u64, u64)> = answer
            .iter()
            .map(|g| match g.figure {
                Figure::Proportion { good, n } => (n, good),
                _ => (0, 0),
            })
            .collect();
        let theirs: Vec<(u64, u64)> = naive.values().copied().collect();
        if ours != theirs {
            let first = ours.iter().zip(&theirs).position(|(a, b)| a != b);
            bail!(
                "{}: the index and the baseline disagree ({} groups against {}; first at {first:?}: {:?} against {:?})",
                metric.as_str(),
                ours.len(),
                theirs.len(),
                first.and_then(|i| answer.get(i)),
                first.and_then(|i| naive.iter().nth(i))
            );
        }
        figures.groups = answer.len();
        let pair = (median(&runs), naive_time);
        say(&format!(
            "{} by touchpoint × week: {} groups, index {:.1} ms (median of {}), baseline {:.0} ms, {:.0}× faster",
            metric.as_str(),
            answer.len(),
            pair.0.as_secs_f64() * 1e3,
            runs.len(),
            pair.1.as_secs_f64() * 1e3,
            pair.1.as_secs_f64() / pair.0.as_secs_f64().max(1e-9)
        ));
        if metric == WebMetric::BounceRate {
            figures.bounce = pair;
        } else {
            figures.conversion = pair;
        }
    }
    Ok(figures)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_small_run_agrees_with_the_baseline() {
        let shape = Shape {
            events: 200_000,
            runs: 1,
            ..Shape::default()
        };
        let f = run(shape, |_| {});
        assert!(f.is_ok(), "{f:?}");
    }
}
