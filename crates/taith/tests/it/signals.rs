//! Signals on the journey, on both stores: figures bound to touchpoints over the API (checked,
//! refused with named fields, another workspace's touchpoint not found), a journey's signals
//! matching hand-worked figures (bounce and conversion rates, first response time, the trend
//! arrow, the drop-off between consecutive touchpoints), and the same on the live map, the
//! touchpoint page and the page that chooses the figures.

use crate::helpers::{TestApp, fresh_postgres, fresh_sqlite};
use reqwest::Method;
use serde_json::{Value, json};
use std::time::{Duration, Instant};
use taith_domain::{
    Channel, ConversationStatus, Event, EventDetail, JourneyId, Name, TokenScope, TouchpointId,
    WorkspaceId,
};
use taith_store::{ConversationToStore, EventToStore, SharedStore};

macro_rules! on_both_stores {
    ($($behaviour:ident),* $(,)?) => {
        pastey::paste! {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn [<$behaviour _on_sqlite>]() {
                    let (store, dir) = fresh_sqlite().await;
                    $behaviour(store).await;
                    let _ = std::fs::remove_dir_all(dir);
                }

                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn [<$behaviour _on_postgres>]() {
                    let Some((store, db)) = fresh_postgres().await else {
                        return;
                    };
                    $behaviour(store).await;
                    db.drop_database().await;
                }
            )*
        }
    };
}

on_both_stores!(
    figures_are_bound_over_the_api_and_bad_ones_refused_by_field,
    a_journeys_signals_match_the_hand_worked_figures_on_the_api_the_map_and_the_touchpoint_page,
);

/// The period of the hand-worked data, and the one before it.
const PERIOD: &str = "period=custom&from=2026-03-02&to=2026-03-08";

struct Shop {
    journey: JourneyId,
    product: TouchpointId,
    checkout: TouchpointId,
    phone: TouchpointId,
}

/// A journey with a product page (stage 2), a checkout (stage 3) and a phone line (stage 4).
async fn shop(store: &SharedStore, ws: WorkspaceId) -> Shop {
    let mut j = taith_domain::Journey::new(
        taith_domain::JourneyFields {
            name: Name::parse("Web shop").unwrap(),
            description: Default::default(),
            persona_id: None,
        },
        taith_domain::StageModel::FiveStage,
        |k| Name::parse(k).unwrap(),
        taith_domain::now(),
    );
    let stages: Vec<_> = j.stages.iter().map(|s| s.id).collect();
    let mut add = |stage, name: &str, channel| {
        j.add_touchpoint(
            stage,
            taith_domain::TouchpointFields {
                name: Name::parse(name).unwrap(),
                channel,
                owner: None,
                description: Default::default(),
                moment_of_truth: false,
            },
        )
        .unwrap()
    };
    let product = add(stages[1], "Product page", Channel::Web);
    let checkout = add(stages[2], "Checkout", Channel::Web);
    let phone = add(stages[3], "Phone line", Channel::Phone);
    store
        .create_journey(
            ws,
            &j,
            &taith_store::Author {
                user_id: None,
                name: "test".into(),
            },
            &[taith_domain::Change::Created],
        )
        .await
        .unwrap();
    Shop {
        journey: j.id,
        product,
        checkout,
        phone,
    }
}

fn event(at: time::OffsetDateTime, session: &str, tp: TouchpointId, detail: EventDetail) -> Event {
    Event {
        detail,
        visitor_id: Some(format!("v-{session}")),
        session_id: Some(session.to_owned()),
        touchpoint_id: Some(tp),
        ..Event::page_view(at)
    }
}

/// This period (2 March): 40 visits view the product page; 10 of them go on to the checkout
/// and 8 of those order; 2 more visits view only the checkout. The period before (25
/// February): 20 visits view only the checkout, none orders.
///
/// - product page bounce: 30 of its 40 visits saw one page and did nothing else = 75.0%;
/// - checkout conversion (`order`): 8 of its 12 visits = 66.7%, up from 0 of 20 — a
///   significant change (|Δ| = 66.7 > 1.96 × √(0 + 0.667 × 0.333 / 12 × 10⁴) = 26.7);
/// - drop-off product page → checkout: 30 of 40 did not go on = 75.0%.
fn hand_worked(shop: &Shop) -> Vec<Event> {
    let now = time::macros::datetime!(2026-03-02 09:00 UTC);
    let before = time::macros::datetime!(2026-02-25 09:00 UTC);
    let order = || EventDetail::Conversion {
        goal: "order".to_owned(),
        value: None,
    };
    let mut out = Vec::new();
    for i in 0..40 {
        let at = now + time::Duration::minutes(i * 10);
        let s = format!("p{i}");
        out.push(event(at, &s, shop.product, EventDetail::PageView));
        if i < 10 {
            let later = at + time::Duration::minutes(2);
            out.push(event(later, &s, shop.checkout, EventDetail::PageView));
            if i < 8 {
                out.push(event(
                    later + time::Duration::minutes(1),
                    &s,
                    shop.checkout,
                    order(),
                ));
            }
        }
    }
    for i in 0..2 {
        let at = now + time::Duration::minutes(500 + i);
        out.push(event(
            at,
            &format!("c{i}"),
            shop.checkout,
            EventDetail::PageView,
        ));
    }
    for i in 0..20 {
        let at = before + time::Duration::minutes(i * 10);
        out.push(event(
            at,
            &format!("old{i}"),
            shop.checkout,
            EventDetail::PageView,
        ));
    }
    out
}

/// Three calls about the phone line on 3 March, first answered after 10, 20 and 30 minutes:
/// a mean first response time of 20 min, n = 3 (few).
fn calls(shop: &Shop) -> Vec<ConversationToStore> {
    let at = time::macros::datetime!(2026-03-03 10:00 UTC);
    [10, 20, 30]
        .into_iter()
        .map(|m| ConversationToStore {
            external_id: Some(format!("call-{m}")),
            channel: Channel::Phone,
            status: ConversationStatus::Open,
            subject: "Where is my order?".to_owned(),
            customer_id: None,
            assignee: None,
            agent: None,
            team: None,
            tags: Vec::new(),
            satisfaction: None,
            locale: None,
            touchpoint_id: Some(shop.phone),
            created_at: at,
            first_reply_at: Some(at + time::Duration::minutes(m)),
            resolved_at: None,
            reopens: 0,
            messages: Vec::new(),
        })
        .collect()
}

async fn workspace(app: &TestApp, slug: &str) -> WorkspaceId {
    app.workspace(slug, &format!("owner@{slug}.test"))
        .await
        .0
        .id
}

async fn api(
    app: &TestApp,
    method: Method,
    path: &str,
    token: &str,
    body: Option<Value>,
) -> (u16, Value) {
    app.browser().api(method, path, token, body).await
}

/// What a reader sees of a page: its text without the tags, spaces collapsed.
fn seen(page: &crate::helpers::Page) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in page.text().chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn fields_of(body: &Value) -> Vec<String> {
    body["error"]["details"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|d| d["field"].as_str().unwrap_or_default().to_owned())
                .collect()
        })
        .unwrap_or_default()
}

async fn figures_are_bound_over_the_api_and_bad_ones_refused_by_field(store: SharedStore) {
    let app = TestApp::spawn_unthrottled(store.clone()).await;
    let ws = workspace(&app, "sigbind").await;
    let other = workspace(&app, "sigother").await;
    let shop = shop(&store, ws).await;
    let theirs = self::shop(&store, other).await;
    let write = app.api_token("sigbind", TokenScope::Write).await;
    let read = app.api_token("sigbind", TokenScope::Read).await;
    let path = format!("/api/v1/touchpoints/{}/figures", shop.checkout);

    // Nothing bound yet.
    let (status, body) = api(&app, Method::GET, &path, &read, None).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["figures"], json!([]), "{body}");

    // Bound, in order, the same figure twice kept once, a goal trimmed.
    let put = json!({"figures": [
        {"metric": "conversion_rate", "goal": " order "},
        {"metric": "error_rate"},
        {"metric": "conversion_rate", "goal": "order"}
    ]});
    let (status, body) = api(&app, Method::PUT, &path, &write, Some(put.clone())).await;
    assert_eq!(status, 200, "{body}");
    let want = json!([{"metric": "conversion_rate", "goal": "order"}, {"metric": "error_rate"}]);
    assert_eq!(body["figures"], want, "{body}");
    let (_, body) = api(&app, Method::GET, &path, &read, None).await;
    assert_eq!(body["figures"], want, "{body}");
    assert_eq!(body["touchpoint_id"], shop.checkout.to_string());

    // A read token may not change them.
    let (status, _) = api(&app, Method::PUT, &path, &read, Some(put.clone())).await;
    assert_eq!(status, 403);

    // Bad figures are named by field; nothing changes.
    let (status, body) = api(
        &app,
        Method::PUT,
        &path,
        &write,
        Some(
            json!({"figures": [{"metric": "nps"}, {"metric": "bounce_rate", "goal": "order"},
                                {"metric": "conversion_rate", "goal": "g".repeat(201)}]}),
        ),
    )
    .await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(
        fields_of(&body),
        ["figures[0].metric", "figures[1].goal", "figures[2].goal"],
        "{body}"
    );
    let five: Vec<Value> = [
        "visitors",
        "page_views",
        "bounce_rate",
        "error_rate",
        "reopen_rate",
    ]
    .iter()
    .map(|m| json!({"metric": m}))
    .collect();
    let (status, body) = api(
        &app,
        Method::PUT,
        &path,
        &write,
        Some(json!({"figures": five})),
    )
    .await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(fields_of(&body), ["figures"], "{body}");
    let (status, body) = api(
        &app,
        Method::PUT,
        &path,
        &write,
        Some(json!({"figure": []})),
    )
    .await;
    assert_eq!(status, 400, "{body}");
    let (_, body) = api(&app, Method::GET, &path, &read, None).await;
    assert_eq!(body["figures"], want, "unchanged: {body}");

    // Another workspace's touchpoint is as unknown as one that never was, on both verbs; and
    // the refusal comes before the body is looked at.
    for tp in [theirs.checkout, TouchpointId::new()] {
        let path = format!("/api/v1/touchpoints/{tp}/figures");
        let (status, _) = api(&app, Method::GET, &path, &read, None).await;
        assert_eq!(status, 404);
        let (status, _) = api(
            &app,
            Method::PUT,
            &path,
            &write,
            Some(json!({"figures": [{"metric": "nps"}]})),
        )
        .await;
        assert_eq!(status, 404);
    }
    let (status, _) = api(
        &app,
        Method::GET,
        &format!("/api/v1/journeys/{}/signals", theirs.journey),
        &read,
        None,
    )
    .await;
    assert_eq!(status, 404);

    // An empty list shows none.
    let (status, body) = api(
        &app,
        Method::PUT,
        &path,
        &write,
        Some(json!({"figures": []})),
    )
    .await;
    assert_eq!((status, body["figures"].clone()), (200, json!([])));
}

/// Asks the journey's signals until the checkout has counted its 12 visits (the app tails the
/// store), within `within`.
async fn signals_when_counted(
    app: &TestApp,
    token: &str,
    journey: JourneyId,
    within: Duration,
) -> Value {
    let deadline = Instant::now() + within;
    loop {
        let (status, body) = api(
            app,
            Method::GET,
            &format!("/api/v1/journeys/{journey}/signals?{PERIOD}"),
            token,
            None,
        )
        .await;
        assert_eq!(status, 200, "{body}");
        if body["touchpoints"][1]["figures"][0]["n"] == 12 {
            return body;
        }
        assert!(Instant::now() < deadline, "not counted in time: {body}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn a_journeys_signals_match_the_hand_worked_figures_on_the_api_the_map_and_the_touchpoint_page(
    store: SharedStore,
) {
    let app = TestApp::spawn_unthrottled(store.clone()).await;
    let ws = workspace(&app, "sigshop").await;
    let shop = shop(&store, ws).await;
    let events: Vec<EventToStore> = hand_worked(&shop)
        .into_iter()
        .map(|event| EventToStore {
            workspace_id: ws,
            event,
        })
        .collect();
    store.insert_events(&events).await.unwrap();
    store.save_conversations(ws, &calls(&shop)).await.unwrap();
    let write = app.api_token("sigshop", TokenScope::Write).await;
    let read = app.api_token("sigshop", TokenScope::Read).await;
    for (tp, figures) in [
        (shop.product, json!([{"metric": "bounce_rate"}])),
        (
            shop.checkout,
            json!([{"metric": "conversion_rate", "goal": "order"}]),
        ),
        (
            shop.phone,
            json!([{"metric": "first_response_time"}, {"metric": "reopen_rate"}]),
        ),
    ] {
        let (status, body) = api(
            &app,
            Method::PUT,
            &format!("/api/v1/touchpoints/{tp}/figures"),
            &write,
            Some(json!({ "figures": figures })),
        )
        .await;
        assert_eq!(status, 200, "{body}");
    }

    let body = signals_when_counted(&app, &read, shop.journey, Duration::from_secs(10)).await;
    assert_eq!(body["from"], "2026-03-02");
    assert_eq!(body["to"], "2026-03-08");
    let tps = body["touchpoints"].as_array().unwrap();
    assert_eq!(tps.len(), 3, "{body}");
    assert_eq!(
        tps[0]["touchpoint_id"],
        shop.product.to_string(),
        "map order: {body}"
    );
    let bounce = &tps[0]["figures"][0];
    assert_eq!(
        (
            bounce["metric"].clone(),
            bounce["value"].clone(),
            bounce["n"].clone(),
            bounce["trend"].clone()
        ),
        (json!("bounce_rate"), json!(75.0), json!(40), json!("none")),
        "{body}"
    );
    let conversion = &tps[1]["figures"][0];
    assert_eq!(conversion["goal"], "order");
    assert_eq!(conversion["value"], 66.7, "{body}");
    assert_eq!(conversion["small_sample"], true, "{body}");
    assert_eq!(conversion["trend"], "up", "8 of 12 against 0 of 20: {body}");
    let ci = conversion["ci95"].as_array().unwrap();
    assert!(
        ci[0].as_f64().unwrap() < 66.7 && ci[1].as_f64().unwrap() > 66.7,
        "{body}"
    );
    let first = &tps[2]["figures"][0];
    assert_eq!(
        (
            first["metric"].clone(),
            first["value"].clone(),
            first["n"].clone()
        ),
        (json!("first_response_time"), json!(20.0), json!(3)),
        "{body}"
    );
    // None resolved: no reopen rate, said as such.
    assert_eq!(tps[2]["figures"][1]["value"], Value::Null, "{body}");
    // The phone line has no events: the only consecutive pair is product page → checkout.
    assert_eq!(
        body["drop_offs"],
        json!([{"from_touchpoint_id": shop.product.to_string(), "to_touchpoint_id": shop.checkout.to_string(),
                "stage_id": body["drop_offs"][0]["stage_id"], "reached": 40, "went_on": 10,
                "drop_off_rate": 75.0, "ci95": body["drop_offs"][0]["ci95"]}]),
        "{body}"
    );

    // The week before the data: nothing counted, said so, no arrow.
    let (_, empty) = api(
        &app,
        Method::GET,
        &format!(
            "/api/v1/journeys/{}/signals?period=custom&from=2026-01-01&to=2026-01-07",
            shop.journey
        ),
        &read,
        None,
    )
    .await;
    assert_eq!(
        empty["touchpoints"][0]["figures"][0]["value"],
        Value::Null,
        "{empty}"
    );
    assert_eq!(empty["drop_offs"], json!([]), "{empty}");
    // A reversed range is the client's mistake, named.
    let (status, bad) = api(
        &app,
        Method::GET,
        &format!(
            "/api/v1/journeys/{}/signals?period=custom&from=2026-03-08&to=2026-03-02",
            shop.journey
        ),
        &read,
        None,
    )
    .await;
    assert_eq!(status, 422, "{bad}");
    assert_eq!(fields_of(&bad), ["to"], "{bad}");

    // The live map: the figures on their cards, the arrow said in words, the drop-off row.
    let owner = app.signed_in("owner@sigshop.test").await;
    let map = owner
        .get(&format!(
            "/w/sigshop/journeys/{}?{PERIOD}&lang=en",
            shop.journey
        ))
        .await;
    assert_eq!(map.status, 200);
    let text = seen(&map);
    for want in [
        "Bounce rate 75.0%",
        "Conversion rate (order) 66.7% ↑ significantly up on the period before",
        "First response time 20 min",
        "Drop-off",
        "Product page → Checkout: 75.0% did not go on (10 of 40 visits went on)",
    ] {
        assert!(text.contains(want), "map lacks {want:?}: {text}");
    }

    // The touchpoint page shows the same, and links to the page that chooses them.
    let page = owner
        .get(&format!(
            "/w/sigshop/dashboard/touchpoints/{}?{PERIOD}&lang=en",
            shop.checkout
        ))
        .await;
    assert_eq!(page.status, 200);
    assert!(
        seen(&page).contains("Conversion rate (order) 66.7%"),
        "{}",
        seen(&page)
    );
    let edit = format!("/w/sigshop/touchpoints/{}/figures", shop.checkout);
    assert!(page.body.contains(&edit), "{}", page.body);

    // Chosen in the form: the checkout shows its error rate too; too many is refused in the
    // reader's language with what was ticked kept.
    let edit = format!("{edit}?{PERIOD}");
    let form = owner.get(&format!("{edit}&lang=en")).await;
    assert_eq!(form.status, 200);
    assert!(
        form.body.contains("value=\"conversion_rate\" checked"),
        "{}",
        form.body
    );
    let saved = owner
        .submit(
            &edit,
            &edit,
            &[
                ("metric", "conversion_rate"),
                ("metric", "error_rate"),
                ("goal", "order"),
                ("period", "custom"),
                ("from", "2026-03-02"),
                ("to", "2026-03-08"),
            ],
        )
        .await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    let after = owner.get(saved.location.as_deref().unwrap()).await;
    assert!(seen(&after).contains("Figures saved."), "{}", seen(&after));
    assert!(seen(&after).contains("Error rate 0.0%"), "{}", seen(&after));
    let too_many = owner
        .submit(
            &edit,
            &edit,
            &[
                ("metric", "visitors"),
                ("metric", "page_views"),
                ("metric", "bounce_rate"),
                ("metric", "error_rate"),
                ("metric", "reopen_rate"),
            ],
        )
        .await;
    assert_eq!(too_many.status, 422);
    assert!(
        too_many.body.contains("value=\"reopen_rate\" checked"),
        "{}",
        too_many.body
    );
    let (_, kept) = api(
        &app,
        Method::GET,
        &format!("/api/v1/touchpoints/{}/figures", shop.checkout),
        &read,
        None,
    )
    .await;
    assert_eq!(
        kept["figures"],
        json!([{"metric": "conversion_rate", "goal": "order"}, {"metric": "error_rate"}])
    );
}
