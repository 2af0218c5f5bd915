//! taith's HTTP surface: the admin UI, the REST API with its OpenAPI document, and sign-in.

pub mod account;
pub mod alerts;
pub mod api;
pub mod articles;
pub mod audit;
pub mod bot;
pub mod cases;
pub mod changes;
pub mod chat;
pub mod coaching;
pub mod contact;
pub mod conversations;
pub mod dashboards;
pub mod events;
pub mod feature_requests;
pub mod feedback;
pub mod http;
pub mod inbox;
pub mod invitations;
pub mod journeys;
pub mod lifecycle;
pub mod mail_in;
pub mod mentions;
pub mod metrics;
pub mod pages;
pub mod people;
pub mod personas;
pub mod privacy;
pub mod respond;
pub mod responses;
pub mod signals;
pub mod sites;
pub mod surveys;
pub mod timeline;
pub mod voc;
pub mod webhooks;
pub mod webstats;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use std::net::SocketAddr;
use std::sync::Arc;
use taith_app::{App, AppConfig};
use taith_store::SharedStore;
use tokio::net::TcpListener;

/// Settings of the HTTP server.
#[derive(Debug, Clone)]
pub struct WebConfig {
    /// Mark cookies `Secure`. Browsers keep Secure cookies on `http://localhost` and
    /// `http://127.0.0.1`; turn this off only to serve plain HTTP on another address.
    pub secure_cookies: bool,
    /// The address people reach taith at from outside (`https://feedback.example`, no
    /// trailing slash), for links in e-mails and the widget's tag. None: the request's host.
    pub public_url: Option<String>,
    /// The SMTP server invitations go out through; None: they wait in the outbox.
    pub mailer: Option<taith_app::invitations::outbox::Mailer>,
    /// The sites whose pages may show the survey widget: a CSP `frame-ancestors` source list
    /// (`https://becws.example https://*.becws.example`), `*` for any site.
    pub widget_sites: String,
    /// Rate limits, load shedding and connection deadlines.
    pub limits: http::limits::Limits,
    /// Webhooks' and alerts' settings (the SSRF allow list, the back-off schedule).
    pub hooks: taith_app::webhooks::HookConfig,
    /// The domain inbound e-mail addresses are at (`{slug}@domain` on the SMTP receiver);
    /// None: any domain is taken and no address is shown.
    pub inbound_domain: Option<String>,
    /// Sign-in with the business's identity provider (OpenID Connect); None: passwords only.
    pub oidc: Option<taith_app::account::oidc::Oidc>,
}

impl Default for WebConfig {
    fn default() -> Self {
        WebConfig {
            secure_cookies: true,
            public_url: None,
            mailer: None,
            widget_sites: "*".to_owned(),
            limits: http::limits::Limits::default(),
            hooks: taith_app::webhooks::HookConfig::default(),
            inbound_domain: None,
            oidc: None,
        }
    }
}

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub store: SharedStore,
    pub config: Arc<WebConfig>,
    /// The use-cases and background workers (response writer, outbox, analytics index).
    pub app: App,
    /// Per-client rate limits and the bound on requests in progress.
    pub guard: http::limits::Guard,
}

/// Largest request body accepted anywhere (413 beyond). A whole journey import is far smaller.
pub const MAX_BODY_BYTES: usize = 1024 * 1024;

/// Every route of the app, UI and API: `(method, path)`.
pub fn route_table() -> Vec<http::routes::RouteInfo> {
    let mut table = pages::routes(http::routes::Routes::new()).table;
    table.extend(api::route_table());
    table
}

/// The whole application, with its background tasks (the response writer and the outbox)
/// started. `listening` is the server's own address: links in e-mails use it when no public
/// URL is configured.
pub fn app(store: SharedStore, config: WebConfig, listening: Option<SocketAddr>) -> Router {
    app_with_state(store, config, listening).0
}

/// [`app`], and the state its handlers share (tests drive the outbox through it).
pub fn app_with_state(
    store: SharedStore,
    config: WebConfig,
    listening: Option<SocketAddr>,
) -> (Router, AppState) {
    let links = config
        .public_url
        .clone()
        .unwrap_or_else(|| match listening {
            Some(addr) => format!("http://{addr}"),
            None => "http://localhost:8080".to_owned(),
        });
    let app = App::start(
        store.clone(),
        AppConfig {
            mailer: config.mailer.clone(),
            links,
            hooks: config.hooks.clone(),
            inbound_domain: config.inbound_domain.clone(),
        },
    );
    let guard = http::limits::Guard::new(&config.limits);
    let state = AppState {
        guard,
        store,
        config: Arc::new(config),
        app,
    };
    let ui = pages::routes(http::routes::Routes::new()).router;
    let (api, _) = api::router().split_for_parts();
    let router = Router::new()
        .merge(ui)
        .merge(api)
        .merge(http::assets::router())
        // Every route, before the fallback: changes and bulk reads go to the audit log.
        .route_layer(axum::middleware::from_fn_with_state(
            state.clone(),
            audit::layer::record,
        ))
        // Any other address: a 404 page in the visitor's language, or the API's JSON 404.
        .fallback(http::page_error::fallback)
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            account::pages::remember_language,
        ))
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            http::limits::rate_limit,
        ))
        // Outside the rate limit: a refusal is cheap and should not wait for a permit.
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            http::limits::shed_load,
        ))
        .layer(axum::middleware::from_fn(
            http::limits::refuse_declared_too_large,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            http::security::headers,
        ))
        // Outermost: every answer, refusals included, carries the request's id.
        .layer(axum::middleware::from_fn(http::request_id::request_id))
        .with_state(state.clone());
    (router, state)
}

/// Serves the app on `listener` until `shutdown` completes.
pub async fn serve(
    listener: TcpListener,
    store: SharedStore,
    config: WebConfig,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let limits = config.limits.clone();
    let app = app(store, config, listener.local_addr().ok());
    serve_router(listener, app, limits, shutdown).await
}

/// Serves an app made by [`app_with_state`] on `listener` until `shutdown` completes.
pub async fn serve_router(
    listener: TcpListener,
    app: Router,
    limits: http::limits::Limits,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    http::server::serve(listener, app, limits, shutdown).await
}
