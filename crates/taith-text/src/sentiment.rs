//! Sentiment: positive, neutral or negative with a confidence, from a linear model over
//! hashed word and character n-gram features, one per language. Each starts as the shipped
//! base model and learns from the business's own scored answers (promoters' comments are
//! evidence of positive, detractors' of negative).
//!
//! **Features.** The text is normalised ([`crate::normalize::normalize`]) and cut into words
//! (and emoji). Each word gives a word feature, a pair of neighbouring words a bigram feature,
//! and each word's character 3- and 4-grams (with word boundaries) give character features,
//! which carry Swahili's and Welsh's morphology and spelling variants. All are hashed into
//! [`BUCKETS`] = 2^18 weights: a workspace's vocabulary of words, pairs and character
//! n-grams is 10^5–10^6 items, and 2^18 keeps collisions rare among the features that matter
//! at 1 MiB of f32 per language.
//!
//! **Negation and intensifiers**, per language (see [`Rules`]): a negator ("not", "dim",
//! "tidak", "si", "ليس", "không"…) marks the next words up to the end of the clause (at most
//! [`NEGATION_WINDOW`] words, more for Vietnamese syllables) as negated, and a negated word is
//! a different feature (`¬good`). Swahili's negative verb forms ("hakuna", "haikuwa",
//! "sitarudi") are negators themselves. An intensifier ("very", "iawn", "sangat", "sana",
//! "جدا", "rất") multiplies the value of the word it qualifies (before or after it, as each
//! language puts it) by [`INTENSITY`].
//!
//! **Model.** Logistic regression: p(positive) = σ(w·x + b). The base model of a language
//! starts from its lexicon (see `data/sentiment/NOTICE`): a word scored s in −5..5 starts at
//! weight s·[`LEXICON_WEIGHT`] and its negated feature at the opposite half. It then learns
//! from the language's TRAIN comments (neutral ones with target ½), [`BASE_EPOCHS`] epochs of
//! normalised SGD with L2 toward the lexicon, once per process on first use (`OnceLock`;
//! ~2,000 comments for English, ~250 for the others: milliseconds). [`Model::train`] goes on
//! from the current weights with L2 toward the base weights, so a few business answers adjust
//! the prior rather than replace it.
//!
//! **Three-way output.** Neutral when p lies within [`NEUTRAL_BAND`] of ½ (nothing fires, or
//! the evidence cancels out); otherwise the side p leans to, with confidence max(p, 1 − p).
//! A neutral answer's confidence runs from 0.5 at the band's edge to 1 at p = ½. `None` when the
//! text has no letters or emoji, or no feature of it has a weight.

use crate::data::fnv1a;
use crate::normalize::normalize;
use crate::{Lang, data};
use std::sync::{Arc, OnceLock};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Polarity {
    Negative,
    Neutral,
    Positive,
}

impl Polarity {
    pub fn code(self) -> &'static str {
        match self {
            Polarity::Negative => "negative",
            Polarity::Neutral => "neutral",
            Polarity::Positive => "positive",
        }
    }

    pub fn from_code(code: &str) -> Option<Polarity> {
        [Polarity::Negative, Polarity::Neutral, Polarity::Positive]
            .into_iter()
            .find(|p| p.code() == code)
    }
}

/// A comment's sentiment and how sure the model is (0.5–1 for the side it leans to).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Sentiment {
    pub polarity: Polarity,
    pub confidence: f32,
}

/// A training label: what the score a comment came with says of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    Positive,
    Negative,
}

/// One labelled comment to learn from.
#[derive(Debug, Clone, Copy)]
pub struct Example<'a> {
    pub text: &'a str,
    pub label: Label,
}

/// A stored model that cannot be read: rebuild it from the base model and the answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelError(pub &'static str);

impl std::fmt::Display for ModelError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the sentiment model cannot be read: {}", self.0)
    }
}

impl std::error::Error for ModelError {}

/// Number of hashed feature weights per model (2^18, see the module's doc).
pub const BUCKETS: usize = 1 << 18;
/// Words after a negator that it negates (the clause ends it sooner).
pub const NEGATION_WINDOW: usize = 3;
/// Factor an intensifier puts on the word it qualifies.
pub const INTENSITY: f32 = 1.8;
/// Weight per point of lexicon score (−5..5).
pub const LEXICON_WEIGHT: f32 = 0.35;
/// Neutral when |p − ½| is below this.
pub const NEUTRAL_BAND: f32 = 0.12;
/// Epochs over the TRAIN comments when building a base model.
pub const BASE_EPOCHS: usize = 8;
/// Epochs over new examples in [`Model::train`].
pub const TRAIN_EPOCHS: usize = 3;
/// Step of the normalised SGD: the share of the error corrected per example.
const STEP: f32 = 2.0;
/// Pull toward the anchor (lexicon or base) per update of a feature.
const L2: f32 = 0.002;
const WORD_VALUE: f32 = 1.0;
const BIGRAM_VALUE: f32 = 0.6;
const CHAR_VALUE: f32 = 0.15;
const MAGIC: &[u8; 8] = b"TAITHSM\x01";
const VERSION: u16 = 1;

/// One feature of a text: a weight index and its value.
type Feature = (u32, f32);

/// One language's sentiment model.
#[derive(Clone, PartialEq)]
pub struct Model {
    lang: Lang,
    trained_on: u64,
    bias: f32,
    /// Shared with the base model (and other clones) until trained: copy on write.
    weights: Arc<Vec<f32>>,
}

impl std::fmt::Debug for Model {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Model")
            .field("lang", &self.lang)
            .field("trained_on", &self.trained_on)
            .field("bias", &self.bias)
            .field("weights", &self.weights.len())
            .finish()
    }
}

/// Negators and intensifiers of one language.
pub struct Rules {
    pub negators: &'static [&'static str],
    /// Intensifiers placed before the word they qualify ("very good").
    pub before: &'static [&'static str],
    /// Intensifiers placed after it ("da iawn", "nzuri sana").
    pub after: &'static [&'static str],
    /// How many words a negator reaches.
    pub window: usize,
}

/// The negation and intensifier words of `lang` (normalised forms).
pub fn rules(lang: Lang) -> &'static Rules {
    match lang {
        Lang::En | Lang::Other => &Rules {
            negators: &[
                "not", "no", "never", "nothing", "nobody", "none", "neither", "nor", "without",
                "cannot", "cant", "dont", "doesnt", "didnt", "isnt", "wasnt", "arent", "werent",
                "wont", "wouldnt", "couldnt", "shouldnt", "hardly", "havent", "hasnt",
            ],
            before: &[
                "very",
                "really",
                "so",
                "extremely",
                "super",
                "highly",
                "totally",
                "absolutely",
                "truly",
                "incredibly",
                "too",
            ],
            after: &[],
            window: NEGATION_WINDOW,
        },
        Lang::Cy => &Rules {
            negators: &[
                "dim", "ddim", "nid", "na", "nad", "ni", "byth", "heb", "nac",
            ],
            before: &["mor", "gwir", "hynod", "rhy", "tra"],
            after: &["iawn", "dros", "ofnadwy"],
            window: NEGATION_WINDOW,
        },
        Lang::Ms => &Rules {
            negators: &[
                "tidak", "tak", "bukan", "jangan", "belum", "tiada", "tanpa", "takkan", "tk", "x",
            ],
            before: &["sangat", "amat", "sungguh", "terlalu", "paling", "cukup"],
            after: &["sekali", "betul", "sangat"],
            window: NEGATION_WINDOW,
        },
        Lang::Sw => &Rules {
            negators: &[
                "si", "hapana", "sio", "siyo", "la", "bila", "wala", "hakuna",
            ],
            before: &["mno"],
            after: &["sana", "kabisa", "mno", "zaidi"],
            window: NEGATION_WINDOW,
        },
        Lang::Ar => &Rules {
            negators: &[
                "لا", "ليس", "ليست", "لم", "لن", "ما", "غير", "بدون", "لست", "ولا", "مش", "بلا",
            ],
            before: &["جدا", "اكثر", "كثيرا"],
            after: &["جدا", "للغايه", "كثيرا", "تماما"],
            window: NEGATION_WINDOW,
        },
        Lang::Vi => &Rules {
            negators: &["không", "chẳng", "chưa", "đừng", "chả", "ko", "k", "hổng"],
            before: &["rất", "quá", "cực", "siêu", "thật", "khá"],
            after: &["lắm", "quá", "nhất", "cực"],
            window: 4,
        },
    }
}

/// Swahili words starting with "ha" or "si" that are not negative verb forms.
const SW_NOT_NEGATIVE: &[&str] = &[
    "habari", "haraka", "hali", "hasa", "hapa", "hapo", "hata", "hadi", "haki", "hasara", "hasira",
    "hawa", "haya", "hayo", "hakika", "harufu", "hatua", "hatari", "hamu", "sikio", "sikioni",
    "sikukuu", "siku", "simu", "sifa", "siri", "sisi", "siasa", "silaha", "sinema", "sio", "siagi",
    "sigara", "sindano",
];

/// Is `word` a negative verb form of Swahili ("hakuna", "haikuwa", "sikufurahi", "sitarudi")?
fn swahili_negative_verb(word: &str) -> bool {
    if word.len() < 5 || SW_NOT_NEGATIVE.iter().any(|w| word.starts_with(w)) {
        return false;
    }
    // ha + subject marker (hatu-, hawa-, hai-, haku-, hazi-…) or si + tense (siku-, sita-,
    // sija-, sipendi).
    let prefixes = [
        "haku", "hatu", "hawa", "hai", "hau", "hali", "haya", "hazi", "havi", "haki", "hamu",
        "hata", "haja", "hana", "hayo", "siku", "sita", "sija", "sipend", "sina", "sioni",
        "sitaki", "sijui",
    ];
    prefixes.iter().any(|p| word.starts_with(p))
}

fn is_negator(lang: Lang, rules: &Rules, word: &str) -> bool {
    if rules.negators.contains(&word) {
        return true;
    }
    match lang {
        Lang::En | Lang::Other => word.ends_with("n't") || word.ends_with("n’t"),
        Lang::Sw => swahili_negative_verb(word),
        _ => false,
    }
}

/// A word of a text with its negation and intensity.
struct Token<'t> {
    text: &'t str,
    negated: bool,
    value: f32,
}

/// Emoji and other pictographs are words of their own.
fn is_symbol(c: char) -> bool {
    !c.is_alphanumeric()
        && !c.is_whitespace()
        && !c.is_ascii()
        && u32::from(c) >= 0x2190
        && c != '\u{FE0F}'
        && c != '\u{200D}'
}

/// The tokens of normalised text; `clause` ends (punctuation) stop negation.
fn tokens<'t>(lang: Lang, norm: &'t str) -> Vec<Token<'t>> {
    let rules = rules(lang);
    let mut out: Vec<Token<'t>> = Vec::new();
    let mut negate_left = 0usize;
    let mut boost_next = false;
    let mut start: Option<usize> = None;
    let push_word = |s: usize,
                     e: usize,
                     out: &mut Vec<Token<'t>>,
                     negate_left: &mut usize,
                     boost_next: &mut bool| {
        let word = &norm[s..e];
        let word = word.trim_matches('\'');
        if word.is_empty() {
            return;
        }
        if is_negator(lang, rules, word) {
            out.push(Token {
                text: word,
                negated: false,
                value: WORD_VALUE,
            });
            *negate_left = rules.window;
            return;
        }
        if rules.before.contains(&word) {
            // "quá" and "sangat" can qualify either neighbour.
            if rules.after.contains(&word)
                && let Some(prev) = out.last_mut()
            {
                prev.value *= INTENSITY;
            }
            out.push(Token {
                text: word,
                negated: *negate_left > 0,
                value: WORD_VALUE,
            });
            *boost_next = true;
            return;
        }
        if rules.after.contains(&word) {
            if let Some(prev) = out.last_mut() {
                prev.value *= INTENSITY;
            }
            out.push(Token {
                text: word,
                negated: false,
                value: WORD_VALUE,
            });
            return;
        }
        let mut value = WORD_VALUE;
        if *boost_next {
            value *= INTENSITY;
            *boost_next = false;
        }
        let negated = *negate_left > 0;
        *negate_left = negate_left.saturating_sub(1);
        out.push(Token {
            text: word,
            negated,
            value,
        });
    };
    for (i, c) in norm.char_indices() {
        let in_word = c.is_alphanumeric() || c == '\'' || c == '’' || is_combining(c);
        if in_word {
            if start.is_none() {
                start = Some(i);
            }
            continue;
        }
        if let Some(s) = start.take() {
            push_word(s, i, &mut out, &mut negate_left, &mut boost_next);
        }
        if is_symbol(c) {
            let e = i + c.len_utf8();
            out.push(Token {
                text: &norm[i..e],
                negated: false,
                value: WORD_VALUE,
            });
        } else if matches!(
            c,
            '.' | ',' | ';' | ':' | '!' | '?' | '،' | '؛' | '؟' | '(' | ')'
        ) {
            negate_left = 0;
            boost_next = false;
        }
    }
    if let Some(s) = start.take() {
        push_word(s, norm.len(), &mut out, &mut negate_left, &mut boost_next);
    }
    out
}

/// Combining marks (Vietnamese typed with combining tones) stay inside words.
fn is_combining(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}')
}

fn bucket(kind: u8, parts: &[&[u8]]) -> u32 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ u64::from(kind);
    for part in parts {
        for b in *part {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        h ^= 0xff;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    // Fold the high bits in: FNV's low bits alone mix poorly.
    ((h ^ (h >> 29) ^ (h >> 47)) as usize % BUCKETS) as u32
}

const NEG: &[u8] = "¬".as_bytes();

fn word_bucket(word: &str, negated: bool) -> u32 {
    if negated {
        bucket(1, &[NEG, word.as_bytes()])
    } else {
        bucket(1, &[word.as_bytes()])
    }
}

fn bigram_bucket(a: &str, b: &str) -> u32 {
    bucket(2, &[a.as_bytes(), b" ", b.as_bytes()])
}

/// The hashed features of `text` in `lang`; empty when it has no word.
pub(crate) fn features(lang: Lang, text: &str) -> Vec<Feature> {
    let norm = normalize(text);
    let toks = tokens(lang, &norm);
    let mut out: Vec<Feature> = Vec::with_capacity(toks.len() * 16);
    let mut padded = String::with_capacity(64);
    let mut bounds: Vec<usize> = Vec::with_capacity(64);
    for (i, t) in toks.iter().enumerate() {
        out.push((word_bucket(t.text, t.negated), t.value));
        if let Some(next) = toks.get(i + 1) {
            out.push((bigram_bucket(t.text, next.text), BIGRAM_VALUE));
        }
        padded.clear();
        padded.push('<');
        padded.push_str(t.text);
        padded.push('>');
        bounds.clear();
        bounds.extend(padded.char_indices().map(|(i, _)| i));
        bounds.push(padded.len());
        let chars = bounds.len() - 1;
        if chars < 4 {
            continue;
        }
        let value = CHAR_VALUE * t.value;
        let neg: &[u8] = if t.negated { NEG } else { b"" };
        for n in 3..=4usize {
            for s in 0..=chars.saturating_sub(n) {
                if s + n > chars {
                    break;
                }
                let gram = &padded.as_bytes()[bounds[s]..bounds[s + n]];
                out.push((bucket(3, &[neg, gram]), value));
            }
        }
    }
    out
}

fn sigmoid(z: f32) -> f32 {
    1.0 / (1.0 + (-z).exp())
}

/// Words and emoji of the hand-written emoji lexicon (written for taith).
const EMOJI: &[(&str, i8)] = &[
    ("👍", 3),
    ("😀", 3),
    ("😃", 3),
    ("😊", 3),
    ("🙂", 2),
    ("😍", 4),
    ("🥰", 4),
    ("❤", 3),
    ("👌", 2),
    ("⭐", 2),
    ("🎉", 3),
    ("💯", 3),
    ("🙏", 2),
    ("👏", 3),
    ("😁", 3),
    ("👎", -3),
    ("😡", -4),
    ("😠", -3),
    ("😞", -3),
    ("😢", -3),
    ("😭", -3),
    ("🤬", -5),
    ("😤", -2),
    ("💩", -3),
    ("🙁", -2),
    ("😒", -2),
    ("🤮", -4),
    ("😩", -3),
];

fn lexicon_source(lang: Lang) -> &'static str {
    match lang {
        Lang::En | Lang::Other => include_str!("../data/sentiment/lexicon-en.tsv"),
        Lang::Cy => include_str!("../data/sentiment/lexicon-cy.tsv"),
        Lang::Ms => include_str!("../data/sentiment/lexicon-ms.tsv"),
        Lang::Sw => include_str!("../data/sentiment/lexicon-sw.tsv"),
        Lang::Ar => include_str!("../data/sentiment/lexicon-ar.tsv"),
        Lang::Vi => include_str!("../data/sentiment/lexicon-vi.tsv"),
    }
}

/// The weights the lexicon alone gives.
fn lexicon_weights(lang: Lang) -> Vec<f32> {
    let mut w = vec![0f32; BUCKETS];
    let mut set = |word: &str, score: f32| {
        let norm = normalize(word);
        let parts: Vec<&str> = norm.split(' ').filter(|p| !p.is_empty()).collect();
        match parts.as_slice() {
            [one] => {
                w[word_bucket(one, false) as usize] = score * LEXICON_WEIGHT;
                w[word_bucket(one, true) as usize] = -0.5 * score * LEXICON_WEIGHT;
            }
            [a, b] => {
                w[bigram_bucket(a, b) as usize] = score * LEXICON_WEIGHT / BIGRAM_VALUE;
            }
            _ => {}
        }
    };
    for line in lexicon_source(lang).lines() {
        if line.starts_with('#') {
            continue;
        }
        if let Some((word, score)) = line.split_once('\t')
            && let Ok(score) = score.trim().parse::<f32>()
        {
            set(word, score);
        }
    }
    for (e, s) in EMOJI {
        set(e, f32::from(*s));
    }
    w
}

/// One pass of normalised SGD over `examples` (features, target), pulling touched weights
/// toward `anchor`.
fn sgd(
    weights: &mut [f32],
    bias: &mut f32,
    anchor: &[f32],
    examples: &[(Vec<Feature>, f32)],
    epochs: usize,
    seed: u64,
) {
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut state = seed | 1;
    for _ in 0..epochs {
        // Fisher–Yates with xorshift: the same order every run.
        for i in (1..order.len()).rev() {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            order.swap(i, (state % (i as u64 + 1)) as usize);
        }
        for &i in &order {
            let (x, y) = &examples[i];
            if x.is_empty() {
                continue;
            }
            let z: f32 = *bias + x.iter().map(|(j, v)| weights[*j as usize] * v).sum::<f32>();
            let p = sigmoid(z);
            let norm2: f32 = 1.0 + x.iter().map(|(_, v)| v * v).sum::<f32>();
            let g = STEP * (y - p) / norm2;
            for (j, v) in x {
                let j = *j as usize;
                weights[j] += g * v - L2 * (weights[j] - anchor[j]);
            }
            *bias += g * 0.1;
        }
    }
}

fn polarity_target(p: crate::Polarity) -> f32 {
    match p {
        Polarity::Positive => 1.0,
        Polarity::Negative => 0.0,
        Polarity::Neutral => 0.5,
    }
}

struct Base {
    lexicon: Arc<Vec<f32>>,
    model: Model,
}

fn base_of(lang: Lang) -> &'static Base {
    static BASES: [OnceLock<Base>; 7] = [const { OnceLock::new() }; 7];
    BASES[data::index(lang)].get_or_init(|| {
        let lexicon = lexicon_weights(lang);
        let mut weights = lexicon.clone();
        let mut bias = 0.0;
        let examples: Vec<(Vec<Feature>, f32)> = data::split(lang)
            .train
            .iter()
            .map(|l| (features(lang, l.text), polarity_target(l.polarity)))
            .collect();
        sgd(
            &mut weights,
            &mut bias,
            &lexicon,
            &examples,
            BASE_EPOCHS,
            0x7a17,
        );
        Base {
            lexicon: Arc::new(lexicon),
            model: Model {
                lang,
                trained_on: 0,
                bias,
                weights: Arc::new(weights),
            },
        }
    })
}

impl Model {
    /// The shipped base model of `lang`: its lexicon, then its TRAIN comments (built once per
    /// process; this is a cheap clone).
    pub fn base(lang: Lang) -> Model {
        base_of(lang).model.clone()
    }

    /// The lexicon alone, untrained: the baseline `taith bench text` compares with.
    pub fn lexicon_only(lang: Lang) -> Model {
        Model {
            lang,
            trained_on: 0,
            bias: 0.0,
            weights: base_of(lang).lexicon.clone(),
        }
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// How many labelled comments the model has learned from beyond the base model.
    pub fn trained_on(&self) -> u64 {
        self.trained_on
    }

    /// P(positive) of `text`, or None when there is not enough text to say.
    pub fn probability(&self, text: &str) -> Option<f32> {
        if !text.chars().any(|c| c.is_alphabetic() || is_symbol(c)) {
            return None;
        }
        let x = features(self.lang, text);
        let mut z = self.bias;
        let mut known = false;
        for (j, v) in &x {
            let w = self.weights[*j as usize];
            if w != 0.0 {
                known = true;
                z += w * v;
            }
        }
        known.then(|| sigmoid(z))
    }

    /// The sentiment of `text`, or None when there is not enough text to say.
    pub fn score(&self, text: &str) -> Option<Sentiment> {
        let p = self.probability(text)?;
        let lean = (p - 0.5).abs();
        Some(if lean < NEUTRAL_BAND {
            Sentiment {
                polarity: Polarity::Neutral,
                confidence: 0.5 + 0.5 * (NEUTRAL_BAND - lean) / NEUTRAL_BAND,
            }
        } else if p > 0.5 {
            Sentiment {
                polarity: Polarity::Positive,
                confidence: p,
            }
        } else {
            Sentiment {
                polarity: Polarity::Negative,
                confidence: 1.0 - p,
            }
        })
    }

    /// Learns from more labelled comments, starting from what it knows: [`TRAIN_EPOCHS`]
    /// epochs of SGD over them, pulled toward the base model's weights.
    pub fn train(&mut self, examples: &[Example<'_>]) {
        if examples.is_empty() {
            return;
        }
        let lang = self.lang;
        let prepared: Vec<(Vec<Feature>, f32)> = examples
            .iter()
            .map(|e| {
                let y = match e.label {
                    Label::Positive => 1.0,
                    Label::Negative => 0.0,
                };
                (features(lang, e.text), y)
            })
            .collect();
        let anchor = base_of(lang).model.weights.clone();
        let weights = Arc::make_mut(&mut self.weights);
        sgd(
            weights,
            &mut self.bias,
            &anchor,
            &prepared,
            TRAIN_EPOCHS,
            self.trained_on ^ 0x5eed,
        );
        self.trained_on += examples.len() as u64;
    }

    /// The model as bytes to store: magic and version, language, the fingerprint of the base
    /// model it grew from, counts, then the weights that differ from the base (index, value)
    /// and an FNV-1a checksum of all that.
    pub fn to_bytes(&self) -> Vec<u8> {
        let base = &base_of(self.lang).model;
        let diff: Vec<(u32, f32)> = self
            .weights
            .iter()
            .zip(base.weights.iter())
            .enumerate()
            .filter(|(_, (w, b))| w.to_bits() != b.to_bits())
            .map(|(i, (w, _))| (i as u32, *w))
            .collect();
        let mut out = Vec::with_capacity(48 + diff.len() * 8);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        let code = self.lang.code().as_bytes();
        out.push(code.len() as u8);
        out.extend_from_slice(code);
        out.extend_from_slice(&base_fingerprint(self.lang).to_le_bytes());
        out.extend_from_slice(&self.trained_on.to_le_bytes());
        out.extend_from_slice(&self.bias.to_le_bytes());
        out.extend_from_slice(&(diff.len() as u32).to_le_bytes());
        for (i, w) in diff {
            out.extend_from_slice(&i.to_le_bytes());
            out.extend_from_slice(&w.to_le_bytes());
        }
        let sum = fnv1a(&out);
        out.extend_from_slice(&sum.to_le_bytes());
        out
    }

    /// A stored model; an error when the bytes are not one (corrupt, truncated, another
    /// version, another language, or grown from another base model), and the caller
    /// rebuilds it.
    pub fn from_bytes(lang: Lang, bytes: &[u8]) -> Result<Model, ModelError> {
        if bytes.len() < MAGIC.len() + 8 {
            return Err(ModelError("truncated"));
        }
        let (body, sum) = bytes.split_at(bytes.len() - 8);
        if fnv1a(body).to_le_bytes() != sum {
            return Err(ModelError("checksum mismatch"));
        }
        let mut r = Reader { bytes: body, at: 0 };
        if r.take(MAGIC.len())? != MAGIC {
            return Err(ModelError("not a sentiment model"));
        }
        if u16::from_le_bytes(r.array()?) != VERSION {
            return Err(ModelError("another version"));
        }
        let n = r.take(1)?[0] as usize;
        if r.take(n)? != lang.code().as_bytes() {
            return Err(ModelError("another language"));
        }
        if u64::from_le_bytes(r.array()?) != base_fingerprint(lang) {
            return Err(ModelError("grown from another base model"));
        }
        let trained_on = u64::from_le_bytes(r.array()?);
        let bias = f32::from_le_bytes(r.array()?);
        let count = u32::from_le_bytes(r.array()?) as usize;
        if body.len() - r.at != count * 8 {
            return Err(ModelError("wrong length"));
        }
        let mut weights = base_of(lang).model.weights.as_ref().clone();
        for _ in 0..count {
            let i = u32::from_le_bytes(r.array()?) as usize;
            let w = f32::from_le_bytes(r.array()?);
            if i >= BUCKETS || !w.is_finite() {
                return Err(ModelError("weight out of range"));
            }
            weights[i] = w;
        }
        if !bias.is_finite() {
            return Err(ModelError("weight out of range"));
        }
        Ok(Model {
            lang,
            trained_on,
            bias,
            weights: Arc::new(weights),
        })
    }

    /// What the model holds in memory, in bytes (its weights count in full even while shared
    /// with the base model).
    pub fn memory_bytes(&self) -> usize {
        std::mem::size_of::<Model>() + self.weights.len() * std::mem::size_of::<f32>()
    }
}

/// A fingerprint of `lang`'s base model: a stored model grown from another one is rebuilt.
fn base_fingerprint(lang: Lang) -> u64 {
    static PRINTS: [OnceLock<u64>; 7] = [const { OnceLock::new() }; 7];
    *PRINTS[data::index(lang)].get_or_init(|| {
        let base = &base_of(lang).model;
        let mut bytes = Vec::with_capacity(BUCKETS * 4 + 4);
        for w in base.weights.iter() {
            bytes.extend_from_slice(&w.to_le_bytes());
        }
        bytes.extend_from_slice(&base.bias.to_le_bytes());
        fnv1a(&bytes)
    })
}

struct Reader<'b> {
    bytes: &'b [u8],
    at: usize,
}

impl<'b> Reader<'b> {
    fn take(&mut self, n: usize) -> Result<&'b [u8], ModelError> {
        let end = self.at.checked_add(n).ok_or(ModelError("truncated"))?;
        let out = self
            .bytes
            .get(self.at..end)
            .ok_or(ModelError("truncated"))?;
        self.at = end;
        Ok(out)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], ModelError> {
        self.take(N)?
            .try_into()
            .map_err(|_| ModelError("truncated"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn polarity(lang: Lang, text: &str) -> Polarity {
        Model::base(lang)
            .score(text)
            .map_or(Polarity::Neutral, |s| s.polarity)
    }

    const CASES: [(Lang, &str, &str, &str); 6] = [
        (
            Lang::En,
            "The food was good",
            "The food was not good",
            "The food was very good",
        ),
        (
            Lang::Cy,
            "Roedd y bwyd yn dda",
            "Doedd y bwyd ddim yn dda",
            "Roedd y bwyd yn dda iawn",
        ),
        (
            Lang::Ms,
            "Makanan itu bagus",
            "Makanan itu tidak bagus",
            "Makanan itu sangat bagus",
        ),
        (
            Lang::Sw,
            "Chakula ni nzuri",
            "Chakula si nzuri",
            "Chakula ni nzuri sana",
        ),
        (Lang::Ar, "الطعام جيد", "الطعام ليس جيداً", "الطعام جيد جدا"),
        (Lang::Vi, "Đồ ăn tốt", "Đồ ăn không tốt", "Đồ ăn rất tốt"),
    ];

    #[test]
    fn negation_flips_the_polarity_in_every_language() {
        for (lang, good, not_good, _) in CASES {
            assert_eq!(polarity(lang, good), Polarity::Positive, "{lang:?}: {good}");
            assert_eq!(
                polarity(lang, not_good),
                Polarity::Negative,
                "{lang:?}: {not_good}"
            );
        }
        assert_eq!(
            polarity(Lang::Sw, "Hakuna kitu kizuri hapa"),
            Polarity::Negative
        );
    }

    #[test]
    fn an_intensifier_raises_the_confidence() {
        for (lang, good, _, very_good) in CASES {
            let m = Model::base(lang);
            let plain = m.probability(good).unwrap_or(0.5);
            let strong = m.probability(very_good).unwrap_or(0.5);
            assert!(
                strong > plain,
                "{lang:?}: {very_good} {strong} <= {good} {plain}"
            );
        }
    }

    #[test]
    fn typical_comments_are_scored() {
        assert_eq!(
            polarity(
                Lang::En,
                "Terrible service, the delivery was late and the staff were rude."
            ),
            Polarity::Negative
        );
        assert_eq!(
            polarity(Lang::En, "Lovely staff and a quick delivery, thank you!"),
            Polarity::Positive
        );
    }

    #[test]
    fn no_letters_is_none() {
        let m = Model::base(Lang::En);
        assert_eq!(m.score(""), None);
        assert_eq!(m.score("... !!! 123"), None);
        assert!(m.score(&"😀".repeat(5000)).is_some());
    }

    #[test]
    fn training_moves_the_model_and_counts_examples() {
        let mut m = Model::base(Lang::Cy);
        let text = "Roedd y ciw yn y siop yn hir";
        let before = m.probability(text).unwrap_or(0.5);
        let examples: Vec<Example<'_>> = (0..20)
            .map(|_| Example {
                text,
                label: Label::Negative,
            })
            .collect();
        m.train(&examples);
        assert_eq!(m.trained_on(), 20);
        let after = m.probability(text).unwrap_or(0.5);
        assert!(after < before, "{after} >= {before}");
        // The base model is untouched.
        assert_eq!(Model::base(Lang::Cy).trained_on(), 0);
        assert_ne!(Model::base(Lang::Cy), m);
    }

    #[test]
    fn bytes_round_trip_and_damage_is_refused() {
        let mut m = Model::base(Lang::Ms);
        m.train(&[Example {
            text: "Penghantaran lambat sangat",
            label: Label::Negative,
        }]);
        let bytes = m.to_bytes();
        assert_eq!(Model::from_bytes(Lang::Ms, &bytes), Ok(m.clone()));
        assert!(Model::from_bytes(Lang::Sw, &bytes).is_err());
        assert!(Model::from_bytes(Lang::Ms, &bytes[..bytes.len() - 1]).is_err());
        assert!(Model::from_bytes(Lang::Ms, &bytes[..10]).is_err());
        assert!(Model::from_bytes(Lang::Ms, &[]).is_err());
        let mut flipped = bytes.clone();
        flipped[30] ^= 1;
        assert!(Model::from_bytes(Lang::Ms, &flipped).is_err());
        let mut other_version = bytes[..bytes.len() - 8].to_vec();
        other_version[8] = 9;
        let sum = fnv1a(&other_version);
        other_version.extend_from_slice(&sum.to_le_bytes());
        assert_eq!(
            Model::from_bytes(Lang::Ms, &other_version),
            Err(ModelError("another version"))
        );
        // An untrained model stores almost nothing.
        assert!(Model::base(Lang::Ms).to_bytes().len() < 100);
        assert!(m.memory_bytes() >= BUCKETS * 4);
    }

    #[test]
    fn bidi_and_zero_width_characters_change_nothing() {
        let m = Model::base(Lang::En);
        assert_eq!(
            m.score("The staff were rude"),
            m.score("The st\u{200B}aff were \u{202E}rude\u{202C}")
        );
    }
}
