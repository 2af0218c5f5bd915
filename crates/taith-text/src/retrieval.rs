//! The FAQ bot's retrieval: which of a workspace's articles answers a customer's question, in
//! our six languages, how sure it is, and when to hand over to a person instead.
//!
//! An [`Index`] is built over documents `(id, locale, title, body)` — one per translation of
//! an article — and a workspace's synonym groups. A question `(text, locale)` is read by
//! [`Index::terms`] of each language the index holds and scored against that language's documents
//! with BM25 (our own, below: the `bm25` crate hashes tokens to 32 bits and has no fields,
//! and this crate has no dependencies):
//!
//! - a word's weight is `idf · tf·(k1+1) / (tf + k1·(1 − b + b·len/avglen))` with
//!   `idf = ln(1 + (N − df + 0.5)/(df + 0.5))`, N and df counted over one language's
//!   documents; tf and len add the title's words [`Config::title_boost`] times (BM25F with
//!   two fields);
//! - two kinds of term, each its own BM25: whole words in a canonical form (English light
//!   stemming; Arabic light stemming, with a preposition or another person's verb prefix
//!   stripped where that gives a stem the articles have; Welsh mutations undone, plural
//!   endings and circumflexes folded; Malay affixes; Swahili subject, tense, relative and
//!   object prefixes; Vietnamese folded to unmarked letters), and with weight
//!   [`Config::gram_weight`] the character 4-grams of longer words (3-grams in Arabic),
//!   for the suffixes and infixes no light stemmer here knows, or in Vietnamese the pairs of
//!   neighbouring syllables ("nhân viên").
//!
//! An article scores the best of its translations' scores; it is answered in the question's
//! locale when it has that translation, else in the translation that scored best, flagged
//! [`Answer::other_language`]. Articles are ranked by half the share of the question's
//! BM25 weight they match (their score over the score of a document matching every term
//! once, capped at 1) and half `1 − e^(−score/`[`Config::scale`]`)`. The confidence shown
//! is the same with the share made [`Config::coverage`] of the idf-weighted share of the
//! question's words the article has (whole, or by their grams): a question with a word no
//! article knows ("flowers") is covered little. Below [`Config::threshold`] (chosen on the
//! benchmark's TRAIN half, [`crate::faq_eval::choose_threshold`]), or when the question
//! asks for a person in any of the six languages ([`asks_for_person`]), the reply hands over.

use crate::normalize::normalize;
use crate::themes::{cy_radicals, fold_english, is_word_char, stop_words, strip_arabic};
use crate::{Lang, data};
use std::collections::{HashMap, HashSet};

/// The tunable numbers. [`Config::default`] holds the values chosen on the training half of
/// the benchmark set (`data/faq/`, see [`crate::faq_eval`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Config {
    /// Below this confidence the bot hands over.
    pub threshold: f32,
    /// How many times a title's words count.
    pub title_boost: f32,
    /// BM25's k1 and b.
    pub k1: f32,
    pub b: f32,
    /// The weight of the sub-word terms against whole words.
    pub gram_weight: f32,
    /// The least ideal score a confidence is taken against: a question of only common words
    /// ("where is your shop?": "shop") matches many articles fully and says little.
    pub min_ideal: f32,
    /// Confidence is half the share of the question the answer covers and half
    /// `1 − e^(−score/scale)`, how much it matched at all (0: the share alone).
    pub scale: f32,
    /// The grams of one word of a question share [`Config::gram_weight`]: each weighs it
    /// over (number of the word's grams)^gram_share (0: each the whole weight).
    pub gram_share: f32,
    /// How much of the share in the confidence is the question's words an answer covers
    /// (see `Index::coverage`) rather than the share of its BM25 weight (0–1).
    pub coverage: f32,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            threshold: 0.48,
            title_boost: 1.5,
            k1: 1.6,
            b: 0.75,
            gram_weight: 0.7,
            min_ideal: 0.0,
            scale: 8.0,
            gram_share: 0.0,
            coverage: 0.5,
        }
    }
}

/// One translation of one article, as indexed.
#[derive(Debug, Clone, Copy)]
pub struct Document<'a> {
    pub id: &'a str,
    pub locale: Lang,
    pub title: &'a str,
    pub body: &'a str,
}

/// One ranked answer: the article, the translation to show, how sure.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    pub article_id: String,
    /// The translation to show: the question's locale when the article has it.
    pub locale: Lang,
    /// 0–1.
    pub confidence: f32,
    /// The article has no translation in the question's locale: this is another one (never
    /// to be machine-translated and shown as the business's words).
    pub other_language: bool,
}

/// Why the bot hands over to a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Handoff {
    /// The question asks for a person ("talk to a human", "siarad â pherson"…).
    AskedForPerson,
    /// No article is a good enough answer (or there are none).
    LowConfidence,
}

/// What the bot makes of one question.
#[derive(Debug, Clone, PartialEq)]
pub struct Reply {
    /// Best first, at most five, one per article.
    pub answers: Vec<Answer>,
    pub handoff: Option<Handoff>,
}

impl Reply {
    /// The answer to show, if the bot does not hand over.
    pub fn answer(&self) -> Option<&Answer> {
        if self.handoff.is_some() {
            None
        } else {
            self.answers.first()
        }
    }
}

/// The terms of one text in one language: whole words and sub-word terms.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Terms {
    pub words: Vec<String>,
    pub grams: Vec<String>,
}

/// A question's distinct terms with their weights.
type Weighted = Vec<(String, f32)>;

/// One kind of term's postings and statistics over one language's documents.
#[derive(Debug, Default)]
struct Field {
    /// term → (document, weighted term frequency).
    postings: HashMap<String, Vec<(usize, f32)>>,
    /// Weighted length of each document of the language.
    len: Vec<f32>,
    avg_len: f32,
}

impl Field {
    fn add(&mut self, doc: usize, title: &[String], body: &[String], boost: f32) {
        let mut tf: HashMap<&str, f32> = HashMap::new();
        for t in title {
            *tf.entry(t).or_default() += boost;
        }
        for t in body {
            *tf.entry(t).or_default() += 1.0;
        }
        for (t, f) in tf {
            self.postings
                .entry(t.to_string())
                .or_default()
                .push((doc, f));
        }
        self.len
            .push(boost * title.len() as f32 + body.len() as f32);
    }

    fn finish(&mut self) {
        let n = self.len.len().max(1) as f32;
        self.avg_len = (self.len.iter().sum::<f32>() / n).max(1.0);
    }

    fn idf(&self, term: &str) -> f32 {
        let n = self.len.len() as f32;
        let df = self.postings.get(term).map_or(0, Vec::len) as f32;
        (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
    }

    /// Adds BM25 of `query` (each distinct term with its weight) to `scores` (one per
    /// document of the language); returns the ideal score (every term matched once).
    fn score(&self, query: &[(String, f32)], config: &Config, scores: &mut [f32]) -> f32 {
        let mut ideal = 0.0;
        for (t, weight) in query {
            let weight = *weight;
            let idf = self.idf(t);
            ideal += weight * idf;
            let Some(postings) = self.postings.get(t) else {
                continue;
            };
            for &(doc, tf) in postings {
                let norm = 1.0 - config.b + config.b * self.len[doc] / self.avg_len;
                scores[doc] += weight * idf * tf * (config.k1 + 1.0) / (tf + config.k1 * norm);
            }
        }
        ideal
    }
}

/// One language's documents.
#[derive(Debug, Default)]
struct Part {
    /// Index into `Index::articles` of each document.
    article: Vec<usize>,
    words: Field,
    grams: Field,
}

/// The index of one workspace's articles.
#[derive(Debug)]
pub struct Index {
    config: Config,
    /// Article ids, and the languages each has a translation in.
    articles: Vec<(String, Vec<Lang>)>,
    parts: [Part; 7],
    /// Welsh words known in their radical form (the documents' own and common ones), and
    /// the stems of the Arabic documents' words (the two scripts never meet).
    cy_vocab: HashSet<String>,
    /// Per language: canonical word → its synonym group's key.
    synonyms: [HashMap<String, String>; 7],
}

impl Index {
    /// Indexes `docs` (several translations of one article share its id; a second document
    /// of the same id and locale is ignored). `synonyms`: the workspace's groups of words
    /// meaning the same to its customers, in any of the six languages ("cake", "gateau";
    /// "teisen", "cacen"); a multi-word entry is matched by its words.
    pub fn new(docs: &[Document<'_>], synonyms: &[Vec<String>], config: Config) -> Index {
        let mut index = Index {
            config,
            articles: Vec::new(),
            parts: Default::default(),
            cy_vocab: cy_radicals().iter().map(|s| (*s).to_string()).collect(),
            synonyms: Default::default(),
        };
        index.cy_vocab.extend(
            CY_RADICALS_BAKERY
                .split_whitespace()
                .map(ToString::to_string),
        );
        // Welsh documents' own words are radical candidates for mutated forms, unless one
        // is itself a mutated form of a known word ("gynnyrch" beside "cynnyrch").
        let cy_docs: HashSet<String> = docs
            .iter()
            .filter(|d| d.locale == Lang::Cy)
            .flat_map(|d| raw_words(Lang::Cy, &format!("{} {}", d.title, d.body)))
            .filter(|w| !mutated_only(w))
            .collect();
        let all: HashSet<String> = index.cy_vocab.union(&cy_docs).cloned().collect();
        for w in cy_docs {
            if index.cy_vocab.contains(&w) || radical_of(&w, &all).is_none() {
                index.cy_vocab.insert(w);
            }
        }
        // Arabic documents' stems: a question's word with a preposition or another person's
        // verb prefix is read as one of them ("لوظيفه", "تستخدمون").
        for d in docs.iter().filter(|d| d.locale == Lang::Ar) {
            for w in raw_words(Lang::Ar, &format!("{} {}", d.title, d.body)) {
                index.cy_vocab.insert(stem_arabic(&w));
            }
        }
        for (g, group) in synonyms.iter().enumerate() {
            for lang in Lang::SIX {
                for member in group {
                    for w in index.words(lang, member) {
                        index.synonyms[data::index(lang)]
                            .entry(w)
                            .or_insert_with(|| format!("~syn{g}"));
                    }
                }
            }
        }
        let mut by_id: HashMap<&str, usize> = HashMap::new();
        for d in docs {
            if d.locale == Lang::Other {
                continue;
            }
            let a = *by_id.entry(d.id).or_insert_with(|| {
                index.articles.push((d.id.to_string(), Vec::new()));
                index.articles.len() - 1
            });
            if index.articles[a].1.contains(&d.locale) {
                continue;
            }
            index.articles[a].1.push(d.locale);
            let title = index.terms(d.locale, d.title);
            let body = index.terms(d.locale, d.body);
            let boost = index.config.title_boost;
            let part = &mut index.parts[data::index(d.locale)];
            let doc = part.article.len();
            part.article.push(a);
            part.words.add(doc, &title.words, &body.words, boost);
            part.grams.add(doc, &title.grams, &body.grams, boost);
        }
        for part in &mut index.parts {
            part.words.finish();
            part.grams.finish();
        }
        index
    }

    /// The number of articles indexed.
    pub fn len(&self) -> usize {
        self.articles.len()
    }

    pub fn is_empty(&self) -> bool {
        self.articles.is_empty()
    }

    /// The canonical words of `text` read as `lang`, synonyms mapped to their group.
    fn words(&self, lang: Lang, text: &str) -> Vec<String> {
        let syn = &self.synonyms[data::index(lang)];
        raw_words(lang, text)
            .into_iter()
            .map(|w| {
                let w = canonical(lang, &w, &self.cy_vocab);
                syn.get(&w).cloned().unwrap_or(w)
            })
            .collect()
    }

    /// The terms of `text` read as `lang`.
    pub fn terms(&self, lang: Lang, text: &str) -> Terms {
        let words = self.words(lang, text);
        let grams = match lang {
            Lang::Vi => words
                .windows(2)
                .map(|p| format!("{} {}", p[0], p[1]))
                .collect(),
            _ => words
                .iter()
                .flat_map(|w| word_grams(w, gram_len(lang)))
                .collect(),
        };
        Terms { words, grams }
    }

    /// A question's distinct words (weight 1) and sub-word terms (weight
    /// [`Config::gram_weight`] shared among the grams of one word, so that a long word does
    /// not outweigh the others by its length; in Vietnamese each syllable pair weighs
    /// `gram_weight`).
    fn weighted_terms(&self, lang: Lang, question: &str) -> (Weighted, Weighted) {
        let words = self.words(lang, question);
        let mut seen: HashSet<&str> = HashSet::new();
        let word_terms: Vec<(String, f32)> = words
            .iter()
            .filter(|w| seen.insert(w))
            .map(|w| (w.clone(), 1.0))
            .collect();
        let gram_weight = self.config.gram_weight;
        let mut grams: Vec<(String, f32)> = Vec::new();
        let mut add = |g: String, w: f32| match grams.iter_mut().find(|(t, _)| *t == g) {
            Some((_, x)) => *x = x.max(w),
            None => grams.push((g, w)),
        };
        if lang == Lang::Vi {
            for p in words.windows(2) {
                add(format!("{} {}", p[0], p[1]), gram_weight);
            }
        } else {
            let n = gram_len(lang);
            for w in &words {
                let g = word_grams(w, n);
                let share = gram_weight / (g.len().max(1) as f32).powf(self.config.gram_share);
                for g in g {
                    add(g, share);
                }
            }
        }
        (word_terms, grams)
    }

    /// Per document of `part`, the share of the question's words it covers, each word
    /// weighing its idf: a word the document has counts whole, another the share of its
    /// character grams the document has (none in Vietnamese, whose syllables have no
    /// grams). A question with a word no document knows ("flowers") is covered little by
    /// any answer.
    fn coverage(&self, lang: Lang, part: &Part, words: &[(String, f32)]) -> Vec<f32> {
        let n = part.article.len();
        let mut covered = vec![0.0f32; n];
        let mut total = 0.0f32;
        for (w, _) in words {
            let idf = part.words.idf(w);
            total += idf;
            let mut credit = vec![0.0f32; n];
            if lang != Lang::Vi {
                let grams = word_grams(w, gram_len(lang));
                for g in &grams {
                    for &(doc, _) in part.grams.postings.get(g).into_iter().flatten() {
                        credit[doc] += 1.0 / grams.len() as f32;
                    }
                }
            }
            for &(doc, _) in part.words.postings.get(w).into_iter().flatten() {
                credit[doc] = 1.0;
            }
            for (c, x) in covered.iter_mut().zip(credit) {
                *c += idf * x.min(1.0);
            }
        }
        if total > 0.0 {
            for c in &mut covered {
                *c /= total;
            }
        }
        covered
    }

    /// The articles answering `question`, asked in `locale`, best first, and whether to hand
    /// over.
    pub fn ask(&self, question: &str, locale: Lang) -> Reply {
        let asked_for_person = asks_for_person(question);
        // Best (score, confidence, language) per article.
        let mut best: Vec<Option<(f32, f32, Lang)>> = vec![None; self.articles.len()];
        for lang in Lang::SIX {
            let part = &self.parts[data::index(lang)];
            if part.article.is_empty() {
                continue;
            }
            let (words, grams) = self.weighted_terms(lang, question);
            let mut scores = vec![0.0f32; part.article.len()];
            let ideal = part.words.score(&words, &self.config, &mut scores)
                + part.grams.score(&grams, &self.config, &mut scores);
            if ideal <= 0.0 {
                continue;
            }
            let ideal = ideal.max(self.config.min_ideal);
            let coverage = if self.config.coverage > 0.0 {
                self.coverage(lang, part, &words)
            } else {
                Vec::new()
            };
            let sure = |share: f32, s: f32| {
                if self.config.scale > 0.0 {
                    0.5 * share + 0.5 * (1.0 - (-s / self.config.scale).exp())
                } else {
                    share
                }
            };
            for (doc, s) in scores.into_iter().enumerate() {
                let share = (s / ideal).min(1.0);
                let rank = sure(share, s);
                if rank <= 0.0 {
                    continue;
                }
                let confidence = match coverage.get(doc) {
                    Some(c) => sure(
                        (1.0 - self.config.coverage) * share + self.config.coverage * c,
                        s,
                    ),
                    None => rank,
                };
                let a = part.article[doc];
                let better = match best[a] {
                    None => true,
                    Some((r, _, l)) => rank > r || (rank == r && lang == locale && l != locale),
                };
                if better {
                    best[a] = Some((rank, confidence, lang));
                }
            }
        }
        let mut ranked: Vec<(f32, Answer)> = best
            .into_iter()
            .enumerate()
            .filter_map(|(a, b)| {
                let (rank, confidence, lang) = b?;
                let (id, langs) = &self.articles[a];
                let has_locale = langs.contains(&locale);
                Some((
                    rank,
                    Answer {
                        article_id: id.clone(),
                        locale: if has_locale { locale } else { lang },
                        confidence,
                        other_language: !has_locale,
                    },
                ))
            })
            .collect();
        ranked
            .sort_by(|(r, x), (q, y)| q.total_cmp(r).then_with(|| x.article_id.cmp(&y.article_id)));
        let answers: Vec<Answer> = ranked.into_iter().take(5).map(|(_, a)| a).collect();
        let handoff = if asked_for_person {
            Some(Handoff::AskedForPerson)
        } else if answers
            .first()
            .is_none_or(|a| a.confidence < self.config.threshold)
        {
            Some(Handoff::LowConfidence)
        } else {
            None
        };
        Reply { answers, handoff }
    }
}

/// The length of the character grams of `lang`'s words.
fn gram_len(lang: Lang) -> usize {
    if lang == Lang::Ar { 3 } else { 4 }
}

/// The character `n`-grams of a word longer than `n` (none of a synonym group's key).
fn word_grams(w: &str, n: usize) -> Vec<String> {
    let chars: Vec<char> = w.chars().collect();
    if chars.len() <= n || w.starts_with('~') {
        return Vec::new();
    }
    chars.windows(n).map(|g| g.iter().collect()).collect()
}

/// Welsh radicals of a bakery's and a shop's words, beside the glossary's: a mutated form in
/// a question ("fara", "nghacen", "gacennau") finds them even when no article has them in
/// their radical form.
const CY_RADICALS_BAKERY: &str = "bara torth torthau cacen cacennau teisen teisennau crwst pastai pei brechdan brechdanau blawd burum siwgr llaeth menyn wy wyau cnau glwten fegan halal alergedd alergeddau cynhwysion priodas pen-blwydd parti digwyddiad digwyddiadau dosbarth dosbarthiadau gweithdy swydd swyddi gwaith oriau agor cau dydd diwrnod bore prynhawn nos penwythnos gwyliau nadolig pasg tocyn tocynnau rhodd anrheg cerdyn cardiau arian talu taliad archeb archebion archebu casglu danfon danfoniad cludo côd cod ffi pris prisiau ad-daliad newid canslo cyfanwerth caffi caffis bwyty gwesty cadair olwyn ci cŵn parcio bag bagiau pecyn plastig cynhwysydd rhewi rhewgell storio ffres lleol organig surdoes dogfen derbynneb anfoneb cwpon stamp stampiau ffyddlondeb gwobr";

/// Welsh initials that only a mutation makes (no Welsh radical starts so).
fn mutated_only(w: &str) -> bool {
    ["ngh", "mh", "nh", "dd"].iter().any(|p| w.starts_with(p))
}

/// A word of `lang` in its canonical form: English plurals folded, Arabic clitics stripped,
/// Welsh mutations undone (towards a radical in `cy_vocab`), Vietnamese tone marks and
/// diacritics removed (so "giao hang" finds "giao hàng").
fn canonical(lang: Lang, w: &str, cy_vocab: &HashSet<String>) -> String {
    match lang {
        Lang::En | Lang::Other => stem_english(w),
        Lang::Ar => arabic_known(w, cy_vocab),
        Lang::Cy => stem_welsh(&unmutate(w, cy_vocab)),
        Lang::Vi => fold_vietnamese(w),
        Lang::Ms => stem_malay(w),
        Lang::Sw => stem_swahili(w),
    }
}

/// An Arabic word's stem ([`stem_arabic`]), or when that is not among `known` stems, the
/// known stem it makes without a preposition written onto it (ب ل ك ف: "لوظيفه") or with
/// another person's present-tense prefix (ا ت ي ن: "تستخدمون" → "يستخدم").
fn arabic_known(w: &str, known: &HashSet<String>) -> String {
    let stem = stem_arabic(w);
    if known.contains(&stem) {
        return stem;
    }
    let mut candidates = vec![arabic_stem(w, false)];
    let mut chars = w.chars();
    let (Some(first), rest) = (chars.next(), chars.as_str()) else {
        return stem;
    };
    if rest.chars().count() >= 3 {
        if matches!(first, 'ب' | 'ل' | 'ك' | 'ف') {
            candidates.push(arabic_stem(rest, true));
            candidates.push(arabic_stem(rest, false));
        }
        if matches!(first, 'ا' | 'ت' | 'ي' | 'ن') {
            for p in ['ي', 'ت', 'ن', 'ا'] {
                if p != first {
                    candidates.push(stem_arabic(&format!("{p}{rest}")));
                }
            }
        }
    }
    candidates
        .into_iter()
        .find(|c| known.contains(c))
        .unwrap_or(stem)
}

/// A Welsh word without its plural ending (-iau, -au, -oedd, -ion; a doubled final
/// consonant made single: "cacennau" → "cacen", "torthau" → "torth") and without the
/// circumflex customers often leave out ("gŵyl" → "gwyl"), at least three letters left.
fn stem_welsh(w: &str) -> String {
    let mut s: String = w
        .chars()
        .map(|c| match c {
            'â' | 'ä' => 'a',
            'ê' | 'ë' => 'e',
            'î' | 'ï' => 'i',
            'ô' | 'ö' => 'o',
            'û' | 'ü' => 'u',
            'ŵ' | 'ẅ' => 'w',
            'ŷ' | 'ÿ' => 'y',
            c => c,
        })
        .collect();
    for suffix in ["iau", "au", "oedd", "ion"] {
        if s.chars().count() >= suffix.len() + 3 && s.ends_with(suffix) {
            s.truncate(s.len() - suffix.len());
            let c: Vec<char> = s.chars().collect();
            if c.len() >= 4 && c[c.len() - 1] == c[c.len() - 2] && c[c.len() - 1] != 'l' {
                s.pop();
            }
            break;
        }
    }
    s
}

/// A light Swahili stemmer: the infinitive ku-, or a subject with a tense (ni-, u-, a-, tu-,
/// m-, wa-, i-… with -na-, -li-, -ta-, -me-, -ki-, -ka-, -nge-) or the habitual hu-, then
/// a relative marker after the tense (-yo-, -cho-…), then a first- or second-person object
/// (-ni-, -tu-, -ku-, -mw-), each only while three letters or more are left: "mnatafuta"
/// and "tunatafuta" → "tafuta", "nikiagiza", "uliyoagiza" and "kuagiza" → "agiza",
/// "kunihifadhia" → "hifadhia".
fn stem_swahili(w: &str) -> String {
    const SUBJECTS: [&str; 15] = [
        "mu", "wa", "tu", "ni", "zi", "li", "ya", "ki", "vi", "ku", "pa", "u", "a", "m", "i",
    ];
    const TENSES: [&str; 7] = ["nge", "na", "li", "ta", "me", "ki", "ka"];
    let left = |s: &str| s.chars().count() >= 3;
    let mut rest = w;
    let mut stripped = false;
    'prefix: for subject in SUBJECTS {
        if let Some(r) = w.strip_prefix(subject) {
            for tense in TENSES {
                if let Some(r) = r.strip_prefix(tense)
                    && left(r)
                {
                    rest = r;
                    stripped = true;
                    // A relative marker after the tense: "uliyoagiza", "niliyonunua".
                    for relative in ["vyo", "cho", "yo", "zo", "lo", "ye", "po", "ko", "mo"] {
                        if let Some(r) = rest.strip_prefix(relative)
                            && left(r)
                        {
                            rest = r;
                            break;
                        }
                    }
                    break 'prefix;
                }
            }
        }
    }
    if !stripped {
        for p in ["ku", "hu"] {
            if let Some(r) = w.strip_prefix(p)
                && left(r)
            {
                rest = r;
                stripped = true;
                break;
            }
        }
    }
    if stripped {
        for object in ["ni", "tu", "ku", "mw"] {
            if let Some(r) = rest.strip_prefix(object)
                && r.chars().count() >= 4
            {
                rest = r;
                break;
            }
        }
    }
    rest.to_string()
}

/// A light Arabic stemmer after Larkey's "light10" (the normalisation already done): a
/// leading و (and), then the article with the prepositions written onto it (وال، بال، كال،
/// فال، لل، ال; a preposition alone only where [`arabic_known`] knows the stem); then at most one plural or
/// dual ending (ات ان ون ين) or one attached pronoun (ها هم كم نا ه ي ك), and a final
/// ه (ta marbuta as normalised) or يه; never leaving fewer than three letters, the length of
/// an Arabic root ("لوظيفه" → "وظيف", "كعكه" → "كعك", "طلبكم" → "طلب").
fn stem_arabic(w: &str) -> String {
    arabic_stem(w, true)
}

/// [`stem_arabic`], with the leading و taken for "and" or kept (a word's own: "وظيفه").
fn arabic_stem(w: &str, and: bool) -> String {
    let mut c: Vec<char> = w.chars().collect();
    const MIN: usize = 3;
    if and && c.len() > MIN + 1 && c[0] == 'و' {
        c.remove(0);
    }
    for p in ["وال", "بال", "كال", "فال", "لل", "ال"] {
        let p: Vec<char> = p.chars().collect();
        if c.len() >= p.len() + MIN && c.starts_with(&p) {
            c.drain(..p.len());
            break;
        }
    }
    let strip = |c: &mut Vec<char>, list: &[&str]| {
        for s in list {
            let s: Vec<char> = s.chars().collect();
            if c.len() >= s.len() + MIN && c.ends_with(&s) {
                c.truncate(c.len() - s.len());
                return true;
            }
        }
        false
    };
    if !strip(&mut c, &["ات", "ان", "ون", "ين"]) {
        strip(&mut c, &["ها", "هم", "كم", "نا", "ك"]);
    }
    strip(&mut c, &["يه", "ه", "ي"]);
    c.into_iter().collect()
}

/// A light Malay stemmer: the particles (-lah, -kah, -nya, -pun), then the suffixes -kan,
/// -an, -i, then the prefixes di-, ter-, ber-, be-, meng-, mem-, men-, me-, peng-, pem-,
/// pen-, pe-, ke-, se-, each only while a stem of four letters or more is left
/// ("penghantaran", "menghantar", "dihantar" → "hantar"; "membatalkan" → "batal").
fn stem_malay(w: &str) -> String {
    let mut s = w.to_string();
    let strip_end = |s: &mut String, list: &[&str]| {
        for x in list {
            if s.len() >= x.len() + 4 && s.ends_with(x) {
                s.truncate(s.len() - x.len());
                return;
            }
        }
    };
    strip_end(&mut s, &["lah", "kah", "nya", "pun"]);
    strip_end(&mut s, &["kan", "an", "i"]);
    for p in [
        "meng", "mem", "men", "me", "peng", "pem", "pen", "pe", "di", "ter", "ber", "be", "ke",
        "se",
    ] {
        if s.len() >= p.len() + 4 && s.starts_with(p) {
            s.drain(..p.len());
            break;
        }
    }
    s
}

/// An English word's stem, light and cheap: plurals folded, then "-ing", "-ed", a final
/// "-e" or "-y" dropped and a doubled final consonant made single, so "baking", "bake" and
/// "baked" meet at "bak", "delivery" and "deliver" at "deliver", "cancelling" and "cancel" at
/// "cancel". Words of four letters or fewer are left alone.
fn stem_english(w: &str) -> String {
    let mut s = fold_english(w);
    if s.len() <= 4 || !s.is_ascii() {
        return s;
    }
    for suffix in ["ing", "ed"] {
        if s.len() >= suffix.len() + 3 && s.ends_with(suffix) {
            s.truncate(s.len() - suffix.len());
            break;
        }
    }
    if s.len() >= 4 && (s.ends_with('e') || s.ends_with('y')) {
        s.pop();
    }
    let b = s.as_bytes();
    if b.len() >= 4 && b[b.len() - 1] == b[b.len() - 2] && !b"aeiouls".contains(&b[b.len() - 1]) {
        s.pop();
    }
    s
}

/// A Welsh word's radical: the word itself when known, else the first radical the soft,
/// nasal or aspirate mutation could have come from that is known ("fara" → "bara",
/// "nghacen" → "cacen", "ardd" → "gardd"), else the mutations only a mutation makes undone
/// ("ngh" → "c", "mh" → "p", "nh" → "t", "dd" → "d").
fn unmutate(w: &str, known: &HashSet<String>) -> String {
    if known.contains(w) && !mutated_only(w) {
        return w.to_string();
    }
    if let Some(radical) = radical_of(w, known) {
        return radical;
    }
    for (from, to) in [("ngh", "c"), ("mh", "p"), ("nh", "t"), ("dd", "d")] {
        if let Some(rest) = w.strip_prefix(from)
            && rest.chars().count() >= 2
        {
            return format!("{to}{rest}");
        }
    }
    w.to_string()
}

/// The first known radical the soft, nasal or aspirate mutation could have made `w` from.
fn radical_of(w: &str, known: &HashSet<String>) -> Option<String> {
    const RULES: [(&str, &str); 17] = [
        ("ngh", "c"),
        ("mh", "p"),
        ("nh", "t"),
        ("ng", "g"),
        ("ph", "p"),
        ("th", "t"),
        ("ch", "c"),
        ("dd", "d"),
        ("f", "b"),
        ("f", "m"),
        ("l", "ll"),
        ("r", "rh"),
        ("b", "p"),
        ("d", "t"),
        ("g", "c"),
        ("m", "b"),
        ("n", "d"),
    ];
    for (from, to) in RULES {
        if let Some(rest) = w.strip_prefix(from) {
            let candidate = format!("{to}{rest}");
            if candidate != w && known.contains(&candidate) {
                return Some(candidate);
            }
        }
    }
    let with_g = format!("g{w}");
    known.contains(&with_g).then_some(with_g)
}

/// Vietnamese letters with their marks, by the plain letter they fold to.
const VI_LETTERS: [(char, &str); 7] = [
    ('a', "àáảãạăằắẳẵặâầấẩẫậ"),
    ('e', "èéẻẽẹêềếểễệ"),
    ('i', "ìíỉĩị"),
    ('o', "òóỏõọôồốổỗộơờớởỡợ"),
    ('u', "ùúủũụưừứửữự"),
    ('y', "ỳýỷỹỵ"),
    ('d', "đ"),
];

/// A Vietnamese syllable without tone marks or diacritics ("hàng" → "hang", "đặt" → "dat");
/// combining marks (text typed decomposed) are dropped too.
pub fn fold_vietnamese(w: &str) -> String {
    w.chars()
        .filter(|c| !matches!(c, '\u{0300}'..='\u{036F}'))
        .map(|c| {
            VI_LETTERS
                .iter()
                .find(|(_, marked)| marked.contains(c))
                .map_or(c, |(plain, _)| *plain)
        })
        .collect()
}

fn has_vietnamese_marks(text: &str) -> bool {
    text.chars().any(|c| {
        matches!(c, '\u{0300}'..='\u{036F}')
            || VI_LETTERS.iter().any(|(_, marked)| marked.contains(c))
    })
}

/// Words a question or an article may be missing and still be about the same thing: the
/// stop lists of themes drop them ("day", "time", "ngày", "giờ"…), retrieval keeps them.
const KEEP: &str = "day days time times today week weeks open close ngày giờ hôm nay leo kesho jana hari minggu يوم اليوم الاحد امس";

/// Words that ask rather than say what is asked about ("can I", "is there", "how"), per
/// language, beside the stop lists: they are in nearly every question and no article, and
/// would count against every answer's confidence.
const ASKING: [(Lang, &str); 6] = [
    (
        Lang::En,
        "can could would do does did is are was will there i my me you your need want please tell anyone how what when where which why",
    ),
    (
        Lang::Cy,
        "alla allaf allwch allech allwn gallwch gallaf ga ydych ydy ydw oes ble sut pryd faint beth pa sawl hoffwn angen chi fy eich gennych rydw dw fydd mae oes gloch r n ch m th w s",
    ),
    (
        Lang::Ms,
        "boleh adakah ada bagaimana macam mana bila berapa apa siapa kenapa nak mahu perlu perlukan saya anda kami tak tidak caranya ke",
    ),
    (
        Lang::Sw,
        "naweza mnaweza unaweza tunaweza je nini gani ngapi wapi lini vipi nifanye nifanyeje ninawezaje nahitaji mna yangu yenu zenu wenu lenu chenu kwake ajili",
    ),
    (
        Lang::Ar,
        "هل كيف متى اين ماذا ما كم لماذا يمكنني يمكنكم يمكننا يمكن استطيع احتاج اريد لدي عندكم لديكم انتم افعل ذلك الذي التي",
    ),
    (
        Lang::Vi,
        "có không được thể tiệm tôi bạn mình nào gì đâu sao cần muốn vậy ạ hả nhỉ nhiêu lâu mấy",
    ),
];

fn asking(lang: Lang) -> &'static HashSet<String> {
    static SETS: [std::sync::OnceLock<HashSet<String>>; 7] =
        [const { std::sync::OnceLock::new() }; 7];
    SETS[data::index(lang)].get_or_init(|| {
        let mut set: HashSet<String> = ASKING
            .iter()
            .filter(|(l, _)| *l == lang)
            .flat_map(|(_, words)| words.split_whitespace().map(ToString::to_string))
            .collect();
        if lang == Lang::Vi {
            set.extend(set.clone().iter().map(|w| fold_vietnamese(w)));
        }
        set
    })
}

fn keep() -> &'static HashSet<&'static str> {
    static SET: std::sync::OnceLock<HashSet<&'static str>> = std::sync::OnceLock::new();
    SET.get_or_init(|| KEEP.split_whitespace().collect())
}

/// The folded Vietnamese stop words, for text typed without marks.
fn vi_folded_stops() -> &'static HashSet<String> {
    static SET: std::sync::OnceLock<HashSet<String>> = std::sync::OnceLock::new();
    SET.get_or_init(|| {
        stop_words(Lang::Vi)
            .iter()
            .filter(|w| !keep().contains(*w))
            .map(|w| fold_vietnamese(w))
            .collect()
    })
}

/// The words of `text` in `lang`, normalised (see [`normalize`]: case folded, Arabic letter
/// forms unified; here also hamza on a carrier), split at anything not a letter or digit
/// (and at apostrophes outside English: "mae'r", "prisiau'n"), stop words dropped.
fn raw_words(lang: Lang, text: &str) -> Vec<String> {
    let norm: String = normalize(text)
        .chars()
        .filter_map(|c| match c {
            'ؤ' => Some('و'),
            'ئ' => Some('ي'),
            'ء' => None,
            c => Some(c),
        })
        .collect();
    let stops = stop_words(lang);
    let vi_unmarked = lang == Lang::Vi && !has_vietnamese_marks(&norm);
    let apostrophe_splits = !matches!(lang, Lang::En | Lang::Other);
    let mut out = Vec::new();
    let mut word = String::new();
    let mut previous = String::new();
    let mut flush = |word: &mut String| {
        let w = word.trim_matches(['\'', '’']);
        // "What time" asks when, as Welsh "faint o'r gloch" does: its "time" is not what is
        // asked about (an article on opening hours need not say "time").
        let asks_when = lang == Lang::En && w == "time" && previous == "what";
        let stop = if asks_when {
            true
        } else if keep().contains(w) {
            false
        } else if asking(lang).contains(w) {
            true
        } else if vi_unmarked {
            vi_folded_stops().contains(w)
        } else {
            stops.contains(w) || (lang == Lang::Ar && stops.contains(strip_arabic(w).as_str()))
        };
        if !w.is_empty() && !stop {
            out.push(w.to_string());
        }
        if !w.is_empty() {
            w.clone_into(&mut previous);
        }
        word.clear();
    };
    for c in norm.chars() {
        if is_word_char(c) && !(apostrophe_splits && matches!(c, '\'' | '’')) {
            word.push(c);
        } else {
            flush(&mut word);
        }
    }
    flush(&mut word);
    out
}

/// The canonical words of a question in `lang` (stop words dropped, English plurals folded,
/// Arabic clitics stripped, Welsh mutations undone towards the common radicals, Vietnamese
/// folded), as the index reads it: what FAQ gaps are grouped by.
pub fn question_words(lang: Lang, text: &str) -> Vec<String> {
    let vocab: HashSet<String> = cy_radicals()
        .iter()
        .map(|s| (*s).to_string())
        .chain(
            CY_RADICALS_BAKERY
                .split_whitespace()
                .map(ToString::to_string),
        )
        .collect();
    raw_words(lang, text)
        .into_iter()
        .map(|w| canonical(lang, &w, &vocab))
        .collect()
}

/// Words for "a person" and for "talk to" per language, as they appear after
/// normalisation (lower case, Arabic forms unified, Vietnamese folded). A question asks for a
/// person when it holds a person word and a talk word of the same language, or is one of the
/// short forms alone ("human", "agent", "nhân viên"). Matched on word beginnings in
/// Swahili and Arabic, whose words carry prefixes and clitics ("niongee", "بموظف").
const PERSON: [(Lang, &[&str], &[&str]); 6] = [
    (
        Lang::En,
        &[
            "human",
            "person",
            "agent",
            "representative",
            "operator",
            "someone",
            "somebody",
            "staff",
            "employee",
            "people",
            "advisor",
            "adviser",
        ],
        &[
            "talk", "speak", "chat", "connect", "transfer", "contact", "reach",
        ],
    ),
    (
        Lang::Cy,
        &[
            "person",
            "pherson",
            "berson",
            "rhywun",
            "dynol",
            "staff",
            "aelod",
            "gweithiwr",
            "cynghorydd",
        ],
        &["siarad", "sgwrsio", "cysylltu", "gysylltu", "sgwrs"],
    ),
    (
        Lang::Ms,
        &[
            "orang",
            "manusia",
            "ejen",
            "wakil",
            "pegawai",
            "staf",
            "kakitangan",
            "pekerja",
        ],
        &[
            "cakap",
            "bercakap",
            "berbual",
            "bual",
            "hubungi",
            "sambung",
            "sambungkan",
            "berhubung",
            "bincang",
        ],
    ),
    (
        Lang::Sw,
        &[
            "mtu",
            "binadamu",
            "mhudumu",
            "wakala",
            "mfanyakazi",
            "afisa",
            "wafanyakazi",
        ],
        &[
            "ongea",
            "zungumza",
            "wasiliana",
            "unganish",
            "ongee",
            "zungumze",
            "wasiliane",
        ],
    ),
    (
        Lang::Ar,
        &[
            "موظف",
            "شخص",
            "انسان",
            "بشري",
            "مندوب",
            "ممثل",
            "وكيل",
            "احد",
        ],
        &[
            "تحدث",
            "اتحدث",
            "كلم",
            "اكلم",
            "تكلم",
            "تواصل",
            "اتواصل",
            "حول",
            "محادثه",
        ],
    ),
    (
        Lang::Vi,
        &[
            "nhan vien",
            "nguoi that",
            "tu van vien",
            "nguoi ho tro",
            "con nguoi",
            "ai do",
        ],
        &[
            "noi chuyen",
            "gap",
            "lien he",
            "ket noi",
            "tro chuyen",
            "chuyen",
            "trao doi",
        ],
    ),
];

/// Short questions that are a request for a person by themselves.
const PERSON_ALONE: &[&str] = &[
    "human",
    "agent",
    "person",
    "real person",
    "representative",
    "operator",
    "person go iawn",
    "bod dynol",
    "manusia",
    "ejen",
    "orang sebenar",
    "binadamu",
    "mtu halisi",
    "موظف",
    "انسان",
    "nhan vien",
    "nguoi that",
];

/// Whether `question` asks for a person, in any of the six languages.
pub fn asks_for_person(question: &str) -> bool {
    let norm = normalize(question);
    let folded: String = fold_vietnamese(&norm)
        .chars()
        .map(|c| if is_word_char(c) && c != '\'' { c } else { ' ' })
        .collect();
    let words: Vec<&str> = folded.split_whitespace().collect();
    let joined = format!(" {} ", words.join(" "));
    if PERSON_ALONE
        .iter()
        .any(|p| joined.trim() == *p || joined.trim().trim_start_matches("a ") == *p)
    {
        return true;
    }
    let has = |lang: Lang, list: &[&str]| {
        list.iter().any(|p| {
            if p.contains(' ') || lang == Lang::Vi {
                joined.contains(&format!(" {p} "))
            } else if matches!(lang, Lang::Sw | Lang::Ar) {
                words.iter().any(|w| {
                    let w = strip_arabic(w);
                    w.contains(p)
                })
            } else {
                words.iter().any(|w| w == p)
            }
        })
    };
    PERSON
        .iter()
        .any(|(lang, person, talk)| has(*lang, person) && has(*lang, talk))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn doc<'a>(id: &'a str, locale: Lang, title: &'a str, body: &'a str) -> Document<'a> {
        Document {
            id,
            locale,
            title,
            body,
        }
    }

    #[test]
    fn what_time_asks_when_and_another_time_is_kept() {
        assert_eq!(raw_words(Lang::En, "What time do you open?"), ["open"]);
        assert_eq!(
            raw_words(Lang::En, "What is the delivery time?"),
            ["delivery", "time"]
        );
    }

    #[test]
    fn the_bots_documented_person_phrases_are_heard() {
        for q in [
            "talk to a person",
            "siarad â pherson",
            "bercakap dengan orang",
            "nataka kuongea na mtu",
            "أريد التحدث مع شخص",
            "gặp nhân viên",
        ] {
            assert!(asks_for_person(q), "{q}");
        }
    }

    #[test]
    fn person_requests_are_heard_in_six_languages() {
        for q in [
            "Can I talk to a human please?",
            "human",
            "Ga i siarad â pherson?",
            "Boleh saya cakap dengan orang?",
            "Nataka kuongea na mtu",
            "أريد التحدث مع موظف",
            "cho tôi nói chuyện với nhân viên",
            "cho toi noi chuyen voi nhan vien",
        ] {
            assert!(asks_for_person(q), "{q}");
        }
        for q in [
            "What time do you open on Sunday?",
            "Ydy'r bara yn fegan?",
            "Berapa orang boleh duduk di kafe?",
            "Mnafungua saa ngapi?",
            "هل الخبز نباتي؟",
            "Cửa hàng mở cửa lúc mấy giờ?",
        ] {
            assert!(!asks_for_person(q), "{q}");
        }
    }

    #[test]
    fn vietnamese_without_marks_and_welsh_mutations_match() {
        let docs = [
            doc(
                "delivery",
                Lang::Vi,
                "Giao hàng tận nhà",
                "Chúng tôi giao bánh trong bán kính 10 km.",
            ),
            doc(
                "bread",
                Lang::Cy,
                "Bara surdoes",
                "Mae ein bara yn cael ei bobi bob bore.",
            ),
            doc(
                "cakes",
                Lang::Cy,
                "Cacennau pen-blwydd",
                "Archebwch gacen dri diwrnod ymlaen llaw.",
            ),
        ];
        let index = Index::new(&docs, &[], Config::default());
        let r = index.ask("co giao hang khong", Lang::Vi);
        assert_eq!(r.answers[0].article_id, "delivery");
        let r = index.ask("Oes gennych chi fara?", Lang::Cy);
        assert_eq!(r.answers[0].article_id, "bread");
        let r = index.ask("Faint yw eich cacen?", Lang::Cy);
        assert_eq!(r.answers[0].article_id, "cakes");
        assert_eq!(unmutate("nghacen", &index.cy_vocab), "cacen");
        assert_eq!(unmutate("fara", &index.cy_vocab), "bara");
    }

    #[test]
    fn arabic_welsh_and_swahili_words_meet_their_stems() {
        assert_eq!(stem_arabic("كعكه"), "كعك");
        assert_eq!(stem_arabic("طلبكم"), "طلب");
        assert_eq!(stem_arabic("والطلبات"), "طلب");
        let known: HashSet<String> = ["وظيف", "يستخدم", "بطاق"]
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(arabic_known("لوظيفه", &known), "وظيف");
        assert_eq!(arabic_known("تستخدمون", &known), "يستخدم");
        assert_eq!(arabic_known("بطاقه", &known), "بطاق");
        assert_eq!(stem_welsh("cacennau"), "cacen");
        assert_eq!(stem_welsh("torthau"), "torth");
        assert_eq!(stem_welsh("gŵyl"), "gwyl");
        for (w, stem) in [
            ("mnatafuta", "tafuta"),
            ("tunatafuta", "tafuta"),
            ("kuagiza", "agiza"),
            ("nikiagiza", "agiza"),
            ("uliyoagiza", "agiza"),
            ("kunihifadhia", "hifadhia"),
            ("mkate", "mkate"),
            ("kazi", "kazi"),
        ] {
            assert_eq!(stem_swahili(w), stem, "{w}");
        }
        let docs = [
            doc(
                "gluten-free",
                Lang::Cy,
                "Cynnyrch heb glwten",
                "Torth heb glwten.",
            ),
            doc(
                "allergens",
                Lang::Cy,
                "Alergenau",
                "Mae ein holl gynnyrch yn cynnwys cnau.",
            ),
        ];
        let index = Index::new(&docs, &[], Config::default());
        assert_eq!(unmutate("gynnyrch", &index.cy_vocab), "cynnyrch");
    }

    #[test]
    fn a_word_no_article_knows_lowers_the_confidence() {
        let docs = [
            doc(
                "cakes",
                Lang::En,
                "Celebration cakes",
                "We bake cakes to order.",
            ),
            doc(
                "bread",
                Lang::En,
                "Sourdough bread",
                "Our bread rises for a day.",
            ),
            doc("wholesale", Lang::En, "Wholesale", "Cafés buy our bread."),
        ];
        let index = Index::new(&docs, &[], Config::default());
        let known = index.ask("Do you bake celebration cakes?", Lang::En);
        let unknown = index.ask("Do you bake celebration candles?", Lang::En);
        assert_eq!(known.answers[0].article_id, "cakes");
        assert!(
            unknown.answers[0].confidence < known.answers[0].confidence,
            "{unknown:?} {known:?}"
        );
    }

    #[test]
    fn arabic_letter_forms_are_one() {
        let docs = [doc(
            "hours",
            Lang::Ar,
            "ساعات العمل",
            "نفتح أبوابنا يوميًا من الساعة السابعة صباحًا",
        )];
        let index = Index::new(&docs, &[], Config::default());
        let r = index.ask("متى تفتحون ابوابكم؟ الساعه كم", Lang::Ar);
        assert_eq!(r.answers[0].article_id, "hours");
    }

    #[test]
    fn synonyms_and_other_languages() {
        let docs = [
            doc(
                "cakes",
                Lang::En,
                "Celebration cakes",
                "We bake cakes to order.",
            ),
            doc(
                "cakes",
                Lang::Cy,
                "Cacennau dathlu",
                "Rydym yn pobi cacennau i archeb.",
            ),
            doc(
                "wholesale",
                Lang::En,
                "Wholesale",
                "Cafés can buy our bread wholesale.",
            ),
        ];
        let synonyms = vec![vec!["gateau".to_string(), "cake".to_string()]];
        let index = Index::new(&docs, &synonyms, Config::default());
        let r = index.ask("Do you make a gateau?", Lang::En);
        assert_eq!(r.answers[0].article_id, "cakes");
        assert!(r.handoff.is_none(), "{r:?}");
        let r = index.ask("Do you sell wholesale?", Lang::Cy);
        assert_eq!(r.answers[0].article_id, "wholesale");
        assert!(r.answers[0].other_language);
        assert_eq!(r.answers[0].locale, Lang::En);
        let r = index.ask("Can I speak to a person about cakes?", Lang::En);
        assert_eq!(r.handoff, Some(Handoff::AskedForPerson));
        let r = index.ask("Do you repair bicycles?", Lang::En);
        assert_eq!(r.handoff, Some(Handoff::LowConfidence));
        assert!(r.answer().is_none());
    }
}

#[cfg(test)]
mod explain {
    #![allow(clippy::unwrap_used, clippy::print_stdout)]
    use super::*;

    /// `EXPLAIN_LANG=cy EXPLAIN_Q="..." cargo test -p taith-text explain -- --ignored --nocapture`:
    /// the question's terms and each of the top articles' matching terms with their scores.
    #[test]
    #[ignore]
    fn explain() {
        let lang =
            Lang::from_code(&std::env::var("EXPLAIN_LANG").unwrap_or_default()).unwrap_or(Lang::En);
        let q = std::env::var("EXPLAIN_Q").unwrap_or_default();
        let index = crate::faq_eval::index(Config::default());
        let (words, grams) = index.weighted_terms(lang, &q);
        println!("words {words:?}\ngrams {grams:?}");
        let part = &index.parts[data::index(lang)];
        let c = index.config;
        let r = index.ask(&q, lang);
        for a in r.answers.iter().take(4) {
            let doc = part
                .article
                .iter()
                .position(|&x| index.articles[x].0 == a.article_id)
                .unwrap();
            let mut line = format!("{} {:.2}:", a.article_id, a.confidence);
            for (field, ts) in [(&part.words, &words), (&part.grams, &grams)] {
                for (t, w) in ts {
                    let idf = field.idf(t);
                    if let Some(&(_, tf)) = field
                        .postings
                        .get(t)
                        .and_then(|p| p.iter().find(|(d, _)| *d == doc))
                    {
                        let norm = 1.0 - c.b + c.b * field.len[doc] / field.avg_len;
                        let s = w * idf * tf * (c.k1 + 1.0) / (tf + c.k1 * norm);
                        line.push_str(&format!(" {t}={s:.2}"));
                    }
                }
            }
            println!("{line}");
        }
        println!("handoff {:?}", r.handoff);
    }
}

#[cfg(test)]
mod oov {
    #![allow(clippy::unwrap_used, clippy::print_stdout)]
    use super::*;

    /// TRAIN questions' words no document of their language has, most frequent first: the
    /// candidates for stop words (asking words) and for morphology.
    #[test]
    #[ignore]
    fn oov() {
        let index = crate::faq_eval::index(Config::default());
        for lang in Lang::SIX {
            let part = &index.parts[data::index(lang)];
            let mut counts: HashMap<String, usize> = HashMap::new();
            for q in crate::faq_eval::split(Some(lang), false) {
                for w in index.words(lang, q.text) {
                    if !part.words.postings.contains_key(&w) {
                        *counts.entry(w).or_default() += 1;
                    }
                }
            }
            let mut v: Vec<_> = counts.into_iter().collect();
            v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            let v: Vec<String> = v.iter().map(|(w, n)| format!("{w}:{n}")).collect();
            println!("{lang:?} {}", v.join(" "));
        }
    }
}
