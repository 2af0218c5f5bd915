//! The FAQ bot: the owner's FAQ gaps page with the synonyms form ([`pages`],
//! `/w/{slug}/faq-gaps`), the widget's public question route ([`pages::public_ask`],
//! `POST /h/{slug}/bot/ask`, rate-limited like the other public submissions) and the API
//! ([`api`], [`wire`]). The rules are in `taith_app::bot`.

pub mod api;
pub mod pages;
pub mod wire;

use crate::http::routes::Routes;

/// The FAQ bot's pages, owner and public.
pub fn routes(r: Routes) -> Routes {
    r.get("/w/{slug}/faq-gaps", pages::gaps)
        .post("/w/{slug}/faq-gaps/synonyms", pages::add_synonym)
        .post(
            "/w/{slug}/faq-gaps/synonyms/{id}/delete",
            pages::delete_synonym,
        )
        // The widget's and the help centre's bot: no sign-in.
        .post("/h/{slug}/bot/ask", pages::public_ask)
}
