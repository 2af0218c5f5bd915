//! `taith mentions`: social listening from the command line — load mentions a connector
//! exported (`import`, the JSON body of POST /api/v1/mentions) and read a period's figures
//! (`show`, the JSON of GET /api/v1/mentions), through the same use-cases as the API and the
//! Mentions page (`taith_app::mentions`).

use crate::output::Out;
use clap::Subcommand;
use std::path::PathBuf;
use taith_app::mentions::MentionsError;
use taith_domain::Workspace;
use taith_store::SharedStore;

#[derive(Debug, Subcommand)]
pub enum MentionsCommand {
    /// Load mentions from a JSON file shaped as POST /api/v1/mentions's body
    /// (`{"mentions": [{"source", "text", …}]}`), all or none.
    Import {
        /// The workspace's slug.
        #[arg(long, env = "TAITH_WORKSPACE")]
        workspace: String,
        /// The JSON file.
        #[arg(long)]
        file: PathBuf,
    },
    /// A period's mentions: count and change, by source, day and sentiment, the latest 50.
    Show {
        /// The workspace's slug.
        #[arg(long, env = "TAITH_WORKSPACE")]
        workspace: String,
        /// 7d, 30d, 90d (the default), quarter or year; or give --from and --to.
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

impl MentionsCommand {
    pub fn workspace(&self) -> &str {
        match self {
            MentionsCommand::Import { workspace, .. } | MentionsCommand::Show { workspace, .. } => {
                workspace
            }
        }
    }
}

pub async fn run(
    store: &SharedStore,
    ws: &Workspace,
    command: MentionsCommand,
    out: Out,
) -> anyhow::Result<()> {
    match command {
        MentionsCommand::Import { file, .. } => {
            let text = std::fs::read_to_string(&file)
                .map_err(|e| anyhow::anyhow!("--file {}: {e}", file.display()))?;
            let body: taith_web::mentions::wire::MentionsWrite = serde_json::from_str(&text)
                .map_err(|e| {
                    anyhow::anyhow!("--file {}: not mentions JSON: {e}", file.display())
                })?;
            // Scored with the shipped models, or the workspace's own when `taith serve` has
            // trained them: the same models the server uses.
            let voc = taith_app::voc::Voc::default();
            let recorded =
                match taith_app::mentions::record(store.as_ref(), &voc, ws.id, &body.input()).await
                {
                    Ok(r) => r,
                    Err(MentionsError::Invalid(e)) => {
                        let said: Vec<String> =
                            e.0.iter()
                                .map(|f| format!("{}: {}", f.field, f.issue.code()))
                                .collect();
                        anyhow::bail!("nothing imported: {}", said.join("; "))
                    }
                    Err(MentionsError::Store(e)) => return Err(e.into()),
                };
            out.line(&format!(
                "{} mentions read, {} new (the rest were already stored).",
                recorded.received, recorded.stored
            ));
            Ok(())
        }
        MentionsCommand::Show {
            period, from, to, ..
        } => {
            let period = crate::voc::period(
                period.as_deref().unwrap_or("90d"),
                from.as_deref().unwrap_or(""),
                to.as_deref().unwrap_or(""),
            )?;
            let overview =
                taith_app::mentions::overview(store.as_ref(), ws.id, &period, None).await?;
            let answer = taith_web::mentions::wire::MentionsOverview::from(&overview);
            out.line(&serde_json::to_string(&answer)?);
            Ok(())
        }
    }
}
