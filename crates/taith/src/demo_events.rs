//! The demo bakery's web site: "Becws web shop" on becws.example, its tracker's URL patterns
//! bound to the web-shop journey's touchpoints (product pages, live chat, checkout and
//! delivery slot), searches on `/chwilio?q=`. The year of events on it is seeded elsewhere
//! (the web statistics' demo).

use anyhow::{Result, anyhow};
use taith_domain::{SiteInput, UrlPatternInput, WorkspaceId};
use taith_store::Store;

/// Path patterns of the web shop and the touchpoint (by name) each belongs to, first match
/// first.
const PATTERNS: [(&str, &str); 6] = [
    ("/basged*", "Checkout and delivery slot"),
    ("/checkout*", "Checkout and delivery slot"),
    ("/sgwrs*", "Live chat"),
    ("/chat*", "Live chat"),
    ("/cynnyrch/*", "Web shop product pages"),
    ("/products/*", "Web shop product pages"),
];

/// Creates the web shop's site; answers it (with its key) for the events' seeding.
pub async fn seed_site(store: &dyn Store, ws: WorkspaceId) -> Result<taith_domain::Site> {
    let touchpoints = store.touchpoint_refs(ws).await?;
    let mut patterns = Vec::new();
    for (pattern, touchpoint) in PATTERNS {
        let t = touchpoints
            .iter()
            .find(|t| t.name == touchpoint)
            .ok_or_else(|| anyhow!("the demo has no touchpoint {touchpoint:?}"))?;
        patterns.push(UrlPatternInput {
            pattern: pattern.to_owned(),
            touchpoint_id: t.id.to_string(),
        });
    }
    let input = SiteInput {
        name: "Becws web shop".to_owned(),
        hostnames: vec!["becws.example".to_owned(), "*.becws.example".to_owned()],
        patterns,
        search_param: "q".to_owned(),
    };
    taith_app::events::sites::create_site(store, ws, &input)
        .await
        .map_err(|e| anyhow!("creating the demo's web shop site: {e}"))
}
