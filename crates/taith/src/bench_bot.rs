//! `taith bench bot`: the FAQ bot's retrieval (`taith_text::retrieval`) on the benchmark set
//! shipped in `crates/taith-text/data/faq/`: per language, top-1 accuracy on the answerable
//! HELD-OUT questions and the share of unanswerable ones handed over, beside two trivial
//! baselines (word overlap without normalisation; always the most-asked article), requests
//! for a person heard, the threshold chosen on TRAIN, and questions answered per second.

use std::time::{Duration, Instant};
use taith_text::Lang;
use taith_text::faq_eval::{self, Figures as Set};
use taith_text::retrieval::Config;

/// One language's row (HELD-OUT).
#[derive(Debug, Clone)]
pub struct Row {
    pub lang: Option<Lang>,
    pub ours: Set,
    pub overlap: Set,
    pub most_asked: Set,
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
    pub index_build: Duration,
    pub questions: usize,
    pub asking: Duration,
}

fn row(lang: Option<Lang>, index: &taith_text::retrieval::Index) -> Row {
    let set = faq_eval::split(lang, true);
    Row {
        lang,
        ours: faq_eval::figures(&set, &faq_eval::outcomes(index, &set)),
        overlap: faq_eval::figures(&set, &faq_eval::baseline_overlap(&set)),
        most_asked: faq_eval::figures(&set, &faq_eval::baseline_most_asked(&set)),
    }
}

/// Runs the benchmark: every HELD-OUT question asked `repeat` times for the rate.
pub fn run(repeat: usize) -> Figures {
    let config = Config::default();
    let chosen = faq_eval::choose_threshold(config);
    let start = Instant::now();
    let index = faq_eval::index(config);
    let index_build = start.elapsed();
    let mut rows: Vec<Row> = Lang::SIX
        .into_iter()
        .map(|l| row(Some(l), &index))
        .collect();
    rows.push(row(None, &index));
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
                "taith bench bot: {} articles × 6 languages; {} TRAIN questions (threshold chosen there: {:.2}, shipped {:.2}), {} HELD-OUT questions reported below",
                self.articles, self.train, self.chosen, self.config.threshold, self.held_out
            ),
            String::new(),
            "Top-1: answerable questions answered with the right article and not handed over (in brackets: right article ranked first, whatever the confidence). Handed over: unanswerable questions the bot hands over. Aims: top-1 ≥ 80 % in every language, ≥ 90 % handed over.".into(),
            String::new(),
            "| lang | answerable | top-1 % (ranked) | baseline word overlap top-1 % | baseline most-asked top-1 % | unanswerable | handed over % | overlap handed over % | person requests heard | false person requests |".into(),
            "|---|---|---|---|---|---|---|---|---|---|".into(),
        ];
        for r in &self.rows {
            out.push(format!(
                "| {} | {} | {} ({}) | {} | {} | {} | {} | {} | {}/{} | {} |",
                r.lang.map_or("all", Lang::code),
                r.ours.answerable,
                pct(r.ours.top1),
                pct(r.ours.top1_ranked),
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
