//! `taith signals`: the behaviour and support figures touchpoints show on the journey map —
//! choose them (`bind`) and read a journey's over a period (`show`), through the same
//! use-cases as the pages and the API (`taith_app::signals`).

use crate::output::Out;
use clap::Subcommand;
use taith_domain::{BoundFigureInput, JourneyId, TouchpointId, ValidationErrors, Workspace};
use taith_store::{SharedStore, StoreError};

#[derive(Debug, Subcommand)]
pub enum SignalsCommand {
    /// Choose the figures a touchpoint shows (replacing what it showed; none clears them).
    Bind {
        /// The workspace's slug.
        #[arg(long, env = "TAITH_WORKSPACE")]
        workspace: String,
        /// The touchpoint's id.
        #[arg(long)]
        touchpoint: String,
        /// Repeatable, up to four: visitors, page_views, bounce_rate, conversion_rate (or
        /// conversion_rate:GOAL), session_duration, task_success_rate, error_rate,
        /// search_zero_result_rate, first_response_time, resolution_time, reopen_rate.
        #[arg(long = "figure")]
        figures: Vec<String>,
    },
    /// A journey's signals over a period: each touchpoint's figures with their trend, and the
    /// drop-off between consecutive touchpoints — the JSON of GET /api/v1/journeys/{id}/signals.
    Show {
        /// The workspace's slug.
        #[arg(long, env = "TAITH_WORKSPACE")]
        workspace: String,
        /// The journey's id.
        #[arg(long)]
        journey: String,
        /// 7d, 30d (the default), 90d, quarter or year; or give --from and --to.
        #[arg(long)]
        period: Option<String>,
        /// First day of a custom period, YYYY-MM-DD (UTC, inclusive).
        #[arg(long)]
        from: Option<String>,
        /// Last day of a custom period, YYYY-MM-DD (inclusive).
        #[arg(long)]
        to: Option<String>,
    },
}

/// Field errors as the flags that caused them.
fn said(e: &ValidationErrors) -> anyhow::Error {
    let said: Vec<String> =
        e.0.iter()
            .map(|f| {
                let flag = if f.field.starts_with("figures") {
                    "figure"
                } else {
                    f.field.as_str()
                };
                format!("--{flag} ({}): {}", f.field, f.issue.code())
            })
            .collect();
    anyhow::anyhow!("{}", said.join("; "))
}

/// `metric` or `conversion_rate:GOAL`.
fn figure_of(flag: &str) -> BoundFigureInput {
    match flag.split_once(':') {
        Some((metric, goal)) => BoundFigureInput {
            metric: metric.to_owned(),
            goal: Some(goal.to_owned()),
        },
        None => BoundFigureInput {
            metric: flag.to_owned(),
            goal: None,
        },
    }
}

pub async fn run(
    store: &SharedStore,
    ws: &Workspace,
    command: SignalsCommand,
    out: Out,
) -> anyhow::Result<()> {
    match command {
        SignalsCommand::Bind {
            touchpoint,
            figures,
            ..
        } => {
            let id: TouchpointId = touchpoint
                .parse()
                .map_err(|_| anyhow::anyhow!("--touchpoint: not a touchpoint id"))?;
            let inputs: Vec<BoundFigureInput> = figures.iter().map(|f| figure_of(f)).collect();
            let bound = match taith_app::signals::bind(store.as_ref(), ws.id, id, &inputs).await {
                Ok(b) => b,
                Err(taith_app::signals::SignalError::Invalid(e)) => return Err(said(&e)),
                Err(taith_app::signals::SignalError::Store(StoreError::NotFound)) => {
                    anyhow::bail!("--touchpoint: no such touchpoint in workspace {}", ws.slug)
                }
                Err(taith_app::signals::SignalError::Store(e)) => return Err(e.into()),
            };
            let names: Vec<String> = bound
                .iter()
                .map(|f| match &f.goal {
                    Some(g) => format!("{}:{g}", f.metric.as_str()),
                    None => f.metric.as_str().to_owned(),
                })
                .collect();
            if names.is_empty() {
                out.line("The touchpoint shows no figures now.");
            } else {
                out.line(&format!("The touchpoint shows: {}", names.join(", ")));
            }
            Ok(())
        }
        SignalsCommand::Show {
            journey,
            period,
            from,
            to,
            ..
        } => {
            let period = crate::voc::period(
                period.as_deref().unwrap_or(""),
                from.as_deref().unwrap_or(""),
                to.as_deref().unwrap_or(""),
            )?;
            let id: JourneyId = journey
                .parse()
                .map_err(|_| anyhow::anyhow!("--journey: not a journey id"))?;
            let journey = match store.journey(ws.id, id).await {
                Ok(j) => j,
                Err(StoreError::NotFound) => {
                    anyhow::bail!("--journey: no such journey in workspace {}", ws.slug)
                }
                Err(e) => return Err(e.into()),
            };
            // A process of its own: its analytics and event indexes are built for this answer.
            let analytics = taith_app::metrics::Analytics::default();
            let webstats = taith_app::webstats::WebStats::default();
            let ids: Vec<TouchpointId> = journey.touchpoints.iter().map(|t| t.id).collect();
            let figures = taith_app::signals::live(
                store.as_ref(),
                &analytics,
                &webstats,
                ws.id,
                &ids,
                &period,
            )
            .await?;
            let drop_offs = taith_app::signals::drop_offs(
                store.as_ref(),
                &analytics,
                &webstats,
                ws.id,
                &journey,
                &period,
            )
            .await?;
            let answer = taith_web::signals::wire::JourneySignals::of(
                &journey, &period, figures, &drop_offs,
            );
            out.line(&serde_json::to_string(&answer)?);
            Ok(())
        }
    }
}
