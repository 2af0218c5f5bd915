//! Security headers on every kind of response: a Content-Security-Policy that admits scripts
//! only from taith and forbids framing (except the widget's frame, on the sites configured),
//! nosniff everywhere, and a Referrer-Policy.

use crate::helpers::{TestApp, fresh_sqlite};
use crate::surveys_ui::live_nps;

fn header(resp: &reqwest::Response, name: &str) -> String {
    resp.headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned()
}

#[tokio::test]
async fn every_kind_of_page_carries_its_security_headers() {
    let app = TestApp::on_sqlite().await;
    let (ws, _) = app.workspace("becws", "owner@becws.example").await;
    let survey = live_nps(&app, &ws).await;
    let client = crate::helpers::http()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let get = |path: String| {
        let client = client.clone();
        let url = app.url(&path);
        async move { client.get(url).send().await.unwrap() }
    };
    let pid = &survey.public_id;
    for (path, frame_ancestors, referrer) in [
        ("/login".to_owned(), "frame-ancestors 'none'", "same-origin"),
        (format!("/s/{pid}"), "frame-ancestors 'none'", "no-referrer"),
        (format!("/k/{pid}"), "frame-ancestors 'none'", "no-referrer"),
        (format!("/e/{pid}"), "frame-ancestors *", "no-referrer"),
        (
            "/api/v1/metrics?metric=nps".to_owned(),
            "frame-ancestors 'none'",
            "no-referrer",
        ),
    ] {
        let resp = get(path.clone()).await;
        let csp = header(&resp, "content-security-policy");
        assert!(csp.contains(frame_ancestors), "{path}: {csp}");
        assert!(
            csp.contains("object-src 'none'") || path.starts_with("/api/"),
            "{path}: {csp}"
        );
        assert!(csp.contains("base-uri 'none'") || path.starts_with("/api/"));
        assert!(
            !csp.contains("script-src 'self' 'unsafe-inline'"),
            "{path}: {csp}"
        );
        assert_eq!(header(&resp, "x-content-type-options"), "nosniff", "{path}");
        assert_eq!(header(&resp, "referrer-policy"), referrer, "{path}");
    }
    // The widget's frame may be framed; the hosted page may not.
    assert_eq!(
        header(&get(format!("/e/{pid}")).await, "x-frame-options"),
        ""
    );
    assert_eq!(
        header(&get(format!("/s/{pid}")).await, "x-frame-options"),
        "DENY"
    );
    let script = get(format!("/widget/{pid}.js")).await;
    assert_eq!(header(&script, "x-content-type-options"), "nosniff");
    assert!(header(&script, "content-type").starts_with("text/javascript"));
}

#[tokio::test]
async fn the_widget_frame_is_framed_only_by_the_sites_configured() {
    let store = fresh_sqlite().await.0;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let config = taith_web::WebConfig {
        widget_sites: "https://becws.example https://*.becws.example".to_owned(),
        ..Default::default()
    };
    let (router, _) = taith_web::app_with_state(store.clone(), config, Some(addr));
    tokio::spawn(taith_web::serve_router(
        listener,
        router,
        taith_web::http::limits::Limits::default(),
        std::future::pending(),
    ));
    let app = TestApp { addr, store };
    let (ws, _) = app.workspace("becws", "owner@becws.example").await;
    let survey = live_nps(&app, &ws).await;
    let resp = crate::helpers::http()
        .build()
        .unwrap()
        .get(app.url(&format!("/e/{}", survey.public_id)))
        .send()
        .await
        .unwrap();
    assert!(
        header(&resp, "content-security-policy")
            .ends_with("frame-ancestors https://becws.example https://*.becws.example")
    );
}
