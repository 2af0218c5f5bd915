//! The demo's FAQ bot: synonyms, a few dozen past questions in six languages asked through
//! the bot itself (answered from the help centre, or handed over to a person), and FAQ gaps
//! spread over the last weeks — questions about parking, dogs, birthday candles and
//! gift-wrapping, several of them in more than one wording and language, so that the gaps
//! page at `/w/{slug}/faq-gaps` shows groups.

use anyhow::{Context, Result};
use taith_app::bot::Bot;
use taith_domain::bot::{AskInput, GapSource, SynonymInput};
use taith_domain::{Locale, WorkspaceId};
use taith_store::{GapToStore, Store};
use time::Duration;

/// `(locale, term, expansions)`.
const SYNONYMS: &[(&str, &str, &[&str])] = &[
    ("en", "cake", &["gateau", "sponge"]),
    ("en", "delivery", &["shipping", "postage"]),
    ("cy", "teisen", &["cacen"]),
    ("ms", "penghantaran", &["pos"]),
    ("sw", "usafirishaji", &["kusafirisha", "kuleta"]),
    ("vi", "giao hàng", &["ship"]),
];

/// Questions the help centre answers, `(locale, question)`, asked through the bot.
const ANSWERED: &[(&str, &str)] = &[
    ("en", "What time do you open on Saturday?"),
    ("en", "How much is delivery?"),
    ("en", "Is your bread gluten free?"),
    ("cy", "Pryd ydych chi'n agor?"),
    ("cy", "Oes gennych chi fara heb glwten?"),
    ("ms", "Kedai dibuka pukul berapa pada hari Sabtu?"),
    ("ms", "Boleh saya pulangkan barang dan dapat bayaran balik?"),
    ("sw", "Mnafungua saa ngapi?"),
    ("sw", "Je, mnauza kadi za zawadi?"),
    ("ar", "ما هي ساعات العمل؟"),
    ("ar", "هل يحتوي الخبز على مسببات الحساسية؟"),
    ("vi", "Cửa hàng mở cửa lúc mấy giờ?"),
    ("vi", "Tôi có thể hủy đơn hàng không?"),
];

/// Visitors asking for a person, through the bot: each opens a chat conversation.
const PERSON: &[(&str, &str)] = &[
    ("en", "Can I talk to a person please?"),
    ("cy", "Ga i siarad â pherson?"),
    ("sw", "Nataka kuongea na mtu"),
];

/// Past questions no article answers, `(days ago, locale, source, question)`.
const GAPS: &[(i64, &str, GapSource, &str)] = &[
    (1, "en", GapSource::Bot, "Is there parking near the shop?"),
    (3, "en", GapSource::Bot, "Where can I park my car?"),
    (4, "en", GapSource::HelpSearch, "parking"),
    (6, "cy", GapSource::Bot, "Oes lle i barcio ger y siop?"),
    (
        9,
        "ms",
        GapSource::Bot,
        "Ada tempat letak kereta berhampiran kedai?",
    ),
    (2, "en", GapSource::Bot, "Can I bring my dog into the cafe?"),
    (5, "en", GapSource::Bot, "Are dogs allowed in the cafe?"),
    (8, "cy", GapSource::Bot, "Ydy cŵn yn cael dod i'r caffi?"),
    (
        12,
        "sw",
        GapSource::Bot,
        "Je, mbwa wanaruhusiwa kwenye mkahawa?",
    ),
    (2, "en", GapSource::Bot, "Do you sell birthday candles?"),
    (7, "en", GapSource::HelpSearch, "birthday candles"),
    (10, "ar", GapSource::Bot, "هل تبيعون شموع عيد الميلاد؟"),
    (14, "ar", GapSource::Bot, "شموع عيد الميلاد"),
    (3, "vi", GapSource::Bot, "Cửa hàng có gói quà không?"),
    (11, "vi", GapSource::Bot, "Có dịch vụ gói quà không?"),
    (4, "en", GapSource::Bot, "Can you gift wrap my order?"),
    (13, "en", GapSource::Bot, "Do you offer gift wrapping?"),
    (
        15,
        "ms",
        GapSource::Bot,
        "Adakah kedai menerima bayaran dengan Bitcoin?",
    ),
    (20, "sw", GapSource::HelpSearch, "malipo ya M-Pesa"),
    (21, "sw", GapSource::Bot, "Je, mnapokea malipo ya M-Pesa?"),
];

fn locale(tag: &str) -> Result<Locale> {
    Locale::from_tag(tag).with_context(|| format!("demo locale {tag}"))
}

pub async fn seed_bot(store: &dyn Store, ws: WorkspaceId) -> Result<()> {
    for (l, term, expansions) in SYNONYMS {
        let input = SynonymInput {
            locale: (*l).to_owned(),
            term: (*term).to_owned(),
            expansions: expansions.iter().map(|x| (*x).to_owned()).collect(),
        };
        taith_app::bot::put_synonym(store, ws, &input)
            .await
            .map_err(|e| anyhow::anyhow!("demo synonym {term}: {e}"))?;
    }
    let bot = Bot::default();
    for (l, q) in ANSWERED.iter().chain(PERSON) {
        let input = AskInput {
            question: (*q).to_owned(),
            locale: (*l).to_owned(),
            conversation_id: None,
        };
        bot.ask(store, ws, &input)
            .await
            .map_err(|e| anyhow::anyhow!("demo question {q}: {e}"))?;
    }
    let now = taith_domain::now();
    for (days, l, source, q) in GAPS {
        store
            .record_gap(
                ws,
                &GapToStore {
                    question: (*q).to_owned(),
                    locale: locale(l)?,
                    source: *source,
                    asked_at: now - Duration::days(*days) - Duration::hours(*days % 7),
                    conversation_id: None,
                },
            )
            .await
            .with_context(|| format!("demo gap {q}"))?;
    }
    Ok(())
}
