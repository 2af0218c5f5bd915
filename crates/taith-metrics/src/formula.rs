//! The exact metric definitions of DESIGN §3.
//!
//! | metric | counted as good | value |
//! |---|---|---|
//! | NPS (0–10) | promoters 9–10; detractors 0–6; passives 7–8 | 100 × (promoters − detractors) / n |
//! | CSAT (1–3, 1–5, 1–7) | satisfied: 3 on 1–3; 4–5 on 1–5; 6–7 on 1–7 | 100 × satisfied / n |
//! | CES (1–5, 1–7) | easy: 4–5 on 1–5; 5–7 on 1–7 | 100 × easy / n |
//!
//! Intervals at 95%: for NPS, NPS ± 1.96 × 100 × √Var with Var(NPS/100) = (p₊ + p₋ −
//! (p₊ − p₋)²) / n, clamped to [−100, 100]; for CSAT and CES the Wilson score interval. Two
//! figures differ significantly when |Δ| > 1.96 × √(Var₁ + Var₂). Fewer than 30 responses is a
//! small sample. With no responses there is no value and no interval — not an error.

use taith_domain::Scale;

/// z for a two-sided 95% interval.
pub const Z95: f64 = 1.96;
/// Below this many responses a figure is flagged as a small sample.
pub const SMALL_SAMPLE: u64 = 30;

/// Responses per score, 0 to 10 (every scale of DESIGN §3 lies within it).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Histogram(pub [u64; 11]);

impl Histogram {
    pub fn from_scores(scores: impl IntoIterator<Item = i16>) -> Histogram {
        let mut h = Histogram::default();
        for s in scores {
            h.record(s);
        }
        h
    }

    /// Counts one response; a score outside 0–10 is ignored (the domain never makes one).
    pub fn record(&mut self, score: i16) {
        if let Some(c) = usize::try_from(score).ok().and_then(|i| self.0.get_mut(i)) {
            *c += 1;
        }
    }

    pub fn add(&mut self, other: &Histogram) {
        for (a, b) in self.0.iter_mut().zip(other.0) {
            *a += b;
        }
    }

    pub fn n(&self) -> u64 {
        self.0.iter().sum()
    }

    /// Responses scoring from `low` to `high`, inclusive.
    pub fn between(&self, low: i16, high: i16) -> u64 {
        (low.max(0)..=high.min(10))
            .filter_map(|s| usize::try_from(s).ok())
            .map(|i| self.0[i])
            .sum()
    }

    /// The counts of the scale's points, lowest first (the API's `histogram`).
    pub fn on_scale(&self, scale: Scale) -> Vec<u64> {
        (scale.low..=scale.high)
            .filter_map(|s| usize::try_from(s).ok())
            .map(|i| self.0.get(i).copied().unwrap_or(0))
            .collect()
    }

    /// The mean score, None without responses.
    pub fn mean(&self) -> Option<f64> {
        let n = self.n();
        (n > 0).then(|| {
            let total: u64 = self.0.iter().enumerate().map(|(s, c)| s as u64 * c).sum();
            total as f64 / n as f64
        })
    }
}

/// Which figure is asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Metric {
    Nps,
    Csat,
    Ces,
}

impl Metric {
    pub fn as_str(self) -> &'static str {
        match self {
            Metric::Nps => "nps",
            Metric::Csat => "csat",
            Metric::Ces => "ces",
        }
    }

    pub fn parse(s: &str) -> Option<Metric> {
        match s.trim().to_ascii_lowercase().as_str() {
            "nps" => Some(Metric::Nps),
            "csat" => Some(Metric::Csat),
            "ces" => Some(Metric::Ces),
            _ => None,
        }
    }

    /// The metric a survey of `kind` is read by; None for a custom survey, which has none.
    pub fn for_kind(kind: taith_domain::SurveyKind) -> Option<Metric> {
        match kind {
            taith_domain::SurveyKind::Nps => Some(Metric::Nps),
            taith_domain::SurveyKind::Csat => Some(Metric::Csat),
            taith_domain::SurveyKind::Ces => Some(Metric::Ces),
            taith_domain::SurveyKind::Custom => None,
        }
    }

    /// The survey kind whose answers the metric is computed from.
    pub fn kind(self) -> taith_domain::SurveyKind {
        match self {
            Metric::Nps => taith_domain::SurveyKind::Nps,
            Metric::Csat => taith_domain::SurveyKind::Csat,
            Metric::Ces => taith_domain::SurveyKind::Ces,
        }
    }

    /// The scores that count as good on `scale` (satisfied, easy; promoters for NPS).
    pub fn good(self, scale: Scale) -> (i16, i16) {
        match (self, scale.high) {
            (Metric::Nps, _) => (9, 10),
            (Metric::Csat, 3) => (3, 3),
            (Metric::Csat, h) => (h - 1, h),
            (Metric::Ces, 7) => (5, 7),
            (Metric::Ces, h) => (h - 1, h),
        }
    }
}

/// Where a score sits on its survey's scale: the good end (promoters; satisfied or easy), the
/// bad end (detractors; the bottom two points of a CSAT, CES or custom scale), or between.
/// The comments feed filters by it, so "the unhappy ones" means the same on every scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Band {
    Positive,
    Neutral,
    Negative,
}

impl Band {
    pub const ALL: [Band; 3] = [Band::Positive, Band::Neutral, Band::Negative];

    /// `score`'s band on a survey of `kind` asked on `scale`.
    pub fn of(kind: taith_domain::SurveyKind, scale: Scale, score: i16) -> Band {
        use taith_domain::SurveyKind as K;
        let (good_low, good_high) = match kind {
            K::Nps => Metric::Nps.good(scale),
            K::Csat => Metric::Csat.good(scale),
            K::Ces => Metric::Ces.good(scale),
            K::Custom => (scale.high - 1, scale.high),
        };
        let bad_high = match kind {
            K::Nps => 6,
            _ => scale.low + 1,
        };
        if (good_low..=good_high).contains(&score) {
            Band::Positive
        } else if score <= bad_high {
            Band::Negative
        } else {
            Band::Neutral
        }
    }

    /// The value in queries (`?band=negative`), also the translation key's suffix.
    pub fn as_str(self) -> &'static str {
        match self {
            Band::Positive => "positive",
            Band::Neutral => "neutral",
            Band::Negative => "negative",
        }
    }

    pub fn parse(s: &str) -> Option<Band> {
        Band::ALL.into_iter().find(|b| b.as_str() == s)
    }
}

/// The counts behind a figure.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Detail {
    Nps {
        promoters: u64,
        passives: u64,
        detractors: u64,
    },
    Csat {
        satisfied: u64,
        mean: Option<f64>,
    },
    Ces {
        easy: u64,
        mean: Option<f64>,
    },
}

/// A metric over one histogram.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MetricValue {
    pub n: u64,
    /// −100…100 for NPS, 0…100 otherwise; None when n = 0.
    pub value: Option<f64>,
    /// The 95% interval; None when n = 0.
    pub ci95: Option<(f64, f64)>,
    pub small_sample: bool,
    /// The variance of `value` (in its own units, squared), for significance; None when n = 0.
    pub variance: Option<f64>,
    pub detail: Detail,
}

impl MetricValue {
    pub fn of(metric: Metric, scale: Scale, h: &Histogram) -> MetricValue {
        let n = h.n();
        let nf = n as f64;
        let (good_low, good_high) = metric.good(scale);
        let good = h.between(good_low, good_high);
        let (value, ci95, variance, detail) = match metric {
            Metric::Nps => {
                let detractors = h.between(0, 6);
                let passives = h.between(7, 8);
                let detail = Detail::Nps {
                    promoters: good,
                    passives,
                    detractors,
                };
                if n == 0 {
                    (None, None, None, detail)
                } else {
                    let (pp, pd) = (good as f64 / nf, detractors as f64 / nf);
                    let nps = 100.0 * (pp - pd);
                    let var = 10_000.0 * (pp + pd - (pp - pd).powi(2)) / nf;
                    let half = Z95 * var.max(0.0).sqrt();
                    let ci = ((nps - half).max(-100.0), (nps + half).min(100.0));
                    (Some(nps), Some(ci), Some(var), detail)
                }
            }
            Metric::Csat | Metric::Ces => {
                let mean = h.mean();
                let detail = if metric == Metric::Csat {
                    Detail::Csat {
                        satisfied: good,
                        mean,
                    }
                } else {
                    Detail::Ces { easy: good, mean }
                };
                if n == 0 {
                    (None, None, None, detail)
                } else {
                    let p = good as f64 / nf;
                    let (lo, hi) = wilson(good, n);
                    let var = 10_000.0 * p * (1.0 - p) / nf;
                    (
                        Some(100.0 * p),
                        Some((100.0 * lo, 100.0 * hi)),
                        Some(var),
                        detail,
                    )
                }
            }
        };
        MetricValue {
            n,
            value,
            ci95,
            small_sample: n < SMALL_SAMPLE,
            variance,
            detail,
        }
    }
}

/// The Wilson score interval at 95% for `good` successes out of `n` (n > 0), as proportions.
pub fn wilson(good: u64, n: u64) -> (f64, f64) {
    let (k, n) = (good as f64, n as f64);
    let p = k / n;
    let z2 = Z95 * Z95;
    let denominator = 1.0 + z2 / n;
    let centre = (p + z2 / (2.0 * n)) / denominator;
    let half = Z95 * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt() / denominator;
    ((centre - half).max(0.0), (centre + half).min(1.0))
}

/// Whether `after` differs significantly from `before`: |Δ| > 1.96 × √(Var₁ + Var₂). None
/// when either has no responses.
pub fn significant_change(before: &MetricValue, after: &MetricValue) -> Option<bool> {
    let (a, b) = (before.value?, after.value?);
    let (va, vb) = (before.variance?, after.variance?);
    Some((b - a).abs() > Z95 * (va + vb).sqrt())
}

/// How one group's figure differs from another's: `a − b` in the metric's points, with the
/// 95% interval of a difference (±1.96 × √(Var₁ + Var₂)) and whether it is significant
/// (the interval leaves out zero). What a theme's impact on the score is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Difference {
    pub delta: f64,
    /// Half the width of the 95% interval.
    pub margin: f64,
    pub significant: bool,
}

/// `a − b`, or None when either group has no responses.
pub fn difference(a: &MetricValue, b: &MetricValue) -> Option<Difference> {
    let (va, vb) = (a.value?, b.value?);
    let margin = Z95 * (a.variance? + b.variance?).sqrt();
    let delta = va - vb;
    Some(Difference {
        delta,
        margin,
        significant: delta.abs() > margin,
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    const NPS: Scale = Scale { low: 0, high: 10 };
    const CSAT5: Scale = Scale { low: 1, high: 5 };
    const CSAT3: Scale = Scale { low: 1, high: 3 };
    const CSAT7: Scale = Scale { low: 1, high: 7 };
    const CES5: Scale = Scale { low: 1, high: 5 };
    const CES7: Scale = Scale { low: 1, high: 7 };

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn no_responses_give_no_value_and_no_error() {
        for (m, s) in [
            (Metric::Nps, NPS),
            (Metric::Csat, CSAT5),
            (Metric::Ces, CES7),
        ] {
            let v = MetricValue::of(m, s, &Histogram::default());
            assert_eq!(
                (v.n, v.value, v.ci95, v.small_sample),
                (0, None, None, true)
            );
        }
    }

    #[test]
    fn all_promoters_give_100_and_a_6_is_a_detractor_and_a_7_a_passive() {
        let v = MetricValue::of(Metric::Nps, NPS, &Histogram::from_scores([9, 10, 10]));
        assert_eq!(v.value, Some(100.0));
        assert_eq!(v.ci95, Some((100.0, 100.0)), "no spread when all agree");
        let v = MetricValue::of(Metric::Nps, NPS, &Histogram::from_scores([6, 7]));
        assert_eq!(
            v.detail,
            Detail::Nps {
                promoters: 0,
                passives: 1,
                detractors: 1
            }
        );
        assert_eq!(v.value, Some(-50.0));
    }

    #[test]
    fn the_nps_interval_matches_a_hand_computation() {
        // 120 responses: 70 promoters, 30 passives, 20 detractors (the contract's example).
        let mut h = Histogram::default();
        h.0[10] = 70;
        h.0[8] = 30;
        h.0[3] = 20;
        let v = MetricValue::of(Metric::Nps, NPS, &h);
        // p+ = 0.58333…, p− = 0.16667…; NPS = 41.667.
        // Var = (0.58333 + 0.16667 − 0.41667²) / 120 = (0.75 − 0.173611) / 120 = 0.0048032…
        // half = 1.96 × 100 × √0.0048032 = 13.5838…
        let value = v.value.unwrap();
        assert!(close(value, 41.666_666_666_666_67), "{value}");
        let (lo, hi) = v.ci95.unwrap();
        let half = 1.96 * 100.0 * ((0.75 - (5.0f64 / 12.0).powi(2)) / 120.0).sqrt();
        assert!(close(lo, value - half) && close(hi, value + half));
        assert!((half - 13.5838).abs() < 1e-3, "{half}");
        assert!(!v.small_sample);
    }

    #[test]
    fn the_interval_is_clamped_to_the_scale_of_the_figure() {
        let v = MetricValue::of(Metric::Nps, NPS, &Histogram::from_scores([10, 10, 0]));
        let (lo, hi) = v.ci95.unwrap();
        assert!(lo >= -100.0 && hi <= 100.0);
    }

    #[test]
    fn satisfied_is_the_top_box_on_three_points_and_the_top_two_on_five_and_seven() {
        let v = MetricValue::of(Metric::Csat, CSAT3, &Histogram::from_scores([3, 2]));
        assert_eq!(v.value, Some(50.0));
        assert_eq!(
            v.detail,
            Detail::Csat {
                satisfied: 1,
                mean: Some(2.5)
            }
        );
        let v = MetricValue::of(Metric::Csat, CSAT5, &Histogram::from_scores([4, 5, 3, 1]));
        assert_eq!(v.value, Some(50.0));
        let v = MetricValue::of(Metric::Csat, CSAT7, &Histogram::from_scores([6, 7, 5, 1]));
        assert_eq!(v.value, Some(50.0));
        let v = MetricValue::of(Metric::Ces, CES5, &Histogram::from_scores([4, 5, 3, 3]));
        assert_eq!(v.value, Some(50.0));
        let v = MetricValue::of(Metric::Ces, CES7, &Histogram::from_scores([5, 6, 7, 4]));
        assert_eq!(v.value, Some(75.0));
    }

    #[test]
    fn the_wilson_interval_matches_a_hand_computation() {
        // 8 of 10: centre = (0.8 + 0.19208) / 1.38416 = 0.71674; half = 1.96 × √(0.016 +
        // 0.009604) / 1.38416 = 0.22656 → [0.4902, 0.9433].
        let (lo, hi) = wilson(8, 10);
        assert!((lo - 0.4902).abs() < 1e-4, "{lo}");
        assert!((hi - 0.9433).abs() < 1e-4, "{hi}");
        // All good still leaves room below 100%.
        let (lo, hi) = wilson(5, 5);
        assert!(lo < 1.0 && hi == 1.0);
    }

    #[test]
    fn a_change_is_significant_only_beyond_its_noise() {
        let few = MetricValue::of(Metric::Nps, NPS, &Histogram::from_scores([10, 0]));
        let other = MetricValue::of(Metric::Nps, NPS, &Histogram::from_scores([10, 10, 0]));
        assert_eq!(significant_change(&few, &other), Some(false));
        let mut low = Histogram::default();
        low.0[0] = 500;
        low.0[10] = 500;
        let mut high = Histogram::default();
        high.0[0] = 100;
        high.0[10] = 900;
        let (a, b) = (
            MetricValue::of(Metric::Nps, NPS, &low),
            MetricValue::of(Metric::Nps, NPS, &high),
        );
        assert_eq!(significant_change(&a, &b), Some(true));
        let none = MetricValue::of(Metric::Nps, NPS, &Histogram::default());
        assert_eq!(significant_change(&none, &b), None);
    }

    #[test]
    fn the_histogram_of_a_union_gives_the_metric_of_the_union() {
        let a = Histogram::from_scores([1, 9, 10, 6]);
        let b = Histogram::from_scores([7, 8, 0]);
        let mut sum = a;
        sum.add(&b);
        let all = Histogram::from_scores([1, 9, 10, 6, 7, 8, 0]);
        assert_eq!(sum, all);
        assert_eq!(
            MetricValue::of(Metric::Nps, NPS, &sum),
            MetricValue::of(Metric::Nps, NPS, &all)
        );
        assert_eq!(all.on_scale(CSAT5), vec![1, 0, 0, 0, 0]);
    }

    #[test]
    fn bands_follow_each_scale() {
        use taith_domain::SurveyKind as K;
        let band = |k, low, high, score| Band::of(k, Scale { low, high }, score);
        assert_eq!(band(K::Nps, 0, 10, 9), Band::Positive);
        assert_eq!(band(K::Nps, 0, 10, 7), Band::Neutral);
        assert_eq!(band(K::Nps, 0, 10, 6), Band::Negative);
        assert_eq!(band(K::Csat, 1, 5, 4), Band::Positive);
        assert_eq!(band(K::Csat, 1, 5, 3), Band::Neutral);
        assert_eq!(band(K::Csat, 1, 5, 2), Band::Negative);
        assert_eq!(band(K::Csat, 1, 3, 2), Band::Negative);
        assert_eq!(band(K::Ces, 1, 7, 5), Band::Positive);
        assert_eq!(band(K::Ces, 1, 7, 4), Band::Neutral);
    }

    #[test]
    fn a_difference_is_a_minus_b_with_the_interval_of_a_difference() {
        // a: 2 promoters, 1 passive, 3 detractors → NPS −16.67; b: 6, 2, 2 → NPS 40.
        let a = MetricValue::of(
            Metric::Nps,
            NPS,
            &Histogram::from_scores([10, 9, 7, 0, 3, 6]),
        );
        let b = MetricValue::of(
            Metric::Nps,
            NPS,
            &Histogram::from_scores([9, 9, 10, 10, 9, 10, 8, 7, 5, 6]),
        );
        let d = difference(&a, &b).unwrap();
        assert!(close(d.delta, 100.0 * (2.0 - 3.0) / 6.0 - 40.0));
        let var = |pp: f64, pd: f64, n: f64| 10_000.0 * (pp + pd - (pp - pd).powi(2)) / n;
        let margin = 1.96 * (var(2.0 / 6.0, 3.0 / 6.0, 6.0) + var(0.6, 0.2, 10.0)).sqrt();
        assert!(close(d.margin, margin));
        assert_eq!(d.significant, d.delta.abs() > margin);
        assert_eq!(
            difference(
                &a,
                &MetricValue::of(Metric::Nps, NPS, &Histogram::default())
            ),
            None
        );
    }
}
