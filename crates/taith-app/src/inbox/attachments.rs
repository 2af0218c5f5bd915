//! The attachments of a conversation's incoming mail, as members download them: the stored
//! content only, always as a download (`Content-Disposition: attachment`), its type kept only
//! when a browser cannot run it — HTML, SVG and XML (and anything unreadable) become
//! `application/octet-stream`, so a customer's attachment never runs as a page of taith.

use taith_domain::{ConversationId, WorkspaceId};
use taith_store::{ConversationAttachment, Store, StoreError};

/// An attachment ready to be downloaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Download {
    /// The Content-Type to send.
    pub content_type: String,
    /// The Content-Disposition to send (`attachment` with the file's name).
    pub disposition: String,
    pub content: Vec<u8>,
}

/// The attachments of a conversation's incoming mails, in order (the `n`th, from 1, is
/// [`download`]'s `n`). NotFound: not one of the workspace's conversations.
pub async fn list(
    store: &dyn Store,
    ws: WorkspaceId,
    id: ConversationId,
) -> Result<Vec<ConversationAttachment>, StoreError> {
    store.conversation_attachments(ws, id).await
}

/// The `n`th (from 1) attachment of a conversation. NotFound: no such conversation in the
/// workspace, no such attachment, or one too large to have been kept.
pub async fn download(
    store: &dyn Store,
    ws: WorkspaceId,
    id: ConversationId,
    n: u32,
) -> Result<Download, StoreError> {
    let index = n.checked_sub(1).ok_or(StoreError::NotFound)?;
    let (a, content) = store.conversation_attachment(ws, id, index).await?;
    let content = content.ok_or(StoreError::NotFound)?;
    Ok(Download {
        content_type: safe_content_type(&a.content_type),
        disposition: disposition(&a.name),
        content,
    })
}

/// The stored type when a browser would not run it as a document; else
/// `application/octet-stream`.
pub fn safe_content_type(stored: &str) -> String {
    const OPAQUE: &str = "application/octet-stream";
    let t = stored.trim().to_ascii_lowercase();
    let essence = t.split(';').next().unwrap_or_default().trim();
    let Some((kind, sub)) = essence.split_once('/') else {
        return OPAQUE.to_owned();
    };
    let token = |s: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || "!#$&-^_.+".contains(c))
    };
    let runs = sub.contains("html")
        || sub.contains("svg")
        || sub.contains("xml")
        || sub.contains("javascript")
        || sub.contains("ecmascript")
        || kind == "multipart"
        || essence == "text/xsl";
    if !token(kind) || !token(sub) || runs {
        OPAQUE.to_owned()
    } else {
        essence.to_owned()
    }
}

/// `attachment; filename="…"; filename*=UTF-8''…` (RFC 6266): an ASCII stand-in for old
/// clients and the exact name percent-encoded.
pub fn disposition(name: &str) -> String {
    let name = name.trim();
    let name = if name.is_empty() { "attachment" } else { name };
    let ascii: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || " .-_()+,".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    let mut encoded = String::with_capacity(name.len() * 3);
    for b in name.bytes() {
        if b.is_ascii_alphanumeric() || b"!#$&+-.^_`|~".contains(&b) {
            encoded.push(char::from(b));
        } else {
            encoded.push_str(&format!("%{b:02X}"));
        }
    }
    format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_a_browser_would_run_become_opaque() {
        for t in [
            "text/html",
            "TEXT/HTML; charset=utf-8",
            "application/xhtml+xml",
            "image/svg+xml",
            "text/xml",
            "application/xml",
            "application/javascript",
            "text/javascript",
            "multipart/related",
            "",
            "nonsense",
            "text/plain\r\nX-Evil: 1",
        ] {
            assert_eq!(safe_content_type(t), "application/octet-stream", "{t:?}");
        }
        assert_eq!(safe_content_type("image/png"), "image/png");
        assert_eq!(safe_content_type("Application/PDF"), "application/pdf");
        assert_eq!(safe_content_type("text/plain; charset=utf-8"), "text/plain");
    }

    #[test]
    fn a_name_is_quoted_safely_and_kept_exactly() {
        assert_eq!(
            disposition("cacen llynedd.png"),
            "attachment; filename=\"cacen llynedd.png\"; filename*=UTF-8''cacen%20llynedd.png"
        );
        let d = disposition("\"a\"\r\n<b>;ŵ.pdf");
        assert!(
            d.starts_with("attachment; filename=\"_a____b___.pdf\"; "),
            "{d}"
        );
        assert!(d.ends_with("%22a%22%0D%0A%3Cb%3E%3B%C5%B5.pdf"), "{d}");
        assert!(d.is_ascii());
        assert_eq!(
            disposition(""),
            "attachment; filename=\"attachment\"; filename*=UTF-8''attachment"
        );
    }
}
