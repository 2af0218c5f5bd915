//! The demo workspace: a small Welsh bakery, so that a newcomer sees a living product in one
//! command (`taith demo`, `taith serve --demo`; DESIGN §8).
//!
//! *Becws Bara Brith* bakes in Cardiff, runs shops in Cardiff and Aberystwyth, and sells
//! through a web shop with its own delivery van around Cardiff. The workspace holds four
//! members (one per role that matters day to day), two personas and one journey map for each:
//! a five-stage map of a commuter's web-shop order, and a seven-stage map of a Welsh-speaking
//! regular's phone order for his chapel's coffee morning. Three live surveys on their
//! touchpoints hold a year of responses (`demo_surveys`).
//!
//! The content lives in tables at the end of this file; the code above them only turns rows
//! into domain values and stores them. The sign-in is public on purpose ([`DEMO_EMAIL`],
//! [`DEMO_PASSWORD`]): never seed the demo into a store that holds real customers' data on a
//! server others can reach.

use anyhow::{Context, Result, anyhow, ensure};
use taith_domain::{
    Change, Channel, Email, EmotionScore, Journey, JourneyFields, LongText, Name, Owner,
    PersonaFields, PersonaId, Role, Slug, StageFields, StageModel, TouchpointFields, UserId,
};
use taith_store::{Author, ConflictKind, NewUser, Store, StoreError};

/// The demo workspace's slug.
pub const DEMO_SLUG: &str = "demo";
/// The demo owner's sign-in (Siân Morgan, who runs the bakery).
pub const DEMO_EMAIL: &str = "sian@becws.example";
/// The demo's password, shared by every demo member. Public and documented: it is a demo.
pub const DEMO_PASSWORD: &str = "taith-demo-2026";

/// The business's name, as the workspace is called.
const BUSINESS: &str = "Becws Bara Brith";
/// The reserved domain (RFC 2606 `.example`) of every demo address.
const DOMAIN: &str = "becws.example";

/// How to sign in to the demo, and whether this call created it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoCredentials {
    pub email: String,
    pub password: String,
    pub slug: String,
    /// False when the demo workspace already existed and was left as it was.
    pub created: bool,
}

/// Creates the demo workspace unless a workspace with slug [`DEMO_SLUG`] exists, in which case
/// nothing is changed and `created` is false.
///
/// `password_hash` is the PHC hash of [`DEMO_PASSWORD`]; every demo member gets it. If a user
/// with a demo address already exists, the store reuses that user and keeps their password.
/// Seeding is several store calls, not one transaction: should one fail, the error is
/// returned and the partly seeded workspace stays (delete it to seed again).
pub async fn seed_demo(store: &dyn Store, password_hash: &str) -> Result<DemoCredentials> {
    let credentials = |created| DemoCredentials {
        email: DEMO_EMAIL.to_owned(),
        password: DEMO_PASSWORD.to_owned(),
        slug: DEMO_SLUG.to_owned(),
        created,
    };
    let slug = Slug::parse(DEMO_SLUG).map_err(|i| anyhow!("demo slug: {}", i.code()))?;
    match store.workspace_by_slug(&slug).await {
        Ok(_) => return Ok(credentials(false)),
        Err(StoreError::NotFound) => {}
        Err(e) => return Err(e).context("looking up the demo workspace"),
    }

    let new_user = |key: &str, full_name: &str| -> Result<NewUser> {
        Ok(NewUser {
            email: email(key)?,
            name: name(full_name)?,
            password_hash: password_hash.to_owned(),
        })
    };
    let (ws, owner) = match store
        .create_workspace(&slug, &name(BUSINESS)?, new_user(OWNER.key, OWNER.name)?)
        .await
    {
        Ok(created) => created,
        // Another process seeded it between the look-up and now: theirs stands.
        Err(StoreError::Conflict(ConflictKind::SlugTaken)) => return Ok(credentials(false)),
        Err(e) => return Err(e).context("creating the demo workspace"),
    };

    let mut members = vec![(OWNER.key, owner.id)];
    for person in &STAFF {
        let member = store
            .add_member(ws.id, new_user(person.key, person.name)?, person.role)
            .await
            .with_context(|| format!("adding demo member {}", person.name))?;
        members.push((person.key, member.user.id));
    }

    let mut personas = Vec::new();
    for row in &PERSONAS {
        let persona = store
            .create_persona(ws.id, &persona_fields(row)?)
            .await
            .with_context(|| format!("creating demo persona {}", row.name))?;
        personas.push((row.key, persona.id));
    }

    let author = Author {
        user_id: Some(owner.id),
        name: owner.name.to_string(),
    };
    let now = taith_domain::now();
    let mut journeys = Vec::new();
    for row in &JOURNEYS {
        let persona = personas
            .iter()
            .find(|(key, _)| *key == row.persona)
            .map(|(_, id)| *id);
        let journey = build_journey(row, persona, &members, now)?;
        let saved = store
            .create_journey(ws.id, &journey, &author, &[Change::Created])
            .await
            .with_context(|| format!("creating demo journey {}", row.name))?;
        journeys.push(saved);
    }
    crate::demo_surveys::seed_surveys(store, ws.id, &journeys, BUSINESS).await?;
    crate::demo_voc::seed_themes(store, ws.id).await?;
    crate::demo_feature_requests::seed_feature_requests(store, ws.id).await?;
    crate::demo_changes::seed_changes(store, ws.id).await?;
    crate::demo_cases::seed_cases(store, ws.id).await?;
    crate::demo_conversations::seed_conversations(store, ws.id, &journeys).await?;
    crate::demo_lifecycle::seed_lifecycle(store, ws.id).await?;
    crate::demo_alerts::seed_alerts(store, ws.id).await?;
    crate::demo_events::seed_site(store, ws.id).await?;
    crate::demo_webstats::seed_web_events(store, ws.id, &journeys).await?;
    crate::demo_signals::seed_signals(store, ws.id, &journeys).await?;
    crate::demo_articles::seed_articles(store, ws.id).await?;
    crate::demo_mentions::seed_mentions(store, ws.id).await?;
    crate::demo_bot::seed_bot(store, ws.id).await?;
    crate::demo_chat::seed_chats(store, ws.id).await?;
    crate::demo_contact::seed_contact(store, ws.id).await?;
    crate::demo_inbox::seed_inbox(store, ws.id, &members).await?;
    let names: Vec<(&str, &str)> = std::iter::once(&OWNER)
        .chain(STAFF.iter())
        .map(|p| (p.key, p.name))
        .collect();
    crate::demo_audit::seed_audit(store, ws.id, DEMO_SLUG, &members, &names).await?;
    // A bakery keeps answers, visits and conversations three years (its accountant's advice).
    store
        .set_data_retention(
            ws.id,
            taith_domain::DataRetention::parse(Some(36))
                .map_err(|_| anyhow::anyhow!("36 months is a valid retention"))?,
        )
        .await?;
    Ok(credentials(true))
}

// --- from rows to domain values -------------------------------------------------------------

fn name(s: &str) -> Result<Name> {
    Name::parse(s).map_err(|i| anyhow!("demo name {s:?}: {}", i.code()))
}

fn text(s: &str) -> Result<LongText> {
    LongText::parse(s).map_err(|i| anyhow!("demo text {s:?}: {}", i.code()))
}

/// Notes written one item per line, as the map shows them.
fn lines(items: &[&str]) -> Result<LongText> {
    text(&items.join("\n"))
}

fn email(key: &str) -> Result<Email> {
    let address = format!("{key}@{DOMAIN}");
    Email::parse(&address).map_err(|i| anyhow!("demo address {address:?}: {}", i.code()))
}

fn persona_fields(row: &PersonaRow) -> Result<PersonaFields> {
    Ok(PersonaFields {
        name: name(row.name)?,
        description: text(row.description)?,
        needs: lines(row.needs)?,
        goals: lines(row.goals)?,
        behaviours: lines(row.behaviours)?,
        pains: lines(row.pains)?,
        demographics: lines(row.demographics)?,
    })
}

fn stage_fields(row: &StageRow) -> Result<StageFields> {
    Ok(StageFields {
        name: name(row.name)?,
        actions: lines(row.actions)?,
        thoughts: lines(row.thoughts)?,
        emotions: text(row.emotions)?,
        emotion: Some(
            EmotionScore::new(row.emotion)
                .map_err(|i| anyhow!("demo emotion {}: {}", row.emotion, i.code()))?,
        ),
        pain_points: lines(row.pain_points)?,
        opportunities: lines(row.opportunities)?,
    })
}

fn owner(own: &Own, members: &[(&str, UserId)]) -> Result<Owner> {
    Ok(match own {
        Own::Member(key) => Owner::Member {
            user_id: members
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, id)| *id)
                .with_context(|| format!("demo owner {key:?} is not a member"))?,
        },
        Own::Team(team) => Owner::Team { name: name(team)? },
    })
}

/// A journey from its row: the model's stages, filled with the row's content, and the
/// touchpoints placed in the stages they name.
fn build_journey(
    row: &JourneyRow,
    persona_id: Option<PersonaId>,
    members: &[(&str, UserId)],
    now: time::OffsetDateTime,
) -> Result<Journey> {
    let keys = row.model.stage_keys();
    ensure!(
        row.stages.iter().map(|s| s.key).eq(keys.iter().copied()),
        "demo journey {:?}: its stages must follow the {} model",
        row.name,
        row.model.as_str()
    );
    let stages = row
        .stages
        .iter()
        .map(stage_fields)
        .collect::<Result<Vec<_>>>()?;
    let details = JourneyFields {
        name: name(row.name)?,
        description: text(row.description)?,
        persona_id,
    };
    let first = stages
        .first()
        .map(|s| s.name.clone())
        .context("a demo journey needs stages")?;
    // `Journey::new` lays out the model's stages; each then gets the row's content, in order.
    let mut journey = Journey::new(details, row.model, |_| first.clone(), now);
    for (stage, fields) in journey.stages.iter_mut().zip(stages) {
        stage.fields = fields;
    }
    for tp in row.touchpoints {
        let stage_id = keys
            .iter()
            .position(|k| *k == tp.stage)
            .and_then(|i| journey.stages.get(i))
            .map(|s| s.id)
            .with_context(|| format!("demo touchpoint {:?}: no stage {:?}", tp.name, tp.stage))?;
        let fields = TouchpointFields {
            name: name(tp.name)?,
            channel: tp.channel,
            owner: Some(owner(&tp.owner, members)?),
            description: text(tp.description)?,
            moment_of_truth: tp.moment_of_truth,
        };
        journey.add_touchpoint(stage_id, fields)?;
    }
    Ok(journey)
}

// --- the tables -----------------------------------------------------------------------------

/// A person in the demo workspace; their address is `{key}@becws.example`.
struct Person {
    key: &'static str,
    name: &'static str,
    role: Role,
}

/// Who is accountable for a touchpoint: a member (by [`Person::key`]) or a team.
enum Own {
    Member(&'static str),
    Team(&'static str),
}

struct PersonaRow {
    key: &'static str,
    name: &'static str,
    description: &'static str,
    needs: &'static [&'static str],
    goals: &'static [&'static str],
    behaviours: &'static [&'static str],
    pains: &'static [&'static str],
    demographics: &'static [&'static str],
}

struct StageRow {
    /// The stage model's key this stage stands for.
    key: &'static str,
    name: &'static str,
    /// −2 … 2.
    emotion: i8,
    emotions: &'static str,
    actions: &'static [&'static str],
    thoughts: &'static [&'static str],
    pain_points: &'static [&'static str],
    opportunities: &'static [&'static str],
}

struct TouchpointRow {
    /// The key of the stage it sits in.
    stage: &'static str,
    name: &'static str,
    channel: Channel,
    owner: Own,
    moment_of_truth: bool,
    description: &'static str,
}

struct JourneyRow {
    name: &'static str,
    description: &'static str,
    model: StageModel,
    /// The [`PersonaRow::key`] it is drawn for.
    persona: &'static str,
    stages: &'static [StageRow],
    touchpoints: &'static [TouchpointRow],
}

/// The owner, who signs in with [`DEMO_EMAIL`].
const OWNER: Person = Person {
    key: "sian",
    name: "Siân Morgan",
    role: Role::Owner,
};

/// Everyone else: operations and web shop (admin), the Aberystwyth shop supervisor who takes
/// phone orders (agent), and the bookkeeper (viewer).
static STAFF: [Person; 3] = [
    Person {
        key: "rhys",
        name: "Rhys Pritchard",
        role: Role::Admin,
    },
    Person {
        key: "megan",
        name: "Megan Hughes",
        role: Role::Agent,
    },
    Person {
        key: "owain",
        name: "Owain Jenkins",
        role: Role::Viewer,
    },
];

static PERSONAS: [PersonaRow; 2] = [
    PersonaRow {
        key: "cerys",
        name: "Cerys — Cardiff commuter ordering online",
        description: "Works full time in Cardiff Bay and commutes by train from Canton. She does \
            the family's food shopping on her phone in spare minutes, and wants good local bread \
            at the weekend without queuing on a Saturday morning.",
        needs: &[
            "Order in under five minutes on her phone",
            "Delivery slots that fit around work: evenings or early Saturday",
            "Clear allergen information — her son has a nut allergy",
            "To know when the order will arrive",
        ],
        goals: &[
            "Fresh bread and a bara brith on the table for Saturday breakfast",
            "Order a birthday cake once and get it right",
            "Support a local Welsh business rather than the supermarket",
        ],
        behaviours: &[
            "Browses on the train; orders on Thursday evening",
            "Pays with Apple Pay; leaves if asked to create an account",
            "Follows food businesses on Instagram and reads Google reviews",
            "Shares good finds in her office WhatsApp group",
        ],
        pains: &[
            "Costs that appear only at checkout",
            "Delivery windows that tie her to the house all morning",
            "Typing the same order again every week",
        ],
        demographics: &[
            "34, lives in Canton, Cardiff (CF11)",
            "Project manager, hybrid working, three days in the office",
            "Lives with her partner and two children (6 and 9)",
            "English first language; learning Welsh with her children",
            "Smartphone first; rarely opens a laptop at home",
        ],
    },
    PersonaRow {
        key: "elwyn",
        name: "Elwyn — Aberystwyth regular who phones in",
        description: "A retired headteacher who has bought his Friday loaf at the Aberystwyth \
            shop since it opened. He lives his life in Welsh, orders by phone or at the counter, \
            and organises the cakes for his chapel's Thursday coffee morning.",
        needs: &[
            "To be served in Welsh, on the phone and at the counter",
            "Someone who answers the phone during opening hours",
            "Orders kept aside under his name and paid on collection",
            "Prices he can read on paper",
        ],
        goals: &[
            "His weekly loaf and bara brith, without fail",
            "Cakes for 30 at the chapel coffee morning within a £60 budget",
            "To be known by name at the shop he supports",
        ],
        behaviours: &[
            "Phones on Tuesday mornings; walks to the shop on Fridays",
            "Reads the Cambrian News and the chapel newsletter; listens to Radio Cymru",
            "Pays in cash or by card at the counter, never online",
            "Reads text messages but seldom replies",
            "Recommends the bakery at chapel and at the lunch club",
        ],
        pains: &[
            "The phone ringing out at busy times",
            "Staff who cannot serve him in Welsh",
            "Being sent to the web shop or asked to pay online",
            "Standing while he waits, with nowhere to sit",
        ],
        demographics: &[
            "72, lives in Penparcau, Aberystwyth",
            "Retired primary school headteacher; widower, lives alone",
            "Welsh first language",
            "Landline and a basic mobile phone; no online banking",
        ],
    },
];

static JOURNEYS: [JourneyRow; 2] = [
    JourneyRow {
        name: "Cardiff weekend delivery from the web shop",
        description: "How Cerys finds us and orders Saturday bread and cakes from the web shop \
            for delivery in Cardiff. Drawn up by Siân and Rhys from web shop orders, delivery \
            notes and conversations with customers; reviewed every quarter.",
        model: StageModel::FiveStage,
        persona: "cerys",
        stages: &CARDIFF_STAGES,
        touchpoints: &CARDIFF_TOUCHPOINTS,
    },
    JourneyRow {
        name: "Aberystwyth coffee-morning order by phone",
        description: "How Elwyn orders cakes for 30 people for his chapel's coffee morning, by \
            phone and at the counter, in Welsh. Drawn up by Megan and Siân from the Aberystwyth \
            order book and what customers say at the counter.",
        model: StageModel::SevenStage,
        persona: "elwyn",
        stages: &ABERYSTWYTH_STAGES,
        touchpoints: &ABERYSTWYTH_TOUCHPOINTS,
    },
];

static CARDIFF_STAGES: [StageRow; 5] = [
    StageRow {
        key: "awareness",
        name: "Awareness",
        emotion: 1,
        emotions: "Curious and a little nostalgic; hopes it is not another expensive artisan \
            bakery.",
        actions: &[
            "Sees a friend's Instagram story of bara brith from the Wellfield Road shop",
            "Searches \"bakery delivery Cardiff\" on her phone on the train",
            "Walks past the Cardiff shop on a Saturday and sees the queue",
        ],
        thoughts: &[
            "That looks like the bara brith Nain used to make.",
            "Do they deliver, or is it shop only?",
        ],
        pain_points: &[
            "The Instagram bio links to opening hours, not to the web shop",
            "Search results show the shops but not that we deliver",
        ],
        opportunities: &[
            "Put \"Order for delivery\" first in the Instagram bio and the Google profile",
            "Pin a post with the Cardiff delivery map and slot times",
        ],
    },
    StageRow {
        key: "consideration",
        name: "Consideration",
        emotion: -1,
        emotions: "Interested but wary; annoyed that allergens are in a PDF she cannot read on \
            her phone; reassured once the chat answers.",
        actions: &[
            "Browses the web shop on her phone during the commute",
            "Looks for allergen information for her son",
            "Checks whether her postcode is in the delivery area",
            "Asks on the live chat whether the Welsh cakes are made near nuts",
        ],
        thoughts: &[
            "Is anything here safe for Osian?",
            "How much is delivery, and will it come on Saturday morning?",
        ],
        pain_points: &[
            "Allergens only in a PDF at the foot of each product page",
            "No postcode check until the last step of checkout",
            "The live chat is unanswered after 5pm, when she browses",
        ],
        opportunities: &[
            "Show the 14 allergens on every product page",
            "Postcode check on the home page",
            "Out-of-hours chat reply that promises an answer by 9am and links the allergen guide",
        ],
    },
    StageRow {
        key: "purchase",
        name: "Purchase",
        emotion: -2,
        emotions: "Rushed and let down at checkout, anxious on Saturday morning; relieved when \
            warm bread arrives with a handwritten card.",
        actions: &[
            "Fills a basket: a large bloomer, a bara brith and a dozen Welsh cakes",
            "Picks a Saturday slot; the early ones are already gone",
            "Sees the £3.50 delivery fee on the last step and nearly gives up",
            "Pays with Apple Pay, then waits in for the van on Saturday morning",
        ],
        thoughts: &[
            "Why didn't they tell me about the fee earlier?",
            "A four-hour window: do I have to stay in all morning?",
        ],
        pain_points: &[
            "The delivery fee appears only at the last step",
            "Saturday's early slots sell out by Thursday",
            "The delivery text gives a four-hour window and no update when the van is near",
            "No way to change the order once it is paid",
        ],
        opportunities: &[
            "Show the delivery cost in the basket from the first item",
            "Add a Friday evening slot and a waiting list for Saturday",
            "Text \"your driver is 15 minutes away\"",
            "A \"change my order\" link until the bake list closes on Friday at 2pm",
        ],
    },
    StageRow {
        key: "retention",
        name: "Retention",
        emotion: 1,
        emotions: "Delighted with the bread; mildly irritated at typing the same order again \
            every fortnight.",
        actions: &[
            "Eats the bread and half the bara brith the same day",
            "Opens the Thursday \"bake of the week\" email",
            "Orders again two weeks later: the same basket",
            "Asks in the Cardiff shop whether web orders earn loyalty stamps",
        ],
        thoughts: &[
            "Best bread we've had in ages.",
            "I wish this just came every Saturday without me ordering it.",
        ],
        pain_points: &[
            "No repeat order or subscription",
            "The paper loyalty card does not count web orders",
        ],
        opportunities: &[
            "An \"order again\" button in her account and in the email",
            "A weekly or fortnightly Saturday box",
            "One loyalty scheme for the shops and the web shop",
        ],
    },
    StageRow {
        key: "advocacy",
        name: "Advocacy",
        emotion: 2,
        emotions: "Proud of her find and happy to share it; feels part of a local community.",
        actions: &[
            "Posts her Saturday breakfast on Instagram and tags the bakery",
            "Recommends us in her office WhatsApp group",
            "Leaves a five-star Google review after the review email",
        ],
        thoughts: &[
            "Everyone at work should know about this place.",
            "It would be nice to get something back for sending them customers.",
        ],
        pain_points: &[
            "Tags and mentions go unanswered for days",
            "No reward for bringing friends",
        ],
        opportunities: &[
            "Reply to and repost customers' tags within a day",
            "A \"give £5, get £5\" referral code in the order email",
            "Feature a customer's breakfast photo every month",
        ],
    },
];

static CARDIFF_TOUCHPOINTS: [TouchpointRow; 8] = [
    TouchpointRow {
        stage: "awareness",
        name: "Instagram",
        channel: Channel::Social,
        owner: Own::Member("rhys"),
        moment_of_truth: false,
        description: "Daily photos from the bakehouse at 6am and reposted customer stories. The \
            bio links to opening hours rather than to the web shop.",
    },
    TouchpointRow {
        stage: "consideration",
        name: "Web shop product pages",
        channel: Channel::Web,
        owner: Own::Team("Web shop"),
        moment_of_truth: false,
        description: "Photos, prices and weights for about 40 breads and cakes. Allergen \
            information is in a PDF linked at the foot of each page.",
    },
    TouchpointRow {
        stage: "consideration",
        name: "Live chat",
        channel: Channel::Chat,
        owner: Own::Team("Shop team Cardiff"),
        moment_of_truth: false,
        description: "Chat on the web shop, answered by whoever is free in the Cardiff shop from \
            9am to 5pm on weekdays; out of hours it only takes a message.",
    },
    TouchpointRow {
        stage: "purchase",
        name: "Checkout and delivery slot",
        channel: Channel::Web,
        owner: Own::Team("Web shop"),
        moment_of_truth: true,
        description: "Basket, slot picker (Wednesday 4–7pm, Saturday 8am–12pm) and payment by \
            card, Apple Pay or Google Pay. The £3.50 delivery fee first appears on the last \
            step.",
    },
    TouchpointRow {
        stage: "purchase",
        name: "Delivery-day text",
        channel: Channel::Sms,
        owner: Own::Team("Delivery"),
        moment_of_truth: false,
        description: "Sent at 7am on the day of delivery with a four-hour window; there is no \
            update when the van is near.",
    },
    TouchpointRow {
        stage: "purchase",
        name: "Doorstep delivery",
        channel: Channel::Other,
        owner: Own::Team("Delivery"),
        moment_of_truth: true,
        description: "Our own electric van covers CF5, CF10, CF11, CF14, CF23 and CF24. Bread \
            comes in paper bags with a handwritten thank-you card.",
    },
    TouchpointRow {
        stage: "retention",
        name: "Bake of the week email",
        channel: Channel::Email,
        owner: Own::Member("sian"),
        moment_of_truth: false,
        description: "Sent every Thursday at 7pm to web customers who opted in: the week's \
            special, the bake-list deadline (Friday 2pm) and a story from the bakehouse.",
    },
    TouchpointRow {
        stage: "advocacy",
        name: "Review request email",
        channel: Channel::Email,
        owner: Own::Member("rhys"),
        moment_of_truth: false,
        description: "Sent three days after delivery, asking for a Google review. It carries no \
            referral code yet.",
    },
];

static ABERYSTWYTH_STAGES: [StageRow; 7] = [
    StageRow {
        key: "discovery",
        name: "Discovery",
        emotion: 1,
        emotions: "Warm and loyal; pleased that the poster puts Welsh first.",
        actions: &[
            "Has bought his Friday loaf at the Aberystwyth shop since it opened",
            "Hears at chapel that the bakery makes Welsh cakes and bara brith to order",
            "Reads the window poster: \"Archebion mawr? Holwch ni. / Large orders? Ask us.\"",
        ],
        thoughts: &[
            "\"Bara brith gorau yn y dre.\" (The best bara brith in town.)",
            "Could they make enough for the whole coffee morning?",
        ],
        pain_points: &[
            "The poster gives no phone number and no price",
            "Large orders are not on the printed price list",
        ],
        opportunities: &[
            "Put the shop's number and a \"from\" price on the window poster",
            "Add a large-order section to the printed price list",
        ],
    },
    StageRow {
        key: "consideration",
        name: "Consideration",
        emotion: 0,
        emotions: "Hopeful but unsure about the price; a little put out at being told to phone \
            when he is already standing in the shop.",
        actions: &[
            "Compares the cost with packs of Welsh cakes from the supermarket",
            "Asks the chapel treasurer what there is to spend (£60)",
            "Asks at the counter whether they can cater for 30; is told to ring the order line",
        ],
        thoughts: &[
            "Home-baked is better, but can the chapel afford it?",
            "I'd rather order from people I know.",
        ],
        pain_points: &[
            "Counter staff cannot take or price a large order",
            "No written price per head for groups",
        ],
        opportunities: &[
            "A simple paper form so the counter can take large-order requests",
            "A \"coffee morning for 30\" bundle at a fixed price",
        ],
    },
    StageRow {
        key: "evaluation",
        name: "Evaluation",
        emotion: -2,
        emotions: "Frustrated and a little hurt; feels the shop he has supported for years is \
            getting too busy for him.",
        actions: &[
            "Rings the shop at 9.30am on Tuesday; it rings out",
            "Rings again at 11am; a new member of staff answers in English",
            "Asks \"Oes rhywun yma sy'n siarad Cymraeg?\"; nobody is free to speak Welsh",
            "Is told the bakehouse must confirm the quantities and someone will call back",
        ],
        thoughts: &[
            "Nobody answers. Are they still open?",
            "Now I'll have to explain it all again in English.",
        ],
        pain_points: &[
            "The phone rings out in the morning rush, with no voicemail",
            "Not every shift has a Welsh speaker on the phone",
            "Price and quantities cannot be confirmed on the first call",
        ],
        opportunities: &[
            "Voicemail in Welsh and English that promises a call-back time",
            "Mark Welsh speakers on the rota, and wear the orange Iaith Gwaith badge",
            "A large-order price grid the shop can quote from without the bakehouse",
        ],
    },
    StageRow {
        key: "choice",
        name: "Choice",
        emotion: 1,
        emotions: "Relieved and valued; trusts that the order is in safe hands.",
        actions: &[
            "Megan rings back in Welsh the same afternoon",
            "She offers 30 Welsh cakes, 30 scones and two bara brith, sliced and buttered, \
             for £58",
            "They agree collection at 9am on Thursday",
        ],
        thoughts: &[
            "\"Diolch byth\": someone who knows me and speaks my language.",
            "That is within the chapel's budget.",
        ],
        pain_points: &[
            "The call-back depends on Megan being on shift",
            "Nothing is written down for Elwyn to show the treasurer",
        ],
        opportunities: &[
            "A shared large-order book, so any Welsh speaker on shift can call back",
            "Send a written confirmation by text or by post",
        ],
    },
    StageRow {
        key: "purchase",
        name: "Purchase",
        emotion: -1,
        emotions: "Put out by the extra trip, and a little anxious until the order feels \
            confirmed.",
        actions: &[
            "Is told that orders over £50 need a 25% deposit",
            "Walks to the shop the next morning to pay £15 in cash, as he does not pay online",
            "Gets a handwritten slip as his receipt",
        ],
        thoughts: &[
            "Why must I come in just to pay a deposit?",
            "I hope this slip is enough. What if they forget?",
        ],
        pain_points: &[
            "The deposit can only be paid at the counter or online",
            "Phone orders get no order number and no proper receipt",
        ],
        opportunities: &[
            "Take deposits by card over the phone",
            "Give every phone order a number and send it by text",
        ],
    },
    StageRow {
        key: "use",
        name: "Use",
        emotion: 2,
        emotions: "Proud and delighted: the coffee morning is a success.",
        actions: &[
            "Gets a text on Wednesday evening: the order is ready from 8.30am",
            "Collects the boxes at 9am, each labelled in Welsh and English",
            "Serves 30 people at the coffee morning; the plates are empty by 11",
        ],
        thoughts: &[
            "Everything ready, and the labels in Welsh too.",
            "Everyone asked where the bara brith came from.",
        ],
        pain_points: &[
            "The text came from an unknown number and nearly went unread",
            "No chair at the counter while the boxes are fetched from the back",
        ],
        opportunities: &[
            "Sign texts \"Becws Bara Brith Aberystwyth\" and send them from one number",
            "A chair by the counter for customers who wait",
        ],
    },
    StageRow {
        key: "advocacy",
        name: "Advocacy",
        emotion: 1,
        emotions: "Loyal and generous with praise, though his word of mouth never reaches the \
            web.",
        actions: &[
            "Tells his friends at chapel and at the Thursday lunch club",
            "Writes a thank-you in the chapel newsletter",
            "Fills in the feedback card from the order box and hands it in at the counter",
        ],
        thoughts: &[
            "I'll tell them at the lunch club.",
            "I won't write anything on Google, but I'll tell everyone I know.",
        ],
        pain_points: &[
            "Feedback that is not online is never counted or answered",
            "No way for him to recommend us beyond word of mouth",
        ],
        opportunities: &[
            "Log feedback cards in taith and answer each in the customer's language",
            "Leave bilingual leaflets at the chapel and the lunch club",
        ],
    },
];

static ABERYSTWYTH_TOUCHPOINTS: [TouchpointRow; 7] = [
    TouchpointRow {
        stage: "discovery",
        name: "Bilingual shop window",
        channel: Channel::InStore,
        owner: Own::Team("Shop team Aberystwyth"),
        moment_of_truth: false,
        description: "Welsh-first posters and the week's specials in the window on Great \
            Darkgate Street, changed every Monday.",
    },
    TouchpointRow {
        stage: "evaluation",
        name: "Phone order line",
        channel: Channel::Phone,
        owner: Own::Team("Shop team Aberystwyth"),
        moment_of_truth: true,
        description: "The shop's 01970 landline, answered at the counter between customers. It \
            rings out in the 8–10am rush and has no voicemail.",
    },
    TouchpointRow {
        stage: "choice",
        name: "Call-back with a price",
        channel: Channel::Phone,
        owner: Own::Member("megan"),
        moment_of_truth: false,
        description: "Megan returns large-order calls the same day, in Welsh or English, with a \
            price agreed with the bakehouse and a collection time.",
    },
    TouchpointRow {
        stage: "purchase",
        name: "Deposit at the counter",
        channel: Channel::InStore,
        owner: Own::Team("Shop team Aberystwyth"),
        moment_of_truth: false,
        description: "Orders over £50 need a 25% deposit, paid at the counter or through the web \
            shop; the receipt is a handwritten slip.",
    },
    TouchpointRow {
        stage: "use",
        name: "Ready-for-collection text",
        channel: Channel::Sms,
        owner: Own::Team("Bakehouse"),
        moment_of_truth: false,
        description: "Sent the evening before collection, once the order is boxed. It comes from \
            a number customers do not recognise.",
    },
    TouchpointRow {
        stage: "use",
        name: "Large-order collection",
        channel: Channel::InStore,
        owner: Own::Team("Bakehouse"),
        moment_of_truth: false,
        description: "The bakehouse boxes large orders the night before and labels them in Welsh \
            and English; the shop hands them over from 8.30am.",
    },
    TouchpointRow {
        stage: "advocacy",
        name: "Feedback card in the order box",
        channel: Channel::Other,
        owner: Own::Member("sian"),
        moment_of_truth: false,
        description: "A bilingual postcard in every large-order box: three questions and room for \
            a comment, handed in at either shop.",
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn all_members() -> Vec<(&'static str, UserId)> {
        std::iter::once(&OWNER)
            .chain(&STAFF)
            .map(|p| (p.key, UserId::new()))
            .collect()
    }

    fn all_journeys() -> Result<Vec<Journey>> {
        let members = all_members();
        JOURNEYS
            .iter()
            .map(|row| build_journey(row, Some(PersonaId::new()), &members, taith_domain::now()))
            .collect()
    }

    #[test]
    fn the_owner_signs_in_with_the_documented_credentials() -> Result<()> {
        assert_eq!(email(OWNER.key)?.as_str(), DEMO_EMAIL);
        assert!(DEMO_PASSWORD.chars().count() >= 8);
        assert!(Slug::parse(DEMO_SLUG).is_ok());
        let roles: BTreeSet<Role> = std::iter::once(&OWNER)
            .chain(&STAFF)
            .map(|p| p.role)
            .collect();
        assert_eq!(roles.len(), 4, "one member per role");
        for p in &STAFF {
            email(p.key)?;
            name(p.name)?;
        }
        Ok(())
    }

    #[test]
    fn every_persona_has_every_field_filled() -> Result<()> {
        for row in &PERSONAS {
            let p = persona_fields(row)?;
            for field in [
                &p.description,
                &p.needs,
                &p.goals,
                &p.behaviours,
                &p.pains,
                &p.demographics,
            ] {
                assert!(!field.is_empty(), "{}", row.name);
            }
            assert!(JOURNEYS.iter().any(|j| j.persona == row.key));
        }
        Ok(())
    }

    #[test]
    fn the_journeys_are_full_maps() -> Result<()> {
        let journeys = all_journeys()?;
        assert_eq!(journeys.len(), 2);
        assert_eq!(
            journeys.iter().map(|j| j.stages.len()).collect::<Vec<_>>(),
            [5, 7]
        );
        for j in &journeys {
            assert!(j.touchpoints.len() >= 7, "{}", j.fields.name);
            let scores: BTreeSet<_> = j.stages.iter().filter_map(|s| s.fields.emotion).collect();
            assert!(
                scores.len() >= 3,
                "a flat emotion curve in {}",
                j.fields.name
            );
            for s in &j.stages {
                let f = &s.fields;
                for field in [
                    &f.actions,
                    &f.thoughts,
                    &f.emotions,
                    &f.pain_points,
                    &f.opportunities,
                ] {
                    assert!(!field.is_empty(), "{} / {}", j.fields.name, f.name);
                }
                assert!(f.emotion.is_some());
            }
        }
        Ok(())
    }

    #[test]
    fn the_touchpoints_span_channels_and_owners() -> Result<()> {
        let journeys = all_journeys()?;
        let touchpoints: Vec<_> = journeys.iter().flat_map(|j| &j.touchpoints).collect();
        assert!((14..=16).contains(&touchpoints.len()));
        let channels: BTreeSet<Channel> = touchpoints.iter().map(|t| t.fields.channel).collect();
        assert!(channels.len() >= 5, "{channels:?}");
        let moments = touchpoints
            .iter()
            .filter(|t| t.fields.moment_of_truth)
            .count();
        assert!((2..=3).contains(&moments));
        assert!(touchpoints.iter().all(|t| !t.fields.description.is_empty()));
        let owners: Vec<_> = touchpoints.iter().map(|t| &t.fields.owner).collect();
        assert!(
            owners
                .iter()
                .any(|o| matches!(o, Some(Owner::Member { .. })))
        );
        assert!(owners.iter().any(|o| matches!(o, Some(Owner::Team { .. }))));
        assert!(owners.iter().all(|o| o.is_some()));
        Ok(())
    }
}
