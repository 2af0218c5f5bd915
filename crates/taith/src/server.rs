//! `taith serve`: open the store, optionally seed the demo, serve until stopped.

use crate::cli::{ServeArgs, StoreArgs};
use crate::demo::{DEMO_PASSWORD, DemoCredentials, seed_demo};
use anyhow::Context as _;
use taith_store::SharedStore;
use taith_web::WebConfig;
use taith_web::limits::{Limits, Quota};
use tokio::net::TcpListener;

/// Creates the demo workspace unless it exists.
pub async fn ensure_demo(store: &SharedStore) -> anyhow::Result<DemoCredentials> {
    let hash = taith_app::account::secrets::hash_password(DEMO_PASSWORD)?;
    seed_demo(store.as_ref(), &hash).await
}

pub async fn serve_command(store_args: &StoreArgs, args: ServeArgs) -> anyhow::Result<()> {
    let url = store_args.url()?;
    let store = store_args.open().await?;
    tracing::info!(store = %url, backend = store.backend(), "store open, migrations applied");
    let out = crate::output::Out;
    if args.demo {
        if store.has_no_workspace().await? {
            let creds = ensure_demo(&store).await?;
            out.demo_credentials(&creds);
        } else {
            tracing::info!("the store is not empty: --demo leaves it as it is");
            if let Ok(creds) = ensure_demo(&store).await {
                out.demo_credentials(&creds);
            }
        }
    }
    let listener = TcpListener::bind(args.listen)
        .await
        .with_context(|| format!("listening on {}", args.listen))?;
    out.listening(listener.local_addr()?);
    let limits = limits(&args);
    let mailer = match (args.smtp_url, args.mail_from) {
        (Some(smtp_url), Some(from)) => {
            let mailer = taith_app::invitations::outbox::Mailer::new(
                &taith_app::invitations::outbox::MailConfig { smtp_url, from },
            )?;
            tracing::info!("e-mail invitations go out over SMTP");
            Some(mailer)
        }
        _ => {
            tracing::info!("no --smtp-url: e-mail invitations wait in the outbox");
            None
        }
    };
    let config = WebConfig {
        secure_cookies: !args.insecure_cookies,
        public_url: args.public_url,
        mailer,
        widget_sites: args.widget_sites,
        limits,
    };
    taith_web::serve(listener, store, config, shutdown_signal()).await?;
    tracing::info!("stopped");
    Ok(())
}

/// The server's limits from its options; half of each minute's quota may come at once.
fn limits(args: &ServeArgs) -> Limits {
    let quota = |per_minute: u32| Quota::new(per_minute, per_minute.div_ceil(2));
    Limits {
        trusted_proxies: args.trusted_proxies,
        submissions: quota(args.submissions_per_minute),
        sign_ins: quota(args.sign_ins_per_minute),
        max_in_flight: usize::try_from(args.max_in_flight).unwrap_or(usize::MAX),
        ..Limits::default()
    }
}

/// Completes on Ctrl-C or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(e) = tokio::signal::ctrl_c().await {
            tracing::error!(error = %e, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
}
