//! The demo bakery's cases: the follow-up of its unhappy customers over the last quarter, in
//! every status — most resolved within the SLA, some late, a few closed with no action, and
//! some still open, waiting or in progress (some of them overdue) — owned across the staff
//! (touchpoint owners, the teams in turn, the admin), with root causes, notes and replies to
//! customers in their own languages.
//!
//! The history is written through the store with the times it happened (an opening at the
//! response's time, first actions and resolutions hours later); owners and due times come from
//! `taith_app::cases` as for any case. Detractors of the last week are left to the opener, which
//! opens their cases when the server starts, as it would for new answers.

use anyhow::{Context, Result};
use taith_app::cases::{self, worker::MAX_AGE};
use taith_domain::{
    CaseChange, CaseReplyId, CaseSource, CaseStatus, Email, Locale, LongText, Name, NewResponse,
    ResponseId, RootCauseId, SurveyKind, UserId, WorkspaceId,
};
use taith_store::{CaseUpdate, NewCase, NewCaseReply, NewCustomer, PageRequest, Store};
use time::Duration;

/// The bakery's root causes.
const ROOT_CAUSES: [&str; 7] = [
    "Late delivery",
    "Out of stock",
    "Product quality",
    "Staff attitude",
    "Wrong order",
    "Website problem",
    "Price",
];

/// Which team each member is in (by e-mail's local part).
const TEAMS: [(&str, &[&str]); 3] = [
    ("megan", &["Shop team Aberystwyth"]),
    ("rhys", &["Web shop", "Delivery"]),
    ("sian", &["Bakehouse", "Shop team Cardiff"]),
];

/// Notes staff write, by root cause.
const NOTES: [&str; 7] = [
    "Van was stuck behind roadworks on the A487. Rang the customer to apologise.",
    "Sourdough sold out by 10am. Asked the bakehouse for a second bake on Saturdays.",
    "Checked the batch: underbaked. Refunded the loaf and told the bakehouse.",
    "Spoke to the team about the queue at the counter on Saturday morning.",
    "Packed the wrong box; sent the right order the same afternoon.",
    "Checkout failed on the card step; the web shop fixed the payment form.",
    "Explained the new price of flour; offered the loyalty discount.",
];

/// Customers who wrote in their own language and get a reply in it.
const WRITERS: [(&str, &str, Locale, &str, &str); 3] = [
    (
        "gwenllian.roberts@example.com",
        "Gwenllian Roberts",
        Locale::Cy,
        "Roedd y bara'n hwyr eto ddydd Sadwrn ac yn oer.",
        "Mae'n ddrwg iawn gennym ni, Gwenllian. Roedd y fan yn hwyr oherwydd gwaith ffordd; rydym wedi ychwanegu ail fan ar ddydd Sadwrn. Bydd y dosbarthiad nesaf am ddim.",
    ),
    (
        "omar.haddad@example.com",
        "Omar Haddad",
        Locale::Ar,
        "وصل الطلب ناقصًا ولم يرد أحد على الهاتف.",
        "نعتذر يا عمر عن الطلب الناقص. أرسلنا الخبز الناقص اليوم، وأضفنا موظفًا للرد على الهاتف صباح السبت.",
    ),
    (
        "amina.yusuf@example.com",
        "Amina Yusuf",
        Locale::Sw,
        "Keki ilikuwa kavu na bei imepanda sana.",
        "Samahani sana, Amina. Tumerudisha pesa ya keki, na mwokaji mkuu amebadilisha muda wa kuoka.",
    ),
];

fn name(s: &str) -> Result<Name> {
    Name::parse(s).map_err(|i| anyhow::anyhow!("demo name {s:?}: {}", i.code()))
}

/// Seeds the demo's case settings and case history.
pub async fn seed_cases(store: &dyn Store, ws: WorkspaceId) -> Result<()> {
    let members = store.members(ws).await?;
    let by_key = |key: &str| -> Option<UserId> {
        members
            .iter()
            .find(|m| m.user.email.as_str().starts_with(&format!("{key}@")))
            .map(|m| m.user.id)
    };
    for (key, teams) in TEAMS {
        if let Some(u) = by_key(key) {
            let teams: Vec<String> = teams.iter().map(|t| (*t).to_owned()).collect();
            cases::settings::save_teams(store, ws, u, &teams)
                .await
                .map_err(|e| anyhow::anyhow!("demo teams: {e}"))?;
        }
    }
    let names: Vec<String> = ROOT_CAUSES.iter().map(|c| (*c).to_owned()).collect();
    let causes = cases::settings::save_root_causes(store, ws, &names)
        .await
        .map_err(|e| anyhow::anyhow!("demo root causes: {e}"))?;
    let cause = |i: usize| -> RootCauseId { causes[i % causes.len()].id };
    let sla = store.case_sla(ws).await?;
    let owner_name = |u: Option<UserId>| -> String {
        members
            .iter()
            .find(|m| Some(m.user.id) == u)
            .map(|m| m.user.name.to_string())
            .unwrap_or_else(|| "Siân Morgan".to_owned())
    };

    // The detractors of the last quarter, before the opener's week.
    let now = taith_domain::now();
    let surveys = store.surveys(ws, PageRequest::all()).await?.items;
    let low = |r: &NewResponse| {
        surveys.iter().any(|s| {
            s.id == r.survey_id
                && s.fields.kind != SurveyKind::Custom
                && taith_domain::case::is_low_score(s.fields.kind, s.fields.scale, r.score)
        })
    };
    let mut detractors: Vec<NewResponse> = store
        .responses(ws, None, PageRequest::all())
        .await?
        .items
        .into_iter()
        .filter(|r| now - r.submitted_at < Duration::days(90) && low(r))
        .collect();
    detractors.sort_by_key(|r| r.submitted_at);
    // About forty of the quarter before the last week, and every one of the last week (the
    // opener would open those): the week's are still being worked on.
    let (older, recent): (Vec<NewResponse>, Vec<NewResponse>) = detractors
        .into_iter()
        .partition(|r| now - r.submitted_at > MAX_AGE);
    let step = (older.len() / 40).max(1);
    let older: Vec<NewResponse> = older.into_iter().step_by(step).take(40).collect();
    let picked: Vec<(bool, NewResponse)> = older
        .into_iter()
        .map(|r| (false, r))
        .chain(recent.into_iter().map(|r| (true, r)))
        .collect();
    for (i, (recent, r)) in picked.iter().enumerate() {
        let opened = r.submitted_at + Duration::minutes(3);
        let (first_due, resolve_due) = sla.due(opened);
        let owner = cases::owner_for(store, ws, r.touchpoint_id).await?;
        let Some(c) = store
            .open_case(
                ws,
                &NewCase {
                    source: CaseSource::Score,
                    response_id: Some(r.id),
                    feature_request_id: None,
                    survey_id: Some(r.survey_id),
                    customer_id: r.customer_id,
                    touchpoint_id: r.touchpoint_id,
                    owner,
                    opened_at: opened,
                    first_action_due: first_due,
                    resolve_due,
                    actor: None,
                    actor_name: "taith".into(),
                },
            )
            .await?
        else {
            continue;
        };
        // The last week's are still being worked on (some not yet touched); of the older
        // ones most were resolved in time, a few late, some closed with no action.
        let age_h = (now - opened).whole_hours().max(1);
        let (first_h, fate): (i64, Option<(CaseStatus, i64)>) = if *recent {
            match i % 5 {
                0 | 1 => (1, Some((CaseStatus::Resolved, (age_h / 2).clamp(1, 30)))),
                2 => ((age_h / 3).clamp(0, 4), Some((CaseStatus::InProgress, 0))),
                3 => (
                    (age_h / 3).clamp(0, 5),
                    Some((CaseStatus::WaitingForCustomer, 0)),
                ),
                _ => (0, None),
            }
        } else if i % 9 == 4 {
            (30, Some((CaseStatus::Resolved, 70)))
        } else if i % 7 == 3 {
            (6, Some((CaseStatus::ClosedNoAction, 8)))
        } else {
            (
                1 + (i as i64 * 5) % 7,
                Some((CaseStatus::Resolved, 6 + (i as i64 * 11) % 30)),
            )
        };
        let Some((status, closed_h)) = fate else {
            continue;
        };
        let who = c.owner;
        let actor = owner_name(who);
        let acted = (opened + Duration::hours(first_h)).min(now);
        let mut version = c.version;
        let step = |changes: Vec<CaseChange>, update: CaseUpdate| {
            let entries: Vec<_> = changes
                .into_iter()
                .map(|ch| (who, actor.clone(), ch))
                .collect();
            (entries, update)
        };
        let (entries, update) = step(
            vec![
                CaseChange::Status {
                    from: CaseStatus::Open,
                    to: CaseStatus::InProgress,
                },
                CaseChange::Note {
                    text: NOTES[i % NOTES.len()].to_owned(),
                },
            ],
            CaseUpdate {
                status: Some(CaseStatus::InProgress),
                first_action_at: Some(acted),
                at: Some(acted),
                ..Default::default()
            },
        );
        version = store
            .update_case(ws, c.id, version, &update, &entries)
            .await
            .context("demo case: first action")?
            .version;
        if status == CaseStatus::InProgress {
            continue;
        }
        let at = if closed_h > 0 {
            opened + Duration::hours(closed_h)
        } else {
            acted + Duration::hours(1)
        }
        .min(now);
        let closes = status.is_closed();
        let (entries, update) = step(
            vec![
                CaseChange::RootCause {
                    from: None,
                    to: Some(cause(i)),
                },
                CaseChange::Status {
                    from: CaseStatus::InProgress,
                    to: status,
                },
            ],
            CaseUpdate {
                status: Some(status),
                root_cause: Some(Some(cause(i))),
                closed_at: closes.then_some(Some(at)),
                at: Some(at),
                ..Default::default()
            },
        );
        store
            .update_case(ws, c.id, version, &update, &entries)
            .await
            .context("demo case: closing")?;
    }

    // Three customers who wrote in Welsh, Arabic and Swahili a few days ago: a case each, a
    // reply in their language (sent), and one of them resolved.
    let counter = surveys
        .iter()
        .find(|s| s.fields.kind == SurveyKind::Nps)
        .context("the demo has an NPS survey")?;
    for (n, (email, full, locale, said, reply)) in WRITERS.iter().enumerate() {
        let id = ResponseId::new();
        let when = now - Duration::days(2 + n as i64) - Duration::hours(3);
        store
            .insert_responses(&[taith_store::ResponseToStore {
                workspace_id: ws,
                response: NewResponse {
                    id,
                    survey_id: counter.id,
                    score: 2 + n as i16,
                    answers: Vec::new(),
                    comment: LongText::parse(said).unwrap_or_default(),
                    touchpoint_id: counter.fields.touchpoint_id,
                    channel: taith_domain::Channel::Web,
                    locale: *locale,
                    customer_id: None,
                    attributes: Default::default(),
                    submitted_at: when,
                    client_key: None,
                },
                customer: Some(NewCustomer {
                    email: Email::parse(email).ok(),
                    name: Some(name(full)?),
                    locale: Some(*locale),
                    ..Default::default()
                }),
            }])
            .await?;
        let r = store.response(ws, id).await?;
        let opened = when + Duration::minutes(2);
        let (first_due, resolve_due) = sla.due(opened);
        let owner = cases::owner_for(store, ws, r.touchpoint_id).await?;
        let Some(c) = store
            .open_case(
                ws,
                &NewCase {
                    source: CaseSource::Score,
                    response_id: Some(id),
                    feature_request_id: None,
                    survey_id: Some(r.survey_id),
                    customer_id: r.customer_id,
                    touchpoint_id: r.touchpoint_id,
                    owner,
                    opened_at: opened,
                    first_action_due: first_due,
                    resolve_due,
                    actor: None,
                    actor_name: "taith".into(),
                },
            )
            .await?
        else {
            continue;
        };
        let actor = owner_name(c.owner);
        let at = opened + Duration::hours(2);
        let reply_id = CaseReplyId::new();
        let status = if n == 0 {
            CaseStatus::Resolved
        } else {
            CaseStatus::WaitingForCustomer
        };
        store
            .update_case(
                ws,
                c.id,
                c.version,
                &CaseUpdate {
                    status: Some(status),
                    root_cause: Some(Some(cause(n))),
                    first_action_at: Some(at),
                    closed_at: status.is_closed().then_some(Some(at)),
                    reply: Some(NewCaseReply {
                        id: reply_id,
                        body: (*reply).to_owned(),
                        locale: *locale,
                        to_email: (*email).to_owned(),
                        to_name: Some((*full).to_owned()),
                    }),
                    at: Some(at),
                    ..Default::default()
                },
                &[
                    (
                        c.owner,
                        actor.clone(),
                        CaseChange::Reply {
                            text: (*reply).to_owned(),
                        },
                    ),
                    (
                        c.owner,
                        actor.clone(),
                        CaseChange::RootCause {
                            from: None,
                            to: Some(cause(n)),
                        },
                    ),
                    (
                        c.owner,
                        actor.clone(),
                        CaseChange::Status {
                            from: CaseStatus::Open,
                            to: status,
                        },
                    ),
                ],
            )
            .await
            .context("demo case with a reply")?;
        store
            .mark_case_reply_sent(ws, reply_id, at + Duration::seconds(4))
            .await?;
    }
    // The last week's detractors: opened now, by the rules, as the server would.
    while cases::worker::open_pending(store).await? > 0 {}
    Ok(())
}
