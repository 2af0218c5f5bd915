//! `taith bench bot`: the FAQ bot's retrieval (`taith_text::retrieval`) on the benchmark set
//! shipped in `crates/taith-text/data/faq/`: per language, top-1 accuracy on the answerable
//! HELD-OUT questions and on the FRESH ones (written after HELD-OUT had been looked at, never
//! tuned on) and the share of unanswerable ones handed over, beside two trivial baselines
//! (word overlap without normalisation; always the most-asked article) and TRAIN's top-1,
//! requests for a person heard, the threshold chosen on TRAIN, and questions answered per
//! second.

use std::time::{Duration, Instant};
use taith_text::Lang;
use taith_text::faq_eval::{self, Figures as Set};
use taith_text::retrieval::Config;

/// One language's row (HELD-OUT or FRESH).
#[derive(Debug, Clone)]
pub struct Row {
    pub lang: Option<Lang>,
    pub ours: Set,
    pub overlap: Set,
    pub most_asked: Set,
    /// TRAIN's figures, for comparison.
    pub train: Set,
}

/// What `taith bench bot` measured.
#[derive(Debug, Clone)]
pub struct Figures {
    pub config: Config,
    pub chosen: f32,
    pub articles: usize,
    pub train: usize,
    pub held_out: usize,
    pub rows: Vec<Row>,
    /// The FRESH questions' rows.
    pub fresh: Vec<Row>,
    pub fresh_questions: usize,
    pub index_build: Duration,
    pub questions: usize,
    pub asking: Duration,
}

fn row(lang: Option<Lang>, index: &taith_text::retrieval::Index, fresh: bool) -> Row {
    let set = if fresh {
        faq_eval::fresh(lang)
    } else {
        faq_eval::split(lang, true)
    };
    let train = faq_eval::split(lang, false);
    Row {
        lang,
        ours: faq_eval::figures(&set, &faq_eval::outcomes(index, &set)),
        overlap: faq_eval::figures(&set, &faq_eval::baseline_overlap(&set)),
        most_asked: faq_eval::figures(&set, &faq_eval::baseline_most_asked(&set)),
        train: faq_eval::figures(&train, &faq_eval::outcomes(index, &train)),
    }
}

fn rows(index: &taith_text::retrieval::Index, fresh: bool) -> Vec<Row> {
    Lang::SIX
        .into_iter()
        .map(Some)
        .chain([None])
        .map(|l| row(l, index, fresh))
        .collect()
}

/// Runs the benchmark: every HELD-OUT question asked `repeat` times for the rate.
pub fn run(repeat: usize) -> Figures {
    let config = Config::default();
    let chosen = faq_eval::choose_threshold(config);
    let start = Instant::now();
    let index = faq_eval::index(config);
    let index_build = start.elapsed();
    let rows = rows(&index, false);
    let fresh = self::rows(&index, true);
    let held_out = faq_eval::split(None, true);
    let start = Instant::now();
    let mut answered = 0usize;
    for _ in 0..repeat.max(1) {
        for q in &held_out {
            answered += std::hint::black_box(index.ask(q.text, q.lang))
                .answers
                .len();
        }
    }
    let asking = start.elapsed();
    std::hint::black_box(answered);
    Figures {
        config,
        chosen,
        articles: index.len(),
        train: faq_eval::split(None, false).len(),
        held_out: held_out.len(),
        rows,
        fresh,
        fresh_questions: faq_eval::fresh(None).len(),
        index_build,
        questions: held_out.len() * repeat.max(1),
        asking,
    }
}

fn pct(x: f64) -> String {
    format!("{:.1}", x * 100.0)
}

impl Figures {
    /// The report as Markdown lines.
    pub fn lines(&self) -> Vec<String> {
        let mut out = vec![
            format!(
                "taith bench bot: {} articles × 6 languages; {} TRAIN questions (threshold chosen there: {:.2}, shipped {:.2}), {} HELD-OUT and {} FRESH questions reported below",
                self.articles,
                self.train,
                self.chosen,
                self.config.threshold,
                self.held_out,
                self.fresh_questions
            ),
            String::new(),
            "Top-1: answerable questions answered with the right article and not handed over (in brackets: right article ranked first, whatever the confidence). Handed over: unanswerable questions the bot hands over. Aims: top-1 ≥ 80 % in every language, ≥ 90 % handed over. FRESH: questions written after HELD-OUT had been looked at in tuning, and never tuned on.".into(),
        ];
        for (name, rows) in [("HELD-OUT", &self.rows), ("FRESH", &self.fresh)] {
            out.push(String::new());
            out.push(format!("{name}:"));
            out.push(String::new());
            out.push("| lang | answerable | top-1 % (ranked) | TRAIN top-1 % | baseline word overlap top-1 % | baseline most-asked top-1 % | unanswerable | handed over % | overlap handed over % | person requests heard | false person requests |".into());
            out.push("|---|---|---|---|---|---|---|---|---|---|---|".into());
            for r in rows {
                out.push(format!(
                    "| {} | {} | {} ({}) | {} | {} | {} | {} | {} | {} | {}/{} | {} |",
                    r.lang.map_or("all", Lang::code),
                    r.ours.answerable,
                    pct(r.ours.top1),
                    pct(r.ours.top1_ranked),
                    pct(r.train.top1),
                    pct(r.overlap.top1),
                    pct(r.most_asked.top1),
                    r.ours.unanswerable,
                    pct(r.ours.handed_over),
                    pct(r.overlap.handed_over),
                    (r.ours.person_heard * r.ours.person as f64).round(),
                    r.ours.person,
                    r.ours.person_false,
                ));
            }
        }
        let secs = self.asking.as_secs_f64().max(1e-9);
        out.push(String::new());
        out.push(format!(
            "index of {} translations built in {:.2} ms; {} questions asked in {:.3} s on 1 core: {:.0} questions/s",
            self.articles * 6,
            self.index_build.as_secs_f64() * 1000.0,
            self.questions,
            secs,
            self.questions as f64 / secs
        ));
        out
    }
}
