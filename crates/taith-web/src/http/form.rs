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

#[cfg(test)]
mod tests {
    /// The opening tags of `element` in `html`, up to their `>` (a `>` inside a template
    /// tag `{% … %}` or `{{ … }}` does not end the tag).
    fn tags<'a>(html: &'a str, element: &str) -> Vec<&'a str> {
        let open = format!("<{element}");
        let mut found = Vec::new();
        for (start, _) in html.match_indices(&open) {
            let rest = &html[start..];
            let after = rest[open.len()..].chars().next().unwrap_or('>');
            if !(after.is_whitespace() || after == '>') {
                continue;
            }
            let mut depth = 0i32;
            let mut end = rest.len();
            for (i, c) in rest.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    '>' if depth == 0 => {
                        end = i + 1;
                        break;
                    }
                    _ => {}
                }
            }
            found.push(&rest[..end]);
        }
        found
    }

    /// Text a person types: no `type`, or text, e-mail, search, URL or telephone.
    fn takes_text(input: &str) -> bool {
        let Some((_, rest)) = input.split_once(" type=\"") else {
            return true;
        };
        let kind = rest.split('"').next().unwrap_or("");
        matches!(kind, "text" | "email" | "search" | "url" | "tel")
    }

    /// Each template's text fields say how to set their direction (`dir="auto"` where the
    /// person chooses, or a fixed `dir`), so that Arabic typed on an English page, or English
    /// on an Arabic one, is shown the right way round while it is typed.
    #[test]
    fn every_text_field_in_every_template_declares_its_direction() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
        let mut stack = vec![root];
        let mut missing = Vec::new();
        let mut seen = 0;
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    stack.push(path);
                    continue;
                }
                let html = std::fs::read_to_string(&path).unwrap_or_default();
                let fields = tags(&html, "input")
                    .into_iter()
                    .filter(|t| takes_text(t))
                    .chain(tags(&html, "textarea"));
                for tag in fields {
                    seen += 1;
                    if !tag.contains(" dir=\"") {
                        missing.push(format!("{}: {tag}", path.display()));
                    }
                }
            }
        }
        assert!(
            seen > 10,
            "only {seen} text fields found: is the scan broken?"
        );
        assert!(missing.is_empty(), "text fields without dir: {missing:#?}");
    }

    #[test]
    fn the_scan_sees_fields_without_a_direction() {
        let html = r#"<input name="a" {% if x > 1 %}aria-invalid="true"{% endif %}>
            <input type="email" name="b" dir="auto"><input type="number" name="c">
            <textarea name="d"></textarea><inputs>"#;
        let text: Vec<_> = tags(html, "input")
            .into_iter()
            .filter(|t| super::tests::takes_text(t))
            .collect();
        assert_eq!(text.len(), 2);
        assert!(text[0].ends_with("{% endif %}>"));
        assert!(!text[0].contains(" dir=\""));
        assert!(text[1].contains(" dir=\""));
        assert_eq!(tags(html, "textarea").len(), 1);
    }
}
