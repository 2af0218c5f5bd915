//! What every page's frame needs: language, direction, navigation, the CSRF token. It knows
//! nothing of requests: [`crate::http::ctx`] makes one for a visitor or a member.

use taith_domain::Locale;
use taith_i18n::Tr;

/// The frame of a page (`templates/base.html`).
#[derive(Debug, Clone)]
pub struct Layout {
    pub t: Tr,
    pub csrf: String,
    pub user_name: Option<String>,
    /// `(slug, name)` of the current workspace.
    pub workspace: Option<(String, String)>,
    /// Which navigation item is current: `journeys`, `personas`, `members`, `tokens`.
    pub nav: &'static str,
    pub languages: Vec<(Locale, String)>,
    pub can_manage: bool,
    /// May read cases (the navigation's link).
    pub cases: bool,
    /// May open and work cases (the "open a case" buttons).
    pub work_cases: bool,
    /// May read the inbox (the navigation's link).
    pub inbox: bool,
    /// May read what customers wrote (the FAQ gaps link).
    pub responses: bool,
    /// May read the audit log and govern the workspace's data (owners).
    pub govern: bool,
}

impl Layout {
    /// A frame with no navigation (error pages).
    pub fn bare(t: Tr) -> Layout {
        Layout {
            t,
            csrf: String::new(),
            user_name: None,
            workspace: None,
            nav: "",
            languages: Vec::new(),
            can_manage: false,
            cases: false,
            work_cases: false,
            inbox: false,
            responses: false,
            govern: false,
        }
    }

    /// The workspace's base path, `/w/{slug}`.
    pub fn base(&self) -> String {
        self.workspace
            .as_ref()
            .map(|(s, _)| format!("/w/{s}"))
            .unwrap_or_default()
    }

    pub fn is_current_language(&self, l: &Locale) -> bool {
        *l == self.t.locale
    }
}
