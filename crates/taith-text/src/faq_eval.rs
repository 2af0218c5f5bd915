//! The FAQ bot's benchmark set, shipped in `data/faq/` (see its README): a small bakery's
//! articles in our six languages and questions in each language labelled with the article
//! that answers them, `none` when no article does, or `person` when they ask for one. The
//! questions are split deterministically into TRAIN (where the hand-over threshold is
//! chosen) and HELD-OUT (where it is reported), and scored here for `taith bench bot` and the
//! accuracy test.

use crate::Lang;
use crate::data::fnv1a;
use crate::retrieval::{Config, Document, Handoff, Index};
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// One translation of one article of the set.
#[derive(Debug, Clone, Copy)]
pub struct Article {
    pub id: &'static str,
    pub lang: Lang,
    pub title: &'static str,
    pub body: &'static str,
}

/// What a question of the set should get.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    /// This article.
    Article(&'static str),
    /// No article answers it: the bot should hand over.
    None,
    /// It asks for a person.
    Person,
}

/// One labelled question.
#[derive(Debug, Clone, Copy)]
pub struct Question {
    pub id: &'static str,
    pub lang: Lang,
    pub expected: Expected,
    pub text: &'static str,
    pub held_out: bool,
}

fn sources() -> [(Lang, &'static str, &'static str); 6] {
    [
        (
            Lang::En,
            include_str!("../data/faq/articles/en.tsv"),
            include_str!("../data/faq/questions/en.tsv"),
        ),
        (
            Lang::Cy,
            include_str!("../data/faq/articles/cy.tsv"),
            include_str!("../data/faq/questions/cy.tsv"),
        ),
        (
            Lang::Ms,
            include_str!("../data/faq/articles/ms.tsv"),
            include_str!("../data/faq/questions/ms.tsv"),
        ),
        (
            Lang::Sw,
            include_str!("../data/faq/articles/sw.tsv"),
            include_str!("../data/faq/questions/sw.tsv"),
        ),
        (
            Lang::Ar,
            include_str!("../data/faq/articles/ar.tsv"),
            include_str!("../data/faq/questions/ar.tsv"),
        ),
        (
            Lang::Vi,
            include_str!("../data/faq/articles/vi.tsv"),
            include_str!("../data/faq/questions/vi.tsv"),
        ),
    ]
}

/// The FRESH held-out questions (`data/faq/fresh/`), written after the first held-out split
/// had been looked at in earlier sessions, before the last tuning was measured on them, and
/// never tuned on. Same format as `questions/`.
fn fresh_sources() -> [(Lang, &'static str); 6] {
    [
        (Lang::En, include_str!("../data/faq/fresh/en.tsv")),
        (Lang::Cy, include_str!("../data/faq/fresh/cy.tsv")),
        (Lang::Ms, include_str!("../data/faq/fresh/ms.tsv")),
        (Lang::Sw, include_str!("../data/faq/fresh/sw.tsv")),
        (Lang::Ar, include_str!("../data/faq/fresh/ar.tsv")),
        (Lang::Vi, include_str!("../data/faq/fresh/vi.tsv")),
    ]
}

fn rows(source: &'static str) -> impl Iterator<Item = [&'static str; 3]> {
    source.lines().filter_map(|line| {
        if line.starts_with('#') || line.trim().is_empty() {
            return None;
        }
        let mut f = line.splitn(3, '\t');
        Some([f.next()?, f.next()?, f.next()?])
    })
}

struct Set {
    articles: Vec<Article>,
    questions: Vec<Question>,
    fresh: Vec<Question>,
}

fn expected(label: &'static str, ids: &HashSet<&'static str>) -> Option<Expected> {
    match label {
        "none" => Some(Expected::None),
        "person" => Some(Expected::Person),
        id if ids.contains(id) => Some(Expected::Article(id)),
        _ => None,
    }
}

fn set() -> &'static Set {
    static SET: OnceLock<Set> = OnceLock::new();
    SET.get_or_init(|| {
        let mut set = Set {
            articles: Vec::new(),
            questions: Vec::new(),
            fresh: Vec::new(),
        };
        let mut ids: HashSet<&'static str> = HashSet::new();
        for (lang, articles, _) in sources() {
            for [id, title, body] in rows(articles) {
                ids.insert(id);
                set.articles.push(Article {
                    id,
                    lang,
                    title,
                    body,
                });
            }
        }
        for (lang, _, questions) in sources() {
            for [id, label, text] in rows(questions) {
                let Some(expected) = expected(label, &ids) else {
                    continue;
                };
                let key = format!("faq:{}:{id}", lang.code());
                set.questions.push(Question {
                    id,
                    lang,
                    expected,
                    text,
                    held_out: fnv1a(key.as_bytes()).is_multiple_of(2),
                });
            }
        }
        for (lang, questions) in fresh_sources() {
            for [id, label, text] in rows(questions) {
                let Some(expected) = expected(label, &ids) else {
                    continue;
                };
                set.fresh.push(Question {
                    id,
                    lang,
                    expected,
                    text,
                    held_out: true,
                });
            }
        }
        set
    })
}

/// Every translation of every article of the set.
pub fn articles() -> &'static [Article] {
    &set().articles
}

/// Every question of the set, TRAIN and HELD-OUT.
pub fn questions() -> &'static [Question] {
    &set().questions
}

/// The FRESH held-out questions of `lang` (None: all): never tuned on, never in [`split`].
pub fn fresh(lang: Option<Lang>) -> Vec<Question> {
    set()
        .fresh
        .iter()
        .filter(|q| lang.is_none_or(|l| q.lang == l))
        .copied()
        .collect()
}

/// The set's articles as documents to index.
pub fn documents() -> Vec<Document<'static>> {
    articles()
        .iter()
        .map(|a| Document {
            id: a.id,
            locale: a.lang,
            title: a.title,
            body: a.body,
        })
        .collect()
}

/// The set's index with `config`.
pub fn index(config: Config) -> Index {
    Index::new(&documents(), &[], config)
}

/// What one question got: (top article, its confidence, handed over, asked for a person).
#[derive(Debug, Clone)]
pub struct Outcome {
    pub top: Option<String>,
    pub confidence: f32,
    pub handoff: Option<Handoff>,
}

/// Asks every question of `set` of `index`.
pub fn outcomes(index: &Index, set: &[Question]) -> Vec<Outcome> {
    set.iter()
        .map(|q| {
            let r = index.ask(q.text, q.lang);
            let first = r.answers.first();
            Outcome {
                top: first.map(|a| a.article_id.clone()),
                confidence: first.map_or(0.0, |a| a.confidence),
                handoff: r.handoff,
            }
        })
        .collect()
}

/// The figures of one language (or of all) on a set of questions.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Figures {
    /// Answerable questions.
    pub answerable: usize,
    /// Share of answerable questions whose top article is right, whatever the confidence.
    pub top1_ranked: f64,
    /// Share of answerable questions answered with the right article (not handed over).
    pub top1: f64,
    /// Questions no article answers.
    pub unanswerable: usize,
    /// Share of those handed over.
    pub handed_over: f64,
    /// Questions asking for a person, and the share handed over as such.
    pub person: usize,
    pub person_heard: f64,
    /// Answerable questions wrongly taken as asking for a person.
    pub person_false: usize,
}

fn share(n: usize, of: usize) -> f64 {
    if of == 0 { 0.0 } else { n as f64 / of as f64 }
}

/// The figures of `set` given its outcomes.
pub fn figures(set: &[Question], outcomes: &[Outcome]) -> Figures {
    let (mut answerable, mut ranked, mut right) = (0, 0, 0);
    let (mut none, mut handed) = (0, 0);
    let (mut person, mut heard, mut person_false) = (0, 0, 0);
    for (q, o) in set.iter().zip(outcomes) {
        match q.expected {
            Expected::Article(id) => {
                answerable += 1;
                let top = o.top.as_deref() == Some(id);
                ranked += usize::from(top);
                right += usize::from(top && o.handoff.is_none());
                person_false += usize::from(o.handoff == Some(Handoff::AskedForPerson));
            }
            Expected::None => {
                none += 1;
                handed += usize::from(o.handoff.is_some());
            }
            Expected::Person => {
                person += 1;
                heard += usize::from(o.handoff == Some(Handoff::AskedForPerson));
            }
        }
    }
    Figures {
        answerable,
        top1_ranked: share(ranked, answerable),
        top1: share(right, answerable),
        unanswerable: none,
        handed_over: share(handed, none),
        person,
        person_heard: share(heard, person),
        person_false,
    }
}

/// The questions of `lang` (None: all) in TRAIN (`held_out` false) or HELD-OUT.
pub fn split(lang: Option<Lang>, held_out: bool) -> Vec<Question> {
    questions()
        .iter()
        .filter(|q| q.held_out == held_out && lang.is_none_or(|l| q.lang == l))
        .copied()
        .collect()
}

/// The hand-over threshold chosen on TRAIN: the one (in steps of 0.01) that maximises the
/// share of answerable questions answered right plus the share of unanswerable ones handed
/// over, each averaged over the six languages; the lowest such.
pub fn choose_threshold(config: Config) -> f32 {
    let index = index(config);
    let train = split(None, false);
    let outcomes = outcomes(&index, &train);
    let mut best = (f64::MIN, config.threshold);
    for step in 1..100 {
        let t = step as f32 / 100.0;
        let mut total = 0.0;
        for lang in Lang::SIX {
            let (set, outs): (Vec<Question>, Vec<Outcome>) = train
                .iter()
                .zip(&outcomes)
                .filter(|(q, _)| q.lang == lang)
                .map(|(q, o)| {
                    let mut o = o.clone();
                    if o.handoff != Some(Handoff::AskedForPerson) {
                        o.handoff = (o.confidence < t).then_some(Handoff::LowConfidence);
                    }
                    (*q, o)
                })
                .unzip();
            let f = figures(&set, &outs);
            total += f.top1 + f.handed_over;
        }
        if total > best.0 + 1e-9 {
            best = (total, t);
        }
    }
    best.1
}

/// The trivial baseline: the article of the question's locale sharing the most distinct
/// lower-cased words with the question (split at anything not alphanumeric: no stop words,
/// no folding, no mutations, no Arabic letter forms), handing over when none shares a word.
pub fn baseline_overlap(set: &[Question]) -> Vec<Outcome> {
    let words = |t: &str| -> HashSet<String> {
        t.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let docs: Vec<(Lang, &str, HashSet<String>)> = articles()
        .iter()
        .map(|a| (a.lang, a.id, words(&format!("{} {}", a.title, a.body))))
        .collect();
    set.iter()
        .map(|q| {
            let qw = words(q.text);
            let best = docs
                .iter()
                .filter(|(l, _, _)| *l == q.lang)
                .map(|(_, id, w)| (qw.intersection(w).count(), *id))
                .max_by(|a, b| a.0.cmp(&b.0).then_with(|| b.1.cmp(a.1)));
            match best {
                Some((n, id)) if n > 0 => Outcome {
                    top: Some(id.to_string()),
                    confidence: 1.0,
                    handoff: None,
                },
                _ => Outcome {
                    top: None,
                    confidence: 0.0,
                    handoff: Some(Handoff::LowConfidence),
                },
            }
        })
        .collect()
}

/// The other trivial baseline: always the article most asked about in TRAIN, never handing
/// over.
pub fn baseline_most_asked(set: &[Question]) -> Vec<Outcome> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for q in questions().iter().filter(|q| !q.held_out) {
        if let Expected::Article(id) = q.expected {
            *counts.entry(id).or_default() += 1;
        }
    }
    let top = counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(a.0)))
        .map(|(id, _)| id.to_string());
    set.iter()
        .map(|_| Outcome {
            top: top.clone(),
            confidence: 1.0,
            handoff: None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn the_set_is_complete() {
        let ids: HashSet<&str> = articles().iter().map(|a| a.id).collect();
        assert!(ids.len() >= 30, "{} articles", ids.len());
        for lang in Lang::SIX {
            let n = articles().iter().filter(|a| a.lang == lang).count();
            assert_eq!(n, ids.len(), "{lang:?} has {n} articles");
            let qs: Vec<&Question> = questions().iter().filter(|q| q.lang == lang).collect();
            let answerable = qs
                .iter()
                .filter(|q| matches!(q.expected, Expected::Article(_)))
                .count();
            let none = qs.iter().filter(|q| q.expected == Expected::None).count();
            assert!(answerable >= 50, "{lang:?}: {answerable} answerable");
            assert!(none >= 10, "{lang:?}: {none} unanswerable");
            let fresh = fresh(Some(lang));
            let rows = fresh_sources()
                .iter()
                .filter(|(l, _)| *l == lang)
                .map(|(_, s)| rows(s).count())
                .sum::<usize>();
            assert_eq!(fresh.len(), rows, "{lang:?}: a fresh label is no article");
            let answerable = fresh
                .iter()
                .filter(|q| matches!(q.expected, Expected::Article(_)))
                .count();
            let none = fresh
                .iter()
                .filter(|q| q.expected == Expected::None)
                .count();
            assert!(answerable >= 10, "{lang:?}: {answerable} fresh answerable");
            assert!(none >= 2, "{lang:?}: {none} fresh unanswerable");
        }
    }

    /// Top-1 each language must keep on HELD-OUT: just below what is measured today (en
    /// 0.778, cy 0.920, ms 0.960, sw 0.800, ar 0.704, vi 0.778; en, ar and vi below the aim
    /// of 0.8: see `taith bench bot`), so that one more miss fails.
    const TOP1_FLOOR: [(Lang, f64); 6] = [
        (Lang::En, 0.77),
        (Lang::Cy, 0.91),
        (Lang::Ms, 0.95),
        (Lang::Sw, 0.79),
        (Lang::Ar, 0.70),
        (Lang::Vi, 0.77),
    ];

    /// The same on the FRESH questions (en 0.833, cy 0.750, ms 0.750, sw 0.917, ar 0.750,
    /// vi 0.833 of 12 each), and their unanswerable ones handed over (2 of 12 today: they ask
    /// for things close to what the articles say, a student discount beside the end-of-day
    /// one; far below the aim of 0.9).
    const FRESH_TOP1_FLOOR: [(Lang, f64); 6] = [
        (Lang::En, 0.83),
        (Lang::Cy, 0.74),
        (Lang::Ms, 0.74),
        (Lang::Sw, 0.91),
        (Lang::Ar, 0.74),
        (Lang::Vi, 0.83),
    ];
    const FRESH_HANDED_OVER_FLOOR: f64 = 0.16;

    #[test]
    fn fresh_accuracy_keeps_its_floors() {
        let index = index(Config::default());
        let mut failures = Vec::new();
        for (lang, floor) in FRESH_TOP1_FLOOR {
            let set = fresh(Some(lang));
            let f = figures(&set, &outcomes(&index, &set));
            if f.top1 < floor {
                failures.push(format!("{lang:?} fresh top-1 {:.3} < {floor}", f.top1));
            }
            if f.person_false > 0 {
                failures.push(format!("{lang:?} {} false person requests", f.person_false));
            }
        }
        let all = fresh(None);
        let f = figures(&all, &outcomes(&index, &all));
        if f.handed_over < FRESH_HANDED_OVER_FLOOR {
            failures.push(format!(
                "fresh unanswerable handed over {:.3}",
                f.handed_over
            ));
        }
        assert!(failures.is_empty(), "{failures:?}");
    }

    /// Accuracy on HELD-OUT with the shipped configuration: top-1 per language at least its
    /// floor, at least 0.9 of the unanswerable questions handed over (the aim), every request
    /// for a person heard and no answerable question taken for one.
    #[test]
    fn held_out_accuracy_keeps_its_floors() {
        let index = index(Config::default());
        let mut failures = Vec::new();
        for (lang, floor) in TOP1_FLOOR {
            let set = split(Some(lang), true);
            let f = figures(&set, &outcomes(&index, &set));
            if f.top1 < floor {
                failures.push(format!("{lang:?} top-1 {:.3} < {floor}", f.top1));
            }
            if f.person_false > 0 {
                failures.push(format!("{lang:?} {} false person requests", f.person_false));
            }
        }
        let all = split(None, true);
        let f = figures(&all, &outcomes(&index, &all));
        if f.handed_over < 0.9 {
            failures.push(format!("unanswerable handed over {:.3}", f.handed_over));
        }
        if f.person_heard < 1.0 {
            failures.push(format!("person requests heard {:.3}", f.person_heard));
        }
        assert!(failures.is_empty(), "{failures:?}");
    }

    #[test]
    fn the_shipped_threshold_is_the_one_chosen_on_train() {
        let chosen = choose_threshold(Config::default());
        assert!(
            (chosen - Config::default().threshold).abs() < 0.005,
            "chosen {chosen}"
        );
    }
}

#[cfg(test)]
mod report {
    #![allow(clippy::unwrap_used, clippy::print_stdout)]
    use super::*;

    /// The best configurations on TRAIN (by the threshold objective), around the default:
    /// `SWEEP="k1=1.2,1.6 b=0.5,0.75"` (any of title_boost, k1, b, gram_weight, min_ideal,
    /// scale, gram_share) crosses the values given, the other numbers as shipped.
    #[test]
    #[ignore]
    fn sweep() {
        let spec = std::env::var("SWEEP").unwrap_or_else(|_| "k1=1.2,1.6 b=0.3,0.75".into());
        let mut configs = vec![Config::default()];
        for part in spec.split_whitespace() {
            let (name, values) = part.split_once('=').unwrap();
            let values: Vec<f32> = values.split(',').map(|v| v.parse().unwrap()).collect();
            configs = configs
                .iter()
                .flat_map(|c| {
                    values.iter().map(move |&v| {
                        let mut c = *c;
                        match name {
                            "title_boost" => c.title_boost = v,
                            "k1" => c.k1 = v,
                            "b" => c.b = v,
                            "gram_weight" => c.gram_weight = v,
                            "min_ideal" => c.min_ideal = v,
                            "scale" => c.scale = v,
                            "gram_share" => c.gram_share = v,
                            "coverage" => c.coverage = v,
                            other => panic!("unknown {other}"),
                        }
                        c
                    })
                })
                .collect();
        }
        let mut results = Vec::new();
        for mut c in configs {
            c.threshold = choose_threshold(c);
            let index = index(c);
            let mut total = 0.0;
            let mut worst: f64 = 1.0;
            let mut ranked = 0.0;
            for lang in Lang::SIX {
                let set = split(Some(lang), false);
                let f = figures(&set, &outcomes(&index, &set));
                total += f.top1 + f.handed_over;
                ranked += f.top1_ranked;
                worst = worst.min(f.top1);
            }
            results.push((total, worst, ranked / 6.0, c));
        }
        results.sort_by(|a, b| b.0.total_cmp(&a.0));
        for r in results.iter().take(20) {
            println!(
                "{:.3} worst top1 {:.3} ranked {:.3} {:?}",
                r.0 / 6.0,
                r.1,
                r.2,
                r.3
            );
        }
    }

    /// `cargo test -p taith-text faq_eval::report -- --ignored --nocapture`: every miss of
    /// TRAIN (the only half to tune on); HELD-OUT only as figures.
    #[test]
    #[ignore]
    fn misses() {
        let config = Config {
            threshold: choose_threshold(Config::default()),
            ..Config::default()
        };
        println!("threshold chosen on TRAIN: {}", config.threshold);
        let index = index(config);
        for held_out in [false, true] {
            for lang in Lang::SIX {
                let set = split(Some(lang), held_out);
                let outs = outcomes(&index, &set);
                let f = figures(&set, &outs);
                println!(
                    "{} {lang:?}: {f:?}",
                    if held_out { "HELD-OUT" } else { "TRAIN" }
                );
                if held_out {
                    continue;
                }
                for (q, o) in set.iter().zip(&outs) {
                    let ok = match q.expected {
                        Expected::Article(id) => {
                            o.top.as_deref() == Some(id) && o.handoff.is_none()
                        }
                        Expected::None => o.handoff.is_some(),
                        Expected::Person => o.handoff == Some(Handoff::AskedForPerson),
                    };
                    if !ok {
                        println!(
                            "   MISS {} {:?} → {:?} {:.2} {:?} | {}",
                            q.id, q.expected, o.top, o.confidence, o.handoff, q.text
                        );
                    }
                }
            }
        }
    }

    /// The figures per language: top-1 on TRAIN, HELD-OUT and FRESH, the two baselines on
    /// HELD-OUT and FRESH, and the unanswerable questions handed over (no misses shown).
    #[test]
    #[ignore]
    fn table() {
        let config = Config::default();
        let index = index(config);
        println!(
            "threshold shipped {} chosen {}",
            config.threshold,
            choose_threshold(config)
        );
        println!(
            "| lang | train | held-out | fresh | overlap held-out / fresh | most-asked held-out / fresh | handed over train / held-out / fresh | overlap handed over held-out / fresh |"
        );
        println!("|---|---|---|---|---|---|---|---|");
        let langs: Vec<Option<Lang>> = Lang::SIX.into_iter().map(Some).chain([None]).collect();
        for lang in langs {
            let train = split(lang, false);
            let held = split(lang, true);
            let fresh = fresh(lang);
            let ours = |s: &[Question]| figures(s, &outcomes(&index, s));
            let (t, h, f) = (ours(&train), ours(&held), ours(&fresh));
            let oh = figures(&held, &baseline_overlap(&held));
            let of = figures(&fresh, &baseline_overlap(&fresh));
            let mh = figures(&held, &baseline_most_asked(&held));
            let mf = figures(&fresh, &baseline_most_asked(&fresh));
            println!(
                "| {} | {:.3} | {:.3} | {:.3} | {:.3} / {:.3} | {:.3} / {:.3} | {:.2} / {:.2} / {:.2} | {:.2} / {:.2} |",
                lang.map_or("all", Lang::code),
                t.top1,
                h.top1,
                f.top1,
                oh.top1,
                of.top1,
                mh.top1,
                mf.top1,
                t.handed_over,
                h.handed_over,
                f.handed_over,
                oh.handed_over,
                of.handed_over,
            );
        }
    }

    /// TRAIN's confidences: of right top answers, of wrong ones, of unanswerable questions.
    #[test]
    #[ignore]
    fn confidences() {
        let index = index(Config::default());
        for lang in Lang::SIX {
            let set = split(Some(lang), false);
            let outs = outcomes(&index, &set);
            let mut right = Vec::new();
            let mut wrong = Vec::new();
            let mut none = Vec::new();
            for (q, o) in set.iter().zip(&outs) {
                let c = (o.confidence * 100.0).round() as i32;
                match q.expected {
                    Expected::Article(id) if o.top.as_deref() == Some(id) => right.push(c),
                    Expected::Article(_) => wrong.push(c),
                    Expected::None => none.push(c),
                    Expected::Person => {}
                }
            }
            right.sort_unstable();
            wrong.sort_unstable();
            none.sort_unstable();
            println!("{lang:?} right {right:?}\n   wrong {wrong:?}\n   none {none:?}");
        }
    }
}
