//! The dashboard's "you said, we did" part: notices sent in the period, and the NPS of
//! customers who received one against known customers who did not, with the interval of the
//! difference (DESIGN §3) and the small-sample flag.

use crate::AppState;
use crate::dashboards::figures::{figure_text, interval_text};
use crate::http::ctx::Member;
use crate::http::page_error::PageError;
use taith_domain::Period;
use taith_i18n::Tr;
use taith_metrics::MetricValue;

/// One side of the comparison.
#[derive(Debug)]
pub struct Side {
    pub name: String,
    pub value: String,
    pub interval: String,
    pub n: String,
    pub small_sample: bool,
}

/// The dashboard's part (`dashboards/overview.html` includes `changes/dashboard.html`).
#[derive(Debug)]
pub struct WeDid {
    pub sent: String,
    pub sides: Vec<Side>,
    pub difference: String,
    pub href: String,
}

fn side(name: String, v: &MetricValue, tr: &Tr) -> Side {
    Side {
        name,
        value: figure_text(v.value, tr),
        interval: interval_text(v.ci95.map(|(a, b)| [a, b]), tr),
        n: tr.tn(
            "changes-dash-responses",
            "count",
            i64::try_from(v.n).unwrap_or(i64::MAX),
        ),
        small_sample: v.small_sample,
    }
}

/// The part for `period`; None when the workspace has recorded no change yet.
pub async fn part(
    state: &AppState,
    m: &Member,
    period: &Period,
) -> Result<Option<WeDid>, PageError> {
    let tr = m.tr();
    let store = state.store.as_ref();
    let err = |e| PageError::from_store(e, tr);
    let any = store
        .changes(m.workspace.id, taith_store::PageRequest::first(1))
        .await
        .map_err(err)?;
    if any.items.is_empty() {
        return Ok(None);
    }
    let (from, to) = (
        period.from.midnight().assume_utc(),
        period
            .to
            .next_day()
            .unwrap_or(period.to)
            .midnight()
            .assume_utc(),
    );
    let f = taith_app::changes::figures(store, m.workspace.id, from, to)
        .await
        .map_err(err)?;
    let difference = match f.difference {
        None => tr.t("changes-dash-no-difference"),
        Some(d) => {
            let args = [
                ("delta", tr.number(d.delta, 1)),
                ("margin", tr.number(d.margin, 1)),
            ];
            tr.ta(
                if d.significant {
                    "changes-dash-significant"
                } else {
                    "changes-dash-not-significant"
                },
                &args,
            )
        }
    };
    Ok(Some(WeDid {
        sent: tr.tn(
            "changes-dash-sent",
            "count",
            i64::try_from(f.sent).unwrap_or(i64::MAX),
        ),
        sides: vec![
            side(tr.t("changes-dash-notified"), &f.notified, tr),
            side(tr.t("changes-dash-others"), &f.others, tr),
        ],
        difference,
        href: format!("{}/changes", m.base()),
    }))
}
