//! "You said, we did": recording that the business acted on a feature request, a theme or a
//! case root cause,
//! with a short public note per locale, and telling the customers behind it — once each, in
//! their language, by e-mail ([`notices`]). The staff pages, the API, the CLI, the demo and the
//! tests all come here, so each rule is written once:
//!
//! - **who is told**: the customers behind the source (a request's linked comments' customers
//!   and its customer voters; a theme's mentioning responses' customers; the customers of the
//!   cases naming a root cause) who are known by
//!   e-mail and have not opted out of notices or unsubscribed from the workspace's e-mails.
//!   An anonymous response has no customer, so it stays anonymous: nobody is told;
//! - **once**: one notice per change and customer (the store's key), sent by whichever node's
//!   worker claims it first, recorded as sent only after the SMTP server took it;
//! - **in their language**: the locale of their latest response linked to the source, else of
//!   their latest response, else their own, else English; the note in that locale when
//!   written, else English, else any;
//! - **counted as contact**: a notice sent counts in the survey invitation throttle
//!   (`create_invitations` skips a customer sent one within the survey's throttle days);
//! - **opting out**: every notice carries a link to a public page that records the customer's
//!   opt-out of notices.

pub mod notices;

use crate::account::secrets::random_secret;
use taith_domain::{
    ChangeId, ChangeInput, ChangeRecord, ChangeSource, Issue, Locale, SurveyKind, ValidationErrors,
    WorkspaceId,
};
use taith_metrics::{Difference, Histogram, Metric, MetricValue, difference};
use taith_store::{NewChange, Page, PageRequest, Store, StoreError};
use time::OffsetDateTime;

/// Why a change was not recorded.
#[derive(Debug, thiserror::Error)]
pub enum Refused {
    /// A field is wrong (no note, a source of no such request or theme …).
    #[error(transparent)]
    Invalid(#[from] ValidationErrors),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The title or name of what a change acts on; `source_id: not_found` when the workspace has
/// no such request, theme or root cause.
pub async fn source_title(
    store: &dyn Store,
    ws: WorkspaceId,
    source: ChangeSource,
) -> Result<String, Refused> {
    let found = match source {
        ChangeSource::FeatureRequest(id) => store
            .feature_request(ws, id)
            .await
            .map(|r| r.fields.title.to_string()),
        ChangeSource::Theme(id) => store.theme(ws, id).await.map(|t| t.fields.name.to_string()),
        ChangeSource::RootCause(id) => store.root_causes(ws).await.and_then(|causes| {
            causes
                .into_iter()
                .find(|c| c.id == id)
                .map(|c| c.name.to_string())
                .ok_or(StoreError::NotFound)
        }),
    };
    match found {
        Ok(t) => Ok(t),
        Err(StoreError::NotFound) => {
            Err(ValidationErrors::one("source_id", Issue::NotFound).into())
        }
        Err(e) => Err(e.into()),
    }
}

/// Who would be told about a change of `source` now: `(to be told, not told)` — the second
/// counts customers behind it who opted out or have no e-mail address.
pub async fn audience(
    store: &dyn Store,
    ws: WorkspaceId,
    source: ChangeSource,
) -> Result<(Vec<(taith_domain::CustomerId, Locale)>, usize), StoreError> {
    let all = store.change_audience(ws, source).await?;
    let total = all.len();
    let told: Vec<_> = all
        .into_iter()
        .filter(|a| a.has_email && !a.opted_out)
        .map(|a| (a.customer_id, a.locale.unwrap_or(Locale::En)))
        .collect();
    let left = total - told.len();
    Ok((told, left))
}

/// Records a change and queues its notices (the caller wakes the [`notices::Notices`]
/// worker). `by` is who recorded it.
pub async fn record(
    store: &dyn Store,
    ws: WorkspaceId,
    input: &ChangeInput,
    by: &str,
) -> Result<ChangeRecord, Refused> {
    let fields = input.parse()?;
    let title = source_title(store, ws, fields.source).await?;
    let (told, _) = audience(store, ws, fields.source).await?;
    let new = NewChange {
        fields,
        source_title: title,
        created_by: by.to_owned(),
        notices: told
            .into_iter()
            .map(|(c, l)| (c, l, random_secret()))
            .collect(),
    };
    Ok(store.create_change(ws, &new).await?)
}

/// The workspace's changes, newest first.
pub async fn list(
    store: &dyn Store,
    ws: WorkspaceId,
    page: PageRequest<ChangeId>,
) -> Result<Page<ChangeRecord, ChangeId>, StoreError> {
    store.changes(ws, page).await
}

/// Everything for the public "what we changed" page (newest first; at most `most`).
pub async fn public_list(
    store: &dyn Store,
    ws: WorkspaceId,
    most: u32,
) -> Result<Vec<ChangeRecord>, StoreError> {
    Ok(store.changes(ws, PageRequest::first(most)).await?.items)
}

/// The opt-out link's customer wants no more notices. NotFound: no such link.
pub async fn opt_out(store: &dyn Store, token: &str) -> Result<(), StoreError> {
    store.opt_out_of_notices(token, taith_domain::now()).await
}

/// The dashboard's "you said, we did" figures for a period.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NoticeFigures {
    /// Notices the SMTP server took in the period.
    pub sent: u64,
    /// NPS of the period's responses by customers who have received a notice …
    pub notified: MetricValue,
    /// … and by known customers who have not.
    pub others: MetricValue,
    /// `notified − others`, with its interval; None when either side has no responses.
    pub difference: Option<Difference>,
}

/// Notices sent in `[from, to)` and the NPS of the customers who received one against those
/// who did not (DESIGN §3's interval of a difference). A correlation, not an effect: happier
/// customers may be the ones who asked.
pub async fn figures(
    store: &dyn Store,
    ws: WorkspaceId,
    from: OffsetDateTime,
    to: OffsetDateTime,
) -> Result<NoticeFigures, StoreError> {
    let sent = store.notices_sent(ws, from, to).await?;
    let nps_surveys: std::collections::HashSet<_> = store
        .surveys(ws, PageRequest::all())
        .await?
        .items
        .into_iter()
        .filter(|s| s.fields.kind == SurveyKind::Nps)
        .map(|s| s.id)
        .collect();
    let (mut yes, mut no) = (Histogram::default(), Histogram::default());
    for (notified, survey, score, n) in store.notice_split(ws, from, to).await? {
        if !nps_surveys.contains(&survey) {
            continue;
        }
        let h = if notified { &mut yes } else { &mut no };
        if let Some(c) = usize::try_from(score).ok().and_then(|i| h.0.get_mut(i)) {
            *c += n;
        }
    }
    let scale = SurveyKind::Nps.default_scale();
    let notified = MetricValue::of(Metric::Nps, scale, &yes);
    let others = MetricValue::of(Metric::Nps, scale, &no);
    Ok(NoticeFigures {
        sent,
        difference: difference(&notified, &others),
        notified,
        others,
    })
}
