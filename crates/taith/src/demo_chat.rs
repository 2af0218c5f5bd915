//! The demo's web chats, made as visitors make them (through `taith_app::chat`): two answered
//! by the bot alone, a Welsh visitor handed over to Siân who answered and left an address for
//! the reply by e-mail, a Malay one answered by a colleague, and an Arabic visitor still
//! waiting in the inbox.

use anyhow::{Result, anyhow};
use taith_app::bot::Bot;
use taith_domain::{Locale, Principal, Role, WorkspaceId};
use taith_store::Store;

/// A visitor's chat: `(locale, messages, reply by a member, e-mail left)`.
type Chat = (
    Locale,
    &'static [&'static str],
    Option<&'static str>,
    Option<&'static str>,
);

const CHATS: &[Chat] = &[
    (Locale::Sw, &["Mnafungua saa ngapi asubuhi?"], None, None),
    (
        Locale::Vi,
        &["Tiệm có bánh mì không chứa gluten không?"],
        None,
        None,
    ),
    (
        Locale::Cy,
        &[
            "Oes modd archebu teisen briodas ar gyfer mis Mehefin?",
            "Hoffwn siarad â pherson am y deisen, os gwelwch yn dda",
        ],
        Some(
            "Bore da! Siân sydd yma. Oes, mae gennym ni le ym mis Mehefin. \
             Dewch draw am sgwrs a blasu — pa ddydd sy'n gyfleus?",
        ),
        Some("gwen.morgan@example.cymru"),
    ),
    (
        Locale::Ms,
        &["Boleh saya bercakap dengan orang tentang tempahan untuk majlis?"],
        Some(
            "Selamat petang! Ya, kami boleh sediakan roti dan kek untuk majlis. Berapa orang tetamu?",
        ),
        None,
    ),
    (
        Locale::Ar,
        &["أريد التحدث مع شخص بخصوص طلب متأخر"],
        None,
        None,
    ),
];

pub async fn seed_chats(store: &dyn Store, ws: WorkspaceId) -> Result<()> {
    let bot = Bot::default();
    let members = store.members(ws).await?;
    let owner = members
        .iter()
        .find(|m| m.role == Role::Owner)
        .ok_or_else(|| anyhow!("the demo has no owner"))?;
    let sian = Principal::Member {
        user: owner.user.clone(),
        role: owner.role,
    };
    for (locale, messages, reply, email) in CHATS {
        let Some((first, rest)) = messages.split_first() else {
            continue;
        };
        let (token, view) = taith_app::chat::start(store, &bot, ws, *locale, first)
            .await
            .map_err(|e| anyhow!("demo chat {first}: {e}"))?;
        for m in rest.iter() {
            taith_app::chat::send(store, &bot, ws, &token, m)
                .await
                .map_err(|e| anyhow!("demo chat {m}: {e}"))?;
        }
        if let Some(address) = email {
            taith_app::chat::leave_email(store, ws, &token, address)
                .await
                .map_err(|e| anyhow!("demo chat address: {e}"))?;
        }
        if let (Some(reply), Some(c)) = (reply, view.session.conversation_id) {
            taith_app::inbox::reply(store, ws, c, &sian, reply)
                .await
                .map_err(|e| anyhow!("demo chat reply: {e}"))?;
        }
    }
    Ok(())
}
