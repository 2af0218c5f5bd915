//! The web tracker's public ingest (`POST /t/{site_key}`).
//!
//! Hostile by default: the body is a small JSON beacon ([`Beacon`]) from any page on the
//! internet. What happens to it, in order:
//! 1. bots are dropped: empty user agents, known crawlers, `HeadlessChrome`, and beacons that
//!    say `navigator.webdriver` was set;
//! 2. the site is found by its key, and the page's `Origin` (else its address) must be one
//!    of the site's hostnames — an unknown key, another workspace's key and a disallowed host
//!    are dropped alike, and the sender gets the same answer as for a stored event;
//! 3. the beacon is parsed into an event with the caps of `taith_domain::event` (private
//!    query parameters stripped);
//! 4. the distinct-URL flood cap: per site and second, after [`FLOOD_URLS`] distinct
//!    addresses a new address is kept as its path alone, and after [`FLOOD_PATHS`] distinct
//!    ones the event is dropped;
//! 5. the visitor id is a hash of the day's salt (from the store, rotated daily, the day
//!    before's deleted), the site, the address and the user agent — no cookie, no local
//!    storage, and not recomputable once the salt is gone; the session is the same visitor
//!    within 30 minutes (kept in this node's memory);
//! 6. the touchpoint comes from the site's URL patterns; a page view whose address carries
//!    the site's search parameter is also a search (its result count from the page's
//!    `data-taith-results`, sent as `c`);
//! 7. the events go through the group commit.

use super::Events;
use sha2::{Digest, Sha256};
use std::collections::{HashMap, HashSet};
use std::net::IpAddr;
use std::sync::{Arc, Mutex};
use taith_domain::event::{query_param, url_path};
use taith_domain::{Event, EventDetail, EventInput, Locale, Site, SiteId, WorkspaceId};
use taith_store::{StoreError, StoredEvent};
use time::OffsetDateTime;

/// Distinct page addresses a site may send in one second before new ones are cut to their
/// path.
pub const FLOOD_URLS: usize = 200;
/// Distinct addresses (after cutting) a site may send in one second before new ones are
/// dropped.
pub const FLOOD_PATHS: usize = 400;
/// A visitor's events more than this apart are two sessions.
pub const SESSION_GAP_SECS: i64 = 30 * 60;
/// Largest beacon body, in bytes.
pub const MAX_BEACON_BYTES: usize = 8 * 1024;

/// What the tracker sends: short names to keep the script small.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct Beacon {
    /// The event type (wire name).
    #[serde(default)]
    pub t: Option<String>,
    /// The page's address.
    #[serde(default)]
    pub u: Option<String>,
    /// `document.referrer`.
    #[serde(default)]
    pub r: Option<String>,
    /// Screen width in CSS pixels.
    #[serde(default)]
    pub w: Option<u32>,
    /// Search result count (`data-taith-results`, or `taith('search', {results})`).
    #[serde(default)]
    pub c: Option<i64>,
    /// Search query, when given explicitly.
    #[serde(default)]
    pub q: Option<String>,
    /// Goal.
    #[serde(default)]
    pub g: Option<String>,
    /// Goal value.
    #[serde(default)]
    pub v: Option<f64>,
    /// Task name, success, duration.
    #[serde(default)]
    pub n: Option<String>,
    #[serde(default)]
    pub s: Option<bool>,
    #[serde(default)]
    pub d: Option<i64>,
    /// Error kind.
    #[serde(default)]
    pub k: Option<String>,
    /// Click target (an outbound link's address).
    #[serde(default)]
    pub x: Option<String>,
    /// `navigator.language`.
    #[serde(default)]
    pub l: Option<String>,
    /// `navigator.webdriver` was set.
    #[serde(default)]
    pub b: Option<bool>,
}

/// A beacon as received, with what the request says about its sender.
#[derive(Debug, Clone)]
pub struct Hit<'a> {
    pub site_key: &'a str,
    pub origin: Option<&'a str>,
    pub address: IpAddr,
    pub user_agent: &'a str,
    pub beacon: Beacon,
}

/// What became of a beacon. The sender gets the same answer for all of them.
#[derive(Debug, Clone, PartialEq)]
pub enum Tracked {
    Stored(Vec<StoredEvent>),
    /// A bot, an unknown key or a host the site does not allow, or the flood cap.
    Dropped(&'static str),
    /// The beacon's fields did not parse.
    Invalid,
}

#[derive(Default)]
struct State {
    salt: Option<(i64, Vec<u8>)>,
    /// visitor id → (session id, last seen, unix seconds).
    sessions: HashMap<String, (String, i64)>,
    /// site → (second, distinct addresses seen in it).
    flood: HashMap<SiteId, (i64, HashSet<String>)>,
}

/// The tracker's per-node state: the day's salt, open sessions, the flood counters.
#[derive(Clone, Default)]
pub struct Tracker {
    state: Arc<Mutex<State>>,
}

impl std::fmt::Debug for Tracker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Tracker")
    }
}

const BOTS: [&str; 16] = [
    "bot",
    "crawl",
    "spider",
    "slurp",
    "headlesschrome",
    "phantomjs",
    "lighthouse",
    "facebookexternalhit",
    "python-requests",
    "curl/",
    "wget/",
    "go-http-client",
    "java/",
    "httpclient",
    "preview",
    "monitor",
];

/// Whether a user agent is a crawler or a headless browser.
pub fn is_bot(user_agent: &str) -> bool {
    let ua = user_agent.to_ascii_lowercase();
    ua.trim().is_empty() || BOTS.iter().any(|b| ua.contains(b))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The screen width class shown on the dashboard.
fn screen_class(width: u32) -> &'static str {
    match width {
        0..576 => "mobile",
        576..992 => "tablet",
        992..1440 => "laptop",
        _ => "desktop",
    }
}

/// The host of an address (`shop.example` of `https://shop.example:8443/a`).
fn host_of(url: &str) -> Option<&str> {
    let rest = url.split_once("://")?.1;
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit('@').next()?;
    Some(taith_domain::site::host_without_port(host)).filter(|h| !h.is_empty())
}

impl Tracker {
    async fn salt(&self, events: &Events, now: OffsetDateTime) -> Result<Vec<u8>, StoreError> {
        let day = now.unix_timestamp().div_euclid(86_400);
        if let Ok(state) = self.state.lock()
            && let Some((d, salt)) = &state.salt
            && *d == day
        {
            return Ok(salt.clone());
        }
        let mut candidate = [0u8; 32];
        getrandom::fill(&mut candidate)
            .map_err(|e| StoreError::internal(format!("no OS randomness: {e}")))?;
        let salt = events.store.visitor_salt(day, &candidate).await?;
        if let Ok(mut state) = self.state.lock() {
            state.salt = Some((day, salt.clone()));
        }
        Ok(salt)
    }

    fn session(&self, visitor: &str, now: OffsetDateTime) -> String {
        let t = now.unix_timestamp();
        let Ok(mut state) = self.state.lock() else {
            return visitor.to_owned();
        };
        if state.sessions.len() > 100_000 {
            state
                .sessions
                .retain(|_, (_, seen)| t - *seen <= SESSION_GAP_SECS);
        }
        let entry = state
            .sessions
            .entry(visitor.to_owned())
            .or_insert_with(|| (String::new(), i64::MIN / 2));
        if entry.0.is_empty() || t - entry.1 > SESSION_GAP_SECS {
            let id = Sha256::digest(format!("{visitor}:{t}").as_bytes());
            entry.0 = hex(&id[..8]);
        }
        entry.1 = t;
        entry.0.clone()
    }

    /// The flood cap: the address to keep (as is, or cut to its path), or None to drop.
    fn flood(&self, site: SiteId, url: String, now: OffsetDateTime) -> Option<String> {
        let second = now.unix_timestamp();
        let Ok(mut state) = self.state.lock() else {
            return Some(url);
        };
        let (at, seen) = state.flood.entry(site).or_default();
        if *at != second {
            *at = second;
            seen.clear();
        }
        if seen.contains(&url) {
            return Some(url);
        }
        if seen.len() < FLOOD_URLS {
            seen.insert(url.clone());
            return Some(url);
        }
        let path = url_path(&url).to_owned();
        if seen.contains(&path) {
            return Some(path);
        }
        if seen.len() < FLOOD_PATHS {
            seen.insert(path.clone());
            return Some(path);
        }
        None
    }

    /// Takes one beacon (module docs) received at `now`.
    pub async fn track(
        &self,
        events: &Events,
        hit: Hit<'_>,
        now: OffsetDateTime,
    ) -> Result<Tracked, StoreError> {
        if is_bot(hit.user_agent) || hit.beacon.b == Some(true) {
            return Ok(Tracked::Dropped("bot"));
        }
        let Some((ws, site)) = events.store.site_by_key(hit.site_key).await? else {
            return Ok(Tracked::Dropped("unknown site"));
        };
        let b = &hit.beacon;
        let page_host = hit
            .origin
            .filter(|o| *o != "null")
            .and_then(host_of)
            .or_else(|| b.u.as_deref().and_then(host_of));
        if !page_host.is_some_and(|h| site.fields.allows_host(h)) {
            return Ok(Tracked::Dropped("host not allowed"));
        }
        let Some(mut main) = parse_beacon(b, now) else {
            return Ok(Tracked::Invalid);
        };
        if let Some(url) = main.url.take() {
            match self.flood(site.id, url, now) {
                Some(url) => main.url = Some(url),
                None => return Ok(Tracked::Dropped("flood")),
            }
        }
        let salt = self.salt(events, now).await?;
        let mut h = Sha256::new();
        h.update(&salt);
        h.update(site.id.as_uuid().as_bytes());
        h.update(hit.address.to_string().as_bytes());
        h.update([0]);
        h.update(hit.user_agent.as_bytes());
        let visitor = hex(&h.finalize()[..16]);
        let session = self.session(&visitor, now);
        let batch = self.complete(ws, &site, main, b, visitor, session);
        Ok(Tracked::Stored(events.submit(ws, batch).await?))
    }

    /// The event(s) of one beacon: its own, and a search for a page view of the search page.
    fn complete(
        &self,
        _ws: WorkspaceId,
        site: &Site,
        mut main: Event,
        b: &Beacon,
        visitor: String,
        session: String,
    ) -> Vec<Event> {
        main.visitor_id = Some(visitor);
        main.session_id = Some(session);
        main.site_id = Some(site.id);
        main.touchpoint_id = main
            .url
            .as_deref()
            .and_then(|u| site.fields.touchpoint_for(u));
        main.locale =
            b.l.as_deref()
                .and_then(|l| Locale::from_tag(l.split(['-', '_']).next().unwrap_or(l)));
        let page_host = main.url.as_deref().and_then(host_of).map(str::to_owned);
        if let Some(referrer) = b.r.as_deref().and_then(host_of)
            && Some(referrer) != page_host.as_deref()
            && referrer.len() <= 253
        {
            main.attributes
                .insert("referrer".into(), referrer.to_ascii_lowercase());
        }
        if let Some(w) = b.w {
            main.attributes
                .insert("screen".into(), screen_class(w).to_owned());
        }
        let mut out = Vec::with_capacity(2);
        // A page view of the search page is also a search.
        if main.detail == EventDetail::PageView
            && let Some(query) = main
                .url
                .as_deref()
                .and_then(|u| query_param(u, &site.fields.search_param))
            && let Ok(query) = taith_domain::event::event_text(&query)
            && !query.is_empty()
        {
            let mut search = main.clone();
            search.id = taith_domain::EventId::new();
            search.detail = EventDetail::Search {
                query,
                result_count: b.c.and_then(|c| u32::try_from(c).ok()),
            };
            out.push(main);
            out.push(search);
            return out;
        }
        // An explicit search names its query, or takes it from the address.
        if let EventDetail::Search { query, .. } = &mut main.detail
            && query.is_empty()
        {
            *query = main
                .url
                .as_deref()
                .and_then(|u| query_param(u, &site.fields.search_param))
                .and_then(|q| taith_domain::event::event_text(&q).ok())
                .unwrap_or_default();
            if query.is_empty() {
                return out;
            }
        }
        out.push(main);
        out
    }
}

/// The beacon as an event (no visitor, session, site or touchpoint yet); None when it does
/// not parse.
fn parse_beacon(b: &Beacon, now: OffsetDateTime) -> Option<Event> {
    let t = b.t.as_deref().unwrap_or("page_view");
    let input = EventInput {
        event_type: Some(t.to_owned()),
        url: b.u.clone(),
        // An explicit search without a query takes it from the address (filled in later).
        query: match t {
            "search" => Some(b.q.clone().unwrap_or_else(|| "-".into())),
            _ => None,
        },
        result_count: b.c,
        goal: b.g.clone(),
        value: b.v,
        name: b.n.clone(),
        success: b.s,
        duration_ms: b.d,
        kind: b.k.clone(),
        target: b.x.clone(),
        ..EventInput::default()
    };
    let mut event = input.parse(now).ok()?;
    if t == "search"
        && b.q.is_none()
        && let EventDetail::Search { query, .. } = &mut event.detail
    {
        query.clear();
    }
    Some(event)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn crawlers_and_headless_browsers_are_bots() {
        for ua in [
            "",
            "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0 Safari/537.36",
            "curl/8.0",
        ] {
            assert!(is_bot(ua), "{ua}");
        }
        assert!(!is_bot(
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36"
        ));
    }

    #[test]
    fn hosts_are_read_from_addresses() {
        assert_eq!(
            host_of("https://shop.example:8443/a?b"),
            Some("shop.example")
        );
        assert_eq!(host_of("http://127.0.0.1:3000"), Some("127.0.0.1"));
        assert_eq!(host_of("/relative"), None);
    }

    #[test]
    fn the_flood_cap_cuts_then_drops() {
        let t = Tracker::default();
        let site = SiteId::new();
        let now = time::macros::datetime!(2026-03-02 09:00 UTC);
        for i in 0..FLOOD_URLS {
            assert_eq!(
                t.flood(site, format!("/p?i={i}"), now),
                Some(format!("/p?i={i}"))
            );
        }
        assert_eq!(t.flood(site, "/p?i=x".into(), now), Some("/p".into()));
        for i in 0..(FLOOD_PATHS - FLOOD_URLS - 1) {
            assert!(t.flood(site, format!("/n{i}?a"), now).is_some());
        }
        assert_eq!(t.flood(site, "/other".into(), now), None);
        // The next second starts again.
        assert!(
            t.flood(site, "/other".into(), now + time::Duration::seconds(1))
                .is_some()
        );
    }
}
