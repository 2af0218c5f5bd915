//! Comments are hostile text: zero-width and bidi controls, mixed scripts, one emoji 5,000
//! times. Everything else in this crate reads text through [`normalize`].

/// The text with control, zero-width and bidi formatting characters removed, case folded,
/// Arabic letter variants unified (alef forms, ta marbuta, alef maqsura, diacritics, tatweel)
/// and runs of whitespace collapsed to one space.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = true;
    for c in text.chars() {
        if c.is_whitespace() {
            if !space {
                out.push(' ');
                space = true;
            }
            continue;
        }
        if is_invisible(c) {
            continue;
        }
        match arabic(c) {
            Some(None) => continue,
            Some(Some(a)) => out.push(a),
            None => out.extend(c.to_lowercase()),
        }
        space = false;
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// Controls, zero-width characters and bidi formatting: never part of a word.
pub(crate) fn is_invisible(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}' | '\u{00AD}')
}

/// Arabic letter forms written interchangeably: Some(None) drops the character (diacritics,
/// tatweel), Some(Some(c)) replaces it, None leaves it alone.
fn arabic(c: char) -> Option<Option<char>> {
    match c {
        'أ' | 'إ' | 'آ' | 'ٱ' => Some(Some('ا')),
        'ة' => Some(Some('ه')),
        'ى' => Some(Some('ي')),
        '\u{0640}' | '\u{064B}'..='\u{065F}' | '\u{0670}' => Some(None),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_characters_are_dropped_and_case_folded() {
        assert_eq!(
            normalize("  Da\u{200B}iawn \u{202E}IAWN\u{202C}\n\n"),
            "daiawn iawn"
        );
        assert_eq!(normalize("الْمُوَظَّفـــين أسعار"), "الموظفين اسعار");
        assert_eq!(normalize(""), "");
    }
}
