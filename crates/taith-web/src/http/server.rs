//! Accepting connections: HTTP/1.1 with a deadline for a request's headers and one for its
//! body, so that a slow client (slowloris) holds only its own connection, and only for a
//! while. (`axum::serve` sets no timer, so it has no header timeout at all.)

use crate::http::limits::Limits;
use axum::Router;
use axum::body::Body;
use axum::extract::ConnectInfo;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use std::future::Future;
use std::net::SocketAddr;
use std::pin::pin;
use std::time::Duration;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;
use tower::ServiceExt as _;
use tower_http::timeout::DeadlineBody;

/// Serves `app` on `listener` until `shutdown` completes, then lets requests in progress
/// finish.
pub async fn serve(
    listener: TcpListener,
    app: Router,
    limits: Limits,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    // Connections hold a receiver; closing the sender tells them to finish, and the
    // receivers all being gone tells us they have.
    let (stop_tx, stop_rx) = watch::channel(());
    let mut shutdown = pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(a) => a,
                Err(e) => {
                    // Out of file descriptors and the like: wait instead of spinning.
                    tracing::warn!(error = %e, "accepting a connection failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let conn = Connection {
            app: app.clone(),
            peer,
            header_timeout: limits.header_read_timeout,
            body_timeout: limits.body_read_timeout,
        };
        tokio::spawn(conn.run(stream, stop_rx.clone()));
    }
    drop(stop_rx);
    drop(listener);
    stop_tx.send_replace(());
    stop_tx.closed().await;
    Ok(())
}

struct Connection {
    app: Router,
    peer: SocketAddr,
    header_timeout: Duration,
    body_timeout: Duration,
}

impl Connection {
    async fn run(self, stream: TcpStream, mut stop: watch::Receiver<()>) {
        let _ = stream.set_nodelay(true);
        let Connection {
            app,
            peer,
            header_timeout,
            body_timeout,
        } = self;
        let service = hyper::service::service_fn(move |req: hyper::Request<Incoming>| {
            let mut req = req.map(|body| Body::new(DeadlineBody::new(body_timeout, body)));
            req.extensions_mut().insert(ConnectInfo(peer));
            app.clone().oneshot(req)
        });
        let mut builder = hyper::server::conn::http1::Builder::new();
        builder
            .timer(TokioTimer::new())
            .header_read_timeout(header_timeout)
            .keep_alive(true);
        let mut conn = pin!(builder.serve_connection(TokioIo::new(stream), service));
        let mut stopping = false;
        loop {
            tokio::select! {
                result = conn.as_mut() => {
                    if let Err(e) = result {
                        tracing::debug!(error = %e, %peer, "connection ended");
                    }
                    break;
                }
                _ = stop.changed(), if !stopping => {
                    stopping = true;
                    conn.as_mut().graceful_shutdown();
                }
            }
        }
    }
}
