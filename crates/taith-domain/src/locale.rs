//! The UI locales taith speaks, and choosing one from what a browser or customer asks for.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A locale of taith's interface. Arabic is written right to left.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    #[default]
    En,
    Cy,
    Ms,
    Sw,
    Ar,
    Vi,
}

/// Text direction of a locale's script.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Ltr,
    Rtl,
}

impl Direction {
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }
}

impl Locale {
    pub const ALL: [Locale; 6] = [
        Locale::En,
        Locale::Cy,
        Locale::Ms,
        Locale::Sw,
        Locale::Ar,
        Locale::Vi,
    ];

    /// The BCP 47 language tag, as used in `lang` attributes and file names.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Cy => "cy",
            Locale::Ms => "ms",
            Locale::Sw => "sw",
            Locale::Ar => "ar",
            Locale::Vi => "vi",
        }
    }

    /// The locale's own name for itself, for language pickers.
    pub fn endonym(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::Cy => "Cymraeg",
            Locale::Ms => "Bahasa Melayu",
            Locale::Sw => "Kiswahili",
            Locale::Ar => "العربية",
            Locale::Vi => "Tiếng Việt",
        }
    }

    pub fn direction(self) -> Direction {
        match self {
            Locale::Ar => Direction::Rtl,
            _ => Direction::Ltr,
        }
    }

    pub fn is_rtl(self) -> bool {
        self.direction() == Direction::Rtl
    }

    /// Reads a BCP 47 tag by its primary language subtag (`cy-GB` → Welsh); `None` when taith
    /// does not speak it.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Locale::ALL.into_iter().find(|l| l.tag() == primary)
    }

    /// The best locale for an `Accept-Language` header: the highest-weighted language taith
    /// speaks, earlier entries winning ties; `None` when none matches.
    pub fn negotiate(accept_language: &str) -> Option<Locale> {
        let mut best: Option<(f32, Locale)> = None;
        for entry in accept_language.split(',').take(32) {
            let mut parts = entry.split(';');
            let tag = parts.next().unwrap_or("").trim();
            // An entry whose weight cannot be read is ignored rather than taken at full weight.
            let quality = match parts.find_map(|p| p.trim().strip_prefix("q=")) {
                None => 1.0,
                Some(q) => q.trim().parse::<f32>().unwrap_or(-1.0),
            };
            if !(quality > 0.0 && quality <= 1.0) {
                continue;
            }
            if let Some(locale) = Locale::from_tag(tag)
                && best.is_none_or(|(q, _)| quality > q)
            {
                best = Some((quality, locale));
            }
        }
        best.map(|(_, l)| l)
    }
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

impl FromStr for Locale {
    type Err = crate::Issue;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Locale::from_tag(s).ok_or(crate::Issue::UnknownValue)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_picks_the_highest_weighted_locale_taith_speaks() {
        assert_eq!(
            Locale::negotiate("fr-FR, cy;q=0.8, en;q=0.5"),
            Some(Locale::Cy)
        );
        assert_eq!(Locale::negotiate("ar-EG,ar;q=0.9"), Some(Locale::Ar));
        assert_eq!(Locale::negotiate("de, fr"), None);
        assert_eq!(Locale::negotiate("vi;q=0.2, sw;q=0.9"), Some(Locale::Sw));
        assert_eq!(Locale::negotiate(""), None);
        assert_eq!(Locale::negotiate("en;q=nonsense, ms"), Some(Locale::Ms));
    }

    #[test]
    fn only_arabic_is_right_to_left() {
        for l in Locale::ALL {
            assert_eq!(l.is_rtl(), l == Locale::Ar);
        }
    }
}
