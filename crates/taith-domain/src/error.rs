//! Validation errors: which field, and what is wrong with it, as a stable code.
//!
//! The issue is a code, not a sentence: the web layer words it in the user's language and the
//! API sends the code itself in `details[].issue`.

use serde::Serialize;

/// What is wrong with one field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Issue {
    /// Empty where a value is needed.
    Required,
    /// Longer than the field allows.
    TooLong,
    /// Not of the expected form (e-mail, slug, id, number…).
    Invalid,
    /// Not one of the allowed values.
    UnknownValue,
    /// Names something that does not exist in this workspace.
    NotFound,
    /// Already taken.
    Taken,
    /// Password shorter than the minimum.
    TooShort,
    /// Does not match the other field (password confirmation).
    Mismatch,
    /// Ends before it starts (a period's end date before its start).
    BeforeStart,
    /// A web address that is, or resolves to, an internal one (loopback, private, link-local
    /// …): taith does not send requests there.
    InternalAddress,
    /// A time that must be in the future is not (a snooze until a past time).
    InPast,
}

impl Issue {
    /// The stable code sent by the API and used as the translation key suffix.
    pub fn code(self) -> &'static str {
        match self {
            Issue::Required => "required",
            Issue::TooLong => "too_long",
            Issue::Invalid => "invalid",
            Issue::UnknownValue => "unknown_value",
            Issue::NotFound => "not_found",
            Issue::Taken => "taken",
            Issue::TooShort => "too_short",
            Issue::Mismatch => "mismatch",
            Issue::BeforeStart => "before_start",
            Issue::InternalAddress => "internal_address",
            Issue::InPast => "in_past",
        }
    }
}

/// One field's problem.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    pub field: String,
    pub issue: Issue,
}

/// All problems found in one input; never empty when returned as an error.
#[derive(Debug, Clone, Default, PartialEq, Eq, thiserror::Error)]
#[error("invalid input: {}", self.0.iter().map(|e| format!("{} {}", e.field, e.issue.code())).collect::<Vec<_>>().join(", "))]
pub struct ValidationErrors(pub Vec<FieldError>);

impl ValidationErrors {
    pub fn one(field: impl Into<String>, issue: Issue) -> Self {
        ValidationErrors(vec![FieldError {
            field: field.into(),
            issue,
        }])
    }

    pub fn push(&mut self, field: impl Into<String>, issue: Issue) {
        self.0.push(FieldError {
            field: field.into(),
            issue,
        });
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Keeps the value when it parsed; otherwise records its error under `field`.
    pub fn check<T>(&mut self, field: &str, parsed: Result<T, Issue>) -> Option<T> {
        match parsed {
            Ok(v) => Some(v),
            Err(issue) => {
                self.push(field, issue);
                None
            }
        }
    }

    /// `Ok(())` when nothing was recorded.
    pub fn into_result(self) -> Result<(), ValidationErrors> {
        if self.0.is_empty() { Ok(()) } else { Err(self) }
    }

    pub fn issue_for(&self, field: &str) -> Option<Issue> {
        self.0.iter().find(|e| e.field == field).map(|e| e.issue)
    }
}
