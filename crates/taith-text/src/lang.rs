//! Which language a comment is written in. Only our six are candidates (adding Indonesian
//! would take Malay's texts); a text too short to tell falls back to the locale the customer
//! answered in.

/// A language taith reads, or another one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    En,
    Cy,
    Ms,
    Sw,
    Ar,
    Vi,
    /// Any other language, or none that can be told (only punctuation, only emoji).
    Other,
}

impl Lang {
    /// Our six languages, in the order of the UI's locales.
    pub const SIX: [Lang; 6] = [Lang::En, Lang::Cy, Lang::Ms, Lang::Sw, Lang::Ar, Lang::Vi];

    /// The code stored and shown: a BCP 47 language code, or `other`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Cy => "cy",
            Lang::Ms => "ms",
            Lang::Sw => "sw",
            Lang::Ar => "ar",
            Lang::Vi => "vi",
            Lang::Other => "other",
        }
    }

    /// The language of a stored code or of a locale tag (`cy`, `cy-GB`); None for a code that
    /// is neither ours nor `other`.
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.split(['-', '_']).next().unwrap_or(code);
        Lang::SIX
            .into_iter()
            .chain([Lang::Other])
            .find(|l| l.code().eq_ignore_ascii_case(primary))
    }
}

/// A detected language and how sure the detector is (0–1; the hint's language when the text
/// could not tell).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Detected {
    pub lang: Lang,
    pub confidence: f32,
}

/// The language of `text`. `hint` is the locale the customer answered in: it decides a text
/// too short or too mixed to tell.
pub fn detect(text: &str, hint: Option<Lang>) -> Detected {
    // Placeholder until the trigram detector lands: Arabic by script, else the hint.
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    if letters == 0 {
        return Detected {
            lang: Lang::Other,
            confidence: 1.0,
        };
    }
    let arabic = text
        .chars()
        .filter(|c| ('\u{0600}'..='\u{06FF}').contains(c))
        .count();
    if arabic * 2 > letters {
        return Detected {
            lang: Lang::Ar,
            confidence: 1.0,
        };
    }
    Detected {
        lang: hint.unwrap_or(Lang::Other),
        confidence: 0.0,
    }
}
