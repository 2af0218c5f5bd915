//! The demo bakery's social mentions: about three months of public posts and reviews in six
//! languages on Facebook, Instagram, Google reviews, X and Tripadvisor — mostly warm, some
//! about the delivery fee and the Saturday queue — with a spike this week, when a video of the
//! bara brith went round. An alert rule watches for such a spike, so the Alerts page has one
//! on mentions beside the survey rules.
//!
//! The mentions go through `taith_app::mentions::record`, as a connector's POST would, so each
//! is scored for language and sentiment by the shipped models.

use crate::demo_conversations::Rng;
use anyhow::{Result, anyhow};
use taith_app::voc::Voc;
use taith_domain::{AlertInput, MentionInput, Role, WorkspaceId};
use taith_store::Store;
use time::Duration;
use time::format_description::well_known::Rfc3339;

/// (source, locale, text). Written as people write in public: short, warm or cross.
const POSTS: &[(&str, &str, &str)] = &[
    (
        "facebook",
        "cy",
        "Bara brith gorau Caerdydd, dim dadl. Diolch Becws!",
    ),
    (
        "facebook",
        "cy",
        "Aros hanner awr yn y ciw ddydd Sadwrn. Siomedig iawn.",
    ),
    (
        "facebook",
        "en",
        "Ordered the birthday cake online, delivered on time and absolutely beautiful.",
    ),
    (
        "facebook",
        "en",
        "£3.50 delivery fee only shown at the very last step. Not impressed.",
    ),
    (
        "instagram",
        "en",
        "Saturday treat from @becws 🥖 the welsh cakes are still warm!",
    ),
    (
        "instagram",
        "cy",
        "Pice ar y maen ffres bob bore Sadwrn. Hyfryd.",
    ),
    (
        "instagram",
        "ms",
        "Roti paling sedap di Cardiff! Pasti datang lagi.",
    ),
    (
        "google_reviews",
        "en",
        "Lovely staff, great sourdough, a bit pricey but worth it.",
    ),
    (
        "google_reviews",
        "en",
        "Waited 40 minutes for a delivery slot that never came. Terrible.",
    ),
    (
        "google_reviews",
        "cy",
        "Staff cyfeillgar ac yn siarad Cymraeg. Bara hyfryd.",
    ),
    (
        "google_reviews",
        "sw",
        "Mkate mzuri sana na huduma nzuri. Nitarudi tena.",
    ),
    (
        "google_reviews",
        "ar",
        "مخبز رائع والخبز طازج دائمًا. أنصح به بشدة.",
    ),
    (
        "google_reviews",
        "vi",
        "Bánh mì rất ngon, nhân viên thân thiện.",
    ),
    (
        "x",
        "en",
        "Why does the @becws checkout hide the delivery fee until the end? Annoying.",
    ),
    (
        "x",
        "en",
        "Best bara brith in Wales and I will not be taking questions.",
    ),
    (
        "x",
        "cy",
        "Gwasanaeth ardderchog gan Becws heddiw, diolch o galon.",
    ),
    (
        "tripadvisor",
        "en",
        "A proper Welsh bakery. The coffee morning cakes were a hit.",
    ),
    (
        "tripadvisor",
        "ms",
        "Kedai roti yang bagus tetapi beratur terlalu lama pada hari Sabtu.",
    ),
    (
        "tripadvisor",
        "ar",
        "الانتظار طويل جدًا يوم السبت، لكن الكعك ممتاز.",
    ),
    (
        "facebook",
        "sw",
        "Keki ya siku ya kuzaliwa ilikuwa nzuri kabisa, asanteni!",
    ),
    (
        "instagram",
        "vi",
        "Bánh ngọt xứ Wales ngon tuyệt, sẽ quay lại!",
    ),
    (
        "facebook",
        "en",
        "Allergen info was hard to find on the website, had to phone.",
    ),
];

/// This week's video: the bara brith, shared and talked about.
const SPIKE: &[(&str, &str, &str)] = &[
    (
        "instagram",
        "en",
        "That bara brith video 😍 need to visit Becws this weekend",
    ),
    (
        "x",
        "en",
        "Everyone is sharing the Becws bara brith video and now I'm hungry",
    ),
    (
        "facebook",
        "cy",
        "Fideo gwych o'r bara brith! Balch o'n becws lleol.",
    ),
    (
        "instagram",
        "ms",
        "Video bara brith ini buat saya lapar! Mesti cuba.",
    ),
    (
        "x",
        "en",
        "Went to Becws after the video, sold out by 11. Gutted.",
    ),
];

fn rfc3339(t: time::OffsetDateTime) -> String {
    t.format(&Rfc3339).unwrap_or_default()
}

pub async fn seed_mentions(store: &dyn Store, ws: WorkspaceId) -> Result<()> {
    let now = taith_domain::now();
    let mut r = Rng(0x6d65_6e74_696f_6e73);
    let mut inputs: Vec<MentionInput> = Vec::new();
    let mut push =
        |n: usize, (source, locale, text): (&str, &str, &str), at: time::OffsetDateTime| {
            inputs.push(MentionInput {
                source: source.into(),
                external_id: Some(format!("demo-{source}-{n}")),
                url: Some(format!("https://{source}.example/becws/posts/{n}")),
                author: None,
                text: text.into(),
                locale: Some(locale.into()),
                posted_at: Some(rfc3339(at)),
            });
        };
    // About three a day for 90 days, the last week left for the spike.
    for n in 0..250usize {
        let days_ago = 7 + i64::try_from(r.below(83)).unwrap_or(0);
        let minutes = i64::try_from(r.below(14 * 60)).unwrap_or(0) + 7 * 60;
        let at = now - Duration::days(days_ago) - Duration::minutes(minutes);
        let post = POSTS[usize::try_from(r.below(POSTS.len() as u64)).unwrap_or(0)];
        push(n, post, at);
    }
    for n in 0..70usize {
        let days_ago = i64::try_from(r.below(6)).unwrap_or(0);
        let at = now - Duration::days(days_ago) - Duration::minutes(30 + n as i64);
        let post = if r.chance(70) {
            SPIKE[usize::try_from(r.below(SPIKE.len() as u64)).unwrap_or(0)]
        } else {
            POSTS[usize::try_from(r.below(POSTS.len() as u64)).unwrap_or(0)]
        };
        push(1_000 + n, post, at);
    }
    let voc = Voc::default();
    for chunk in inputs.chunks(taith_domain::mention::MAX_BATCH) {
        taith_app::mentions::record(store, &voc, ws, chunk)
            .await
            .map_err(|e| anyhow!("demo mentions: {e}"))?;
    }

    let owners: Vec<String> = store
        .members(ws)
        .await?
        .into_iter()
        .filter(|m| m.role == Role::Owner)
        .map(|m| m.user.id.to_string())
        .collect();
    let rule = AlertInput {
        name: "Mentions spike".into(),
        kind: "change".into(),
        metric: "mentions".into(),
        direction: "up".into(),
        period_days: "7".into(),
        recipients: owners,
        ..Default::default()
    }
    .parse()
    .map_err(|e| {
        anyhow!(
            "demo mentions alert: {:?}",
            e.0.first().map(|f| f.field.clone())
        )
    })?;
    store.create_alert_rule(ws, &rule).await?;
    Ok(())
}
