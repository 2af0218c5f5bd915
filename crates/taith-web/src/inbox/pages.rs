//! The inbox's pages: the list with its filters and counts, a conversation's thread (messages,
//! private notes, the customer's timeline, the forms that work it) and the canned replies.
//! Reading needs `ReadResponses` (what customers wrote); working needs `WorkInbox`.

use crate::AppState;
use crate::http::ctx::{CsrfForm, Member};
use crate::http::layout::Layout;
use crate::http::page_error::PageError;
use crate::timeline::{EntryView, entry_views};
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use std::collections::BTreeMap;
use taith_app::inbox::{self, Refused, canned as canned_uc};
use taith_domain::inbox::parse_label_text;
use taith_domain::{
    Action, CannedReplyId, CannedReplyInput, Channel, ConversationId, ConversationStatus,
    InboxUpdateInput, Locale, MessageDirection, Priority, ValidationErrors,
};
use taith_i18n::Tr;
use taith_store::{Assigned, InboxCursor, InboxFilter, PageRequest, StoreError};

/// How many conversations a page of the list shows.
const PAGE: u32 = 50;

fn store_err(m: &Member) -> impl Fn(StoreError) -> PageError + '_ {
    move |e| PageError::from_store(e, m.tr())
}

fn one(pairs: &[(String, String)], k: &str) -> Option<String> {
    pairs
        .iter()
        .filter(|(f, _)| f == k)
        .map(|(_, v)| v.clone())
        .next_back()
}

/// A validation error in the reader's words: `(field, message)`.
fn worded(tr: &Tr, v: &ValidationErrors) -> Vec<(String, String)> {
    v.0.iter()
        .map(|f| (f.field.clone(), tr.issue(f.issue)))
        .collect()
}

/// A choice of a filter or form's `<select>`: `(value, label, selected)`.
#[derive(Debug)]
pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

fn choices<T: Copy>(
    all: &[T],
    value: impl Fn(T) -> String,
    label: impl Fn(T) -> String,
    selected: &str,
) -> Vec<Choice> {
    all.iter()
        .map(|&x| {
            let v = value(x);
            Choice {
                selected: v == selected,
                value: v,
                label: label(x),
            }
        })
        .collect()
}

/// A tab of the list: a status with its count.
#[derive(Debug)]
pub struct Tab {
    pub id: &'static str,
    pub label: String,
    pub count: String,
    pub href: String,
    pub current: bool,
}

/// A row of the list.
#[derive(Debug)]
pub struct Row {
    pub href: String,
    pub subject: String,
    pub lang: String,
    pub channel: String,
    pub status: String,
    pub priority: String,
    pub priority_class: &'static str,
    pub assignee: String,
    pub team: String,
    pub labels: Vec<String>,
    pub activity: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "inbox/list.html")]
pub struct ListPage {
    l: Layout,
    tabs: Vec<Tab>,
    mine_href: String,
    mine: String,
    unassigned_href: String,
    unassigned: String,
    status: String,
    who: Vec<Choice>,
    channels: Vec<Choice>,
    priorities: Vec<Choice>,
    team: String,
    label: String,
    rows: Vec<Row>,
    next_href: Option<String>,
    canned_href: String,
}

#[derive(Debug, Default, Deserialize)]
pub struct ListQuery {
    #[serde(default)]
    status: String,
    /// `mine`, `unassigned`, a member's id, or empty for anyone.
    #[serde(default)]
    who: String,
    #[serde(default)]
    team: String,
    #[serde(default)]
    channel: String,
    #[serde(default)]
    label: String,
    #[serde(default)]
    priority: String,
    #[serde(default)]
    cursor: String,
}

impl ListQuery {
    /// The query string of these filters with another status (and no cursor).
    fn with_status(&self, status: &str) -> String {
        serde_urlencoded::to_string([
            ("status", status),
            ("who", self.who.as_str()),
            ("team", self.team.as_str()),
            ("channel", self.channel.as_str()),
            ("label", self.label.as_str()),
            ("priority", self.priority.as_str()),
        ])
        .unwrap_or_default()
    }
}

fn status_label(tr: &Tr, s: ConversationStatus) -> String {
    tr.t(&format!("inbox-status-{}", s.as_str()))
}

fn priority_label(tr: &Tr, p: Priority) -> String {
    tr.t(&format!("inbox-priority-{}", p.as_str()))
}

pub async fn list(
    State(state): State<AppState>,
    m: Member,
    Query(q): Query<ListQuery>,
) -> Result<ListPage, PageError> {
    m.require(Action::ReadResponses)?;
    let tr = m.tr();
    let ws = m.workspace.id;
    let bad = || PageError::bad_request(tr);
    let mut filter = InboxFilter::default();
    let status = match q.status.trim() {
        "" => "open".to_owned(),
        "all" => "all".to_owned(),
        s => {
            filter
                .statuses
                .push(s.parse::<ConversationStatus>().map_err(|_| bad())?);
            s.to_owned()
        }
    };
    if status == "open" {
        filter.statuses = vec![ConversationStatus::Open];
    }
    filter.assigned = match q.who.trim() {
        "" => Assigned::Anyone,
        "mine" => Assigned::Member(m.user.id),
        "unassigned" => Assigned::Unassigned,
        id => Assigned::Member(id.parse().map_err(|_| bad())?),
    };
    filter.team = Some(q.team.trim().to_owned()).filter(|t| !t.is_empty());
    filter.label = Some(q.label.trim().to_lowercase()).filter(|t| !t.is_empty());
    if !q.channel.trim().is_empty() {
        filter.channel = Some(q.channel.trim().parse::<Channel>().map_err(|_| bad())?);
    }
    if !q.priority.trim().is_empty() {
        filter.priority = Some(q.priority.trim().parse::<Priority>().map_err(|_| bad())?);
    }
    let after = match q.cursor.trim() {
        "" => None,
        c => Some(c.parse::<InboxCursor>().map_err(|_| bad())?),
    };
    let page = inbox::list(
        state.store.as_ref(),
        ws,
        &filter,
        PageRequest { after, limit: PAGE },
    )
    .await
    .map_err(store_err(&m))?;
    let counts = inbox::counts(state.store.as_ref(), ws, Some(m.user.id))
        .await
        .map_err(store_err(&m))?;
    let members = state.store.members(ws).await.map_err(store_err(&m))?;
    let names: BTreeMap<_, _> = members
        .iter()
        .map(|x| (x.user.id, x.user.name.to_string()))
        .collect();
    let base = format!("{}/inbox", m.base());
    let now = taith_domain::now();
    let mut tabs: Vec<Tab> = ConversationStatus::ALL
        .iter()
        .map(|&s| Tab {
            id: s.as_str(),
            label: status_label(tr, s),
            count: tr.number(counts.of(s) as f64, 0),
            href: format!("{base}?{}", q.with_status(s.as_str())),
            current: status == s.as_str(),
        })
        .collect();
    tabs.push(Tab {
        id: "all",
        label: tr.t("inbox-status-all"),
        count: tr.number(
            (counts.open + counts.pending + counts.snoozed + counts.resolved) as f64,
            0,
        ),
        href: format!("{base}?{}", q.with_status("all")),
        current: status == "all",
    });
    let mut who = vec![
        Choice {
            value: String::new(),
            label: tr.t("inbox-who-anyone"),
            selected: q.who.is_empty(),
        },
        Choice {
            value: "mine".into(),
            label: tr.t("inbox-who-mine"),
            selected: q.who == "mine",
        },
        Choice {
            value: "unassigned".into(),
            label: tr.t("inbox-who-unassigned"),
            selected: q.who == "unassigned",
        },
    ];
    who.extend(members.iter().map(|x| Choice {
        value: x.user.id.to_string(),
        label: x.user.name.to_string(),
        selected: q.who == x.user.id.to_string(),
    }));
    let mut channels = vec![Choice {
        value: String::new(),
        label: tr.t("inbox-any"),
        selected: q.channel.is_empty(),
    }];
    channels.extend(choices(
        &Channel::ALL,
        |c| c.as_str().to_owned(),
        |c| tr.t(&format!("channel-{}", c.as_str())),
        &q.channel,
    ));
    let mut priorities = vec![Choice {
        value: String::new(),
        label: tr.t("inbox-any"),
        selected: q.priority.is_empty(),
    }];
    priorities.extend(choices(
        &Priority::ALL,
        |p| p.as_str().to_owned(),
        |p| priority_label(tr, p),
        &q.priority,
    ));
    let rows = page
        .items
        .iter()
        .map(|i| {
            let c = &i.conversation;
            Row {
                href: format!("{base}/{}", c.id),
                subject: if c.subject.is_empty() {
                    tr.t("inbox-no-subject")
                } else {
                    c.subject.clone()
                },
                lang: c.locale.map_or("", |l| l.tag()).to_owned(),
                channel: tr.t(&format!("channel-{}", c.channel.as_str())),
                status: status_label(tr, i.status(now)),
                priority: priority_label(tr, i.priority),
                priority_class: i.priority.as_str(),
                assignee: c
                    .assignee
                    .and_then(|a| names.get(&a).cloned())
                    .or_else(|| c.agent.clone())
                    .unwrap_or_else(|| tr.t("inbox-nobody")),
                team: c.team.clone().unwrap_or_default(),
                labels: c.tags.clone(),
                activity: tr.datetime(i.last_activity_at),
            }
        })
        .collect();
    let next_href = page.next.map(|n| {
        format!(
            "{base}?{}&cursor={}",
            q.with_status(&status),
            urlencoding(&n.to_string())
        )
    });
    let unassigned_q = ListQuery {
        who: "unassigned".into(),
        ..ListQuery::default()
    };
    let mine_q = ListQuery {
        who: "mine".into(),
        ..ListQuery::default()
    };
    Ok(ListPage {
        tabs,
        mine_href: format!("{base}?{}", mine_q.with_status("open")),
        mine: tr.number(counts.mine as f64, 0),
        unassigned_href: format!("{base}?{}", unassigned_q.with_status("open")),
        unassigned: tr.number(counts.unassigned as f64, 0),
        status,
        who,
        channels,
        priorities,
        team: q.team.clone(),
        label: q.label.clone(),
        rows,
        next_href,
        canned_href: format!("{base}/canned"),
        l: m.layout("inbox"),
    })
}

fn urlencoding(s: &str) -> String {
    serde_urlencoded::to_string([("x", s)])
        .map(|e| e.trim_start_matches("x=").to_owned())
        .unwrap_or_default()
}

/// A message or a private note of the thread.
#[derive(Debug)]
pub struct ThreadItem {
    pub id: String,
    /// `in`, `out` or `note`.
    pub kind: &'static str,
    pub who: String,
    pub at: String,
    pub body: String,
    pub lang: String,
    /// The attachments of an incoming mail.
    pub attachments: Vec<AttachmentLink>,
}

/// An attachment of a message: a download link unless it was too large to keep.
#[derive(Debug)]
pub struct AttachmentLink {
    pub name: String,
    pub size: String,
    pub href: Option<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "inbox/thread.html")]
pub struct ThreadPage {
    l: Layout,
    action: String,
    subject: String,
    lang: String,
    facts: Vec<(String, String)>,
    labels: Vec<String>,
    labels_text: String,
    items: Vec<ThreadItem>,
    /// The newest message's id: where the live stream (`chat.js`) starts.
    last_message: String,
    timeline: Vec<EntryView>,
    timeline_href: Option<String>,
    can_work: bool,
    members: Vec<Choice>,
    team: String,
    statuses: Vec<Choice>,
    snoozed_until: String,
    priorities: Vec<Choice>,
    canned: Vec<Choice>,
    reply: String,
    note: String,
    errors: Vec<(String, String)>,
    done: Option<String>,
    list_href: String,
}

#[derive(Debug, Default, Deserialize)]
pub struct ThreadQuery {
    /// A canned reply to fill the reply box with, in the conversation's language.
    #[serde(default)]
    canned: String,
    #[serde(default)]
    done: String,
}

/// What a re-rendered thread keeps from a refused form.
#[derive(Debug, Default)]
struct Kept {
    reply: String,
    note: String,
    errors: Vec<(String, String)>,
}

async fn render_thread(
    state: &AppState,
    m: &Member,
    raw_id: &str,
    q: &ThreadQuery,
    kept: Kept,
) -> Result<ThreadPage, PageError> {
    let tr = m.tr();
    let ws = m.workspace.id;
    let id: ConversationId = raw_id.parse().map_err(|_| PageError::not_found(tr))?;
    let item = state.store.inbox_item(ws, id).await.map_err(store_err(m))?;
    m.require(Action::ReadResponses)?;
    let c = &item.conversation;
    let now = taith_domain::now();
    let messages = state
        .store
        .conversation_messages(ws, id)
        .await
        .map_err(store_err(m))?;
    let notes = state
        .store
        .conversation_notes(ws, id)
        .await
        .map_err(store_err(m))?;
    let lang = c.locale.map_or("", |l| l.tag()).to_owned();
    let base = format!("{}/inbox", m.base());
    let mut attachments: BTreeMap<taith_domain::ConversationMessageId, Vec<AttachmentLink>> =
        BTreeMap::new();
    for (n, a) in inbox::attachments::list(state.store.as_ref(), ws, id)
        .await
        .map_err(store_err(m))?
        .into_iter()
        .enumerate()
    {
        let kb = (a.attachment.size as f64 / 1024.0).max(0.1);
        attachments
            .entry(a.message_id)
            .or_default()
            .push(AttachmentLink {
                size: tr.ta("inbox-attachment-size", &[("kb", tr.number(kb, 1))]),
                href: a
                    .attachment
                    .kept
                    .then(|| format!("{base}/{}/attachments/{}", c.id, n + 1)),
                name: a.attachment.name,
            });
    }
    let mut items: Vec<(time::OffsetDateTime, ThreadItem)> = messages
        .iter()
        .map(|msg| {
            (
                msg.at,
                ThreadItem {
                    id: msg.id.to_string(),
                    kind: match msg.direction {
                        MessageDirection::In => "in",
                        MessageDirection::Out => "out",
                    },
                    who: match msg.author.as_deref() {
                        // The FAQ bot signs its messages so; members read its name in their
                        // language, as the visitor does.
                        Some(taith_app::bot::BOT_AUTHOR) => tr.t("chat-bot"),
                        Some(a) => a.to_owned(),
                        None => tr.t(match msg.direction {
                            MessageDirection::In => "timeline-customer",
                            MessageDirection::Out => "timeline-us",
                        }),
                    },
                    at: tr.datetime(msg.at),
                    body: msg.body.clone(),
                    lang: lang.clone(),
                    attachments: attachments.remove(&msg.id).unwrap_or_default(),
                },
            )
        })
        .collect();
    items.extend(notes.iter().map(|n| {
        (
            n.at,
            ThreadItem {
                id: n.id.to_string(),
                kind: "note",
                who: n.author.clone(),
                at: tr.datetime(n.at),
                body: n.body.clone(),
                lang: String::new(),
                attachments: Vec::new(),
            },
        )
    }));
    items.sort_by_key(|(at, _)| *at);
    let (timeline, timeline_href) = match c.customer_id {
        Some(cid) => match taith_app::lifecycle::timeline(state.store.as_ref(), ws, cid).await {
            Ok((_, _, entries)) => (
                entry_views(tr, &m.base(), &entries),
                Some(format!("{}/customers/{cid}", m.base())),
            ),
            // The customer was deleted: the conversation outlives them.
            Err(StoreError::NotFound) => (Vec::new(), None),
            Err(e) => return Err(PageError::from_store(e, tr)),
        },
        None => (Vec::new(), None),
    };
    let members = state.store.members(ws).await.map_err(store_err(m))?;
    let mut member_choices = vec![Choice {
        value: String::new(),
        label: tr.t("inbox-nobody"),
        selected: c.assignee.is_none(),
    }];
    member_choices.extend(members.iter().map(|x| Choice {
        value: x.user.id.to_string(),
        label: x.user.name.to_string(),
        selected: c.assignee == Some(x.user.id),
    }));
    let shown = item.status(now);
    let canned = state.store.canned_replies(ws).await.map_err(store_err(m))?;
    let mut reply = kept.reply;
    if reply.is_empty() && !q.canned.trim().is_empty() {
        let picked: CannedReplyId = q
            .canned
            .trim()
            .parse()
            .map_err(|_| PageError::bad_request(tr))?;
        let found = canned
            .iter()
            .find(|r| r.id == picked)
            .ok_or_else(|| PageError::not_found(tr))?;
        reply = canned_uc::render_canned(found, c.locale);
    }
    let mut facts = vec![
        (
            tr.t("inbox-channel"),
            tr.t(&format!("channel-{}", c.channel.as_str())),
        ),
        (tr.t("inbox-status"), status_label(tr, shown)),
        (tr.t("inbox-priority"), priority_label(tr, item.priority)),
        (
            tr.t("inbox-assignee"),
            c.agent.clone().unwrap_or_else(|| tr.t("inbox-nobody")),
        ),
    ];
    if let Some(t) = &c.team {
        facts.push((tr.t("inbox-team"), t.clone()));
    }
    if let Some(l) = c.locale {
        facts.push((tr.t("inbox-language"), l.endonym().to_owned()));
    }
    if let (ConversationStatus::Snoozed, Some(t)) = (shown, item.snoozed_until) {
        facts.push((tr.t("inbox-snoozed-until"), tr.datetime(t)));
    }
    let done = match q.done.as_str() {
        "saved" => Some(tr.t("inbox-done-saved")),
        "note" => Some(tr.t("inbox-done-note")),
        "replied" => Some(tr.t("inbox-done-replied")),
        "queued" => Some(tr.t("inbox-done-queued")),
        _ => None,
    };
    Ok(ThreadPage {
        action: format!("{base}/{}", c.id),
        subject: if c.subject.is_empty() {
            tr.t("inbox-no-subject")
        } else {
            c.subject.clone()
        },
        lang,
        facts,
        labels: c.tags.clone(),
        labels_text: c.tags.join(", "),
        last_message: messages
            .last()
            .map(|x| x.id.to_string())
            .unwrap_or_default(),
        items: items.into_iter().map(|(_, i)| i).collect(),
        timeline,
        timeline_href,
        can_work: m.may(Action::WorkInbox),
        members: member_choices,
        team: c.team.clone().unwrap_or_default(),
        statuses: choices(
            &ConversationStatus::ALL,
            |s| s.as_str().to_owned(),
            |s| status_label(tr, s),
            shown.as_str(),
        ),
        snoozed_until: String::new(),
        priorities: choices(
            &Priority::ALL,
            |p| p.as_str().to_owned(),
            |p| priority_label(tr, p),
            item.priority.as_str(),
        ),
        canned: canned
            .iter()
            .map(|r| Choice {
                value: r.id.to_string(),
                label: r.title.clone(),
                selected: r.id.to_string() == q.canned.trim(),
            })
            .collect(),
        reply,
        note: kept.note,
        errors: kept.errors,
        done,
        list_href: base,
        l: m.layout("inbox"),
    })
}

pub async fn thread(
    State(state): State<AppState>,
    m: Member,
    Path((_, id)): Path<(String, String)>,
    Query(q): Query<ThreadQuery>,
) -> Result<ThreadPage, PageError> {
    render_thread(&state, &m, &id, &q, Kept::default()).await
}

/// The thread again with what was typed and why it was refused (422).
async fn refused(
    state: &AppState,
    m: &Member,
    id: &str,
    e: Refused,
    kept: Kept,
) -> Result<Response, PageError> {
    match e {
        Refused::Invalid(v) => {
            let kept = Kept {
                errors: worded(m.tr(), &v),
                ..kept
            };
            let page = render_thread(state, m, id, &ThreadQuery::default(), kept).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Refused::Store(s) => Err(PageError::from_store(s, m.tr())),
    }
}

/// Checks the path's id names one of the workspace's conversations, then that `m` may work
/// it (another workspace's id is the same 404 as a missing one).
async fn workable(state: &AppState, m: &Member, id: &str) -> Result<ConversationId, PageError> {
    let tr = m.tr();
    let id: ConversationId = id.parse().map_err(|_| PageError::not_found(tr))?;
    state
        .store
        .conversation(m.workspace.id, id)
        .await
        .map_err(store_err(m))?;
    m.require(Action::WorkInbox)?;
    Ok(id)
}

/// The assignment, status/snooze, priority and labels forms: each sends only its fields.
pub async fn update(
    State(state): State<AppState>,
    m: Member,
    Path((_, raw)): Path<(String, String)>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let id = workable(&state, &m, &raw).await?;
    let mut input = InboxUpdateInput {
        status: one(&pairs, "status"),
        priority: one(&pairs, "priority"),
        assignee_id: one(&pairs, "assignee_id").map(|a| Some(a).filter(|a| !a.is_empty())),
        team: one(&pairs, "team").map(|t| Some(t).filter(|t| !t.trim().is_empty())),
        ..InboxUpdateInput::default()
    };
    // The snooze's time counts only with the snoozed status.
    if input.status.as_deref() == Some("snoozed") {
        input.snoozed_until = one(&pairs, "snoozed_until");
    }
    if let Some(text) = one(&pairs, "labels") {
        match parse_label_text(&text) {
            Ok(l) => input.labels = Some(l),
            Err(i) => {
                let e = Refused::Invalid(ValidationErrors::one("labels", i));
                return refused(&state, &m, &raw, e, Kept::default()).await;
            }
        }
    }
    match inbox::update(state.store.as_ref(), m.workspace.id, id, &input).await {
        Ok(_) => Ok(Redirect::to(&format!("{}/inbox/{id}?done=saved", m.base())).into_response()),
        Err(e) => refused(&state, &m, &raw, e, Kept::default()).await,
    }
}

pub async fn add_note(
    State(state): State<AppState>,
    m: Member,
    Path((_, raw)): Path<(String, String)>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let id = workable(&state, &m, &raw).await?;
    let body = one(&pairs, "body").unwrap_or_default();
    match inbox::add_note(
        state.store.as_ref(),
        m.workspace.id,
        id,
        &m.principal,
        &body,
    )
    .await
    {
        Ok(_) => Ok(Redirect::to(&format!("{}/inbox/{id}?done=note", m.base())).into_response()),
        Err(e) => {
            let kept = Kept {
                note: body,
                ..Kept::default()
            };
            refused(&state, &m, &raw, e, kept).await
        }
    }
}

pub async fn reply(
    State(state): State<AppState>,
    m: Member,
    Path((_, raw)): Path<(String, String)>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let id = workable(&state, &m, &raw).await?;
    let body = one(&pairs, "body").unwrap_or_default();
    match inbox::reply(
        state.store.as_ref(),
        m.workspace.id,
        id,
        &m.principal,
        &body,
    )
    .await
    {
        Ok((_, _, delivery)) => {
            let done = match delivery {
                inbox::Delivery::Queued => "queued",
                _ => "replied",
            };
            Ok(Redirect::to(&format!("{}/inbox/{id}?done={done}", m.base())).into_response())
        }
        Err(e) => {
            let kept = Kept {
                reply: body,
                ..Kept::default()
            };
            refused(&state, &m, &raw, e, kept).await
        }
    }
}

/// Downloads an attachment of a conversation's mail: always as a file
/// (`Content-Disposition: attachment`), with its stored type only when a browser would not
/// run it (`taith_app::inbox::attachments`). Another workspace's conversation is a 404.
pub async fn attachment(
    State(state): State<AppState>,
    m: Member,
    Path((_, raw, n)): Path<(String, String, String)>,
) -> Result<Response, PageError> {
    let tr = m.tr();
    let id: ConversationId = raw.parse().map_err(|_| PageError::not_found(tr))?;
    state
        .store
        .conversation(m.workspace.id, id)
        .await
        .map_err(store_err(&m))?;
    m.require(Action::ReadResponses)?;
    let n: u32 = n.trim().parse().map_err(|_| PageError::not_found(tr))?;
    let file = inbox::attachments::download(state.store.as_ref(), m.workspace.id, id, n)
        .await
        .map_err(store_err(&m))?;
    let content_type = axum::http::HeaderValue::from_str(&file.content_type)
        .unwrap_or_else(|_| axum::http::HeaderValue::from_static("application/octet-stream"));
    let mut res = file.content.into_response();
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, content_type);
    h.insert(
        header::CONTENT_DISPOSITION,
        axum::http::HeaderValue::from_str(&file.disposition)
            .unwrap_or_else(|_| axum::http::HeaderValue::from_static("attachment")),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        axum::http::HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::CACHE_CONTROL,
        axum::http::HeaderValue::from_static("private, no-store"),
    );
    Ok(res)
}

// --- canned replies ----------------------------------------------------------------------

/// A canned reply's form: its fields and one body per locale.
#[derive(Debug)]
pub struct CannedForm {
    pub id: String,
    pub action: String,
    pub delete_action: String,
    pub title: String,
    pub shortcut: String,
    /// `(locale tag, language name, body, dir)`.
    pub bodies: Vec<(String, String, String, &'static str)>,
    pub errors: Vec<(String, String)>,
}

#[derive(Template, WebTemplate)]
#[template(path = "inbox/canned.html")]
pub struct CannedPage {
    l: Layout,
    can_work: bool,
    forms: Vec<CannedForm>,
    new_form: CannedForm,
    list_href: String,
}

fn canned_form(
    base: &str,
    id: Option<CannedReplyId>,
    input: &CannedReplyInput,
    errors: Vec<(String, String)>,
) -> CannedForm {
    CannedForm {
        id: id.map_or_else(|| "new".to_owned(), |i| i.to_string()),
        action: id.map_or_else(|| base.to_owned(), |i| format!("{base}/{i}")),
        delete_action: id.map_or_else(String::new, |i| format!("{base}/{i}/delete")),
        title: input.title.clone(),
        shortcut: input.shortcut.clone().unwrap_or_default(),
        bodies: Locale::ALL
            .iter()
            .map(|l| {
                (
                    l.tag().to_owned(),
                    l.endonym().to_owned(),
                    input.bodies.get(l.tag()).cloned().unwrap_or_default(),
                    if l.is_rtl() { "rtl" } else { "ltr" },
                )
            })
            .collect(),
        errors,
    }
}

fn canned_input(pairs: &[(String, String)]) -> CannedReplyInput {
    CannedReplyInput {
        title: one(pairs, "title").unwrap_or_default(),
        shortcut: one(pairs, "shortcut"),
        bodies: Locale::ALL
            .iter()
            .filter_map(|l| {
                one(pairs, &format!("body_{}", l.tag())).map(|b| (l.tag().to_owned(), b))
            })
            .collect(),
    }
}

/// A canned-reply form sent back with its errors: which reply (None: a new one), what was
/// typed, and the errors as (field, words).
type RefusedCanned = (
    Option<CannedReplyId>,
    CannedReplyInput,
    Vec<(String, String)>,
);

async fn render_canned(
    state: &AppState,
    m: &Member,
    refused_form: Option<RefusedCanned>,
) -> Result<CannedPage, PageError> {
    m.require(Action::ReadResponses)?;
    let base = format!("{}/inbox/canned", m.base());
    let all = state
        .store
        .canned_replies(m.workspace.id)
        .await
        .map_err(store_err(m))?;
    let mut new_form = canned_form(&base, None, &CannedReplyInput::default(), Vec::new());
    let mut forms: Vec<CannedForm> = all
        .iter()
        .map(|c| {
            let input = CannedReplyInput {
                title: c.title.clone(),
                shortcut: c.shortcut.clone(),
                bodies: c
                    .bodies
                    .iter()
                    .map(|(l, b)| (l.tag().to_owned(), b.clone()))
                    .collect(),
            };
            canned_form(&base, Some(c.id), &input, Vec::new())
        })
        .collect();
    if let Some((id, input, errors)) = refused_form {
        let form = canned_form(&base, id, &input, errors);
        match id {
            None => new_form = form,
            Some(id) => {
                if let Some(f) = forms.iter_mut().find(|f| f.id == id.to_string()) {
                    *f = form;
                }
            }
        }
    }
    Ok(CannedPage {
        can_work: m.may(Action::WorkInbox),
        forms,
        new_form,
        list_href: format!("{}/inbox", m.base()),
        l: m.layout("inbox"),
    })
}

pub async fn canned(State(state): State<AppState>, m: Member) -> Result<CannedPage, PageError> {
    render_canned(&state, &m, None).await
}

async fn canned_saved(
    state: &AppState,
    m: &Member,
    id: Option<CannedReplyId>,
    input: CannedReplyInput,
    result: Result<taith_domain::CannedReply, Refused>,
) -> Result<Response, PageError> {
    match result {
        Ok(_) => Ok(Redirect::to(&format!("{}/inbox/canned", m.base())).into_response()),
        Err(Refused::Invalid(v)) => {
            let errors = worded(m.tr(), &v);
            let page = render_canned(state, m, Some((id, input, errors))).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(Refused::Store(e)) => Err(PageError::from_store(e, m.tr())),
    }
}

pub async fn create_canned(
    State(state): State<AppState>,
    m: Member,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    m.require(Action::WorkInbox)?;
    let input = canned_input(&pairs);
    let result = canned_uc::create(state.store.as_ref(), m.workspace.id, &input).await;
    canned_saved(&state, &m, None, input, result).await
}

fn canned_id(m: &Member, raw: &str) -> Result<CannedReplyId, PageError> {
    raw.parse().map_err(|_| PageError::not_found(m.tr()))
}

pub async fn update_canned(
    State(state): State<AppState>,
    m: Member,
    Path((_, raw)): Path<(String, String)>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let id = canned_id(&m, &raw)?;
    state
        .store
        .canned_reply(m.workspace.id, id)
        .await
        .map_err(store_err(&m))?;
    m.require(Action::WorkInbox)?;
    let input = canned_input(&pairs);
    let result = canned_uc::update(state.store.as_ref(), m.workspace.id, id, &input).await;
    canned_saved(&state, &m, Some(id), input, result).await
}

pub async fn delete_canned(
    State(state): State<AppState>,
    m: Member,
    Path((_, raw)): Path<(String, String)>,
    CsrfForm(_): CsrfForm<Vec<(String, String)>>,
) -> Result<Redirect, PageError> {
    let id = canned_id(&m, &raw)?;
    state
        .store
        .canned_reply(m.workspace.id, id)
        .await
        .map_err(store_err(&m))?;
    m.require(Action::WorkInbox)?;
    match canned_uc::delete(state.store.as_ref(), m.workspace.id, id).await {
        Ok(()) => Ok(Redirect::to(&format!("{}/inbox/canned", m.base()))),
        Err(Refused::Store(e)) => Err(PageError::from_store(e, m.tr())),
        Err(Refused::Invalid(_)) => Err(PageError::bad_request(m.tr())),
    }
}
