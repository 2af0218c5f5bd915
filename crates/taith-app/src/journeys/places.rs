//! Every touchpoint of a workspace with where it sits (journey, stage): what the dashboard's
//! table, the comments feed, a touchpoint's page and the survey builder name touchpoints by.

use taith_domain::{JourneyId, TouchpointId, WorkspaceId};
use taith_store::{PageRequest, Store, StoreError};

/// A touchpoint and where it sits.
#[derive(Debug, Clone)]
pub struct TouchpointPlace {
    pub id: TouchpointId,
    pub name: String,
    pub stage: String,
    pub stage_id: taith_domain::StageId,
    pub journey: String,
    pub journey_id: JourneyId,
}

impl TouchpointPlace {
    /// "Journey › Stage › Touchpoint".
    pub fn path(&self) -> String {
        format!("{} › {} › {}", self.journey, self.stage, self.name)
    }
}

/// The workspace's touchpoints, journey by journey, each journey's in stage order.
pub async fn touchpoints(
    store: &dyn Store,
    ws: WorkspaceId,
) -> Result<Vec<TouchpointPlace>, StoreError> {
    let mut out = Vec::new();
    for summary in store.journeys(ws, PageRequest::all()).await?.items {
        let journey = match store.journey(ws, summary.id).await {
            Ok(j) => j,
            // Deleted since the list was read.
            Err(StoreError::NotFound) => continue,
            Err(e) => return Err(e),
        };
        for stage in &journey.stages {
            for t in journey.touchpoints_of(stage.id) {
                out.push(TouchpointPlace {
                    id: t.id,
                    name: t.fields.name.to_string(),
                    stage: stage.fields.name.to_string(),
                    stage_id: stage.id,
                    journey: journey.fields.name.to_string(),
                    journey_id: journey.id,
                });
            }
        }
    }
    Ok(out)
}
