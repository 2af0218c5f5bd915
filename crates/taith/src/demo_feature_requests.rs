//! The demo bakery's feature-request board: requests in every status, votes from customers
//! and from anonymous browsers on the public board, public notes in a few languages, the
//! comments behind them (found among the demo's own comments, in all six languages), a merged
//! duplicate, and an idea from the public board still waiting to be read.

use anyhow::{Context, Result, anyhow};
use std::collections::BTreeMap;
use taith_app::account::secrets::secret_hash;
use taith_app::feature_requests as fr;
use taith_domain::{
    Email, FeatureRequestFields, FeatureRequestStatus, Locale, LongText, Name, PublicNote,
    RequestSource, Voter, WorkspaceId,
};
use taith_store::{NewCustomer, PageRequest, Store};

struct RequestRow {
    title: &'static str,
    description: &'static str,
    status: FeatureRequestStatus,
    source: RequestSource,
    note: &'static [(Locale, &'static str)],
    /// Anonymous browsers that voted on the public board.
    browser_votes: u32,
    /// Demo customers (by e-mail) who asked for it.
    customers: &'static [&'static str],
    /// Comments that ask for it: a demo comment containing any of these is linked.
    comments_with: &'static [&'static str],
}

const CUSTOMERS: [(&str, &str, Locale); 4] = [
    ("sian.evans@example.com", "Siân Evans", Locale::Cy),
    ("amina.yusuf@example.com", "Amina Yusuf", Locale::Sw),
    ("linh.tran@example.com", "Linh Trần", Locale::Vi),
    ("omar.haddad@example.com", "Omar Haddad", Locale::Ar),
];

const REQUESTS: &[RequestRow] = &[
    RequestRow {
        title: "More Saturday delivery slots",
        description: "Saturday slots are gone by Thursday. Add a second van on Saturday mornings.",
        status: FeatureRequestStatus::Planned,
        source: RequestSource::Comment,
        note: &[
            (
                Locale::En,
                "A second van starts on Saturdays in the spring.",
            ),
            (
                Locale::Cy,
                "Bydd ail fan yn dechrau ar ddydd Sadwrn yn y gwanwyn.",
            ),
        ],
        browser_votes: 14,
        customers: &["sian.evans@example.com", "amina.yusuf@example.com"],
        comments_with: &["Saturday slots", "Sadwrn", "Jumamosi", "hari Sabtu"],
    },
    RequestRow {
        title: "Show the delivery charge before checkout",
        description: "The delivery fee only appears at the last step of an order.",
        status: FeatureRequestStatus::InProgress,
        source: RequestSource::Comment,
        note: &[
            (
                Locale::En,
                "The charge for your postcode will show on every product page.",
            ),
            (
                Locale::Ar,
                "ستظهر رسوم التوصيل لرمزك البريدي في صفحة كل منتج.",
            ),
            (
                Locale::Vi,
                "Phí giao hàng theo mã bưu điện sẽ hiện trên trang mỗi sản phẩm.",
            ),
        ],
        browser_votes: 9,
        customers: &["omar.haddad@example.com", "linh.tran@example.com"],
        comments_with: &[
            "delivery fee",
            "tâl danfon",
            "Ada ya usafirishaji",
            "رسوم التوصيل",
            "Phí giao hàng",
            "Caj penghantaran",
        ],
    },
    RequestRow {
        title: "Allergen information on every product",
        description: "Customers cannot find allergens, especially on a phone.",
        status: FeatureRequestStatus::Done,
        source: RequestSource::Comment,
        note: &[
            (
                Locale::En,
                "Done: every product lists its allergens, on phones too.",
            ),
            (
                Locale::Cy,
                "Wedi'i wneud: mae pob cynnyrch yn rhestru ei alergenau.",
            ),
            (
                Locale::Ar,
                "تم: كل منتج يعرض مسببات الحساسية، على الهاتف أيضاً.",
            ),
        ],
        browser_votes: 6,
        customers: &["omar.haddad@example.com"],
        comments_with: &["allergen", "الحساسية", "dị ứng"],
    },
    RequestRow {
        title: "Gluten-free loaf",
        description: "A gluten-free sourdough, baked on its own day.",
        status: FeatureRequestStatus::UnderReview,
        source: RequestSource::Staff,
        note: &[],
        browser_votes: 11,
        customers: &["sian.evans@example.com"],
        comments_with: &[],
    },
    RequestRow {
        title: "Loyalty card",
        description: "A stamp for every loaf; the tenth is free.",
        status: FeatureRequestStatus::Planned,
        source: RequestSource::Staff,
        note: &[(Locale::En, "Coming with the new till in June.")],
        browser_votes: 7,
        customers: &["linh.tran@example.com"],
        comments_with: &[],
    },
    RequestRow {
        title: "Delivery by drone",
        description: "Faster delivery to the Bay.",
        status: FeatureRequestStatus::Declined,
        source: RequestSource::Public,
        note: &[
            (
                Locale::En,
                "Not for us: our vans and bikes reach the Bay within the hour.",
            ),
            (
                Locale::Sw,
                "Si kwa sasa: magari na baiskeli zetu hufika ndani ya saa moja.",
            ),
        ],
        browser_votes: 2,
        customers: &[],
        comments_with: &[],
    },
];

/// Seeds the board of the demo workspace `ws`. Call after its surveys, so that comments exist
/// to link.
pub async fn seed_feature_requests(store: &dyn Store, ws: WorkspaceId) -> Result<()> {
    let mut customers = BTreeMap::new();
    for (email, name, locale) in CUSTOMERS {
        let c = store
            .upsert_customer(
                ws,
                &NewCustomer {
                    email: Some(
                        Email::parse(email).map_err(|i| anyhow!("demo e-mail: {}", i.code()))?,
                    ),
                    name: Some(text_name(name)?),
                    locale: Some(locale),
                    ..Default::default()
                },
            )
            .await
            .with_context(|| format!("creating demo customer {name}"))?;
        customers.insert(email, c.id);
    }
    let responses = store
        .responses(ws, None, PageRequest::all())
        .await
        .context("reading the demo's comments")?
        .items;
    let mut voter = 0u32;
    let mut created = Vec::new();
    for row in REQUESTS {
        let fields = FeatureRequestFields {
            title: text_name(row.title)?,
            description: LongText::parse(row.description)
                .map_err(|i| anyhow!("demo request text: {}", i.code()))?,
        };
        let r = fr::create(store, ws, &fields, row.source)
            .await
            .with_context(|| format!("creating demo request {}", row.title))?;
        for _ in 0..row.browser_votes {
            voter += 1;
            let hash = secret_hash(&format!("taith demo voter {voter}"));
            fr::vote(store, ws, r.id, &Voter::Browser(hash)).await?;
        }
        for email in row.customers {
            if let Some(c) = customers.get(email) {
                fr::vote(store, ws, r.id, &Voter::Customer(*c)).await?;
            }
        }
        // Up to two comments in each language that ask for it.
        let mut per_locale: BTreeMap<Locale, u32> = BTreeMap::new();
        for resp in &responses {
            let text = resp.comment.as_str();
            if text.is_empty() || !row.comments_with.iter().any(|k| text.contains(k)) {
                continue;
            }
            let n = per_locale.entry(resp.locale).or_default();
            if *n >= 2 {
                continue;
            }
            *n += 1;
            fr::link_response(store, ws, r.id, resp.id)
                .await
                .map_err(|e| anyhow!("linking a demo comment: {e}"))?;
        }
        let raw: BTreeMap<Locale, String> = row
            .note
            .iter()
            .map(|(l, t)| (*l, (*t).to_owned()))
            .collect();
        let note =
            PublicNote::parse(&raw).map_err(|(l, i)| anyhow!("demo note {l:?}: {}", i.code()))?;
        if row.status != FeatureRequestStatus::UnderReview || !note.is_empty() {
            fr::change_status(store, ws, r.id, row.status, &note).await?;
        }
        created.push(r);
    }
    // A duplicate, merged into the loyalty card: its votes moved there.
    let stamp = fr::create(
        store,
        ws,
        &FeatureRequestFields {
            title: text_name("Stamp card for regulars")?,
            description: LongText::empty(),
        },
        RequestSource::Public,
    )
    .await?;
    for i in 0..4 {
        let hash = secret_hash(&format!("taith demo voter {}", 100 + i));
        fr::vote(store, ws, stamp.id, &Voter::Browser(hash)).await?;
    }
    if let Some(loyalty) = created
        .iter()
        .find(|r| r.fields.title.as_str() == "Loyalty card")
    {
        fr::merge(store, ws, stamp.id, loyalty.id)
            .await
            .map_err(|e| anyhow!("merging the demo's duplicate: {e}"))?;
    }
    // An idea from the public board, waiting to be read (not shown publicly yet).
    let idea = FeatureRequestFields {
        title: text_name("Open on Sunday mornings")?,
        description: LongText::parse("Fresh croissants after the Sunday run, please!")
            .map_err(|i| anyhow!("demo idea: {}", i.code()))?,
    };
    let hash = secret_hash("taith demo voter idea");
    fr::suggest(store, ws, &idea, &Voter::Browser(hash)).await?;
    Ok(())
}

fn text_name(s: &str) -> Result<Name> {
    Name::parse(s).map_err(|i| anyhow!("demo name {s:?}: {}", i.code()))
}
