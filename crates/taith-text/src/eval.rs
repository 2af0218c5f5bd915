//! Held-out labelled comments per language and the figures `taith bench text` prints:
//! accuracy and macro-F1 beside the majority-class baseline.

use crate::{Lang, Polarity};

/// One labelled comment of an evaluation set.
#[derive(Debug, Clone, Copy)]
pub struct Labelled {
    pub text: &'static str,
    pub polarity: Polarity,
}

/// Accuracy and macro-F1 (over the classes present in the truth) of `predicted` against
/// `truth`.
pub fn scores(truth: &[Polarity], predicted: &[Polarity]) -> (f64, f64) {
    let n = truth.len().min(predicted.len());
    if n == 0 {
        return (0.0, 0.0);
    }
    let correct = (0..n).filter(|&i| truth[i] == predicted[i]).count();
    let mut f1s = Vec::new();
    for class in [Polarity::Negative, Polarity::Neutral, Polarity::Positive] {
        if !truth[..n].contains(&class) {
            continue;
        }
        let tp = (0..n)
            .filter(|&i| truth[i] == class && predicted[i] == class)
            .count() as f64;
        let fp = (0..n)
            .filter(|&i| truth[i] != class && predicted[i] == class)
            .count() as f64;
        let fne = (0..n)
            .filter(|&i| truth[i] == class && predicted[i] != class)
            .count() as f64;
        let f1 = if tp == 0.0 {
            0.0
        } else {
            2.0 * tp / (2.0 * tp + fp + fne)
        };
        f1s.push(f1);
    }
    (
        correct as f64 / n as f64,
        f1s.iter().sum::<f64>() / f1s.len() as f64,
    )
}

/// The held-out evaluation set of `lang`: about 30% of its shipped labelled comments, chosen
/// by a hash of their ids (see `data/sentiment/NOTICE`); the base models never learn from it.
/// Empty for `Other`.
pub fn held_out(lang: Lang) -> &'static [Labelled] {
    &crate::data::split(lang).held_out
}

/// The training set of `lang`: the other 70%, what the base model learned from (with the
/// lexicon). The benchmark recombines it into synthetic comments.
pub fn train_set(lang: Lang) -> &'static [Labelled] {
    &crate::data::split(lang).train
}

/// The majority class of `lang`'s training set: the baseline every model must beat.
pub fn majority(lang: Lang) -> Polarity {
    let train = train_set(lang);
    let count = |p: Polarity| train.iter().filter(|l| l.polarity == p).count();
    [Polarity::Negative, Polarity::Neutral, Polarity::Positive]
        .into_iter()
        .max_by_key(|p| count(*p))
        .unwrap_or(Polarity::Neutral)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_a_held_out_set_apart_from_its_training_set() {
        for lang in Lang::SIX {
            let held = held_out(lang);
            let train = train_set(lang);
            assert!(held.len() >= 80, "{lang:?}: {}", held.len());
            assert!(train.len() > held.len(), "{lang:?}");
            for h in held.iter().take(50) {
                assert!(!train.iter().any(|t| std::ptr::eq(t.text, h.text)));
            }
        }
        assert!(held_out(Lang::Other).is_empty());
    }

    #[test]
    fn scores_count_macro_f1_over_present_classes() {
        use Polarity::*;
        let (acc, f1) = scores(&[Positive, Negative], &[Positive, Positive]);
        assert!((acc - 0.5).abs() < 1e-9);
        assert!((f1 - (2.0 / 3.0) / 2.0).abs() < 1e-9);
    }
}

#[cfg(test)]
mod figures {
    use super::*;
    use crate::Model;

    /// `cargo test -p taith-text --release figures -- --ignored --nocapture`: the held-out
    /// figures while tuning (the benchmark prints the same).
    #[test]
    #[ignore]
    fn print_held_out_figures() {
        for lang in Lang::SIX {
            let held = held_out(lang);
            let truth: Vec<Polarity> = held.iter().map(|l| l.polarity).collect();
            let base = Model::base(lang);
            let lex = Model::lexicon_only(lang);
            let pred = |m: &Model| -> Vec<Polarity> {
                held.iter()
                    .map(|l| m.score(l.text).map_or(Polarity::Neutral, |s| s.polarity))
                    .collect()
            };
            let maj = vec![majority(lang); held.len()];
            let (ba, bf) = scores(&truth, &pred(&base));
            let (la, lf) = scores(&truth, &pred(&lex));
            let (ma, mf) = scores(&truth, &maj);
            let probs: Vec<Option<f32>> = held.iter().map(|l| base.probability(l.text)).collect();
            let mut line = String::new();
            for band in [0.0f32, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3] {
                let pr: Vec<Polarity> = probs
                    .iter()
                    .map(|p| match p {
                        None => Polarity::Neutral,
                        Some(p) if (p - 0.5).abs() < band => Polarity::Neutral,
                        Some(p) if *p > 0.5 => Polarity::Positive,
                        Some(_) => Polarity::Negative,
                    })
                    .collect();
                let (_, f) = scores(&truth, &pr);
                line.push_str(&format!(" {band}:{f:.3}"));
            }
            eprintln!("  band sweep{line}");
            eprintln!(
                "{:?} n={} base {:.3}/{:.3} lexicon {:.3}/{:.3} majority {:.3}/{:.3}",
                lang,
                held.len(),
                ba,
                bf,
                la,
                lf,
                ma,
                mf
            );
        }
    }
}

/// lingua's language-labelled test lines of one language (see `data/lang/NOTICE`): never
/// used to build the detector's table.
#[derive(Debug, Default)]
pub struct LangTests {
    pub sentences: Vec<&'static str>,
    pub words: Vec<&'static str>,
}

/// The language-identification test lines of `lang` (empty for `Other`).
pub fn lang_id_tests(lang: Lang) -> &'static LangTests {
    static TESTS: std::sync::OnceLock<Vec<(Lang, LangTests)>> = std::sync::OnceLock::new();
    static EMPTY: LangTests = LangTests {
        sentences: Vec::new(),
        words: Vec::new(),
    };
    let all = TESTS.get_or_init(|| {
        let mut all: Vec<(Lang, LangTests)> = Lang::SIX
            .into_iter()
            .map(|l| (l, LangTests::default()))
            .collect();
        for line in include_str!("../data/lang/testset.tsv").lines() {
            if line.starts_with('#') {
                continue;
            }
            let mut f = line.splitn(3, '\t');
            let (Some(code), Some(kind), Some(text)) = (f.next(), f.next(), f.next()) else {
                continue;
            };
            let Some(slot) = all.iter_mut().find(|(l, _)| l.code() == code) else {
                continue;
            };
            match kind {
                "sentence" => slot.1.sentences.push(text),
                "word" => slot.1.words.push(text),
                _ => {}
            }
        }
        all
    });
    all.iter()
        .find(|(l, _)| *l == lang)
        .map_or(&EMPTY, |(_, t)| t)
}

#[cfg(test)]
mod speed {
    use super::*;
    use crate::Model;
    use std::time::Instant;

    /// `cargo test -p taith-text --release speed -- --ignored --nocapture`: where the
    /// pipeline's time goes, stage by stage, on one core.
    #[test]
    #[ignore]
    fn print_stage_times() {
        let texts: Vec<(Lang, &str)> = Lang::SIX
            .into_iter()
            .flat_map(|l| train_set(l).iter().map(move |t| (l, t.text)))
            .cycle()
            .take(100_000)
            .collect();
        let models: Vec<Model> = Lang::SIX.into_iter().map(Model::base).collect();
        let t = Instant::now();
        let n: usize = texts
            .iter()
            .map(|(_, x)| crate::normalize::normalize(x).len())
            .sum();
        eprintln!("normalize {:?} {n}", t.elapsed());
        let t = Instant::now();
        let n: usize = texts
            .iter()
            .map(|(l, x)| crate::lang::detect(x, Some(*l)).lang as usize)
            .sum();
        eprintln!("detect {:?} {n}", t.elapsed());
        let t = Instant::now();
        let n: usize = texts
            .iter()
            .map(|(l, x)| crate::sentiment::features(*l, x).len())
            .sum();
        eprintln!("features {:?} {n}", t.elapsed());
        let t = Instant::now();
        let n: usize = texts
            .iter()
            .map(|(l, x)| models[crate::data::index(*l)].score(x).is_some() as usize)
            .sum();
        eprintln!("score {:?} {n}", t.elapsed());
        let t = Instant::now();
        let n: usize = texts
            .iter()
            .map(|(l, x)| crate::themes::key_phrases(*l, x).len())
            .sum();
        eprintln!("key_phrases {:?} {n}", t.elapsed());
    }
}
