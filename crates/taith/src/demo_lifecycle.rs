//! The demo bakery's customers over time: when each started buying its bread subscription and,
//! for some, when they stopped, telling a churn story the retention cohorts show — the
//! customers who joined during the bad stretch of the web-shop chat (seven to four months ago,
//! see `demo_conversations`) left far more often, and detractors left more than promoters. About
//! two in three answered the bakery's NPS survey once while a customer, so the Retention page
//! compares the NPS of churned and retained customers. While customers, they order from the
//! web shop (`conversion` events with their customer), promoters most often: the repeat-purchase
//! rate.

use crate::demo_conversations::{BAD_FROM_DAYS, BAD_TO_DAYS, Rng, customers};
use anyhow::{Context, Result};
use taith_domain::{
    Channel, Email, LifecycleKind, LongText, Name, NewResponse, ResponseId, SurveyKind,
    SurveyStatus, WorkspaceId,
};
use taith_store::{NewCustomer, PageRequest, ResponseToStore, Store};
use time::Duration;

pub async fn seed_lifecycle(store: &dyn Store, ws: WorkspaceId) -> Result<()> {
    let survey = store
        .surveys(ws, PageRequest::all())
        .await?
        .items
        .into_iter()
        .find(|s| s.fields.kind == SurveyKind::Nps && s.fields.status == SurveyStatus::Live);
    let now = taith_domain::now();
    let mut r = Rng(0x00c0_ffee_beef_2026);
    let people = customers();
    let news: Vec<NewCustomer> = people
        .iter()
        .map(|(email, name, locale)| NewCustomer {
            email: Email::parse(email).ok(),
            name: (!name.is_empty()).then(|| Name::parse(name).ok()).flatten(),
            locale: Some(*locale),
            ..NewCustomer::default()
        })
        .collect();
    let stored = store
        .upsert_customers(ws, &news)
        .await
        .context("storing the demo customers")?;
    let mut responses = Vec::new();
    let mut purchases = Vec::new();
    for (c, (_, _, locale)) in stored.iter().zip(&people) {
        let days_ago = i64::try_from(r.below(540)).unwrap_or(0) + 1;
        let start = now - Duration::days(days_ago);
        let bad_cohort = (BAD_TO_DAYS..BAD_FROM_DAYS + 30).contains(&days_ago);
        let roll = r.below(100);
        let detractor_share = if bad_cohort { 45 } else { 15 };
        let score: i16 = if roll < detractor_share {
            i16::try_from(r.below(7)).unwrap_or(3)
        } else if roll < detractor_share + 25 {
            7 + i16::try_from(r.below(2)).unwrap_or(0)
        } else {
            9 + i16::try_from(r.below(2)).unwrap_or(0)
        };
        // Each month a customer may leave: 1% a month for a promoter, 2.5% for a passive, 8%
        // for a detractor; three times that in the bad cohort.
        let mut hazard: u64 = match score {
            0..=6 => 80,
            7 | 8 => 25,
            _ => 10,
        }; // per mille
        if bad_cohort {
            hazard *= 3;
        }
        let mut end = None;
        let mut month = 1;
        while start + Duration::days(30 * month) < now {
            if r.below(1_000) < hazard {
                end = Some(
                    start
                        + Duration::days(
                            30 * (month - 1) + i64::try_from(r.below(30)).unwrap_or(0),
                        ),
                );
                break;
            }
            month += 1;
        }
        store
            .record_lifecycle(ws, c.id, LifecycleKind::Started, start)
            .await?;
        if end.is_none() && days_ago > 365 && r.chance(70) {
            store
                .record_lifecycle(
                    ws,
                    c.id,
                    LifecycleKind::Renewed,
                    start + Duration::days(365),
                )
                .await?;
        }
        if let Some(end) = end {
            store
                .record_lifecycle(ws, c.id, LifecycleKind::Ended, end)
                .await?;
        }
        // Orders in the web shop over the last year while a customer: promoters order most.
        let every_days: i64 = match score {
            0..=6 => 120,
            7 | 8 => 75,
            _ => 45,
        };
        let mut t = start.max(now - Duration::days(360))
            + Duration::days(i64::try_from(r.below(40)).unwrap_or(0));
        while t < end.unwrap_or(now).min(now) {
            let mut e = taith_domain::Event::page_view(t);
            e.detail = taith_domain::EventDetail::Conversion {
                goal: "order".into(),
                value: Some(8.0 + f64::from(u32::try_from(r.below(40)).unwrap_or(0))),
            };
            e.customer_id = Some(c.id);
            e.locale = Some(*locale);
            e.client_key = Some(format!("demo-order-{}-{}", c.id, t.unix_timestamp()));
            purchases.push(taith_store::EventToStore {
                workspace_id: ws,
                event: e,
            });
            t += Duration::days(
                every_days / 2
                    + i64::try_from(r.below(u64::try_from(every_days).unwrap_or(1))).unwrap_or(0),
            );
        }
        let Some(s) = &survey else { continue };
        if !r.chance(65) {
            continue;
        }
        let last = end.unwrap_or(now);
        let span = (last - start).whole_days().max(1);
        let at = start
            + Duration::days(i64::try_from(r.below(u64::try_from(span).unwrap_or(1))).unwrap_or(0));
        responses.push(ResponseToStore {
            workspace_id: ws,
            response: NewResponse {
                id: ResponseId::new(),
                survey_id: s.id,
                score,
                answers: Vec::new(),
                comment: LongText::default(),
                touchpoint_id: s.fields.touchpoint_id,
                channel: Channel::Email,
                locale: *locale,
                customer_id: Some(c.id),
                attributes: Default::default(),
                submitted_at: at,
                client_key: Some(format!("demo-lifecycle-{}", c.id)),
            },
            customer: None,
        });
    }
    for chunk in purchases.chunks(500) {
        store
            .insert_events(chunk)
            .await
            .context("storing the demo customers' orders")?;
    }
    if !responses.is_empty() {
        store
            .insert_responses(&responses)
            .await
            .context("storing the demo customers' NPS answers")?;
    }
    Ok(())
}
