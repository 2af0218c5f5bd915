//! Voice of the customer: the themes a workspace's comments are about, and the written text
//! of a response that the text analytics reads.

use crate::survey::{AnswerValue, NewResponse};
use crate::{Name, ThemeId};
use time::OffsetDateTime;

/// How a theme came to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThemeOrigin {
    /// Found by discovery in the workspace's comments.
    Found,
    /// Made (or split off) by staff.
    Staff,
}

impl ThemeOrigin {
    pub fn as_str(self) -> &'static str {
        match self {
            ThemeOrigin::Found => "found",
            ThemeOrigin::Staff => "staff",
        }
    }

    pub fn parse(s: &str) -> Option<ThemeOrigin> {
        match s {
            "found" => Some(ThemeOrigin::Found),
            "staff" => Some(ThemeOrigin::Staff),
            _ => None,
        }
    }
}

/// What staff can change of a theme.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThemeFields {
    pub name: Name,
    /// The normalised key phrases (in any language) a comment mentions the theme by.
    pub phrases: Vec<String>,
    /// Shown first, and never changed by discovery.
    pub pinned: bool,
    /// Dismissed: not shown, and discovery does not bring it back.
    pub hidden: bool,
}

/// A theme of a workspace's comments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    pub id: ThemeId,
    pub fields: ThemeFields,
    pub origin: ThemeOrigin,
    pub created_at: OffsetDateTime,
    pub updated_at: OffsetDateTime,
}

/// Most phrases one theme holds; a theme is a topic, not a dictionary.
pub const MAX_THEME_PHRASES: usize = 200;

impl NewResponse {
    /// What the customer wrote: the comment and each open-text follow-up answer, one per
    /// line; empty when they wrote nothing.
    pub fn written_text(&self) -> String {
        let mut parts: Vec<&str> = Vec::new();
        if !self.comment.as_str().is_empty() {
            parts.push(self.comment.as_str());
        }
        for a in &self.answers {
            if let AnswerValue::Text(t) = &a.value
                && !t.trim().is_empty()
            {
                parts.push(t);
            }
        }
        parts.join("\n")
    }
}
