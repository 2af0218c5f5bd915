//! Alerts: rules that watch a figure for a part of the business, and what happens when one
//! fires — a firing recorded once (no repeat until the condition clears), e-mails to chosen
//! members, and `alert.fired` / `alert.cleared` events for the workspace's webhooks.
//!
//! - Making and changing rules ([`Alerts::create`], [`Alerts::update`]): the domain parses the
//!   fields; here what they name (theme, journey, touchpoint, members) must exist.
//! - Evaluation ([`evaluate`]) runs in the background only: as responses arrive (the hooks
//!   tailer hands each workspace's new responses over after intake committed) and on a
//!   schedule (periods move with time). It never runs on a request's path.
//! - E-mails ([`mail`]) go out through the SMTP mailer of the invitations' outbox, in the
//!   member's language when they chose one.

pub mod evaluate;
pub mod mail;

use crate::metrics::Analytics;
use crate::webhooks::Webhooks;
use std::collections::HashSet;
use taith_domain::{
    AlertMetric, AlertRule, AlertRuleFields, AlertRuleId, AlertScope, Issue, ValidationErrors,
    WorkspaceId,
};
use taith_store::{SharedStore, Store, StoreError};

/// Why a rule change was refused.
#[derive(Debug, thiserror::Error)]
pub enum Refused {
    #[error("invalid rule")]
    Invalid(ValidationErrors),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<ValidationErrors> for Refused {
    fn from(e: ValidationErrors) -> Self {
        Refused::Invalid(e)
    }
}

/// The alerts of the running application: what evaluation reads figures from and publishes
/// through. Cloning shares them.
#[derive(Clone)]
pub struct Alerts {
    pub(crate) analytics: Analytics,
    pub(crate) hooks: Webhooks,
    pub(crate) mailer: Option<crate::invitations::outbox::Mailer>,
    pub(crate) links: String,
}

impl std::fmt::Debug for Alerts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Alerts")
    }
}

impl Alerts {
    pub fn new(
        analytics: Analytics,
        hooks: Webhooks,
        mailer: Option<crate::invitations::outbox::Mailer>,
        links: String,
    ) -> Alerts {
        Alerts {
            analytics,
            hooks,
            mailer,
            links,
        }
    }

    /// Starts the scheduled evaluation and the e-mail loop.
    pub fn start(&self, store: SharedStore) {
        evaluate::schedule_in_background(self.clone(), store.clone());
        mail::run_in_background(self.clone(), store);
    }

    /// Checks that what the rule names exists in the workspace.
    pub async fn check(
        &self,
        store: &dyn Store,
        ws: WorkspaceId,
        fields: &AlertRuleFields,
    ) -> Result<(), Refused> {
        let mut e = ValidationErrors::default();
        if let AlertMetric::ThemeShare(theme) = fields.metric {
            match store.theme(ws, theme).await {
                Ok(_) => {}
                Err(StoreError::NotFound) => e.push("theme_id", Issue::NotFound),
                Err(other) => return Err(other.into()),
            }
        }
        match &fields.scope {
            AlertScope::Journey(j) => match store.journey(ws, *j).await {
                Ok(_) => {}
                Err(StoreError::NotFound) => e.push("scope_id", Issue::NotFound),
                Err(other) => return Err(other.into()),
            },
            AlertScope::Touchpoint(tp) => {
                let context = self.analytics.context(store, ws).await?;
                if !context.layout.touchpoints.contains_key(tp) {
                    e.push("scope_id", Issue::NotFound);
                }
            }
            AlertScope::Workspace | AlertScope::Segment { .. } => {}
        }
        if !fields.recipients.is_empty() {
            let members: HashSet<_> = store
                .members(ws)
                .await?
                .into_iter()
                .map(|m| m.user.id)
                .collect();
            for (i, r) in fields.recipients.iter().enumerate() {
                if !members.contains(r) {
                    e.push(format!("recipients.{i}"), Issue::NotFound);
                }
            }
        }
        e.into_result().map_err(Refused::Invalid)
    }

    pub async fn create(
        &self,
        store: &dyn Store,
        ws: WorkspaceId,
        fields: &AlertRuleFields,
    ) -> Result<AlertRule, Refused> {
        self.check(store, ws, fields).await?;
        Ok(store.create_alert_rule(ws, fields).await?)
    }

    pub async fn update(
        &self,
        store: &dyn Store,
        ws: WorkspaceId,
        id: AlertRuleId,
        fields: &AlertRuleFields,
    ) -> Result<AlertRule, Refused> {
        store.alert_rule(ws, id).await?;
        self.check(store, ws, fields).await?;
        Ok(store.update_alert_rule(ws, id, fields).await?)
    }
}

/// The workspace's rules as lines of text (the CLI's `taith alerts list`): id, state
/// (`firing`, `quiet`, `paused`), kind, metric, the figure last seen, firings so far and name,
/// separated by tabs.
pub async fn listing(store: &dyn Store, ws: WorkspaceId) -> Result<Vec<String>, StoreError> {
    let mut lines = Vec::new();
    for r in store.alert_rules(ws).await? {
        let firings = store
            .alert_firings(ws, r.id, taith_store::PageRequest::all())
            .await?
            .items
            .len();
        let state = if !r.fields.enabled {
            "paused"
        } else if r.firing {
            "firing"
        } else {
            "quiet"
        };
        lines.push(format!(
            "{}\t{state}\t{}\t{}\t{}\t{firings}\t{}",
            r.id,
            r.fields.condition.kind(),
            r.fields.metric.code(),
            r.last_value
                .map(|v| crate::metrics::round1(v).to_string())
                .unwrap_or_else(|| "-".to_owned()),
            r.fields.name.as_str().replace('\t', " "),
        ));
    }
    Ok(lines)
}
