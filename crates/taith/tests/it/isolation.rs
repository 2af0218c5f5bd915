//! Tenant isolation over every route the app serves: a member or token of workspace A gets
//! the same 404 for workspace B's objects as for ids that exist nowhere.
//!
//! The routes come from `taith_web::route_table()` (the UI's route table and the API's
//! OpenAPI paths), so a new route is covered — or fails this test — without anyone
//! remembering to add it here.

use crate::helpers::{TestApp, unique};
use taith_domain::{Change, Journey, Role, StageModel, TokenScope};
use taith_store::{Author, SharedStore};

/// The objects of one workspace that routes can name.
pub(crate) struct Objects {
    pub slug: String,
    pub journey: String,
    pub stage: String,
    pub touchpoint: String,
    pub persona: String,
    pub user: String,
    pub token: String,
    pub survey: String,
    pub public_id: String,
    pub response: String,
    pub theme: String,
    /// A feature request.
    pub request: String,
    /// A "you said, we did" change.
    pub change: String,
    /// A case (unowned, opened by hand).
    pub case: String,
    /// An alert rule.
    pub alert: String,
    /// A webhook endpoint, and one delivery of it.
    pub webhook: String,
    pub delivery: String,
    /// A support conversation.
    pub conversation: String,
    /// A customer.
    pub customer: String,
    /// A web site, and its public key.
    pub site: String,
    pub site_key: String,
    /// A published help-centre article, its slug, and a category.
    pub article: String,
    pub article_slug: String,
    pub article_category: String,
    /// A canned reply of the inbox.
    pub canned: String,
    /// A synonym of the FAQ bot.
    pub synonym: String,
}

/// The password hash every test member gets (hashing is slow; once is enough).
fn password_hash() -> String {
    static HASH: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    HASH.get_or_init(|| {
        taith_app::account::secrets::hash_password(crate::helpers::PASSWORD).unwrap()
    })
    .clone()
}

/// A workspace `slug` with an owner (`owner@{slug}.example`), one of each object, and a
/// write token's secret.
pub(crate) async fn populate(store: &SharedStore, slug: &str) -> (Objects, String) {
    let app_user = taith_store::NewUser {
        email: taith_domain::Email::parse(&format!("owner@{slug}.example")).unwrap(),
        name: taith_domain::Name::parse("Owner").unwrap(),
        password_hash: password_hash(),
    };
    let (ws, _) = store
        .create_workspace(
            &taith_domain::Slug::parse(slug).unwrap(),
            &taith_domain::Name::parse(slug).unwrap(),
            app_user,
        )
        .await
        .unwrap();
    let objects = objects_in(store, &ws).await;
    let token_secret = taith_app::account::secrets::new_api_token();
    store
        .create_api_token(
            ws.id,
            &taith_domain::Name::parse("t").unwrap(),
            TokenScope::Write,
            &taith_app::account::secrets::secret_hash(&token_secret),
        )
        .await
        .unwrap();
    (objects, token_secret)
}

/// A fresh one of each object that routes name, in workspace `ws`: a member (an agent), a
/// persona, a journey with a stage and a touchpoint, a live survey with a response, and a
/// token.
pub(crate) async fn objects_in(store: &SharedStore, ws: &taith_domain::Workspace) -> Objects {
    let slug = ws.slug.as_str();
    let other = taith_store::NewUser {
        email: taith_domain::Email::parse(&format!("{}@{slug}.example", unique("agent"))).unwrap(),
        name: taith_domain::Name::parse("Agent").unwrap(),
        password_hash: password_hash(),
    };
    let agent = store.add_member(ws.id, other, Role::Agent).await.unwrap();
    let persona = store
        .create_persona(
            ws.id,
            &taith_domain::persona::PersonaInput {
                name: "P".into(),
                ..Default::default()
            }
            .parse()
            .unwrap(),
        )
        .await
        .unwrap();
    let mut j = Journey::new(
        taith_domain::JourneyFields {
            name: taith_domain::Name::parse("J").unwrap(),
            description: Default::default(),
            persona_id: Some(persona.id),
        },
        StageModel::FiveStage,
        |k| taith_domain::Name::parse(k).unwrap(),
        taith_domain::now(),
    );
    let stage = j.stages[0].id;
    let tp = j
        .add_touchpoint(
            stage,
            taith_domain::TouchpointFields {
                name: taith_domain::Name::parse("T").unwrap(),
                channel: taith_domain::Channel::Web,
                owner: None,
                description: Default::default(),
                moment_of_truth: false,
            },
        )
        .unwrap();
    let author = Author {
        user_id: None,
        name: "test".into(),
    };
    let j = store
        .create_journey(ws.id, &j, &author, &[Change::Created])
        .await
        .unwrap();
    let survey = store
        .create_survey(
            ws.id,
            &taith_domain::SurveyFields {
                name: taith_domain::Name::parse("S").unwrap(),
                kind: taith_domain::SurveyKind::Nps,
                scale: taith_domain::SurveyKind::Nps.default_scale(),
                default_locale: taith_domain::Locale::En,
                question: taith_domain::LocalizedText(
                    [(taith_domain::Locale::En, "How likely?".to_owned())].into(),
                ),
                thank_you: taith_domain::LocalizedText(
                    [(taith_domain::Locale::En, "Thanks".to_owned())].into(),
                ),
                follow_ups: Vec::new(),
                touchpoint_id: Some(tp),
                status: taith_domain::SurveyStatus::Live,
                anonymous: false,
                throttle_days: 30,
            },
            &taith_app::account::secrets::random_secret()[..16],
        )
        .await
        .unwrap();
    let response = taith_domain::ResponseId::new();
    store
        .insert_responses(&[taith_store::ResponseToStore {
            workspace_id: ws.id,
            response: taith_domain::NewResponse {
                id: response,
                survey_id: survey.id,
                score: 9,
                answers: Vec::new(),
                comment: Default::default(),
                touchpoint_id: Some(tp),
                channel: taith_domain::Channel::Web,
                locale: taith_domain::Locale::En,
                customer_id: None,
                attributes: Default::default(),
                submitted_at: taith_domain::now(),
                client_key: None,
            },
            customer: None,
        }])
        .await
        .unwrap();
    let token =
        store
            .create_api_token(
                ws.id,
                &taith_domain::Name::parse("t").unwrap(),
                TokenScope::Read,
                &taith_app::account::secrets::secret_hash(
                    &taith_app::account::secrets::new_api_token(),
                ),
            )
            .await
            .unwrap();
    let theme = store
        .create_theme(
            ws.id,
            &taith_domain::ThemeFields {
                name: taith_domain::Name::parse(&unique("theme")).unwrap(),
                phrases: vec!["delivery".to_owned(), "late delivery".to_owned()],
                pinned: false,
                hidden: false,
            },
            taith_domain::ThemeOrigin::Staff,
        )
        .await
        .unwrap();
    let request = store
        .create_feature_request(
            ws.id,
            &taith_store::NewFeatureRequest {
                fields: taith_domain::FeatureRequestInput {
                    title: "R".into(),
                    description: String::new(),
                }
                .parse()
                .unwrap(),
                source: taith_domain::RequestSource::Staff,
            },
        )
        .await
        .unwrap();
    let change = taith_app::changes::record(
        store.as_ref(),
        ws.id,
        &taith_domain::ChangeInput {
            source_kind: "feature_request".into(),
            source_id: request.id.to_string(),
            note: [(taith_domain::Locale::En, "Done".to_owned())].into(),
        },
        "test",
    )
    .await
    .unwrap();
    let now = taith_domain::now();
    let case = store
        .open_case(
            ws.id,
            &taith_store::NewCase {
                source: taith_domain::CaseSource::Manual,
                response_id: None,
                feature_request_id: None,
                survey_id: None,
                customer_id: None,
                touchpoint_id: Some(tp),
                owner: taith_store::OwnerPick::Nobody,
                opened_at: now,
                first_action_due: now,
                resolve_due: now,
                actor: None,
                actor_name: "test".into(),
            },
        )
        .await
        .unwrap()
        .unwrap();
    let alert = store
        .create_alert_rule(
            ws.id,
            &taith_domain::AlertInput {
                name: "NPS under 0".into(),
                kind: "threshold".into(),
                metric: "nps".into(),
                direction: "down".into(),
                threshold: "0".into(),
                ..Default::default()
            }
            .parse()
            .unwrap(),
        )
        .await
        .unwrap();
    // Stored as is (no address check, no secret of use): nothing is ever sent there, as no
    // name ends in `.invalid` (RFC 2606).
    let webhook = store
        .create_webhook_endpoint(
            ws.id,
            &taith_domain::WebhookFields {
                kind: taith_domain::WebhookKind::Standard,
                url: "https://hooks.example.invalid/taith".into(),
                description: String::new(),
                events: vec![taith_domain::EventType::FeatureRequestStatusChanged],
                enabled: true,
            },
            "whsec_c2VjcmV0c2VjcmV0c2VjcmV0",
        )
        .await
        .unwrap();
    taith_app::webhooks::publish(
        store.as_ref(),
        ws.id,
        taith_app::webhooks::new_event(
            taith_domain::EventType::FeatureRequestStatusChanged,
            serde_json::json!({"title": "R"}),
            None,
        ),
    )
    .await
    .unwrap();
    let delivery = store
        .webhook_deliveries(ws.id, webhook.id, taith_store::PageRequest::first(1))
        .await
        .unwrap()
        .items[0]
        .id;
    let customer = store
        .upsert_customer(
            ws.id,
            &taith_store::NewCustomer {
                external_id: Some(unique("cust")),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let (conversation, _) = taith_app::conversations::record(
        store.as_ref(),
        ws.id,
        &taith_domain::ConversationInput {
            channel: "email".into(),
            subject: "S".into(),
            customer_id: Some(customer.id.to_string()),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    // A mail of the conversation with one attachment (`/inbox/{id}/attachments/1`).
    store
        .receive_mail(
            ws.id,
            &taith_store::MailInto::Thread(conversation.id),
            &taith_store::MessageToStore {
                automatic: false,
                direction: taith_domain::MessageDirection::In,
                author: None,
                author_id: None,
                at: taith_domain::now(),
                body: "See the photo.".into(),
            },
            &taith_store::IncomingMail {
                rfc_message_id: unique("photo-"),
                address: "c@example.com".into(),
                no_reply: None,
                at: taith_domain::now(),
            },
            &[taith_store::AttachmentToStore {
                name: "photo.png".into(),
                content_type: "image/png".into(),
                size: 3,
                content: Some(b"png".to_vec()),
            }],
        )
        .await
        .unwrap()
        .unwrap();
    let site = taith_app::events::sites::create_site(
        store.as_ref(),
        ws.id,
        &taith_domain::SiteInput {
            name: "Web shop".into(),
            hostnames: vec!["shop.example".into()],
            patterns: vec![taith_domain::UrlPatternInput {
                pattern: "/checkout*".into(),
                touchpoint_id: tp.to_string(),
            }],
            search_param: String::new(),
        },
    )
    .await
    .unwrap();
    let article_category =
        taith_app::articles::create_category(store.as_ref(), ws.id, &unique("Delivery"))
            .await
            .unwrap();
    let article = taith_app::articles::create_article(
        store.as_ref(),
        ws.id,
        &taith_domain::ArticleInput {
            category_id: Some(article_category.id.to_string()),
            status: "published".into(),
            translations: [(
                "en".to_owned(),
                taith_domain::TranslationInput {
                    title: "Delivery areas".into(),
                    body: "We deliver in town.".into(),
                },
            )]
            .into(),
            slug: None,
        },
    )
    .await
    .unwrap();
    let canned = taith_app::inbox::canned::create(
        store.as_ref(),
        ws.id,
        &taith_domain::CannedReplyInput {
            title: "Thanks".into(),
            shortcut: None,
            bodies: [("en".to_owned(), "Thank you for writing.".to_owned())].into(),
        },
    )
    .await
    .unwrap();
    let synonym = taith_app::bot::put_synonym(
        store.as_ref(),
        ws.id,
        &taith_domain::bot::SynonymInput {
            locale: "en".into(),
            term: unique("cake"),
            expansions: vec!["gateau".into()],
        },
    )
    .await
    .unwrap();
    Objects {
        synonym: synonym.id.to_string(),
        canned: canned.id.to_string(),
        article: article.id.to_string(),
        article_slug: article.slug.to_string(),
        article_category: article_category.id.to_string(),
        conversation: conversation.id.to_string(),
        customer: customer.id.to_string(),
        site: site.id.to_string(),
        site_key: site.site_key.clone(),
        change: change.id.to_string(),
        case: case.id.to_string(),
        alert: alert.id.to_string(),
        webhook: webhook.id.to_string(),
        delivery: delivery.to_string(),
        slug: slug.to_owned(),
        journey: j.id.to_string(),
        stage: stage.to_string(),
        touchpoint: tp.to_string(),
        persona: persona.id.to_string(),
        user: agent.user.id.to_string(),
        token: token.id.to_string(),
        survey: survey.id.to_string(),
        public_id: survey.public_id.clone(),
        response: response.to_string(),
        theme: theme.id.to_string(),
        request: request.id.to_string(),
    }
}

/// Fills a route's parameters: `{slug}` with `slug`, the rest from `o` (by the parameter's
/// name, or for the UI's generic `{id}` by the collection it follows).
pub(crate) fn fill(path: &str, slug: &str, o: &Objects) -> String {
    let mut out = String::new();
    let mut previous = "";
    for seg in path.split('/').skip(1) {
        out.push('/');
        if let Some(name) = seg.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
            if name == "script" {
                out.push_str(&format!("{}.js", o.public_id));
                previous = seg;
                continue;
            }
            let v = match (name, previous) {
                ("slug", _) | ("workspace", _) => slug,
                ("public_id", _) => &o.public_id,
                ("score", _) => "9",
                ("version", _) => "1",
                (n, _) if n.contains("canned") => &o.canned,
                (n, _) if n.contains("synonym") => &o.synonym,
                ("id", "synonyms") => &o.synonym,
                ("id", "canned") => &o.canned,
                ("id", "inbox") => &o.conversation,
                // The conversation's first attachment.
                ("n", "attachments") => "1",
                (n, _) if n.contains("case") => &o.case,
                (n, _) if n.contains("conversation") => &o.conversation,
                (n, _) if n.contains("customer") => &o.customer,
                ("id", "customers") => &o.customer,
                (n, _) if n.contains("request") => &o.request,
                (n, _) if n.contains("change") => &o.change,
                (n, _) if n.contains("alert") => &o.alert,
                (n, _) if n.contains("webhook") => &o.webhook,
                (n, _) if n.contains("delivery") => &o.delivery,
                ("id", "alerts") => &o.alert,
                ("id", "webhooks") => &o.webhook,
                ("site_key", _) => &o.site_key,
                ("article_slug", _) => &o.article_slug,
                (n, _) if n.contains("article") => &o.article,
                ("id", "articles") => &o.article,
                ("id", "categories") => &o.article_category,
                (n, _) if n.contains("site") => &o.site,
                ("id", "sites") => &o.site,
                (n, _) if n.contains("journey") => &o.journey,
                (n, _) if n.contains("stage") => &o.stage,
                (n, _) if n.contains("touchpoint") || n == "tp" => &o.touchpoint,
                (n, _) if n.contains("persona") => &o.persona,
                (n, _) if n.contains("user") || n.contains("member") => &o.user,
                (n, _) if n.contains("token") => &o.token,
                (n, _) if n.contains("survey") => &o.survey,
                (n, _) if n.contains("response") => &o.response,
                (n, _) if n.contains("theme") => &o.theme,
                ("id", "requests") => &o.request,
                ("id", "cases") => &o.case,
                ("id", "journeys") => &o.journey,
                ("id", "personas") => &o.persona,
                ("id", "members") => &o.user,
                ("id", "tokens") => &o.token,
                ("id", "surveys") => &o.survey,
                ("id", "touchpoints") => &o.touchpoint,
                ("id", "themes") => &o.theme,
                // Any id: no session of the caller's, which signs nothing out.
                ("id", "sessions") => &o.user,
                (n, p) => panic!(
                    "route {path}: no test value for parameter {{{n}}} after {p:?}; teach isolation.rs about it"
                ),
            };
            out.push_str(v);
        } else {
            out.push_str(seg);
        }
        previous = seg;
    }
    out
}

/// A body the API would accept for this route if the ids were the caller's own, so that a
/// 404 can only come from the ids.
pub(crate) fn plausible_body(path: &str, o: &Objects) -> serde_json::Value {
    if path.ends_with("/stage_order") {
        serde_json::json!({ "stage_ids": [o.stage] })
    } else if path.ends_with("/retention") || path.ends_with("/data-retention") {
        serde_json::json!({ "months": 36 })
    } else if path.ends_with("/figures") {
        serde_json::json!({ "figures": [{ "metric": "bounce_rate" }] })
    } else if path.ends_with("/invitations") {
        serde_json::json!({ "customers": [{ "email": "x@example.com" }] })
    } else if path.ends_with("/votes") {
        serde_json::json!({ "email": "x@example.com" })
    } else if path.ends_with("/feature-requests/{request_id}/responses") {
        serde_json::json!({ "response_id": o.response })
    } else if path.ends_with("/status") {
        serde_json::json!({ "status": "planned", "public_note": { "en": "x" } })
    } else if path.ends_with("/merge") {
        // Its own request: refused (409) where allowed, never a 404 or a 5xx.
        serde_json::json!({ "into": o.request })
    } else if path == "/api/v1/changes" {
        serde_json::json!({ "source_kind": "feature_request", "source_id": o.request, "note": { "en": "x" } })
    } else if path == "/api/v1/conversations/{conversation_id}/messages" {
        serde_json::json!({ "direction": "in", "body": "x" })
    } else if path == "/api/v1/conversations" {
        serde_json::json!({ "channel": "email", "subject": "x" })
    } else if path == "/api/v1/customers/{customer_id}/events" {
        serde_json::json!({ "type": "started" })
    } else if path == "/api/v1/cases/{case_id}" {
        serde_json::json!({ "version": 1, "status": "in_progress" })
    } else if path.ends_with("/notes") || path.ends_with("/replies") {
        serde_json::json!({ "version": 1, "text": "x" })
    } else if path.starts_with("/api/v1/cases/rules/") {
        serde_json::json!({ "low_score": true, "negative_comment": false })
    } else if path.ends_with("/teams") {
        serde_json::json!({ "teams": ["Shop"] })
    } else if path == "/api/v1/cases" {
        serde_json::json!({ "response_id": o.response })
    } else if path.starts_with("/api/v1/alerts") {
        serde_json::json!({ "name": "x", "kind": "threshold", "metric": "nps",
                            "direction": "down", "threshold": 0 })
    } else if path.starts_with("/api/v1/webhooks") {
        // Refused (422, an address of no such name) where allowed: nothing is made.
        serde_json::json!({ "url": "https://hooks.example.invalid/x", "events": ["alert.fired"] })
    } else if path == "/api/v1/bot/ask" {
        serde_json::json!({ "question": "When do you open?", "locale": "en" })
    } else if path == "/api/v1/bot/synonyms" {
        serde_json::json!({ "locale": "en", "term": "cake", "expansions": ["gateau"] })
    } else if path.starts_with("/api/v1/articles") {
        serde_json::json!({ "status": "draft", "category_id": o.article_category,
                            "translations": { "en": { "title": "x", "body": "x" } } })
    } else if path.starts_with("/api/v1/sites") {
        serde_json::json!({ "name": "x", "hostnames": ["shop.example"],
                            "patterns": [{ "pattern": "/x", "touchpoint_id": o.touchpoint }] })
    } else if path == "/api/v1/events" {
        serde_json::json!({ "events": [{ "type": "page_view", "url": "/x" }] })
    } else if path == "/api/v1/feature-requests" {
        serde_json::json!({ "title": "x" })
    } else if path.ends_with("/touchpoints") {
        serde_json::json!({ "stage_id": o.stage, "name": "x", "channel": "web" })
    } else {
        serde_json::json!({ "name": "x" })
    }
}

fn ids_of_nowhere() -> Objects {
    let fresh = || taith_domain::UserId::new().to_string();
    Objects {
        slug: unique("nowhere"),
        journey: fresh(),
        stage: fresh(),
        touchpoint: fresh(),
        persona: fresh(),
        user: fresh(),
        token: fresh(),
        survey: fresh(),
        public_id: unique("nowhere"),
        response: fresh(),
        theme: fresh(),
        request: fresh(),
        change: fresh(),
        case: fresh(),
        alert: fresh(),
        webhook: fresh(),
        delivery: fresh(),
        conversation: fresh(),
        customer: fresh(),
        site: fresh(),
        site_key: "nowherenowherenowher".to_owned(),
        article: fresh(),
        article_slug: "nowhere".to_owned(),
        article_category: fresh(),
        canned: fresh(),
        synonym: fresh(),
    }
}

async fn isolation_holds_on(store: SharedStore) {
    let app = TestApp::spawn(store.clone()).await;
    let (a, token_a) = populate(&store, "alpha").await;
    let (b, _) = populate(&store, "bravo").await;
    let nowhere = ids_of_nowhere();
    let browser = app.signed_in("owner@alpha.example").await;
    let csrf = browser.get("/w/alpha").await.csrf();
    let mut checked = 0;
    for route in taith_web::route_table() {
        // Public survey pages (`/s/{public_id}`, the kiosk's `/k/{public_id}`, the widget's
        // `/widget/{public_id}.js` and `/e/{public_id}`, an invitation's `/i/{token}` and
        // `/u/{token}`) belong to no signed-in workspace:
        // whoever has the address may answer, so they are not a workspace boundary to test here.
        // Nor are a reset link (`/reset/{token}`) and a person's own sessions
        // (`/account/sessions/{id}`): they belong to a person, not a workspace, and one person
        // reaching no other's is tested in account.rs and store_account.rs.
        let public = [
            "/s/",
            "/k/",
            "/e/",
            "/widget/",
            "/i/",
            "/u/",
            "/reset/",
            "/account/",
            // The public feature-request board: anyone with the address may read and vote.
            "/f/",
            // The web tracker: public; its key names a workspace's site to nobody
            // (events.rs checks another workspace's key is dropped like an unknown one).
            "/t/",
            // The public help centre: anyone may read a workspace's published articles; its
            // article slugs are per workspace, so another's slug is a different article or
            // none (articles.rs checks a draft and another workspace's slug are 404).
            "/h/",
            // Inbound e-mail: signed with a workspace's secret, not a token; another
            // workspace's slug answers the same 401 as one that does not exist (mail_in.rs).
            "/api/v1/inbound/",
        ];
        if !route.path.contains('{') || public.iter().any(|p| route.path.starts_with(p)) {
            continue;
        }
        if route.path.starts_with("/api/") {
            let method: reqwest::Method = route.method.parse().unwrap();
            let body = (route.method != "GET" && route.method != "DELETE")
                .then(|| plausible_body(route.path, &b));
            let (status, json) = browser
                .api(
                    method.clone(),
                    &fill(route.path, &a.slug, &b),
                    &token_a,
                    body.clone(),
                )
                .await;
            let (missing_status, missing) = browser
                .api(method, &fill(route.path, &a.slug, &nowhere), &token_a, body)
                .await;
            assert_eq!(
                status, 404,
                "{} {} with workspace B's ids: {json}",
                route.method, route.path
            );
            assert_eq!(
                (status, &json),
                (missing_status, &missing),
                "{} {}: B's ids must look missing",
                route.method,
                route.path
            );
            checked += 1;
            continue;
        }
        // UI: B's slug, and A's slug with B's ids, both look like nothing is there.
        for (slug, ids, what) in [
            (&b.slug, &b, "B's workspace"),
            (&a.slug, &b, "B's ids in A's workspace"),
        ] {
            let url = fill(route.path, slug, ids);
            let missing_url = fill(
                route.path,
                if slug == &a.slug {
                    &a.slug
                } else {
                    &nowhere.slug
                },
                &nowhere,
            );
            let (page, missing) = if route.method == "GET" {
                (browser.get(&url).await, browser.get(&missing_url).await)
            } else {
                let form = [
                    ("csrf", csrf.as_str()),
                    ("name", "x"),
                    ("role", "viewer"),
                    ("direction", "later"),
                    ("channel", "web"),
                ];
                (
                    browser.post_raw(&url, &form).await,
                    browser.post_raw(&missing_url, &form).await,
                )
            };
            if route.path.matches('{').count() == 1 && slug == &a.slug {
                // Only the slug varies: A's own page, not an isolation case.
                continue;
            }
            assert_eq!(
                page.status, 404,
                "{} {} ({what}): {}",
                route.method, url, page.body
            );
            assert_eq!(
                (page.status, &page.body),
                (missing.status, &missing.body),
                "{} {} ({what}) differs from a missing id",
                route.method,
                route.path
            );
            checked += 1;
        }
    }
    assert!(checked > 40, "only {checked} route cases checked");
    eprintln!("tenant isolation: {checked} route cases checked");
    // And A's own objects are still reachable with the same credentials (the 404s were not
    // from broken auth).
    assert_eq!(
        browser
            .get(&format!("/w/alpha/journeys/{}", a.journey))
            .await
            .status,
        200
    );
    let (status, _) = browser
        .api(
            reqwest::Method::GET,
            &format!("/api/v1/journeys/{}", a.journey),
            &token_a,
            None,
        )
        .await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn every_id_bearing_route_hides_other_workspaces_on_sqlite() {
    isolation_holds_on(crate::helpers::fresh_sqlite().await.0).await;
}

#[tokio::test]
async fn every_id_bearing_route_hides_other_workspaces_on_postgres() {
    if let Some((store, db)) = crate::helpers::fresh_postgres().await {
        isolation_holds_on(store).await;
        db.drop_database().await;
    }
}
