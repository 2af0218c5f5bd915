//! The feature-request board: requests from staff, from customers' comments and from the
//! public board; votes (one per customer, per anonymous browser, per member); a status with a
//! public note per locale; merging duplicates ([`similar`] suggests them); and the customers
//! and comments behind each request. The staff board, the public board, the API, the demo and
//! the tests all come here, so each rule is written once:
//!
//! - a vote for a merged request counts for the request it was merged into;
//! - linking a comment counts its writer's vote (the customer's, else the comment's own);
//! - a request a customer suggested on the public board is shown there once staff have
//!   looked at it (its status moved on from "under review"): the public board is the
//!   business's voice, and a stranger's text does not appear on it unread;
//! - a merge moves votes and comments to the survivor, a voter behind both counted once.

pub mod similar;

use crate::account::secrets::{random_secret, secret_hash};
use taith_domain::{
    FeatureRequest, FeatureRequestFields, FeatureRequestId, FeatureRequestInput,
    FeatureRequestStatus, Issue, LongText, Name, NewResponse, PublicNote, RequestLink,
    RequestSource, ResponseId, ValidationErrors, Voter, WorkspaceId,
};
use taith_store::{
    ConflictKind, Customer, FeatureRequestFilter, NewCustomer, NewFeatureRequest, PageRequest,
    Store, StoreError,
};

/// Why a change to the board was refused.
#[derive(Debug, thiserror::Error)]
pub enum Refused {
    /// The input names a field that is wrong (a response of no such comment, say).
    #[error(transparent)]
    Invalid(#[from] ValidationErrors),
    /// A request cannot be merged into itself, and one merged away cannot be merged again.
    #[error("these requests cannot be merged")]
    CannotMerge,
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// How many merges a request is followed through to its survivor (merges re-point earlier
/// ones, so one hop is the rule; more would mean a concurrent merge).
const MAX_HOPS: usize = 8;

/// The request `id`, or the one it was merged into (and so on): where its votes now count.
pub async fn survivor(
    store: &dyn Store,
    ws: WorkspaceId,
    id: FeatureRequestId,
) -> Result<FeatureRequest, StoreError> {
    let mut r = store.feature_request(ws, id).await?;
    for _ in 0..MAX_HOPS {
        match r.merged_into {
            Some(next) => r = store.feature_request(ws, next).await?,
            None => break,
        }
    }
    Ok(r)
}

/// Adds a request to the board, under review.
pub async fn create(
    store: &dyn Store,
    ws: WorkspaceId,
    fields: &FeatureRequestFields,
    source: RequestSource,
) -> Result<FeatureRequest, StoreError> {
    store
        .create_feature_request(
            ws,
            &NewFeatureRequest {
                fields: fields.clone(),
                source,
            },
        )
        .await
}

/// An idea sent on the public board: a request (shown publicly once staff have looked at
/// it) with the sender's vote.
pub async fn suggest(
    store: &dyn Store,
    ws: WorkspaceId,
    fields: &FeatureRequestFields,
    voter: &Voter,
) -> Result<FeatureRequest, StoreError> {
    let r = create(store, ws, fields, RequestSource::Public).await?;
    store.add_feature_request_vote(ws, r.id, voter).await?;
    store.feature_request(ws, r.id).await
}

/// What a customer wrote in a response: the comment, else the written follow-up answers.
pub fn written(r: &NewResponse) -> String {
    if !r.comment.is_empty() {
        return r.comment.to_string();
    }
    r.answers
        .iter()
        .filter_map(|a| match &a.value {
            taith_domain::AnswerValue::Text(t) if !t.trim().is_empty() => Some(t.trim()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The longest title made from a comment, in characters.
const TITLE_FROM_COMMENT_CHARS: usize = 80;

/// A title for a request made from a comment: its first line, cut at a word near
/// [`TITLE_FROM_COMMENT_CHARS`] with an ellipsis.
pub fn title_from(text: &str) -> Option<Name> {
    let line = text.lines().map(str::trim).find(|l| !l.is_empty())?;
    if line.chars().count() <= TITLE_FROM_COMMENT_CHARS {
        return Name::parse(line).ok();
    }
    let cut: String = line.chars().take(TITLE_FROM_COMMENT_CHARS).collect();
    let cut = match cut.rfind(char::is_whitespace) {
        Some(i) if i > TITLE_FROM_COMMENT_CHARS / 2 => &cut[..i],
        _ => cut.as_str(),
    };
    Name::parse(&format!("{}…", cut.trim_end())).ok()
}

/// The response `id` as the field `response_id` of the input: not found is the client's
/// mistake, named.
async fn response_of(
    store: &dyn Store,
    ws: WorkspaceId,
    id: ResponseId,
) -> Result<NewResponse, Refused> {
    match store.response(ws, id).await {
        Ok(r) => Ok(r),
        Err(StoreError::NotFound) => {
            Err(ValidationErrors::one("response_id", Issue::NotFound).into())
        }
        Err(e) => Err(e.into()),
    }
}

/// Turns a comment into a request, keeping the comment and its customer linked (and counting
/// the customer's vote). `fields` None: the request is titled from the comment's first line
/// and described by the comment.
pub async fn create_from_comment(
    store: &dyn Store,
    ws: WorkspaceId,
    response: ResponseId,
    fields: Option<FeatureRequestFields>,
) -> Result<FeatureRequest, Refused> {
    let r = response_of(store, ws, response).await?;
    let fields = match fields {
        Some(f) => f,
        None => {
            let text = written(&r);
            let title = title_from(&text)
                .ok_or_else(|| ValidationErrors::one("response_id", Issue::Required))?;
            let description: String = text
                .chars()
                .take(FeatureRequestInput::MAX_DESCRIPTION_CHARS)
                .collect();
            FeatureRequestFields {
                title,
                description: LongText::parse(&description).unwrap_or_default(),
            }
        }
    };
    let created = create(store, ws, &fields, RequestSource::Comment).await?;
    link(store, ws, created.id, &r).await?;
    Ok(store.feature_request(ws, created.id).await?)
}

async fn link(
    store: &dyn Store,
    ws: WorkspaceId,
    id: FeatureRequestId,
    r: &NewResponse,
) -> Result<bool, Refused> {
    match store
        .link_response_to_feature_request(ws, id, r.id, r.customer_id)
        .await
    {
        Err(StoreError::Conflict(ConflictKind::StaleReference)) => {
            Err(ValidationErrors::one("response_id", Issue::NotFound).into())
        }
        other => Ok(other?),
    }
}

/// Links a comment to a request (to the survivor, when it was merged), counting its writer's
/// vote. True when the link is new. The request is looked up first: a missing one is
/// `Store(NotFound)` whatever the response.
pub async fn link_response(
    store: &dyn Store,
    ws: WorkspaceId,
    id: FeatureRequestId,
    response: ResponseId,
) -> Result<(FeatureRequest, bool), Refused> {
    let target = survivor(store, ws, id).await?;
    let r = response_of(store, ws, response).await?;
    let new = link(store, ws, target.id, &r).await?;
    Ok((store.feature_request(ws, target.id).await?, new))
}

/// Records a vote for a request (for its survivor when it was merged). A voter counts once;
/// the bool says whether this vote was new.
pub async fn vote(
    store: &dyn Store,
    ws: WorkspaceId,
    id: FeatureRequestId,
    voter: &Voter,
) -> Result<(FeatureRequest, bool), StoreError> {
    let target = survivor(store, ws, id).await?;
    let new = store.add_feature_request_vote(ws, target.id, voter).await?;
    Ok((store.feature_request(ws, target.id).await?, new))
}

/// The customer a vote on their behalf is from, found or created by the usual rules
/// (external id, else e-mail).
pub async fn customer_voter(
    store: &dyn Store,
    ws: WorkspaceId,
    customer: &NewCustomer,
) -> Result<Voter, StoreError> {
    let c = store.upsert_customer(ws, customer).await?;
    Ok(Voter::Customer(c.id))
}

/// A new random token for an anonymous browser's votes (kept in its cookie).
pub fn new_voter_token() -> String {
    random_secret()
}

/// The voter a browser's token stands for: only its hash is stored. None for a token that
/// is not one of ours (64 hex digits).
pub fn browser_voter(token: &str) -> Option<Voter> {
    let ok = token.len() == 64 && token.bytes().all(|b| b.is_ascii_hexdigit());
    ok.then(|| Voter::Browser(secret_hash(token)))
}

/// Sets a request's status and its public note.
pub async fn change_status(
    store: &dyn Store,
    ws: WorkspaceId,
    id: FeatureRequestId,
    status: FeatureRequestStatus,
    note: &PublicNote,
) -> Result<FeatureRequest, StoreError> {
    let before = store.feature_request(ws, id).await?.status;
    let changed = store
        .set_feature_request_status(ws, id, status, note)
        .await?;
    if before != status {
        // Published after the change committed; the webhooks' worker sends it.
        let data = serde_json::json!({
            "feature_request_id": changed.id,
            "title": changed.fields.title.as_str(),
            "status": status.as_str(),
            "previous_status": before.as_str(),
            "votes": changed.votes,
        });
        let event = crate::webhooks::new_event(
            taith_domain::EventType::FeatureRequestStatusChanged,
            data,
            None,
        );
        crate::webhooks::publish(store, ws, event).await?;
    }
    Ok(changed)
}

/// Merges `from` into `into` (or into `into`'s survivor): votes and comments move over, a
/// voter behind both counted once, and `from` points to the survivor from then on.
pub async fn merge(
    store: &dyn Store,
    ws: WorkspaceId,
    from: FeatureRequestId,
    into: FeatureRequestId,
) -> Result<FeatureRequest, Refused> {
    let loser = store.feature_request(ws, from).await?;
    let target = match survivor(store, ws, into).await {
        Ok(t) => t,
        Err(StoreError::NotFound) => {
            return Err(ValidationErrors::one("into", Issue::NotFound).into());
        }
        Err(e) => return Err(e.into()),
    };
    if loser.merged_into.is_some() || target.id == loser.id {
        return Err(Refused::CannotMerge);
    }
    match store.merge_feature_requests(ws, loser.id, target.id).await {
        Err(StoreError::Conflict(ConflictKind::StaleReference)) => Err(Refused::CannotMerge),
        other => Ok(other?),
    }
}

/// The board: every request not merged away (of one status when given), most votes first,
/// then the newest.
pub async fn board(
    store: &dyn Store,
    ws: WorkspaceId,
    status: Option<FeatureRequestStatus>,
) -> Result<Vec<FeatureRequest>, StoreError> {
    let mut items = store
        .feature_requests(
            ws,
            FeatureRequestFilter {
                status,
                with_merged: false,
            },
            PageRequest::all(),
        )
        .await?
        .items;
    items.sort_by(|a, b| b.votes.cmp(&a.votes).then(b.id.cmp(&a.id)));
    Ok(items)
}

/// Whether the public board shows a request: not merged away, and not a stranger's
/// suggestion nobody has looked at yet.
pub fn is_public(r: &FeatureRequest) -> bool {
    r.merged_into.is_none()
        && !(r.source == RequestSource::Public && r.status == FeatureRequestStatus::UnderReview)
}

/// The public board: what [`is_public`] lets through, most votes first.
pub async fn public_board(
    store: &dyn Store,
    ws: WorkspaceId,
) -> Result<Vec<FeatureRequest>, StoreError> {
    Ok(board(store, ws, None)
        .await?
        .into_iter()
        .filter(is_public)
        .collect())
}

/// A comment behind a request: the link, the response (gone if it was deleted since) and its
/// customer.
#[derive(Debug, Clone)]
pub struct Behind {
    pub link: RequestLink,
    pub response: NewResponse,
    pub customer: Option<Customer>,
}

/// The comments behind a request and who wrote them, oldest link first.
pub async fn behind(
    store: &dyn Store,
    ws: WorkspaceId,
    id: FeatureRequestId,
) -> Result<Vec<Behind>, StoreError> {
    let mut out = Vec::new();
    for link in store.feature_request_links(ws, id).await? {
        let response = match store.response(ws, link.response_id).await {
            Ok(r) => r,
            // Deleted since (its link goes with it): nothing to show.
            Err(StoreError::NotFound) => continue,
            Err(e) => return Err(e),
        };
        let customer = match link.customer_id.or(response.customer_id) {
            Some(c) => match store.customer(ws, c).await {
                Ok(c) => Some(c),
                Err(StoreError::NotFound) => None,
                Err(e) => return Err(e),
            },
            None => None,
        };
        out.push(Behind {
            link,
            response,
            customer,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_from_a_comment_is_its_first_line_cut_at_a_word() {
        assert_eq!(
            title_from("\n  Oat milk please \nthanks").map(|n| n.to_string()),
            Some("Oat milk please".to_owned())
        );
        let long = "word ".repeat(40);
        let t = title_from(&long).map(|n| n.to_string()).unwrap_or_default();
        assert!(t.ends_with("word…"), "{t}");
        assert!(t.chars().count() <= TITLE_FROM_COMMENT_CHARS + 1);
        assert_eq!(title_from("  \n "), None);
    }

    #[test]
    fn a_browser_voter_is_the_hash_of_a_well_formed_token_only() {
        let token = new_voter_token();
        let Some(Voter::Browser(hash)) = browser_voter(&token) else {
            panic!("a fresh token is a voter");
        };
        assert_ne!(hash, token);
        assert_eq!(browser_voter(&token), browser_voter(&token));
        assert_eq!(browser_voter("not-a-token"), None);
        assert_eq!(browser_voter(&"g".repeat(64)), None);
    }
}
