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
            let tag = entry.split(';').next().unwrap_or("").trim();
            let Some(quality) = Locale::accept_weight(entry) else {
                continue;
            };
            if let Some(locale) = Locale::from_tag(tag)
                && best.is_none_or(|(q, _)| quality > q)
            {
                best = Some((quality, locale));
            }
        }
        best.map(|(_, l)| l)
    }

    /// The weight of one `Accept-Language` entry (`cy;q=0.8`): its `q` parameter, whose name
    /// is case-insensitive (`Q=0.8`, as HTTP's grammar reads it), 1 without one. `None` for a
    /// weight of 0 (not wanted) or one that cannot be read, which is ignored rather than taken
    /// at full weight.
    pub fn accept_weight(entry: &str) -> Option<f32> {
        let q = entry.split(';').skip(1).find_map(|p| {
            let p = p.trim();
            p.get(..2)
                .filter(|name| name.eq_ignore_ascii_case("q="))
                .and_then(|_| p.get(2..))
        });
        let quality = match q {
            None => 1.0,
            Some(q) => q.trim().parse::<f32>().ok()?,
        };
        (quality > 0.0 && quality <= 1.0).then_some(quality)
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

    /// Found by the `locale` fuzz target (`fuzz/fuzz_targets/locale.rs`): `Q=` was not read as a weight, so
    /// `EN;Q=0.5` counted at full weight and beat `sw;q=1`, which comes later.
    #[test]
    fn the_weight_parameter_is_read_whatever_its_case() {
        assert_eq!(Locale::negotiate("EN-us;Q=0.5,SW;q=1"), Some(Locale::Sw));
        assert_eq!(Locale::negotiate("en;Q=0"), None);
        assert_eq!(Locale::accept_weight("cy;Q=0.25"), Some(0.25));
        assert_eq!(Locale::accept_weight("cy"), Some(1.0));
        assert_eq!(Locale::accept_weight("cy;q=2"), None);
    }

    #[test]
    fn only_arabic_is_right_to_left() {
        for l in Locale::ALL {
            assert_eq!(l.is_rtl(), l == Locale::Ar);
        }
    }
}
