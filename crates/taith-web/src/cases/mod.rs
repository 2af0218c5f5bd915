//! Cases: "my cases", all cases, one case, the settings and opening a case by hand
//! ([`pages`]); the API ([`api`], [`wire`]); the figures on the dashboard and a touchpoint's
//! page ([`figures`]). The rules are in `taith_app::cases`.

pub mod api;
pub mod figures;
pub mod pages;
pub mod wire;

use crate::http::routes::Routes;

/// The cases' pages.
pub fn routes(r: Routes) -> Routes {
    r.get("/w/{slug}/cases", pages::all)
        .get("/w/{slug}/cases/mine", pages::mine)
        .post("/w/{slug}/cases/open", pages::open)
        .get("/w/{slug}/cases/settings", pages::settings_form)
        .post("/w/{slug}/cases/settings/sla", pages::save_sla)
        .post(
            "/w/{slug}/cases/settings/root-causes",
            pages::save_root_causes,
        )
        .post("/w/{slug}/cases/settings/rules", pages::save_rules)
        .get("/w/{slug}/cases/{id}", pages::show)
        .post("/w/{slug}/cases/{id}", pages::update)
        .post("/w/{slug}/members/{id}/teams", pages::set_teams)
}
