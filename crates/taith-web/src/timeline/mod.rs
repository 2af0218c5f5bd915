//! A customer's timeline (`/w/{slug}/customers/{id}`): every response, conversation (with its
//! messages), case, invitation and subscription change, oldest first, labelled in the
//! viewer's language, the customer's own language shown. Individual answers are not for
//! viewers (docs/access.md), so the page needs `ReadResponses`. Gathered by
//! `taith_app::lifecycle::timeline`.

use crate::AppState;
use crate::http::ctx::Member;
use crate::http::layout::Layout;
use crate::http::page_error::PageError;
use crate::http::routes::Routes;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use taith_app::lifecycle::{self, TimelineEntry};
use taith_domain::{Action, CustomerId};

pub fn routes(r: Routes) -> Routes {
    r.get("/w/{slug}/customers/{id}", page)
}

/// A message of a conversation on the timeline.
#[derive(Debug)]
pub struct MessageView {
    pub who: String,
    pub at: String,
    pub body: String,
    pub outgoing: bool,
}

/// One entry: its kind (for the class and id), a heading, details and text written by
/// someone (in its language).
#[derive(Debug)]
pub struct EntryView {
    pub kind: &'static str,
    pub at: String,
    pub title: String,
    pub details: Vec<String>,
    /// `(text, language tag)`.
    pub text: Option<(String, String)>,
    pub messages: Vec<MessageView>,
    pub href: Option<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "timeline/page.html")]
pub struct TimelinePage {
    l: Layout,
    name: String,
    email: String,
    locale: String,
    span: String,
    /// "Asked 2 times in 30 days, next possible on 12 Jan" (the contact budget).
    contact: (String, String),
    /// The customer's consent per purpose, in the viewer's words.
    consents: Vec<String>,
    entries: Vec<EntryView>,
    /// The customer's id, for the owners' export and erasure.
    id: String,
    /// The erasure was asked for without ticking "cannot be undone".
    confirm_required: bool,
}

#[derive(Debug, serde::Deserialize, Default)]
pub struct TimelineQuery {
    #[serde(default)]
    pub confirm: Option<String>,
}

/// The contact budget's line of the timeline, and the consents.
fn contact_views(
    tr: &taith_i18n::Tr,
    s: &taith_app::contact::Standing,
) -> ((String, String), Vec<String>) {
    use taith_domain::contact::{Decision, Purpose, Reason};
    let asked = tr.ta(
        "timeline-contact-asked",
        &[
            ("count", s.asks.to_string()),
            ("days", s.policy.window_days.to_string()),
        ],
    );
    let next = match s.decision {
        Decision::Allowed => tr.t("timeline-contact-now"),
        Decision::Denied {
            reason: Reason::NoConsent,
            ..
        } => tr.t("timeline-contact-no-consent"),
        Decision::Denied {
            next_possible_at, ..
        } => next_possible_at.map_or_else(
            || tr.t("timeline-contact-no-consent"),
            |at| tr.t1("timeline-contact-next", "date", tr.date(at.date())),
        ),
    };
    let consents = s
        .consents
        .iter()
        .map(|c| {
            let purpose = match c.purpose {
                Purpose::Surveys => tr.t("timeline-consent-surveys"),
                Purpose::Notices => tr.t("timeline-consent-notices"),
            };
            let state = if c.granted {
                tr.t("timeline-consent-granted")
            } else {
                tr.t("timeline-consent-withdrawn")
            };
            match (c.source, c.changed_at) {
                (Some(source), Some(at)) => tr.ta(
                    "timeline-consent-recorded",
                    &[
                        ("purpose", purpose),
                        ("state", state),
                        ("source", source_name(tr, source)),
                        ("date", tr.date(at.date())),
                    ],
                ),
                _ => tr.ta(
                    "timeline-consent-default",
                    &[("purpose", purpose), ("state", state)],
                ),
            }
        })
        .collect();
    ((asked, next), consents)
}

fn source_name(tr: &taith_i18n::Tr, source: taith_domain::contact::ConsentSource) -> String {
    use taith_domain::contact::ConsentSource as S;
    match source {
        S::UnsubscribeLink => tr.t("consent-source-unsubscribe-link"),
        S::PreferencePage => tr.t("consent-source-preference-page"),
        S::Api => tr.t("consent-source-api"),
        S::Import => tr.t("consent-source-import"),
    }
}

pub async fn page(
    State(state): State<AppState>,
    m: Member,
    Path((_, id)): Path<(String, String)>,
    axum::extract::Query(q): axum::extract::Query<TimelineQuery>,
) -> Result<TimelinePage, PageError> {
    let tr = m.tr();
    let id: CustomerId = id.parse().map_err(|_| PageError::not_found(tr))?;
    let (customer, span, entries) = lifecycle::timeline(state.store.as_ref(), m.workspace.id, id)
        .await
        .map_err(|e| PageError::from_store(e, tr))?;
    m.require(Action::ReadResponses)?;
    let standing = taith_app::contact::standing(
        state.store.as_ref(),
        m.workspace.id,
        id,
        taith_domain::now(),
    )
    .await
    .map_err(|e| PageError::from_store(e, tr))?;
    let (contact, consents) = contact_views(tr, &standing);
    let entries = entry_views(tr, &m.base(), &entries);
    let span = match (span.started_at, span.ended_at) {
        (None, _) => tr.t("timeline-span-none"),
        (Some(a), None) => tr.t1("timeline-span-since", "start", tr.datetime(a)),
        (Some(a), Some(b)) => tr.ta(
            "timeline-span-ended",
            &[("start", tr.datetime(a)), ("end", tr.datetime(b))],
        ),
    };
    Ok(TimelinePage {
        id: id.to_string(),
        confirm_required: q.confirm.is_some(),
        name: customer
            .name
            .map(|n| n.to_string())
            .or_else(|| customer.external_id.clone())
            .unwrap_or_else(|| tr.t("timeline-unnamed")),
        email: customer
            .email
            .map(|e| e.as_str().to_owned())
            .unwrap_or_default(),
        locale: customer.locale.map_or_else(
            || tr.t("timeline-locale-unknown"),
            |l| l.endonym().to_owned(),
        ),
        span,
        contact,
        consents,
        entries,
        l: m.layout("retention"),
    })
}

/// A customer's timeline entries in the viewer's words (the timeline page and the inbox's
/// thread page show them alike). `base`: the workspace's path, for links to cases.
pub fn entry_views(tr: &taith_i18n::Tr, base: &str, entries: &[TimelineEntry]) -> Vec<EntryView> {
    entries
        .iter()
        .map(|e| {
            let at = tr.datetime(e.at());
            match e {
                TimelineEntry::Response { response, survey } => EntryView {
                    kind: "response",
                    at,
                    title: tr.t1(
                        "timeline-response",
                        "survey",
                        survey.as_ref().map_or_else(
                            || tr.t("timeline-survey-gone"),
                            |s| s.fields.name.to_string(),
                        ),
                    ),
                    details: vec![
                        tr.t1("timeline-score", "score", response.score),
                        tr.t(&format!("channel-{}", response.channel.as_str())),
                        response.locale.endonym().to_owned(),
                    ],
                    text: (!response.comment.as_str().is_empty()).then(|| {
                        (
                            response.comment.as_str().to_owned(),
                            response.locale.tag().to_owned(),
                        )
                    }),
                    messages: Vec::new(),
                    href: None,
                },
                TimelineEntry::Conversation {
                    conversation: c,
                    messages,
                } => {
                    let lang = c.locale.map_or("", |l| l.tag()).to_owned();
                    let mut details = vec![
                        tr.t(&format!("channel-{}", c.channel.as_str())),
                        tr.t(&format!("timeline-status-{}", c.status.as_str())),
                    ];
                    if let Some(a) = &c.agent {
                        details.push(a.clone());
                    }
                    if let Some(t) = &c.team {
                        details.push(t.clone());
                    }
                    details.extend(c.tags.iter().cloned());
                    EntryView {
                        kind: "conversation",
                        at,
                        title: tr.t("timeline-conversation"),
                        details,
                        text: (!c.subject.is_empty()).then(|| (c.subject.clone(), lang.clone())),
                        messages: messages
                            .iter()
                            .map(|msg| MessageView {
                                who: msg.author.clone().unwrap_or_else(|| {
                                    tr.t(match msg.direction {
                                        taith_domain::MessageDirection::In => "timeline-customer",
                                        taith_domain::MessageDirection::Out => "timeline-us",
                                    })
                                }),
                                at: tr.datetime(msg.at),
                                body: msg.body.clone(),
                                outgoing: msg.direction == taith_domain::MessageDirection::Out,
                            })
                            .collect(),
                        href: None,
                    }
                }
                TimelineEntry::Case(c) => EntryView {
                    kind: "case",
                    at,
                    title: tr.t1("timeline-case", "number", c.number),
                    details: vec![tr.t(&format!(
                        "cases-status-{}",
                        c.status.as_str().replace('_', "-")
                    ))],
                    text: None,
                    messages: Vec::new(),
                    href: Some(format!("{base}/cases/{}", c.id)),
                },
                TimelineEntry::Invitation(i) => EntryView {
                    kind: "invitation",
                    at,
                    title: tr.t("timeline-invitation"),
                    details: vec![
                        i.sent_at.map_or_else(
                            || tr.t("timeline-invitation-waiting"),
                            |t| tr.t1("timeline-invitation-sent", "at", tr.datetime(t)),
                        ),
                        i.locale.endonym().to_owned(),
                    ],
                    text: None,
                    messages: Vec::new(),
                    href: None,
                },
                TimelineEntry::Event(ev) => {
                    use taith_domain::EventDetail as D;
                    let (key, mut details) = match &ev.detail {
                        D::PageView => ("timeline-event-page-view", Vec::new()),
                        D::Search {
                            query,
                            result_count,
                        } => (
                            "timeline-event-search",
                            vec![
                                query.clone(),
                                result_count.map_or_else(String::new, |n| {
                                    tr.tn("timeline-event-results", "count", i64::from(n))
                                }),
                            ],
                        ),
                        D::Conversion { goal, value } => (
                            "timeline-event-conversion",
                            vec![
                                goal.clone(),
                                value.map_or_else(String::new, |v| tr.number(v, 2)),
                            ],
                        ),
                        D::Task { name, success, .. } => (
                            "timeline-event-task",
                            vec![
                                name.clone(),
                                tr.t(if *success {
                                    "timeline-event-task-done"
                                } else {
                                    "timeline-event-task-failed"
                                }),
                            ],
                        ),
                        D::Error { kind } => ("timeline-event-error", vec![kind.clone()]),
                        D::Click { target } => ("timeline-event-click", vec![target.clone()]),
                    };
                    if let Some(u) = &ev.url {
                        details.push(u.clone());
                    }
                    details.retain(|d| !d.is_empty());
                    EntryView {
                        kind: "event",
                        at,
                        title: tr.t(key),
                        details,
                        text: None,
                        messages: Vec::new(),
                        href: None,
                    }
                }
                TimelineEntry::Lifecycle(ev) => EntryView {
                    kind: "lifecycle",
                    at,
                    title: tr.t(&format!("timeline-lifecycle-{}", ev.kind.as_str())),
                    details: Vec::new(),
                    text: None,
                    messages: Vec::new(),
                    href: None,
                },
            }
        })
        .collect()
}
