//! Inbound e-mail over the API: a provider's inbound webhook posts the raw message, signed
//! with the workspace's secret; owners and admins (and write tokens) read and rotate the
//! secret and set the workspace's own address. Every rule is in `taith_app::mail_in`.

use super::wire;
use crate::AppState;
use crate::http::bearer::Caller;
use crate::http::error::{ApiError, ErrorBody, ErrorCode};
use crate::http::extract::ApiJson;
use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use taith_app::mail_in::{self, QueueRefused, Refused};
use taith_domain::{Action, Slug, WorkspaceId};
use taith_store::MailInSettings;

/// The largest body of `POST /api/v1/inbound/email/{workspace}`.
pub const MAX_INBOUND_BYTES: usize = mail_in::parse::MAX_MESSAGE_BYTES;

impl From<Refused> for ApiError {
    fn from(e: Refused) -> Self {
        match e {
            Refused::Malformed(m) => Refused::validation(m).into(),
            Refused::BadSignature => ApiError::new(ErrorCode::Unauthenticated),
            Refused::Store(s) => s.into(),
        }
    }
}

impl From<QueueRefused> for ApiError {
    fn from(e: QueueRefused) -> Self {
        match e {
            QueueRefused::Store(s) => s.into(),
            QueueRefused::NotEmail | QueueRefused::NoReply(_) => ApiError::new(ErrorCode::Conflict),
        }
    }
}

/// The settings as sent.
pub fn settings_wire(state: &AppState, slug: &Slug, s: &MailInSettings) -> wire::InboundSettings {
    let path = super::endpoint_path(slug.as_str());
    wire::InboundSettings {
        secret: s.secret.clone(),
        endpoint: match &state.config.public_url {
            Some(base) => format!("{base}{path}"),
            None => path,
        },
        smtp_address: state.app.mail_in.address_of(slug),
        address: s.address.clone(),
        updated_at: s.updated_at,
    }
}

async fn slug_of(state: &AppState, caller: &Caller) -> Result<Slug, ApiError> {
    Ok(match &caller.workspace {
        Some(w) => w.slug.clone(),
        None => state.store.workspace(caller.workspace_id).await?.slug,
    })
}

/// Receives one raw RFC 5322 message for the workspace named in the path. Signed, not
/// authenticated by a token: `X-Taith-Signature: sha256=<hex of HMAC-SHA256(secret, body)>`
/// with the workspace's inbound secret. The mail joins the conversation its In-Reply-To or
/// References names in this workspace, or opens an `email` conversation; automatic mail
/// (auto-replies, bulk, bounces, the workspace's own address) is recorded and never answered.
/// The same Message-ID twice is stored once.
#[utoipa::path(
    post,
    path = "/api/v1/inbound/email/{workspace}",
    tag = "inbound-email",
    params(
        ("workspace" = String, Path, description = "The workspace's slug"),
        ("X-Taith-Signature" = String, Header, description = "`sha256=` and the hex of HMAC-SHA256 of the body, keyed with the workspace's inbound secret"),
    ),
    request_body(content = String, content_type = "message/rfc822", description = "The raw message, at most 25 MB (`text/plain` is taken too)"),
    responses(
        (status = 201, description = "Stored: the conversation it opened or joined", body = wire::InboundReceived),
        (status = 200, description = "Received before (same Message-ID): nothing stored again", body = wire::InboundReceived),
        (status = 400, description = "A body that is not a message type", body = ErrorBody),
        (status = 401, description = "No such workspace, no secret yet, or a missing or wrong signature", body = ErrorBody),
        (status = 413, description = "Larger than 25 MB", body = ErrorBody),
        (status = 422, description = "Not a readable message (`invalid` on `message`) or no sender (`required` on `from`)", body = ErrorBody),
    )
)]
pub async fn receive(
    State(state): State<AppState>,
    Path(workspace): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<(StatusCode, Json<wire::InboundReceived>), ApiError> {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(|v| {
            v.split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase()
        });
    let readable = match content_type.as_deref() {
        None => true,
        Some(t) => matches!(
            t,
            "message/rfc822" | "text/plain" | "application/octet-stream"
        ),
    };
    if !readable {
        return Err(ApiError::new(ErrorCode::BadRequest));
    }
    let signature = headers
        .get(mail_in::SIGNATURE_HEADER)
        .and_then(|v| v.to_str().ok());
    let got = mail_in::receive_signed(
        state.store.as_ref(),
        &state.app.mail_in,
        &workspace,
        signature,
        &body,
    )
    .await?;
    let status = if got.duplicate {
        StatusCode::OK
    } else {
        StatusCode::CREATED
    };
    Ok((
        status,
        Json(wire::InboundReceived {
            conversation_id: got.conversation.id.as_uuid(),
            message_id: got.message_id.as_uuid(),
            rfc_message_id: got.rfc_message_id,
            opened: got.opened,
            duplicate: got.duplicate,
            no_reply: got.no_reply,
            attachments_not_kept: got.attachments_not_kept,
        }),
    ))
}

async fn settings_of(
    state: &AppState,
    caller: &Caller,
    ws: WorkspaceId,
) -> Result<Json<wire::InboundSettings>, ApiError> {
    let s = mail_in::settings(state.store.as_ref(), ws).await?;
    let slug = slug_of(state, caller).await?;
    Ok(Json(settings_wire(state, &slug, &s)))
}

/// The workspace's inbound e-mail settings (a secret is made on first read).
#[utoipa::path(
    get,
    path = "/api/v1/inbound-email",
    tag = "inbound-email",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The settings, with the secret", body = wire::InboundSettings),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not allowed (owners, admins, write tokens)", body = ErrorBody),
    )
)]
pub async fn get_settings(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<wire::InboundSettings>, ApiError> {
    caller.require(Action::ManageAlerts)?;
    settings_of(&state, &caller, caller.workspace_id).await
}

/// Sets the workspace's own address (`support@becws.example`, forwarded to taith's SMTP
/// receiver); empty or null clears it.
#[utoipa::path(
    put,
    path = "/api/v1/inbound-email",
    tag = "inbound-email",
    security(("bearer" = [])),
    request_body = wire::InboundAddressWrite,
    responses(
        (status = 200, description = "The changed settings", body = wire::InboundSettings),
        (status = 400, description = "The body is not a JSON object of this shape", body = ErrorBody),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not allowed (owners, admins, write tokens)", body = ErrorBody),
        (status = 422, description = "Not an e-mail address (`invalid`), or another workspace's (`taken`) on `address`", body = ErrorBody),
    )
)]
pub async fn put_settings(
    State(state): State<AppState>,
    caller: Caller,
    body: ApiJson<wire::InboundAddressWrite>,
) -> Result<Json<wire::InboundSettings>, ApiError> {
    caller.require(Action::ManageAlerts)?;
    let address = body.into_inner()?.address.unwrap_or_default();
    let s = mail_in::set_address(state.store.as_ref(), caller.workspace_id, &address).await?;
    let slug = slug_of(&state, &caller).await?;
    Ok(Json(settings_wire(&state, &slug, &s)))
}

/// Replaces the inbound secret at once: mail signed with the old one is refused from now on.
#[utoipa::path(
    post,
    path = "/api/v1/inbound-email/rotate",
    tag = "inbound-email",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The settings with the new secret", body = wire::InboundSettings),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not allowed (owners, admins, write tokens)", body = ErrorBody),
    )
)]
pub async fn rotate_secret(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<wire::InboundSettings>, ApiError> {
    caller.require(Action::ManageAlerts)?;
    let s = mail_in::rotate_secret(state.store.as_ref(), caller.workspace_id).await?;
    let slug = slug_of(&state, &caller).await?;
    Ok(Json(settings_wire(&state, &slug, &s)))
}
