//! Hand-worked figures over a handful of sessions.

#![allow(clippy::expect_used)]

use super::*;
use crate::index::Place;
use taith_domain::{JourneyId, StageId};
use time::macros::date;

const DAY1: i64 = 1_767_225_600; // 2026-01-01T00:00:00Z (a Thursday)
const DAY8: i64 = DAY1 + 7 * 86_400;

fn tp(n: u8) -> TouchpointId {
    static IDS: std::sync::OnceLock<[TouchpointId; 2]> = std::sync::OnceLock::new();
    IDS.get_or_init(|| [TouchpointId::new(), TouchpointId::new()])[usize::from(n) - 1]
}

fn layout() -> Layout {
    let mut l = Layout::default();
    for (n, name) in [(1, "Home"), (2, "Checkout")] {
        l.touchpoints.insert(
            tp(n),
            Place {
                touchpoint: name.to_owned(),
                stage: "Buy".to_owned(),
                journey: "Shop".to_owned(),
                stage_id: StageId::new(),
                journey_id: JourneyId::new(),
            },
        );
    }
    l
}

fn ev<'a>(
    at: i64,
    session: &'a str,
    visitor: &'a str,
    kind: EventKind,
    subject: &'a str,
) -> IndexedEvent<'a> {
    let touchpoint = match subject {
        "/" => Some(tp(1)),
        "/cart" => Some(tp(2)),
        _ => None,
    };
    IndexedEvent {
        at,
        kind,
        subject,
        visitor,
        session,
        touchpoint,
        channel: Channel::Web,
        locale: if visitor == "v3" {
            Locale::Ar
        } else {
            Locale::En
        },
        site: Some("shop"),
        source: (session == "s2").then_some("news.example"),
    }
}

/// s1: one page view (a bounce). s2: two page views and an `order` (120 s). s3: a page view,
/// a search without results and an error (30 s). s4: a successful task and a search with
/// results, no page view. s5, a week later: a page view of /cart, a failed task and a
/// `newsletter` (60 s).
fn index() -> EventIndex {
    use EventKind::*;
    let mut i = EventIndex::new();
    i.add(&[
        ev(DAY1, "s1", "v1", PageView, "/"),
        ev(DAY1 + 10, "s2", "v1", PageView, "/"),
        ev(DAY1 + 20, "s3", "v2", PageView, "/"),
        ev(DAY1 + 30, "s2", "v1", PageView, "/cart"),
        ev(
            DAY1 + 40,
            "s3",
            "v2",
            Search { zero_results: true },
            "shoes",
        ),
        ev(DAY1 + 50, "s3", "v2", Error, "TypeError"),
        ev(DAY1 + 60, "s4", "v3", Task { success: true }, "return"),
        ev(
            DAY1 + 70,
            "s4",
            "v3",
            Search {
                zero_results: false,
            },
            "boots",
        ),
        ev(DAY1 + 130, "s2", "v1", Conversion, "order"),
        ev(DAY8, "s5", "v3", PageView, "/cart"),
        ev(DAY8 + 30, "s5", "v3", Task { success: false }, "return"),
        ev(DAY8 + 60, "s5", "v3", Conversion, "newsletter"),
    ]);
    i
}

fn q(metric: WebMetric) -> WebQuery {
    WebQuery {
        metric,
        goal: None,
        filters: Vec::new(),
        by: Vec::new(),
        from: None,
        to: None,
    }
}

fn one(i: &EventIndex, q: &WebQuery) -> Figure {
    let groups = i.query(q, &layout()).expect("answers");
    assert_eq!(groups.len(), 1, "{groups:?}");
    groups[0].figure
}

fn text(s: &str) -> Label {
    Label::Text(s.to_owned())
}

#[test]
fn the_figures_match_the_hand_worked_ones() {
    let i = index();
    assert_eq!(i.len(), 12);
    assert_eq!(i.sessions(), 5);
    use Figure::*;
    assert_eq!(one(&i, &q(WebMetric::Visitors)), Count(3));
    assert_eq!(one(&i, &q(WebMetric::PageViews)), Count(5));
    assert_eq!(
        one(&i, &q(WebMetric::BounceRate)),
        Proportion { good: 1, n: 4 }
    );
    assert_eq!(
        one(&i, &q(WebMetric::ConversionRate)),
        Proportion { good: 2, n: 5 }
    );
    assert_eq!(
        one(&i, &q(WebMetric::ErrorRate)),
        Proportion { good: 1, n: 5 }
    );
    assert_eq!(
        one(&i, &q(WebMetric::TaskSuccessRate)),
        Proportion { good: 1, n: 2 }
    );
    assert_eq!(
        one(&i, &q(WebMetric::SearchZeroResultRate)),
        Proportion { good: 1, n: 2 }
    );
    // Lengths 0, 120, 30, 10, 60.
    assert_eq!(
        one(&i, &q(WebMetric::SessionDuration)),
        Duration {
            n: 5,
            mean: Some(44.0),
            median: Some(30.0)
        }
    );
    let mut goal = q(WebMetric::ConversionRate);
    goal.goal = Some("order".to_owned());
    assert_eq!(one(&i, &goal), Proportion { good: 1, n: 5 });
    let f = Proportion { good: 1, n: 4 };
    assert_eq!(f.value(), Some(25.0));
    let (lo, hi) = f.ci95().expect("an interval");
    assert!(
        (lo - 4.56).abs() < 0.01 && (hi - 69.94).abs() < 0.01,
        "{lo} {hi}"
    );
    assert!(f.small_sample());
}

#[test]
fn sessions_count_for_every_touchpoint_they_touched() {
    let i = index();
    let mut by = q(WebMetric::BounceRate);
    by.by = vec![Dimension::Touchpoint];
    let groups = i.query(&by, &layout()).expect("answers");
    assert_eq!(
        groups,
        vec![
            WebGroup {
                key: vec![text("Checkout")],
                figure: Figure::Proportion { good: 0, n: 2 }
            },
            WebGroup {
                key: vec![text("Home")],
                figure: Figure::Proportion { good: 1, n: 3 }
            },
        ]
    );
    // Both touchpoints are in one stage: a session touching both counts once there.
    by.by = vec![Dimension::Stage];
    let groups = i.query(&by, &layout()).expect("answers");
    assert_eq!(groups[0].figure, Figure::Proportion { good: 1, n: 4 });
    // Filtered.
    let mut conv = q(WebMetric::ConversionRate);
    conv.filters = vec![Filter {
        dimension: Dimension::Touchpoint,
        values: vec![text("Checkout")],
    }];
    assert_eq!(one(&i, &conv), Figure::Proportion { good: 2, n: 2 });
}

#[test]
fn groups_by_week_page_query_source_and_locale() {
    let i = index();
    let mut pv = q(WebMetric::PageViews);
    pv.by = vec![Dimension::Attribute(PAGE.to_owned())];
    let groups = i.query(&pv, &layout()).expect("answers");
    assert_eq!(
        groups
            .iter()
            .map(|g| (g.key[0].to_string(), g.figure))
            .collect::<Vec<_>>(),
        vec![
            ("/".to_owned(), Figure::Count(3)),
            ("/cart".to_owned(), Figure::Count(2))
        ]
    );
    let mut conv = q(WebMetric::ConversionRate);
    conv.by = vec![Dimension::Week];
    let groups = i.query(&conv, &layout()).expect("answers");
    assert_eq!(groups.len(), 2);
    assert_eq!(groups[0].key[0].to_string(), "2026-W01");
    assert_eq!(groups[0].figure, Figure::Proportion { good: 1, n: 4 });
    assert_eq!(groups[1].key[0].to_string(), "2026-W02");
    assert_eq!(groups[1].figure, Figure::Proportion { good: 1, n: 1 });
    let mut zero = q(WebMetric::SearchZeroResultRate);
    zero.by = vec![Dimension::Attribute(QUERY.to_owned())];
    let groups = i.query(&zero, &layout()).expect("answers");
    assert_eq!(groups[0].key[0].to_string(), "boots");
    assert_eq!(groups[1].key[0].to_string(), "shoes");
    assert_eq!(groups[1].figure, Figure::Proportion { good: 1, n: 1 });
    let mut visitors = q(WebMetric::Visitors);
    visitors.by = vec![Dimension::Attribute(SOURCE.to_owned())];
    let groups = i.query(&visitors, &layout()).expect("answers");
    // Direct (an empty label) and news.example.
    assert_eq!(groups[0].key[0].to_string(), "");
    assert_eq!(groups[0].figure, Figure::Count(3));
    assert_eq!(groups[1].figure, Figure::Count(1));
    let mut locale = q(WebMetric::Visitors);
    locale.filters = vec![Filter {
        dimension: Dimension::Locale,
        values: vec![Label::Locale(Locale::Ar)],
    }];
    assert_eq!(one(&i, &locale), Figure::Count(1));
}

#[test]
fn from_and_to_bound_the_days_and_page_filters_sessions() {
    let i = index();
    let mut conv = q(WebMetric::ConversionRate);
    conv.from = Some(date!(2026 - 01 - 05));
    assert_eq!(one(&i, &conv), Figure::Proportion { good: 1, n: 1 });
    conv.from = Some(date!(2026 - 01 - 05));
    conv.to = Some(date!(2026 - 01 - 01));
    assert_eq!(i.query(&conv, &layout()), Err(WebQueryError::EmptyRange));
    let mut bounce = q(WebMetric::BounceRate);
    bounce.filters = vec![Filter {
        dimension: Dimension::Attribute(PAGE.to_owned()),
        values: vec![text("/cart")],
    }];
    assert_eq!(one(&i, &bounce), Figure::Proportion { good: 0, n: 2 });
    let mut by_page = q(WebMetric::BounceRate);
    by_page.by = vec![Dimension::Attribute(PAGE.to_owned())];
    assert_eq!(
        i.query(&by_page, &layout()),
        Err(WebQueryError::Unsupported("page".to_owned()))
    );
    let mut goal = q(WebMetric::ConversionRate);
    goal.filters = vec![Filter {
        dimension: Dimension::Attribute(GOAL.to_owned()),
        values: vec![text("newsletter")],
    }];
    assert_eq!(one(&i, &goal), Figure::Proportion { good: 1, n: 5 });
}

#[test]
fn a_funnel_counts_steps_in_order() {
    let i = index();
    let steps = [
        FunnelStep::Page("/".to_owned()),
        FunnelStep::Page("/cart".to_owned()),
        FunnelStep::Goal("order".to_owned()),
    ];
    assert_eq!(
        i.funnel(&steps, &[], None, None, &layout()),
        Ok(vec![3, 1, 1])
    );
    let steps = [FunnelStep::Page("/cart".to_owned())];
    assert_eq!(i.funnel(&steps, &[], None, None, &layout()), Ok(vec![2]));
}

#[test]
fn a_touchpoint_funnel_counts_sessions_that_went_on_to_the_next_touchpoint() {
    let i = index();
    // Home (/) in s1, s2, s3; of those only s2 went on to the cart afterwards. The cart in
    // s2 and s5; nobody went back home after it.
    let forward = [FunnelStep::Touchpoint(tp(1)), FunnelStep::Touchpoint(tp(2))];
    assert_eq!(
        i.funnel(&forward, &[], None, None, &layout()),
        Ok(vec![3, 1])
    );
    let back = [FunnelStep::Touchpoint(tp(2)), FunnelStep::Touchpoint(tp(1))];
    assert_eq!(i.funnel(&back, &[], None, None, &layout()), Ok(vec![2, 0]));
    let unseen = [FunnelStep::Touchpoint(TouchpointId::new())];
    assert_eq!(i.funnel(&unseen, &[], None, None, &layout()), Ok(vec![0]));
}

#[test]
fn an_empty_index_answers_nothing_counted() {
    let i = EventIndex::new();
    assert_eq!(
        one(&i, &q(WebMetric::BounceRate)),
        Figure::Proportion { good: 0, n: 0 }
    );
    assert_eq!(one(&i, &q(WebMetric::BounceRate)).value(), None);
}
