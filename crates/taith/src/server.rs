//! `taith serve`: open the store, optionally seed the demo, serve until stopped.

use crate::database::StoreArgs;
use crate::demo::{DEMO_PASSWORD, DemoCredentials, seed_demo};
use anyhow::Context as _;
use clap::Args;
use std::net::SocketAddr;
use taith_store::SharedStore;
use taith_web::WebConfig;
use taith_web::http::limits::{Limits, Quota};
use tokio::net::TcpListener;

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on.
    #[arg(long, env = "TAITH_LISTEN", default_value = "127.0.0.1:8080")]
    pub listen: SocketAddr,
    /// On an empty store, create the demo workspace first.
    #[arg(long)]
    pub demo: bool,
    /// Send cookies without the Secure flag. Only for serving plain HTTP on an address other
    /// than localhost/127.0.0.1 (browsers keep Secure cookies there).
    #[arg(long, env = "TAITH_INSECURE_COOKIES")]
    pub insecure_cookies: bool,
    /// The address customers reach taith at (`https://feedback.example`), used in e-mailed
    /// links and the widget's tag. Default: the address each request names.
    #[arg(long, env = "TAITH_PUBLIC_URL", value_parser = parse_public_url)]
    pub public_url: Option<String>,
    /// The SMTP server survey invitations go out through: `smtps://user:pass@host:465`,
    /// `smtp://user:pass@host:587?tls=required`, or `smtp://host:25` for a local relay
    /// (URL-encode a password's special characters). Without it invitations wait.
    #[arg(
        long,
        env = "TAITH_SMTP_URL",
        requires = "mail_from",
        hide_env_values = true
    )]
    pub smtp_url: Option<String>,
    /// The sites whose pages may show the survey widget, space-separated
    /// (`https://becws.example https://*.becws.example`); `*` for any site.
    #[arg(long, env = "TAITH_WIDGET_SITES", default_value = "*", value_parser = parse_widget_sites)]
    pub widget_sites: String,
    /// Who invitations are from, e.g. "Becws Bara Brith <adborth@becws.example>".
    #[arg(long, env = "TAITH_MAIL_FROM", requires = "smtp_url")]
    pub mail_from: Option<String>,
    /// Reverse proxies in front of taith whose `X-Forwarded-For` header names the client
    /// (rate limits count per client). 0: taith faces the internet itself and ignores the
    /// header, so nobody can pretend to be someone else.
    #[arg(long, env = "TAITH_TRUSTED_PROXIES", default_value_t = 0)]
    pub trusted_proxies: usize,
    /// Public survey submissions one client address may make per minute (half as many at
    /// once).
    #[arg(long, env = "TAITH_SUBMISSIONS_PER_MINUTE", default_value_t = 60, value_parser = clap::value_parser!(u32).range(1..))]
    pub submissions_per_minute: u32,
    /// Sign-in attempts one client address may make per minute.
    #[arg(long, env = "TAITH_SIGN_INS_PER_MINUTE", default_value_t = 10, value_parser = clap::value_parser!(u32).range(1..))]
    pub sign_ins_per_minute: u32,
    /// Requests handled at once; more get "503 busy, retry after 1 s" at once.
    #[arg(long, env = "TAITH_MAX_IN_FLIGHT", default_value_t = 1024, value_parser = clap::value_parser!(u64).range(1..))]
    pub max_in_flight: u64,
    /// A network webhooks may be sent to although it is internal (loopback, private …), in
    /// CIDR form (`10.20.0.0/16`, `::1/128`); repeat for more. None by default: webhooks go
    /// only to public addresses.
    #[arg(long = "webhook-allow", value_name = "CIDR", value_parser = parse_cidr)]
    pub webhook_allow: Vec<taith_app::webhooks::guard::Cidr>,
    /// Also receive e-mail by SMTP on this address (e.g. `0.0.0.0:2525`), for the workspaces'
    /// support conversations: mail to `{workspace}@DOMAIN` or `anything+{workspace}@DOMAIN`
    /// (see --inbound-domain) or to a workspace's own address. No TLS: put it behind an MTA
    /// or a forwarding rule (docs/email.md).
    #[arg(long, env = "TAITH_SMTP_LISTEN")]
    pub smtp_listen: Option<SocketAddr>,
    /// The domain whose addresses the SMTP receiver takes (`mail.becws.example`); without
    /// it, any domain is taken.
    #[arg(long, env = "TAITH_INBOUND_DOMAIN")]
    pub inbound_domain: Option<String>,
    /// Let members sign in with the business's identity provider (OpenID Connect): its issuer
    /// (`https://accounts.google.com`, `https://login.microsoftonline.com/{tenant}/v2.0`,
    /// `https://id.becws.example/realms/staff`). Register taith there with the redirect
    /// address `{public URL}/sign-in/oidc/callback` (docs/sign-in.md).
    #[arg(long, env = "TAITH_OIDC_ISSUER", requires_all = ["oidc_client_id", "oidc_client_secret"])]
    pub oidc_issuer: Option<String>,
    /// The client id taith has at the identity provider.
    #[arg(long, env = "TAITH_OIDC_CLIENT_ID", requires = "oidc_issuer")]
    pub oidc_client_id: Option<String>,
    /// The client secret taith has at the identity provider (prefer the environment variable
    /// to the command line, which other users of the machine can see).
    #[arg(
        long,
        env = "TAITH_OIDC_CLIENT_SECRET",
        hide_env_values = true,
        requires = "oidc_issuer"
    )]
    pub oidc_client_secret: Option<String>,
    /// What the sign-in page's button names: "Sign in with Google".
    #[arg(long, env = "TAITH_OIDC_NAME", default_value = "your company account")]
    pub oidc_name: String,
}

fn parse_cidr(s: &str) -> Result<taith_app::webhooks::guard::Cidr, String> {
    s.parse()
}

/// A `frame-ancestors` source list: `*`, or `http(s)://host[:port]` sources, `*.` allowed as
/// the first label. Nothing that could end the policy's directive (`;`, quotes, commas).
fn parse_widget_sites(s: &str) -> Result<String, String> {
    let sites: Vec<&str> = s.split_whitespace().collect();
    if sites == ["*"] {
        return Ok("*".to_owned());
    }
    if sites.is_empty() {
        return Err("name at least one site, or * for any".to_owned());
    }
    for site in &sites {
        let rest = site
            .strip_prefix("https://")
            .or_else(|| site.strip_prefix("http://"))
            .ok_or_else(|| format!("{site}: a site starts with https:// or http://"))?;
        let ok = !rest.is_empty()
            && rest
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b".-:*".contains(&b));
        if !ok {
            return Err(format!(
                "{site}: a site is a scheme, a host and an optional port"
            ));
        }
    }
    Ok(sites.join(" "))
}

/// An `http://` or `https://` address with a host and nothing after it but an optional `/`.
fn parse_public_url(s: &str) -> Result<String, String> {
    let trimmed = s.trim().trim_end_matches('/');
    let rest = trimmed
        .strip_prefix("https://")
        .or_else(|| trimmed.strip_prefix("http://"))
        .ok_or("the public URL must start with https:// or http://")?;
    let ok = !rest.is_empty()
        && rest
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b".-:[]".contains(&b));
    if ok {
        Ok(trimmed.to_owned())
    } else {
        Err("the public URL is a scheme and a host, with an optional port and nothing else (e.g. https://feedback.example)".to_owned())
    }
}

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
    if let Some(addr) = args.smtp_listen {
        let smtp = TcpListener::bind(addr)
            .await
            .with_context(|| format!("listening for SMTP on {addr}"))?;
        tracing::info!(address = %smtp.local_addr()?, "receiving e-mail by SMTP");
        let mail_in = taith_app::mail_in::MailIn::new(args.inbound_domain.clone(), mailer.as_ref());
        tokio::spawn(crate::smtp::serve(
            smtp,
            store.clone(),
            mail_in,
            crate::smtp::Limits::default(),
            shutdown_signal(),
        ));
    }
    let oidc = match (
        &args.oidc_issuer,
        &args.oidc_client_id,
        &args.oidc_client_secret,
    ) {
        (Some(issuer), Some(client_id), Some(client_secret)) => {
            let oidc = taith_app::account::oidc::Oidc::new(taith_app::account::oidc::OidcConfig {
                issuer: issuer.clone(),
                client_id: client_id.clone(),
                client_secret: client_secret.clone(),
                name: args.oidc_name.clone(),
            })
            .map_err(anyhow::Error::msg)?;
            tracing::info!(issuer = %issuer, "members may sign in with the identity provider");
            Some(oidc)
        }
        _ => None,
    };
    let config = WebConfig {
        oidc,
        secure_cookies: !args.insecure_cookies,
        public_url: args.public_url,
        mailer,
        widget_sites: args.widget_sites,
        limits,
        hooks: taith_app::webhooks::HookConfig {
            allow: args.webhook_allow,
            ..Default::default()
        },
        inbound_domain: args.inbound_domain,
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
