//! Coaching per team and per agent: the page ([`pages`]) and the API ([`api`], [`wire`]).
//! The rules (who sees what, how the leaderboard ranks) are in `taith_app::coaching`.

pub mod api;
pub mod pages;
pub mod wire;

use crate::http::routes::Routes;
use taith_app::coaching::Viewer;
use taith_domain::{Action, Principal};

pub fn routes(r: Routes) -> Routes {
    r.get("/w/{slug}/coaching", pages::page)
}

/// What `principal` may see of coaching; None: nothing (a viewer).
pub fn viewer_of(principal: &Principal) -> Option<Viewer> {
    if principal.may(Action::CoachAll) {
        Some(Viewer::All)
    } else if principal.may(Action::CoachSelf) {
        match principal {
            Principal::Member { user, .. } => Some(Viewer::Own {
                name: user.name.to_string(),
                email: user.email.to_string(),
            }),
            Principal::Token { .. } => None,
        }
    } else {
        None
    }
}
