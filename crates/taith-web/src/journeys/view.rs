//! View models shared by the map page, the revision page and the SVG download: a journey laid
//! out as columns (stages) and lanes, already worded in the reader's language.

use taith_domain::{Channel, Journey, Member, Owner, Persona};
use taith_i18n::Tr;

/// A touchpoint as shown on the map.
#[derive(Debug, Clone)]
pub struct TouchpointView {
    pub id: String,
    pub name: String,
    pub owner: String,
    pub description: String,
    pub moment_of_truth: bool,
    /// What customers said here lately (the live map), when they said anything.
    pub live: Option<LiveBadge>,
    /// The themes customers complain about most here (live map): `(name, explorer link)`.
    pub complaints: Vec<(String, String)>,
    /// The behaviour and support figures bound here (live map).
    pub signals: Vec<crate::signals::view::SignalBadge>,
}

/// A touchpoint's figure on the live map.
#[derive(Debug, Clone)]
pub struct LiveBadge {
    /// "NPS 42.0"
    pub figure: String,
    /// "95% interval …, n = 120"
    pub detail: String,
    /// ↑ or ↓ when the change is significant.
    pub arrow: Option<&'static str>,
    pub arrow_words: String,
    pub small_sample: bool,
    /// Among the journey's lowest-scoring touchpoints: a pain point from the answers.
    pub pain: bool,
}

/// One lane of touchpoints: all touchpoints of one channel, a cell per stage.
#[derive(Debug, Clone)]
pub struct ChannelLane {
    pub channel: String,
    pub cells: Vec<Vec<TouchpointView>>,
}

/// One stage column's notes.
#[derive(Debug, Clone)]
pub struct StageColumn {
    pub id: String,
    pub name: String,
    pub actions: Vec<String>,
    pub thoughts: Vec<String>,
    pub emotions: Vec<String>,
    pub emotion: Option<i8>,
    pub pain_points: Vec<String>,
    pub opportunities: Vec<String>,
    /// The drop-offs into this stage's touchpoints (live map), worded.
    pub drop_offs: Vec<String>,
}

/// A point of the emotion curve, in a `0..1000 × 0..100` view box.
#[derive(Debug, Clone)]
pub struct CurvePoint {
    pub x: i64,
    pub y: i64,
    pub label: String,
}

/// The whole map.
#[derive(Debug, Clone)]
pub struct MapView {
    pub name: String,
    pub description: String,
    pub persona: Option<String>,
    pub stages: Vec<StageColumn>,
    pub lanes: Vec<ChannelLane>,
    pub curve: Vec<CurvePoint>,
    /// `points` attribute of the curve's polyline.
    pub curve_path: String,
    /// Text alternative of the curve.
    pub curve_summary: String,
    /// The curve derived from the answers (stage means, normalised to the same −2…+2), its
    /// points and text alternative; empty when nobody answered.
    pub data_curve: Vec<CurvePoint>,
    pub data_curve_path: String,
    pub data_curve_summary: String,
    /// The live map's period, in words; empty when there are no answers.
    pub live_note: String,
    /// `period=…`, carried by the links to touchpoint pages.
    pub period_query: String,
    pub rtl: bool,
}

impl MapView {
    /// Names each touchpoint's most complained-about themes (the live map).
    pub fn set_complaints(
        &mut self,
        by_touchpoint: &std::collections::HashMap<
            taith_domain::TouchpointId,
            Vec<(String, String)>,
        >,
    ) {
        for lane in &mut self.lanes {
            for tp in lane.cells.iter_mut().flatten() {
                if let Some(list) = tp.id.parse().ok().and_then(|id| by_touchpoint.get(&id)) {
                    tp.complaints = list.clone();
                }
            }
        }
    }

    /// True when some stage shows a drop-off (the map's drop-off row).
    pub fn has_drop_offs(&self) -> bool {
        self.stages.iter().any(|s| !s.drop_offs.is_empty())
    }

    pub fn columns(&self) -> usize {
        self.stages.len()
    }

    /// True when some stage has typed-in emotion notes (the row under the curve).
    pub fn has_emotion_notes(&self) -> bool {
        self.stages.iter().any(|s| !s.emotions.is_empty())
    }

    pub fn has_touchpoints(&self) -> bool {
        !self.lanes.is_empty()
    }
}

/// The name to show for a touchpoint's owner.
pub fn owner_name(owner: &Option<Owner>, members: &[Member], tr: &Tr) -> String {
    match owner {
        None => tr.t("owner-none"),
        Some(Owner::Team { name }) => name.to_string(),
        Some(Owner::Member { user_id }) => members
            .iter()
            .find(|m| m.user.id == *user_id)
            .map(|m| m.user.name.to_string())
            .unwrap_or_else(|| tr.t("owner-former-member")),
    }
}

pub fn channel_name(c: Channel, tr: &Tr) -> String {
    tr.t(&format!("channel-{}", c.as_str()))
}

fn lines(t: &taith_domain::LongText) -> Vec<String> {
    t.lines().into_iter().map(str::to_owned).collect()
}

/// Lays a journey out for reading.
pub fn map_view(j: &Journey, persona: Option<&Persona>, members: &[Member], tr: &Tr) -> MapView {
    let stages: Vec<StageColumn> = j
        .stages
        .iter()
        .map(|s| StageColumn {
            id: s.id.to_string(),
            name: s.fields.name.to_string(),
            actions: lines(&s.fields.actions),
            thoughts: lines(&s.fields.thoughts),
            emotions: lines(&s.fields.emotions),
            emotion: s.fields.emotion.map(|e| e.value()),
            pain_points: lines(&s.fields.pain_points),
            opportunities: lines(&s.fields.opportunities),
            drop_offs: Vec::new(),
        })
        .collect();
    let mut channels: Vec<Channel> = j.touchpoints.iter().map(|t| t.fields.channel).collect();
    channels.sort();
    channels.dedup();
    let lanes = channels
        .into_iter()
        .map(|c| ChannelLane {
            channel: channel_name(c, tr),
            cells: j
                .stages
                .iter()
                .map(|s| {
                    j.touchpoints_of(s.id)
                        .filter(|t| t.fields.channel == c)
                        .map(|t| TouchpointView {
                            id: t.id.to_string(),
                            name: t.fields.name.to_string(),
                            owner: owner_name(&t.fields.owner, members, tr),
                            description: t.fields.description.to_string(),
                            moment_of_truth: t.fields.moment_of_truth,
                            live: None,
                            complaints: Vec::new(),
                            signals: Vec::new(),
                        })
                        .collect()
                })
                .collect(),
        })
        .collect();
    let n = stages.len().max(1) as i64;
    let rtl = tr.is_rtl();
    let curve: Vec<CurvePoint> = stages
        .iter()
        .enumerate()
        .filter_map(|(i, s)| {
            let e = s.emotion?;
            // Columns run right to left in Arabic, so the curve does too.
            let col = if rtl { n - 1 - i as i64 } else { i as i64 };
            Some(CurvePoint {
                x: (col * 1000 + 500) / n,
                y: 50 - i64::from(e) * 20,
                label: format!("{}: {}", s.name, emotion_word(e, tr)),
            })
        })
        .collect();
    let curve_path = curve
        .iter()
        .map(|p| format!("{},{}", p.x, p.y))
        .collect::<Vec<_>>()
        .join(" ");
    let curve_summary = if curve.is_empty() {
        tr.t("map-curve-empty")
    } else {
        curve
            .iter()
            .map(|p| p.label.clone())
            .collect::<Vec<_>>()
            .join("; ")
    };
    MapView {
        name: j.fields.name.to_string(),
        description: j.fields.description.to_string(),
        persona: persona.map(|p| p.fields.name.to_string()),
        stages,
        lanes,
        curve,
        curve_path,
        curve_summary,
        data_curve: Vec::new(),
        data_curve_path: String::new(),
        data_curve_summary: String::new(),
        live_note: String::new(),
        period_query: String::new(),
        rtl,
    }
}

/// Makes `view` the live map: each touchpoint's figure, the curve derived from the answers,
/// and the lowest-scoring touchpoints marked as pain points (the lowest third of those with
/// answers, at most three, and only below the middle of their scale).
pub fn apply_live(
    view: &mut MapView,
    j: &Journey,
    scores: &std::collections::HashMap<
        taith_domain::TouchpointId,
        taith_app::metrics::TouchpointScore,
    >,
    period: &crate::http::period::PeriodControl,
    tr: &Tr,
) {
    view.period_query = period.query.clone();
    if scores.is_empty() {
        return;
    }
    let mut ranked: Vec<(&taith_domain::TouchpointId, f64)> =
        scores.iter().map(|(id, s)| (id, s.normalised)).collect();
    ranked.sort_by(|a, b| a.1.total_cmp(&b.1));
    let pains: Vec<String> = ranked
        .iter()
        .take((ranked.len() / 3).clamp(1, 3))
        .filter(|(_, v)| *v < 0.5)
        .map(|(id, _)| id.to_string())
        .collect();
    for lane in &mut view.lanes {
        for cell in &mut lane.cells {
            for tp in cell.iter_mut() {
                let Some(score) = tp
                    .id
                    .parse::<taith_domain::TouchpointId>()
                    .ok()
                    .and_then(|id| scores.get(&id))
                else {
                    continue;
                };
                let name = tr.t(&format!("map-live-{}", score.metric.as_str()));
                let figure = score
                    .value
                    .map_or_else(|| "—".to_owned(), |v| format!("{name} {}", tr.number(v, 1)));
                let n = i64::try_from(score.n).unwrap_or(i64::MAX);
                let detail = match score.ci95 {
                    Some((lo, hi)) => tr.tna(
                        "map-live-detail",
                        ("n", n),
                        &[("low", tr.number(lo, 1)), ("high", tr.number(hi, 1))],
                    ),
                    None => tr.tn("dashboard-n", "n", n),
                };
                let (arrow, arrow_words) = match score.trend {
                    1 => (Some("↑"), tr.t("map-live-up")),
                    -1 => (Some("↓"), tr.t("map-live-down")),
                    _ => (None, String::new()),
                };
                tp.live = Some(LiveBadge {
                    figure,
                    detail,
                    arrow,
                    arrow_words,
                    small_sample: score.small_sample,
                    pain: pains.contains(&tp.id),
                });
            }
        }
    }
    // Stage means: each touchpoint's normalised mean weighted by its answers, mapped to the
    // emotion scale −2…+2.
    let n = view.stages.len().max(1) as i64;
    let rtl = view.rtl;
    view.data_curve = j
        .stages
        .iter()
        .enumerate()
        .filter_map(|(i, stage)| {
            let (sum, count) = j
                .touchpoints_of(stage.id)
                .filter_map(|t| scores.get(&t.id))
                .fold((0.0, 0u64), |(s, c), sc| {
                    (s + sc.normalised * sc.n as f64, c + sc.n)
                });
            if count == 0 {
                return None;
            }
            let emotion = (sum / count as f64) * 4.0 - 2.0;
            let col = if rtl { n - 1 - i as i64 } else { i as i64 };
            Some(CurvePoint {
                x: (col * 1000 + 500) / n,
                y: 50 - (emotion * 20.0).round() as i64,
                // A tooltip (SVG <title>): no isolation marks.
                label: tr.plain().ta(
                    "map-live-stage",
                    &[
                        ("stage", stage.fields.name.to_string()),
                        ("value", tr.number(emotion, 1)),
                    ],
                ),
            })
        })
        .collect();
    view.data_curve_path = view
        .data_curve
        .iter()
        .map(|p| format!("{},{}", p.x, p.y))
        .collect::<Vec<_>>()
        .join(" ");
    view.data_curve_summary = view
        .data_curve
        .iter()
        .map(|p| p.label.clone())
        .collect::<Vec<_>>()
        .join("; ");
    view.live_note = tr.t1("map-live-note-period", "period", period.label.clone());
}

/// The word for an emotion score.
pub fn emotion_word(e: i8, tr: &Tr) -> String {
    tr.t(match e {
        i8::MIN..=-2 => "emotion-very-negative",
        -1 => "emotion-negative",
        0 => "emotion-neutral",
        1 => "emotion-positive",
        _ => "emotion-very-positive",
    })
}

/// Words a revision's change in the reader's language.
pub fn describe_change(c: &taith_domain::Change, tr: &Tr) -> String {
    use taith_domain::Change;
    let fields = |f: &[String]| {
        f.iter()
            .map(|x| tr.t(&format!("field-{}", x.replace('_', "-"))))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match c {
        Change::Created => tr.t("change-created"),
        Change::Imported => tr.t("change-imported"),
        Change::Restored { version } => tr.t1("change-restored", "version", version),
        Change::DetailsChanged { fields: f } => tr.t1("change-details", "fields", fields(f)),
        Change::StageAdded { stage } => tr.t1("change-stage-added", "stage", stage),
        Change::StageRemoved { stage } => tr.t1("change-stage-removed", "stage", stage),
        Change::StageChanged { stage, fields: f } => tr.ta(
            "change-stage-changed",
            &[("stage", stage.clone()), ("fields", fields(f))],
        ),
        Change::StagesReordered => tr.t("change-stages-reordered"),
        Change::TouchpointAdded { touchpoint, stage } => tr.ta(
            "change-touchpoint-added",
            &[("touchpoint", touchpoint.clone()), ("stage", stage.clone())],
        ),
        Change::TouchpointRemoved { touchpoint } => {
            tr.t1("change-touchpoint-removed", "touchpoint", touchpoint)
        }
        Change::TouchpointChanged {
            touchpoint,
            fields: f,
        } => tr.ta(
            "change-touchpoint-changed",
            &[("touchpoint", touchpoint.clone()), ("fields", fields(f))],
        ),
        Change::TouchpointMoved { touchpoint, stage } => tr.ta(
            "change-touchpoint-moved",
            &[("touchpoint", touchpoint.clone()), ("stage", stage.clone())],
        ),
    }
}
