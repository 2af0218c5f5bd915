//! What every page's frame needs: language, direction, navigation, the CSRF token.

use crate::ctx::{Member, Visitor};
use taith_domain::{Action, Locale};
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
        }
    }

    pub fn visitor(v: &Visitor) -> Layout {
        Layout {
            t: v.tr.clone(),
            csrf: v.csrf_token().unwrap_or_default().to_owned(),
            user_name: v.signed_in.as_ref().map(|s| s.user.name.to_string()),
            workspace: None,
            nav: "",
            languages: v.language_links(),
            can_manage: false,
        }
    }

    pub fn member(m: &Member, nav: &'static str) -> Layout {
        Layout {
            workspace: Some((m.workspace.slug.to_string(), m.workspace.name.to_string())),
            nav,
            can_manage: m.may(Action::ManageMembers),
            ..Layout::visitor(&m.visitor)
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
