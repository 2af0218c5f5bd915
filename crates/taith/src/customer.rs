//! `taith customer export|erase`: a customer's data requests from the command line, through
//! the same use-cases as the API and the customer's page (`taith_app::privacy`), each recorded
//! in the workspace's audit log with actor `cli`.

use crate::cli::{audit_cli, workspace};
use crate::database::StoreArgs;
use crate::output::Out;
use anyhow::{Context as _, bail};
use clap::Subcommand;
use std::path::PathBuf;
use taith_store::{SharedStore, StoreError};

#[derive(Debug, Subcommand)]
pub enum CustomerCommand {
    /// Write everything held about a customer as one JSON document (to standard output, or
    /// --output): profile, responses, events, conversations and messages, cases, invitations,
    /// consents, notices. Recorded in the audit log.
    Export {
        /// The workspace's slug.
        #[arg(long, env = "TAITH_WORKSPACE")]
        workspace: String,
        /// The customer's e-mail address.
        #[arg(long)]
        email: String,
        /// The file to write (replaced if it exists); standard output when not given.
        #[arg(long)]
        output: Option<PathBuf>,
    },
    /// Erase a customer: their name, address, comments, messages and every link to them go;
    /// their scores stay in the figures, anonymously. All or nothing: interrupted, run it
    /// again. Recorded in the audit log (by id).
    Erase {
        /// The workspace's slug.
        #[arg(long, env = "TAITH_WORKSPACE")]
        workspace: String,
        /// The customer's e-mail address.
        #[arg(long)]
        email: String,
    },
}

/// The customer's page, which an audit entry names as what was acted on.
fn customer_page(w: &taith_domain::Workspace, customer: taith_domain::CustomerId) -> String {
    format!("/w/{}/customers/{customer}", w.slug)
}

/// The workspace's customer with this address; None: nobody has it.
async fn customer_by_email(
    store: &SharedStore,
    w: &taith_domain::Workspace,
    email: &str,
) -> anyhow::Result<Option<taith_store::Customer>> {
    match taith_app::privacy::find_by_email(store.as_ref(), w.id, email).await {
        Ok(c) => Ok(Some(c)),
        Err(taith_app::privacy::PrivacyError::Store(StoreError::NotFound)) => Ok(None),
        Err(e) => Err(e.into()),
    }
}

/// `taith customer export|erase`.
pub async fn run(store: &StoreArgs, command: CustomerCommand, out: &Out) -> anyhow::Result<()> {
    match command {
        CustomerCommand::Export {
            workspace: ws,
            email,
            output,
        } => {
            let store = store.open().await?;
            let w = workspace(&store, &ws).await?;
            let Some(customer) = customer_by_email(&store, &w, &email).await? else {
                bail!("no customer of workspace {ws:?} has the address {email:?}")
            };
            let document = taith_app::privacy::export(store.as_ref(), w.id, customer.id).await?;
            audit_cli(
                &store,
                &w,
                "customer export",
                &customer_page(&w, customer.id),
            )
            .await?;
            let text = serde_json::to_string_pretty(&document)? + "\n";
            match output {
                Some(path) => std::fs::write(&path, text)
                    .with_context(|| format!("writing {}", path.display()))?,
                None => out.file(&text).context("writing to standard output")?,
            }
            Ok(())
        }
        CustomerCommand::Erase {
            workspace: ws,
            email,
        } => {
            let store = store.open().await?;
            let w = workspace(&store, &ws).await?;
            let Some(customer) = customer_by_email(&store, &w, &email).await? else {
                // Erased already (a rerun), or never known: nothing is held either way.
                out.line(
                    "Nothing is held about this address (no such customer, or erased already).",
                );
                return Ok(());
            };
            let done = taith_app::privacy::erase(store.as_ref(), w.id, customer.id).await?;
            audit_cli(
                &store,
                &w,
                "customer erase",
                &customer_page(&w, customer.id),
            )
            .await?;
            out.line(&format!(
                "Erased customer {}: {} responses and {} events kept anonymously ({} comments erased), \
                 {} conversations anonymised ({} messages erased), {} cases anonymised, {} records deleted.",
                customer.id,
                done.responses_anonymised,
                done.events_anonymised,
                done.comments_erased,
                done.conversations_anonymised,
                done.messages_erased,
                done.cases_anonymised,
                done.rows_deleted,
            ));
            Ok(())
        }
    }
}
