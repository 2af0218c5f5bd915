//! Journey maps: the pages (list, map, editor, revisions), the API (journeys, stages,
//! touchpoints, revisions, journey files), their wire types and the map's SVG.

pub mod api;
pub mod map_api;
pub mod pages;
pub mod parse;
pub mod svg;
pub mod view;
pub mod wire;
