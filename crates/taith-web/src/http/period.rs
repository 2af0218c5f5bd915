//! The period control every page with figures shows (the map, a touchpoint, a survey, the
//! dashboard): presets one click away, a custom range, and links that carry the period to the
//! next page. The rules of a period are [`taith_domain::Period`]'s; this is how it is asked
//! for and shown.

use crate::http::ctx::Member;
use crate::http::layout::Layout;
use crate::http::page_error::PageError;
use askama::Template;
use askama_web::WebTemplate;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use serde::Deserialize;
use taith_domain::{Period, Preset};
use taith_i18n::Tr;

/// `?period=&from=&to=` as typed.
#[derive(Debug, Deserialize, Default, Clone)]
pub struct PeriodQuery {
    #[serde(default)]
    pub period: String,
    #[serde(default)]
    pub from: String,
    #[serde(default)]
    pub to: String,
}

/// One preset as a link.
#[derive(Debug, Clone)]
pub struct PresetLink {
    pub label: String,
    pub href: String,
    pub current: bool,
}

/// What the period control shows.
#[derive(Debug, Clone)]
pub struct PeriodControl {
    pub presets: Vec<PresetLink>,
    /// The preset chosen (`30d`, …, `custom`).
    pub preset: &'static str,
    pub custom: bool,
    /// The custom range's fields, as typed or as the period reads.
    pub from: String,
    pub to: String,
    /// The page the control's form goes back to.
    pub action: String,
    /// Other query parameters of the page, kept by the custom range's form.
    pub keep: Vec<(String, String)>,
    /// The period in words: "21 Aug 2026 – 18 Nov 2026".
    pub label: String,
    /// A field's error in words, with the field's name (`from`, `to`).
    pub error: Option<(String, String)>,
    /// `period=…` for links that carry the period to another page.
    pub query: String,
}

impl PeriodControl {
    /// The control for `period` on the page at `path`, whose other parameters are `keep`.
    pub fn new(period: &Period, path: &str, keep: &[(&str, String)], tr: &Tr) -> PeriodControl {
        let keep: Vec<(String, String)> = keep
            .iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| ((*k).to_owned(), v.clone()))
            .collect();
        let href = |preset: Preset| {
            let mut pairs = vec![("period".to_owned(), preset.as_str().to_owned())];
            pairs.extend(keep.iter().cloned());
            format!(
                "{path}?{}",
                serde_urlencoded::to_string(&pairs).unwrap_or_default()
            )
        };
        PeriodControl {
            presets: Preset::CHOICES
                .into_iter()
                .map(|p| PresetLink {
                    label: tr.t(&format!("period-{}", p.as_str())),
                    href: href(p),
                    current: p == period.preset,
                })
                .collect(),
            preset: period.preset.as_str(),
            custom: period.preset == Preset::Custom,
            from: period.from.to_string(),
            to: period.to.to_string(),
            action: path.to_owned(),
            keep,
            label: tr.ta(
                "dashboard-period",
                &[("from", tr.date(period.from)), ("to", tr.date(period.to))],
            ),
            error: None,
            query: period.query(),
        }
    }
}

impl PeriodControl {
    /// The period's own parameters, for forms that must keep it (the feed's filters).
    pub fn keep_period(&self) -> Vec<(&'static str, String)> {
        if self.custom {
            vec![
                ("period", "custom".to_owned()),
                ("from", self.from.clone()),
                ("to", self.to.clone()),
            ]
        } else {
            vec![("period", self.preset.to_owned())]
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "http/period_error.html")]
struct PeriodErrorPage {
    l: Layout,
    control: PeriodControl,
}

/// The period `q` asks for on the page at `path`, with its control. A period that does not
/// read (a range that ends before it starts, a date that is not one) is answered with a page
/// that says so in the member's language and shows the control again with what was typed.
pub fn read_period(
    m: &Member,
    q: &PeriodQuery,
    path: &str,
    keep: &[(&str, String)],
) -> Result<(Period, PeriodControl), PageError> {
    let tr = m.tr();
    let today = taith_domain::now().date();
    match Period::parse(&q.period, &q.from, &q.to, today) {
        Ok(p) => {
            let control = PeriodControl::new(&p, path, keep, tr);
            Ok((p, control))
        }
        Err(errors) => {
            let mut control =
                PeriodControl::new(&Period::preset(Preset::Custom, today), path, keep, tr);
            control.custom = true;
            control.from = q.from.clone();
            control.to = q.to.clone();
            control.error = errors.0.first().map(|e| {
                (
                    e.field.clone(),
                    tr.t(&format!("period-error-{}", e.field)) + " " + &tr.issue(e.issue),
                )
            });
            for p in &mut control.presets {
                p.current = false;
            }
            let page = PeriodErrorPage {
                l: m.layout("dashboard"),
                control,
            };
            Err(PageError::Shown(Box::new(
                (StatusCode::BAD_REQUEST, page).into_response(),
            )))
        }
    }
}

/// The period of an API call's `?period=&from=&to=`, read as the pages read it, bounded to ten
/// years and to an end the calendar has a day after.
pub fn api_period(raw: Option<&str>) -> Result<Period, crate::http::error::ApiError> {
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(raw.unwrap_or(""))
        .map_err(|_| taith_domain::ValidationErrors::one("query", taith_domain::Issue::Invalid))?;
    let get = |k: &str| {
        pairs
            .iter()
            .find(|(key, _)| key == k)
            .map_or("", |(_, v)| v.as_str())
    };
    let period = Period::parse(
        get("period"),
        get("from"),
        get("to"),
        taith_domain::now().date(),
    )?;
    if period.days() > MAX_API_PERIOD_DAYS || period.to >= time::Date::MAX {
        return Err(
            taith_domain::ValidationErrors::one("from", taith_domain::Issue::TooLong).into(),
        );
    }
    Ok(period)
}

/// The longest period an API call asks for, in days.
const MAX_API_PERIOD_DAYS: i64 = 3_660;
