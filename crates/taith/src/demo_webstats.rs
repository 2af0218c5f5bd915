//! A year of web events for the demo workspace: page views on the web shop's touchpoints,
//! site searches (some finding nothing), goals (`order`, `newsletter`), delivery-slot tasks
//! and a few script errors — with a weekly rhythm (busy Fridays and Saturdays), a slow
//! January and a bad fortnight in the summer when the checkout broke (more errors, fewer
//! orders). Generated from a fixed seed, stored with `insert_events` in batches of 1,000.

use anyhow::{Context as _, Result};
use std::collections::BTreeMap;
use taith_domain::{Channel, Event, EventDetail, Journey, Locale, TouchpointId, WorkspaceId};
use taith_store::{EventToStore, Store};

/// splitmix64.
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

    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

const SEARCHES: [(&str, u32); 8] = [
    ("bara brith", 6),
    ("sourdough", 4),
    ("welsh cakes", 3),
    ("gluten free", 0),
    ("vegan cake", 0),
    ("bara brith delivery", 2),
    ("birthday cake", 5),
    ("cacen gri", 0),
];
const SOURCES: [&str; 4] = [
    "https://www.instagram.com/",
    "https://www.google.com/",
    "https://walesonline.co.uk/food",
    "",
];
const LOCALES: [Locale; 3] = [Locale::En, Locale::Cy, Locale::En];

/// Stores the year of events; `journeys` give the web shop's touchpoints.
pub async fn seed_web_events(
    store: &dyn Store,
    ws: WorkspaceId,
    journeys: &[Journey],
) -> Result<usize> {
    let tps: Vec<TouchpointId> = journeys
        .first()
        .map(|j| j.touchpoints.iter().map(|t| t.id).collect())
        .unwrap_or_default();
    let tp = |i: usize| tps.get(i).copied();
    // Instagram, product pages, live chat, checkout (the demo journey's order).
    let (home, products, checkout) = (tp(1), tp(1), tp(3));
    let today = taith_domain::now().date();
    let mut rng = Rng(2026);
    let mut batch: Vec<EventToStore> = Vec::with_capacity(1_000);
    let mut stored = 0;
    let mut session_no = 0u64;
    for back in (0..365).rev() {
        let day = today - time::Duration::days(back);
        let weekday = day.weekday().number_days_from_monday();
        let mut sessions = 60 + rng.below(20);
        if (4..=5).contains(&weekday) {
            sessions += 40;
        }
        if day.month() == time::Month::January {
            sessions = sessions * 2 / 3;
        }
        // The fortnight the checkout broke: 70 to 56 days ago.
        let broken = (56..70).contains(&back);
        for _ in 0..sessions {
            session_no += 1;
            let visitor = format!("demo-v{}", rng.below(6_000));
            let session = format!("demo-s{session_no}");
            let start = day.midnight().assume_utc()
                + time::Duration::minutes(i64::try_from(7 * 60 + rng.below(15 * 60)).unwrap_or(0));
            let locale = LOCALES[rng.below(3) as usize];
            let referrer = SOURCES[rng.below(4) as usize];
            let mut t = 0i64;
            let mut push =
                |detail: EventDetail, path: &str, touchpoint: Option<TouchpointId>, t: i64| {
                    let mut attributes = BTreeMap::new();
                    if !referrer.is_empty() {
                        attributes.insert("referrer".to_owned(), referrer.to_owned());
                    }
                    batch.push(EventToStore {
                        workspace_id: ws,
                        event: Event {
                            detail,
                            visitor_id: Some(visitor.clone()),
                            session_id: Some(session.clone()),
                            url: Some(format!("https://bakery.example{path}")),
                            touchpoint_id: touchpoint,
                            channel: Channel::Web,
                            locale: Some(locale),
                            attributes,
                            ..Event::page_view(start + time::Duration::seconds(t))
                        },
                    });
                };
            push(EventDetail::PageView, "/", home, t);
            // About four in ten leave at once.
            if rng.chance(42) {
                continue;
            }
            t += 20 + rng.below(60) as i64;
            if rng.chance(35) {
                let (q, n) = SEARCHES[rng.below(SEARCHES.len() as u64) as usize];
                push(
                    EventDetail::Search {
                        query: q.to_owned(),
                        result_count: Some(n),
                    },
                    "/search",
                    products,
                    t,
                );
                t += 15 + rng.below(30) as i64;
            }
            for _ in 0..1 + rng.below(4) {
                let path =
                    ["/bara-brith", "/sourdough", "/welsh-cakes", "/cakes"][rng.below(4) as usize];
                push(EventDetail::PageView, path, products, t);
                t += 20 + rng.below(90) as i64;
            }
            if rng.chance(if broken { 10 } else { 30 }) {
                continue;
            }
            push(EventDetail::PageView, "/cart", checkout, t);
            t += 30 + rng.below(60) as i64;
            if rng.chance(if broken { 30 } else { 3 }) {
                push(
                    EventDetail::Error {
                        kind: "TypeError".to_owned(),
                    },
                    "/checkout",
                    checkout,
                    t,
                );
            }
            let slot_ok = !broken && rng.chance(85) || broken && rng.chance(40);
            push(
                EventDetail::Task {
                    name: "delivery slot".to_owned(),
                    success: slot_ok,
                    duration_ms: Some(20_000 + rng.below(60_000)),
                },
                "/checkout",
                checkout,
                t,
            );
            t += 40 + rng.below(60) as i64;
            if slot_ok && rng.chance(70) {
                push(EventDetail::PageView, "/checkout", checkout, t);
                push(
                    EventDetail::Conversion {
                        goal: "order".to_owned(),
                        value: Some(12.0 + rng.below(30) as f64),
                    },
                    "/checkout/done",
                    checkout,
                    t + 30,
                );
            }
            if rng.chance(8) {
                push(
                    EventDetail::Conversion {
                        goal: "newsletter".to_owned(),
                        value: None,
                    },
                    "/",
                    home,
                    t + 60,
                );
            }
            if batch.len() >= 1_000 {
                stored += batch.len();
                store
                    .insert_events(&batch)
                    .await
                    .context("storing the demo's web events")?;
                batch.clear();
            }
        }
    }
    if !batch.is_empty() {
        stored += batch.len();
        store
            .insert_events(&batch)
            .await
            .context("storing the demo's web events")?;
    }
    Ok(stored)
}
