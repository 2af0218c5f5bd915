//! The demo's voice of the customer: the theme a bakery's owner would make first — the
//! delivery fee that checkout detractors complain about (the demo's story, in all six
//! languages) — pinned. The rest of the themes, every comment's language and sentiment, and
//! the models learned from the demo's scores come from the running app's workers, as they
//! would for a real business.

use anyhow::{Context, Result};
use taith_app::voc::themes;
use taith_domain::WorkspaceId;
use taith_store::Store;

/// The staff-made themes: a name and its phrases in the six languages.
const THEMES: [(&str, &str); 1] = [(
    "Delivery fee",
    "delivery fee, tâl danfon, caj penghantaran, ada ya usafirishaji, رسوم التوصيل, phí giao hàng",
)];

pub async fn seed_themes(store: &dyn Store, ws: WorkspaceId) -> Result<()> {
    for (name, phrases) in THEMES {
        let theme = themes::create(store, ws, name, phrases)
            .await
            .with_context(|| format!("creating the demo theme {name}"))?;
        themes::change(
            store,
            ws,
            theme.id,
            &themes::ThemeChange {
                pinned: Some(true),
                ..Default::default()
            },
        )
        .await
        .with_context(|| format!("pinning the demo theme {name}"))?;
    }
    Ok(())
}
