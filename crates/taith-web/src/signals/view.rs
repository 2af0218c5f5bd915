//! Signals worded for the reader: a bound figure as a line of the map's touchpoint card and
//! of the touchpoint page, a drop-off as a line of the map's stage column.

use std::collections::HashMap;
use taith_app::signals::{DropOff, SignalFigure, Unit};
use taith_domain::{SignalMetric, SignalSource, TouchpointId};
use taith_i18n::Tr;

/// A bound figure as shown: "Conversion rate 3.2%", its interval and n, its arrow.
#[derive(Debug, Clone)]
pub struct SignalBadge {
    /// "Conversion rate (order)"
    pub name: String,
    /// "3.2%", or "—" when nothing was counted.
    pub value: String,
    /// "95% interval 2.8–3.6%, 5,000 counted", or "no data in this period".
    pub detail: String,
    /// ↑ or ↓ when the change is significant (the survey figure's rule).
    pub arrow: Option<&'static str>,
    pub arrow_words: String,
    pub small_sample: bool,
    /// Where the figure comes from: the Web or the Support page, for the same period.
    pub href: String,
}

/// The name of a metric in the reader's language.
pub fn metric_name(metric: SignalMetric, tr: &Tr) -> String {
    tr.t(&format!("signal-metric-{}", metric.as_str()))
}

fn value_text(unit: Unit, v: f64, tr: &Tr) -> String {
    match unit {
        Unit::Count => tr.number(v, 0),
        Unit::Percent => tr.t1("signal-percent", "value", tr.number(v, 1)),
        Unit::Seconds => tr.t1("signal-seconds", "value", tr.number(v, 0)),
        // Two hours and more read better in hours.
        Unit::Minutes if v >= 120.0 => tr.t1("signal-hours", "value", tr.number(v / 60.0, 1)),
        Unit::Minutes => tr.t1("signal-minutes", "value", tr.number(v, 0)),
    }
}

/// `f` worded; `base` is the workspace's address, `period_query` the period's query string.
pub fn badge(f: &SignalFigure, tr: &Tr, base: &str, period_query: &str) -> SignalBadge {
    let name = metric_name(f.bound.metric, tr);
    let name = match &f.bound.goal {
        Some(goal) => tr.ta(
            "signal-metric-with-goal",
            &[("name", name), ("goal", goal.clone())],
        ),
        None => name,
    };
    let n = i64::try_from(f.n).unwrap_or(i64::MAX);
    let detail = match (f.value, f.ci95) {
        (None, _) => tr.t("signal-no-data"),
        (Some(_), Some((lo, hi))) => tr.tna(
            "signal-detail-rate",
            ("n", n),
            &[("low", tr.number(lo, 1)), ("high", tr.number(hi, 1))],
        ),
        (Some(_), None) => tr.tn("signal-detail-n", "n", n),
    };
    let (arrow, arrow_words) = match f.trend {
        1 => (Some("↑"), tr.t("map-live-up")),
        -1 => (Some("↓"), tr.t("map-live-down")),
        _ => (None, String::new()),
    };
    let page = match f.bound.metric.source() {
        SignalSource::Web => "web",
        SignalSource::Support => "support",
    };
    SignalBadge {
        name,
        value: f
            .value
            .map_or_else(|| "—".to_owned(), |v| value_text(f.unit, v, tr)),
        detail,
        arrow,
        arrow_words,
        small_sample: f.small_sample,
        href: format!("{base}/{page}?{period_query}"),
    }
}

/// A drop-off worded: "Product page → Checkout: 62.5% did not go on (300 of 800 sessions
/// went on)".
pub fn drop_off_line(d: &DropOff, names: &HashMap<TouchpointId, String>, tr: &Tr) -> String {
    let name = |id: &TouchpointId| names.get(id).cloned().unwrap_or_default();
    let rate = d.rate().map_or(0.0, |(v, _)| v);
    tr.ta(
        "signal-drop-off",
        &[
            ("from", name(&d.from)),
            ("to", name(&d.to)),
            ("rate", tr.number(rate, 1)),
            ("went", tr.number(d.went_on as f64, 0)),
            ("reached", tr.number(d.reached as f64, 0)),
        ],
    )
}
