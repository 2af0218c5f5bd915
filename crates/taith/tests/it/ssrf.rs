//! No server-side request forgery: 82 forms of an internal address — IPv4 in decimal, octal,
//! hex and short forms, `0`, percent-escaped and full-width digits, userinfo tricks,
//! `localhost` spellings, IPv6 loopback, unspecified, mapped, compatible, NAT64, 6to4, Teredo,
//! link-local, unique-local, site-local, multicast and documentation addresses, private,
//! shared, link-local, multicast, broadcast, reserved and documentation IPv4, names that a
//! test resolver answers with internal addresses, a name that turns internal after it was
//! saved (DNS rebinding), and redirects from an allowed server to internal addresses — are
//! refused when an endpoint is saved and when a delivery connects, and no connection reaches
//! the trap listening on every local address at the forms' port.
//!
//! The table of forms and outcomes is written to `taith-ssrf-table.md` in the temporary
//! directory.

use crate::webhooks::{Api, Receiver, app_with, submit, survey_of};
use reqwest::Method;
use serde_json::json;
use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;
use taith_app::webhooks::HookConfig;
use taith_app::webhooks::guard::{Resolve, Resolving};
use taith_domain::{EventType, WebhookFields, WebhookKind};
use taith_store::{PageRequest, SharedStore};

/// A resolver answering from a table; `rebind.test` answers a public address the first time
/// and loopback after.
struct TestResolver {
    table: HashMap<&'static str, Vec<IpAddr>>,
    rebinds: AtomicU64,
}

impl Resolve for TestResolver {
    fn resolve(&self, host: &str) -> Resolving {
        let answer = if host == "rebind.test" {
            let n = self.rebinds.fetch_add(1, Ordering::SeqCst);
            Ok(vec![if n == 0 {
                "93.184.216.34".parse().unwrap()
            } else {
                "127.0.0.1".parse().unwrap()
            }])
        } else {
            self.table
                .get(host)
                .cloned()
                .ok_or_else(|| std::io::Error::other("no such test name"))
        };
        Box::pin(async move { answer })
    }
}

fn resolver() -> Arc<TestResolver> {
    let ips = |list: &[&str]| {
        list.iter()
            .map(|s| s.parse().unwrap())
            .collect::<Vec<IpAddr>>()
    };
    Arc::new(TestResolver {
        table: HashMap::from([
            ("internal.test", ips(&["127.0.0.1"])),
            ("ten.test", ips(&["10.0.0.1"])),
            ("meta.test", ips(&["169.254.169.254"])),
            ("v6loop.test", ips(&["::1"])),
            ("mapped.test", ips(&["::ffff:127.0.0.1"])),
            ("ula.test", ips(&["fd00::1"])),
            ("mixed.test", ips(&["93.184.216.34", "127.0.0.1"])),
            ("cgnat.test", ips(&["100.64.0.1"])),
            ("private.test", ips(&["192.168.1.10"])),
            ("nat64.test", ips(&["64:ff9b::7f00:1"])),
        ]),
        rebinds: AtomicU64::new(0),
    })
}

/// The address forms, `{P}` standing for the trap's port.
const FORMS: [&str; 77] = [
    "http://127.0.0.1:{P}/",
    "http://127.1:{P}/",
    "http://127.0.1:{P}/",
    "http://2130706433:{P}/",
    "http://0x7f000001:{P}/",
    "http://0x7f.1:{P}/",
    "http://0x7f.0.0.1:{P}/",
    "http://0177.0.0.1:{P}/",
    "http://0177.1:{P}/",
    "http://017700000001:{P}/",
    "http://127.000.000.001:{P}/",
    "http://127.0.0.2:{P}/",
    "http://127.255.255.254:{P}/",
    "http://0:{P}/",
    "http://0.0.0.0:{P}/",
    "http://0x0:{P}/",
    "http://%31%32%37.0.0.1:{P}/",
    "http://１２７.０.０.１:{P}/",
    "http://127.0.0.1.:{P}/",
    "http://a@127.0.0.1:{P}/",
    "http://a:b@127.1:{P}/",
    "http://LOCALHOST:{P}/",
    "http://localhost:{P}/",
    "http://localhost.:{P}/",
    "http://foo.localhost:{P}/",
    "http://LocalHost.:{P}/",
    "https://127.0.0.1:{P}/",
    "http://[::1]:{P}/",
    "http://[0:0:0:0:0:0:0:1]:{P}/",
    "http://[::]:{P}/",
    "http://[::ffff:127.0.0.1]:{P}/",
    "http://[::ffff:7f00:1]:{P}/",
    "http://[0:0:0:0:0:ffff:127.0.0.1]:{P}/",
    "http://[::127.0.0.1]:{P}/",
    "http://[64:ff9b::127.0.0.1]:{P}/",
    "http://[2002:7f00:1::]:{P}/",
    "http://[fe80::1]:{P}/",
    "http://[fc00::1]:{P}/",
    "http://[fd12:3456::1]:{P}/",
    "http://[fec0::1]:{P}/",
    "http://[ff02::1]:{P}/",
    "http://[2001:db8::1]:{P}/",
    "http://[::ffff:10.0.0.1]:{P}/",
    "http://[::ffff:169.254.169.254]:{P}/",
    "http://[2001::1]:{P}/",
    "http://10.0.0.1:{P}/",
    "http://10.255.255.255:{P}/",
    "http://172.16.0.1:{P}/",
    "http://172.31.255.254:{P}/",
    "http://192.168.0.1:{P}/",
    "http://192.168.1.254:{P}/",
    "http://100.64.0.1:{P}/",
    "http://100.127.255.254:{P}/",
    "http://169.254.169.254:{P}/",
    "http://169.254.0.1:{P}/",
    "http://224.0.0.1:{P}/",
    "http://239.255.255.250:{P}/",
    "http://255.255.255.255:{P}/",
    "http://240.0.0.1:{P}/",
    "http://192.0.2.1:{P}/",
    "http://198.51.100.1:{P}/",
    "http://203.0.113.1:{P}/",
    "http://198.18.0.1:{P}/",
    "http://0xa9fea9fe:{P}/",
    "http://2852039166:{P}/",
    "http://012.0.0.1:{P}/",
    "http://internal.test:{P}/",
    "http://ten.test:{P}/",
    "http://meta.test:{P}/",
    "http://v6loop.test:{P}/",
    "http://mapped.test:{P}/",
    "http://ula.test:{P}/",
    "http://mixed.test:{P}/",
    "http://cgnat.test:{P}/",
    "http://INTERNAL.TEST.:{P}/",
    "http://private.test:{P}/",
    "http://nat64.test:{P}/",
];

/// Forms that are refused only when a delivery connects or follows: a name that resolved
/// to a public address when it was saved, and redirects from an allowed server.
const LATER_FORMS: [&str; 5] = [
    "http://rebind.test:{P}/ (public when saved, internal at connection)",
    "redirect from an allowed server to http://127.0.0.1:{P}/",
    "redirect from an allowed server to http://localhost:{P}/",
    "redirect from an allowed server to http://[::1]:{P}/",
    "redirect from an allowed server to itself (a loop)",
];

/// Listens on every local address at one port and counts connections.
struct Trap {
    port: u16,
    connections: Arc<AtomicU64>,
}

async fn trap() -> Trap {
    let connections = Arc::new(AtomicU64::new(0));
    let v6 = tokio::net::TcpListener::bind("[::]:0").await;
    let (listeners, port) = match v6 {
        Ok(l) => {
            let port = l.local_addr().unwrap().port();
            // Dual-stack sockets take IPv4 too; where they do not, listen on IPv4 as well.
            let mut ls = vec![l];
            if let Ok(v4) = tokio::net::TcpListener::bind(("0.0.0.0", port)).await {
                ls.push(v4);
            }
            (ls, port)
        }
        Err(_) => {
            let l = tokio::net::TcpListener::bind("0.0.0.0:0").await.unwrap();
            let port = l.local_addr().unwrap().port();
            (vec![l], port)
        }
    };
    for l in listeners {
        let c = connections.clone();
        tokio::spawn(async move {
            while l.accept().await.is_ok() {
                c.fetch_add(1, Ordering::SeqCst);
            }
        });
    }
    Trap { port, connections }
}

async fn internal_addresses_are_refused_at_save_and_at_delivery_with_no_connection(
    store: SharedStore,
) {
    let trap = trap().await;
    // Only the redirecting servers' address is let through.
    let hooks = HookConfig {
        allow: vec!["127.0.0.3/32".parse().unwrap()],
        resolver: resolver(),
        backoff: Vec::new(),
        timeout: Duration::from_secs(5),
        poll: Duration::from_millis(20),
        ..Default::default()
    };
    let app = app_with(store.clone(), hooks).await;
    let api = Api::of(&app, "becws").await;
    let survey = survey_of(&app, "becws").await;
    let ws = store
        .workspace_by_slug(&taith_domain::Slug::parse("becws").unwrap())
        .await
        .unwrap();
    let p = trap.port.to_string();
    let mut rows: Vec<(String, String, String)> = Vec::new();
    let mut endpoints = Vec::new();

    // 1. Refused at save, each with a field-level error on `url`.
    for form in FORMS {
        let url = form.replace("{P}", &p);
        let (status, body) = api
            .send(
                Method::POST,
                "/api/v1/webhooks",
                json!({"url": url, "events": ["response.created"]}),
            )
            .await;
        assert_eq!(status, 422, "{url} was accepted: {body}");
        let detail = &body["error"]["details"][0];
        assert_eq!(detail["field"], "url", "{url}: {body}");
        let issue = detail["issue"].as_str().unwrap().to_owned();
        assert!(
            issue == "internal_address" || (issue == "invalid" && url.contains('@')),
            "{url}: {issue}"
        );
        // Saved behind the guard's back (as if saved before a change of policy): the
        // delivery must refuse it too.
        let fields = WebhookFields {
            kind: WebhookKind::Standard,
            url: url.clone(),
            description: String::new(),
            events: vec![EventType::ResponseCreated],
            enabled: true,
        };
        let e = store
            .create_webhook_endpoint(ws.id, &fields, "whsec_c2VjcmV0c2VjcmV0c2VjcmV0")
            .await
            .unwrap();
        endpoints.push((e.id, url.clone(), format!("refused ({issue})")));
    }

    // 2. Accepted at save, refused when the delivery connects or is redirected.
    let rebind = LATER_FORMS[0].split(' ').next().unwrap().replace("{P}", &p);
    let (status, body) = api
        .send(
            Method::POST,
            "/api/v1/webhooks",
            json!({"url": rebind, "events": ["response.created"]}),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    let id: taith_domain::WebhookEndpointId =
        body["webhook"]["id"].as_str().unwrap().parse().unwrap();
    endpoints.push((
        id,
        LATER_FORMS[0].replace("{P}", &p),
        "accepted (public then)".into(),
    ));
    let targets = [
        format!("http://127.0.0.1:{p}/"),
        format!("http://localhost:{p}/"),
        format!("http://[::1]:{p}/"),
    ];
    let mut redirectors = Vec::new();
    for (i, target) in targets.iter().enumerate() {
        let r = Receiver::start_on("127.0.0.3").await;
        r.answer_with(302, target).await;
        let (status, body) = api
            .send(
                Method::POST,
                "/api/v1/webhooks",
                json!({"url": r.url("/hook"), "events": ["response.created"]}),
            )
            .await;
        assert_eq!(status, 201, "{body}");
        let id = body["webhook"]["id"].as_str().unwrap().parse().unwrap();
        endpoints.push((
            id,
            LATER_FORMS[i + 1].replace("{P}", &p),
            "accepted (allowed server)".into(),
        ));
        redirectors.push(r);
    }
    let looping = Receiver::start_on("127.0.0.3").await;
    looping.answer_with(307, &looping.url("/hook")).await;
    let (status, body) = api
        .send(
            Method::POST,
            "/api/v1/webhooks",
            json!({"url": looping.url("/hook"), "events": ["response.created"]}),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    let id = body["webhook"]["id"].as_str().unwrap().parse().unwrap();
    endpoints.push((
        id,
        LATER_FORMS[4].into(),
        "accepted (allowed server)".into(),
    ));
    redirectors.push(looping);

    // The trap does count: a connection of the test's own to it, on IPv4 and on IPv6
    // where the machine has it, is seen.
    let mut baseline = 0;
    for host in ["127.0.0.1", "::1"] {
        if tokio::net::TcpStream::connect((host, trap.port))
            .await
            .is_ok()
        {
            baseline += 1;
            while trap.connections.load(Ordering::SeqCst) < baseline {
                tokio::time::sleep(Duration::from_millis(10)).await;
            }
        }
    }
    assert!(baseline >= 1);

    // One response: one delivery to each of the endpoints.
    submit(&api, survey, 2, "Late again").await;
    for (id, url, saved) in &endpoints {
        let delivery = loop {
            let page = store
                .webhook_deliveries(ws.id, *id, PageRequest::first(10))
                .await
                .unwrap();
            if let Some(d) = page.items.first()
                && d.state == taith_domain::DeliveryState::Failed
            {
                break d.clone();
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        };
        assert_eq!(delivery.attempts, 1, "{url}");
        let error = delivery.last_error.clone().unwrap_or_default();
        let outcome = if url.starts_with("redirect") {
            assert!(
                matches!(delivery.last_status_code, Some(302 | 307)),
                "{url}: {delivery:?}"
            );
            assert!(error.contains("not followed"), "{url}: {error}");
            "redirect not followed".to_owned()
        } else {
            assert!(error.starts_with("refused"), "{url}: {error}");
            "refused".to_owned()
        };
        rows.push((url.clone(), saved.clone(), outcome));
    }
    // Each redirector was asked once, and nothing reached the trap.
    for r in &redirectors {
        assert_eq!(r.got().await.len(), 1);
        assert_eq!(r.connections(), 1);
    }
    assert_eq!(
        trap.connections.load(Ordering::SeqCst),
        baseline,
        "a delivery's connection reached the trap"
    );
    assert!(rows.len() >= 82, "{}", rows.len());

    let mut table = String::from(
        "| # | address form | at save | at delivery | connections |\n|---|---|---|---|---|\n",
    );
    for (i, (url, saved, delivered)) in rows.iter().enumerate() {
        let url = url.replace(&p, "P").replace('|', "\\|");
        table.push_str(&format!(
            "| {} | `{url}` | {saved} | {delivered} | 0 |\n",
            i + 1
        ));
    }
    let path = std::env::temp_dir().join(format!("taith-ssrf-table-{}.md", store.backend()));
    std::fs::write(&path, table).unwrap();
}

crate::webhooks::on_both_stores!(
    internal_addresses_are_refused_at_save_and_at_delivery_with_no_connection,
);
