//! Shared HTTP machinery every capability uses: the request context and sign-in, the API's
//! error type and extractors, the page layout and error page, rate limits and load shedding,
//! security headers, the route table, embedded assets and the server loop.

pub mod assets;
pub mod bearer;
pub mod ctx;
pub mod error;
pub mod extract;
pub mod form;
pub mod layout;
pub mod limits;
pub mod page_error;
pub mod period;
pub mod request_id;
pub mod routes;
pub mod security;
pub mod server;
