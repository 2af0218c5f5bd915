//! Alerts: a workspace's rules, their firings (each recorded once: no repeat until it clears)
//! and the e-mails about them.

use crate::webhooks::NewEvent;
use crate::{Page, PageRequest, StoreResult};
use async_trait::async_trait;
use taith_domain::{
    AlertFiring, AlertFiringId, AlertRule, AlertRuleFields, AlertRuleId, Email, Locale, Name, Slug,
    UserId, WorkspaceId,
};
use time::OffsetDateTime;

/// A firing to record, with what goes out about it in the same transaction.
#[derive(Debug, Clone)]
pub struct NewFiring {
    pub firing: AlertFiring,
    /// Members to e-mail.
    pub mail_to: Vec<UserId>,
    /// The `alert.fired` event for the workspace's webhooks.
    pub event: NewEvent,
}

/// The clearing of an open firing, with what goes out about it.
#[derive(Debug, Clone)]
pub struct Clearing {
    pub firing: AlertFiringId,
    pub at: OffsetDateTime,
    pub mail_to: Vec<UserId>,
    /// The `alert.cleared` event.
    pub event: NewEvent,
}

/// An e-mail about a firing that is due, claimed for this node for a while.
#[derive(Debug, Clone)]
pub struct AlertMailDue {
    pub workspace_id: WorkspaceId,
    pub workspace_name: Name,
    pub workspace_slug: Slug,
    pub rule: AlertRule,
    pub firing: AlertFiring,
    pub user_id: UserId,
    pub email: Email,
    pub name: Name,
    /// The language the member chose, if any.
    pub locale: Option<Locale>,
    /// `fired` or `cleared`.
    pub what: String,
    pub attempts: u32,
}

#[async_trait]
pub trait AlertStore: Send + Sync {
    /// The workspace's rules, oldest first, with whether each is firing.
    async fn alert_rules(&self, ws: WorkspaceId) -> StoreResult<Vec<AlertRule>>;

    async fn alert_rule(&self, ws: WorkspaceId, id: AlertRuleId) -> StoreResult<AlertRule>;

    /// NotFound: no such workspace.
    async fn create_alert_rule(
        &self,
        ws: WorkspaceId,
        fields: &AlertRuleFields,
    ) -> StoreResult<AlertRule>;

    async fn update_alert_rule(
        &self,
        ws: WorkspaceId,
        id: AlertRuleId,
        fields: &AlertRuleFields,
    ) -> StoreResult<AlertRule>;

    /// Deletes the rule with its firings.
    async fn delete_alert_rule(&self, ws: WorkspaceId, id: AlertRuleId) -> StoreResult<()>;

    /// Every enabled rule of every workspace (the scheduled evaluation's list).
    async fn enabled_alert_rules(&self) -> StoreResult<Vec<(WorkspaceId, AlertRule)>>;

    /// A rule's firings, newest first.
    async fn alert_firings(
        &self,
        ws: WorkspaceId,
        rule: AlertRuleId,
        page: PageRequest<AlertFiringId>,
    ) -> StoreResult<Page<AlertFiring, AlertFiringId>>;

    /// The rule's open firing of a figure (not a detractor's), if it is firing.
    async fn open_alert_firing(
        &self,
        ws: WorkspaceId,
        rule: AlertRuleId,
    ) -> StoreResult<Option<AlertFiring>>;

    /// Records a firing unless the rule already has an open one (for a figure) or one for
    /// the same response (a detractor): true when recorded, and then — in the same
    /// transaction — its e-mails are queued and its event published. Several nodes may try
    /// at once; one wins.
    async fn fire_alert(&self, ws: WorkspaceId, new: &NewFiring) -> StoreResult<bool>;

    /// Clears an open firing: true when it was open (then its e-mails and event go out in the
    /// same transaction); false when someone cleared it already.
    async fn clear_alert(&self, ws: WorkspaceId, clearing: &Clearing) -> StoreResult<bool>;

    /// Notes what an evaluation saw.
    async fn note_alert_value(
        &self,
        ws: WorkspaceId,
        rule: AlertRuleId,
        value: Option<f64>,
        at: OffsetDateTime,
    ) -> StoreResult<()>;

    /// Claims up to `limit` due e-mails about firings until `lease_until`.
    async fn claim_alert_mails(
        &self,
        now: OffsetDateTime,
        lease_until: OffsetDateTime,
        limit: u32,
    ) -> StoreResult<Vec<AlertMailDue>>;

    /// Records an e-mail as sent, or (`sent: false`) as failed: due again at `retry_at`.
    async fn finish_alert_mail(
        &self,
        mail: &AlertMailDue,
        sent: bool,
        at: OffsetDateTime,
        retry_at: OffsetDateTime,
    ) -> StoreResult<()>;
}
