//! How long a customer's comment waits before the owner sees its language, sentiment and
//! themes: from the moment the response is acknowledged (the group-commit writer every
//! submission goes through has committed it) to the moment its analysis is stored, with the
//! app's own background workers running as `taith serve` runs them. Part of `taith bench text`.

use anyhow::{Context as _, Result};
use std::time::{Duration, Instant};
use taith_app::{App, AppConfig};
use taith_domain::{
    Channel, Locale, LongText, Name, NewResponse, ResponseId, SurveyFields, SurveyKind,
    SurveyStatus,
};
use taith_store::{NewUser, ResponseToStore, SharedStore};

/// The latencies of `samples` comments, one after the other, sorted.
pub async fn analysis_latency(store: SharedStore, samples: usize) -> Result<Vec<Duration>> {
    let slug = taith_domain::Slug::parse("voc-latency").map_err(|i| anyhow::anyhow!(i.code()))?;
    let (ws, _) = store
        .create_workspace(
            &slug,
            &Name::parse("Latency").map_err(|i| anyhow::anyhow!(i.code()))?,
            NewUser {
                email: taith_domain::Email::parse("bench@latency.example")
                    .map_err(|i| anyhow::anyhow!(i.code()))?,
                name: Name::parse("Bench").map_err(|i| anyhow::anyhow!(i.code()))?,
                password_hash: "-".into(),
            },
        )
        .await
        .context("creating the latency workspace")?;
    let text = |s: &str| taith_domain::LocalizedText([(Locale::En, s.to_owned())].into());
    let survey = store
        .create_survey(
            ws.id,
            &SurveyFields {
                name: Name::parse("Latency").map_err(|i| anyhow::anyhow!(i.code()))?,
                kind: SurveyKind::Nps,
                scale: SurveyKind::Nps.default_scale(),
                default_locale: Locale::En,
                question: text("How likely?"),
                thank_you: text("Thanks"),
                follow_ups: Vec::new(),
                touchpoint_id: None,
                status: SurveyStatus::Live,
                anonymous: false,
                throttle_days: 0,
            },
            "voc-latency",
        )
        .await
        .context("creating the latency survey")?;
    let app = App::start(store.clone(), AppConfig::default());
    let comments = [
        (
            "The delivery was two hours late and nobody called",
            Locale::En,
        ),
        ("Roedd y fan yn hwyr iawn eto heddiw", Locale::Cy),
        ("Penghantaran lewat dan pemandu tidak mesra", Locale::Ms),
        ("Mkate ulifika ukiwa baridi na umechelewa", Locale::Sw),
        ("تأخر التوصيل كثيرا والخبز كان باردا", Locale::Ar),
        ("Giao hàng trễ quá, bánh mì bị nguội", Locale::Vi),
    ];
    let mut out = Vec::with_capacity(samples);
    for i in 0..samples {
        let (comment, locale) = comments[i % comments.len()];
        let id = ResponseId::new();
        let response = NewResponse {
            id,
            survey_id: survey.id,
            score: (i % 11) as i16,
            answers: Vec::new(),
            comment: LongText::parse(comment).map_err(|i| anyhow::anyhow!(i.code()))?,
            touchpoint_id: None,
            channel: Channel::Web,
            locale,
            customer_id: None,
            attributes: Default::default(),
            submitted_at: taith_domain::now(),
            client_key: None,
        };
        app.intake
            .submit(vec![ResponseToStore {
                workspace_id: ws.id,
                response,
                customer: None,
            }])
            .await
            .context("submitting a comment")?;
        let acknowledged = Instant::now();
        loop {
            if store.voc_pending_count(ws.id).await? == 0 {
                break;
            }
            if acknowledged.elapsed() > Duration::from_secs(30) {
                anyhow::bail!("a comment was not analysed within 30 s");
            }
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        out.push(acknowledged.elapsed());
        // Apart, as comments come in.
        tokio::time::sleep(Duration::from_millis(37)).await;
    }
    out.sort();
    Ok(out)
}
