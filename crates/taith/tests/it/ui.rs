//! The admin UI over real HTTP: set-up, sign-in, CSRF, journeys, roles, locales.

use crate::helpers::{PASSWORD, TestApp};
use taith_domain::Role;

#[tokio::test]
async fn an_empty_store_sends_visitors_to_set_up_which_creates_the_workspace_and_signs_in() {
    let app = TestApp::on_sqlite().await;
    let b = app.browser();
    assert_eq!(b.get("/").await.location.as_deref(), Some("/setup"));
    let page = b
        .submit(
            "/setup",
            "/setup",
            &[
                ("workspace_name", "Becws Bach"),
                ("slug", "becws-bach"),
                ("name", "Siân"),
                ("email", "sian@becws.example"),
                ("password", PASSWORD),
                ("password_confirm", PASSWORD),
            ],
        )
        .await;
    assert_eq!(page.status, 303, "{}", page.body);
    assert_eq!(page.location.as_deref(), Some("/w/becws-bach"));
    assert!(b.has_cookie("taith_session"));
    let home = b.get("/w/becws-bach").await;
    assert_eq!(home.status, 200);
    assert!(home.body.contains("Becws Bach"));
    // Set-up is over once a workspace exists.
    assert_eq!(b.get("/setup").await.location.as_deref(), Some("/"));
}

#[tokio::test]
async fn set_up_errors_are_shown_per_field_in_the_visitors_language() {
    let app = TestApp::on_sqlite().await;
    let b = app.browser();
    *b.accept_language.lock().unwrap() = Some("cy-GB,cy;q=0.9,en;q=0.5".into());
    let page = b
        .submit(
            "/setup",
            "/setup",
            &[
                ("workspace_name", ""),
                ("slug", "Not A Slug"),
                ("email", "nope"),
                ("password", "short"),
                ("password_confirm", "other"),
            ],
        )
        .await;
    assert_eq!(page.status, 422);
    assert!(page.body.contains("lang=\"cy\""));
    let cy = taith_i18n::Tr::new(taith_domain::Locale::Cy);
    for issue in [
        taith_domain::Issue::Required,
        taith_domain::Issue::Invalid,
        taith_domain::Issue::TooShort,
        taith_domain::Issue::Mismatch,
    ] {
        let text = cy.issue(issue).replace(['\u{2068}', '\u{2069}'], "");
        assert!(
            page.text().contains(&text),
            "missing {issue:?} message {text:?}"
        );
    }
    assert!(app.store.has_no_workspace().await.unwrap());
}

#[tokio::test]
async fn a_form_posted_without_its_csrf_token_is_refused() {
    let app = TestApp::on_sqlite().await;
    app.workspace("alpha", "owner@alpha.example").await;
    let b = app.signed_in("owner@alpha.example").await;
    let page = b
        .post_raw(
            "/w/alpha/journeys",
            &[("name", "Sneaky"), ("model", "blank")],
        )
        .await;
    assert_eq!(page.status, 403);
    let page = b
        .post_raw(
            "/w/alpha/journeys",
            &[("csrf", "forged"), ("name", "Sneaky"), ("model", "blank")],
        )
        .await;
    assert_eq!(page.status, 403);
    assert!(
        app.store
            .journeys(
                app.store
                    .workspace_by_slug(&taith_domain::Slug::parse("alpha").unwrap())
                    .await
                    .unwrap()
                    .id,
                taith_store::PageRequest::all()
            )
            .await
            .unwrap()
            .items
            .is_empty()
    );
}

#[tokio::test]
async fn sign_in_needs_the_right_password_and_sign_out_ends_the_session() {
    let app = TestApp::on_sqlite().await;
    app.workspace("alpha", "owner@alpha.example").await;
    let b = app.browser();
    let wrong = b
        .submit(
            "/login",
            "/login",
            &[
                ("email", "owner@alpha.example"),
                ("password", "not the password"),
            ],
        )
        .await;
    assert_eq!(wrong.status, 401);
    let unknown = b
        .submit(
            "/login",
            "/login",
            &[("email", "nobody@alpha.example"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(unknown.status, 401);
    b.sign_in("OWNER@alpha.example", PASSWORD).await;
    assert_eq!(b.get("/w/alpha").await.status, 200);
    let out = b.submit("/w/alpha", "/logout", &[]).await;
    assert_eq!(out.status, 303);
    assert_eq!(
        b.get("/w/alpha").await.status,
        303,
        "signed out: back to sign-in"
    );
}

#[tokio::test]
async fn sign_in_returns_only_to_local_pages() {
    let app = TestApp::on_sqlite().await;
    app.workspace("alpha", "owner@alpha.example").await;
    let b = app.browser();
    let page = b
        .submit(
            "/login",
            "/login",
            &[
                ("email", "owner@alpha.example"),
                ("password", PASSWORD),
                ("next", "//evil.example/x"),
            ],
        )
        .await;
    assert_eq!(page.location.as_deref(), Some("/"));
}

#[tokio::test]
async fn an_owner_builds_a_journey_and_every_save_is_kept_in_its_history() {
    let app = TestApp::on_sqlite().await;
    let (ws, _) = app.workspace("alpha", "owner@alpha.example").await;
    let b = app.signed_in("owner@alpha.example").await;
    let created = b
        .submit(
            "/w/alpha/journeys/new",
            "/w/alpha/journeys",
            &[("name", "Buying bread"), ("model", "five_stage")],
        )
        .await;
    assert_eq!(created.status, 303, "{}", created.body);
    let edit = created.location.unwrap();
    let jid = edit
        .trim_end_matches("/edit")
        .rsplit('/')
        .next()
        .unwrap()
        .to_owned();
    let base = format!("/w/alpha/journeys/{jid}");

    let added = b
        .submit(
            &edit,
            &format!("{base}/stages"),
            &[
                ("name", "Repair"),
                ("emotion", "-2"),
                ("pain_points", "Slow\nExpensive"),
            ],
        )
        .await;
    assert_eq!(added.status, 303, "{}", added.body);
    let journey = app
        .store
        .journey(ws.id, jid.parse().unwrap())
        .await
        .unwrap();
    assert_eq!(journey.stages.len(), 6);
    let repair = journey.stages[5].id;

    let tp = b
        .submit(
            &edit,
            &format!("{base}/touchpoints"),
            &[
                ("stage_id", &repair.to_string()),
                ("name", "Phone line"),
                ("channel", "phone"),
                ("owner_team", "Support"),
                ("moment_of_truth", "on"),
            ],
        )
        .await;
    assert_eq!(tp.status, 303, "{}", tp.body);
    let moved = b
        .submit(
            &edit,
            &format!("{base}/stages/{repair}/move"),
            &[("direction", "earlier")],
        )
        .await;
    assert_eq!(moved.status, 303);

    let journey = app
        .store
        .journey(ws.id, jid.parse().unwrap())
        .await
        .unwrap();
    assert_eq!(journey.stages[4].id, repair, "moved one place earlier");
    assert_eq!(journey.touchpoints.len(), 1);
    assert!(journey.touchpoints[0].fields.moment_of_truth);
    assert_eq!(journey.version, 4);

    let map = b.get(&base).await;
    assert_eq!(map.status, 200);
    assert!(map.body.contains("Phone line") && map.body.contains("Support"));
    let history = b.get(&format!("{base}/revisions")).await;
    let history = history.text();
    assert!(history.contains("Reordered the stages"), "{history}");
    assert!(
        history.contains("Added touchpoint “Phone line” to “Repair”"),
        "{history}"
    );
    assert!(history.contains("Owner of alpha"));
    let v1 = b.get(&format!("{base}/revisions/1")).await;
    assert_eq!(v1.status, 200);
    assert!(
        !v1.body.contains("Phone line"),
        "version 1 is the map as first saved"
    );
    let restored = b
        .submit(
            &format!("{base}/revisions/1"),
            &format!("{base}/revisions/1/restore"),
            &[],
        )
        .await;
    assert_eq!(restored.status, 303);
    let journey = app
        .store
        .journey(ws.id, jid.parse().unwrap())
        .await
        .unwrap();
    assert_eq!(
        (
            journey.stages.len(),
            journey.touchpoints.len(),
            journey.version
        ),
        (5, 0, 5)
    );
}

#[tokio::test]
async fn invalid_stage_input_is_shown_again_with_the_fields_message_and_nothing_saved() {
    let app = TestApp::on_sqlite().await;
    let (ws, _) = app.workspace("alpha", "owner@alpha.example").await;
    let b = app.signed_in("owner@alpha.example").await;
    let created = b
        .submit(
            "/w/alpha/journeys/new",
            "/w/alpha/journeys",
            &[("name", "J"), ("model", "blank")],
        )
        .await;
    let edit = created.location.unwrap();
    let base = edit.trim_end_matches("/edit").to_owned();
    let long = "x".repeat(10_001);
    let page = b
        .submit(
            &edit,
            &format!("{base}/stages"),
            &[("name", ""), ("emotion", "7"), ("actions", &long)],
        )
        .await;
    assert_eq!(page.status, 422);
    assert!(
        page.text().contains("Please fill this in.") && page.text().contains("This is too long.")
    );
    let id = base.rsplit('/').next().unwrap().parse().unwrap();
    assert!(
        app.store
            .journey(ws.id, id)
            .await
            .unwrap()
            .stages
            .is_empty()
    );
}

#[tokio::test]
async fn a_viewer_reads_maps_but_cannot_change_them() {
    let app = TestApp::on_sqlite().await;
    let (ws, _) = app.workspace("alpha", "owner@alpha.example").await;
    app.member(&ws, "viewer@alpha.example", Role::Viewer).await;
    let owner = app.signed_in("owner@alpha.example").await;
    let created = owner
        .submit(
            "/w/alpha/journeys/new",
            "/w/alpha/journeys",
            &[("name", "J"), ("model", "five_stage")],
        )
        .await;
    let base = created
        .location
        .unwrap()
        .trim_end_matches("/edit")
        .to_owned();
    let viewer = app.signed_in("viewer@alpha.example").await;
    assert_eq!(viewer.get(&base).await.status, 200);
    assert_eq!(viewer.get("/w/alpha/journeys/new").await.status, 403);
    let attempt = viewer
        .submit(&base, &format!("{base}/stages"), &[("name", "Mine")])
        .await;
    assert_eq!(attempt.status, 403);
    let attempt = viewer.submit(&base, &format!("{base}/delete"), &[]).await;
    assert_eq!(attempt.status, 403);
    assert_eq!(viewer.get("/w/alpha/tokens").await.status, 403);
    let id = base.rsplit('/').next().unwrap().parse().unwrap();
    assert_eq!(app.store.journey(ws.id, id).await.unwrap().stages.len(), 5);
}

#[tokio::test]
async fn the_map_is_served_in_every_locale_and_right_to_left_in_arabic() {
    let app = TestApp::on_sqlite().await;
    app.workspace("alpha", "owner@alpha.example").await;
    let b = app.signed_in("owner@alpha.example").await;
    let created = b
        .submit(
            "/w/alpha/journeys/new?lang=ar",
            "/w/alpha/journeys",
            &[("name", "رحلة"), ("model", "five_stage")],
        )
        .await;
    let base = created
        .location
        .unwrap()
        .trim_end_matches("/edit")
        .to_owned();
    for locale in taith_domain::Locale::ALL {
        let page = b.get(&format!("{base}?lang={}", locale.tag())).await;
        assert_eq!(page.status, 200);
        let expected = format!(
            "<html lang=\"{}\" dir=\"{}\">",
            locale.tag(),
            locale.direction().as_str()
        );
        assert!(page.body.contains(&expected), "{locale}: {expected}");
    }
    // The choice sticks in a cookie.
    assert!(
        b.get(&base).await.body.contains("dir=\"ltr\""),
        "last choice was vi"
    );
}

#[tokio::test]
async fn the_map_downloads_as_svg_with_typed_text_escaped() {
    let app = TestApp::on_sqlite().await;
    app.workspace("alpha", "owner@alpha.example").await;
    let b = app.signed_in("owner@alpha.example").await;
    let created = b
        .submit(
            "/w/alpha/journeys/new",
            "/w/alpha/journeys",
            &[
                ("name", "<script>alert(1)</script> & co"),
                ("model", "seven_stage"),
            ],
        )
        .await;
    let base = created
        .location
        .unwrap()
        .trim_end_matches("/edit")
        .to_owned();
    let svg = b.get(&format!("{base}/map.svg")).await;
    assert_eq!(svg.status, 200);
    assert!(svg.content_type.starts_with("image/svg+xml"));
    assert!(
        svg.body
            .contains("&#60;script&#62;alert(1)&#60;/script&#62; &#38; co"),
        "{}",
        svg.body
    );
    assert!(!svg.body.contains("<script>"));
    assert!(svg.body.contains("Evaluation"), "the seven-stage model");
    let html = b.get(&base).await;
    assert!(!html.body.contains("<script>alert(1)"));
}

#[tokio::test]
async fn members_are_added_by_admins_and_the_last_owner_cannot_leave() {
    let app = TestApp::on_sqlite().await;
    let (ws, owner) = app.workspace("alpha", "owner@alpha.example").await;
    let b = app.signed_in("owner@alpha.example").await;
    let added = b
        .submit(
            "/w/alpha/members",
            "/w/alpha/members",
            &[
                ("name", "Ama"),
                ("email", "ama@alpha.example"),
                ("role", "agent"),
                ("password", PASSWORD),
            ],
        )
        .await;
    assert_eq!(added.status, 303, "{}", added.body);
    let again = b
        .submit(
            "/w/alpha/members",
            "/w/alpha/members",
            &[
                ("name", "Ama"),
                ("email", "ama@alpha.example"),
                ("role", "agent"),
                ("password", PASSWORD),
            ],
        )
        .await;
    assert_eq!(again.status, 422);
    assert!(again.text().contains("This is already taken."));
    let demote = b
        .submit(
            "/w/alpha/members",
            &format!("/w/alpha/members/{}", owner.id),
            &[("role", "viewer")],
        )
        .await;
    assert_eq!(demote.status, 409);
    assert_eq!(
        app.store.member_role(ws.id, owner.id).await.unwrap(),
        Role::Owner
    );
    let agent = app.signed_in("ama@alpha.example").await;
    assert_eq!(agent.get("/w/alpha/members").await.status, 200);
    let attempt = agent
        .submit(
            "/w/alpha/members",
            "/w/alpha/members",
            &[
                ("name", "X"),
                ("email", "x@alpha.example"),
                ("role", "owner"),
                ("password", PASSWORD),
            ],
        )
        .await;
    assert_eq!(attempt.status, 403);
}

#[tokio::test]
async fn an_agent_edits_only_the_touchpoints_they_own() {
    let app = TestApp::on_sqlite().await;
    let (ws, _) = app.workspace("alpha", "owner@alpha.example").await;
    let agent = app.member(&ws, "agent@alpha.example", Role::Agent).await;
    let owner = app.signed_in("owner@alpha.example").await;
    let created = owner
        .submit(
            "/w/alpha/journeys/new",
            "/w/alpha/journeys",
            &[("name", "J"), ("model", "five_stage")],
        )
        .await;
    let edit = created.location.unwrap();
    let base = edit.trim_end_matches("/edit").to_owned();
    let jid = base.rsplit('/').next().unwrap().parse().unwrap();
    let stage = app.store.journey(ws.id, jid).await.unwrap().stages[0]
        .id
        .to_string();
    for (name, member) in [
        ("Mine", agent.user.id.to_string()),
        ("Theirs", String::new()),
    ] {
        let r = owner
            .submit(
                &edit,
                &format!("{base}/touchpoints"),
                &[
                    ("stage_id", &stage),
                    ("name", name),
                    ("channel", "chat"),
                    ("owner_member_id", &member),
                ],
            )
            .await;
        assert_eq!(r.status, 303, "{}", r.body);
    }
    let j = app.store.journey(ws.id, jid).await.unwrap();
    let (mine, theirs) = (j.touchpoints[0].id, j.touchpoints[1].id);
    let a = app.signed_in("agent@alpha.example").await;
    let ok = a
        .submit(
            &edit,
            &format!("{base}/touchpoints/{mine}"),
            &[
                ("stage_id", &stage),
                ("name", "Mine, improved"),
                ("channel", "chat"),
                ("owner_team", "Hijack"),
            ],
        )
        .await;
    assert_eq!(ok.status, 303, "{}", ok.body);
    let no = a
        .submit(
            &edit,
            &format!("{base}/touchpoints/{theirs}"),
            &[
                ("stage_id", &stage),
                ("name", "Taken over"),
                ("channel", "chat"),
            ],
        )
        .await;
    assert_eq!(no.status, 403);
    let j = app.store.journey(ws.id, jid).await.unwrap();
    assert_eq!(j.touchpoints[0].fields.name.as_str(), "Mine, improved");
    assert_eq!(
        j.touchpoints[0].fields.owner,
        Some(taith_domain::Owner::Member {
            user_id: agent.user.id
        }),
        "agents cannot hand a touchpoint away"
    );
    assert_eq!(j.touchpoints[1].fields.name.as_str(), "Theirs");
}

#[tokio::test]
async fn the_demo_workspace_signs_in_with_the_printed_credentials_and_has_a_living_map() {
    let app = TestApp::on_sqlite().await;
    let creds = taith::server::ensure_demo(&app.store).await.unwrap();
    assert!(creds.created);
    assert!(
        !taith::server::ensure_demo(&app.store)
            .await
            .unwrap()
            .created,
        "a second run changes nothing"
    );
    let b = app.browser();
    b.sign_in(&creds.email, &creds.password).await;
    let list = b.get("/w/demo").await;
    assert_eq!(list.status, 200);
    let ws = app
        .store
        .workspace_by_slug(&taith_domain::Slug::parse("demo").unwrap())
        .await
        .unwrap();
    let journeys = app
        .store
        .journeys(ws.id, taith_store::PageRequest::all())
        .await
        .unwrap()
        .items;
    assert_eq!(journeys.len(), 2);
    let mut channels = std::collections::BTreeSet::new();
    let mut touchpoints = 0;
    for j in &journeys {
        let full = app.store.journey(ws.id, j.id).await.unwrap();
        touchpoints += full.touchpoints.len();
        channels.extend(full.touchpoints.iter().map(|t| t.fields.channel));
        assert!(
            full.touchpoints.iter().all(|t| t.fields.owner.is_some()),
            "every demo touchpoint has an owner"
        );
        assert_eq!(
            b.get(&format!("/w/demo/journeys/{}", j.id)).await.status,
            200
        );
    }
    assert!(touchpoints >= 14, "{touchpoints}");
    assert!(channels.len() >= 5, "{channels:?}");
    let stage_counts: std::collections::BTreeSet<i64> =
        journeys.iter().map(|j| j.stage_count).collect();
    assert_eq!(stage_counts, [5, 7].into());
    assert_eq!(
        app.store
            .personas(ws.id, taith_store::PageRequest::all())
            .await
            .unwrap()
            .items
            .len(),
        2
    );
}
