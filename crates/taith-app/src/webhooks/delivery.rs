//! The delivery worker: claims due deliveries (with a lease, so several nodes share the work
//! without sending one twice at once), POSTs each with a timeout — at most
//! [`HookConfig::concurrency`](super::HookConfig) at a time — and records the outcome: 2xx
//! delivered; anything else (an error status, a redirect, which is never followed, a timeout,
//! a refused address) tried again after the next wait of the back-off schedule, and failed
//! after the last. A receiver that is slow, failing or redirecting in a loop costs this worker
//! its timeout, never response intake.

use super::Webhooks;
use super::sign;
use std::sync::Arc;
use std::time::Duration;
use taith_domain::{DeliveryState, WebhookKind};
use taith_store::{AttemptOutcome, DeliveryJob, SharedStore, StoreError};
use tokio::sync::Semaphore;
use url::Host;

/// Where finished attempts go to be recorded.
type Recorder = tokio::sync::mpsc::UnboundedSender<(
    taith_domain::WorkspaceId,
    taith_domain::WebhookDeliveryId,
    AttemptOutcome,
)>;

/// Most outcomes written in one transaction.
const RECORD_BATCH: usize = 256;

/// Records finished attempts: whatever finished meanwhile, in one transaction. An outcome
/// that cannot be written is logged; its delivery's lease then runs out and it is attempted
/// again (at least once, never lost).
fn record_in_background(store: SharedStore) -> Recorder {
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    tokio::spawn(async move {
        let mut batch = Vec::with_capacity(RECORD_BATCH);
        while rx.recv_many(&mut batch, RECORD_BATCH).await > 0 {
            if let Err(e) = store.finish_deliveries(&batch).await {
                tracing::warn!(
                    error = &e as &dyn std::error::Error,
                    attempts = batch.len(),
                    "recording webhook attempts failed; they will be made again"
                );
            }
            batch.clear();
        }
    });
    tx
}

/// Why an attempt did not deliver (recorded in words of ours; never the receiver's body).
#[derive(Debug, thiserror::Error)]
enum AttemptError {
    #[error("refused: the address is internal")]
    Refused,
    #[error("the receiver answered {0}")]
    Status(u16),
    #[error("the receiver redirected ({0}); redirects are not followed")]
    Redirect(u16),
    #[error("timed out")]
    Timeout,
    #[error("could not connect")]
    Connect,
    #[error("the request failed")]
    Other,
}

impl AttemptError {
    fn status(&self) -> Option<u16> {
        match self {
            AttemptError::Status(c) | AttemptError::Redirect(c) => Some(*c),
            _ => None,
        }
    }
}

fn refused_by_guard(e: &reqwest::Error) -> bool {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(s) = source {
        if s.is::<super::guard::Blocked>() {
            return true;
        }
        source = s.source();
    }
    false
}

/// Makes rustls on ring the process's TLS provider, for every HTTP client built after it (the
/// deliveries', and any other: reqwest refuses to build a client before one is installed).
/// Called by [`crate::App::start`] and the binary's `main`; calling it again does nothing.
pub fn install_tls_provider() {
    // Err only when a provider is installed already, which is what we want.
    let _ = rustls::crypto::ring::default_provider().install_default();
}

/// TLS for deliveries: rustls on the ring provider, trusting the Mozilla root certificates
/// compiled into the binary (webpki-roots), so an `https` endpoint is verified the same way on
/// every machine, without reading the system's store.
pub(crate) fn tls_config() -> Result<rustls::ClientConfig, rustls::Error> {
    let roots = rustls::RootCertStore {
        roots: webpki_roots::TLS_SERVER_ROOTS.to_vec(),
    };
    let mut config = rustls::ClientConfig::builder_with_provider(std::sync::Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()?
    .with_root_certificates(roots)
    .with_no_client_auth();
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    Ok(config)
}

impl Webhooks {
    /// The HTTP client deliveries go out through: names resolved by the guard, no redirects
    /// followed, no proxy from the environment, the attempt's timeout, and TLS for `https`
    /// endpoints ([`tls_config`]).
    pub(crate) fn client(
        &self,
    ) -> Result<reqwest::Client, Box<dyn std::error::Error + Send + Sync>> {
        Ok(reqwest::Client::builder()
            .tls_backend_preconfigured(tls_config()?)
            .dns_resolver(self.guard.reqwest_resolver())
            .redirect(reqwest::redirect::Policy::none())
            .no_proxy()
            .timeout(self.config.timeout)
            .connect_timeout(self.config.timeout)
            .user_agent(concat!("taith-webhooks/", env!("CARGO_PKG_VERSION")))
            .build()?)
    }

    /// Runs the worker until the process ends.
    pub fn start(&self, store: SharedStore) {
        let hooks = self.clone();
        tokio::spawn(async move {
            let client = match hooks.client() {
                Ok(c) => c,
                Err(e) => {
                    tracing::error!(error = %e, "cannot build the webhook client; webhooks are not delivered");
                    return;
                }
            };
            let permits = Arc::new(Semaphore::new(hooks.config.concurrency.max(1)));
            let recorder = record_in_background(store.clone());
            loop {
                let full = match hooks.round(&store, &client, &permits, &recorder).await {
                    Ok(full) => full,
                    Err(e) => {
                        tracing::warn!(
                            error = &e as &dyn std::error::Error,
                            "claiming webhook deliveries failed"
                        );
                        false
                    }
                };
                if !full {
                    tokio::select! {
                        () = hooks.wake.notified() => {}
                        () = tokio::time::sleep(hooks.config.poll) => {}
                    }
                }
            }
        });
    }

    /// Claims one batch and starts its attempts (each waits for a permit); true when the
    /// batch was full, so more may be due.
    async fn round(
        &self,
        store: &SharedStore,
        client: &reqwest::Client,
        permits: &Arc<Semaphore>,
        recorder: &Recorder,
    ) -> Result<bool, StoreError> {
        let batch = u32::try_from(self.config.concurrency.max(1) * 4).unwrap_or(32);
        let now = taith_domain::now();
        // Long enough for the whole batch to wait its turn and time out.
        let lease = self.config.timeout * (batch + 2);
        let jobs = store.claim_deliveries(now, now + lease, batch).await?;
        let full = jobs.len() == usize::try_from(batch).unwrap_or(usize::MAX);
        for job in jobs {
            let Ok(permit) = permits.clone().acquire_owned().await else {
                break;
            };
            let hooks = self.clone();
            let client = client.clone();
            let recorder = recorder.clone();
            tokio::spawn(async move {
                let outcome = hooks.attempt(&client, &job).await;
                drop(permit);
                // The recorder only stops with the process.
                let _ = recorder.send((job.workspace_id, job.id, outcome));
            });
        }
        Ok(full)
    }

    /// Makes one attempt of `job`: how it ended.
    pub(crate) async fn attempt(
        &self,
        client: &reqwest::Client,
        job: &DeliveryJob,
    ) -> AttemptOutcome {
        let result = self.send(client, job).await;
        let at = taith_domain::now();
        match &result {
            Ok(code) => AttemptOutcome {
                state: DeliveryState::Delivered,
                next_attempt_at: None,
                status_code: Some(*code),
                error: None,
                at,
            },
            Err(e) => {
                let wait: Option<Duration> = usize::try_from(job.attempts)
                    .ok()
                    .and_then(|n| self.config.backoff.get(n).copied());
                tracing::info!(delivery = %job.id, endpoint = %job.endpoint_id, attempt = job.attempts + 1, error = %e, "webhook attempt failed");
                AttemptOutcome {
                    state: if wait.is_some() {
                        DeliveryState::Pending
                    } else {
                        DeliveryState::Failed
                    },
                    next_attempt_at: wait.map(|w| at + w),
                    status_code: e.status(),
                    error: Some(e.to_string()),
                    at,
                }
            }
        }
    }

    async fn send(&self, client: &reqwest::Client, job: &DeliveryJob) -> Result<u16, AttemptError> {
        let url = super::guard::parse(&job.url).map_err(|_| AttemptError::Refused)?;
        // The client does not resolve an address written as such: check it here.
        match url.host() {
            Some(Host::Ipv4(ip)) if !self.guard.permits(ip.into()) => {
                return Err(AttemptError::Refused);
            }
            Some(Host::Ipv6(ip)) if !self.guard.permits(ip.into()) => {
                return Err(AttemptError::Refused);
            }
            _ => {}
        }
        let (body, headers) = match job.kind {
            WebhookKind::Standard => {
                let body = sign::standard_body(job.event_type, job.event_at, &job.payload);
                let body = serde_json::to_vec(&body).map_err(|_| AttemptError::Other)?;
                let id = job.event_id.to_string();
                let timestamp = taith_domain::now().unix_timestamp();
                let mut secrets = vec![job.secrets.current.as_str()];
                if let Some((previous, _)) = &job.secrets.previous {
                    secrets.push(previous.as_str());
                }
                let signature = sign::signature_header(secrets, &id, timestamp, &body);
                (
                    body,
                    vec![
                        ("webhook-id", id),
                        ("webhook-timestamp", timestamp.to_string()),
                        ("webhook-signature", signature),
                    ],
                )
            }
            WebhookKind::Slack => {
                let body = sign::slack_body(job.event_type, &job.payload);
                (
                    serde_json::to_vec(&body).map_err(|_| AttemptError::Other)?,
                    Vec::new(),
                )
            }
        };
        let mut request = client
            .post(url)
            .header(reqwest::header::CONTENT_TYPE, "application/json")
            .body(body);
        for (name, value) in headers {
            request = request.header(name, value);
        }
        let response = request.send().await.map_err(|e| {
            if refused_by_guard(&e) {
                AttemptError::Refused
            } else if e.is_timeout() {
                AttemptError::Timeout
            } else if e.is_connect() {
                AttemptError::Connect
            } else {
                AttemptError::Other
            }
        })?;
        let code = response.status().as_u16();
        if response.status().is_success() {
            Ok(code)
        } else if response.status().is_redirection() {
            Err(AttemptError::Redirect(code))
        } else {
            Err(AttemptError::Status(code))
        }
    }
}

#[cfg(test)]
mod tls_tests {
    #![allow(clippy::unwrap_used)]

    #[test]
    fn the_delivery_client_speaks_tls_with_compiled_in_roots() {
        let config = super::tls_config().unwrap();
        assert_eq!(config.alpn_protocols, vec![b"http/1.1".to_vec()]);
        assert!(webpki_roots::TLS_SERVER_ROOTS.len() > 100);
    }
}
