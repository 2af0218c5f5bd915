//! A form as shown again after a failed submission: the values typed and each field's
//! message in the user's language.

use std::collections::BTreeMap;
use taith_domain::ValidationErrors;
use taith_i18n::Tr;

#[derive(Debug, Clone, Default)]
pub struct FormView {
    values: BTreeMap<String, String>,
    errors: BTreeMap<String, String>,
}

impl FormView {
    pub fn new() -> FormView {
        FormView::default()
    }

    pub fn with(mut self, field: &str, value: impl ToString) -> FormView {
        self.values.insert(field.to_owned(), value.to_string());
        self
    }

    pub fn set(&mut self, field: &str, value: impl ToString) {
        self.values.insert(field.to_owned(), value.to_string());
    }

    /// Records the errors, worded in `tr`'s language.
    pub fn with_errors(mut self, errors: &ValidationErrors, tr: &Tr) -> FormView {
        for e in &errors.0 {
            self.errors
                .entry(e.field.clone())
                .or_insert_with(|| tr.issue(e.issue));
        }
        self
    }

    pub fn error_message(mut self, field: &str, message: String) -> FormView {
        self.errors.insert(field.to_owned(), message);
        self
    }

    /// The value of a field ("" when unset).
    pub fn v(&self, field: &str) -> &str {
        self.values.get(field).map(String::as_str).unwrap_or("")
    }

    /// The message for a field, if it has one.
    pub fn e(&self, field: &str) -> Option<&str> {
        self.errors.get(field).map(String::as_str)
    }

    /// Each field's message, by field.
    pub fn errors(&self) -> impl Iterator<Item = (&str, &str)> {
        self.errors.iter().map(|(f, e)| (f.as_str(), e.as_str()))
    }

    pub fn has_errors(&self) -> bool {
        !self.errors.is_empty()
    }

    /// True when the field's value equals `option` (for selects and radios).
    pub fn is(&self, field: &str, option: &str) -> bool {
        self.v(field) == option
    }
}
