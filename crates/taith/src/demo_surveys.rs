//! The demo's surveys: an NPS at the web shop's checkout, a CSAT after doorstep delivery and a
//! CES for the Aberystwyth phone order line, each live with a year of responses in all six
//! languages (DESIGN §8: the demo shows every capability that exists).
//!
//! The responses are generated, deterministically (a fixed seed), to tell a story a reader can
//! find in the data: checkout detractors complain about the delivery fee appearing late until
//! the bakery shows it up front half-way through the year, after which the NPS rises.

use anyhow::{Context, Result, anyhow};
use std::collections::BTreeMap;
use taith_domain::survey::{FollowUp, FollowUpKind, ScoreRange};
use taith_domain::{
    Channel, FollowUpId, Journey, Locale, LongText, Name, NewResponse, ResponseId, SurveyFields,
    SurveyKind, SurveyStatus, TouchpointId, WorkspaceId,
};
use taith_i18n::survey_wording;
use taith_store::{ResponseToStore, Store};
use time::{Duration, OffsetDateTime};

/// One demo survey: on which touchpoint, of which kind, answered through which channel.
struct SurveyRow {
    name: &'static str,
    touchpoint: &'static str,
    kind: SurveyKind,
    channel: Channel,
    /// The `shop` attribute of its responses.
    shop: &'static str,
    responses: usize,
    /// The answers to draw from, when this touchpoint does not follow its kind's usual
    /// story (the live chat that customers find slow).
    scores: Option<&'static [i16]>,
}

const SURVEYS: [SurveyRow; 5] = [
    SurveyRow {
        name: "Web shop checkout NPS",
        touchpoint: "Checkout and delivery slot",
        kind: SurveyKind::Nps,
        channel: Channel::Web,
        shop: "web",
        // About fifty a week: enough that a week's figure is no small sample (DESIGN §3), so
        // the dashboard draws a trend; the phone line's fewer answers show what one looks like.
        responses: 2_600,
        scores: None,
    },
    SurveyRow {
        name: "Doorstep delivery CSAT",
        touchpoint: "Doorstep delivery",
        kind: SurveyKind::Csat,
        channel: Channel::Sms,
        shop: "cardiff",
        responses: 2_000,
        scores: None,
    },
    SurveyRow {
        name: "Phone order CES",
        touchpoint: "Phone order line",
        kind: SurveyKind::Ces,
        channel: Channel::Phone,
        shop: "aberystwyth",
        responses: 1_700,
        scores: None,
    },
    // The pain point the map marks: customers find the live chat slow to answer.
    SurveyRow {
        name: "Live chat CSAT",
        touchpoint: "Live chat",
        kind: SurveyKind::Csat,
        channel: Channel::Chat,
        shop: "web",
        responses: 700,
        scores: Some(&[1, 1, 2, 2, 2, 2, 3, 3, 4, 5]),
    },
    SurveyRow {
        name: "Delivery-day text CES",
        touchpoint: "Delivery-day text",
        kind: SurveyKind::Ces,
        channel: Channel::Sms,
        shop: "cardiff",
        responses: 900,
        scores: Some(&[3, 4, 4, 4, 5, 5, 5, 5]),
    },
];

/// Creates the demo's surveys and their responses, worded as a business would start from: the
/// standard question, follow-up and thanks, naming `business`.
pub async fn seed_surveys(
    store: &dyn Store,
    ws: WorkspaceId,
    journeys: &[Journey],
    business: &str,
) -> Result<()> {
    let now = taith_domain::now();
    let mut rng = Rng(0x7a17_4b1d_2026);
    let mut staffing = crate::demo_coaching::Staffing::default();
    for row in &SURVEYS {
        let touchpoint = journeys
            .iter()
            .flat_map(|j| j.touchpoints.iter())
            .find(|t| t.fields.name.as_str() == row.touchpoint)
            .map(|t| t.id)
            .ok_or_else(|| anyhow!("demo touchpoint {:?} is missing", row.touchpoint))?;
        let fields = survey_fields(row, touchpoint, business)?;
        let survey = taith_app::surveys::create(store, ws, &fields)
            .await
            .with_context(|| format!("creating demo survey {}", row.name))?;
        let batch: Vec<ResponseToStore> = (0..row.responses)
            .map(|_| {
                let mut response = response(&mut rng, row, &survey, now);
                // Who served the customer (coaching): from a generator of its own.
                staffing.assign(row.name, response.score, &mut response.attributes);
                ResponseToStore {
                    workspace_id: ws,
                    response,
                    customer: None,
                }
            })
            .collect();
        store
            .insert_responses(&batch)
            .await
            .with_context(|| format!("storing the responses of {}", row.name))?;
    }
    Ok(())
}

fn survey_fields(
    row: &SurveyRow,
    touchpoint: TouchpointId,
    business: &str,
) -> Result<SurveyFields> {
    let question = survey_wording::standard_question(row.kind, business);
    let follow_ups = match row.kind {
        SurveyKind::Nps => vec![FollowUp {
            id: FollowUpId::new(),
            prompt: survey_wording::standard_text(survey_wording::IMPROVE_KEY, business),
            kind: FollowUpKind::OpenText,
            when: Some(ScoreRange { min: 0, max: 6 }),
        }],
        _ => Vec::new(),
    };
    SurveyFields {
        name: Name::parse(row.name).map_err(|i| anyhow!("demo survey name: {}", i.code()))?,
        kind: row.kind,
        scale: row.kind.default_scale(),
        default_locale: Locale::En,
        question,
        thank_you: survey_wording::standard_thanks(business),
        follow_ups,
        touchpoint_id: Some(touchpoint),
        status: SurveyStatus::Live,
        anonymous: false,
        throttle_days: SurveyFields::DEFAULT_THROTTLE_DAYS,
    }
    .validate()
    .map_err(|e| anyhow!("demo survey {}: {e}", row.name))
}

/// A small deterministic generator (xorshift64*): the demo looks the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number in `0..n`.
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    /// True with probability `p` percent.
    fn chance(&mut self, p: u64) -> bool {
        self.below(100) < p
    }
}

/// Which language a respondent writes in: mostly English and Welsh (more Welsh at the
/// Aberystwyth shop), and Cardiff's other languages.
fn locale(rng: &mut Rng, shop: &str) -> Locale {
    let welsh = if shop == "aberystwyth" { 45 } else { 15 };
    let r = rng.below(100);
    match r {
        _ if r < welsh => Locale::Cy,
        _ if r < welsh + 8 => Locale::Ar,
        _ if r < welsh + 14 => Locale::Sw,
        _ if r < welsh + 19 => Locale::Vi,
        _ if r < welsh + 23 => Locale::Ms,
        _ => Locale::En,
    }
}

/// A score for a response `age_days` old: the checkout improves once the delivery fee shows
/// up front (about 180 days ago); delivery is steadily good; the phone line is steadily easy
/// with the odd bad day.
fn score(rng: &mut Rng, kind: SurveyKind, age_days: i64) -> i16 {
    match kind {
        SurveyKind::Nps => {
            let fixed = age_days < 180;
            let (detractors, passives) = if fixed { (12, 30) } else { (34, 32) };
            let r = rng.below(100);
            if r < detractors {
                rng.below(7) as i16
            } else if r < detractors + passives {
                7 + rng.below(2) as i16
            } else {
                9 + rng.below(2) as i16
            }
        }
        SurveyKind::Csat => [1, 2, 3, 3, 4, 4, 4, 5, 5, 5, 5, 5][rng.below(12) as usize],
        SurveyKind::Ces | SurveyKind::Custom => {
            [2, 3, 4, 4, 4, 5, 5, 5, 5, 5][rng.below(10) as usize]
        }
    }
}

/// Whether a score is a good one on its survey's scale (for choosing a comment's tone).
fn is_positive(kind: SurveyKind, score: i16) -> bool {
    match kind {
        SurveyKind::Nps => score >= 9,
        _ => score >= 4,
    }
}

fn response(
    rng: &mut Rng,
    row: &SurveyRow,
    survey: &taith_domain::Survey,
    now: OffsetDateTime,
) -> NewResponse {
    let age_days = rng.below(365) as i64;
    let submitted_at =
        now - Duration::days(age_days) - Duration::minutes(rng.below(12 * 60) as i64);
    let score = match row.scores {
        Some(pool) => pool[rng.below(pool.len() as u64) as usize],
        None => score(rng, row.kind, age_days),
    };
    let locale = locale(rng, row.shop);
    let comment = if rng.chance(35) {
        let pool = comments(locale, is_positive(row.kind, score), row.kind);
        LongText::parse(pool[rng.below(pool.len() as u64) as usize]).unwrap_or_default()
    } else {
        LongText::empty()
    };
    // Unhappy customers asked what to improve answer it about half the time.
    let mut answers = Vec::new();
    let open: Vec<taith_domain::FollowUpId> = survey
        .follow_ups_for(score)
        .filter(|f| f.kind == taith_domain::FollowUpKind::OpenText)
        .map(|f| f.id)
        .collect();
    for follow_up_id in open {
        if rng.chance(50) {
            let pool = comments(locale, false, row.kind);
            let text = pool[rng.below(pool.len() as u64) as usize].to_owned();
            answers.push(taith_domain::Answer {
                follow_up_id,
                value: taith_domain::AnswerValue::Text(text),
            });
        }
    }
    let mut attributes = BTreeMap::new();
    attributes.insert("shop".to_owned(), row.shop.to_owned());
    let order = match row.kind {
        SurveyKind::Ces => "phone",
        _ if rng.chance(20) => "collection",
        _ => "delivery",
    };
    attributes.insert("order_type".to_owned(), order.to_owned());
    NewResponse {
        id: ResponseId::new(),
        survey_id: survey.id,
        score,
        answers,
        comment,
        touchpoint_id: survey.fields.touchpoint_id,
        channel: if row.channel == Channel::Web && rng.chance(15) {
            Channel::Email
        } else {
            row.channel
        },
        locale,
        customer_id: None,
        attributes,
        submitted_at,
        client_key: None,
    }
}

/// Comments customers write, by language and tone.
fn comments(locale: Locale, positive: bool, kind: SurveyKind) -> &'static [&'static str] {
    let phone = kind == SurveyKind::Ces;
    match (locale, positive, phone) {
        (Locale::Cy, true, true) => &[
            "Roedd Megan yn hyfryd ar y ffôn, a'r cyfan yn Gymraeg.",
            "Hawdd iawn archebu dros y ffôn.",
        ],
        (Locale::Cy, false, true) => &[
            "Roedd y llinell yn brysur am hanner awr.",
            "Doedd neb yn ateb ar ddydd Llun.",
        ],
        (Locale::Cy, true, false) => &[
            "Bara gorau Caerdydd! Diolch.",
            "Cyrhaeddodd popeth yn gynnes ac ar amser.",
            "Gwasanaeth hyfryd bob tro.",
            "Staff cyfeillgar iawn yn y siop.",
        ],
        (Locale::Cy, false, false) => &[
            "Daeth y tâl danfon yn syndod ar y diwedd.",
            "Roedd y fan awr yn hwyr.",
            "Dim slotiau ar ôl ar gyfer dydd Sadwrn.",
            "Rhy ddrud am dorth fach.",
        ],
        (Locale::Ar, true, _) => &[
            "أفضل خبز في كارديف، شكراً لكم!",
            "وصل الطلب في الوقت المحدد وكان طازجاً.",
            "خدمة ممتازة وودودة.",
            "الموظفون ودودون جداً.",
        ],
        (Locale::Ar, false, _) => &[
            "رسوم التوصيل ظهرت في آخر خطوة فقط.",
            "تأخر التوصيل أكثر من ساعة.",
            "لم أجد معلومات المكونات المسببة للحساسية بسهولة.",
            "السعر مرتفع جداً لرغيف صغير.",
        ],
        (Locale::Sw, true, _) => &[
            "Mkate mtamu sana, asante!",
            "Agizo lilifika kwa wakati na likiwa bado la moto.",
            "Huduma nzuri sana.",
            "Wafanyakazi ni wakarimu sana.",
        ],
        (Locale::Sw, false, _) => &[
            "Ada ya usafirishaji ilionekana mwishoni tu.",
            "Gari lilichelewa kwa saa moja.",
            "Nafasi za Jumamosi zilikuwa zimejaa.",
            "Bei ni ghali mno kwa mkate mdogo.",
        ],
        (Locale::Vi, true, _) => &[
            "Bánh mì ngon nhất Cardiff, cảm ơn!",
            "Giao hàng đúng giờ, bánh vẫn còn ấm.",
            "Dịch vụ rất tốt.",
            "Nhân viên rất thân thiện.",
        ],
        (Locale::Vi, false, _) => &[
            "Phí giao hàng chỉ hiện ở bước cuối.",
            "Xe giao trễ hơn một tiếng.",
            "Khó tìm thông tin về chất gây dị ứng.",
            "Giá quá đắt cho một ổ bánh nhỏ.",
        ],
        (Locale::Ms, true, _) => &[
            "Roti terbaik di Cardiff, terima kasih!",
            "Pesanan sampai tepat pada masanya.",
            "Perkhidmatan yang sangat baik.",
            "Kakitangan sangat mesra.",
        ],
        (Locale::Ms, false, _) => &[
            "Caj penghantaran hanya muncul pada langkah terakhir.",
            "Van lewat sejam.",
            "Slot hari Sabtu sudah penuh.",
            "Harga terlalu mahal untuk roti kecil.",
        ],
        (Locale::En, true, true) => &[
            "Megan was lovely on the phone.",
            "So easy to order for the coffee morning.",
        ],
        (Locale::En, false, true) => &[
            "The line was busy for half an hour.",
            "Nobody picked up on Monday.",
        ],
        (Locale::En, true, false) => &[
            "Best bread in Cardiff, and the bara brith is perfect.",
            "Arrived warm and on time.",
            "Lovely service every Saturday.",
            "Friendly staff at the Canton shop.",
        ],
        (Locale::En, false, false) => &[
            "The delivery fee only appeared at the last step.",
            "The van was an hour late.",
            "No Saturday slots left by Thursday.",
            "Couldn't find the allergen information on my phone.",
            "Too expensive for a small loaf.",
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_generator_is_deterministic_and_scores_stay_on_their_scales() {
        let (mut a, mut b) = (Rng(42), Rng(42));
        assert_eq!(
            (0..10).map(|_| a.next()).collect::<Vec<_>>(),
            (0..10).map(|_| b.next()).collect::<Vec<_>>()
        );
        let mut rng = Rng(7);
        for kind in [SurveyKind::Nps, SurveyKind::Csat, SurveyKind::Ces] {
            let scale = kind.default_scale();
            for age in [0, 200, 364] {
                for _ in 0..200 {
                    let s = score(&mut rng, kind, age);
                    assert!(scale.score(i64::from(s)).is_ok(), "{kind:?} {s}");
                }
            }
        }
    }

    #[test]
    fn every_comment_parses_and_every_locale_has_some() {
        for l in Locale::ALL {
            for positive in [true, false] {
                for kind in [SurveyKind::Nps, SurveyKind::Ces] {
                    let pool = comments(l, positive, kind);
                    assert!(!pool.is_empty());
                    assert!(
                        pool.iter()
                            .all(|c| taith_domain::survey::parse_comment(c).is_ok())
                    );
                }
            }
        }
    }
}
