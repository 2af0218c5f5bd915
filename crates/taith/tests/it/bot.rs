//! The FAQ bot, on both stores, over HTTP: answers from the visitor's translation (Swahili),
//! from another language with `other_language` (a Welsh question, an English article), a
//! hand-over for "talk to a person" in six languages opening one chat conversation each with
//! the transcript (and continuing it), a nonsense question handed over and shown in the FAQ
//! gaps grouped with its paraphrase and a help-centre search, drafts never used, an edit used
//! on the next question (the cache), another workspace's articles never answering, synonyms,
//! the public widget route, and refusals (422 by field, another workspace's conversation 404).

use crate::helpers::TestApp;
use reqwest::Method;
use serde_json::{Value, json};
use taith_domain::{ArticleInput, Channel, TokenScope, TranslationInput, WorkspaceId};
use taith_store::{ConversationFilter, PageRequest, SharedStore};

macro_rules! on_both_stores {
    ($($behaviour:ident),* $(,)?) => {
        pastey::paste! {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn [<$behaviour _on_sqlite>]() {
                    let (store, dir) = crate::helpers::fresh_sqlite().await;
                    $behaviour(store).await;
                    let _ = std::fs::remove_dir_all(dir);
                }

                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn [<$behaviour _on_postgres>]() {
                    let Some((store, db)) = crate::helpers::fresh_postgres().await else {
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
    a_question_is_answered_in_the_visitors_language_or_another_with_a_flag,
    asking_for_a_person_in_six_languages_opens_one_chat_each_with_the_transcript,
    a_nonsense_question_hands_over_and_shows_in_the_gaps_with_its_paraphrase,
    drafts_never_answer_and_an_edit_is_used_on_the_next_question,
    another_workspaces_articles_and_conversations_are_never_used,
    synonyms_expand_questions_and_bad_input_is_refused_by_field,
    the_public_widget_route_answers_without_credentials,
);

/// A small bakery's help centre: eight published articles in several languages, on subjects
/// none of the tests ask about. Retrieval weighs a word by how few articles hold it, so a
/// workspace of one or two articles (every word in half of them) is sure of nothing; with
/// these the bot behaves as in a real help centre.
const BASE: [&[(&str, &str, &str)]; 8] = [
    &[
        (
            "en",
            "Delivery",
            "We deliver within five miles of the shop for a fee of three pounds. Deliveries leave at noon.",
        ),
        (
            "cy",
            "Danfon",
            "Rydym yn danfon o fewn pum milltir i'r siop am dâl o dair punt. Mae'r faniau'n gadael am hanner dydd.",
        ),
        (
            "ms",
            "Penghantaran",
            "Kami menghantar dalam lingkungan lima batu dari kedai dengan bayaran tiga paun. Penghantaran bertolak pada tengah hari.",
        ),
    ],
    &[
        (
            "en",
            "Allergies and gluten",
            "Every label lists the fourteen allergens. Gluten-free rolls are made in a separate kitchen.",
        ),
        (
            "ar",
            "الحساسية والغلوتين",
            "كل ملصق يذكر مسببات الحساسية الأربعة عشر. نصنع المعجنات الخالية من الغلوتين في مطبخ منفصل.",
        ),
        (
            "vi",
            "Dị ứng và gluten",
            "Mỗi nhãn ghi đủ mười bốn chất gây dị ứng. Món không gluten được làm trong một bếp riêng.",
        ),
    ],
    &[
        (
            "en",
            "Paying",
            "We take cash, contactless payments and phone wallets. Invoices are sent to businesses monthly.",
        ),
        (
            "ms",
            "Pembayaran",
            "Kami menerima tunai, bayaran tanpa sentuh dan dompet telefon. Invois dihantar kepada syarikat setiap bulan.",
        ),
        (
            "ar",
            "الدفع",
            "نقبل النقد والدفع اللاتلامسي ومحافظ الهاتف. نرسل الفواتير إلى الشركات كل شهر.",
        ),
    ],
    &[
        (
            "en",
            "Parking",
            "There is free parking behind the building for twenty cars, and racks for prams.",
        ),
        (
            "cy",
            "Parcio",
            "Mae parcio am ddim y tu ôl i'r adeilad i ugain car, a lle i goetsys babanod.",
        ),
    ],
    &[
        (
            "en",
            "Refunds",
            "If something is wrong, bring the receipt back within seven days for a full refund.",
        ),
        (
            "sw",
            "Kurejeshewa pesa",
            "Kama kuna tatizo, rudisha risiti ndani ya siku saba upate pesa zako zote.",
        ),
        (
            "vi",
            "Hoàn tiền",
            "Nếu có vấn đề, hãy mang hóa đơn quay lại trong vòng bảy ngày để được hoàn tiền đầy đủ.",
        ),
    ],
    &[
        (
            "en",
            "Vegan choices",
            "Our vegan pastries use oat milk and no eggs; the labels say which ones.",
        ),
        (
            "cy",
            "Dewisiadau fegan",
            "Mae ein crwst fegan yn defnyddio llaeth ceirch a dim wyau; mae'r labeli'n dweud pa rai.",
        ),
        (
            "ms",
            "Pilihan vegan",
            "Pastri vegan kami menggunakan susu oat dan tiada telur; label menyatakan yang mana.",
        ),
    ],
    &[
        (
            "en",
            "Coffee and tea",
            "We serve fair-trade coffee and tea to take away or to drink in at the tables.",
        ),
        (
            "ar",
            "القهوة والشاي",
            "نقدم قهوة وشايا من التجارة العادلة للشرب في المحل أو للأخذ.",
        ),
        (
            "vi",
            "Cà phê và trà",
            "Chúng tôi phục vụ cà phê và trà thương mại công bằng, uống tại chỗ hoặc mang đi.",
        ),
    ],
    &[
        (
            "en",
            "Working with us",
            "We hire apprentices every September; send your CV by e-mail to the manager.",
        ),
        (
            "sw",
            "Kufanya kazi nasi",
            "Tunaajiri wanafunzi wa ufundi kila Septemba; tuma wasifu wako kwa barua pepe kwa meneja.",
        ),
    ],
];

/// A workspace with the base help centre.
async fn workspace(app: &TestApp, store: &SharedStore, slug: &str) -> WorkspaceId {
    let ws = app
        .workspace(slug, &format!("owner@{slug}.test"))
        .await
        .0
        .id;
    for translations in BASE {
        article(store, ws, "published", translations).await;
    }
    ws
}

async fn article(
    store: &SharedStore,
    ws: WorkspaceId,
    status: &str,
    translations: &[(&str, &str, &str)],
) -> taith_domain::Article {
    taith_app::articles::create_article(store.as_ref(), ws, &input(status, translations))
        .await
        .unwrap()
}

fn input(status: &str, translations: &[(&str, &str, &str)]) -> ArticleInput {
    ArticleInput {
        category_id: None,
        status: status.into(),
        translations: translations
            .iter()
            .map(|(l, t, b)| {
                (
                    (*l).to_owned(),
                    TranslationInput {
                        title: (*t).into(),
                        body: (*b).into(),
                    },
                )
            })
            .collect(),
        slug: None,
    }
}

const HOURS_EN: (&str, &str, &str) = (
    "en",
    "Opening hours",
    "The bakery opens at 8am and closes at 6pm, Monday to Saturday. On Sunday we are closed.",
);
const HOURS_SW: (&str, &str, &str) = (
    "sw",
    "Saa za kufungua",
    "Duka la mikate hufunguliwa saa mbili asubuhi na kufungwa saa kumi na mbili jioni, Jumatatu hadi Jumamosi. Jumapili tumefunga.",
);
const SOURDOUGH_EN: (&str, &str, &str) = (
    "en",
    "Sourdough bread",
    "Our sourdough bread is baked every morning with a starter that is twenty years old.",
);

async fn ask(app: &TestApp, token: &str, body: Value) -> (u16, Value) {
    app.browser()
        .api(Method::POST, "/api/v1/bot/ask", token, Some(body))
        .await
}

async fn chats(store: &SharedStore, ws: WorkspaceId) -> Vec<taith_domain::Conversation> {
    store
        .conversations(
            ws,
            &ConversationFilter {
                channel: Some(Channel::Chat),
                ..Default::default()
            },
            PageRequest::first(100),
        )
        .await
        .unwrap()
        .items
}

async fn a_question_is_answered_in_the_visitors_language_or_another_with_a_flag(
    store: SharedStore,
) {
    let app = TestApp::spawn_unthrottled(store.clone()).await;
    let ws = workspace(&app, &store, "botlang").await;
    let token = app.api_token("botlang", TokenScope::Write).await;
    let hours = article(&store, ws, "published", &[HOURS_EN, HOURS_SW]).await;
    let sourdough = article(&store, ws, "published", &[SOURDOUGH_EN]).await;

    let (status, body) = ask(
        &app,
        &token,
        json!({ "question": "Mnafungua saa ngapi?", "locale": "sw" }),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["article_id"], json!(hours.id.to_string()), "{body}");
    assert_eq!(body["answer"]["locale"], "sw");
    assert_eq!(body["answer"]["title"], "Saa za kufungua");
    assert_eq!(body["answer"]["other_language"], false);
    assert!(body["handoff"].is_null());
    assert!(body["confidence"].as_f64().unwrap() >= 0.59, "{body}");

    // Welsh, with only an English article: the English one, flagged.
    let (status, body) = ask(
        &app,
        &token,
        json!({ "question": "Bara sourdough?", "locale": "cy" }),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        body["article_id"],
        json!(sourdough.id.to_string()),
        "{body}"
    );
    assert_eq!(body["answer"]["locale"], "en");
    assert_eq!(body["answer"]["other_language"], true);
    assert!(
        body["answer"]["body_html"]
            .as_str()
            .unwrap()
            .contains("<p>Our sourdough bread")
    );
    // An answer opens no conversation.
    assert!(chats(&store, ws).await.is_empty());
}

async fn asking_for_a_person_in_six_languages_opens_one_chat_each_with_the_transcript(
    store: SharedStore,
) {
    let app = TestApp::spawn_unthrottled(store.clone()).await;
    let ws = workspace(&app, &store, "botperson").await;
    let token = app.api_token("botperson", TokenScope::Write).await;
    article(&store, ws, "published", &[HOURS_EN, HOURS_SW]).await;
    let asks = [
        ("en", "Can I talk to a person?"),
        ("cy", "Ga i siarad â pherson?"),
        ("ms", "Boleh saya bercakap dengan orang?"),
        ("sw", "Nataka kuongea na mtu"),
        ("ar", "أريد التحدث مع شخص"),
        ("vi", "Cho tôi gặp nhân viên"),
    ];
    let mut ids = Vec::new();
    for (locale, q) in asks {
        let (status, body) = ask(&app, &token, json!({ "question": q, "locale": locale })).await;
        assert_eq!(status, 200, "{locale}: {body}");
        assert!(body["answer"].is_null(), "{locale}: {body}");
        assert_eq!(
            body["handoff"]["reason"], "asked_for_person",
            "{locale}: {body}"
        );
        let id = body["handoff"]["conversation_id"]
            .as_str()
            .unwrap()
            .to_owned();
        assert_eq!(body["conversation_id"], json!(id));
        assert!(
            !body["handoff"]["message"].as_str().unwrap().is_empty(),
            "{locale}"
        );
        ids.push((id, locale, q));
    }
    let all = chats(&store, ws).await;
    assert_eq!(all.len(), 6, "one chat per hand-over");
    for (id, locale, q) in &ids {
        let c = all.iter().find(|c| c.id.to_string() == *id).unwrap();
        assert_eq!(c.status, taith_domain::ConversationStatus::Open);
        assert_eq!(c.locale.map(|l| l.tag()), Some(*locale));
        assert!(
            c.first_reply_at.is_none(),
            "the bot's message is no first reply"
        );
        let messages = store.conversation_messages(ws, c.id).await.unwrap();
        assert_eq!(messages.len(), 2, "{locale}");
        assert_eq!(messages[0].direction, taith_domain::MessageDirection::In);
        assert_eq!(messages[0].body, *q);
        assert_eq!(messages[1].direction, taith_domain::MessageDirection::Out);
        assert_eq!(messages[1].author.as_deref(), Some("bot"));
    }
    // The hand-over message is in the visitor's language (English and Welsh differ).
    // Continuing: the next question goes into the same conversation; none is opened.
    let (first, _, _) = &ids[0];
    let (status, body) = ask(
        &app,
        &token,
        json!({ "question": "When do you open?", "locale": "en", "conversation_id": first }),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["conversation_id"], json!(first));
    assert_eq!(chats(&store, ws).await.len(), 6);
    let c: taith_domain::ConversationId = first.parse().unwrap();
    let messages = store.conversation_messages(ws, c).await.unwrap();
    assert_eq!(messages.len(), 4);
    assert_eq!(messages[2].body, "When do you open?");
    // Asking for a person is not a FAQ gap.
    let gaps = store
        .faq_gaps(ws, taith_domain::now() - time::Duration::days(1), 100)
        .await
        .unwrap();
    assert!(gaps.is_empty(), "{gaps:?}");
}

async fn a_nonsense_question_hands_over_and_shows_in_the_gaps_with_its_paraphrase(
    store: SharedStore,
) {
    let app = TestApp::spawn_unthrottled(store.clone()).await;
    let ws = workspace(&app, &store, "botgaps").await;
    let token = app.api_token("botgaps", TokenScope::Write).await;
    article(&store, ws, "published", &[HOURS_EN, SOURDOUGH_EN]).await;
    for q in [
        "Do you repair zebra saddles?",
        "Can you repair my zebra saddle?",
    ] {
        let (status, body) = ask(&app, &token, json!({ "question": q, "locale": "en" })).await;
        assert_eq!(status, 200, "{body}");
        assert_eq!(body["handoff"]["reason"], "low_confidence", "{q}: {body}");
        assert!(body["answer"].is_null());
    }
    // A help-centre search without results is a gap too.
    let page = app
        .browser()
        .get("/h/botgaps/search?q=zebra+saddle+repair")
        .await;
    assert_eq!(page.status, 200);
    // An unrelated question makes its own group.
    ask(
        &app,
        &token,
        json!({ "question": "Wnewch chi drwsio fy meic?", "locale": "cy" }),
    )
    .await;

    let (status, body) = app
        .browser()
        .api(Method::GET, "/api/v1/faq-gaps", &token, None)
        .await;
    assert_eq!(status, 200, "{body}");
    let gaps = body["gaps"].as_array().unwrap();
    assert_eq!(gaps.len(), 2, "{body}");
    let zebra = &gaps[0];
    assert_eq!(zebra["count"], 3, "{body}");
    assert_eq!(zebra["locales"], json!(["en"]));
    let sources: Vec<&str> = zebra["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect();
    assert!(
        sources.contains(&"bot") && sources.contains(&"help_search"),
        "{sources:?}"
    );
    assert_eq!(zebra["examples"].as_array().unwrap().len(), 3);
    assert!(zebra["last_asked"].is_string());
    assert_eq!(gaps[1]["locales"], json!(["cy"]));

    // The owner's page: the group with a link to write an article titled by the question.
    let owner = app.signed_in("owner@botgaps.test").await;
    let page = owner.get("/w/botgaps/faq-gaps").await;
    assert_eq!(page.status, 200);
    let text = page.text();
    assert!(text.contains("zebra saddle"), "{text}");
    assert!(
        page.body.contains("/w/botgaps/articles/new?title="),
        "{}",
        page.body
    );
    let href = page
        .body
        .split("href=\"")
        .find(|s| s.starts_with("/w/botgaps/articles/new?title="))
        .and_then(|s| s.split('"').next())
        .unwrap()
        .replace("&amp;", "&");
    let form = owner.get(&href).await;
    assert_eq!(form.status, 200);
    assert!(
        form.body.contains("value=\"zebra saddle repair\""),
        "{}",
        form.body
    );
}

async fn drafts_never_answer_and_an_edit_is_used_on_the_next_question(store: SharedStore) {
    let app = TestApp::spawn_unthrottled(store.clone()).await;
    let ws = workspace(&app, &store, "botcache").await;
    let token = app.api_token("botcache", TokenScope::Write).await;
    let gift = (
        "en",
        "Gift cards",
        "Gift cards can be bought in the shop for any amount and never expire.",
    );
    let draft = article(&store, ws, "draft", &[gift]).await;
    let q = json!({ "question": "Do you sell gift cards?", "locale": "en" });
    let (_, body) = ask(&app, &token, q.clone()).await;
    assert_eq!(
        body["handoff"]["reason"], "low_confidence",
        "a draft: {body}"
    );

    // Published through the API: the next question uses it.
    let (status, _) = app
        .browser()
        .api(
            Method::PUT,
            &format!("/api/v1/articles/{}", draft.id),
            &token,
            Some(json!({ "status": "published",
                "translations": { "en": { "title": gift.1, "body": gift.2 } } })),
        )
        .await;
    assert_eq!(status, 200);
    let (_, body) = ask(&app, &token, q.clone()).await;
    assert_eq!(body["article_id"], json!(draft.id.to_string()), "{body}");

    // Edited to be about something else: the next question no longer finds it.
    taith_app::articles::update_article(
        store.as_ref(),
        ws,
        draft.id,
        &input(
            "published",
            &[(
                "en",
                "Wedding cakes",
                "We bake wedding cakes to order; ask three weeks ahead.",
            )],
        ),
    )
    .await
    .unwrap();
    let (_, body) = ask(&app, &token, q.clone()).await;
    assert!(body["answer"].is_null(), "{body}");
    let (_, body) = ask(
        &app,
        &token,
        json!({ "question": "Do you bake wedding cakes?", "locale": "en" }),
    )
    .await;
    assert_eq!(body["article_id"], json!(draft.id.to_string()), "{body}");

    // Back to a draft: gone again.
    taith_app::articles::set_status(
        store.as_ref(),
        ws,
        draft.id,
        taith_domain::ArticleStatus::Draft,
    )
    .await
    .unwrap();
    let (_, body) = ask(
        &app,
        &token,
        json!({ "question": "Do you bake wedding cakes?", "locale": "en" }),
    )
    .await;
    assert!(body["answer"].is_null(), "{body}");
}

async fn another_workspaces_articles_and_conversations_are_never_used(store: SharedStore) {
    let app = TestApp::spawn_unthrottled(store.clone()).await;
    let ws = workspace(&app, &store, "botmine").await;
    let other = workspace(&app, &store, "bottheirs").await;
    let token = app.api_token("botmine", TokenScope::Write).await;
    let theirs_token = app.api_token("bottheirs", TokenScope::Write).await;
    article(&store, other, "published", &[HOURS_EN, SOURDOUGH_EN]).await;
    let (_, body) = ask(
        &app,
        &token,
        json!({ "question": "Is the sourdough bread baked every morning?", "locale": "en" }),
    )
    .await;
    assert!(body["answer"].is_null(), "{body}");
    assert_eq!(body["handoff"]["reason"], "low_confidence");
    // Their conversation is as missing as one of nowhere.
    let (_, theirs) = ask(
        &app,
        &theirs_token,
        json!({ "question": "talk to a person", "locale": "en" }),
    )
    .await;
    let their_id = theirs["conversation_id"].as_str().unwrap();
    let (status, b1) = ask(
        &app,
        &token,
        json!({ "question": "hello", "locale": "en", "conversation_id": their_id }),
    )
    .await;
    let nowhere = taith_domain::ConversationId::new().to_string();
    let (status2, b2) = ask(
        &app,
        &token,
        json!({ "question": "hello", "locale": "en", "conversation_id": nowhere }),
    )
    .await;
    assert_eq!((status, &b1), (404, &b2));
    assert_eq!(status2, 404);
    // A conversation of the workspace's own that the bot did not open is not continued.
    let (own, _) = taith_app::conversations::record(
        store.as_ref(),
        ws,
        &taith_domain::ConversationInput {
            channel: "chat".into(),
            subject: "By hand".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let (status, _) = ask(
        &app,
        &token,
        json!({ "question": "hello", "locale": "en", "conversation_id": own.id.to_string() }),
    )
    .await;
    assert_eq!(status, 404);
    // Their gaps are not ours.
    let (_, gaps) = app
        .browser()
        .api(Method::GET, "/api/v1/faq-gaps", &theirs_token, None)
        .await;
    assert_eq!(gaps["gaps"], json!([]), "{gaps}");
}

async fn synonyms_expand_questions_and_bad_input_is_refused_by_field(store: SharedStore) {
    let app = TestApp::spawn_unthrottled(store.clone()).await;
    let ws = workspace(&app, &store, "botsyn").await;
    let token = app.api_token("botsyn", TokenScope::Write).await;
    let read = app.api_token("botsyn", TokenScope::Read).await;
    let cakes = article(
        &store,
        ws,
        "published",
        &[(
            "en",
            "Celebration cakes",
            "Order a celebration cake three days ahead; we write a message on it for free.",
        )],
    )
    .await;
    let q = json!({ "question": "Can I order a gateau?", "locale": "en" });
    let (_, body) = ask(&app, &token, q.clone()).await;
    assert!(body["answer"].is_null(), "{body}");

    let b = app.browser();
    let (status, body) = b
        .api(
            Method::POST,
            "/api/v1/bot/synonyms",
            &token,
            Some(json!({ "locale": "en", "term": "Cake", "expansions": ["gateau", "sponge"] })),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["synonym"]["term"], "cake");
    let id = body["synonym"]["id"].as_str().unwrap().to_owned();
    let (_, body) = ask(&app, &token, q.clone()).await;
    assert_eq!(body["article_id"], json!(cakes.id.to_string()), "{body}");

    let (status, body) = b
        .api(Method::GET, "/api/v1/bot/synonyms", &read, None)
        .await;
    assert_eq!(status, 200);
    assert_eq!(
        body["synonyms"][0]["expansions"],
        json!(["gateau", "sponge"])
    );
    let (status, _) = b
        .api(
            Method::POST,
            "/api/v1/bot/synonyms",
            &read,
            Some(json!({ "locale": "en", "term": "x", "expansions": ["y"] })),
        )
        .await;
    assert_eq!(status, 403);
    let (status, body) = b
        .api(
            Method::POST,
            "/api/v1/bot/synonyms",
            &token,
            Some(json!({ "locale": "xx", "term": "", "expansions": [] })),
        )
        .await;
    assert_eq!(status, 422);
    let fields: Vec<&str> = body["error"]["details"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, vec!["locale", "term", "expansions"], "{body}");
    let (status, _) = b
        .api(
            Method::DELETE,
            &format!("/api/v1/bot/synonyms/{id}"),
            &token,
            None,
        )
        .await;
    assert_eq!(status, 204);
    let (_, body) = ask(&app, &token, q).await;
    assert!(body["answer"].is_null(), "deleted: {body}");

    // Refusals by field.
    for (body, field) in [
        (json!({ "question": "  ", "locale": "en" }), "question"),
        (json!({ "question": "hello", "locale": "fr" }), "locale"),
        (json!({ "question": "hello", "locale": "" }), "locale"),
        (
            json!({ "question": "hello", "locale": "en", "conversation_id": "nope" }),
            "conversation_id",
        ),
    ] {
        let (status, answer) = ask(&app, &token, body.clone()).await;
        assert_eq!(status, 422, "{body}: {answer}");
        assert_eq!(answer["error"]["details"][0]["field"], field, "{answer}");
    }
    let (status, _) = ask(&app, &read, json!({ "question": "hi", "locale": "en" })).await;
    assert_eq!(status, 403, "a read token records no conversations");
    let (status, _) = app
        .browser()
        .api(Method::GET, "/api/v1/faq-gaps", &read, None)
        .await;
    assert_eq!(status, 200);
}

async fn the_public_widget_route_answers_without_credentials(store: SharedStore) {
    let app = TestApp::spawn_unthrottled(store.clone()).await;
    let ws = workspace(&app, &store, "botpublic").await;
    let hours = article(&store, ws, "published", &[HOURS_EN, HOURS_SW]).await;
    let client = crate::helpers::http().build().unwrap();
    let post = |path: &str, body: Value| {
        let c = client.clone();
        let url = app.url(path);
        async move {
            let r = c.post(url).json(&body).send().await.unwrap();
            let status = r.status().as_u16();
            (status, r.json::<Value>().await.unwrap_or(Value::Null))
        }
    };
    let (status, body) = post(
        "/h/botpublic/bot/ask",
        json!({ "question": "What time do you open?", "locale": "en" }),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["article_id"], json!(hours.id.to_string()), "{body}");
    let (status, body) = post(
        "/h/botpublic/bot/ask",
        json!({ "question": "siarad â pherson", "locale": "cy" }),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["handoff"]["reason"], "asked_for_person");
    // Anyone may ask here, so a conversation's id sent here continues nothing: a new chat is
    // opened and the first one keeps its two messages.
    let first = body["conversation_id"].as_str().unwrap().to_owned();
    let (status, body) = post(
        "/h/botpublic/bot/ask",
        json!({ "question": "siarad â pherson", "locale": "cy", "conversation_id": first }),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_ne!(body["conversation_id"], json!(first), "{body}");
    let first: taith_domain::ConversationId = first.parse().unwrap();
    assert_eq!(
        store.conversation_messages(ws, first).await.unwrap().len(),
        2
    );
    let (status, _) = post(
        "/h/no-such-shop/bot/ask",
        json!({ "question": "When do you open?", "locale": "en" }),
    )
    .await;
    assert_eq!(status, 404);
    let (status, _) = post(
        "/h/botpublic/bot/ask",
        json!({ "question": "", "locale": "en" }),
    )
    .await;
    assert_eq!(status, 422);
}
