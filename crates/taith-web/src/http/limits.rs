//! Keeping strangers from overwhelming taith: who the client is (through the configured
//! number of trusted proxies), per-client rate limits on what anyone may call without an
//! account — public survey submissions and sign-in — and shedding the load the server cannot
//! take with a quick 503 instead of a queue that grows without bound.
//!
//! Connection-level limits (slow headers, slow bodies) are in [`crate::http::server`].

use crate::AppState;
use crate::http::error::{ApiError, ErrorCode};
use crate::http::page_error::PageError;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::collections::HashMap;
use std::net::{IpAddr, Ipv6Addr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use taith_i18n::Tr;
use tokio::sync::Semaphore;

/// How many requests of one kind a client may make: `per_minute` on average, up to `burst`
/// at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quota {
    pub per_minute: u32,
    pub burst: u32,
}

impl Quota {
    pub const fn new(per_minute: u32, burst: u32) -> Quota {
        Quota { per_minute, burst }
    }

    /// The time one request uses up.
    fn interval(self) -> Duration {
        Duration::from_secs(60) / self.per_minute.max(1)
    }
}

/// The server's limits. The defaults suit a small business's instance on the open internet.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Reverse proxies in front of taith whose `X-Forwarded-For` is believed (0: none, the
    /// peer's address is the client's).
    pub trusted_proxies: usize,
    /// Public survey submissions (hosted page, kiosk, widget, e-mail links, unsubscribe),
    /// votes and ideas on the public feature-request board, and the FAQ bot's public questions.
    pub submissions: Quota,
    /// Beacons of the web tracker (`POST /t/{site_key}`), per address: a visitor browsing a
    /// shop sends a few a minute; many visitors behind one address (an office) more.
    pub tracking: Quota,
    /// Sign-in and first set-up attempts, and everything else that tries a password or a
    /// reset link: asking for one, using one, changing a password.
    pub sign_ins: Quota,
    /// Requests handled at once; beyond this new ones get 503 at once.
    pub max_in_flight: usize,
    /// A client must send a request's headers within this (slowloris).
    pub header_read_timeout: Duration,
    /// … and its whole body within this.
    pub body_read_timeout: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            trusted_proxies: 0,
            // A shop's kiosk behind one address takes a score and its follow-ups every few
            // seconds at most; a person answering a survey, far fewer.
            submissions: Quota::new(60, 30),
            tracking: Quota::new(600, 120),
            sign_ins: Quota::new(10, 5),
            max_in_flight: 1_024,
            header_read_timeout: Duration::from_secs(10),
            body_read_timeout: Duration::from_secs(30),
        }
    }
}

/// The kinds of request that are rate limited, each with its own bucket per client.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Bucket {
    Submission,
    Tracking,
    SignIn,
}

impl Bucket {
    /// The bucket a request falls in, if any. Authenticated API calls are not limited per
    /// address: the token or session identifies the caller.
    pub fn of(method: &Method, path: &str) -> Option<Bucket> {
        // Every request passes here: look at the first segment and count, allocate nothing.
        let path = path.trim_start_matches('/');
        let first = path.split('/').next().unwrap_or_default();
        let segments = path.split('/').count();
        let post = method == Method::POST;
        match (first, segments) {
            ("login" | "setup" | "forgot-password", 1) if post => Some(Bucket::SignIn),
            ("reset", 2) if post => Some(Bucket::SignIn),
            // The second factor's code, and turning it off (a code or the password).
            ("sign-in", 2) if post => Some(Bucket::SignIn),
            // Coming back from the identity provider with a code to exchange.
            ("sign-in", 3) if path == "sign-in/oidc/callback" => Some(Bucket::SignIn),
            ("account", 3) if post && path == "account/two-factor/disable" => Some(Bucket::SignIn),
            ("account", 3) if post && path == "account/two-factor/confirm" => Some(Bucket::SignIn),
            ("account", 2) if post && path == "account/password" => Some(Bucket::SignIn),
            // The public feature-request board's votes and ideas too.
            ("s" | "k" | "e" | "i" | "u" | "f", 2..) if post => Some(Bucket::Submission),
            // The FAQ bot's public questions (`/h/{slug}/bot/ask`): each may open a conversation.
            ("h", 4) if post => Some(Bucket::Submission),
            // One click in an invitation e-mail records a score.
            ("i", 3) if method == Method::GET => Some(Bucket::Submission),
            // The web tracker's beacons.
            ("t", 2) if post => Some(Bucket::Tracking),
            _ => None,
        }
    }

    fn quota(self, limits: &Limits) -> Quota {
        match self {
            Bucket::Submission => limits.submissions,
            Bucket::Tracking => limits.tracking,
            Bucket::SignIn => limits.sign_ins,
        }
    }
}

/// The client's address: the peer's, or with `trusted_proxies` proxies in front, the
/// address the outermost of them saw. Each proxy appends the address it was reached from to
/// `X-Forwarded-For`, so that one is the `trusted_proxies`-th entry from the right; entries
/// further left came from the client and may be forged.
pub fn client_address(peer: IpAddr, headers: &HeaderMap, trusted_proxies: usize) -> IpAddr {
    if trusted_proxies == 0 {
        return peer;
    }
    let hops: Vec<&str> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .collect();
    // Fewer entries than proxies: the request passed fewer of them; the leftmost entry was
    // still written by one of ours.
    let Some(chosen) = hops
        .len()
        .checked_sub(trusted_proxies)
        .map_or(hops.first(), |i| hops.get(i))
    else {
        return peer;
    };
    // A broken entry where ours should be: fall back to the peer, never to a client's word.
    parse_forwarded_ip(chosen).unwrap_or(peer)
}

/// An `X-Forwarded-For` entry: an address, possibly with a port (`[v6]:port`, `v4:port`).
fn parse_forwarded_ip(entry: &str) -> Option<IpAddr> {
    if let Ok(ip) = entry.parse::<IpAddr>() {
        return Some(ip);
    }
    entry.parse::<SocketAddr>().ok().map(|s| s.ip())
}

/// One IPv6 customer usually holds a whole /64: count it as one client.
fn bucket_key(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V4(_) => ip,
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => {
                let s = v6.segments();
                IpAddr::V6(Ipv6Addr::new(s[0], s[1], s[2], s[3], 0, 0, 0, 0))
            }
        },
    }
}

/// Entries kept before expired ones are swept out.
const SWEEP_ABOVE: usize = 10_000;

/// Rate limits per (bucket, client) by the generic cell rate algorithm: each client has a
/// "theoretical arrival time" that every allowed request pushes one interval on; a request
/// is refused when that time would run more than a burst ahead of now.
#[derive(Debug, Default)]
pub struct RateLimiter {
    cells: Mutex<HashMap<(Bucket, IpAddr), Instant>>,
}

impl RateLimiter {
    /// `Ok` if the client may go ahead (and counts the request), or `Err(wait)`.
    pub fn check(
        &self,
        bucket: Bucket,
        client: IpAddr,
        quota: Quota,
        now: Instant,
    ) -> Result<(), Duration> {
        let interval = quota.interval();
        let allowance = interval * quota.burst.max(1);
        let mut cells = match self.cells.lock() {
            Ok(c) => c,
            // A panic elsewhere while holding the lock leaves plain timestamps behind.
            Err(poisoned) => poisoned.into_inner(),
        };
        if cells.len() > SWEEP_ABOVE {
            // An entry whose time has passed is a full bucket, the same as no entry.
            cells.retain(|_, tat| *tat > now);
        }
        let tat = cells.entry((bucket, bucket_key(client))).or_insert(now);
        let next = (*tat).max(now) + interval;
        let ahead = next - now;
        if ahead > allowance {
            return Err(ahead - allowance);
        }
        *tat = next;
        Ok(())
    }
}

/// What the rate limiting and load shedding middleware share.
#[derive(Debug, Clone)]
pub struct Guard {
    limiter: Arc<RateLimiter>,
    in_flight: Arc<Semaphore>,
}

impl Guard {
    pub fn new(limits: &Limits) -> Guard {
        Guard {
            limiter: Arc::default(),
            in_flight: Arc::new(Semaphore::new(limits.max_in_flight.max(1))),
        }
    }
}

/// Whole seconds to wait, at least one, as `Retry-After` wants them.
fn retry_after_secs(wait: Duration) -> u64 {
    wait.as_secs() + u64::from(wait.subsec_nanos() > 0)
}

/// The refusal, in the API's JSON for API paths and as a page in the visitor's language
/// elsewhere, with `Retry-After`.
fn refusal(req: &Request, code: ErrorCode, wait: Duration) -> Response {
    let mut res = refuse(req, code);
    if let Ok(v) = HeaderValue::from_str(&retry_after_secs(wait).to_string()) {
        res.headers_mut().insert(header::RETRY_AFTER, v);
    }
    res
}

/// A refusal before any handler ran: the API's JSON on API paths, else the page in the
/// visitor's language.
fn refuse(req: &Request, code: ErrorCode) -> Response {
    if req.uri().path().starts_with("/api/") {
        return ApiError::new(code).into_response();
    }
    let (parts, ()) = clone_parts(req).into_parts();
    let tr = Tr::new(crate::http::ctx::negotiate_locale(&parts));
    match code {
        ErrorCode::RateLimited => PageError::too_many_requests(&tr),
        ErrorCode::PayloadTooLarge => PageError::too_large(&tr),
        _ => PageError::unavailable(&tr),
    }
    .into_response()
}

/// The head of a request, without its body, for choosing a language.
fn clone_parts(req: &Request) -> axum::http::Request<()> {
    let mut copy = axum::http::Request::new(());
    *copy.uri_mut() = req.uri().clone();
    *copy.headers_mut() = req.headers().clone();
    copy
}

/// Refuses a client that has used up its quota for this kind of request with 429.
pub async fn rate_limit(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let Some(bucket) = Bucket::of(req.method(), req.uri().path()) else {
        return next.run(req).await;
    };
    let limits = &state.config.limits;
    let peer = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map_or(IpAddr::from([0, 0, 0, 0]), |c| c.0.ip());
    let client = client_address(peer, req.headers(), limits.trusted_proxies);
    match state
        .guard
        .limiter
        .check(bucket, client, bucket.quota(limits), Instant::now())
    {
        Ok(()) => next.run(req).await,
        Err(wait) => {
            tracing::info!(?bucket, %client, "rate limited");
            refusal(&req, ErrorCode::RateLimited, wait)
        }
    }
}

/// Largest body of a response submission (`POST /api/v1/responses`): room for a full batch
/// with long comments.
pub const MAX_SUBMISSION_BYTES: usize = 8 * 1024 * 1024;

/// The largest body `method` on `path` takes: a response submission, a page's form, or the
/// app's usual limit. Reading the body enforces the same limits; this lets a declared length
/// be refused before the body is read.
pub fn body_limit(method: &Method, path: &str, headers: &HeaderMap) -> usize {
    let form = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| t.starts_with("application/x-www-form-urlencoded"));
    if (path == "/api/v1/responses" || path == "/api/v1/events") && method == Method::POST {
        MAX_SUBMISSION_BYTES
    } else if path.starts_with("/api/v1/inbound/email/") && method == Method::POST {
        crate::mail_in::api::MAX_INBOUND_BYTES
    } else if form && !path.starts_with("/api/") {
        crate::http::ctx::MAX_FORM_BYTES
    } else {
        crate::MAX_BODY_BYTES
    }
}

/// Answers 413 at once to a request whose declared `Content-Length` is over its route's limit,
/// without waiting for (or reading) a body it would refuse anyway.
pub async fn refuse_declared_too_large(req: Request, next: Next) -> Response {
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    let limit = body_limit(req.method(), req.uri().path(), req.headers());
    match declared {
        Some(n) if n > limit as u64 => refuse(&req, ErrorCode::PayloadTooLarge),
        _ => next.run(req).await,
    }
}

/// Answers 503 at once when the server already handles as many requests as it should, so
/// that an overload costs the excess requests a quick refusal instead of costing every
/// request an ever longer wait.
pub async fn shed_load(State(state): State<AppState>, req: Request, next: Next) -> Response {
    match state.guard.in_flight.clone().try_acquire_owned() {
        Ok(permit) => {
            let res = next.run(req).await;
            drop(permit);
            res
        }
        Err(_) => refusal(&req, ErrorCode::Unavailable, Duration::from_secs(1)),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn xff(values: &[&str]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for v in values {
            h.append("x-forwarded-for", HeaderValue::from_str(v).unwrap());
        }
        h
    }

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn without_trusted_proxies_forwarding_headers_are_ignored() {
        let peer = ip("198.51.100.7");
        assert_eq!(client_address(peer, &xff(&["203.0.113.1"]), 0), peer);
    }

    #[test]
    fn the_entry_the_outermost_trusted_proxy_wrote_is_the_client() {
        let peer = ip("10.0.0.2");
        // The client forged the first entry; our one proxy appended the real address.
        let h = xff(&["1.2.3.4, 203.0.113.9"]);
        assert_eq!(client_address(peer, &h, 1), ip("203.0.113.9"));
        // Two proxies: the second appended the first's address.
        let h = xff(&["1.2.3.4", "203.0.113.9, 10.0.0.1"]);
        assert_eq!(client_address(peer, &h, 2), ip("203.0.113.9"));
        // Ports and brackets are allowed in entries.
        assert_eq!(
            client_address(peer, &xff(&["[2001:db8::1]:443"]), 1),
            ip("2001:db8::1")
        );
        assert_eq!(
            client_address(peer, &xff(&["203.0.113.9:5000"]), 1),
            ip("203.0.113.9")
        );
    }

    #[test]
    fn a_missing_or_broken_entry_falls_back_to_the_peer() {
        let peer = ip("10.0.0.2");
        assert_eq!(client_address(peer, &HeaderMap::new(), 1), peer);
        assert_eq!(client_address(peer, &xff(&["1.2.3.4, junk"]), 1), peer);
        // Fewer entries than proxies: the leftmost is still one of ours.
        assert_eq!(
            client_address(peer, &xff(&["203.0.113.9"]), 3),
            ip("203.0.113.9")
        );
    }

    #[test]
    fn a_burst_is_allowed_then_one_request_per_interval() {
        let limiter = RateLimiter::default();
        let quota = Quota::new(60, 3);
        let client = ip("203.0.113.9");
        let t0 = Instant::now();
        for _ in 0..3 {
            assert_eq!(limiter.check(Bucket::SignIn, client, quota, t0), Ok(()));
        }
        let wait = limiter
            .check(Bucket::SignIn, client, quota, t0)
            .unwrap_err();
        assert_eq!(wait, Duration::from_secs(1));
        assert_eq!(retry_after_secs(wait), 1);
        // Another client, and another bucket, are not affected.
        assert_eq!(
            limiter.check(Bucket::SignIn, ip("203.0.113.10"), quota, t0),
            Ok(())
        );
        assert_eq!(limiter.check(Bucket::Submission, client, quota, t0), Ok(()));
        // One interval later, exactly one more.
        let t1 = t0 + Duration::from_secs(1);
        assert_eq!(limiter.check(Bucket::SignIn, client, quota, t1), Ok(()));
        assert!(limiter.check(Bucket::SignIn, client, quota, t1).is_err());
    }

    #[test]
    fn addresses_in_one_ipv6_64_share_a_bucket() {
        let limiter = RateLimiter::default();
        let quota = Quota::new(60, 1);
        let t0 = Instant::now();
        assert!(
            limiter
                .check(Bucket::Submission, ip("2001:db8:1:2::1"), quota, t0)
                .is_ok()
        );
        assert!(
            limiter
                .check(Bucket::Submission, ip("2001:db8:1:2:ffff::9"), quota, t0)
                .is_err()
        );
        assert!(
            limiter
                .check(Bucket::Submission, ip("2001:db8:1:3::1"), quota, t0)
                .is_ok()
        );
    }

    #[test]
    fn only_anonymous_entry_points_are_limited() {
        let post = Method::POST;
        let get = Method::GET;
        assert_eq!(Bucket::of(&post, "/login"), Some(Bucket::SignIn));
        assert_eq!(Bucket::of(&get, "/login"), None);
        assert_eq!(Bucket::of(&post, "/forgot-password"), Some(Bucket::SignIn));
        assert_eq!(Bucket::of(&post, "/reset/abc"), Some(Bucket::SignIn));
        assert_eq!(Bucket::of(&get, "/reset/abc"), None);
        assert_eq!(Bucket::of(&post, "/account/password"), Some(Bucket::SignIn));
        assert_eq!(Bucket::of(&post, "/account"), None);
        assert_eq!(Bucket::of(&post, "/sign-in/code"), Some(Bucket::SignIn));
        assert_eq!(Bucket::of(&get, "/sign-in/code"), None);
        assert_eq!(
            Bucket::of(&post, "/account/two-factor/disable"),
            Some(Bucket::SignIn)
        );
        assert_eq!(Bucket::of(&post, "/account/sign-out-others"), None);
        assert_eq!(Bucket::of(&post, "/s/abc"), Some(Bucket::Submission));
        assert_eq!(Bucket::of(&post, "/e/abc/r/x"), Some(Bucket::Submission));
        assert_eq!(Bucket::of(&get, "/s/abc"), None);
        assert_eq!(
            Bucket::of(&post, "/f/cafe/suggest"),
            Some(Bucket::Submission)
        );
        assert_eq!(
            Bucket::of(&post, "/f/cafe/requests/x/vote"),
            Some(Bucket::Submission)
        );
        assert_eq!(Bucket::of(&get, "/f/cafe"), None);
        assert_eq!(Bucket::of(&get, "/i/tok/9"), Some(Bucket::Submission));
        assert_eq!(Bucket::of(&get, "/i/tok"), None);
        assert_eq!(Bucket::of(&post, "/api/v1/responses"), None);
        assert_eq!(Bucket::of(&post, "/w/demo/journeys"), None);
    }
}
