//! The query string of `GET /api/v1/metrics`: `api::metrics::parse_query` (pairs, repeated
//! `where`, then `analytics::MetricsRequest::parse`), and an accepted request answered by the
//! analytics index of the fixture's 240 responses, as `Analytics::metrics_in` asks it.
//!
//! Properties, besides never panicking:
//! - a refusal is a `400` or a `422` naming `metric`, `survey`, `by`, `from`, `to` or `where`;
//! - an accepted request is within its limits (8 `by` terms, `from` ≤ `to`), and written back
//!   as a query string it reads as the same request;
//! - the index's answer equals a plain count over the responses (filters, groupings, dates
//!   and the survey's scale applied one response at a time), and every group's figure is
//!   within its range.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::collections::BTreeMap;
use taith_app::metrics::MetricsRequest;
use taith_domain::{NewResponse, Survey};
use taith_fuzz::{check_api_error, fixture};
use taith_metrics::index::{Dimension, QueryError};
use taith_metrics::{Histogram, Metric, MetricValue};
use taith_web::metrics::api::parse_query;

/// The request written back as a query string.
fn query_string(r: &MetricsRequest) -> String {
    let mut pairs: Vec<(String, String)> = vec![("metric".into(), r.metric.as_str().into())];
    if let Some(s) = r.survey {
        pairs.push(("survey".into(), s.to_string()));
    }
    if !r.by.is_empty() {
        let by: Vec<&str> = r.by.iter().map(Dimension::name).collect();
        pairs.push(("by".into(), by.join(",")));
    }
    if let Some(d) = r.from {
        pairs.push(("from".into(), d.to_string()));
    }
    if let Some(d) = r.to {
        pairs.push(("to".into(), d.to_string()));
    }
    for f in &r.filters {
        for v in &f.values {
            pairs.push(("where".into(), format!("{}:{v}", f.dimension.name())));
        }
    }
    serde_urlencoded::to_string(&pairs).unwrap_or_else(|e| panic!("{e}"))
}

/// A response's label on `d` (None: not labelled, so in no group of `d`).
fn label(r: &NewResponse, d: &Dimension) -> Option<String> {
    let f = fixture();
    let place = || f.layout.touchpoints.get(&r.touchpoint_id?);
    let date = r.submitted_at.date();
    Some(match d {
        Dimension::Survey => r.survey_id.to_string(),
        Dimension::TouchpointId => r.touchpoint_id?.to_string(),
        Dimension::Touchpoint => place()?.touchpoint.clone(),
        Dimension::Stage => place()?.stage.clone(),
        Dimension::Journey => place()?.journey.clone(),
        Dimension::Channel => r.channel.as_str().to_owned(),
        Dimension::Locale => r.locale.tag().to_owned(),
        Dimension::Attribute(k) => r.attributes.get(k)?.clone(),
        Dimension::Day => format!(
            "{:04}-{:02}-{:02}",
            date.year(),
            u8::from(date.month()),
            date.day()
        ),
        Dimension::Week => {
            let (y, w, _) = date.to_iso_week_date();
            format!("{y:04}-W{w:02}")
        }
        Dimension::Month => format!("{:04}-{:02}", date.year(), u8::from(date.month())),
        Dimension::Quarter => format!(
            "{:04}-Q{}",
            date.year(),
            (u8::from(date.month()) - 1) / 3 + 1
        ),
    })
}

fn answer(request: &MetricsRequest) {
    let f = fixture();
    // The query `Analytics::metrics_in` asks, through the same function.
    let surveys: Vec<Survey> = f.surveys().into_iter().map(|s| (**s).clone()).collect();
    let Ok(query) = request.query(&surveys) else {
        return;
    };
    let kind = query.kind;
    let scale = query.scale.unwrap_or_else(|| kind.default_scale());
    let filters = query.filters.clone();
    let got = match f.index.query(&query, &f.layout) {
        Ok(a) => a,
        Err(QueryError::TooManyGroups(n)) => {
            assert!(n > taith_metrics::index::MAX_GROUPS, "{n} groups refused");
            return;
        }
        Err(e) => panic!("a valid request is refused by the index: {e:?}"),
    };
    let mut by_key: BTreeMap<Vec<String>, Histogram> = BTreeMap::new();
    for g in &got.groups {
        let key: Vec<String> = got.key(g).map(ToString::to_string).collect();
        by_key.entry(key).or_default().add(&g.histogram);
    }

    // The same question, one response at a time.
    let mut want: BTreeMap<Vec<String>, Histogram> = BTreeMap::new();
    'responses: for r in &f.responses {
        let Some(s) = f.survey_by_id(r.survey_id) else {
            continue;
        };
        if s.fields.kind != kind || s.fields.scale != scale {
            continue;
        }
        let day = r.submitted_at.date();
        if request.from.is_some_and(|d| day < d) || request.to.is_some_and(|d| day > d) {
            continue;
        }
        for filter in &filters {
            match label(r, &filter.dimension) {
                Some(l) if filter.values.iter().any(|v| v.to_string() == l) => {}
                _ => continue 'responses,
            }
        }
        let mut key = Vec::with_capacity(request.by.len());
        for d in &request.by {
            match label(r, d) {
                Some(l) => key.push(l),
                None => continue 'responses,
            }
        }
        want.entry(key).or_default().record(r.score);
    }
    assert_eq!(by_key, want, "the index and a plain count disagree");

    let metric: Metric = request.metric;
    for h in by_key.values() {
        let v = MetricValue::of(metric, scale, h);
        assert_eq!(v.n, h.n());
        assert_eq!(v.small_sample, v.n < 30);
        let (lo, hi) = if metric == Metric::Nps {
            (-100.0, 100.0)
        } else {
            (0.0, 100.0)
        };
        let value = v
            .value
            .unwrap_or_else(|| panic!("a group with responses has no value"));
        assert!((lo..=hi).contains(&value), "{value} out of range");
        let (a, b) = v.ci95.unwrap_or_else(|| panic!("no interval"));
        assert!(lo <= a && a <= b && b <= hi, "interval {a}..{b}");
        assert!(
            a <= value + 1e-9 && value <= b + 1e-9,
            "{value} outside {a}..{b}"
        );
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(raw) = std::str::from_utf8(data) else {
        return;
    };
    match parse_query(Some(raw)) {
        Err(e) => {
            check_api_error(&e);
            for d in &e.details {
                assert!(
                    ["metric", "survey", "by", "from", "to", "where"].contains(&d.field.as_str()),
                    "unexpected field {}",
                    d.field
                );
            }
        }
        Ok(request) => {
            assert!(request.by.len() <= 8);
            let values: usize = request.filters.iter().map(|f| f.values.len()).sum();
            assert!(values <= 32);
            if let (Some(f), Some(t)) = (request.from, request.to) {
                assert!(f <= t);
            }
            let again = query_string(&request);
            match parse_query(Some(&again)) {
                Ok(back) => {
                    assert_eq!(back.metric, request.metric);
                    assert_eq!(back.survey, request.survey);
                    assert_eq!(back.by, request.by, "by, through {again}");
                    assert_eq!(back.from, request.from);
                    assert_eq!(back.to, request.to);
                    assert_eq!(back.filters, request.filters, "where, through {again}");
                }
                Err(e) => panic!("a request written back is refused: {e:?}\n{again}"),
            }
            answer(&request);
        }
    }
});
