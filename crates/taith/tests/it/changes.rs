//! "You said, we did" end to end: a change recorded through the API tells exactly the linked
//! customers who did not opt out — once, even with two workers racing and run again — in their
//! language, to a local SMTP sink; the notice counts in the invitation throttle; the opt-out
//! page works; the public page lists the change in each locale; bad input is refused field by
//! field; another workspace's change is a 404 (both stores).

use crate::helpers::{TestApp, fresh_postgres, fresh_sqlite};
use crate::smtp_sink::{Received, SmtpSink};
use crate::surveys_api::token;
use crate::surveys_ui::live_nps;
use reqwest::Method;
use serde_json::{Value, json};
use std::collections::BTreeMap;
use taith_app::changes::notices::Notices;
use taith_domain::invitation::{InviteOutcome, Invitee, Skipped};
use taith_domain::{
    Channel, Email, FeatureRequestFields, Locale, LongText, Name, NewResponse, RequestSource,
    ResponseId, Survey, TokenScope, Voter, Workspace,
};
use taith_i18n::Tr;
use taith_store::{NewCustomer, ResponseToStore, SharedStore};

fn mailer(sink: &SmtpSink) -> taith_app::invitations::outbox::Mailer {
    taith_app::invitations::outbox::Mailer::new(&taith_app::invitations::outbox::MailConfig {
        smtp_url: sink.url(),
        from: "Becws <adborth@becws.example>".to_owned(),
    })
    .unwrap()
}

fn plain(locale: Locale, key: &str, business: &str) -> String {
    Tr::new(locale)
        .t1(key, "business", business)
        .replace(['\u{2068}', '\u{2069}'], "")
}

fn mails_to<'a>(mails: &'a [Received], address: &str) -> Vec<&'a Received> {
    mails
        .iter()
        .filter(|m| m.rcpt_to.iter().any(|r| r == address))
        .collect()
}

/// Stores one response of `survey`, by `customer` (None: anonymous), in `locale`.
pub async fn respond(
    store: &SharedStore,
    ws: &Workspace,
    survey: &Survey,
    customer: Option<(&str, Option<Locale>)>,
    locale: Locale,
    score: i16,
    attributes: &[(&str, &str)],
) -> NewResponse {
    let response = NewResponse {
        id: ResponseId::new(),
        survey_id: survey.id,
        score,
        answers: Vec::new(),
        comment: LongText::parse("Please bake rye bread").unwrap(),
        touchpoint_id: None,
        channel: Channel::Web,
        locale,
        customer_id: None,
        attributes: attributes
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect::<BTreeMap<_, _>>(),
        submitted_at: taith_domain::now(),
        client_key: None,
    };
    let customer = customer.map(|(key, own)| NewCustomer {
        external_id: Some(key.to_owned()),
        email: key.contains('@').then(|| Email::parse(key).unwrap()),
        name: None,
        locale: own,
    });
    store
        .insert_responses(&[ResponseToStore {
            workspace_id: ws.id,
            response: response.clone(),
            customer,
        }])
        .await
        .unwrap();
    store.response(ws.id, response.id).await.unwrap()
}

/// `second_node` is the same database opened a second time: another taith node's store.
async fn a_we_did_notice_reaches_exactly_the_linked_customers_who_did_not_opt_out_once(
    store: SharedStore,
    second_node: SharedStore,
) {
    let app = TestApp::spawn_unthrottled(store.clone()).await;
    let (ws, _) = app.workspace("becws", "owner@becws.example").await;
    let survey = live_nps(&app, &ws).await;
    let write = token(&app, "becws", TokenScope::Write).await;
    let b = app.browser();

    // Behind the request: Siân (answered in Welsh, then in English: the later one counts),
    // Layla (Arabic), Ola (opted out of e-mail), an anonymous comment, a customer known by
    // no e-mail, and Amina, who only voted (her only response is in Swahili).
    let sian_cy = respond(
        &store,
        &ws,
        &survey,
        Some(("sian@example.com", None)),
        Locale::Cy,
        9,
        &[],
    )
    .await;
    let layla = respond(
        &store,
        &ws,
        &survey,
        Some(("layla@example.com", None)),
        Locale::Ar,
        6,
        &[],
    )
    .await;
    let ola = respond(
        &store,
        &ws,
        &survey,
        Some(("ola@example.com", None)),
        Locale::En,
        3,
        &[],
    )
    .await;
    let anonymous = respond(&store, &ws, &survey, None, Locale::Vi, 5, &[]).await;
    let no_mail = respond(
        &store,
        &ws,
        &survey,
        Some(("crm-42", Some(Locale::Ms))),
        Locale::Ms,
        7,
        &[],
    )
    .await;
    let amina = respond(
        &store,
        &ws,
        &survey,
        Some(("amina@example.com", None)),
        Locale::Sw,
        10,
        &[],
    )
    .await;
    // Not behind the request at all.
    let other = respond(
        &store,
        &ws,
        &survey,
        Some(("other@example.com", None)),
        Locale::En,
        8,
        &[],
    )
    .await;
    store
        .unsubscribe(ws.id, ola.customer_id.unwrap(), taith_domain::now())
        .await
        .unwrap();

    let request = taith_app::feature_requests::create(
        store.as_ref(),
        ws.id,
        &FeatureRequestFields {
            title: Name::parse("Rye bread").unwrap(),
            description: LongText::empty(),
        },
        RequestSource::Staff,
    )
    .await
    .unwrap();
    for r in [&sian_cy, &layla, &ola, &anonymous, &no_mail] {
        taith_app::feature_requests::link_response(store.as_ref(), ws.id, request.id, r.id)
            .await
            .unwrap();
    }
    // Siân's later answer, also linked, was in English: her notice is in English.
    let sian_en = respond(
        &store,
        &ws,
        &survey,
        Some(("sian@example.com", None)),
        Locale::En,
        10,
        &[],
    )
    .await;
    taith_app::feature_requests::link_response(store.as_ref(), ws.id, request.id, sian_en.id)
        .await
        .unwrap();
    taith_app::feature_requests::vote(
        store.as_ref(),
        ws.id,
        request.id,
        &Voter::Customer(amina.customer_id.unwrap()),
    )
    .await
    .unwrap();

    let (status, body) = b
        .api(
            Method::POST,
            "/api/v1/changes",
            &write,
            Some(json!({
                "source_kind": "feature_request",
                "source_id": request.id.to_string(),
                "note": {"en": "Rye bread every Friday.", "cy": "Bara rhyg bob dydd Gwener.", "sw": "Mkate wa rai kila Ijumaa."}
            })),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["change"]["notices"]["recipients"], 3, "{body}");
    assert_eq!(body["change"]["notices"]["sent"], 0);
    let change_id = body["change"]["id"].as_str().unwrap().to_owned();

    // Two workers (as on two nodes) race for the notices, then both run again.
    let sink = SmtpSink::start().await;
    let public_url = format!("http://{}", app.addr);
    let one = Notices::new(store.clone(), Some(mailer(&sink)), public_url.clone());
    let two = Notices::new(second_node, Some(mailer(&sink)), public_url.clone());
    let now = taith_domain::now();
    let (a, c) = tokio::join!(one.send_due(now), two.send_due(now));
    let (a, c) = (a.unwrap(), c.unwrap());
    assert_eq!(a.sent + c.sent, 3, "{a:?} {c:?}");
    // Even once every lease has run out, nothing is due any more.
    let later = now + taith_app::changes::notices::LEASE + time::Duration::minutes(1);
    assert_eq!(one.send_due(later).await.unwrap().sent, 0);
    assert_eq!(two.send_due(later).await.unwrap().sent, 0);

    let mails = sink.received();
    assert_eq!(
        mails.len(),
        3,
        "one notice per linked customer who may be told"
    );
    for (address, locale, note) in [
        ("sian@example.com", Locale::En, "Rye bread every Friday."),
        ("layla@example.com", Locale::Ar, "Rye bread every Friday."),
        ("amina@example.com", Locale::Sw, "Mkate wa rai kila Ijumaa."),
    ] {
        let to = mails_to(&mails, address);
        assert_eq!(to.len(), 1, "{address}: exactly one notice");
        let mail = to[0];
        assert_eq!(
            mail.header("Subject").unwrap(),
            plain(locale, "changes-mail-subject", "becws"),
            "{address}"
        );
        let html = mail.part("text/html").unwrap();
        let dir = if locale == Locale::Ar { "rtl" } else { "ltr" };
        assert!(
            html.contains(&format!("<html lang=\"{}\" dir=\"{dir}\">", locale.tag())),
            "{address}"
        );
        assert!(
            mail.part("text/plain").unwrap().contains(note),
            "{address}: the note"
        );
    }
    for address in ["ola@example.com", "other@example.com"] {
        assert!(
            mails_to(&mails, address).is_empty(),
            "{address} is not told"
        );
    }
    let _ = other;

    // The change now counts its notices as sent.
    let (status, body) = b
        .api(
            Method::GET,
            &format!("/api/v1/changes/{change_id}"),
            &write,
            None,
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(body["change"]["notices"]["sent"], 3, "{body}");
    assert_eq!(body["change"]["notices"]["waiting"], 0);

    // A notice counts in the survey contact throttle: Amina (voted, never invited to this
    // survey's second cousin) is not invited; a customer never contacted is.
    let second = live_nps(&app, &ws).await;
    let invitees = [
        Invitee {
            email: Email::parse("amina@example.com").unwrap(),
            name: None,
            locale: None,
            external_id: Some("amina@example.com".to_owned()),
        },
        Invitee {
            email: Email::parse("new@example.com").unwrap(),
            name: None,
            locale: None,
            external_id: None,
        },
    ];
    let report = taith_app::invitations::invite(store.as_ref(), ws.id, &second, &invitees, 0)
        .await
        .unwrap();
    assert_eq!(
        report.outcomes[0].1,
        InviteOutcome::Skipped(Skipped::Throttled)
    );
    assert!(matches!(report.outcomes[1].1, InviteOutcome::Invited(_)));

    // The opt-out link: a page that asks, then records it on the customer.
    let text = mails_to(&mails, "layla@example.com")[0]
        .part("text/plain")
        .unwrap();
    let link = text
        .lines()
        .find(|l| l.contains("/changes/stop/"))
        .and_then(|l| l.split_whitespace().last())
        .unwrap()
        .to_owned();
    let path = link.split_once(&public_url).unwrap().1.to_owned();
    let page = b.get(&path).await;
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains("<form method=\"post\""),
        "the link only asks"
    );
    let (status, still) = b
        .api(
            Method::GET,
            &format!("/api/v1/changes/{change_id}"),
            &write,
            None,
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(
        still["change"]["notices"]["opted_out"], 0,
        "opening the link opts nobody out"
    );
    let done = b.post_raw(&path, &[]).await;
    assert_eq!(done.status, 200, "{}", done.body);
    assert!(
        done.body
            .contains(&Tr::new(Locale::Ar).t1("changes-stop-done", "business", "becws")),
        "in the notice's language"
    );
    let unknown = b
        .get(&format!("/f/becws/changes/stop/{}", "x".repeat(40)))
        .await;
    assert_eq!(unknown.status, 404);

    // A second change for the same request: Layla opted out, so only two are told.
    let (status, body) = b
        .api(
            Method::POST,
            "/api/v1/changes",
            &write,
            Some(json!({
                "source_kind": "feature_request",
                "source_id": request.id.to_string(),
                "note": {"en": "Now with caraway."}
            })),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["change"]["notices"]["recipients"], 2, "{body}");
}

#[tokio::test]
async fn a_we_did_notice_reaches_exactly_the_linked_customers_who_did_not_opt_out_once_on_sqlite() {
    let (store, dir) = fresh_sqlite().await;
    let second =
        taith::database::open_store(&taith::database::DatabaseUrl::Sqlite(dir.join("taith.db")))
            .await
            .unwrap();
    a_we_did_notice_reaches_exactly_the_linked_customers_who_did_not_opt_out_once(store, second)
        .await;
}

#[tokio::test]
async fn a_we_did_notice_reaches_exactly_the_linked_customers_who_did_not_opt_out_once_on_postgres()
{
    let Some((store, db)) = fresh_postgres().await else {
        return;
    };
    let second =
        taith::database::open_store(&taith::database::DatabaseUrl::parse(&db.url()).unwrap())
            .await
            .unwrap();
    a_we_did_notice_reaches_exactly_the_linked_customers_who_did_not_opt_out_once(store, second)
        .await;
    db.drop_database().await;
}

async fn a_theme_tells_the_customers_whose_comments_mention_it(store: SharedStore) {
    let app = TestApp::spawn_unthrottled(store.clone()).await;
    let (ws, _) = app.workspace("becws", "owner@becws.example").await;
    let survey = live_nps(&app, &ws).await;
    let write = token(&app, "becws", TokenScope::Write).await;
    let theme = store
        .create_theme(
            ws.id,
            &taith_domain::ThemeFields {
                name: Name::parse("Rye bread").unwrap(),
                phrases: vec!["rye bread".to_owned()],
                pinned: true,
                hidden: false,
            },
            taith_domain::ThemeOrigin::Staff,
        )
        .await
        .unwrap();
    let mentions = respond(
        &store,
        &ws,
        &survey,
        Some(("vi@example.com", None)),
        Locale::Vi,
        4,
        &[],
    )
    .await;
    let anonymous = respond(&store, &ws, &survey, None, Locale::En, 4, &[]).await;
    // The analyser links comments to themes; here the analysis is saved as it would.
    let analysis = |id| taith_store::CommentAnalysis {
        response_id: id,
        language: taith_text::Lang::En,
        language_confidence: 1.0,
        sentiment: None,
        phrases: vec!["rye bread".to_owned()],
        search_text: "please bake rye bread".to_owned(),
        themes: vec![theme.id],
    };
    store
        .save_comment_analyses(ws.id, &[analysis(mentions.id), analysis(anonymous.id)], &[])
        .await
        .unwrap();
    let b = app.browser();
    let (status, body) = b
        .api(
            Method::POST,
            "/api/v1/changes",
            &write,
            Some(json!({"source_kind": "theme", "source_id": theme.id.to_string(), "note": {"vi": "Đã có bánh mì lúa mạch đen."}})),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(
        body["change"]["notices"]["recipients"], 1,
        "the anonymous comment stays anonymous"
    );
    assert_eq!(body["change"]["source"]["title"], "Rye bread");
    // The theme's page offers the form to owners and admins.
    let owner = app.signed_in("owner@becws.example").await;
    let page = owner.get(&format!("/w/becws/themes/{}", theme.id)).await;
    assert!(
        page.body.contains(&format!(
            "/w/becws/changes/new?source_kind=theme&amp;source_id={}",
            theme.id
        )),
        "the theme page links to the change form"
    );
}

#[tokio::test]
async fn a_theme_tells_the_customers_whose_comments_mention_it_on_sqlite() {
    a_theme_tells_the_customers_whose_comments_mention_it(fresh_sqlite().await.0).await;
}

#[tokio::test]
async fn a_theme_tells_the_customers_whose_comments_mention_it_on_postgres() {
    let Some((store, db)) = fresh_postgres().await else {
        return;
    };
    a_theme_tells_the_customers_whose_comments_mention_it(store).await;
    db.drop_database().await;
}

#[tokio::test]
async fn the_public_page_lists_the_change_in_each_locale() {
    let (store, _) = fresh_sqlite().await;
    let app = TestApp::spawn_unthrottled(store.clone()).await;
    let (ws, _) = app.workspace("becws", "owner@becws.example").await;
    let write = token(&app, "becws", TokenScope::Write).await;
    let request = taith_app::feature_requests::create(
        store.as_ref(),
        ws.id,
        &FeatureRequestFields {
            title: Name::parse("Oat milk").unwrap(),
            description: LongText::empty(),
        },
        RequestSource::Staff,
    )
    .await
    .unwrap();
    let b = app.browser();
    let notes = json!({
        "en": "Oat milk in every shop.", "cy": "Llaeth ceirch ym mhob siop.",
        "ms": "Susu oat di setiap kedai.", "sw": "Maziwa ya shayiri kila duka.",
        "ar": "حليب الشوفان في كل متجر.", "vi": "Sữa yến mạch ở mọi cửa hàng."
    });
    let (status, _) = b
        .api(
            Method::POST,
            "/api/v1/changes",
            &write,
            Some(json!({"source_kind": "feature_request", "source_id": request.id.to_string(), "note": notes})),
        )
        .await;
    assert_eq!(status, 201);
    for l in Locale::ALL {
        let page = b.get(&format!("/f/becws/changes?lang={}", l.tag())).await;
        assert_eq!(page.status, 200, "{l:?}");
        let tr = Tr::new(l);
        assert!(
            page.body.contains(&format!("lang=\"{}\"", l.tag())),
            "{l:?}"
        );
        assert!(page.body.contains(&tr.t("changes-public-heading")), "{l:?}");
        let note = notes[l.tag()].as_str().unwrap();
        assert!(
            page.body.contains(note),
            "{l:?}: the note in the reader's language"
        );
        let today = tr.date(taith_domain::now().date());
        assert!(page.body.contains(&today), "{l:?}: the date");
    }
    assert_eq!(b.get("/f/no-such-place/changes").await.status, 404);
}

#[tokio::test]
async fn a_change_is_refused_field_by_field_and_another_workspaces_change_is_a_404() {
    let (store, _) = fresh_sqlite().await;
    let app = TestApp::spawn_unthrottled(store.clone()).await;
    let (ws, _) = app.workspace("becws", "owner@becws.example").await;
    let (other, _) = app.workspace("other", "owner@other.example").await;
    let write = token(&app, "becws", TokenScope::Write).await;
    let read = token(&app, "becws", TokenScope::Read).await;
    let other_write = token(&app, "other", TokenScope::Write).await;
    let mk = |w: &Workspace| {
        let store = store.clone();
        let id = w.id;
        async move {
            taith_app::feature_requests::create(
                store.as_ref(),
                id,
                &FeatureRequestFields {
                    title: Name::parse("Oat milk").unwrap(),
                    description: LongText::empty(),
                },
                RequestSource::Staff,
            )
            .await
            .unwrap()
        }
    };
    let mine = mk(&ws).await;
    let theirs = mk(&other).await;
    let b = app.browser();
    let issue = |body: &Value, field: &str| -> Option<String> {
        body["error"]["details"]
            .as_array()?
            .iter()
            .find(|d| d["field"] == field)
            .map(|d| d["issue"].as_str().unwrap_or_default().to_owned())
    };
    let (status, body) = b
        .api(
            Method::POST,
            "/api/v1/changes",
            &write,
            Some(json!({"source_kind": "feature_request", "source_id": mine.id.to_string(), "note": {"en": "  "}})),
        )
        .await;
    assert_eq!(status, 422);
    assert_eq!(issue(&body, "note").as_deref(), Some("required"), "{body}");
    let (status, body) = b
        .api(
            Method::POST,
            "/api/v1/changes",
            &write,
            Some(json!({"source_kind": "case", "source_id": "nope", "note": {"xx": "Hi", "ar": "x".repeat(2001)}})),
        )
        .await;
    assert_eq!(status, 422);
    assert_eq!(
        issue(&body, "note_xx").as_deref(),
        Some("unknown_value"),
        "{body}"
    );
    let (status, body) = b
        .api(
            Method::POST,
            "/api/v1/changes",
            &write,
            Some(json!({"source_kind": "case", "source_id": "nope", "note": {"ar": "x".repeat(2001)}})),
        )
        .await;
    assert_eq!(status, 422);
    assert_eq!(
        issue(&body, "source_kind").as_deref(),
        Some("unknown_value"),
        "{body}"
    );
    assert_eq!(
        issue(&body, "source_id").as_deref(),
        Some("invalid"),
        "{body}"
    );
    assert_eq!(
        issue(&body, "note_ar").as_deref(),
        Some("too_long"),
        "{body}"
    );
    // Another workspace's request is no request of this one.
    let (status, body) = b
        .api(
            Method::POST,
            "/api/v1/changes",
            &write,
            Some(json!({"source_kind": "feature_request", "source_id": theirs.id.to_string(), "note": {"en": "Done"}})),
        )
        .await;
    assert_eq!(status, 422);
    assert_eq!(
        issue(&body, "source_id").as_deref(),
        Some("not_found"),
        "{body}"
    );
    // A read token may not record one.
    let (status, _) = b
        .api(
            Method::POST,
            "/api/v1/changes",
            &read,
            Some(json!({"source_kind": "feature_request", "source_id": mine.id.to_string(), "note": {"en": "Done"}})),
        )
        .await;
    assert_eq!(status, 403);
    let (status, body) = b
        .api(
            Method::POST,
            "/api/v1/changes",
            &other_write,
            Some(json!({"source_kind": "feature_request", "source_id": theirs.id.to_string(), "note": {"en": "Done"}})),
        )
        .await;
    assert_eq!(status, 201);
    let theirs_change = body["change"]["id"].as_str().unwrap().to_owned();
    let (status, missing) = b
        .api(
            Method::GET,
            &format!("/api/v1/changes/{}", taith_domain::ChangeId::new()),
            &write,
            None,
        )
        .await;
    assert_eq!(status, 404);
    let (status, foreign) = b
        .api(
            Method::GET,
            &format!("/api/v1/changes/{theirs_change}"),
            &write,
            None,
        )
        .await;
    assert_eq!(status, 404);
    assert_eq!(missing, foreign);
    let (status, list) = b.api(Method::GET, "/api/v1/changes", &read, None).await;
    assert_eq!(status, 200);
    assert_eq!(list["changes"].as_array().unwrap().len(), 0);
}

#[tokio::test]
async fn staff_record_a_change_from_the_request_page_and_the_dashboard_compares_the_nps_of_those_told()
 {
    let (store, _) = fresh_sqlite().await;
    let app = TestApp::spawn_unthrottled(store.clone()).await;
    let (ws, _) = app.workspace("becws", "owner@becws.example").await;
    app.member(&ws, "agent@becws.example", taith_domain::Role::Agent)
        .await;
    let survey = live_nps(&app, &ws).await;
    // Told: two promoters (NPS 100). Not told: a promoter and a detractor (NPS 0).
    let told_a = respond(
        &store,
        &ws,
        &survey,
        Some(("a@example.com", None)),
        Locale::Cy,
        10,
        &[],
    )
    .await;
    let told_b = respond(
        &store,
        &ws,
        &survey,
        Some(("b@example.com", None)),
        Locale::En,
        9,
        &[],
    )
    .await;
    respond(
        &store,
        &ws,
        &survey,
        Some(("c@example.com", None)),
        Locale::En,
        10,
        &[],
    )
    .await;
    respond(
        &store,
        &ws,
        &survey,
        Some(("d@example.com", None)),
        Locale::En,
        2,
        &[],
    )
    .await;
    let request = taith_app::feature_requests::create(
        store.as_ref(),
        ws.id,
        &FeatureRequestFields {
            title: Name::parse("Rye bread").unwrap(),
            description: LongText::empty(),
        },
        RequestSource::Staff,
    )
    .await
    .unwrap();
    for r in [&told_a, &told_b] {
        taith_app::feature_requests::link_response(store.as_ref(), ws.id, request.id, r.id)
            .await
            .unwrap();
    }

    let owner = app.signed_in("owner@becws.example").await;
    let request_page = format!("/w/becws/requests/{}", request.id);
    let new = format!(
        "/w/becws/changes/new?source_kind=feature_request&source_id={}",
        request.id
    );
    assert!(
        owner
            .get(&request_page)
            .await
            .body
            .contains(&new.replace('&', "&amp;"))
    );
    let form = owner.get(&new).await;
    assert_eq!(form.status, 200);
    assert!(
        form.text().contains("2 customers will be told"),
        "{}",
        form.text()
    );
    let kind = ("source_kind", "feature_request");
    let id = request.id.to_string();
    let source = ("source_id", id.as_str());
    // No note in any language: refused, saying so.
    let refused = owner
        .submit(&new, "/w/becws/changes", &[kind, source, ("note_en", " ")])
        .await;
    assert_eq!(refused.status, 422);
    assert!(refused.body.contains("id=\"note-error\""));
    let done = owner
        .submit(
            &new,
            "/w/becws/changes",
            &[kind, source, ("note_cy", "Bara rhyg bob dydd.")],
        )
        .await;
    assert_eq!(done.status, 303, "{}", done.body);
    let list = owner.get("/w/becws/changes").await;
    assert!(
        list.text().contains("0 of 2 notices sent"),
        "{}",
        list.text()
    );
    assert!(list.text().contains("Bara rhyg bob dydd."));
    // An agent reads the list but may not record one.
    let agent = app.signed_in("agent@becws.example").await;
    assert_eq!(agent.get("/w/becws/changes").await.status, 200);
    assert_eq!(agent.get(&new).await.status, 403);

    // Once the notices went out, the dashboard counts them and compares the two groups.
    let sink = SmtpSink::start().await;
    let worker = Notices::new(store.clone(), Some(mailer(&sink)), "http://x".to_owned());
    assert_eq!(worker.send_due(taith_domain::now()).await.unwrap().sent, 2);
    let today = taith_domain::now();
    let figures = taith_app::changes::figures(
        store.as_ref(),
        ws.id,
        today - time::Duration::days(1),
        today + time::Duration::days(1),
    )
    .await
    .unwrap();
    assert_eq!(figures.sent, 2);
    assert_eq!(
        (figures.notified.n, figures.notified.value),
        (2, Some(100.0))
    );
    assert_eq!((figures.others.n, figures.others.value), (2, Some(0.0)));
    assert!(figures.notified.small_sample && figures.others.small_sample);
    let d = figures.difference.unwrap();
    assert_eq!(d.delta, 100.0);
    let dashboard = owner.get("/w/becws/dashboard").await;
    assert_eq!(dashboard.status, 200);
    let text = dashboard.text();
    assert!(text.contains("2 notices sent in this period"), "{text}");
    assert!(
        text.contains("Sent a notice") && text.contains("Not sent one"),
        "{text}"
    );
}

#[test]
fn taith_changes_list_prints_the_demo_change_with_its_notices() {
    let dir = crate::helpers::scratch_path("taith-changes-");
    let taith = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_taith"))
            .arg("--data-dir")
            .arg(&dir)
            .args(args)
            .env_remove("TAITH_DATABASE_URL")
            .output()
            .unwrap()
    };
    let o = taith(&["demo"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let o = taith(&["changes", "list", "--workspace", "demo"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = String::from_utf8_lossy(&o.stdout).into_owned();
    let rows: Vec<Vec<&str>> = out.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows.len(), 1, "{out}");
    let row = &rows[0];
    assert_eq!(row.len(), 5, "{out}");
    assert_eq!(row[2], "feature_request");
    let (sent, of) = row[3].split_once('/').unwrap();
    assert_eq!(sent, of, "every demo notice is sent: {out}");
    assert!(sent.parse::<u64>().unwrap() >= 48, "{out}");
    assert_eq!(row[4], "Allergen information on every product");
    let o = taith(&["changes", "list", "--workspace", "nowhere"]);
    assert!(!o.status.success());
    let _ = std::fs::remove_dir_all(&dir);
}

/// The store's half of "exactly once": of two claims at the same moment one wins; a claim
/// whose lease ran out may be taken again while the notice is unsent, never once it is sent.
async fn a_notice_is_claimed_by_one_worker_and_never_again_once_sent(store: SharedStore) {
    let app = TestApp::spawn_unthrottled(store.clone()).await;
    let (ws, _) = app.workspace("becws", "owner@becws.example").await;
    let survey = live_nps(&app, &ws).await;
    let r = respond(
        &store,
        &ws,
        &survey,
        Some(("a@example.com", None)),
        Locale::Vi,
        9,
        &[],
    )
    .await;
    let request = taith_app::feature_requests::create(
        store.as_ref(),
        ws.id,
        &FeatureRequestFields {
            title: Name::parse("Rye bread").unwrap(),
            description: LongText::empty(),
        },
        RequestSource::Staff,
    )
    .await
    .unwrap();
    taith_app::feature_requests::link_response(store.as_ref(), ws.id, request.id, r.id)
        .await
        .unwrap();
    let input = taith_domain::ChangeInput {
        source_kind: "feature_request".into(),
        source_id: request.id.to_string(),
        note: [(Locale::En, "Done".to_owned())].into(),
    };
    let change = taith_app::changes::record(store.as_ref(), ws.id, &input, "t")
        .await
        .unwrap();
    let customer = r.customer_id.unwrap();
    let now = taith_domain::now();
    let lease = taith_app::changes::notices::LEASE;
    let due = store.notices_due(now, 10).await.unwrap();
    assert_eq!(due.len(), 1);
    assert_eq!(due[0].locale, Locale::Vi);
    let claim = |at: time::OffsetDateTime| {
        let store = store.clone();
        async move {
            store
                .claim_notice(ws.id, change.id, customer, at, at + lease)
                .await
                .unwrap()
        }
    };
    let (a, b) = tokio::join!(claim(now), claim(now));
    assert!(
        a ^ b,
        "exactly one of two simultaneous claims wins: {a} {b}"
    );
    assert!(store.notices_due(now, 10).await.unwrap().is_empty(), "held");
    let after = now + lease + time::Duration::seconds(1);
    assert!(
        claim(after).await,
        "an unsent notice whose lease ran out is taken again"
    );
    store
        .mark_notice_sent(ws.id, change.id, customer, after)
        .await
        .unwrap();
    let much_later = after + lease * 4;
    assert!(
        !claim(much_later).await,
        "a sent notice is never claimed again"
    );
    assert!(store.notices_due(much_later, 10).await.unwrap().is_empty());
    // Recording the same change again makes a second change, with its own notice; the
    // first change's stays sent.
    let again = taith_app::changes::record(store.as_ref(), ws.id, &input, "t")
        .await
        .unwrap();
    assert_eq!(
        store.change(ws.id, change.id).await.unwrap().notices.sent,
        1
    );
    assert_eq!(again.notices.recipients, 1);
}

#[tokio::test]
async fn a_notice_is_claimed_by_one_worker_and_never_again_once_sent_on_sqlite() {
    a_notice_is_claimed_by_one_worker_and_never_again_once_sent(fresh_sqlite().await.0).await;
}

#[tokio::test]
async fn a_notice_is_claimed_by_one_worker_and_never_again_once_sent_on_postgres() {
    let Some((store, db)) = fresh_postgres().await else {
        return;
    };
    a_notice_is_claimed_by_one_worker_and_never_again_once_sent(store).await;
    db.drop_database().await;
}

/// Opens a case straight in the store: from `response` (its customer), owned by `owner`,
/// opened at `opened_at`, first acted on `first_action` hours later (None: not yet), naming
/// `root_cause`.
pub async fn case_of(
    store: &SharedStore,
    ws: &Workspace,
    response: Option<&NewResponse>,
    owner: Option<taith_domain::UserId>,
    opened_at: time::OffsetDateTime,
    first_action: Option<i64>,
    root_cause: Option<taith_domain::RootCauseId>,
) -> taith_domain::Case {
    let case = store
        .open_case(
            ws.id,
            &taith_store::NewCase {
                source: taith_domain::CaseSource::Manual,
                response_id: response.map(|r| r.id),
                feature_request_id: None,
                survey_id: response.map(|r| r.survey_id),
                customer_id: response.and_then(|r| r.customer_id),
                touchpoint_id: None,
                owner: owner.map_or(
                    taith_store::OwnerPick::Nobody,
                    taith_store::OwnerPick::Member,
                ),
                opened_at,
                first_action_due: opened_at + time::Duration::hours(8),
                resolve_due: opened_at + time::Duration::hours(40),
                actor: None,
                actor_name: "test".to_owned(),
            },
        )
        .await
        .unwrap()
        .expect("a new case");
    if first_action.is_none() && root_cause.is_none() {
        return case;
    }
    let at = first_action.map(|h| opened_at + time::Duration::hours(h));
    store
        .update_case(
            ws.id,
            case.id,
            case.version,
            &taith_store::CaseUpdate {
                root_cause: root_cause.map(Some),
                first_action_at: at,
                at,
                ..taith_store::CaseUpdate::default()
            },
            &[(
                None,
                "test".to_owned(),
                taith_domain::CaseChange::RootCause {
                    from: None,
                    to: root_cause,
                },
            )],
        )
        .await
        .unwrap()
}

async fn a_root_cause_tells_the_customers_of_its_cases_once_in_their_language(store: SharedStore) {
    let app = TestApp::spawn_unthrottled(store.clone()).await;
    let (ws, _) = app.workspace("becws", "owner@becws.example").await;
    let survey = live_nps(&app, &ws).await;
    let write = token(&app, "becws", TokenScope::Write).await;
    let causes = store
        .set_root_causes(
            ws.id,
            &[
                Name::parse("Late delivery").unwrap(),
                Name::parse("Price").unwrap(),
            ],
        )
        .await
        .unwrap();
    let late = causes
        .iter()
        .find(|c| c.name.as_str() == "Late delivery")
        .unwrap()
        .id;
    let price = causes
        .iter()
        .find(|c| c.name.as_str() == "Price")
        .unwrap()
        .id;
    let now = taith_domain::now();
    // Siân's case response was in Welsh; her later answer (no case) in English: the case's
    // language counts. Layla's in Arabic, twice (two cases, one notice). Ola opted out of
    // e-mail; Priya's case names another cause; an anonymous case has nobody to tell.
    let who = |key| Some((key, None));
    let sian = respond(
        &store,
        &ws,
        &survey,
        who("sian@example.com"),
        Locale::Cy,
        9,
        &[],
    )
    .await;
    let layla = respond(
        &store,
        &ws,
        &survey,
        who("layla@example.com"),
        Locale::Ar,
        8,
        &[],
    )
    .await;
    let layla2 = respond(
        &store,
        &ws,
        &survey,
        who("layla@example.com"),
        Locale::Ar,
        7,
        &[],
    )
    .await;
    let ola = respond(
        &store,
        &ws,
        &survey,
        who("ola@example.com"),
        Locale::En,
        8,
        &[],
    )
    .await;
    let priya = respond(
        &store,
        &ws,
        &survey,
        who("priya@example.com"),
        Locale::Vi,
        8,
        &[],
    )
    .await;
    let anonymous = respond(&store, &ws, &survey, None, Locale::Sw, 8, &[]).await;
    for (r, cause) in [
        (&sian, late),
        (&layla, late),
        (&layla2, late),
        (&ola, late),
        (&anonymous, late),
        (&priya, price),
    ] {
        case_of(&store, &ws, Some(r), None, now, None, Some(cause)).await;
    }
    respond(
        &store,
        &ws,
        &survey,
        who("sian@example.com"),
        Locale::En,
        10,
        &[],
    )
    .await;
    store
        .unsubscribe(ws.id, ola.customer_id.unwrap(), taith_domain::now())
        .await
        .unwrap();

    let b = app.browser();
    let (status, body) = b
        .api(
            Method::POST,
            "/api/v1/changes",
            &write,
            Some(json!({"source_kind": "root_cause", "source_id": late.to_string(),
                        "note": {"en": "Vans now leave at six.", "cy": "Mae'r faniau'n gadael am chwech."}})),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["change"]["source"]["kind"], "root_cause");
    assert_eq!(body["change"]["source"]["title"], "Late delivery");
    assert_eq!(body["change"]["notices"]["recipients"], 2, "{body}");
    // Another workspace's root cause, or none at all, is a field error.
    let (status, body) = b
        .api(
            Method::POST,
            "/api/v1/changes",
            &write,
            Some(json!({"source_kind": "root_cause", "source_id": taith_domain::RootCauseId::new().to_string(),
                        "note": {"en": "x"}})),
        )
        .await;
    assert_eq!(status, 422, "{body}");

    let sink = SmtpSink::start().await;
    let worker = Notices::new(
        store.clone(),
        Some(mailer(&sink)),
        format!("http://{}", app.addr),
    );
    assert_eq!(worker.send_due(now).await.unwrap().sent, 2);
    let later = now + taith_app::changes::notices::LEASE + time::Duration::minutes(1);
    assert_eq!(worker.send_due(later).await.unwrap().sent, 0, "sent once");
    let mails = sink.received();
    assert_eq!(mails.len(), 2);
    for (address, locale, note) in [
        (
            "sian@example.com",
            Locale::Cy,
            "Mae'r faniau'n gadael am chwech.",
        ),
        ("layla@example.com", Locale::Ar, "Vans now leave at six."),
    ] {
        let to = mails_to(&mails, address);
        assert_eq!(to.len(), 1, "{address}: exactly one notice");
        assert_eq!(
            to[0].header("Subject").unwrap(),
            plain(locale, "changes-mail-subject", "becws"),
            "{address}"
        );
        assert!(
            to[0].part("text/plain").unwrap().contains(note),
            "{address}"
        );
    }
    for address in ["ola@example.com", "priya@example.com"] {
        assert!(
            mails_to(&mails, address).is_empty(),
            "{address} is not told"
        );
    }

    // The cases settings page offers the form for each cause; the changes list names it.
    let owner = app.signed_in("owner@becws.example").await;
    let page = owner.get("/w/becws/cases/settings").await;
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains(&format!(
            "/w/becws/changes/new?source_kind=root_cause&amp;source_id={late}"
        )),
        "the settings page links each root cause to the change form"
    );
    let form = owner
        .get(&format!(
            "/w/becws/changes/new?source_kind=root_cause&source_id={price}"
        ))
        .await;
    assert_eq!(form.status, 200);
    assert!(form.body.contains("Price"));
    let list = owner.get("/w/becws/changes").await;
    assert!(list.body.contains("Late delivery") && list.body.contains("Root cause"));
}

#[tokio::test]
async fn a_root_cause_tells_the_customers_of_its_cases_once_in_their_language_on_sqlite() {
    a_root_cause_tells_the_customers_of_its_cases_once_in_their_language(fresh_sqlite().await.0)
        .await;
}

#[tokio::test]
async fn a_root_cause_tells_the_customers_of_its_cases_once_in_their_language_on_postgres() {
    let Some((store, db)) = fresh_postgres().await else {
        return;
    };
    a_root_cause_tells_the_customers_of_its_cases_once_in_their_language(store).await;
    db.drop_database().await;
}
