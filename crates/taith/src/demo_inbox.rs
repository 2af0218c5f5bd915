//! The demo bakery-café's inbox as the staff work it this morning: canned replies in the six
//! languages, a handful of fresh conversations on every kind of channel (chat, phone, social,
//! SMS, in the café, the web shop's form) with priorities, labels, private notes, one snoozed
//! until tomorrow, some assigned to a member and/or a team, and two e-mail threads received as
//! mail is (Message-ID, In-Reply-To, References recorded by `taith_app::mail_in`), one with a
//! photo attached and one answered by an out-of-office auto-reply that nothing answers.
//!
//! Everything goes through the use-cases the pages call (`taith_app::inbox`,
//! `taith_app::conversations`, `taith_app::mail_in`); only the sending of the e-mail reply is
//! recorded as the reply worker records it, so that the demo never mails anyone.

use anyhow::{Context, Result, anyhow};
use taith_app::inbox::{self, canned};
use taith_app::mail_in::{self, MailIn};
use taith_domain::{
    CannedReplyInput, ConversationId, ConversationInput, InboxUpdateInput, Locale, MessageInput,
    NewConversation, Principal, UserId, WorkspaceId,
};
use taith_store::{MailRecord, Store};
use time::{Duration, OffsetDateTime};

/// A canned reply: its title, its shortcut, and its body in each of the six languages.
type Canned = (&'static str, &'static str, [(Locale, &'static str); 6]);

static CANNED: [Canned; 4] = [
    (
        "Thanks for your order",
        "thanks",
        [
            (
                Locale::En,
                "Diolch — thank you for your order! It is baked fresh on the morning you collect it or we deliver it. Siân and the team at Becws Bara Brith",
            ),
            (
                Locale::Cy,
                "Diolch yn fawr am eich archeb! Caiff ei phobi'n ffres ar fore'r casglu neu'r dosbarthu. Siân a'r tîm yn Becws Bara Brith",
            ),
            (
                Locale::Ms,
                "Terima kasih atas pesanan anda! Ia dibakar segar pada pagi anda mengambilnya atau kami menghantarnya. Siân dan pasukan Becws Bara Brith",
            ),
            (
                Locale::Sw,
                "Asante kwa agizo lako! Linaokwa likiwa jipya asubuhi ya siku utakayolichukua au tutakayolileta. Siân na timu ya Becws Bara Brith",
            ),
            (
                Locale::Ar,
                "شكرًا لطلبك! نخبزه طازجًا صباح يوم استلامه أو توصيله. سيان وفريق مخبز بِكوس بارا بريث",
            ),
            (
                Locale::Vi,
                "Cảm ơn bạn đã đặt hàng! Bánh được nướng mới vào buổi sáng bạn đến lấy hoặc chúng tôi giao. Siân và đội ngũ Becws Bara Brith",
            ),
        ],
    ),
    (
        "Delivery times",
        "delivery",
        [
            (
                Locale::En,
                "Our van delivers around Cardiff from 7am to 11am, Tuesday to Saturday. Orders placed by 2pm go out the next morning.",
            ),
            (
                Locale::Cy,
                "Mae ein fan yn dosbarthu o gwmpas Caerdydd rhwng 7am ac 11am, dydd Mawrth i ddydd Sadwrn. Mae archebion a wneir erbyn 2pm yn mynd allan y bore wedyn.",
            ),
            (
                Locale::Ms,
                "Van kami menghantar di sekitar Cardiff dari pukul 7 hingga 11 pagi, Selasa hingga Sabtu. Pesanan sebelum pukul 2 petang dihantar keesokan paginya.",
            ),
            (
                Locale::Sw,
                "Gari letu husambaza kote Cardiff kuanzia saa moja hadi saa tano asubuhi, Jumanne hadi Jumamosi. Maagizo yanayotolewa kabla ya saa nane mchana hutumwa asubuhi inayofuata.",
            ),
            (
                Locale::Ar,
                "تُوصل شاحنتنا الطلبات في أنحاء كارديف من السابعة حتى الحادية عشرة صباحًا، من الثلاثاء إلى السبت. الطلبات قبل الثانية ظهرًا تخرج صباح اليوم التالي.",
            ),
            (
                Locale::Vi,
                "Xe của chúng tôi giao hàng quanh Cardiff từ 7 giờ đến 11 giờ sáng, thứ Ba đến thứ Bảy. Đơn đặt trước 2 giờ chiều sẽ được giao sáng hôm sau.",
            ),
        ],
    ),
    (
        "Allergens",
        "allergens",
        [
            (
                Locale::En,
                "Every loaf and cake has its allergens on the label and on the web shop. We bake with wheat, nuts and sesame in one bakehouse, so we cannot promise anything is free of traces.",
            ),
            (
                Locale::Cy,
                "Mae alergenau pob torth a chacen ar y label ac ar y siop ar-lein. Rydym yn pobi gyda gwenith, cnau a sesame yn yr un becws, felly allwn ni ddim addo nad oes olion.",
            ),
            (
                Locale::Ms,
                "Setiap roti dan kek mempunyai senarai alergen pada label dan di kedai web. Kami membakar dengan gandum, kacang dan bijan di dapur yang sama, jadi kami tidak dapat menjamin bebas kesan.",
            ),
            (
                Locale::Sw,
                "Kila mkate na keki ina orodha ya vizio kwenye lebo na kwenye duka la mtandaoni. Tunaoka kwa ngano, karanga na ufuta katika jiko moja, kwa hivyo hatuwezi kuahidi hakuna chembechembe.",
            ),
            (
                Locale::Ar,
                "مسببات الحساسية مذكورة على ملصق كل رغيف وكعكة وفي المتجر الإلكتروني. نخبز بالقمح والمكسرات والسمسم في مخبز واحد، لذا لا يمكننا ضمان خلو أي منتج من الآثار.",
            ),
            (
                Locale::Vi,
                "Mỗi ổ bánh và bánh ngọt đều ghi chất gây dị ứng trên nhãn và trên cửa hàng trực tuyến. Chúng tôi nướng bánh có lúa mì, các loại hạt và mè trong cùng một lò, nên không thể cam kết hoàn toàn không có dấu vết.",
            ),
        ],
    ),
    (
        "Café opening hours",
        "hours",
        [
            (
                Locale::En,
                "The café in Cardiff is open 8am to 4pm, Tuesday to Sunday; Aberystwyth 8am to 3pm, Tuesday to Saturday. Tables for six or more can be booked by phone.",
            ),
            (
                Locale::Cy,
                "Mae'r caffi yng Nghaerdydd ar agor 8am tan 4pm, dydd Mawrth i ddydd Sul; Aberystwyth 8am tan 3pm, dydd Mawrth i ddydd Sadwrn. Gellir cadw bwrdd i chwech neu fwy dros y ffôn.",
            ),
            (
                Locale::Ms,
                "Kafe di Cardiff dibuka 8 pagi hingga 4 petang, Selasa hingga Ahad; Aberystwyth 8 pagi hingga 3 petang, Selasa hingga Sabtu. Meja untuk enam orang atau lebih boleh ditempah melalui telefon.",
            ),
            (
                Locale::Sw,
                "Mkahawa wa Cardiff hufunguliwa saa mbili asubuhi hadi saa kumi jioni, Jumanne hadi Jumapili; Aberystwyth saa mbili hadi saa tisa, Jumanne hadi Jumamosi. Meza ya watu sita au zaidi inaweza kuwekwa kwa simu.",
            ),
            (
                Locale::Ar,
                "يفتح المقهى في كارديف من الثامنة صباحًا حتى الرابعة عصرًا، من الثلاثاء إلى الأحد؛ وفي أبيريستويث من الثامنة حتى الثالثة، من الثلاثاء إلى السبت. يمكن حجز طاولة لستة أشخاص أو أكثر بالهاتف.",
            ),
            (
                Locale::Vi,
                "Quán cà phê ở Cardiff mở cửa từ 8 giờ sáng đến 4 giờ chiều, thứ Ba đến Chủ nhật; Aberystwyth từ 8 giờ đến 3 giờ chiều, thứ Ba đến thứ Bảy. Bàn từ sáu người trở lên có thể đặt qua điện thoại.",
            ),
        ],
    ),
];

/// A fresh conversation of this morning and how the staff work it.
struct Fresh {
    key: &'static str,
    channel: &'static str,
    locale: Locale,
    customer: &'static str,
    name: &'static str,
    subject: &'static str,
    /// Minutes ago the customer wrote.
    minutes_ago: i64,
    question: &'static str,
    /// A member's first answer (by the assignee), when there is one.
    answer: Option<&'static str>,
    status: &'static str,
    priority: &'static str,
    /// The member (by the demo's key) and team it is assigned to.
    assignee: Option<&'static str>,
    team: Option<&'static str>,
    labels: &'static [&'static str],
    /// A private note, by a member (key).
    note: Option<(&'static str, &'static str)>,
}

static FRESH: [Fresh; 7] = [
    Fresh {
        key: "gluten-free",
        channel: "chat",
        locale: Locale::Sw,
        customer: "amina.juma@example.com",
        name: "Amina Juma",
        subject: "Mkate usio na gluteni leo?",
        minutes_ago: 12,
        question: "Habari! Je, mna mkate usio na gluteni leo katika duka la Cardiff? Ninahitaji mikate miwili kwa ajili ya sherehe ya binti yangu.",
        answer: None,
        status: "open",
        priority: "high",
        assignee: Some("rhys"),
        team: Some("Web shop"),
        labels: &["allergens", "gluten-free"],
        note: Some((
            "rhys",
            "Bakehouse says two gluten-free loaves are left at Cardiff; asking Siân whether we can hold them until 3pm.",
        )),
    },
    Fresh {
        key: "chapel",
        channel: "phone",
        locale: Locale::Cy,
        customer: "dafydd.lloyd@example.com",
        name: "Dafydd Lloyd",
        subject: "Pice ar y maen i'r capel ddydd Sadwrn",
        minutes_ago: 95,
        question: "Ffoniodd Dafydd: mae eisiau 60 pice ar y maen a dwy dorth bara brith i fore coffi'r capel ddydd Sadwrn, i'w casglu am 9.",
        answer: Some(
            "Diolch Dafydd — rydym wedi nodi'r archeb. Byddwn yn cadarnhau'r pris erbyn dydd Iau.",
        ),
        status: "pending",
        priority: "normal",
        assignee: Some("megan"),
        team: Some("Shop team Aberystwyth"),
        labels: &["order", "chapel"],
        note: Some((
            "megan",
            "Waiting for Dafydd to confirm the numbers after Sunday's service; price quoted as last year's.",
        )),
    },
    Fresh {
        key: "gelatine",
        channel: "social",
        locale: Locale::Ar,
        customer: "layla.nasser@example.com",
        name: "Layla Nasser",
        subject: "هل تحتوي المعجنات على الجيلاتين؟",
        minutes_ago: 40,
        question: "مرحبًا، رأيت صورة كعكة الليمون على إنستغرام. هل تحتوي على الجيلاتين أو أي مكونات من لحم الخنزير؟",
        answer: None,
        status: "open",
        priority: "urgent",
        assignee: None,
        team: Some("Web shop"),
        labels: &["ingredients", "instagram"],
        note: Some((
            "sian",
            "The lemon tart's glaze has no gelatine since March; check the label on the web shop before answering.",
        )),
    },
    Fresh {
        key: "table",
        channel: "chat",
        locale: Locale::Vi,
        customer: "linh.nguyen@example.com",
        name: "Linh Nguyễn",
        subject: "Đặt bàn cho 6 người thứ Bảy",
        minutes_ago: 180,
        question: "Chào quán, tôi muốn đặt bàn cho 6 người lúc 10 giờ sáng thứ Bảy ở quán Cardiff. Có được không ạ?",
        answer: Some(
            "Chào bạn Linh! Chúng tôi sẽ xác nhận bàn sau khi xếp lịch nhân viên thứ Bảy, trước 9 giờ sáng mai.",
        ),
        status: "snoozed",
        priority: "normal",
        assignee: Some("sian"),
        team: Some("Shop team Cardiff"),
        labels: &["café", "booking"],
        note: Some((
            "sian",
            "Snoozed until the Saturday rota is done tomorrow morning.",
        )),
    },
    Fresh {
        key: "snow",
        channel: "sms",
        locale: Locale::En,
        customer: "joe.wood@example.com",
        name: "Joe Wood",
        subject: "Is the van still coming in the snow?",
        minutes_ago: 25,
        question: "Morning — the roads up to Lisvane are icy. Is the van still coming with my order today?",
        answer: None,
        status: "open",
        priority: "urgent",
        assignee: Some("rhys"),
        team: Some("Delivery"),
        labels: &["delivery", "weather"],
        note: None,
    },
    Fresh {
        key: "vouchers",
        channel: "web",
        locale: Locale::En,
        customer: "priya.shah@example.com",
        name: "Priya Shah",
        subject: "Gift vouchers for the café?",
        minutes_ago: 300,
        question: "Do you sell gift vouchers that can be spent in the café and on the web shop? It's for my mum's birthday.",
        answer: None,
        status: "open",
        priority: "low",
        assignee: None,
        team: None,
        labels: &["vouchers"],
        note: None,
    },
    Fresh {
        key: "umbrella",
        channel: "in-store",
        locale: Locale::Ms,
        customer: "aisyah.rahman@example.com",
        name: "Aisyah Rahman",
        subject: "Payung tertinggal di kafe",
        minutes_ago: 600,
        question: "Saya tertinggal payung biru di meja tepi tingkap kafe Cardiff semalam. Adakah sesiapa menjumpainya?",
        answer: Some(
            "Ya, kami menjumpainya! Payung anda disimpan di kaunter; sila ambil bila-bila masa.",
        ),
        status: "resolved",
        priority: "low",
        assignee: Some("sian"),
        team: Some("Shop team Cardiff"),
        labels: &["lost property"],
        note: None,
    },
];

fn rfc(t: OffsetDateTime) -> String {
    t.format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

fn mail_date(t: OffsetDateTime) -> String {
    t.format(&time::format_description::well_known::Rfc2822)
        .unwrap_or_default()
}

/// A 1×1 PNG: the "photo" a customer attaches.
const PHOTO_PNG_BASE64: &str = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

pub async fn seed_inbox(
    store: &dyn Store,
    ws: WorkspaceId,
    members: &[(&str, UserId)],
) -> Result<()> {
    for (title, shortcut, bodies) in &CANNED {
        let input = CannedReplyInput {
            title: (*title).to_owned(),
            shortcut: Some((*shortcut).to_owned()),
            bodies: bodies
                .iter()
                .map(|(l, b)| (l.tag().to_owned(), (*b).to_owned()))
                .collect(),
        };
        canned::create(store, ws, &input)
            .await
            .map_err(|e| anyhow!("demo canned reply {title}: {e}"))?;
    }
    let people = store
        .members(ws)
        .await
        .context("reading the demo members")?;
    let principal = |key: &str| -> Result<Principal> {
        let id = members
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, id)| *id)
            .ok_or_else(|| anyhow!("no demo member {key}"))?;
        let m = people
            .iter()
            .find(|m| m.user.id == id)
            .ok_or_else(|| anyhow!("demo member {key} is not in the workspace"))?;
        Ok(Principal::Member {
            user: m.user.clone(),
            role: m.role,
        })
    };
    let now = taith_domain::now();
    let now = now.replace_nanosecond(0).unwrap_or(now);
    for f in &FRESH {
        let asked = now - Duration::minutes(f.minutes_ago);
        let mut messages = vec![MessageInput {
            direction: "in".into(),
            author: Some(f.name.to_owned()),
            at: Some(rfc(asked)),
            body: f.question.to_owned(),
        }];
        if let Some(answer) = f.answer {
            let by = principal(f.assignee.unwrap_or("sian"))?;
            messages.push(MessageInput {
                direction: "out".into(),
                author: Some(by.display_name()),
                at: Some(rfc(asked + Duration::minutes(6))),
                body: answer.to_owned(),
            });
        }
        let input = ConversationInput {
            external_id: Some(format!("demo-inbox-{}", f.key)),
            channel: f.channel.to_owned(),
            subject: f.subject.to_owned(),
            customer: Some(f.customer.to_owned()),
            locale: Some(f.locale.tag().to_owned()),
            created_at: Some(rfc(asked)),
            messages,
            ..ConversationInput::default()
        };
        let checked = NewConversation::parse(&input, now)
            .map_err(|e| anyhow!("demo inbox conversation {}: {e}", f.key))?;
        let saved = taith_app::conversations::record_checked(store, ws, &[checked])
            .await
            .map_err(|e| anyhow!("demo inbox conversation {}: {e}", f.key))?;
        let id = saved
            .first()
            .map(|(c, _)| c.id)
            .ok_or_else(|| anyhow!("demo inbox conversation {} was not saved", f.key))?;
        let assignee = match f.assignee {
            Some(key) => Some(principal(key)?.user_id().map(|u| u.to_string())),
            None => None,
        };
        let change = InboxUpdateInput {
            status: Some(f.status.to_owned()),
            snoozed_until: (f.status == "snoozed").then(|| rfc(tomorrow_at_nine(now))),
            assignee_id: assignee,
            team: f.team.map(|t| Some(t.to_owned())),
            priority: Some(f.priority.to_owned()),
            labels: Some(f.labels.iter().map(|l| (*l).to_owned()).collect()),
        };
        work(store, ws, id, &change, f.key).await?;
        if let Some((who, note)) = f.note {
            inbox::add_note(store, ws, id, &principal(who)?, note)
                .await
                .map_err(|e| anyhow!("demo inbox note on {}: {e}", f.key))?;
        }
    }
    seed_mail_threads(store, ws, &principal("sian")?, &principal("rhys")?, now).await
}

/// 09:00 UTC tomorrow.
fn tomorrow_at_nine(now: OffsetDateTime) -> OffsetDateTime {
    let day = now.date() + Duration::days(1);
    day.with_hms(9, 0, 0)
        .map_or(now + Duration::days(1), |t| t.assume_utc())
}

async fn work(
    store: &dyn Store,
    ws: WorkspaceId,
    id: ConversationId,
    change: &InboxUpdateInput,
    key: &str,
) -> Result<()> {
    inbox::update(store, ws, id, change)
        .await
        .map_err(|e| anyhow!("working demo inbox conversation {key}: {e}"))?;
    Ok(())
}

async fn receive(store: &dyn Store, ws: WorkspaceId, raw: &str) -> Result<ConversationId> {
    let got = mail_in::receive(store, &MailIn::default(), ws, raw.as_bytes())
        .await
        .map_err(|e| anyhow!("demo inbound mail: {e}"))?;
    Ok(got.conversation.id)
}

/// Two e-mail threads: Gwen's birthday cake (her mail, Siân's reply sent, her answer with a
/// photo attached, threaded by In-Reply-To/References), and Tom's café order answered by his
/// out-of-office auto-reply (recorded; nothing answers it by e-mail).
async fn seed_mail_threads(
    store: &dyn Store,
    ws: WorkspaceId,
    sian: &Principal,
    rhys: &Principal,
    now: OffsetDateTime,
) -> Result<()> {
    // Gwen's cake.
    let first = now - Duration::hours(26);
    let cake = receive(
        store,
        ws,
        &format!(
            "From: Gwen Roberts <gwen.roberts@example.com>\r\n\
             To: Becws Bara Brith <helo@becws.example>\r\n\
             Subject: Cacen pen-blwydd i Nain — 90 oed\r\n\
             Message-ID: <cacen-1@post.example.com>\r\n\
             Date: {}\r\n\
             MIME-Version: 1.0\r\n\
             Content-Type: text/plain; charset=utf-8\r\n\
             Content-Transfer-Encoding: 8bit\r\n\
             \r\n\
             Bore da,\r\n\
             \r\n\
             Mae Nain yn 90 oed ymhen pythefnos. Allwch chi bobi cacen bara brith fawr i tua 30 o bobl, gyda \"Penblwydd Hapus Nain\" arni?\r\n\
             \r\n\
             Diolch,\r\n\
             Gwen\r\n",
            mail_date(first)
        ),
    )
    .await?;
    let (_, reply, _) = inbox::reply(
        store,
        ws,
        cake,
        sian,
        "Bore da Gwen! Wrth gwrs — cacen bara brith i 30 gyda'r geiriau arni. Oes gennych chi lun o'r addurn yr hoffech chi?",
    )
    .await
    .map_err(|e| anyhow!("demo e-mail reply: {e}"))?;
    // Recorded as the reply worker records a sent reply: the demo mails no one.
    store
        .mark_mail_reply_sent(
            ws,
            &MailRecord {
                rfc_message_id: "reply-cacen-1@becws.example".to_owned(),
                conversation_id: cake,
                message_id: reply.id,
                direction: taith_domain::MessageDirection::Out,
                address: "gwen.roberts@example.com".to_owned(),
                no_reply: None,
                at: reply.at,
            },
        )
        .await
        .context("recording the demo e-mail reply as sent")?;
    let answered = receive(
        store,
        ws,
        &format!(
            "From: Gwen Roberts <gwen.roberts@example.com>\r\n\
             To: Becws Bara Brith <helo@becws.example>\r\n\
             Subject: Re: Cacen pen-blwydd i Nain — 90 oed\r\n\
             Message-ID: <cacen-2@post.example.com>\r\n\
             In-Reply-To: <reply-cacen-1@becws.example>\r\n\
             References: <cacen-1@post.example.com> <reply-cacen-1@becws.example>\r\n\
             Date: {}\r\n\
             MIME-Version: 1.0\r\n\
             Content-Type: multipart/mixed; boundary=\"cacen\"\r\n\
             \r\n\
             --cacen\r\n\
             Content-Type: text/plain; charset=utf-8\r\n\
             Content-Transfer-Encoding: 8bit\r\n\
             \r\n\
             Dyma lun o gacen gafodd hi llynedd — rhywbeth tebyg, gyda chennin Pedr melyn os gwelwch yn dda.\r\n\
             \r\n\
             Gwen\r\n\
             --cacen\r\n\
             Content-Type: image/png; name=\"cacen-llynedd.png\"\r\n\
             Content-Disposition: attachment; filename=\"cacen-llynedd.png\"\r\n\
             Content-Transfer-Encoding: base64\r\n\
             \r\n\
             {PHOTO_PNG_BASE64}\r\n\
             --cacen--\r\n",
            mail_date(now - Duration::hours(3))
        ),
    )
    .await?;
    if answered != cake {
        return Err(anyhow!("the demo's e-mail answer did not join its thread"));
    }
    work(
        store,
        ws,
        cake,
        &InboxUpdateInput {
            assignee_id: sian.user_id().map(|u| Some(u.to_string())),
            team: Some(Some("Bakehouse".to_owned())),
            priority: Some("high".to_owned()),
            labels: Some(vec!["cake".to_owned(), "order".to_owned()]),
            ..InboxUpdateInput::default()
        },
        "cacen",
    )
    .await?;
    inbox::add_note(
        store,
        ws,
        cake,
        sian,
        "Daffodils in yellow fondant: ask the bakehouse on Monday if we can do 30 by the 14th.",
    )
    .await
    .map_err(|e| anyhow!("demo e-mail note: {e}"))?;

    // Tom's café order and his out-of-office.
    let order = receive(
        store,
        ws,
        &format!(
            "From: Tom Evans <tom.evans@example.com>\r\n\
             To: Becws Bara Brith <helo@becws.example>\r\n\
             Subject: Weekly bara brith for our café?\r\n\
             Message-ID: <weekly-1@mail.example.com>\r\n\
             Date: {}\r\n\
             Content-Type: text/plain; charset=utf-8\r\n\
             \r\n\
             Hello, I run a small café in Penarth. Could you deliver ten bara brith loaves every Friday, and what would the trade price be?\r\n\
             \r\n\
             Tom\r\n",
            mail_date(now - Duration::hours(7))
        ),
    )
    .await?;
    receive(
        store,
        ws,
        &format!(
            "From: Tom Evans <tom.evans@example.com>\r\n\
             To: Becws Bara Brith <helo@becws.example>\r\n\
             Subject: Automatic reply: Weekly bara brith for our café?\r\n\
             Message-ID: <ooo-1@mail.example.com>\r\n\
             In-Reply-To: <weekly-1@mail.example.com>\r\n\
             References: <weekly-1@mail.example.com>\r\n\
             Auto-Submitted: auto-replied\r\n\
             Date: {}\r\n\
             Content-Type: text/plain; charset=utf-8\r\n\
             \r\n\
             I am away until Monday with limited access to e-mail.\r\n",
            mail_date(now - Duration::hours(6))
        ),
    )
    .await?;
    work(
        store,
        ws,
        order,
        &InboxUpdateInput {
            assignee_id: rhys.user_id().map(|u| Some(u.to_string())),
            team: Some(Some("Delivery".to_owned())),
            priority: Some("normal".to_owned()),
            labels: Some(vec!["wholesale".to_owned()]),
            ..InboxUpdateInput::default()
        },
        "weekly",
    )
    .await?;
    inbox::add_note(
        store,
        ws,
        order,
        rhys,
        "His auto-reply says he is away until Monday: ring him then with the trade price list.",
    )
    .await
    .map_err(|e| anyhow!("demo e-mail note: {e}"))?;
    Ok(())
}
