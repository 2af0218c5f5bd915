//! A local SMTP server for tests: it accepts every message, keeps it, and lets a test read the
//! messages' headers and decoded parts. Enough SMTP for lettre (EHLO, MAIL, RCPT, DATA, RSET,
//! NOOP, QUIT), no TLS, no auth.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

/// One message as it arrived.
#[derive(Debug, Clone)]
pub struct Received {
    pub rcpt_to: Vec<String>,
    /// Headers and body, dot-unstuffed, CRLF line ends.
    pub data: String,
}

#[derive(Clone)]
pub struct SmtpSink {
    pub port: u16,
    received: Arc<Mutex<Vec<Received>>>,
}

impl SmtpSink {
    pub async fn start() -> SmtpSink {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let received = Arc::new(Mutex::new(Vec::new()));
        let keep = received.clone();
        tokio::spawn(async move {
            loop {
                let Ok((socket, _)) = listener.accept().await else {
                    return;
                };
                let keep = keep.clone();
                tokio::spawn(async move {
                    let _ = session(socket, keep).await;
                });
            }
        });
        SmtpSink { port, received }
    }

    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    pub fn received(&self) -> Vec<Received> {
        self.received.lock().unwrap().clone()
    }

    /// Waits until `n` messages have arrived (at most 10 s) and returns them all.
    pub async fn wait_for(&self, n: usize) -> Vec<Received> {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let got = self.received();
            if got.len() >= n {
                return got;
            }
            assert!(
                Instant::now() < deadline,
                "waited for {n} e-mails, got {}",
                got.len()
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

async fn session(
    socket: tokio::net::TcpStream,
    keep: Arc<Mutex<Vec<Received>>>,
) -> std::io::Result<()> {
    let (read, mut write) = socket.into_split();
    let mut lines = BufReader::new(read);
    write.write_all(b"220 sink.test ESMTP\r\n").await?;
    let mut rcpt = Vec::new();
    let mut line = String::new();
    loop {
        line.clear();
        if lines.read_line(&mut line).await? == 0 {
            return Ok(());
        }
        let cmd = line.trim_end().to_ascii_uppercase();
        if cmd.starts_with("EHLO") {
            write
                .write_all(b"250-sink.test\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n")
                .await?;
        } else if cmd.starts_with("HELO") || cmd.starts_with("NOOP") {
            write.write_all(b"250 ok\r\n").await?;
        } else if cmd.starts_with("MAIL FROM") {
            rcpt.clear();
            write.write_all(b"250 ok\r\n").await?;
        } else if cmd.starts_with("RCPT TO") {
            let addr = line.trim_end()[8..]
                .trim()
                .trim_start_matches('<')
                .split('>')
                .next()
                .unwrap_or_default()
                .to_owned();
            rcpt.push(addr);
            write.write_all(b"250 ok\r\n").await?;
        } else if cmd.starts_with("RSET") {
            rcpt.clear();
            write.write_all(b"250 ok\r\n").await?;
        } else if cmd == "DATA" {
            write.write_all(b"354 go ahead\r\n").await?;
            let mut data = String::new();
            loop {
                line.clear();
                if lines.read_line(&mut line).await? == 0 {
                    return Ok(());
                }
                if line == ".\r\n" || line == ".\n" {
                    break;
                }
                data.push_str(line.strip_prefix('.').unwrap_or(&line));
            }
            keep.lock().unwrap().push(Received {
                rcpt_to: std::mem::take(&mut rcpt),
                data,
            });
            write.write_all(b"250 queued\r\n").await?;
        } else if cmd.starts_with("QUIT") {
            write.write_all(b"221 bye\r\n").await?;
            return Ok(());
        } else {
            write.write_all(b"502 not here\r\n").await?;
        }
    }
}

// --- reading a message ----------------------------------------------------------------------------

impl Received {
    /// A header's value (unfolded), RFC 2047 words decoded.
    pub fn header(&self, name: &str) -> Option<String> {
        let head = self.data.split("\r\n\r\n").next().unwrap_or_default();
        header_in(head, name)
    }

    /// The decoded text of the part whose content type starts with `mime` (e.g. `text/html`).
    pub fn part(&self, mime: &str) -> Option<String> {
        let boundary = self
            .header("Content-Type")?
            .split("boundary=")
            .nth(1)?
            .trim_matches('"')
            .to_owned();
        for chunk in self.data.split(&format!("--{boundary}")) {
            let Some((head, body)) = chunk.split_once("\r\n\r\n") else {
                continue;
            };
            let content_type = header_in(head, "Content-Type").unwrap_or_default();
            if !content_type.starts_with(mime) {
                continue;
            }
            let encoding = header_in(head, "Content-Transfer-Encoding").unwrap_or_default();
            let bytes = match encoding.to_ascii_lowercase().as_str() {
                "base64" => crate::webdriver::base64_decode(body).unwrap(),
                "quoted-printable" => quoted_printable(body),
                _ => body.as_bytes().to_vec(),
            };
            return Some(String::from_utf8(bytes).unwrap());
        }
        None
    }
}

fn header_in(head: &str, name: &str) -> Option<String> {
    let unfolded = head.replace("\r\n ", " ").replace("\r\n\t", " ");
    let prefix = format!("{}:", name.to_ascii_lowercase());
    unfolded
        .split("\r\n")
        .find(|l| l.to_ascii_lowercase().starts_with(&prefix))
        .map(|l| decode_words(l[prefix.len()..].trim()))
}

/// Decodes RFC 2047 encoded words (`=?utf-8?b?…?=` and `=?utf-8?q?…?=`).
fn decode_words(value: &str) -> String {
    let mut out = Vec::new();
    let mut rest = value;
    let mut last_was_word = false;
    while !rest.is_empty() {
        if let Some(start) = rest.find("=?") {
            let between = &rest[..start];
            if !(last_was_word && between.trim().is_empty()) {
                out.extend_from_slice(between.as_bytes());
            }
            let word = &rest[start + 2..];
            let parts: Vec<&str> = word.splitn(3, '?').collect();
            let (Some(enc), Some(tail)) = (parts.get(1), parts.get(2)) else {
                out.extend_from_slice(rest.as_bytes());
                break;
            };
            let Some(end) = tail.find("?=") else {
                out.extend_from_slice(rest.as_bytes());
                break;
            };
            let text = &tail[..end];
            match enc.to_ascii_lowercase().as_str() {
                "b" => out.extend(crate::webdriver::base64_decode(text).unwrap()),
                _ => out.extend(quoted_printable(&text.replace('_', " "))),
            }
            rest = &tail[end + 2..];
            last_was_word = true;
        } else {
            out.extend_from_slice(rest.as_bytes());
            break;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn quoted_printable(body: &str) -> Vec<u8> {
    let text = body.replace("=\r\n", "").replace("=\n", "");
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'='
            && i + 2 < bytes.len() + 1
            && let Some(hex) = text.get(i + 1..i + 3)
            && let Ok(b) = u8::from_str_radix(hex, 16)
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    out
}
