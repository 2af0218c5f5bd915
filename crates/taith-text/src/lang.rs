//! Which language a comment is written in. Only our six are candidates (adding Indonesian
//! would take Malay's texts); a text too short to tell falls back to the locale the customer
//! answered in.
//!
//! Arabic is told by its script. The five Latin-script languages are scored with a flat
//! table of character n-gram log-probabilities taken from lingua's own models
//! (`data/lang/ngrams.tsv`, see `data/lang/NOTICE`): every letter of every word adds
//! ln P(letter | the two before) from the trigram table, backing off to the bigram and then
//! the unigram table with a penalty when the n-gram was not kept. The language with the
//! highest sum wins, unless
//! - the text has fewer than [`MIN_LETTERS`] letters or a single word: the hint decides;
//! - the hint's score is within [`HINT_MARGIN`] nats of the winner's: the hint decides;
//! - even the winner scores far below what its own texts score per letter (French, German…):
//!   `Other`.

use std::collections::HashMap;
use std::sync::OnceLock;

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

/// The Latin-script languages of the n-gram table, in its column order.
const LATIN: [Lang; 5] = [Lang::En, Lang::Cy, Lang::Ms, Lang::Sw, Lang::Vi];
/// Fewer letters than this (or a single word) cannot be told apart: the hint decides.
pub const MIN_LETTERS: usize = 8;
/// A hint whose language scores within this many nats of the best one is kept.
pub const HINT_MARGIN: f32 = 3.0;
/// Confidence given when the hint decided because the text was too short to tell.
const HINT_CONFIDENCE: f32 = 0.3;
/// Penalty, in nats, for each back-off from a trigram to a bigram to a unigram.
const BACKOFF: f32 = 1.0;
/// Log-probability of a letter no table of the language knows.
const FLOOR: f32 = -9.0;
/// Median ln-probability per letter of each language's own sentences (lingua's test set,
/// measured with this table), and how far below it a text may fall and still be that
/// language. Only texts of at least `OTHER_MIN_LETTERS` letters are judged so.
const TYPICAL: [f32; 5] = [-2.96, -3.08, -2.97, -2.85, -3.35];
const OTHER_DROP: f32 = 0.55;
const OTHER_MIN_LETTERS: usize = 20;
const MISSING: i16 = i16::MIN;

struct Table {
    grams: HashMap<u64, [i16; 5], BuildFx>,
}

/// A small multiplicative hasher for the packed n-gram keys (the default SipHash would cost
/// more than the scoring itself).
#[derive(Default, Clone, Copy)]
pub(crate) struct BuildFx;

#[derive(Default)]
pub(crate) struct Fx(u64);

impl std::hash::Hasher for Fx {
    fn finish(&self) -> u64 {
        // The product's high bits depend on every bit of the input, its low bits only on
        // the input's low bits: fold them down, the table indexes by the low bits.
        self.0 ^ (self.0 >> 32)
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.write_u64(u64::from(*b));
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl std::hash::BuildHasher for BuildFx {
    type Hasher = Fx;
    fn build_hasher(&self) -> Fx {
        Fx::default()
    }
}

/// Up to three characters packed into one key (21 bits each).
fn key(chars: &[char]) -> u64 {
    chars
        .iter()
        .fold(0u64, |k, &c| (k << 21) | u64::from(u32::from(c)))
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut grams = HashMap::with_hasher(BuildFx);
        for line in include_str!("../data/lang/ngrams.tsv").lines() {
            if line.starts_with('#') {
                continue;
            }
            let mut fields = line.split('\t');
            let Some(gram) = fields.next() else { continue };
            let chars: Vec<char> = gram.chars().collect();
            if chars.is_empty() || chars.len() > 3 {
                continue;
            }
            let mut row = [MISSING; 5];
            for (slot, field) in row.iter_mut().zip(fields) {
                if let Ok(v) = field.parse::<i16>() {
                    *slot = v;
                }
            }
            grams.insert(key(&chars), row);
        }
        Table { grams }
    })
}

fn is_arabic(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08FF}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

/// Scores of the Latin-script languages for `text`: (sum of log-probabilities per language,
/// letters scored, words scored).
fn latin_scores(text: &str) -> ([f32; 5], usize, usize) {
    let table = table();
    let mut scores = [0f32; 5];
    let mut letters = 0;
    let mut words = 0;
    let mut word: Vec<char> = Vec::with_capacity(32);
    let mut flush = |word: &mut Vec<char>, scores: &mut [f32; 5]| {
        if word.is_empty() {
            return;
        }
        words += 1;
        for i in 0..word.len() {
            letters += 1;
            // Trigram first; the bigram and unigram rows only when a language needs them.
            let mut rows: [Option<Option<&[i16; 5]>>; 3] = [None; 3];
            for (l, score) in scores.iter_mut().enumerate() {
                let mut add = FLOOR;
                let mut penalty = 0.0;
                for (slot, k) in rows.iter_mut().zip([3usize, 2, 1]) {
                    let row = *slot.get_or_insert_with(|| {
                        (i + 1 >= k)
                            .then(|| table.grams.get(&key(&word[i + 1 - k..=i])))
                            .flatten()
                    });
                    if let Some(row) = row
                        && row[l] != MISSING
                    {
                        add = f32::from(row[l]) / 10.0 - penalty;
                        break;
                    }
                    penalty += BACKOFF;
                }
                *score += add;
            }
        }
        word.clear();
    };
    for c in text.chars() {
        if crate::normalize::is_invisible(c) {
            continue;
        }
        if c.is_alphabetic() && !is_arabic(c) {
            word.extend(c.to_lowercase());
            if word.len() > 64 {
                // A "word" this long is noise (a URL, a key held down): score what we have.
                flush(&mut word, &mut scores);
            }
        } else {
            flush(&mut word, &mut scores);
        }
    }
    flush(&mut word, &mut scores);
    (scores, letters, words)
}

/// The language of `text`. `hint` is the locale the customer answered in: it decides a text
/// too short or too mixed to tell.
pub fn detect(text: &str, hint: Option<Lang>) -> Detected {
    let hint = hint.filter(|h| *h != Lang::Other);
    let mut letters = 0usize;
    let mut arabic = 0usize;
    for c in text.chars() {
        if c.is_alphabetic() {
            letters += 1;
            if is_arabic(c) {
                arabic += 1;
            }
        }
    }
    if letters == 0 {
        return Detected {
            lang: Lang::Other,
            confidence: 1.0,
        };
    }
    if arabic * 2 > letters {
        return Detected {
            lang: Lang::Ar,
            confidence: arabic as f32 / letters as f32,
        };
    }
    let (scores, scored, words) = latin_scores(text);
    let mut order = [0usize, 1, 2, 3, 4];
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]));
    let (best, second) = (order[0], order[1]);
    let margin = scores[best] - scores[second];
    let confidence = 1.0 / (1.0 + (-margin).exp());
    if scored < MIN_LETTERS || words < 2 {
        return match hint {
            Some(h) => Detected {
                lang: h,
                confidence: HINT_CONFIDENCE,
            },
            None => Detected {
                lang: LATIN[best],
                confidence: confidence.min(HINT_CONFIDENCE),
            },
        };
    }
    if let Some(h) = hint
        && let Some(hi) = LATIN.iter().position(|l| *l == h)
        && hi != best
        && scores[best] - scores[hi] < HINT_MARGIN
    {
        return Detected {
            lang: h,
            confidence: 1.0 / (1.0 + (scores[best] - scores[hi]).exp()),
        };
    }
    if scored >= OTHER_MIN_LETTERS && scores[best] / (scored as f32) < TYPICAL[best] - OTHER_DROP {
        return Detected {
            lang: Lang::Other,
            confidence: 0.5,
        };
    }
    Detected {
        lang: LATIN[best],
        confidence,
    }
}

/// Script-only detection, the baseline `taith bench text` compares with: Arabic by script,
/// Vietnamese by its tone-marked letters, else the hint (or English).
pub fn detect_by_script(text: &str, hint: Option<Lang>) -> Lang {
    let (mut letters, mut arabic, mut viet) = (0usize, 0usize, 0usize);
    for c in text.chars() {
        if c.is_alphabetic() {
            letters += 1;
            if is_arabic(c) {
                arabic += 1;
            } else if matches!(
                c,
                'ơ' | 'ư' | 'đ' | 'Ơ' | 'Ư' | 'Đ' | '\u{1EA0}'..='\u{1EF9}'
            ) {
                viet += 1;
            }
        }
    }
    if letters == 0 {
        Lang::Other
    } else if arabic * 2 > letters {
        Lang::Ar
    } else if viet > 0 {
        Lang::Vi
    } else {
        hint.unwrap_or(Lang::En)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lang(text: &str, hint: Option<Lang>) -> Lang {
        detect(text, hint).lang
    }

    #[test]
    fn each_language_has_its_typical_sentence() {
        let cases = [
            (
                "The delivery was late again and nobody answered the phone.",
                Lang::En,
            ),
            (
                "Roedd y staff yn gyfeillgar iawn ac roedd y bwyd yn flasus.",
                Lang::Cy,
            ),
            (
                "Penghantaran sangat lambat dan saya tidak berpuas hati dengan perkhidmatan.",
                Lang::Ms,
            ),
            (
                "Huduma ilikuwa nzuri sana na wafanyakazi walikuwa wakarimu.",
                Lang::Sw,
            ),
            ("الموظفون كانوا لطفاء جدا والخدمة ممتازة", Lang::Ar),
            (
                "Nhân viên rất thân thiện và giao hàng nhanh chóng.",
                Lang::Vi,
            ),
        ];
        for (text, want) in cases {
            assert_eq!(lang(text, None), want, "{text}");
            // A wrong hint does not overrule a clear sentence.
            assert_eq!(lang(text, Some(Lang::En)), want, "{text}");
        }
    }

    #[test]
    fn short_texts_fall_back_to_the_hint() {
        assert_eq!(lang("Asante sana", Some(Lang::Sw)), Lang::Sw);
        assert_eq!(lang("Diolch", Some(Lang::Cy)), Lang::Cy);
        let d = detect("Great", Some(Lang::Ms));
        assert_eq!(d.lang, Lang::Ms);
        assert!(d.confidence < 0.5);
    }

    #[test]
    fn malay_is_malay() {
        assert_eq!(
            lang(
                "Saya suka kedai ini kerana harganya berpatutan dan pekerjanya peramah.",
                None
            ),
            Lang::Ms
        );
    }

    #[test]
    fn punctuation_and_emoji_are_other() {
        assert_eq!(detect("!!! ??? 👍👍 :-)", Some(Lang::En)).lang, Lang::Other);
        assert_eq!(detect("", None).lang, Lang::Other);
        assert_eq!(detect("12345", Some(Lang::Cy)).lang, Lang::Other);
    }

    #[test]
    fn an_unrelated_language_is_other() {
        assert_eq!(
            lang(
                "Le personnel était très aimable mais la livraison est arrivée avec beaucoup de retard.",
                None
            ),
            Lang::Other
        );
    }

    #[test]
    fn bidi_and_zero_width_characters_change_nothing() {
        let plain = "Roedd y staff yn gyfeillgar iawn ac roedd y bwyd yn flasus.";
        let hostile = "\u{202E}Roedd y st\u{200B}aff yn gyfe\u{200D}illgar iawn\u{202C} ac roedd y bwyd yn fla\u{FEFF}sus.";
        assert_eq!(detect(plain, None), detect(hostile, None));
    }

    #[test]
    fn many_emoji_do_not_blow_up() {
        let text = "😀".repeat(5000);
        assert_eq!(detect(&text, None).lang, Lang::Other);
        let long = "good ".repeat(5000);
        assert_eq!(detect(&long, None).lang, Lang::En);
    }
}
