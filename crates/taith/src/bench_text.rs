//! `taith bench text`: the text analytics of `taith-text` measured on this machine —
//! throughput of the whole pipeline against a normalise-and-script-only floor, retraining
//! time, held-out sentiment figures per language beside the majority class and the lexicon
//! alone, language-ID accuracy on lingua's test lines, and model memory.

use std::time::{Duration, Instant};
use taith_text::eval::{self, Labelled};
use taith_text::{Example, Label, Lang, Model, Polarity};

/// What to run.
#[derive(Debug, Clone, Copy)]
pub struct Shape {
    /// Synthetic comments through the pipeline.
    pub comments: usize,
    /// Labelled comments to retrain a model on.
    pub retrain: usize,
    /// Worker threads for the throughput run.
    pub threads: usize,
}

/// A small deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// `n` synthetic comments in our six languages, each one or two TRAIN sentences of one
/// language recombined, with that language as the hint (the response's locale).
fn synthetic(n: usize, seed: u64) -> Vec<(String, Lang)> {
    let mut rng = Rng(seed | 1);
    let sets: Vec<(Lang, &[Labelled])> = Lang::SIX
        .into_iter()
        .map(|l| (l, eval::train_set(l)))
        .collect();
    (0..n)
        .map(|_| {
            let (lang, set) = sets[rng.below(sets.len())];
            let a = set[rng.below(set.len())].text;
            let text = if rng.below(2) == 0 {
                a.to_string()
            } else {
                format!("{a} {}", set[rng.below(set.len())].text)
            };
            (text, lang)
        })
        .collect()
}

/// Runs `work` over `items` on `threads` threads; the time taken and a checksum of the
/// results (so nothing is optimised away).
fn timed_parallel<T: Sync>(
    items: &[T],
    threads: usize,
    work: impl Fn(&T) -> usize + Sync,
) -> (Duration, usize) {
    let chunk = items.len().div_ceil(threads.max(1)).max(1);
    let start = Instant::now();
    let sum = std::thread::scope(|s| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|part| s.spawn(|| part.iter().map(&work).sum::<usize>()))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or(0))
            .sum::<usize>()
    });
    (start.elapsed(), sum)
}

/// One language's row of the table.
#[derive(Debug, Clone)]
pub struct Row {
    pub lang: Lang,
    pub held_out: usize,
    pub majority: (f64, f64),
    pub lexicon: (f64, f64),
    pub base: (f64, f64),
    /// (base on the second half of HELD-OUT, base trained on the first half's positive and
    /// negative comments, on the second half), macro-F1.
    pub tuned: (f64, f64),
    pub lang_id_sentences: f64,
    pub lang_id_words: f64,
    pub memory: usize,
}

/// What `taith bench text` measured.
#[derive(Debug, Clone)]
pub struct Figures {
    pub comments: usize,
    pub threads: usize,
    pub pipeline: Duration,
    pub floor: Duration,
    pub retrain_examples: usize,
    pub retrain: Duration,
    pub base_build: Duration,
    pub rows: Vec<Row>,
}

fn predict(model: &Model, set: &[Labelled]) -> Vec<Polarity> {
    set.iter()
        .map(|l| {
            model
                .score(l.text)
                .map_or(Polarity::Neutral, |s| s.polarity)
        })
        .collect()
}

fn truth(set: &[Labelled]) -> Vec<Polarity> {
    set.iter().map(|l| l.polarity).collect()
}

fn examples(set: &[Labelled]) -> Vec<Example<'static>> {
    set.iter()
        .filter_map(|l| {
            let label = match l.polarity {
                Polarity::Positive => Label::Positive,
                Polarity::Negative => Label::Negative,
                Polarity::Neutral => return None,
            };
            Some(Example {
                text: l.text,
                label,
            })
        })
        .collect()
}

fn row(lang: Lang) -> Row {
    let held = eval::held_out(lang);
    let t = truth(held);
    let base = Model::base(lang);
    let majority = eval::scores(&t, &vec![eval::majority(lang); held.len()]);
    let lexicon = eval::scores(&t, &predict(&Model::lexicon_only(lang), held));
    let base_scores = eval::scores(&t, &predict(&base, held));
    let first: Vec<Labelled> = held.iter().step_by(2).copied().collect();
    let second: Vec<Labelled> = held.iter().skip(1).step_by(2).copied().collect();
    let mut tuned = base.clone();
    tuned.train(&examples(&first));
    let t2 = truth(&second);
    let before = eval::scores(&t2, &predict(&base, &second)).1;
    let after = eval::scores(&t2, &predict(&tuned, &second)).1;
    let tests = eval::lang_id_tests(lang);
    let accuracy = |lines: &[&str]| {
        if lines.is_empty() {
            return 0.0;
        }
        let right = lines
            .iter()
            .filter(|l| taith_text::lang::detect(l, None).lang == lang)
            .count();
        right as f64 / lines.len() as f64
    };
    Row {
        lang,
        held_out: held.len(),
        majority,
        lexicon,
        base: base_scores,
        tuned: (before, after),
        lang_id_sentences: accuracy(&tests.sentences),
        lang_id_words: accuracy(&tests.words),
        memory: base.memory_bytes(),
    }
}

/// Runs the benchmark.
pub fn run(shape: Shape) -> Figures {
    // Building the six base models happens once per process, on first use: time it.
    let start = Instant::now();
    let models: Vec<Model> = Lang::SIX.into_iter().map(Model::base).collect();
    let base_build = start.elapsed();
    let model_for = |l: Lang| models.iter().find(|m| m.lang() == l);

    let comments = synthetic(shape.comments, 0x7a17_4e57);
    let (pipeline, _) = timed_parallel(&comments, shape.threads, |(text, hint)| {
        let a = taith_text::analyse(text, Some(*hint), model_for);
        a.phrases.len() + usize::from(a.sentiment.is_some())
    });
    let (floor, _) = timed_parallel(&comments, shape.threads, |(text, hint)| {
        let n = taith_text::normalize::normalize(text);
        n.len() + taith_text::lang::detect_by_script(text, Some(*hint)) as usize
    });
    drop(comments);

    // Retraining: English positive and negative TRAIN comments, recombined.
    let mut rng = Rng(0x5eed_cafe);
    let pool = examples(eval::train_set(Lang::En));
    let texts: Vec<(String, Label)> = (0..shape.retrain)
        .map(|_| {
            let a = pool[rng.below(pool.len())];
            let b = pool
                .iter()
                .cycle()
                .skip(rng.below(pool.len()))
                .find(|e| e.label == a.label)
                .map_or("", |e| e.text);
            (format!("{} {b}", a.text), a.label)
        })
        .collect();
    let train: Vec<Example<'_>> = texts
        .iter()
        .map(|(text, label)| Example {
            text,
            label: *label,
        })
        .collect();
    let mut model = Model::base(Lang::En);
    let start = Instant::now();
    model.train(&train);
    let retrain = start.elapsed();

    let rows = Lang::SIX.into_iter().map(row).collect();
    Figures {
        comments: shape.comments,
        threads: shape.threads,
        pipeline,
        floor,
        retrain_examples: shape.retrain,
        retrain,
        base_build,
        rows,
    }
}

fn pct(x: f64) -> String {
    format!("{:.1}", x * 100.0)
}

impl Figures {
    /// The report as Markdown lines.
    pub fn lines(&self) -> Vec<String> {
        let rate = |d: Duration| self.comments as f64 / d.as_secs_f64().max(1e-9);
        let mut out = vec![
            format!(
                "taith bench text: {} synthetic comments in six languages on {} threads",
                self.comments, self.threads
            ),
            String::new(),
            "| measure | ours | baseline | ratio |".into(),
            "|---|---|---|---|".into(),
            format!(
                "| pipeline (language, sentiment, key phrases) | {:.2} s, {:.0} comments/s, {:.0}/s per core | normalise + script-only detection: {:.2} s, {:.0}/s | {:.1}× slower |",
                self.pipeline.as_secs_f64(),
                rate(self.pipeline),
                rate(self.pipeline) / self.threads as f64,
                self.floor.as_secs_f64(),
                rate(self.floor),
                self.pipeline.as_secs_f64() / self.floor.as_secs_f64().max(1e-9),
            ),
            format!(
                "| retrain one model ({} labelled comments, 3 epochs, 1 core) | {:.2} s | | |",
                self.retrain_examples,
                self.retrain.as_secs_f64()
            ),
            format!(
                "| build the six base models (lexicon + TRAIN, once per process) | {:.3} s | | |",
                self.base_build.as_secs_f64()
            ),
            String::new(),
            "Sentiment on HELD-OUT (accuracy % / macro-F1 over the classes present: positive, negative, neutral); language ID accuracy % on lingua's test lines (no hint).".into(),
            String::new(),
            "| lang | held-out | majority | lexicon alone | base model | base → tuned on half (F1, other half) | lang-ID sentences | lang-ID single words | model memory |".into(),
            "|---|---|---|---|---|---|---|---|---|".into(),
        ];
        for r in &self.rows {
            out.push(format!(
                "| {} | {} | {} / {:.3} | {} / {:.3} | {} / {:.3} | {:.3} → {:.3} | {} | {} | {:.2} MiB |",
                r.lang.code(),
                r.held_out,
                pct(r.majority.0),
                r.majority.1,
                pct(r.lexicon.0),
                r.lexicon.1,
                pct(r.base.0),
                r.base.1,
                r.tuned.0,
                r.tuned.1,
                pct(r.lang_id_sentences),
                pct(r.lang_id_words),
                r.memory as f64 / (1024.0 * 1024.0),
            ));
        }
        if let Some(en) = self.rows.iter().find(|r| r.lang == Lang::En) {
            let worst = self
                .rows
                .iter()
                .map(|r| r.base.1 / en.base.1.max(1e-9))
                .fold(f64::INFINITY, f64::min);
            out.push(String::new());
            out.push(format!(
                "Lowest macro-F1 relative to English: {worst:.2} (aim ≥ 0.80)."
            ));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_small_run_fills_every_row() {
        let f = run(Shape {
            comments: 300,
            retrain: 200,
            threads: 2,
        });
        assert_eq!(f.rows.len(), 6);
        for r in &f.rows {
            assert!(r.held_out > 0);
            assert!(r.base.0 > r.majority.0, "{:?}", r.lang);
            assert!(r.lang_id_sentences > 0.85, "{:?}", r.lang);
        }
        let lines = f.lines();
        assert!(lines.iter().any(|l| l.starts_with("| cy |")));
    }
}
