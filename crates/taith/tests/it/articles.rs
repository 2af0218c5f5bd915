//! The knowledge base and the help centre, on both stores: articles over the API (a round
//! trip, field-named refusals, another workspace's article not found on every verb), the
//! owner's pages, the public help centre (only published articles, in the reader's language or
//! the nearest with a note, drafts and other workspaces' articles 404), its search (a word of
//! the body in Welsh, in Arabic typed with other letter forms and without diacritics, in
//! Vietnamese typed without diacritics) and sanitised Markdown.

use crate::helpers::{Browser, TestApp};
use reqwest::Method;
use serde_json::{Value, json};
use taith_domain::{ArticleInput, TokenScope, TranslationInput, WorkspaceId};
use taith_store::SharedStore;

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
    an_article_round_trips_over_the_api_and_bad_ones_are_refused_by_field,
    another_workspaces_article_is_not_found_on_every_verb,
    the_owner_pages_list_create_and_publish_articles,
    the_help_centre_shows_only_published_articles_in_the_readers_language_with_a_note_otherwise,
    search_finds_an_article_by_a_word_of_its_body_in_welsh_arabic_and_vietnamese,
    the_help_centre_strips_scripts_handlers_and_javascript_links_from_markdown,
);

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

/// Stores an article through the use-case, as the pages and the API do.
async fn article(
    store: &SharedStore,
    ws: WorkspaceId,
    status: &str,
    translations: &[(&str, &str, &str)],
) -> taith_domain::Article {
    taith_app::articles::create_article(
        store.as_ref(),
        ws,
        &ArticleInput {
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
        },
    )
    .await
    .unwrap()
}

async fn an_article_round_trips_over_the_api_and_bad_ones_are_refused_by_field(store: SharedStore) {
    let app = TestApp::spawn_unthrottled(store.clone()).await;
    let ws = workspace(&app, "kbapi").await;
    let other = workspace(&app, "kbother").await;
    let write = app.api_token("kbapi", TokenScope::Write).await;
    let read = app.api_token("kbapi", TokenScope::Read).await;
    let category = taith_app::articles::create_category(store.as_ref(), ws, "Delivery")
        .await
        .unwrap();
    let theirs = taith_app::articles::create_category(store.as_ref(), other, "Theirs")
        .await
        .unwrap();

    // Created as a draft, with a slug made from the English title.
    let (status, body) = api(
        &app,
        Method::POST,
        "/api/v1/articles",
        &write,
        Some(json!({
            "category_id": category.id,
            "status": "draft",
            "translations": {
                "en": {"title": "Delivery areas", "body": "We deliver **within 10 miles**."},
            }
        })),
    )
    .await;
    assert_eq!(status, 201, "{body}");
    let id = body["article"]["id"].as_str().unwrap().to_owned();
    assert_eq!(body["article"]["slug"], "delivery-areas", "{body}");
    assert_eq!(body["article"]["status"], "draft", "{body}");
    assert_eq!(body["article"]["category_id"], json!(category.id), "{body}");

    // A read token may not write.
    let (status, _) = api(
        &app,
        Method::POST,
        "/api/v1/articles",
        &read,
        Some(json!({"status": "draft", "translations": {"en": {"title": "x", "body": "y"}}})),
    )
    .await;
    assert_eq!(status, 403);

    // Replaced: published, with a Welsh translation; the slug stays.
    let path = format!("/api/v1/articles/{id}");
    let (status, body) = api(
        &app,
        Method::PUT,
        &path,
        &write,
        Some(json!({
            "status": "published",
            "translations": {
                "en": {"title": "Delivery areas", "body": "We deliver within 10 miles."},
                "cy": {"title": "Ardaloedd danfon", "body": "Rydym yn danfon o fewn 10 milltir."},
            }
        })),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let (status, body) = api(&app, Method::GET, &path, &read, None).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["article"]["status"], "published", "{body}");
    assert_eq!(body["article"]["slug"], "delivery-areas", "{body}");
    assert_eq!(body["article"]["category_id"], Value::Null, "{body}");
    assert_eq!(
        body["article"]["translations"]["cy"]["title"], "Ardaloedd danfon",
        "{body}"
    );

    // A second article with the same title gets a numbered slug; the list pages by cursor.
    let (status, body) = api(
        &app,
        Method::POST,
        "/api/v1/articles",
        &write,
        Some(json!({"status": "published", "translations": {"en": {"title": "Delivery areas", "body": "Again."}}})),
    )
    .await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["article"]["slug"], "delivery-areas-2", "{body}");
    let (status, page1) = api(&app, Method::GET, "/api/v1/articles?limit=1", &read, None).await;
    assert_eq!(status, 200, "{page1}");
    assert_eq!(page1["articles"].as_array().map(Vec::len), Some(1));
    let cursor = page1["next_cursor"].as_str().unwrap().to_owned();
    let (_, page2) = api(
        &app,
        Method::GET,
        &format!("/api/v1/articles?limit=1&cursor={cursor}"),
        &read,
        None,
    )
    .await;
    assert_eq!(page2["articles"].as_array().map(Vec::len), Some(1));
    assert_eq!(page2["next_cursor"], Value::Null);
    assert_ne!(page1["articles"][0]["id"], page2["articles"][0]["id"]);

    // Refused with the fields named.
    let (status, body) = api(
        &app,
        Method::POST,
        "/api/v1/articles",
        &write,
        Some(json!({
            "status": "live",
            "translations": {
                "cy": {"title": "", "body": "Corff heb deitl"},
                "ar": {"title": "عنوان", "body": ""},
                "xx": {"title": "t", "body": "b"},
                "vi": {"title": "x".repeat(201), "body": "b"},
            }
        })),
    )
    .await;
    assert_eq!(status, 422, "{body}");
    let fields = fields_of(&body);
    for f in [
        "status",
        "translations.cy.title",
        "translations.ar.body",
        "translations.xx",
        "translations.vi.title",
    ] {
        assert!(fields.contains(&f.to_owned()), "{f} missing in {body}");
    }
    let (status, body) = api(
        &app,
        Method::POST,
        "/api/v1/articles",
        &write,
        Some(json!({"status": "draft", "translations": {}})),
    )
    .await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(fields_of(&body), vec!["translations".to_owned()], "{body}");
    // Another workspace's category is no category of this one.
    let (status, body) = api(
        &app,
        Method::PUT,
        &path,
        &write,
        Some(json!({"category_id": theirs.id, "status": "draft",
                    "translations": {"en": {"title": "x", "body": "y"}}})),
    )
    .await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(fields_of(&body), vec!["category_id".to_owned()], "{body}");

    // Deleted.
    let (status, _) = api(&app, Method::DELETE, &path, &write, None).await;
    assert_eq!(status, 204);
    let (status, _) = api(&app, Method::GET, &path, &read, None).await;
    assert_eq!(status, 404);
}

async fn another_workspaces_article_is_not_found_on_every_verb(store: SharedStore) {
    let app = TestApp::spawn_unthrottled(store.clone()).await;
    workspace(&app, "kbmine").await;
    let other = workspace(&app, "kbtheirs").await;
    let write = app.api_token("kbmine", TokenScope::Write).await;
    let theirs = article(&store, other, "published", &[("en", "Theirs", "Body")]).await;
    let path = format!("/api/v1/articles/{}", theirs.id);
    let body = json!({"status": "draft", "translations": {"en": {"title": "Mine", "body": "x"}}});
    let missing = format!("/api/v1/articles/{}", taith_domain::ArticleId::new());
    for p in [&path, &missing] {
        assert_eq!(api(&app, Method::GET, p, &write, None).await.0, 404);
        assert_eq!(
            api(&app, Method::PUT, p, &write, Some(body.clone()))
                .await
                .0,
            404
        );
        assert_eq!(api(&app, Method::DELETE, p, &write, None).await.0, 404);
    }
    // Unchanged, and not in this workspace's list.
    let kept = store.article(other, theirs.id).await.unwrap();
    assert_eq!(kept, theirs);
    let (_, list) = api(&app, Method::GET, "/api/v1/articles", &write, None).await;
    assert_eq!(list["articles"], json!([]), "{list}");
    // Nor on the owner's pages.
    let owner = app.signed_in("owner@kbmine.test").await;
    let page = owner
        .get(&format!("/w/kbmine/articles/{}", theirs.id))
        .await;
    assert_eq!(page.status, 404);
}

async fn the_owner_pages_list_create_and_publish_articles(store: SharedStore) {
    let app = TestApp::spawn_unthrottled(store.clone()).await;
    let ws = workspace(&app, "kbpages").await;
    let owner = app.signed_in("owner@kbpages.test").await;

    // The navigation names the help centre.
    let list = owner.get("/w/kbpages/articles").await;
    assert_eq!(list.status, 200);
    assert!(list.text().contains("Help centre"), "{}", list.body);

    // A Welsh body without a title is refused, the field named in the form.
    let page = owner
        .submit(
            "/w/kbpages/articles/new",
            "/w/kbpages/articles",
            &[
                ("status", "draft"),
                ("title_cy", ""),
                ("body_cy", "Corff"),
                ("title_en", "Gift cards"),
                ("body_en", "Buy one in the shop."),
            ],
        )
        .await;
    assert_eq!(page.status, 422, "{}", page.body);
    assert!(page.body.contains("id=\"title_cy-error\""), "{}", page.body);

    // Created as a draft with two languages, then published.
    let page = owner
        .submit(
            "/w/kbpages/articles/new",
            "/w/kbpages/articles",
            &[
                ("status", "draft"),
                ("title_cy", "Cardiau rhodd"),
                ("body_cy", "Prynwch un yn y siop."),
                ("title_en", "Gift cards"),
                ("body_en", "Buy one in the shop."),
            ],
        )
        .await;
    assert_eq!(page.status, 303, "{}", page.body);
    let at = page.location.unwrap();
    let href = at.split('?').next().unwrap().to_owned();
    let list = owner.get("/w/kbpages/articles").await;
    let text = list.text();
    assert!(
        text.contains("Gift cards") && text.contains("Draft"),
        "{text}"
    );
    assert!(
        text.contains("Cymraeg") && text.contains("English"),
        "{text}"
    );
    assert_eq!(
        app.browser().get("/h/kbpages/a/gift-cards").await.status,
        404
    );
    let page = owner
        .submit(&href, &format!("{href}/status"), &[("status", "published")])
        .await;
    assert_eq!(page.status, 303, "{}", page.body);
    let all = store.articles(ws, true).await.unwrap();
    assert_eq!(all.len(), 1);
    let public = app.browser().get("/h/kbpages/a/gift-cards?lang=cy").await;
    assert_eq!(public.status, 200);
    assert!(public.text().contains("Cardiau rhodd"), "{}", public.body);
}

async fn the_help_centre_shows_only_published_articles_in_the_readers_language_with_a_note_otherwise(
    store: SharedStore,
) {
    let app = TestApp::spawn_unthrottled(store.clone()).await;
    let ws = workspace(&app, "kbhelp").await;
    let other = workspace(&app, "kbelse").await;
    let both = article(
        &store,
        ws,
        "published",
        &[
            ("en", "Opening hours", "Open every day from 8."),
            ("cy", "Oriau agor", "Ar agor bob dydd o 8."),
        ],
    )
    .await;
    let english = article(
        &store,
        ws,
        "published",
        &[("en", "Allergens", "Our bread contains wheat.")],
    )
    .await;
    let draft = article(&store, ws, "draft", &[("en", "Secret recipe", "Not yet.")]).await;
    let elsewhere = article(
        &store,
        other,
        "published",
        &[("en", "Their article", "Elsewhere.")],
    )
    .await;

    let reader = app.browser();
    let home = reader.get("/h/kbhelp?lang=cy").await;
    assert_eq!(home.status, 200);
    let text = home.text();
    assert!(text.contains("Canolfan gymorth"), "{text}");
    assert!(
        text.contains("Oriau agor") && !text.contains("Opening hours"),
        "{text}"
    );
    assert!(text.contains("Allergens"), "{text}");
    assert!(
        !text.contains("Secret recipe") && !text.contains("Their article"),
        "{text}"
    );
    assert!(home.body.contains("lang=\"cy\""), "{}", home.body);

    // Their own language: no note.
    let page = reader
        .get(&format!("/h/kbhelp/a/{}?lang=cy", both.slug))
        .await;
    assert_eq!(page.status, 200);
    assert!(page.text().contains("Ar agor bob dydd"), "{}", page.body);
    assert!(
        !page.text().contains("Nid yw'r erthygl hon"),
        "{}",
        page.body
    );
    // Not written in Welsh: the English one, with a note in Welsh saying so.
    let page = reader
        .get(&format!("/h/kbhelp/a/{}?lang=cy", english.slug))
        .await;
    assert_eq!(page.status, 200);
    let text = page.text();
    assert!(text.contains("Our bread contains wheat"), "{text}");
    assert!(
        text.contains("Nid yw'r erthygl hon wedi'i hysgrifennu yn eich iaith chi eto"),
        "{text}"
    );
    assert!(
        page.body.contains("<article lang=\"en\" dir=\"ltr\">"),
        "{}",
        page.body
    );
    // Arabic from the browser's Accept-Language: right to left, the note in Arabic.
    let arabic = app.browser();
    *arabic.accept_language.lock().unwrap() = Some("ar".to_owned());
    let page = arabic.get(&format!("/h/kbhelp/a/{}", english.slug)).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("dir=\"rtl\""), "{}", page.body);
    assert!(
        page.text().contains("لم تُكتب هذه المقالة بلغتك بعد"),
        "{}",
        page.body
    );

    // A draft, another workspace's article, and unknown addresses: 404.
    for path in [
        format!("/h/kbhelp/a/{}", draft.slug),
        format!("/h/kbhelp/a/{}", elsewhere.slug),
        "/h/kbhelp/a/no-such-article".to_owned(),
        "/h/no-such-workspace".to_owned(),
        format!("/h/no-such-workspace/a/{}", both.slug),
    ] {
        assert_eq!(reader.get(&path).await.status, 404, "{path}");
    }
    // Unpublished: gone from the help centre.
    taith_app::articles::set_status(
        store.as_ref(),
        ws,
        both.id,
        taith_domain::ArticleStatus::Draft,
    )
    .await
    .unwrap();
    assert_eq!(
        reader
            .get(&format!("/h/kbhelp/a/{}", both.slug))
            .await
            .status,
        404
    );
}

async fn results(reader: &Browser, slug: &str, q: &str, lang: &str) -> String {
    let encoded: String = q
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    let page = reader
        .get(&format!("/h/{slug}/search?q={encoded}&lang={lang}"))
        .await;
    assert_eq!(page.status, 200, "{}", page.body);
    page.text()
}

async fn search_finds_an_article_by_a_word_of_its_body_in_welsh_arabic_and_vietnamese(
    store: SharedStore,
) {
    let app = TestApp::spawn_unthrottled(store.clone()).await;
    let ws = workspace(&app, "kbsearch").await;
    article(
        &store,
        ws,
        "published",
        &[(
            "cy",
            "Danfon",
            "Rydym yn danfon bara ffres i Gaerdydd bob bore, ond nid ar y Sul.",
        )],
    )
    .await;
    article(
        &store,
        ws,
        "published",
        &[(
            "ar",
            "الإرجاع",
            "يمكنكم إرجاع الخُبْز خلال يومين مع الفاتورة. بطاقة الهدايا لا تُرَدّ.",
        )],
    )
    .await;
    article(
        &store,
        ws,
        "published",
        &[(
            "vi",
            "Giờ mở cửa",
            "Cửa hàng mở cửa từ bảy giờ sáng, kể cả ngày lễ.",
        )],
    )
    .await;
    article(
        &store,
        ws,
        "draft",
        &[("cy", "Drafft", "Gaerdydd mewn drafft cudd.")],
    )
    .await;
    let reader = app.browser();

    // Welsh: a word of the body; the draft is not found.
    let text = results(&reader, "kbsearch", "Gaerdydd", "cy").await;
    assert!(text.contains("Danfon"), "{text}");
    assert!(!text.contains("Drafft"), "{text}");
    assert!(text.contains("1 erthygl wedi'i chanfod"), "{text}");

    // Arabic typed with a bare alef (ارجاع for إرجاع), a ha for the ta marbuta (بطاقه for
    // بطاقة) and without the diacritics of الخُبْز.
    for q in ["ارجاع", "بطاقه", "الخبز"] {
        let text = results(&reader, "kbsearch", q, "ar").await;
        assert!(text.contains("الإرجاع"), "{q}: {text}");
        assert!(!text.contains("Danfon"), "{q}: {text}");
    }

    // Vietnamese typed without diacritics.
    let text = results(&reader, "kbsearch", "ngay le", "vi").await;
    assert!(text.contains("Giờ mở cửa"), "{text}");
    assert!(!text.contains("الإرجاع"), "{text}");

    // Nothing matches: said so.
    let text = results(&reader, "kbsearch", "zebra", "en").await;
    assert!(text.contains("No article matches"), "{text}");
}

async fn the_help_centre_strips_scripts_handlers_and_javascript_links_from_markdown(
    store: SharedStore,
) {
    let app = TestApp::spawn_unthrottled(store.clone()).await;
    let ws = workspace(&app, "kbsafe").await;
    let a = article(
        &store,
        ws,
        "published",
        &[(
            "en",
            "Returns",
            "## How to return\n\nBring the **receipt**. [Our shop](https://example.com/shop)\n\n\
             <script>alert('s')</script>\n\n<img src=\"x.png\" onerror=\"alert('o')\">\n\n\
             [Click me](javascript:alert('j')) <a href=\"JAVASCRIPT:alert('k')\">k</a>\n\n\
             <p onclick=\"alert('c')\">para</p>",
        )],
    )
    .await;
    let page = app.browser().get(&format!("/h/kbsafe/a/{}", a.slug)).await;
    assert_eq!(page.status, 200);
    let body = &page.body;
    assert!(body.contains("<h2>How to return</h2>"), "{body}");
    assert!(body.contains("<strong>receipt</strong>"), "{body}");
    assert!(body.contains("href=\"https://example.com/shop\""), "{body}");
    assert!(!body.contains("alert("), "{body}");
    assert!(
        !body.contains("onerror") && !body.contains("onclick"),
        "{body}"
    );
    assert!(!body.to_lowercase().contains("javascript:"), "{body}");
}

#[tokio::test]
async fn the_demo_has_a_help_centre_of_fifteen_articles_in_six_languages_and_one_draft() {
    let (store, _dir) = crate::helpers::fresh_sqlite().await;
    let creds = taith::server::ensure_demo(&store).await.unwrap();
    let app = TestApp::spawn(store).await;
    let ws = app
        .store
        .workspace_by_slug(&taith_domain::Slug::parse(&creds.slug).unwrap())
        .await
        .unwrap();
    let all = app.store.articles(ws.id, false).await.unwrap();
    assert_eq!(all.len(), 15);
    assert_eq!(all.iter().filter(|a| !a.is_published()).count(), 1);
    assert!(all.iter().all(|a| a.translations.len() == 6));
    assert_eq!(app.store.article_categories(ws.id).await.unwrap().len(), 4);
    let reader = app.browser();
    for (lang, heading, title) in [
        ("en", "Help centre", "Gift cards"),
        ("cy", "Canolfan gymorth", "Cardiau rhodd"),
        ("ms", "Pusat bantuan", "Kad hadiah"),
        ("sw", "Kituo cha msaada", "Kadi za zawadi"),
        ("ar", "مركز المساعدة", "بطاقات الهدايا"),
        ("vi", "Trung tâm trợ giúp", "Thẻ quà tặng"),
    ] {
        let page = reader.get(&format!("/h/{}?lang={lang}", creds.slug)).await;
        assert_eq!(page.status, 200);
        let text = page.text();
        assert!(
            text.contains(heading) && text.contains(title),
            "{lang}: {text}"
        );
        assert!(
            !text.contains("(draft)") && !text.contains("Christmas"),
            "{text}"
        );
    }
    let page = reader
        .get(&format!(
            "/h/{}/a/delivery-areas-and-fees?lang=sw",
            creds.slug
        ))
        .await;
    assert_eq!(page.status, 200);
    assert!(
        page.text().contains("Maeneo na ada za usafirishaji"),
        "{}",
        page.body
    );
}

/// The help centre in Chromium with axe-core, in six locales at a desktop and a phone width:
/// the front page, an article in the reader's language, one shown in another language with its
/// note (an Arabic-only article for the other five, an English one for Arabic), and a search
/// with results. 0 serious or critical violations.
#[tokio::test]
async fn the_help_centre_passes_axe_in_six_locales() {
    use crate::respond_browser::{browser, screenshot};
    let (store, _dir) = crate::helpers::fresh_sqlite().await;
    let app = TestApp::spawn(store.clone()).await;
    let ws = workspace(&app, "kbaxe").await;
    let category = taith_app::articles::create_category(store.as_ref(), ws, "Delivery")
        .await
        .unwrap();
    let all: Vec<(&str, &str, &str)> = vec![
        (
            "en",
            "Delivery areas",
            "We deliver **within 10 miles**.\n\n- Town: £2\n- Further: £4",
        ),
        (
            "cy",
            "Ardaloedd danfon",
            "Rydym yn danfon **o fewn 10 milltir**.",
        ),
        (
            "ms",
            "Kawasan penghantaran",
            "Kami menghantar **dalam lingkungan 10 batu**.",
        ),
        (
            "sw",
            "Maeneo ya usafirishaji",
            "Tunasafirisha **ndani ya maili 10**.",
        ),
        ("ar", "مناطق التوصيل", "نوصّل الطلبات **ضمن 10 أميال**."),
        (
            "vi",
            "Khu vực giao hàng",
            "Chúng tôi giao hàng **trong bán kính 10 dặm**.",
        ),
    ];
    let mut input = ArticleInput {
        category_id: Some(category.id.to_string()),
        status: "published".into(),
        translations: all
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
        slug: Some("delivery".into()),
    };
    taith_app::articles::create_article(store.as_ref(), ws, &input)
        .await
        .unwrap();
    input.slug = Some("returns".into());
    input.category_id = None;
    input.translations = [(
        "ar".to_owned(),
        TranslationInput {
            title: "الإرجاع".into(),
            body: "أعِد المنتج **خلال يومين** مع الإيصال.".into(),
        },
    )]
    .into();
    taith_app::articles::create_article(store.as_ref(), ws, &input)
        .await
        .unwrap();
    input.slug = Some("gift-cards".into());
    input.translations = [(
        "en".to_owned(),
        TranslationInput {
            title: "Gift cards".into(),
            body: "Valid for **two years**.".into(),
        },
    )]
    .into();
    taith_app::articles::create_article(store.as_ref(), ws, &input)
        .await
        .unwrap();
    let Some(wd) = browser(crate::webdriver::Options::default()).await else {
        return;
    };
    let mut audit = crate::axe::Audit::default();
    for (width, height) in [(1280, 900), (390, 844)] {
        wd.set_window_size(width, height).await.unwrap();
        for l in taith_domain::Locale::ALL {
            let tag = l.tag();
            let other = if tag == "ar" { "gift-cards" } else { "returns" };
            for (path, what) in [
                (format!("/h/kbaxe?lang={tag}"), "front page"),
                (format!("/h/kbaxe/a/delivery?lang={tag}"), "article"),
                (
                    format!("/h/kbaxe/a/{other}?lang={tag}"),
                    "article in another language",
                ),
                (format!("/h/kbaxe/search?q=10&lang={tag}"), "search"),
            ] {
                audit
                    .visit(
                        &wd,
                        &app.url(&path),
                        &format!("help centre {what} {tag} {width}px"),
                    )
                    .await;
            }
        }
    }
    wd.set_window_size(1280, 900).await.unwrap();
    for l in ["en", "ar"] {
        for (page, path) in [("home", "/h/kbaxe"), ("article", "/h/kbaxe/a/delivery")] {
            wd.goto(&app.url(&format!("{path}?lang={l}")))
                .await
                .unwrap();
            screenshot(
                &format!("articles/help-{page}-{l}.png"),
                &wd.screenshot_png().await.unwrap(),
            );
        }
    }
    audit.assert_clean();
}
