//! The guard against server-side request forgery: taith sends webhooks only to public
//! addresses. An address that is, resolves to, or redirects to a loopback, private, shared
//! (CGNAT), link-local, multicast, broadcast, unspecified, documentation, reserved,
//! unique-local or site-local address — or an IPv6 form that embeds one (IPv4-mapped,
//! -compatible, NAT64, 6to4, Teredo) — is refused, unless the server was started with an allow
//! list that names it (`taith serve --webhook-allow CIDR`).
//!
//! Checked twice: when an endpoint is saved ([`Guard::check_url`], with the name resolved)
//! and when a delivery connects — the HTTP client resolves names through [`GuardedResolver`],
//! which refuses internal answers, so a name that changed its answer since it was saved
//! (DNS rebinding) is caught at connection; IP literals, which the client does not resolve,
//! are checked before the request; and redirects are not followed.
//!
//! Host names are read as a browser's URL parser reads them (the `url` crate implements the
//! WHATWG URL standard): `2130706433`, `0177.0.0.1`, `0x7f.1`, `127.1` and `0` are IPv4
//! addresses, percent-escapes and full-width digits are decoded, `[::ffff:127.0.0.1]` is an
//! IPv6 address — so what is checked is what would be connected to.

use std::future::Future;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::pin::Pin;
use std::str::FromStr;
use std::sync::Arc;
use url::{Host, Url};

/// A network in CIDR notation (`10.0.0.0/8`, `::1/128`; a bare address is one host).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cidr {
    net: IpAddr,
    prefix: u8,
}

impl FromStr for Cidr {
    type Err = String;
    fn from_str(s: &str) -> Result<Cidr, String> {
        let s = s.trim();
        let (addr, prefix) = match s.split_once('/') {
            Some((a, p)) => (a, Some(p)),
            None => (s, None),
        };
        let net: IpAddr = addr
            .trim_start_matches('[')
            .trim_end_matches(']')
            .parse()
            .map_err(|_| format!("{s:?} is not an address or network (like 10.0.0.0/8)"))?;
        let max = if net.is_ipv4() { 32 } else { 128 };
        let prefix = match prefix {
            None => max,
            Some(p) => p
                .parse::<u8>()
                .ok()
                .filter(|p| *p <= max)
                .ok_or_else(|| format!("{s:?} has a bad prefix length"))?,
        };
        Ok(Cidr { net, prefix })
    }
}

impl std::fmt::Display for Cidr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.net, self.prefix)
    }
}

impl Cidr {
    pub fn contains(&self, ip: IpAddr) -> bool {
        match (self.net, ip) {
            (IpAddr::V4(n), IpAddr::V4(a)) => prefix_eq(&n.octets(), &a.octets(), self.prefix),
            (IpAddr::V6(n), IpAddr::V6(a)) => prefix_eq(&n.octets(), &a.octets(), self.prefix),
            _ => false,
        }
    }
}

fn prefix_eq(a: &[u8], b: &[u8], bits: u8) -> bool {
    let bits = usize::from(bits);
    let (whole, rest) = (bits / 8, bits % 8);
    if a.get(..whole) != b.get(..whole) {
        return false;
    }
    if rest == 0 {
        return true;
    }
    let mask = 0xffu8 << (8 - rest);
    match (a.get(whole), b.get(whole)) {
        (Some(x), Some(y)) => x & mask == y & mask,
        _ => false,
    }
}

fn in_v4(ip: Ipv4Addr, net: [u8; 4], bits: u8) -> bool {
    prefix_eq(&ip.octets(), &net, bits)
}

/// Whether an IPv4 address is anything but a public unicast address.
pub fn is_internal_v4(ip: Ipv4Addr) -> bool {
    const INTERNAL: [([u8; 4], u8); 16] = [
        ([0, 0, 0, 0], 8),       // "this network", unspecified
        ([10, 0, 0, 0], 8),      // private
        ([100, 64, 0, 0], 10),   // shared address space (CGNAT)
        ([127, 0, 0, 0], 8),     // loopback
        ([169, 254, 0, 0], 16),  // link-local (cloud metadata lives here)
        ([172, 16, 0, 0], 12),   // private
        ([192, 0, 0, 0], 24),    // IETF protocol assignments
        ([192, 0, 2, 0], 24),    // documentation (TEST-NET-1)
        ([192, 88, 99, 0], 24),  // 6to4 relay anycast (deprecated)
        ([192, 168, 0, 0], 16),  // private
        ([198, 18, 0, 0], 15),   // benchmarking
        ([198, 51, 100, 0], 24), // documentation (TEST-NET-2)
        ([203, 0, 113, 0], 24),  // documentation (TEST-NET-3)
        ([224, 0, 0, 0], 4),     // multicast
        ([240, 0, 0, 0], 4),     // reserved, and 255.255.255.255 broadcast
        ([255, 255, 255, 255], 32),
    ];
    INTERNAL.iter().any(|(net, bits)| in_v4(ip, *net, *bits))
}

/// The IPv4 address an IPv6 address carries, for the forms that carry one to a v4 host:
/// IPv4-mapped (`::ffff:a.b.c.d`), IPv4-compatible (`::a.b.c.d`), NAT64 (`64:ff9b::/96`),
/// 6to4 (`2002:aabb:ccdd::/16`) and Teredo (`2001::/32`, the client's address inverted).
fn embedded_v4(ip: Ipv6Addr) -> Option<Ipv4Addr> {
    let o = ip.octets();
    let s = ip.segments();
    let last4 = Ipv4Addr::new(o[12], o[13], o[14], o[15]);
    if s[..5] == [0, 0, 0, 0, 0] && (s[5] == 0xffff || s[5] == 0) {
        return Some(last4);
    }
    if s[..6] == [0x64, 0xff9b, 0, 0, 0, 0] {
        return Some(last4);
    }
    if s[0] == 0x2002 {
        return Some(Ipv4Addr::new(o[2], o[3], o[4], o[5]));
    }
    if s[0] == 0x2001 && s[1] == 0 {
        return Some(Ipv4Addr::new(!o[12], !o[13], !o[14], !o[15]));
    }
    None
}

/// Whether an IPv6 address is anything but a public unicast address. Only global unicast
/// (`2000::/3`) can be public; within it, documentation (`2001:db8::/32`, `3fff::/20`),
/// IETF protocol assignments (`2001::/23`, Teredo among them) and 6to4 of an internal IPv4
/// address are not.
pub fn is_internal_v6(ip: Ipv6Addr) -> bool {
    if let Some(v4) = embedded_v4(ip) {
        // Mapped, compatible, NAT64, 6to4 and Teredo reach an IPv4 host: judge that one.
        // (`::` and `::1` are caught here too: 0.0.0.0 and 0.0.0.1 are internal.)
        if is_internal_v4(v4) {
            return true;
        }
    }
    let s = ip.segments();
    let o = ip.octets();
    // Outside 2000::/3: loopback, unspecified, ULA fc00::/7, link-local fe80::/10, site-local
    // fec0::/10, multicast ff00::/8, discard 100::/64, NAT64 local-use 64:ff9b:1::/48 …
    if s[0] & 0xe000 != 0x2000 {
        // Mapped / compatible / NAT64 forms of a public IPv4 address are no way in either:
        // a webhook address is given as the IPv4 address itself.
        return true;
    }
    prefix_eq(&o, &[0x20, 0x01, 0x0d, 0xb8], 32)
        || prefix_eq(&o, &[0x3f, 0xff], 20)
        || prefix_eq(&o, &[0x20, 0x01, 0x00], 23)
}

/// Whether an address is anything but a public unicast address.
pub fn is_internal(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => is_internal_v4(v4),
        IpAddr::V6(v6) => is_internal_v6(v6),
    }
}

/// The future a [`Resolve`] answers with.
pub type Resolving = Pin<Box<dyn Future<Output = std::io::Result<Vec<IpAddr>>> + Send>>;

/// Resolves host names. The system resolver by default; tests inject their own.
pub trait Resolve: Send + Sync + 'static {
    fn resolve(&self, host: &str) -> Resolving;
}

/// The operating system's resolver.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemResolver;

impl Resolve for SystemResolver {
    fn resolve(&self, host: &str) -> Resolving {
        let host = host.to_owned();
        Box::pin(async move {
            let addrs = tokio::net::lookup_host((host.as_str(), 0)).await?;
            Ok(addrs.map(|a| a.ip()).collect())
        })
    }
}

/// Why an address is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    /// Not an http(s) URL with a host (or it carries a user name or password).
    #[error("not an http or https address")]
    Invalid,
    /// The name does not resolve.
    #[error("the host name does not resolve")]
    Unresolvable,
    /// It is, or resolves to, an internal address.
    #[error("an internal address")]
    Internal,
}

/// The error the guarded resolver answers with: the HTTP client reports it as a connection
/// failure, and the delivery records it as a refusal.
#[derive(Debug, thiserror::Error)]
#[error("refused: {0} resolves to an internal address")]
pub struct Blocked(pub String);

/// What may be sent to: the allow list and the resolver.
#[derive(Clone)]
pub struct Guard {
    allow: Arc<Vec<Cidr>>,
    resolver: Arc<dyn Resolve>,
}

impl std::fmt::Debug for Guard {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Guard").field("allow", &self.allow).finish()
    }
}

impl Guard {
    pub fn new(allow: Vec<Cidr>, resolver: Arc<dyn Resolve>) -> Guard {
        Guard {
            allow: Arc::new(allow),
            resolver,
        }
    }

    /// Whether `ip` may be connected to: public, or named by the allow list.
    pub fn permits(&self, ip: IpAddr) -> bool {
        let canonical = ip.to_canonical();
        if self
            .allow
            .iter()
            .any(|c| c.contains(ip) || c.contains(canonical))
        {
            return true;
        }
        !is_internal(ip) && !is_internal(canonical)
    }

    /// Parses a webhook address and checks where it points, resolving a name: the URL when
    /// every address it reaches may be connected to.
    pub async fn check_url(&self, raw: &str) -> Result<Url, Refusal> {
        let url = parse(raw)?;
        match url.host() {
            Some(Host::Ipv4(ip)) => self.check_ip(IpAddr::V4(ip))?,
            Some(Host::Ipv6(ip)) => self.check_ip(IpAddr::V6(ip))?,
            Some(Host::Domain(name)) => {
                self.resolve_checked(name).await?;
            }
            None => return Err(Refusal::Invalid),
        }
        Ok(url)
    }

    fn check_ip(&self, ip: IpAddr) -> Result<(), Refusal> {
        if self.permits(ip) {
            Ok(())
        } else {
            Err(Refusal::Internal)
        }
    }

    /// The addresses `name` resolves to, when all of them may be connected to.
    pub async fn resolve_checked(&self, name: &str) -> Result<Vec<IpAddr>, Refusal> {
        let name = name.trim_end_matches('.').to_ascii_lowercase();
        if name.is_empty() {
            return Err(Refusal::Invalid);
        }
        // Never asked of a resolver: these are this machine by definition (RFC 6761).
        if name == "localhost" || name.ends_with(".localhost") {
            let loopback = [
                IpAddr::V4(Ipv4Addr::LOCALHOST),
                IpAddr::V6(Ipv6Addr::LOCALHOST),
            ];
            return if loopback.iter().all(|ip| self.permits(*ip)) {
                Ok(loopback.to_vec())
            } else {
                Err(Refusal::Internal)
            };
        }
        // A name that is an address in another spelling (which a URL parser would have
        // turned into one): judged as that address.
        if let Ok(ip) = name.parse::<IpAddr>() {
            self.check_ip(ip)?;
            return Ok(vec![ip]);
        }
        let ips = self
            .resolver
            .resolve(&name)
            .await
            .map_err(|_| Refusal::Unresolvable)?;
        if ips.is_empty() {
            return Err(Refusal::Unresolvable);
        }
        if ips.iter().any(|ip| !self.permits(*ip)) {
            return Err(Refusal::Internal);
        }
        Ok(ips)
    }

    /// The resolver the HTTP client connects through.
    pub fn reqwest_resolver(&self) -> Arc<GuardedResolver> {
        Arc::new(GuardedResolver(self.clone()))
    }
}

/// Parses a webhook address: http or https, a host, no user name or password.
pub fn parse(raw: &str) -> Result<Url, Refusal> {
    let url = Url::parse(raw.trim()).map_err(|_| Refusal::Invalid)?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(Refusal::Invalid);
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(Refusal::Invalid);
    }
    if url.host().is_none() {
        return Err(Refusal::Invalid);
    }
    Ok(url)
}

/// The HTTP client's resolver: the guard's, refusing internal answers at connection time.
pub struct GuardedResolver(Guard);

impl reqwest::dns::Resolve for GuardedResolver {
    fn resolve(&self, name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        let guard = self.0.clone();
        let name = name.as_str().to_owned();
        Box::pin(async move {
            match guard.resolve_checked(&name).await {
                Ok(ips) => {
                    let addrs: Vec<SocketAddr> =
                        ips.into_iter().map(|ip| SocketAddr::new(ip, 0)).collect();
                    Ok(Box::new(addrs.into_iter()) as reqwest::dns::Addrs)
                }
                Err(Refusal::Internal) => {
                    Err(Box::new(Blocked(name)) as Box<dyn std::error::Error + Send + Sync>)
                }
                Err(other) => Err(Box::new(std::io::Error::other(other.to_string()))
                    as Box<dyn std::error::Error + Send + Sync>),
            }
        })
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn internal_addresses_of_every_kind_are_internal_and_public_ones_are_not() {
        for s in [
            "0.0.0.0",
            "10.1.2.3",
            "100.64.0.1",
            "127.0.0.1",
            "169.254.169.254",
            "172.16.0.1",
            "172.31.255.255",
            "192.168.1.1",
            "192.0.2.1",
            "198.18.0.1",
            "224.0.0.1",
            "255.255.255.255",
            "240.0.0.1",
            "::",
            "::1",
            "::ffff:127.0.0.1",
            "::ffff:10.0.0.1",
            "::127.0.0.1",
            "64:ff9b::a00:1",
            "2002:7f00:1::",
            "2002:c0a8:101::1",
            "fc00::1",
            "fd12:3456::1",
            "fe80::1",
            "fec0::1",
            "ff02::1",
            "2001:db8::1",
            "2001::1",
            "100::1",
        ] {
            assert!(is_internal(ip(s)), "{s}");
        }
        for s in [
            "93.184.216.34",
            "8.8.8.8",
            "2606:4700::1111",
            "172.32.0.1",
            "100.128.0.1",
        ] {
            assert!(!is_internal(ip(s)), "{s}");
        }
    }

    #[test]
    fn an_allow_list_lets_named_networks_through() {
        let g = Guard::new(
            vec!["127.0.0.0/8".parse().unwrap()],
            Arc::new(SystemResolver),
        );
        assert!(g.permits(ip("127.0.0.1")));
        assert!(g.permits(ip("::ffff:127.0.0.1")));
        assert!(!g.permits(ip("10.0.0.1")));
        assert!("300.0.0.0/8".parse::<Cidr>().is_err());
        assert!("10.0.0.0/33".parse::<Cidr>().is_err());
    }

    #[tokio::test]
    async fn addresses_are_read_as_a_browser_reads_them() {
        let g = Guard::new(vec![], Arc::new(SystemResolver));
        for raw in [
            "http://2130706433/",
            "http://0177.0.0.1/",
            "http://0x7f.1/",
            "http://127.1/",
            "http://0/",
            "http://[::ffff:127.0.0.1]/",
            "http://[::ffff:7f00:1]/",
            "http://localhost./",
            "http://LOCALHOST/",
            "http://a.localhost/",
            "http://%31%32%37.0.0.1/",
        ] {
            assert_eq!(
                g.check_url(raw).await.err(),
                Some(Refusal::Internal),
                "{raw}"
            );
        }
        for raw in [
            "ftp://example.com/",
            "http://a:b@example.com/",
            "not a url",
            "file:///etc/passwd",
        ] {
            assert_eq!(
                g.check_url(raw).await.err(),
                Some(Refusal::Invalid),
                "{raw}"
            );
        }
        assert!(g.check_url("http://93.184.216.34:8080/hook").await.is_ok());
    }
}
