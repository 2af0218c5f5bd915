//! Signals on the journey: the behaviour and support figures bound to each touchpoint.

use crate::StoreResult;
use async_trait::async_trait;
use std::collections::HashMap;
use taith_domain::{BoundFigure, TouchpointId, WorkspaceId};

/// Which figures each touchpoint shows beside its survey figure. Kept apart from the journey
/// (it is not part of a map's revisions): a touchpoint without a row shows none.
#[async_trait]
pub trait SignalStore: Send + Sync {
    /// Replaces the figures of `touchpoint` (an empty list removes them). The caller has
    /// checked that the touchpoint is one of the workspace's.
    async fn set_touchpoint_figures(
        &self,
        ws: WorkspaceId,
        touchpoint: TouchpointId,
        figures: &[BoundFigure],
    ) -> StoreResult<()>;

    /// Every touchpoint's figures in the workspace (touchpoints since deleted included: the
    /// caller keeps the ones it shows).
    async fn touchpoint_figures(
        &self,
        ws: WorkspaceId,
    ) -> StoreResult<HashMap<TouchpointId, Vec<BoundFigure>>>;
}
