//! A conversation's new messages as server-sent events: for the visitor's chat and for the
//! member reading the thread in the inbox.
//!
//! Each stream reads the store every [`POLL`] for messages after the last one sent, rather
//! than waiting on this process's own writes: a reply stored by another taith node on the
//! same PostgreSQL comes through the same way. A stream ends after [`LIFETIME`]; the browser's
//! `EventSource` reconnects with `Last-Event-ID`, so nothing is missed or shown twice.

use crate::AppState;
use crate::chat::pages::{EventsQuery, after_of};
use crate::http::ctx::Member;
use crate::http::page_error::PageError;
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use futures_util::stream;
use std::collections::VecDeque;
use std::convert::Infallible;
use std::time::Duration;
use taith_app::chat::{ChatLine, Speaker, lines_after};
use taith_domain::{Action, ConversationId, ConversationMessageId, WorkspaceId};
use taith_store::SharedStore;
use tokio::time::Instant;

/// How often a stream looks for new messages.
const POLL: Duration = Duration::from_secs(1);
/// How long one stream lasts before the browser reconnects.
const LIFETIME: Duration = Duration::from_secs(600);

struct Cursor {
    after: Option<ConversationMessageId>,
    queued: VecDeque<ChatLine>,
    until: Instant,
    first: bool,
}

/// The messages of `conversation` after `after`, each as the event `message` with
/// `render`'s JSON and the message's id as the event id.
pub fn stream<R>(
    store: SharedStore,
    ws: WorkspaceId,
    conversation: ConversationId,
    after: Option<ConversationMessageId>,
    render: R,
) -> Response
where
    R: Fn(&ChatLine) -> serde_json::Value + Send + Sync + 'static,
{
    let cursor = Cursor {
        after,
        queued: VecDeque::new(),
        until: Instant::now() + LIFETIME,
        first: true,
    };
    let lines = stream::unfold(cursor, move |mut c| {
        let store = store.clone();
        async move {
            loop {
                if let Some(line) = c.queued.pop_front() {
                    c.after = Some(line.id);
                    return Some((line, c));
                }
                if Instant::now() >= c.until {
                    return None;
                }
                if !c.first {
                    tokio::time::sleep(POLL).await;
                }
                c.first = false;
                match lines_after(store.as_ref(), ws, conversation, c.after).await {
                    Ok(new) => c.queued.extend(new),
                    Err(e) => {
                        // The conversation was deleted, or the store failed: the stream ends
                        // and the browser tries again.
                        tracing::warn!(error = &e as &dyn std::error::Error, "a chat stream ended");
                        return None;
                    }
                }
            }
        }
    });
    let events = futures_util::StreamExt::map(lines, move |line| {
        Ok::<Event, Infallible>(
            Event::default()
                .event("message")
                .id(line.id.to_string())
                .data(render(&line).to_string()),
        )
    });
    Sse::new(events)
        .keep_alive(KeepAlive::default())
        .into_response()
}

/// A thread's new messages for the member reading it in the inbox (who may read what
/// customers wrote); another workspace's conversation is the same 404 as a missing one.
pub async fn inbox_events(
    State(state): State<AppState>,
    m: Member,
    Path((_, raw)): Path<(String, String)>,
    Query(q): Query<EventsQuery>,
    headers: HeaderMap,
) -> Result<Response, PageError> {
    let tr = m.tr().clone();
    let id: ConversationId = raw.parse().map_err(|_| PageError::not_found(&tr))?;
    let ws = m.workspace.id;
    let conversation = state
        .store
        .conversation(ws, id)
        .await
        .map_err(|e| PageError::from_store(e, &tr))?;
    m.require(Action::ReadResponses)?;
    let customer = tr.t("timeline-customer");
    let us = tr.t("timeline-us");
    let bot = tr.t("chat-bot");
    let lang = conversation.locale.map(|l| l.tag()).unwrap_or_default();
    Ok(stream(
        state.store.clone(),
        ws,
        id,
        after_of(&headers, &q),
        move |line| {
            let (kind, who) = match line.speaker {
                Speaker::Visitor => ("in", customer.clone()),
                Speaker::Bot => ("out", bot.clone()),
                Speaker::Person => ("out", line.author.clone().unwrap_or_else(|| us.clone())),
            };
            serde_json::json!({
                "id": line.id.to_string(), "kind": kind, "who": who,
                "at": tr.datetime(line.at), "body": line.body, "lang": lang,
            })
        },
    ))
}
