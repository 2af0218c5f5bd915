//! Journey maps: the pages (list, map, editor, revisions), the API (journeys, stages,
//! touchpoints, revisions, journey files), their wire types and the map's SVG.

pub mod api;
pub mod map_api;
pub mod pages;
pub mod parse;
pub mod svg;
pub mod view;
pub mod wire;

use crate::AppState;
use crate::http::ctx::Member;
use crate::http::page_error::PageError;
use taith_app::journeys::places::TouchpointPlace;

/// The workspace's touchpoints with where they sit, read once per page and handed to
/// everything on it that names touchpoints (figures, the comments feed, links).
pub async fn places(state: &AppState, m: &Member) -> Result<Vec<TouchpointPlace>, PageError> {
    taith_app::journeys::places::touchpoints(state.store.as_ref(), m.workspace.id)
        .await
        .map_err(|e| PageError::from_store(e, m.tr()))
}
