//! The demo's "you said, we did": customers of the web shop asked for allergen information
//! (their comments, in all six languages, are linked to the request), the bakery did it, and
//! told them — one notice each, sent. Those customers answered the checkout NPS again since,
//! as did customers who were never told, so the dashboard shows notices sent and the NPS of
//! the two groups with the interval of their difference.

use anyhow::{Context, Result, anyhow};
use std::collections::BTreeMap;
use taith_domain::{
    ChangeInput, Channel, Email, Locale, LongText, NewResponse, ResponseId, SurveyKind, WorkspaceId,
};
use taith_store::{NewCustomer, PageRequest, ResponseToStore, Store};
use time::Duration;

/// The request the bakery acted on (seeded by `demo_feature_requests`).
const REQUEST: &str = "Allergen information on every product";

/// How customers asked, in their language.
const ASKED: [(Locale, &str); 6] = [
    (
        Locale::En,
        "Please list the allergens on every product page.",
    ),
    (
        Locale::Cy,
        "Rhestrwch yr alergenau ar bob cynnyrch, os gwelwch yn dda.",
    ),
    (
        Locale::Ms,
        "Sila senaraikan alergen pada setiap halaman produk.",
    ),
    (
        Locale::Sw,
        "Tafadhali orodhesheni vizio kwenye kila bidhaa.",
    ),
    (Locale::Ar, "يرجى ذكر مسببات الحساسية في صفحة كل منتج."),
    (
        Locale::Vi,
        "Vui lòng ghi rõ chất gây dị ứng trên trang của mỗi sản phẩm.",
    ),
];

/// What the bakery told them.
const NOTE: [(Locale, &str); 6] = [
    (
        Locale::En,
        "You asked, we listened: every product now lists its allergens, on phones too.",
    ),
    (
        Locale::Cy,
        "Fe ofynnoch chi, fe wrandawon ni: mae pob cynnyrch nawr yn rhestru ei alergenau, ar ffonau hefyd.",
    ),
    (
        Locale::Ms,
        "Anda minta, kami dengar: setiap produk kini menyenaraikan alergennya, di telefon juga.",
    ),
    (
        Locale::Sw,
        "Mliomba, tukasikia: kila bidhaa sasa inaorodhesha vizio vyake, hata kwenye simu.",
    ),
    (
        Locale::Ar,
        "طلبتم فاستجبنا: كل منتج يذكر الآن مسببات الحساسية، على الهاتف أيضًا.",
    ),
    (
        Locale::Vi,
        "Bạn yêu cầu, chúng tôi lắng nghe: mọi sản phẩm nay đều ghi chất gây dị ứng, cả trên điện thoại.",
    ),
];

/// Customers who asked, and customers known to the shop who did not.
const ASKERS: usize = 48;
const OTHERS: usize = 64;

pub async fn seed_changes(store: &dyn Store, ws: WorkspaceId) -> Result<()> {
    let survey = store
        .surveys(ws, PageRequest::all())
        .await
        .context("reading the demo's surveys")?
        .items
        .into_iter()
        .find(|s| s.fields.kind == SurveyKind::Nps)
        .ok_or_else(|| anyhow!("the demo has no NPS survey"))?;
    let request = taith_app::feature_requests::board(store, ws, None)
        .await?
        .into_iter()
        .find(|r| r.fields.title.as_str() == REQUEST)
        .ok_or_else(|| anyhow!("the demo request {REQUEST:?} is missing"))?;
    let now = taith_domain::now();
    let response = |i: usize, days: i64, score: i16, locale: Locale, comment: &str| NewResponse {
        id: ResponseId::new(),
        survey_id: survey.id,
        score,
        answers: Vec::new(),
        comment: LongText::parse(comment).unwrap_or_default(),
        touchpoint_id: survey.fields.touchpoint_id,
        channel: Channel::Web,
        locale,
        customer_id: None,
        attributes: BTreeMap::from([("shop".to_owned(), "web".to_owned())]),
        submitted_at: now - Duration::days(days) - Duration::minutes((i * 37 % 600) as i64),
        client_key: None,
    };
    let customer = |key: String, locale: Locale| -> Result<NewCustomer> {
        Ok(NewCustomer {
            external_id: None,
            email: Some(Email::parse(&key).map_err(|i| anyhow!("demo e-mail: {}", i.code()))?),
            name: None,
            locale: Some(locale),
        })
    };
    let mut asked = Vec::new();
    let mut batch = Vec::new();
    for i in 0..ASKERS {
        let (locale, text) = ASKED[i % ASKED.len()];
        let key = format!("cwsmer.{i}@example.com");
        // They asked four to six months ago, unhappy…
        let first = response(
            i,
            120 + (i as i64 * 7) % 60,
            [3, 5, 6, 7, 8, 6][i % 6],
            locale,
            text,
        );
        asked.push(first.id);
        // …and answered again lately.
        let again = [10, 9, 10, 9, 8, 10, 9, 10, 6, 9][i % 10];
        let later = response(i, 5 + (i as i64 * 11) % 80, again, locale, "");
        for r in [first, later] {
            batch.push(ResponseToStore {
                workspace_id: ws,
                response: r,
                customer: Some(customer(key.clone(), locale)?),
            });
        }
    }
    for i in 0..OTHERS {
        let locale = Locale::ALL[i % Locale::ALL.len()];
        let score = [10, 9, 8, 7, 6, 9, 3, 10, 8, 5][i % 10];
        batch.push(ResponseToStore {
            workspace_id: ws,
            response: response(i, 3 + (i as i64 * 13) % 85, score, locale, ""),
            customer: Some(customer(format!("siopwr.{i}@example.com"), locale)?),
        });
    }
    store
        .insert_responses(&batch)
        .await
        .context("storing the demo's returning customers")?;
    for id in asked {
        taith_app::feature_requests::link_response(store, ws, request.id, id)
            .await
            .map_err(|e| anyhow!("linking a demo comment: {e}"))?;
    }
    let change = taith_app::changes::record(
        store,
        ws,
        &ChangeInput {
            source_kind: "feature_request".to_owned(),
            source_id: request.id.to_string(),
            note: NOTE.iter().map(|(l, s)| (*l, (*s).to_owned())).collect(),
        },
        "Siân Morgan",
    )
    .await
    .map_err(|e| anyhow!("recording the demo change: {e}"))?;
    // The demo has no mail server: its notices are recorded as sent, as the worker would
    // once the SMTP server took them.
    for due in store.notices_due(now, 1_000).await? {
        if due.workspace_id == ws && due.change_id == change.id {
            store
                .claim_notice(ws, change.id, due.customer_id, now, now)
                .await?;
            store
                .mark_notice_sent(ws, change.id, due.customer_id, now)
                .await?;
        }
    }
    Ok(())
}
