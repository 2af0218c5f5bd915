//! Choosing a locale from what a browser or a link asks for. The input is up to four lines:
//! an `Accept-Language` value, a query string, a `taith_lang` cookie value, and a `?lang=` as a
//! survey page gets it. Run through:
//!
//! - `Locale::from_tag` and `Locale::negotiate` (taith-domain);
//! - `ctx::negotiate_locale` on a request with that query, cookie and header (admin pages);
//! - `ui::respond::customer_locale` for each fixture survey (survey pages);
//! - `ctx::Visitor::language_links` (the language picker's links).
//!
//! Properties, besides never panicking:
//! - a tag is read by its primary subtag, whatever its case; every locale reads its own tag;
//! - `negotiate` picks a language the header names, ignores case (language tags and the `q`
//!   parameter are case-insensitive), and a leading `vi` always wins;
//! - `negotiate_locale` follows its documented order (`?lang=`, cookie, header, English);
//! - a survey page is shown in a locale the survey is written in (or its default), the one
//!   asked for when it has it, else the header's best when the survey has that one;
//! - each language link, followed, selects its language.
#![no_main]

use axum::http::{HeaderMap, HeaderValue, Request, Uri, header};
use libfuzzer_sys::fuzz_target;
use taith_domain::Locale;
use taith_fuzz::fixture;
use taith_i18n::Tr;
use taith_web::http::ctx::{LANG_COOKIE, Visitor, cookie, negotiate_locale};
use taith_web::respond::pages::customer_locale;

fn primary(tag: &str) -> String {
    tag.trim()
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase()
}

fn check_tag(tag: &str) {
    let l = Locale::from_tag(tag);
    if let Some(l) = l {
        assert_eq!(primary(tag), l.tag(), "{tag:?} read as {l:?}");
    }
    assert_eq!(Locale::from_tag(&tag.to_ascii_uppercase()), l);
    assert_eq!(Locale::from_tag(&tag.to_ascii_lowercase()), l);
}

fn check_negotiate(accept: &str) {
    let got = Locale::negotiate(accept);
    if let Some(l) = got {
        assert!(
            accept
                .split(',')
                .take(32)
                .any(|e| Locale::from_tag(e.split(';').next().unwrap_or("")) == Some(l)),
            "{l:?} is not named in {accept:?}"
        );
    }
    assert_eq!(
        Locale::negotiate(&accept.to_ascii_lowercase()),
        got,
        "case changes the choice for {accept:?}"
    );
    assert_eq!(Locale::negotiate(&format!("vi,{accept}")), Some(Locale::Vi));
}

fn request(query: Option<&str>, lang_cookie: Option<&[u8]>, accept: Option<&[u8]>) -> Request<()> {
    let mut uri: Uri = "/w/bara/journeys".parse().unwrap_or_default();
    if let Some(q) = query
        && let Ok(u) = format!("/w/bara/journeys?{q}").parse::<Uri>()
    {
        uri = u;
    }
    let mut r = Request::new(());
    *r.uri_mut() = uri;
    if let Some(c) = lang_cookie {
        let mut v = b"theme=dark; ".to_vec();
        v.extend_from_slice(LANG_COOKIE.as_bytes());
        v.push(b'=');
        v.extend_from_slice(c);
        if let Ok(v) = HeaderValue::from_bytes(&v) {
            r.headers_mut().insert(header::COOKIE, v);
        }
    }
    if let Some(a) = accept
        && let Ok(v) = HeaderValue::from_bytes(a)
    {
        r.headers_mut().insert(header::ACCEPT_LANGUAGE, v);
    }
    r
}

fuzz_target!(|data: &[u8]| {
    let mut lines = data.splitn(4, |b| *b == b'\n');
    let accept = lines.next().unwrap_or_default();
    let query = lines.next().and_then(|q| std::str::from_utf8(q).ok());
    let lang_cookie = lines.next();
    let asked = lines
        .next()
        .and_then(|a| std::str::from_utf8(a).ok())
        .unwrap_or("");

    if let Ok(a) = std::str::from_utf8(accept) {
        check_tag(a);
        check_negotiate(a);
    }
    check_tag(asked);
    for l in Locale::ALL {
        assert_eq!(Locale::from_tag(l.tag()), Some(l));
        assert_eq!(Locale::from_tag(&format!("{}-GB", l.tag())), Some(l));
    }

    // Admin pages: `?lang=`, then the cookie, then the header, then English.
    let (parts, ()) = request(query, lang_cookie, Some(accept)).into_parts();
    let got = negotiate_locale(&parts);
    let from_query = parts.uri.query().and_then(|q| {
        serde_urlencoded::from_str::<Vec<(String, String)>>(q)
            .ok()?
            .into_iter()
            .find(|(k, _)| k == "lang")
            .and_then(|(_, v)| Locale::from_tag(&v))
    });
    let from_cookie = cookie(&parts.headers, LANG_COOKIE).and_then(Locale::from_tag);
    let from_header = parts
        .headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(Locale::negotiate);
    assert_eq!(
        got,
        from_query
            .or(from_cookie)
            .or(from_header)
            .unwrap_or(Locale::En),
        "negotiate_locale's order"
    );

    // The language picker: each link selects its language and keeps the rest of the query.
    let path = parts
        .uri
        .path_and_query()
        .map(|p| p.as_str().to_owned())
        .unwrap_or_else(|| "/".into());
    let visitor = Visitor {
        tr: Tr::new(got),
        signed_in: None,
        pending: None,
        pre_session_csrf: None,
        path,
        origin: "https://taith.example".into(),
    };
    for (l, link) in visitor.language_links() {
        let uri: Uri = link
            .parse()
            .unwrap_or_else(|e| panic!("language link {link:?} is not a URI: {e}"));
        let mut r = Request::new(());
        *r.uri_mut() = uri;
        *r.headers_mut() = parts.headers.clone();
        let (followed, ()) = r.into_parts();
        assert_eq!(negotiate_locale(&followed), l, "link {link:?}");
    }

    // Survey pages: a locale the survey is written in, or its default.
    let mut headers = HeaderMap::new();
    if let Ok(v) = HeaderValue::from_bytes(accept) {
        headers.insert(header::ACCEPT_LANGUAGE, v);
    }
    let customer = lang_cookie
        .and_then(|c| std::str::from_utf8(c).ok())
        .and_then(Locale::from_tag);
    let header_best = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(Locale::negotiate);
    for survey in fixture().surveys() {
        let offered = |l: Locale| survey.fields.question.has(l);
        let shown = customer_locale(survey, asked, customer, &headers);
        assert!(
            offered(shown) || shown == survey.fields.default_locale,
            "{shown:?} for a survey not written in it"
        );
        let asked_l = Locale::from_tag(asked).filter(|l| offered(*l));
        let customer_l = customer.filter(|l| offered(*l));
        match (asked_l, customer_l, header_best) {
            (Some(l), _, _) => assert_eq!(shown, l, "?lang= first"),
            (None, Some(l), _) => assert_eq!(shown, l, "then the customer's language"),
            (None, None, Some(l)) if offered(l) => {
                assert_eq!(shown, l, "then the header's best")
            }
            _ => {}
        }
    }
});
