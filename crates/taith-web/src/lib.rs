//! taith's HTTP surface: the admin UI, the REST API with its OpenAPI document, and sign-in.

pub mod api;
pub mod assets;
pub mod auth;
pub mod ctx;
pub mod error;
pub mod i18n;
pub mod ingest;
pub mod routes;
pub mod ui;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use std::net::SocketAddr;
use std::sync::Arc;
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
}

impl Default for WebConfig {
    fn default() -> Self {
        WebConfig {
            secure_cookies: true,
            public_url: None,
        }
    }
}

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub store: SharedStore,
    pub config: Arc<WebConfig>,
    /// The group-commit writer every response goes through.
    pub ingest: ingest::Ingest,
}

/// Largest request body accepted anywhere (413 beyond). A whole journey import is far smaller.
pub const MAX_BODY_BYTES: usize = 1024 * 1024;

/// Every route of the app, UI and API: `(method, path)`.
pub fn route_table() -> Vec<routes::RouteInfo> {
    let mut table = ui::routes(routes::Routes::new()).table;
    table.extend(api::route_table());
    table
}

/// The whole application.
pub fn app(store: SharedStore, config: WebConfig) -> Router {
    let ingest = ingest::Ingest::start(store.clone());
    let state = AppState {
        store,
        config: Arc::new(config),
        ingest,
    };
    let ui = ui::routes(routes::Routes::new()).router;
    let (api, _) = api::router().split_for_parts();
    Router::new()
        .merge(ui)
        .merge(api)
        .merge(assets::router())
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            ui::account::remember_language,
        ))
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .with_state(state)
}

/// Serves the app on `listener` until `shutdown` completes.
pub async fn serve(
    listener: TcpListener,
    store: SharedStore,
    config: WebConfig,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let app = app(store, config);
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown)
    .await
}
