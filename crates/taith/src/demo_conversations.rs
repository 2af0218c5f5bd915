//! The demo bakery's support conversations: a year of questions by phone, e-mail and web chat
//! in the six languages, bound to the support touchpoints of its journeys (the phone order
//! line, the e-mails, the web-shop chat), worked by its staff in their teams. The story:
//! from seven to four months ago the web-shop chat was short of hands — first replies took
//! far longer, more conversations were reopened — and it recovered after.
//!
//! Customers are found or created by their e-mail addresses; the conversations are imported
//! through `taith_app::conversations` as any help desk's would be, in batches.

use anyhow::{Context, Result};
use taith_domain::{
    Channel, ConversationInput, Journey, Locale, MessageInput, NewConversation, WorkspaceId,
};
use taith_store::Store;
use time::{Duration, OffsetDateTime};

/// A small deterministic generator (xorshift64*): the demo looks the same on every machine.
pub(crate) struct Rng(pub(crate) u64);

impl Rng {
    pub(crate) fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number in `0..n`.
    pub(crate) fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    /// True with probability `p` percent.
    pub(crate) fn chance(&mut self, p: u64) -> bool {
        self.below(100) < p
    }
}

/// What customers write about: a tag, and per language a subject, the customer's message and
/// the reply.
struct Topic {
    tag: &'static str,
    lines: [(Locale, &'static str, &'static str, &'static str); 6],
}

static TOPICS: [Topic; 5] = [
    Topic {
        tag: "delivery",
        lines: [
            (
                Locale::En,
                "Delivery late again",
                "My bread order was meant to arrive at 8 and it still is not here.",
                "Sorry about that — the van is stuck in traffic and will be with you within the hour.",
            ),
            (
                Locale::Cy,
                "Dosbarthiad yn hwyr eto",
                "Roedd fy archeb bara i fod i gyrraedd am 8 a dyw hi ddim yma o hyd.",
                "Mae'n ddrwg gennym — mae'r fan yn sownd mewn traffig a bydd gyda chi o fewn yr awr.",
            ),
            (
                Locale::Ms,
                "Penghantaran lewat lagi",
                "Pesanan roti saya sepatutnya tiba pukul 8 tetapi masih belum sampai.",
                "Maaf — van tersekat dalam kesesakan dan akan tiba dalam masa sejam.",
            ),
            (
                Locale::Sw,
                "Uwasilishaji umechelewa tena",
                "Agizo langu la mkate lilipaswa kufika saa mbili na bado halijafika.",
                "Samahani — gari limekwama kwenye msongamano na litafika ndani ya saa moja.",
            ),
            (
                Locale::Ar,
                "تأخر التوصيل مرة أخرى",
                "كان من المفترض أن يصل طلب الخبز في الثامنة ولم يصل بعد.",
                "نعتذر — الشاحنة عالقة في الزحام وستصلك خلال ساعة.",
            ),
            (
                Locale::Vi,
                "Giao hàng lại bị trễ",
                "Đơn bánh mì của tôi lẽ ra đến lúc 8 giờ mà giờ vẫn chưa tới.",
                "Xin lỗi bạn — xe giao hàng bị kẹt xe và sẽ đến trong vòng một giờ.",
            ),
        ],
    },
    Topic {
        tag: "refund",
        lines: [
            (
                Locale::En,
                "Refund for a stale loaf",
                "The sourdough I bought yesterday was stale. Can I have my money back?",
                "Of course — we have refunded the loaf to your card. Sorry it was not up to standard.",
            ),
            (
                Locale::Cy,
                "Ad-daliad am dorth hen",
                "Roedd y bara surdoes a brynais ddoe yn hen. Ga i fy arian yn ôl?",
                "Wrth gwrs — rydym wedi ad-dalu'r dorth i'ch cerdyn. Mae'n ddrwg gennym.",
            ),
            (
                Locale::Ms,
                "Bayaran balik untuk roti basi",
                "Roti masam yang saya beli semalam sudah basi. Boleh saya dapatkan wang saya semula?",
                "Sudah tentu — kami telah memulangkan bayaran ke kad anda. Maaf atas kesulitan.",
            ),
            (
                Locale::Sw,
                "Kurudishiwa pesa kwa mkate uliochakaa",
                "Mkate niliyonunua jana ulikuwa umechakaa. Naweza kurudishiwa pesa?",
                "Bila shaka — tumerudisha pesa kwenye kadi yako. Samahani sana.",
            ),
            (
                Locale::Ar,
                "استرداد ثمن رغيف قديم",
                "كان خبز العجين المخمر الذي اشتريته أمس قديمًا. هل يمكنني استرداد المبلغ؟",
                "بالتأكيد — أعدنا المبلغ إلى بطاقتك. نعتذر عن ذلك.",
            ),
            (
                Locale::Vi,
                "Hoàn tiền cho ổ bánh cũ",
                "Ổ bánh mì chua tôi mua hôm qua bị cũ. Tôi có thể được hoàn tiền không?",
                "Tất nhiên — chúng tôi đã hoàn tiền vào thẻ của bạn. Rất xin lỗi.",
            ),
        ],
    },
    Topic {
        tag: "order change",
        lines: [
            (
                Locale::En,
                "Change my cake order",
                "Can I change the birthday cake for Saturday from chocolate to lemon?",
                "Yes — it is changed to lemon, same time on Saturday.",
            ),
            (
                Locale::Cy,
                "Newid fy archeb gacen",
                "Alla i newid y gacen pen-blwydd ddydd Sadwrn o siocled i lemwn?",
                "Gallwch — mae wedi'i newid i lemwn, yr un amser ddydd Sadwrn.",
            ),
            (
                Locale::Ms,
                "Tukar pesanan kek saya",
                "Boleh saya tukar kek hari jadi untuk Sabtu daripada coklat kepada lemon?",
                "Boleh — sudah ditukar kepada lemon, masa yang sama pada hari Sabtu.",
            ),
            (
                Locale::Sw,
                "Badilisha agizo langu la keki",
                "Naweza kubadilisha keki ya siku ya kuzaliwa ya Jumamosi kutoka chokoleti hadi limau?",
                "Ndiyo — imebadilishwa kuwa limau, saa ileile Jumamosi.",
            ),
            (
                Locale::Ar,
                "تعديل طلب الكعكة",
                "هل يمكنني تغيير كعكة عيد الميلاد يوم السبت من الشوكولاتة إلى الليمون؟",
                "نعم — تم تغييرها إلى الليمون، في الموعد نفسه يوم السبت.",
            ),
            (
                Locale::Vi,
                "Đổi đơn bánh kem",
                "Tôi có thể đổi bánh sinh nhật thứ Bảy từ sô-cô-la sang chanh không?",
                "Được ạ — đã đổi sang vị chanh, cùng giờ vào thứ Bảy.",
            ),
        ],
    },
    Topic {
        tag: "allergens",
        lines: [
            (
                Locale::En,
                "Allergen question about the seeded rye",
                "Does the seeded rye contain sesame? My son is allergic.",
                "It does contain sesame, so please avoid it; the plain rye is made without.",
            ),
            (
                Locale::Cy,
                "Cwestiwn alergen am y bara rhyg hadau",
                "Oes sesame yn y bara rhyg hadau? Mae gan fy mab alergedd.",
                "Oes, mae sesame ynddo, felly osgowch ef; mae'r rhyg plaen hebddo.",
            ),
            (
                Locale::Ms,
                "Soalan alergen tentang roti rai berbiji",
                "Adakah roti rai berbiji mengandungi bijan? Anak saya alah.",
                "Ya, ia mengandungi bijan, jadi sila elakkan; roti rai biasa dibuat tanpanya.",
            ),
            (
                Locale::Sw,
                "Swali la mzio kuhusu mkate wa rai wenye mbegu",
                "Je, mkate wa rai wenye mbegu una ufuta? Mwanangu ana mzio.",
                "Ndiyo, una ufuta, kwa hivyo epuka; rai wa kawaida hutengenezwa bila ufuta.",
            ),
            (
                Locale::Ar,
                "سؤال عن مسببات الحساسية في خبز الجاودار بالبذور",
                "هل يحتوي خبز الجاودار بالبذور على السمسم؟ ابني يعاني من الحساسية.",
                "نعم يحتوي على السمسم، لذا يرجى تجنبه؛ الجاودار العادي بدون سمسم.",
            ),
            (
                Locale::Vi,
                "Câu hỏi về chất gây dị ứng trong bánh lúa mạch đen",
                "Bánh lúa mạch đen có hạt có chứa mè không? Con trai tôi bị dị ứng.",
                "Có chứa mè, nên xin tránh loại này; bánh lúa mạch đen thường thì không có.",
            ),
        ],
    },
    Topic {
        tag: "payment",
        lines: [
            (
                Locale::En,
                "Payment failed at checkout",
                "The web shop took me to the card step and then showed an error. Was I charged?",
                "You were not charged; the payment form is fixed now, please try again.",
            ),
            (
                Locale::Cy,
                "Methodd y taliad wrth dalu",
                "Aeth y siop ar-lein â fi at y cam cerdyn ac yna dangos gwall. Ges i fy nghodi?",
                "Naddo; mae'r ffurflen dalu wedi'i thrwsio, rhowch gynnig arall arni.",
            ),
            (
                Locale::Ms,
                "Pembayaran gagal semasa bayar",
                "Kedai web membawa saya ke langkah kad kemudian menunjukkan ralat. Adakah saya dicaj?",
                "Anda tidak dicaj; borang pembayaran sudah dibaiki, sila cuba lagi.",
            ),
            (
                Locale::Sw,
                "Malipo yalishindwa wakati wa kulipa",
                "Duka la mtandaoni lilinipeleka kwenye hatua ya kadi kisha likaonyesha hitilafu. Nimetozwa?",
                "Hukutozwa; fomu ya malipo imerekebishwa, tafadhali jaribu tena.",
            ),
            (
                Locale::Ar,
                "فشل الدفع عند إتمام الطلب",
                "نقلني المتجر الإلكتروني إلى خطوة البطاقة ثم ظهر خطأ. هل تم خصم المبلغ؟",
                "لم يُخصم أي مبلغ؛ تم إصلاح نموذج الدفع، يرجى المحاولة مرة أخرى.",
            ),
            (
                Locale::Vi,
                "Thanh toán thất bại",
                "Cửa hàng trực tuyến đưa tôi đến bước nhập thẻ rồi báo lỗi. Tôi có bị trừ tiền không?",
                "Bạn không bị trừ tiền; biểu mẫu thanh toán đã được sửa, vui lòng thử lại.",
            ),
        ],
    },
];

/// Customers by language: (local part of their address, name).
static CUSTOMERS: [(Locale, &[(&str, &str)]); 6] = [
    (
        Locale::En,
        &[
            ("amy.clarke", "Amy Clarke"),
            ("tom.evans", "Tom Evans"),
            ("priya.shah", "Priya Shah"),
            ("joe.wood", "Joe Wood"),
        ],
    ),
    (
        Locale::Cy,
        &[
            ("gwen.roberts", "Gwen Roberts"),
            ("dafydd.lloyd", "Dafydd Lloyd"),
            ("nia.owen", "Nia Owen"),
        ],
    ),
    (
        Locale::Ms,
        &[
            ("aisyah.rahman", "Aisyah Rahman"),
            ("hafiz.ismail", "Hafiz Ismail"),
        ],
    ),
    (
        Locale::Sw,
        &[
            ("amina.juma", "Amina Juma"),
            ("baraka.otieno", "Baraka Otieno"),
        ],
    ),
    (
        Locale::Ar,
        &[
            ("omar.haddad", "Omar Haddad"),
            ("layla.nasser", "Layla Nasser"),
        ],
    ),
    (
        Locale::Vi,
        &[("linh.nguyen", "Linh Nguyễn"), ("minh.tran", "Minh Trần")],
    ),
];

/// The bad stretch of the story: days ago, from and to.
pub(crate) const BAD_FROM_DAYS: i64 = 7 * 30;
pub(crate) const BAD_TO_DAYS: i64 = 4 * 30;

/// Who answers each channel: (agent name as the members are called, team).
fn staff(channel: Channel, r: &mut Rng) -> (&'static str, &'static str) {
    match channel {
        Channel::Phone => ("Megan Hughes", "Shop team Aberystwyth"),
        Channel::Chat if r.chance(60) => ("Rhys Pritchard", "Web shop"),
        Channel::Chat => ("Siân Morgan", "Shop team Cardiff"),
        _ if r.chance(50) => ("Rhys Pritchard", "Delivery"),
        _ => ("Siân Morgan", "Web shop"),
    }
}

fn rfc(t: OffsetDateTime) -> String {
    t.format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

/// Every customer's address in the demo's support story, with their name and language.
pub(crate) fn customers() -> Vec<(String, &'static str, Locale)> {
    let mut out = Vec::new();
    for (locale, people) in &CUSTOMERS {
        for (local, name) in people.iter() {
            out.push((format!("{local}@example.com"), *name, *locale));
        }
    }
    // More customers, by number, in the same languages, for the lifecycle figures.
    for i in 0..300 {
        let locale = Locale::ALL[i % Locale::ALL.len()];
        out.push((format!("customer{i:03}@example.com"), "", locale));
    }
    out
}

pub async fn seed_conversations(
    store: &dyn Store,
    ws: WorkspaceId,
    journeys: &[Journey],
) -> Result<()> {
    let touchpoints: Vec<(Channel, taith_domain::TouchpointId)> = journeys
        .iter()
        .flat_map(|j| &j.touchpoints)
        .filter(|t| {
            matches!(
                t.fields.channel,
                Channel::Phone | Channel::Email | Channel::Chat
            )
        })
        .map(|t| (t.fields.channel, t.id))
        .collect();
    let channels = [Channel::Chat, Channel::Chat, Channel::Email, Channel::Phone];
    let people = customers();
    let now = taith_domain::now();
    let mut r = Rng(0x5eed_c0de_2026);
    let mut batch: Vec<NewConversation> = Vec::new();
    for n in 0..960u64 {
        let days_ago = i64::try_from(r.below(365)).unwrap_or(0);
        let created = now
            - Duration::days(days_ago)
            - Duration::minutes(i64::try_from(r.below(9 * 60)).unwrap_or(0) + 8 * 60);
        let created = created.replace_nanosecond(0).unwrap_or(created);
        let bad = (BAD_TO_DAYS..BAD_FROM_DAYS).contains(&days_ago);
        let channel = channels[usize::try_from(r.below(4)).unwrap_or(0)];
        let (email, name, locale) =
            &people[usize::try_from(r.below(people.len() as u64)).unwrap_or(0)];
        let topic = &TOPICS[usize::try_from(r.below(TOPICS.len() as u64)).unwrap_or(0)];
        let (_, subject, question, answer) = topic
            .lines
            .iter()
            .find(|(l, ..)| l == locale)
            .copied()
            .unwrap_or(topic.lines[0]);
        // First reply in minutes: phone at once, chat in minutes (much slower in the bad
        // stretch), e-mail within the working day.
        let first = match channel {
            Channel::Phone => 1 + r.below(4),
            Channel::Chat if bad => 45 + r.below(240),
            Channel::Chat => 2 + r.below(15),
            _ => 60 + r.below(if bad { 1_800 } else { 600 }),
        };
        let unanswered = days_ago < 2 && r.chance(40);
        let first_at = created + Duration::minutes(i64::try_from(first).unwrap_or(0));
        let resolved_at =
            first_at + Duration::minutes(i64::try_from(r.below(2_000)).unwrap_or(0) + 5);
        let open = unanswered || (days_ago < 4 && r.chance(50));
        let reopened = !open && r.chance(if bad { 18 } else { 6 });
        let (agent, team) = staff(channel, &mut r);
        let tp = touchpoints
            .iter()
            .find(|(c, _)| *c == channel)
            .map(|(_, t)| t.to_string());
        let mut messages = vec![MessageInput {
            direction: "in".into(),
            author: (!name.is_empty()).then(|| (*name).to_owned()),
            at: Some(rfc(created)),
            body: question.to_owned(),
        }];
        if !unanswered {
            messages.push(MessageInput {
                direction: "out".into(),
                author: Some(agent.to_owned()),
                at: Some(rfc(first_at)),
                body: answer.to_owned(),
            });
        }
        let input = ConversationInput {
            external_id: Some(format!("demo-{n:04}")),
            channel: channel.as_str().to_owned(),
            subject: subject.to_owned(),
            customer: Some(email.clone()),
            agent: Some(agent.to_owned()),
            team: Some(team.to_owned()),
            tags: vec![topic.tag.to_owned()],
            satisfaction: (!open && r.chance(40)).then(|| {
                serde_json::Value::from(if bad { 1 + r.below(4) } else { 3 + r.below(3) })
            }),
            locale: Some(locale.tag().to_owned()),
            touchpoint_id: tp,
            created_at: Some(rfc(created)),
            resolved_at: (!open).then(|| rfc(resolved_at)),
            reopens: Some(u32::from(reopened)),
            messages,
            ..ConversationInput::default()
        };
        let checked = NewConversation::parse(&input, now)
            .map_err(|e| anyhow::anyhow!("demo conversation {n}: {e}"))?;
        batch.push(checked);
        if batch.len() == 120 {
            taith_app::conversations::record_checked(store, ws, &batch)
                .await
                .context("storing the demo conversations")?;
            batch.clear();
        }
    }
    if !batch.is_empty() {
        taith_app::conversations::record_checked(store, ws, &batch)
            .await
            .context("storing the demo conversations")?;
    }
    Ok(())
}
