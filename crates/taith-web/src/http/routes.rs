//! A router that also records its routes, so tests can walk every route the app serves.

use crate::AppState;
use axum::Router;
use axum::handler::Handler;
use axum::routing::{get, post};

/// One served route.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RouteInfo {
    pub method: &'static str,
    pub path: &'static str,
}

pub struct Routes {
    pub router: Router<AppState>,
    pub table: Vec<RouteInfo>,
}

impl Routes {
    pub fn new() -> Routes {
        Routes {
            router: Router::new(),
            table: Vec::new(),
        }
    }

    pub fn get<H, T>(mut self, path: &'static str, handler: H) -> Routes
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        self.table.push(RouteInfo {
            method: "GET",
            path,
        });
        self.router = self.router.route(path, get(handler));
        self
    }

    pub fn post<H, T>(mut self, path: &'static str, handler: H) -> Routes
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        self.table.push(RouteInfo {
            method: "POST",
            path,
        });
        self.router = self.router.route(path, post(handler));
        self
    }
}

impl Default for Routes {
    fn default() -> Self {
        Routes::new()
    }
}
