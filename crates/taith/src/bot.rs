//! `taith bot ask`: asks a workspace's FAQ bot a question, through the same use-case as the
//! widget and the API (`taith_app::bot`), and prints the answer or the hand-over. A hand-over
//! opens a chat conversation and a low-confidence one is recorded as a FAQ gap, as anywhere.

use crate::output::Out;
use clap::Subcommand;
use taith_domain::Workspace;
use taith_domain::bot::AskInput;
use taith_store::{SharedStore, StoreError};

#[derive(Debug, Subcommand)]
pub enum BotCommand {
    /// Ask the bot a question as a visitor would.
    Ask {
        /// The workspace's slug.
        #[arg(long, env = "TAITH_WORKSPACE")]
        workspace: String,
        /// The visitor's language: en, cy, ms, sw, ar or vi.
        #[arg(long, default_value = "en")]
        locale: String,
        /// A conversation a previous hand-over opened, to continue.
        #[arg(long)]
        conversation: Option<String>,
        /// Print the JSON of POST /api/v1/bot/ask instead of text.
        #[arg(long)]
        json: bool,
        /// The question.
        question: String,
    },
}

impl BotCommand {
    pub fn workspace(&self) -> &str {
        match self {
            BotCommand::Ask { workspace, .. } => workspace,
        }
    }
}

pub async fn run(
    store: &SharedStore,
    ws: &Workspace,
    command: BotCommand,
    out: Out,
) -> anyhow::Result<()> {
    let BotCommand::Ask {
        locale,
        conversation,
        json,
        question,
        ..
    } = command;
    let input = AskInput {
        question,
        locale,
        conversation_id: conversation,
    };
    // A process of its own: the index is built for this one question.
    let bot = taith_app::bot::Bot::default();
    let reply = match bot.ask(store.as_ref(), ws.id, &input).await {
        Ok(r) => r,
        Err(taith_app::bot::BotError::Invalid(e)) => {
            let said: Vec<String> =
                e.0.iter()
                    .map(|f| format!("{} ({}): {}", flag(&f.field), f.field, f.issue.code()))
                    .collect();
            anyhow::bail!("{}", said.join("; "))
        }
        Err(taith_app::bot::BotError::Store(StoreError::NotFound)) => {
            anyhow::bail!(
                "--conversation: no such bot conversation in workspace {}",
                ws.slug
            )
        }
        Err(taith_app::bot::BotError::Store(e)) => return Err(e.into()),
    };
    if json {
        let value = serde_json::json!({
            "answer": reply.answer.as_ref().map(|a| serde_json::json!({
                "article_id": a.article_id.to_string(),
                "slug": a.slug,
                "locale": a.locale.tag(),
                "title": a.title,
                "other_language": a.other_language,
            })),
            "article_id": reply.answer.as_ref().map(|a| a.article_id.to_string()),
            "confidence": reply.confidence,
            "handoff": reply.handoff.as_ref().map(|h| serde_json::json!({
                "reason": h.reason.as_str(),
                "conversation_id": h.conversation_id.to_string(),
                "message": h.message,
            })),
            "conversation_id": reply.conversation_id.map(|c| c.to_string()),
        });
        out.line(&serde_json::to_string(&value)?);
        return Ok(());
    }
    match (&reply.answer, &reply.handoff) {
        (Some(a), _) => {
            out.line(&format!(
                "Answer ({}{}, confidence {:.2}): {}",
                a.locale.tag(),
                if a.other_language {
                    ", not in the visitor's language"
                } else {
                    ""
                },
                reply.confidence,
                a.title
            ));
            out.line(&format!("/h/{}/a/{}", ws.slug, a.slug));
        }
        (None, Some(h)) => {
            out.line(&format!(
                "Handed over ({}, confidence {:.2}) in conversation {}",
                h.reason.as_str(),
                reply.confidence,
                h.conversation_id
            ));
            out.line(&h.message);
        }
        (None, None) => out.line("No answer."),
    }
    Ok(())
}

fn flag(field: &str) -> &str {
    match field {
        "question" => "the question",
        "locale" => "--locale",
        "conversation_id" => "--conversation",
        other => other,
    }
}
