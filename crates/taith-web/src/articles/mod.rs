//! The knowledge base and the help centre: the owner's pages ([`pages`]: the list with status
//! and locales, categories, the form with one title/body pair per locale, publish), the public
//! help centre ([`public`], `/h/{slug}`) and the API ([`api`], [`wire`]). The rules are in
//! `taith_app::articles`.
//!
//! The one `|safe` in these templates is an article's body after
//! `taith_app::articles::render` (pulldown-cmark, then ammonia): a [`SafeHtml`] can be made
//! nowhere else. Every other value is auto-escaped.
//!
//! [`SafeHtml`]: taith_app::articles::SafeHtml

pub mod api;
pub mod pages;
pub mod public;
pub mod wire;

use crate::http::routes::Routes;

/// The knowledge base's pages, owner and public.
pub fn routes(r: Routes) -> Routes {
    r.get("/w/{slug}/articles", pages::list)
        .post("/w/{slug}/articles", pages::create)
        .get("/w/{slug}/articles/new", pages::new_form)
        .post("/w/{slug}/articles/categories", pages::create_category)
        .post(
            "/w/{slug}/articles/categories/{id}/delete",
            pages::delete_category,
        )
        .get("/w/{slug}/articles/{id}", pages::show)
        .post("/w/{slug}/articles/{id}", pages::update)
        .post("/w/{slug}/articles/{id}/status", pages::set_status)
        .post("/w/{slug}/articles/{id}/delete", pages::delete)
        // The public help centre: no sign-in.
        .get("/h/{slug}", public::home)
        .get("/h/{slug}/search", public::search)
        .get("/h/{slug}/a/{article_slug}", public::article)
}
