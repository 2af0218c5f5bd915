//! The XSS sweep: 150 payloads (tags, event attributes, SVG, `javascript:` URLs, mutation
//! tricks) stored in every kind of text a person types — journey, touchpoint and persona
//! names and descriptions, survey names and questions, respondents' comments and response
//! attributes, theme names and phrases, feature requests' titles, descriptions and public notes (staff and public board), case notes, replies, log authors, root causes and members' teams, alert rules' names, webhook endpoints' descriptions and addresses, sites' names and URL patterns, help-centre articles' titles and Markdown bodies and their categories' names, the FAQ bot's synonyms and FAQ gaps, web chats' messages (the visitor's, the bot's and a member's), events' addresses, search queries, goals, tasks, error kinds and click targets, "we did" notes and who recorded them, agent and team names on the coaching page, a person's own name and the User-Agent of the browsers signed in as them, stored directly and through the CSV importer — then every page that shows them is opened in headless Chromium. Each payload
//! carries a `data-xss` attribute: had it been written into the page as markup, an element with
//! that attribute would exist. The test fails on any such element and on any open dialog. The
//! pages' Content-Security-Policy would also stop inline scripts; this test checks escaping
//! itself, not that second line of defence.

use crate::helpers::{PASSWORD, TestApp};
use crate::webdriver::{self, WebDriver};
use std::time::Duration;
use taith_domain::survey::LocalizedText;
use taith_domain::{
    Change, Channel, Journey, JourneyFields, Locale, LongText, Name, NewResponse, PersonaFields,
    ResponseId, StageModel, SurveyFields, SurveyKind, SurveyStatus, TouchpointFields,
};
use taith_store::{Author, ResponseToStore};

/// 15 elements × 10 ways of smuggling them in = 150 payloads, each under 200 characters.
fn payloads() -> Vec<String> {
    let elements = [
        "img src=x onerror=alert(1)",
        "svg onload=alert(1)",
        "script",
        "iframe src=javascript:alert(1)",
        "a href=javascript:alert(1)",
        "details open ontoggle=alert(1)",
        "video src=x onerror=alert(1)",
        "body onload=alert(1)",
        "input autofocus onfocus=alert(1)",
        "marquee onstart=alert(1)",
        "object data=javascript:alert(1)",
        "embed src=javascript:alert(1)",
        "math href=javascript:alert(1)",
        "style onload=alert(1)",
        "form action=javascript:alert(1)",
    ];
    let wrappers: [fn(&str) -> String; 10] = [
        |e| format!("<{e} data-xss=1>x"),
        |e| format!("\"><{e} data-xss=1>"),
        |e| format!("'><{e} data-xss=1>"),
        |e| format!("</textarea><{e} data-xss=1>"),
        |e| format!("</title><{e} data-xss=1>"),
        |e| format!("<!--><{e} data-xss=1>-->"),
        |e| format!("<svg><foreignObject><{e} data-xss=1></foreignObject></svg>"),
        |e| format!("<noscript><p title=\"</noscript><{e} data-xss=1>\">"),
        |e| format!("<<{e} data-xss=1>//"),
        |e| format!("&lt;<{e} data-xss=1>&gt;</bdi></span>"),
    ];
    let mut out = Vec::new();
    for w in wrappers {
        for e in elements {
            out.push(w(e));
        }
    }
    assert_eq!(out.len(), 150);
    assert!(out.iter().all(|p| p.chars().count() <= 200));
    out
}

#[tokio::test]
async fn one_hundred_and_fifty_payloads_in_every_text_run_nowhere_in_chromium() {
    if !webdriver::installed() {
        assert!(
            std::env::var("TAITH_REQUIRE_BROWSER").as_deref() != Ok("1"),
            "TAITH_REQUIRE_BROWSER=1 but chromium or chromedriver is missing"
        );
        crate::helpers::say_skipped("chromium/chromedriver not installed — XSS sweep did not run");
        return;
    }
    let app = TestApp::on_sqlite().await;
    let (ws, owner) = app.workspace("becws", "owner@becws.example").await;
    let payloads = payloads();
    let name = |p: &str| Name::parse(p).unwrap();
    let text = |p: &str| LongText::parse(p).unwrap();

    // A journey named by one payload, with a touchpoint per payload (name and description).
    let mut j = Journey::new(
        JourneyFields {
            name: name(&payloads[0]),
            description: text(&payloads[1]),
            persona_id: None,
        },
        StageModel::FiveStage,
        |k| Name::parse(k).unwrap(),
        taith_domain::now(),
    );
    let mut touchpoints = Vec::new();
    for (i, p) in payloads.iter().enumerate() {
        let stage = j.stages[i % j.stages.len()].id;
        touchpoints.push(
            j.add_touchpoint(
                stage,
                TouchpointFields {
                    name: name(p),
                    channel: Channel::ALL[i % Channel::ALL.len()],
                    owner: None,
                    description: text(p),
                    moment_of_truth: i % 7 == 0,
                },
            )
            .unwrap(),
        );
    }
    let author = Author {
        user_id: None,
        name: "test".into(),
    };
    let stored = app
        .store
        .create_journey(ws.id, &j, &author, &[Change::Created])
        .await
        .unwrap();
    // A persona and a survey per payload (name; the survey's question and thank-you too).
    for p in &payloads {
        app.store
            .create_persona(
                ws.id,
                &PersonaFields {
                    name: name(p),
                    description: text(p),
                    needs: text(p),
                    goals: LongText::empty(),
                    behaviours: LongText::empty(),
                    pains: LongText::empty(),
                    demographics: LongText::empty(),
                },
            )
            .await
            .unwrap();
    }
    let mut surveys = Vec::new();
    for (i, p) in payloads.iter().enumerate() {
        let fields = SurveyFields {
            name: name(p),
            kind: SurveyKind::Nps,
            scale: SurveyKind::Nps.default_scale(),
            default_locale: Locale::En,
            question: LocalizedText([(Locale::En, p.clone())].into()),
            thank_you: LocalizedText([(Locale::En, p.clone())].into()),
            follow_ups: Vec::new(),
            touchpoint_id: Some(touchpoints[i]),
            status: SurveyStatus::Live,
            anonymous: false,
            throttle_days: 30,
        }
        .validate()
        .unwrap();
        surveys.push(
            app.store
                .create_survey(ws.id, &fields, &format!("xss-survey-{i}"))
                .await
                .unwrap(),
        );
    }
    // A response per payload: its comment and its team attribute.
    let responses: Vec<ResponseToStore> = payloads
        .iter()
        .enumerate()
        .map(|(i, p)| ResponseToStore {
            workspace_id: ws.id,
            response: NewResponse {
                id: ResponseId::new(),
                survey_id: surveys[i].id,
                score: (i % 11) as i16,
                answers: Vec::new(),
                comment: text(p),
                touchpoint_id: Some(touchpoints[i]),
                channel: Channel::Web,
                locale: Locale::En,
                customer_id: None,
                attributes: [
                    ("team".to_owned(), p.clone()),
                    ("agent".to_owned(), p.clone()),
                ]
                .into(),
                submitted_at: taith_domain::now() - time::Duration::days((i % 30) as i64),
                client_key: None,
            },
            customer: None,
        })
        .collect();
    app.store.insert_responses(&responses).await.unwrap();
    // And a CSV import with every payload as a comment and a `region` attribute, through the
    // importer `taith import responses` uses.
    let mut csv = String::from(
        "submitted_at,score,comment,touchpoint,channel,locale,customer_id,customer_email,region\n",
    );
    let quoted = |p: &str| format!("\"{}\"", p.replace('"', "\"\""));
    let today = taith_domain::now()
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap();
    for (i, p) in payloads.iter().enumerate() {
        csv.push_str(&format!(
            "{today},{},{},,web,en,,,{}\n",
            i % 11,
            quoted(p),
            quoted(p)
        ));
    }
    let intake = taith_app::responses::intake::Ingest::start(
        app.store.clone(),
        taith_app::metrics::Analytics::default(),
    );
    let imported = taith_app::responses::import::import_responses_csv(
        &intake,
        app.store.as_ref(),
        ws.id,
        &surveys[0],
        csv.as_bytes(),
    )
    .await
    .unwrap();
    assert_eq!(imported.responses, payloads.len());

    // The owner's own name, and a browser per payload signed in as them with the payload as
    // its User-Agent (the account page lists them).
    app.store
        .set_user_name(owner.id, &name(&payloads[3]))
        .await
        .unwrap();
    for (i, p) in payloads.iter().enumerate() {
        let now = taith_domain::now();
        app.store
            .create_session(&taith_store::Session {
                id: taith_domain::SessionId::new(),
                token_hash: format!("xss-session-{i}"),
                user_id: owner.id,
                csrf_token: "x".into(),
                created_at: now,
                expires_at: now + time::Duration::days(1),
                user_agent: p.clone(),
                second_factor_pending: false,
            })
            .await
            .unwrap();
    }

    // A touchpoint named by a payload deleted (the editor's notice offers to undo it), and a
    // journey named by one in the trash (the list offers to bring it back).
    let mut without = stored.clone();
    without.remove_touchpoint(touchpoints[1]).unwrap();
    let changes = taith_domain::journey::diff(&stored, &without);
    app.store
        .save_journey(ws.id, &without, &author, &changes)
        .await
        .unwrap();
    let mut trashed = j.clone();
    trashed.id = taith_domain::JourneyId::new();
    trashed.fields.name = name(&payloads[2]);
    trashed
        .stages
        .iter_mut()
        .for_each(|s| s.id = taith_domain::StageId::new());
    trashed.touchpoints.clear();
    let trashed = app
        .store
        .create_journey(ws.id, &trashed, &author, &[Change::Created])
        .await
        .unwrap();
    app.store.delete_journey(ws.id, trashed.id).await.unwrap();
    // Themes named and phrased by payloads, and every comment analysed: the comments
    // explorer, the themes and a theme's page show them.
    let mut theme_ids = Vec::new();
    for p in payloads.iter().step_by(5) {
        let t = taith_app::voc::themes::create(app.store.as_ref(), ws.id, p, &format!("{p}, x"))
            .await
            .unwrap();
        theme_ids.push(t.id);
    }
    let voc = taith_app::voc::Voc::default();
    while voc.analyse_pending(app.store.as_ref()).await.unwrap() > 0 {}
    // A feature request per payload (title, description, a public note in English and
    // Arabic), shown on the staff board, each request's page and the public board; one of
    // them with a payload comment linked.
    let mut requests = Vec::new();
    for (i, p) in payloads.iter().enumerate() {
        let fields = taith_domain::FeatureRequestFields {
            title: name(p),
            description: text(&payloads[(i + 1) % payloads.len()]),
        };
        let r = taith_app::feature_requests::create(
            app.store.as_ref(),
            ws.id,
            &fields,
            taith_domain::RequestSource::Public,
        )
        .await
        .unwrap();
        let note: std::collections::BTreeMap<Locale, String> = [
            (Locale::En, p.clone()),
            (Locale::Ar, payloads[(i + 2) % payloads.len()].clone()),
        ]
        .into();
        taith_app::feature_requests::change_status(
            app.store.as_ref(),
            ws.id,
            r.id,
            taith_domain::FeatureRequestStatus::Planned,
            &taith_domain::PublicNote::parse(&note).unwrap(),
        )
        .await
        .unwrap();
        requests.push(r.id);
    }
    taith_app::feature_requests::link_response(
        app.store.as_ref(),
        ws.id,
        requests[0],
        responses[5].response.id,
    )
    .await
    .unwrap();
    // A "we did" change for every tenth request: its title, and notes in English and Arabic,
    // on the staff list, the public page and the dashboard.
    for i in (0..payloads.len()).step_by(10) {
        taith_app::changes::record(
            app.store.as_ref(),
            ws.id,
            &taith_domain::ChangeInput {
                source_kind: "feature_request".into(),
                source_id: requests[i].to_string(),
                note: [
                    (Locale::En, payloads[(i + 3) % payloads.len()].clone()),
                    (Locale::Ar, payloads[(i + 4) % payloads.len()].clone()),
                ]
                .into(),
            },
            &payloads[(i + 5) % payloads.len()],
        )
        .await
        .unwrap();
    }
    // Root causes and the owner's teams named by payloads (those short enough for the
    // list), and a case from every seventh response with a payload note, a payload reply
    // and a payload root cause: the cases list, each case's page, the settings, the members
    // page and the dashboard's case figures show them.
    let short: Vec<String> = payloads
        .iter()
        .filter(|p| p.chars().count() <= taith_domain::case::MAX_ROOT_CAUSE_CHARS)
        .take(taith_domain::case::MAX_ROOT_CAUSES)
        .cloned()
        .collect();
    let causes = taith_app::cases::settings::save_root_causes(app.store.as_ref(), ws.id, &short)
        .await
        .unwrap();
    taith_app::cases::settings::save_teams(
        app.store.as_ref(),
        ws.id,
        owner.id,
        &[short[7].replace(',', " ")],
    )
    .await
    .unwrap();
    let mut case_ids = Vec::new();
    for (n, i) in (0..payloads.len()).step_by(7).enumerate() {
        let actor = taith_app::cases::Actor::system();
        let (c, _) = taith_app::cases::open_by_hand(
            app.store.as_ref(),
            ws.id,
            &actor,
            taith_app::cases::OpenFrom::Response(responses[i].response.id),
        )
        .await
        .unwrap();
        let c = taith_app::cases::apply(
            app.store.as_ref(),
            ws.id,
            &actor,
            c.id,
            c.version,
            taith_app::cases::Edit {
                root_cause: Some(Some(causes[n % causes.len()].id)),
                note: Some(payloads[i].clone()),
                ..Default::default()
            },
        )
        .await
        .unwrap();
        app.store
            .update_case(
                ws.id,
                c.id,
                c.version,
                &taith_store::CaseUpdate {
                    reply: Some(taith_store::NewCaseReply {
                        id: taith_domain::CaseReplyId::new(),
                        body: payloads[(i + 1) % payloads.len()].clone(),
                        locale: Locale::En,
                        to_email: "x@example.com".into(),
                        to_name: Some(payloads[(i + 2) % payloads.len()].clone()),
                    }),
                    ..Default::default()
                },
                &[(
                    Some(owner.id),
                    payloads[(i + 3) % payloads.len()].clone(),
                    taith_domain::CaseChange::Reply {
                        text: payloads[(i + 1) % payloads.len()].clone(),
                    },
                )],
            )
            .await
            .unwrap();
        case_ids.push(c.id);
    }
    // An alert rule per payload (its name; every tenth on a theme's share, the theme named by
    // a payload), and a webhook endpoint per payload (its description, and its address with
    // the payload in the query), stored directly: the alerts list, the rule form's choices,
    // each rule's page, the webhooks list and each endpoint's page show them.
    let mut alerts = Vec::new();
    let mut hooks = Vec::new();
    for (i, p) in payloads.iter().enumerate() {
        let metric = if i % 10 == 0 {
            taith_domain::AlertMetric::ThemeShare(theme_ids[i % theme_ids.len()])
        } else {
            taith_domain::AlertMetric::Nps
        };
        let rule = app
            .store
            .create_alert_rule(
                ws.id,
                &taith_domain::AlertRuleFields {
                    name: name(p),
                    metric,
                    condition: taith_domain::AlertCondition::Threshold {
                        direction: taith_domain::Direction::Down,
                        value: 0.0,
                    },
                    scope: taith_domain::AlertScope::Workspace,
                    period_days: 7,
                    min_responses: 30,
                    recipients: vec![owner.id],
                    enabled: true,
                },
            )
            .await
            .unwrap();
        alerts.push(rule.id);
        let hook = app
            .store
            .create_webhook_endpoint(
                ws.id,
                &taith_domain::WebhookFields {
                    kind: taith_domain::WebhookKind::Standard,
                    url: format!("https://hooks.example.invalid/?{p}"),
                    description: p.clone(),
                    events: vec![taith_domain::EventType::AlertFired],
                    enabled: true,
                },
                "whsec_c2VjcmV0c2VjcmV0c2VjcmV0",
            )
            .await
            .unwrap();
        hooks.push(hook.id);
    }
    // Support conversations, one per payload (subject, tags, agent, team, messages), all of
    // one customer named by a payload: the Support page (tags, teams, agents) and the
    // customer's timeline (every subject and message) show them.
    let customer = app
        .store
        .upsert_customer(
            ws.id,
            &taith_store::NewCustomer {
                external_id: Some("xss".into()),
                name: Some(name(&payloads[3])),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let mut conversations = Vec::new();
    let recent = (taith_domain::now() - time::Duration::days(2))
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap();
    for (i, p) in payloads.iter().enumerate() {
        let tags: Vec<String> = payloads
            .iter()
            .skip(i)
            .filter(|t| t.chars().count() <= taith_domain::conversation::MAX_TAG_CHARS)
            .take(1)
            .cloned()
            .collect();
        let (c, _) = taith_app::conversations::record(
            app.store.as_ref(),
            ws.id,
            &taith_domain::ConversationInput {
                channel: "chat".into(),
                subject: p.clone(),
                customer_id: Some(customer.id.to_string()),
                agent: Some(payloads[(i + 1) % payloads.len()].clone()),
                team: Some(payloads[(i + 2) % payloads.len()].clone()),
                tags,
                created_at: Some(recent.clone()),
                messages: vec![
                    taith_domain::MessageInput {
                        direction: "in".into(),
                        author: Some(payloads[(i + 4) % payloads.len()].clone()),
                        body: payloads[(i + 5) % payloads.len()].clone(),
                        ..Default::default()
                    },
                    taith_domain::MessageInput {
                        direction: "out".into(),
                        body: payloads[(i + 6) % payloads.len()].clone(),
                        ..Default::default()
                    },
                ],
                ..Default::default()
            },
        )
        .await
        .unwrap();
        conversations.push(c.id);
    }
    // The inbox: labels and a private note per conversation, a canned reply per payload
    // (title and bodies, English and Arabic), and mail attachments named by payloads; the
    // inbox list, its threads (a canned reply filling the reply box) and the canned replies'
    // page show them.
    let note_by = taith_domain::Principal::Member {
        user: taith_domain::User {
            name: name(&payloads[7]),
            ..owner.clone()
        },
        role: taith_domain::Role::Owner,
    };
    for (i, c) in conversations.iter().enumerate() {
        let p = &payloads[i];
        let label: String = p
            .chars()
            .take(taith_domain::conversation::MAX_TAG_CHARS)
            .collect();
        taith_app::inbox::set_labels(app.store.as_ref(), ws.id, *c, &[label])
            .await
            .unwrap();
        taith_app::inbox::add_note(
            app.store.as_ref(),
            ws.id,
            *c,
            &note_by,
            &payloads[(i + 8) % payloads.len()],
        )
        .await
        .unwrap();
    }
    let mut canned = Vec::new();
    for p in &payloads {
        let title: String = p.chars().take(100).collect();
        let r = taith_app::inbox::canned::create(
            app.store.as_ref(),
            ws.id,
            &taith_domain::CannedReplyInput {
                title,
                shortcut: None,
                bodies: [("en".to_owned(), p.clone()), ("ar".to_owned(), p.clone())].into(),
            },
        )
        .await
        .unwrap();
        canned.push(r.id);
    }
    let attachments: Vec<taith_store::AttachmentToStore> = payloads
        .iter()
        .take(20)
        .enumerate()
        .map(|(i, p)| taith_store::AttachmentToStore {
            name: p.clone(),
            content_type: "text/plain".into(),
            size: 1,
            content: (i % 2 == 0).then(|| b"x".to_vec()),
        })
        .collect();
    app.store
        .receive_mail(
            ws.id,
            &taith_store::MailInto::Thread(conversations[0]),
            &taith_store::MessageToStore {
                automatic: false,
                direction: taith_domain::MessageDirection::In,
                author: Some(payloads[9].clone()),
                author_id: None,
                at: taith_domain::now(),
                body: payloads[10].clone(),
            },
            &taith_store::IncomingMail {
                rfc_message_id: "xss-attachments@example.com".into(),
                address: "c@example.com".into(),
                no_reply: None,
                at: taith_domain::now(),
            },
            &attachments,
        )
        .await
        .unwrap()
        .unwrap();
    // A category and a published article per payload: the category's name (cut to its
    // limit), the article's title, and its Markdown body with the payload raw and in a link;
    // the owner's list and form, the help centre, an article and a search show them. Every
    // eighth article stays a draft with its payload in Arabic and Welsh too.
    let mut articles = Vec::new();
    for (i, p) in payloads.iter().enumerate() {
        let category_name: String = p.chars().take(100).collect();
        let category =
            taith_app::articles::create_category(app.store.as_ref(), ws.id, &category_name)
                .await
                .unwrap();
        let t = |title: &str| taith_domain::TranslationInput {
            title: title.to_owned(),
            body: format!("# {p}\n\n{p}\n\n[{p}](https://example.com/?{p})"),
        };
        let article = taith_app::articles::create_article(
            app.store.as_ref(),
            ws.id,
            &taith_domain::ArticleInput {
                category_id: Some(category.id.to_string()),
                status: if i % 8 == 0 { "draft" } else { "published" }.into(),
                translations: [
                    ("en".to_owned(), t(p)),
                    ("ar".to_owned(), t(&format!("مقالة {p}"))),
                    ("cy".to_owned(), t(&format!("Erthygl {p}"))),
                ]
                .into(),
                slug: None,
            },
        )
        .await
        .unwrap();
        articles.push(article);
    }
    // A synonym of the FAQ bot per payload (its term and an expansion: the payload's start
    // and end, cut to their limit) and a FAQ gap per payload (a help-centre search that found
    // nothing, in each of the six locales in turn): the FAQ gaps page shows both, the gaps
    // grouped with their other wordings.
    for (i, p) in payloads.iter().enumerate() {
        let locale = Locale::ALL[i % Locale::ALL.len()];
        let limit = taith_domain::bot::MAX_TERM_CHARS;
        let end: Vec<char> = p.chars().rev().take(limit).collect();
        taith_app::bot::put_synonym(
            app.store.as_ref(),
            ws.id,
            &taith_domain::bot::SynonymInput {
                locale: locale.tag().to_owned(),
                term: p.chars().take(limit).collect(),
                // A short payload's end is its term, which is dropped: "gateau" remains.
                expansions: vec![end.into_iter().rev().collect(), "gateau".into()],
            },
        )
        .await
        .unwrap();
        taith_app::bot::record_search_miss(app.store.as_ref(), ws.id, p, locale)
            .await
            .unwrap();
    }
    // A site per payload (its name, and a URL pattern with the payload bound to a touchpoint
    // named by one), and events stored directly with a payload in every text they carry (the
    // page's address, the search query, the goal, the error kind, the click target): the
    // sites list, each site's page and the latest events show them.
    let mut sites = Vec::new();
    let mut events = Vec::new();
    for (i, p) in payloads.iter().enumerate() {
        let site = app
            .store
            .create_site(
                ws.id,
                &taith_domain::SiteFields {
                    name: name(p),
                    hostnames: vec!["shop.example".into()],
                    patterns: vec![taith_domain::UrlPattern {
                        pattern: format!("/{p}"),
                        touchpoint_id: touchpoints[i],
                    }],
                    search_param: "q".into(),
                },
                &taith_app::events::sites::new_site_key(),
            )
            .await
            .unwrap();
        sites.push(site.id);
        let detail = match i % 5 {
            0 => taith_domain::EventDetail::Search {
                query: p.clone(),
                result_count: Some(0),
            },
            1 => taith_domain::EventDetail::Conversion {
                goal: p.clone(),
                value: Some(1.0),
            },
            2 => taith_domain::EventDetail::Error { kind: p.clone() },
            3 => taith_domain::EventDetail::Click { target: p.clone() },
            _ => taith_domain::EventDetail::Task {
                name: p.clone(),
                success: false,
                duration_ms: None,
            },
        };
        events.push(taith_store::EventToStore {
            workspace_id: ws.id,
            event: taith_domain::Event {
                detail,
                url: Some(format!("https://shop.example/?{p}")),
                touchpoint_id: Some(touchpoints[i]),
                ..taith_domain::Event::page_view(taith_domain::now())
            },
        });
    }
    app.store.insert_events(&events).await.unwrap();
    // Each touchpoint shows a conversion rate whose goal is a payload (the map's cards, the
    // touchpoint page and the form that chooses the figures show it); the second touchpoint
    // was deleted above.
    for (i, p) in payloads.iter().enumerate().filter(|(i, _)| *i != 1) {
        let goal: String = p
            .chars()
            .take(taith_domain::signal::MAX_GOAL_CHARS)
            .collect();
        taith_app::signals::bind(
            app.store.as_ref(),
            ws.id,
            touchpoints[i],
            &[taith_domain::BoundFigureInput {
                metric: "conversion_rate".into(),
                goal: Some(goal),
            }],
        )
        .await
        .unwrap();
    }
    // Mentions whose text, author and link carry the payloads (the Mentions page shows them).
    let mentions: Vec<taith_domain::MentionInput> = payloads
        .iter()
        .map(|p| taith_domain::MentionInput {
            source: "x".into(),
            author: Some(
                p.chars()
                    .take(taith_domain::mention::MAX_REF_CHARS)
                    .collect(),
            ),
            text: p.clone(),
            url: Some(format!(
                "https://x.example/?{}",
                p.replace(char::is_whitespace, "")
            )),
            ..Default::default()
        })
        .collect();
    taith_app::mentions::record(
        app.store.as_ref(),
        &taith_app::voc::Voc::default(),
        ws.id,
        &mentions,
    )
    .await
    .unwrap();
    // Web chats whose visitor writes a payload, answered by the bot (from the payload
    // articles) or handed over and answered by a member with a payload: the visitor's chat
    // and the member's thread show them.
    let bot = taith_app::bot::Bot::default();
    let owner = app.store.members(ws.id).await.unwrap().remove(0);
    let owner = taith_domain::Principal::Member {
        user: owner.user,
        role: owner.role,
    };
    let mut chats = Vec::new();
    for i in (0..payloads.len()).step_by(7) {
        let p = &payloads[i];
        let (token, view) = taith_app::chat::start(app.store.as_ref(), &bot, ws.id, Locale::En, p)
            .await
            .unwrap();
        taith_app::chat::send(app.store.as_ref(), &bot, ws.id, &token, "talk to a person")
            .await
            .unwrap();
        let c = view.session.conversation_id.unwrap();
        taith_app::inbox::reply(app.store.as_ref(), ws.id, c, &owner, p)
            .await
            .unwrap();
        chats.push((surveys[i].public_id.clone(), token, c));
    }
    let wd = WebDriver::start().await.unwrap();
    wd.goto(&app.url("/login")).await.unwrap();
    let email = wd.find("#email").await.unwrap();
    wd.send_keys(&email, "owner@becws.example").await.unwrap();
    let password = wd.find("#password").await.unwrap();
    wd.send_keys(&password, PASSWORD).await.unwrap();
    wd.click(
        &wd.find("form[action=\"/login\"] button[type=submit]")
            .await
            .unwrap(),
    )
    .await
    .unwrap();
    wd.wait_for("header .who", Duration::from_secs(10))
        .await
        .unwrap();

    let mut pages = vec![
        "/w/becws".to_owned(),
        format!("/w/becws/journeys/{}", j.id),
        format!("/w/becws/journeys/{}/edit", j.id),
        format!("/w/becws/journeys/{}/revisions", j.id),
        format!("/w/becws/journeys/{}/revisions/1", j.id),
        format!("/w/becws/journeys/{}/edit?deleted=2", j.id),
        format!("/w/becws/journeys/{}/revisions?restored=1", j.id),
        format!("/w/becws?deleted={}", trashed.id),
        "/w/becws/personas".to_owned(),
        "/w/becws/members".to_owned(),
        "/account".to_owned(),
        "/w/becws/surveys".to_owned(),
        "/w/becws/dashboard".to_owned(),
        "/w/becws/dashboard/segments?metric=nps&by=team".to_owned(),
        "/w/becws/dashboard/segments?metric=nps&by=touchpoint".to_owned(),
        "/w/becws/dashboard/segments?metric=nps&by=region".to_owned(),
        // The imported comments are the newest on the first touchpoint's page.
        format!("/w/becws/dashboard/touchpoints/{}", touchpoints[0]),
        "/w/becws/requests".to_owned(),
        "/f/becws".to_owned(),
        "/f/becws?lang=ar".to_owned(),
        format!(
            "/w/becws/requests/from-comment/{}",
            responses[5].response.id
        ),
    ];
    // "You said, we did" and coaching (agent and team names come from attributes).
    pages.push("/w/becws/changes".to_owned());
    pages.push(format!(
        "/w/becws/changes/new?source_kind=feature_request&source_id={}",
        requests[0]
    ));
    pages.push("/f/becws/changes?lang=en".to_owned());
    pages.push("/f/becws/changes?lang=ar".to_owned());
    pages.push("/w/becws/coaching?by=agent&period=90d".to_owned());
    pages.push("/w/becws/coaching?by=team&period=90d".to_owned());
    pages.push("/w/becws/cases?status=all".to_owned());
    pages.push("/w/becws/cases/settings".to_owned());
    for c in &case_ids {
        pages.push(format!("/w/becws/cases/{c}"));
        pages.push(format!("/w/becws/cases/{c}?lang=ar"));
    }
    pages.push("/w/becws/support?period=30d".to_owned());
    pages.push("/w/becws/support?period=30d&lang=ar".to_owned());
    pages.push(format!("/w/becws/customers/{}", customer.id));
    pages.push(format!("/w/becws/customers/{}?lang=ar", customer.id));
    pages.push("/w/becws/alerts".to_owned());
    pages.push("/w/becws/webhooks".to_owned());
    pages.push("/w/becws/web".to_owned());
    pages.push("/w/becws/sites".to_owned());
    pages.push("/w/becws/articles".to_owned());
    pages.push("/w/becws/articles?lang=ar".to_owned());
    pages.push("/h/becws".to_owned());
    pages.push("/h/becws?lang=ar".to_owned());
    pages.push("/h/becws/search?q=data-xss".to_owned());
    pages.push("/h/becws/search?q=data-xss&lang=cy".to_owned());
    pages.push(format!("/w/becws/touchpoints/{}/figures", touchpoints[0]));
    pages.push(format!(
        "/w/becws/touchpoints/{}/figures?lang=ar",
        touchpoints[2]
    ));
    pages.push(format!("/w/becws/journeys/{}?lang=ar", j.id));
    pages.push("/w/becws/sites?lang=ar".to_owned());
    pages.push("/w/becws/comments".to_owned());
    pages.push("/w/becws/comments?q=data-xss".to_owned());
    pages.push("/w/becws/themes".to_owned());
    pages.push("/w/becws/inbox?status=all".to_owned());
    pages.push("/w/becws/inbox?status=all&lang=ar".to_owned());
    pages.push("/w/becws/inbox/canned".to_owned());
    pages.push("/w/becws/inbox/canned?lang=ar".to_owned());
    pages.push(format!("/w/becws/inbox/{}", conversations[0]));
    pages.push(format!("/w/becws/inbox/{}?lang=ar", conversations[0]));
    for i in (0..payloads.len()).step_by(10) {
        pages.push(format!(
            "/w/becws/inbox/{}?canned={}",
            conversations[i], canned[i]
        ));
    }
    pages.push("/w/becws/mentions".to_owned());
    pages.push("/w/becws/mentions?lang=ar".to_owned());
    pages.push("/w/becws/faq-gaps".to_owned());
    pages.push("/w/becws/faq-gaps?lang=ar".to_owned());
    // The audit log shows who acted and on what: a member's name and a path, both theirs.
    for p in payloads.iter().step_by(5) {
        taith_app::audit::record(
            app.store.as_ref(),
            ws.id,
            taith_app::audit::Action {
                actor: taith_domain::Actor::member(taith_domain::UserId::new(), p.to_string()),
                address: Some(p.to_string()),
                method: "POST".into(),
                action: p.to_string(),
                target: p.to_string(),
                status: 303,
            },
        )
        .await
        .unwrap();
    }
    pages.push("/w/becws/audit".to_owned());
    pages.push("/w/becws/audit?lang=ar".to_owned());
    pages.push("/w/becws/privacy?erased=1".to_owned());
    pages.push(format!(
        "/w/becws/customers/{}?confirm=required",
        customer.id
    ));
    for t in theme_ids.iter().step_by(3) {
        pages.push(format!("/w/becws/themes/{t}"));
    }
    for (public_id, token, c) in &chats {
        pages.push(format!("/e/{public_id}/chat/{}", token.as_str()));
        pages.push(format!("/w/becws/inbox/{c}"));
    }
    // A sample of the per-item pages (every tenth payload, so every wrapper and element).
    for i in (0..payloads.len()).step_by(7) {
        let s = &surveys[i];
        pages.push(format!("/w/becws/surveys/{}", s.id));
        pages.push(format!("/w/becws/surveys/{}/preview", s.id));
        pages.push(format!("/s/{}", s.public_id));
        pages.push(format!("/e/{}", s.public_id));
        pages.push(format!("/k/{}", s.public_id));
        pages.push(format!("/w/becws/dashboard/touchpoints/{}", touchpoints[i]));
        pages.push(format!("/w/becws/requests/{}", requests[i]));
        pages.push(format!("/w/becws/alerts/{}", alerts[i]));
        pages.push(format!("/w/becws/webhooks/{}", hooks[i]));
        pages.push(format!("/w/becws/sites/{}", sites[i]));
        pages.push(format!("/w/becws/articles/{}", articles[i].id));
        if articles[i].is_published() {
            pages.push(format!("/h/becws/a/{}", articles[i].slug));
            pages.push(format!("/h/becws/a/{}?lang=ar", articles[i].slug));
        }
    }
    let mut injected = Vec::new();
    for page in &pages {
        wd.goto(&app.url(page)).await.unwrap();
        if let Some(text) = wd.open_dialog().await {
            injected.push(format!("{page}: a dialog opened: {text}"));
            continue;
        }
        let found = wd
            .execute(
                "return [...document.querySelectorAll('[data-xss]')].map(e => e.outerHTML.slice(0, 80));",
                vec![],
            )
            .await
            .unwrap();
        if found.as_array().is_some_and(|a| !a.is_empty()) {
            injected.push(format!("{page}: {found}"));
        }
        // The payloads are on the page, as text (the overview shows figures only).
        if page != "/w/becws/dashboard" {
            let shown = wd
                .execute(
                    "return document.body.innerText.includes('data-xss=1');",
                    vec![],
                )
                .await
                .unwrap();
            assert_eq!(
                shown, true,
                "{page} shows no payload at all: the sweep saw nothing"
            );
        }
    }
    assert!(
        injected.is_empty(),
        "markup from stored text: {injected:#?}"
    );
    eprintln!(
        "XSS sweep: {} payloads, each in 20 kinds of text (2 through the CSV importer), {} pages opened, 0 executions",
        payloads.len(),
        pages.len()
    );
}
