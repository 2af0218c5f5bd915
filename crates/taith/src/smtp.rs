//! The built-in SMTP receiver (`taith serve --smtp-listen ADDR`): a small SMTP server that
//! takes mail for the workspaces and hands each message to the same use-case as the inbound
//! API (`taith_app::mail_in::receive`).
//!
//! It speaks EHLO/HELO, MAIL FROM (with `SIZE=`), RCPT TO, DATA (dot-unstuffed), RSET, NOOP,
//! VRFY (252) and QUIT; no TLS and no AUTH: put it behind an MTA or a forwarding rule (see
//! docs/email.md). Recipients are routed by `taith_app::mail_in::route_recipient`; an unknown
//! one is refused with 550.
//!
//! Limits, each answered in SMTP's terms rather than by dropping the connection: the message
//! size ([`Limits::max_message`], announced as `SIZE`; 552), a command line's length (500),
//! commands per connection and recipients per message (421 / 452), connections at once (421),
//! and a timeout per command and for the whole DATA (421). A message that cannot be read as
//! mail is refused with `554 5.6.0`: a permanent answer, so the sending server returns it to
//! its sender instead of retrying it for days; a store failure is `451` (try again later).

use std::sync::Arc;
use std::time::Duration;
use taith_app::mail_in::{self, MailIn, Refused};
use taith_domain::WorkspaceId;
use taith_store::SharedStore;
use tokio::io::{AsyncBufReadExt, AsyncWrite, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Semaphore;

/// The receiver's limits.
#[derive(Debug, Clone)]
pub struct Limits {
    /// The largest message taken (announced by EHLO as `SIZE`).
    pub max_message: usize,
    /// The longest command line, CRLF included.
    pub max_line: usize,
    /// Commands one connection may send.
    pub max_commands: usize,
    /// Recipients of one message.
    pub max_recipients: usize,
    /// Connections served at once.
    pub max_connections: usize,
    /// How long the receiver waits for a command.
    pub command_timeout: Duration,
    /// How long the whole DATA may take.
    pub data_timeout: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_message: mail_in::parse::MAX_MESSAGE_BYTES,
            max_line: 1024,
            max_commands: 200,
            max_recipients: 50,
            max_connections: 100,
            command_timeout: Duration::from_secs(300),
            data_timeout: Duration::from_secs(600),
        }
    }
}

/// What a connection shares.
struct Shared {
    store: SharedStore,
    mail_in: MailIn,
    hostname: String,
    limits: Limits,
}

/// Serves SMTP on `listener` until `shutdown` completes.
pub async fn serve(
    listener: TcpListener,
    store: SharedStore,
    mail_in: MailIn,
    limits: Limits,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) {
    let hostname = mail_in.domain().unwrap_or("taith").to_owned();
    let permits = Arc::new(Semaphore::new(limits.max_connections.max(1)));
    let shared = Arc::new(Shared {
        store,
        mail_in,
        hostname,
        limits,
    });
    tokio::pin!(shutdown);
    loop {
        let accepted = tokio::select! {
            () = &mut shutdown => break,
            a = listener.accept() => a,
        };
        let (socket, peer) = match accepted {
            Ok(a) => a,
            Err(e) => {
                tracing::warn!(error = %e, "SMTP accept failed");
                tokio::time::sleep(Duration::from_millis(100)).await;
                continue;
            }
        };
        let shared = shared.clone();
        let permit = permits.clone().try_acquire_owned();
        tokio::spawn(async move {
            let mut socket = socket;
            match permit {
                Ok(_permit) => {
                    if let Err(e) = session(&shared, &mut socket).await {
                        tracing::debug!(%peer, error = %e, "SMTP session ended");
                    }
                }
                Err(_) => {
                    let _ = reply(&mut socket, "421 4.3.2 Too busy, try again later").await;
                }
            }
        });
    }
}

async fn reply<W: AsyncWrite + Unpin>(w: &mut W, line: &str) -> std::io::Result<()> {
    w.write_all(line.as_bytes()).await?;
    w.write_all(b"\r\n").await?;
    w.flush().await
}

/// One line read: its bytes (CRLF stripped), or that it was too long (and was skipped).
enum Line {
    Text(Vec<u8>),
    TooLong,
    Closed,
}

/// Reads one line of at most `max` bytes; a longer one is read to its end and dropped.
async fn read_line<R: AsyncBufReadExt + Unpin>(r: &mut R, max: usize) -> std::io::Result<Line> {
    let mut line = Vec::new();
    let mut too_long = false;
    loop {
        let buf = r.fill_buf().await?;
        if buf.is_empty() {
            return Ok(if line.is_empty() && !too_long {
                Line::Closed
            } else if too_long {
                Line::TooLong
            } else {
                Line::Text(line)
            });
        }
        let (chunk, done) = match buf.iter().position(|&b| b == b'\n') {
            Some(i) => (&buf[..=i], true),
            None => (buf, false),
        };
        let n = chunk.len();
        if !too_long {
            if line.len() + n > max {
                too_long = true;
                line.clear();
            } else {
                line.extend_from_slice(chunk);
            }
        }
        r.consume(n);
        if done {
            if too_long {
                return Ok(Line::TooLong);
            }
            while matches!(line.last(), Some(b'\n' | b'\r')) {
                line.pop();
            }
            return Ok(Line::Text(line));
        }
    }
}

/// The address in `FROM:<a@b> SIZE=1` / `TO:<a@b>`, and the parameters after it.
fn path_and_params(arg: &str) -> Option<(String, Vec<String>)> {
    let arg = arg.trim_start();
    let (path, rest) = match arg.strip_prefix('<') {
        Some(inner) => {
            let end = inner.find('>')?;
            (&inner[..end], &inner[end + 1..])
        }
        None => match arg.split_once(' ') {
            Some((p, r)) => (p, r),
            None => (arg, ""),
        },
    };
    let params = rest.split_whitespace().map(str::to_owned).collect();
    Some((path.trim().to_owned(), params))
}

/// A message's transaction: the envelope sender and the workspaces it goes to.
#[derive(Default)]
struct Transaction {
    from: Option<String>,
    to: Vec<WorkspaceId>,
}

async fn session(shared: &Shared, socket: &mut TcpStream) -> std::io::Result<()> {
    let limits = &shared.limits;
    let (read, mut write) = socket.split();
    let mut read = BufReader::new(read);
    reply(
        &mut write,
        &format!("220 {} ESMTP taith ready", shared.hostname),
    )
    .await?;
    let mut greeted = false;
    let mut tx = Transaction::default();
    let mut commands = 0usize;
    loop {
        let line = match tokio::time::timeout(
            limits.command_timeout,
            read_line(&mut read, limits.max_line),
        )
        .await
        {
            Err(_) => {
                return reply(&mut write, "421 4.4.2 Timeout, closing").await;
            }
            Ok(line) => line?,
        };
        let line = match line {
            Line::Closed => return Ok(()),
            Line::TooLong => {
                reply(&mut write, "500 5.5.2 Line too long").await?;
                continue;
            }
            Line::Text(t) => String::from_utf8_lossy(&t).into_owned(),
        };
        commands += 1;
        if commands > limits.max_commands {
            return reply(&mut write, "421 4.7.0 Too many commands, closing").await;
        }
        let (verb, arg) = match line.split_once(' ') {
            Some((v, a)) => (v.to_ascii_uppercase(), a.trim().to_owned()),
            None => (line.trim().to_ascii_uppercase(), String::new()),
        };
        match verb.as_str() {
            "EHLO" => {
                greeted = true;
                tx = Transaction::default();
                let text = format!(
                    "250-{}\r\n250-SIZE {}\r\n250-8BITMIME\r\n250 ENHANCEDSTATUSCODES",
                    shared.hostname, limits.max_message
                );
                reply(&mut write, &text).await?;
            }
            "HELO" => {
                greeted = true;
                tx = Transaction::default();
                reply(&mut write, &format!("250 {}", shared.hostname)).await?;
            }
            "MAIL" => {
                let from = arg
                    .get(..5)
                    .filter(|p| p.eq_ignore_ascii_case("FROM:"))
                    .and_then(|_| path_and_params(&arg[5..]));
                match (greeted, tx.from.is_some(), from) {
                    (false, _, _) => reply(&mut write, "503 5.5.1 Say EHLO first").await?,
                    (_, true, _) => {
                        reply(&mut write, "503 5.5.1 Sender already given").await?;
                    }
                    (_, _, None) => {
                        reply(&mut write, "501 5.5.4 Syntax: MAIL FROM:<address>").await?;
                    }
                    (_, _, Some((path, params))) => {
                        let declared = params.iter().find_map(|p| {
                            p.get(..5)
                                .filter(|k| k.eq_ignore_ascii_case("SIZE="))
                                .and_then(|_| p[5..].parse::<u64>().ok())
                        });
                        if declared.is_some_and(|n| n > limits.max_message as u64) {
                            reply(&mut write, "552 5.3.4 Message too large").await?;
                        } else {
                            tx.from = Some(path);
                            reply(&mut write, "250 2.1.0 OK").await?;
                        }
                    }
                }
            }
            "RCPT" => {
                let to = arg
                    .get(..3)
                    .filter(|p| p.eq_ignore_ascii_case("TO:"))
                    .and_then(|_| path_and_params(&arg[3..]));
                if tx.from.is_none() {
                    reply(&mut write, "503 5.5.1 Need MAIL FROM first").await?;
                } else if tx.to.len() >= limits.max_recipients {
                    reply(&mut write, "452 4.5.3 Too many recipients").await?;
                } else if let Some((path, _)) = to {
                    match mail_in::route_recipient(shared.store.as_ref(), &shared.mail_in, &path)
                        .await
                    {
                        Ok(Some(ws)) => {
                            if !tx.to.contains(&ws) {
                                tx.to.push(ws);
                            }
                            reply(&mut write, "250 2.1.5 OK").await?;
                        }
                        Ok(None) => {
                            reply(&mut write, "550 5.1.1 No such mailbox here").await?;
                        }
                        Err(e) => {
                            tracing::warn!(
                                error = &e as &dyn std::error::Error,
                                "SMTP routing failed"
                            );
                            reply(&mut write, "451 4.3.0 Try again later").await?;
                        }
                    }
                } else {
                    reply(&mut write, "501 5.5.4 Syntax: RCPT TO:<address>").await?;
                }
            }
            "DATA" => {
                if tx.from.is_none() || tx.to.is_empty() {
                    reply(&mut write, "503 5.5.1 Need MAIL FROM and RCPT TO first").await?;
                    continue;
                }
                reply(&mut write, "354 End data with <CR><LF>.<CR><LF>").await?;
                let data = tokio::time::timeout(
                    limits.data_timeout,
                    read_data(&mut read, limits.max_message),
                )
                .await;
                let data = match data {
                    Err(_) => return reply(&mut write, "421 4.4.2 Timeout, closing").await,
                    Ok(d) => d?,
                };
                let Some(body) = data else {
                    tx = Transaction::default();
                    reply(&mut write, "552 5.3.4 Message too large").await?;
                    continue;
                };
                let answer = deliver(shared, &tx, body).await;
                tx = Transaction::default();
                reply(&mut write, answer).await?;
            }
            "RSET" => {
                tx = Transaction::default();
                reply(&mut write, "250 2.0.0 OK").await?;
            }
            "NOOP" => reply(&mut write, "250 2.0.0 OK").await?,
            "VRFY" => reply(&mut write, "252 2.5.0 Cannot verify, send some mail").await?,
            "QUIT" => {
                return reply(
                    &mut write,
                    &format!("221 2.0.0 {} closing", shared.hostname),
                )
                .await;
            }
            "" => reply(&mut write, "500 5.5.2 Empty command").await?,
            _ => reply(&mut write, "502 5.5.1 Command not implemented").await?,
        }
    }
}

/// Reads DATA up to the lone dot, dot-unstuffed, with CRLF line ends. None: larger than
/// `max` (the rest is read and dropped, so the session can go on).
async fn read_data<R: AsyncBufReadExt + Unpin>(
    r: &mut R,
    max: usize,
) -> std::io::Result<Option<Vec<u8>>> {
    let mut data = Vec::new();
    let mut too_large = false;
    loop {
        let mut line = Vec::new();
        let n = r.read_until(b'\n', &mut line).await?;
        if n == 0 {
            return Err(std::io::Error::new(
                std::io::ErrorKind::UnexpectedEof,
                "connection closed in DATA",
            ));
        }
        let content = line
            .strip_suffix(b"\r\n")
            .or_else(|| line.strip_suffix(b"\n"))
            .unwrap_or(&line);
        if content == b"." {
            return Ok(if too_large { None } else { Some(data) });
        }
        if too_large {
            continue;
        }
        let content = content.strip_prefix(b".").unwrap_or(content);
        if data.len() + content.len() + 2 > max {
            too_large = true;
            data = Vec::new();
            continue;
        }
        data.extend_from_slice(content);
        data.extend_from_slice(b"\r\n");
    }
}

/// Hands the message to each workspace it is for; the SMTP answer.
async fn deliver(shared: &Shared, tx: &Transaction, body: Vec<u8>) -> &'static str {
    // As a final delivery does, the envelope sender becomes Return-Path (`<>` for a bounce).
    let sender = tx.from.as_deref().unwrap_or("");
    let mut raw = format!("Return-Path: <{sender}>\r\n").into_bytes();
    raw.extend_from_slice(&body);
    let mut answer = "250 2.0.0 OK, received";
    for ws in &tx.to {
        match mail_in::receive(shared.store.as_ref(), &shared.mail_in, *ws, &raw).await {
            Ok(_) => {}
            Err(Refused::Malformed(m)) => {
                tracing::info!(reason = %m, "SMTP message refused");
                return "554 5.6.0 Message refused: it cannot be read as e-mail or has no sender";
            }
            Err(Refused::BadSignature) => {}
            Err(Refused::Store(e)) => {
                tracing::warn!(
                    error = &e as &dyn std::error::Error,
                    "storing SMTP mail failed"
                );
                answer = "451 4.3.0 Try again later";
            }
        }
    }
    answer
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn paths_and_parameters_are_read() {
        assert_eq!(
            path_and_params("<a@b.example> SIZE=100"),
            Some(("a@b.example".to_owned(), vec!["SIZE=100".to_owned()]))
        );
        assert_eq!(path_and_params("<>"), Some((String::new(), vec![])));
        assert_eq!(path_and_params("<a@b"), None);
    }

    #[tokio::test]
    async fn data_is_dot_unstuffed_and_capped() {
        let mut r = BufReader::new(&b"Subject: x\r\n\r\n..hidden\r\n.\r\nNOOP\r\n"[..]);
        let d = read_data(&mut r, 1000).await.unwrap().unwrap();
        assert_eq!(d, b"Subject: x\r\n\r\n.hidden\r\n");
        let mut r = BufReader::new(&b"0123456789\r\n.\r\n"[..]);
        assert!(read_data(&mut r, 5).await.unwrap().is_none());
    }
}
