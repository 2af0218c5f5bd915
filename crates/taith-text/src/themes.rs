//! What comments are about: key phrases per language (stop words dropped, Vietnamese
//! syllable pairs kept together, Arabic clitics stripped, Welsh mutations undone, English
//! plurals folded), candidate themes found in a workspace's comments and grouped across
//! languages by a small built-in glossary of concepts, and the matcher that says which of a
//! workspace's themes a comment mentions.

use crate::Lang;
use crate::normalize::normalize;
use crate::stopwords;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

pub(crate) fn stop_words(lang: Lang) -> &'static HashSet<&'static str> {
    static SETS: [OnceLock<HashSet<&'static str>>; 7] = [const { OnceLock::new() }; 7];
    SETS[crate::data::index(lang)].get_or_init(|| {
        let list = match lang {
            Lang::En | Lang::Other => stopwords::EN,
            Lang::Cy => stopwords::CY,
            Lang::Ms => stopwords::MS,
            Lang::Sw => stopwords::SW,
            Lang::Ar => stopwords::AR,
            Lang::Vi => stopwords::VI,
        };
        list.split_whitespace().collect()
    })
}

/// English plurals folded where it is cheap and safe: "deliveries" → "delivery", "prices" →
/// "price", "boxes" → "box"; "glass", "bus", "this" stay.
pub(crate) fn fold_english(word: &str) -> String {
    let n = word.len();
    if n > 4 && word.ends_with("ies") {
        return format!("{}y", &word[..n - 3]);
    }
    for es in ["sses", "ches", "shes", "xes"] {
        if n > es.len() + 1 && word.ends_with(es) {
            return word[..n - 2].to_string();
        }
    }
    if n > 3
        && word.ends_with('s')
        && !word.ends_with("ss")
        && !word.ends_with("us")
        && !word.ends_with("is")
        && !word.ends_with('\'')
    {
        return word[..n - 1].to_string();
    }
    word.to_string()
}

/// Arabic clitics stripped: the article and the conjunctions and prepositions written onto
/// a word (وال، بال، فال، كال، لل، ال، و، ف، ب، ل) and the possessive suffixes ها، هم، هن، كم،
/// نا — only while a stem of three letters or more is left.
pub(crate) fn strip_arabic(word: &str) -> String {
    let chars: Vec<char> = word.chars().collect();
    let mut start = 0;
    let len = chars.len();
    let has = |s: usize, p: &str| {
        let p: Vec<char> = p.chars().collect();
        chars.len() >= s + p.len() && chars[s..s + p.len()] == p[..]
    };
    for p in ["وال", "بال", "فال", "كال"] {
        if has(0, p) && len >= 6 {
            start = 3;
            break;
        }
    }
    if start == 0 {
        if (has(0, "لل") && len >= 5) || (has(0, "ال") && len >= 4) {
            start = 2;
        } else if matches!(chars.first(), Some('و' | 'ف' | 'ب' | 'ل')) && len > 4 {
            start = 1;
        }
    }
    let mut end = len;
    for s in ["ها", "هم", "هن", "كم", "نا"] {
        let s: Vec<char> = s.chars().collect();
        if end - start >= 5 && chars[end - 2..end] == s[..] {
            end -= 2;
            break;
        }
    }
    let mut out: String = chars[start..end].iter().collect();
    // A feminine noun's ta marbuta is written ت before a suffix: خدمتهم → خدمه.
    if end < len && out.ends_with('ت') {
        out.pop();
        out.push('ه');
    }
    out
}

/// Welsh words whose radical forms we know (the glossary's and common nouns of survey
/// answers): a mutated form is mapped back to them.
const CY_RADICALS: &str = "danfon danfoniad dosbarthu pris prisiau cost staff gweithwyr gweinydd gweinyddion gwasanaeth cwsmer cwsmeriaid ciw aros amser ap gwefan ansawdd glân glendid ad-daliad taliad talu cerdyn oriau parcio bwyd cymorth cynnyrch cynhyrchion dewis pecyn pecynnu archeb archebu toiled toiledau ffôn galwad siop caffi coffi bara llaeth parsel gyrrwr rheolwr tîm profiad ystafell gwely awyrgylch";

pub(crate) fn cy_radicals() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| CY_RADICALS.split_whitespace().collect())
}

/// A Welsh word with its initial mutation undone when we can tell: "ddanfon", "nanfon" →
/// "danfon", "phris" → "pris", "wasanaeth" → "gwasanaeth".
pub(crate) fn unmutate_welsh(word: &str) -> String {
    let known = cy_radicals();
    if known.contains(word) {
        return word.to_string();
    }
    // (mutated initial, radical initial): soft, nasal and aspirate mutations.
    const RULES: [(&str, &str); 17] = [
        ("ngh", "c"),
        ("mh", "p"),
        ("nh", "t"),
        ("ng", "g"),
        ("ph", "p"),
        ("th", "t"),
        ("ch", "c"),
        ("dd", "d"),
        ("f", "b"),
        ("f", "m"),
        ("l", "ll"),
        ("r", "rh"),
        ("b", "p"),
        ("d", "t"),
        ("g", "c"),
        ("m", "b"),
        ("n", "d"),
    ];
    for (from, to) in RULES {
        if let Some(rest) = word.strip_prefix(from) {
            let candidate = format!("{to}{rest}");
            if known.contains(candidate.as_str()) {
                return candidate;
            }
        }
    }
    let with_g = format!("g{word}");
    if known.contains(with_g.as_str()) {
        return with_g;
    }
    for (from, to) in [("ngh", "c"), ("mh", "p"), ("ph", "p"), ("dd", "d")] {
        if let Some(rest) = word.strip_prefix(from)
            && rest.chars().count() >= 3
        {
            return format!("{to}{rest}");
        }
    }
    word.to_string()
}

/// One word as themes see it in `lang`.
fn canonical_word(lang: Lang, word: &str) -> String {
    match lang {
        Lang::En | Lang::Other => fold_english(word),
        Lang::Ar => strip_arabic(word),
        Lang::Cy => unmutate_welsh(word),
        _ => word.to_string(),
    }
}

pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '\'' || matches!(c, '\u{0300}'..='\u{036F}')
}

/// The clauses of `text` (split at punctuation), each as its words (normalised, canonical,
/// `None` for a stop word or a number).
fn clauses(lang: Lang, text: &str) -> Vec<Vec<Option<String>>> {
    let norm = normalize(text);
    let stops = stop_words(lang);
    let mut out: Vec<Vec<Option<String>>> = vec![Vec::new()];
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut Vec<Vec<Option<String>>>| {
        if word.is_empty() {
            return;
        }
        let w = word.trim_matches('\'');
        let item = if w.is_empty()
            || stops.contains(w)
            || w.chars().all(|c| c.is_numeric())
            || w.chars().count() < 2
        {
            None
        } else {
            let c = canonical_word(lang, w);
            (!stops.contains(c.as_str()) && c.chars().count() >= 2).then_some(c)
        };
        if let Some(clause) = out.last_mut() {
            // Malay plurals by reduplication ("barang-barang") and stutters count once.
            let repeated = matches!((clause.last(), &item), (Some(Some(a)), Some(b)) if a == b);
            if !repeated {
                clause.push(item);
            }
        }
        word.clear();
    };
    // Welsh and Malay write clitics with an apostrophe ("prisiau'n", "mae'r"): a separator
    // there; English keeps it inside the word ("don't").
    let apostrophe_splits = !matches!(lang, Lang::En | Lang::Other);
    for c in norm.chars() {
        if is_word_char(c) && !(apostrophe_splits && matches!(c, '\'' | '’')) {
            word.push(c);
            continue;
        }
        flush(&mut word, &mut out);
        if !matches!(c, ' ' | '-' | '\'' | '’') {
            out.push(Vec::new());
        }
    }
    flush(&mut word, &mut out);
    out.retain(|c| !c.is_empty());
    out
}

/// The key phrases of `text` in `lang`, normalised: what themes are made of and matched on.
/// Content words and pairs of neighbouring content words in the same clause; in Vietnamese,
/// whose words are pairs of syllables, only the pairs. Sorted, without duplicates.
pub fn key_phrases(lang: Lang, text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for clause in clauses(lang, text) {
        for (i, w) in clause.iter().enumerate() {
            let Some(w) = w else { continue };
            if lang != Lang::Vi {
                out.push(w.clone());
            }
            if let Some(Some(next)) = clause.get(i + 1) {
                out.push(format!("{w} {next}"));
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// The built-in glossary: the same idea in our six languages, as customers write it. Each
/// surface phrase is read through [`key_phrases`] of its language, so mutations, clitics and
/// plurals match.
const CONCEPTS: &[(&str, [&[&str]; 6])] = &[
    (
        "delivery",
        [
            &[
                "delivery", "shipping", "courier", "parcel", "driver", "dispatch",
            ],
            &["danfon", "danfoniad", "dosbarthu", "parsel", "gyrrwr"],
            &[
                "penghantaran",
                "hantar",
                "bungkusan",
                "pemandu",
                "pos laju",
                "kurier",
            ],
            &[
                "usafirishaji",
                "kifurushi",
                "dereva",
                "mzigo",
                "kusafirisha",
            ],
            &["التوصيل", "الشحن", "الطرد", "السائق", "توصيل"],
            &["giao hàng", "vận chuyển", "gói hàng", "tài xế", "shipper"],
        ],
    ),
    (
        "price",
        [
            &[
                "price",
                "cost",
                "expensive",
                "cheap",
                "value for money",
                "overpriced",
            ],
            &["pris", "prisiau", "cost", "drud", "rhad"],
            &["harga", "mahal", "murah", "kos", "caj"],
            &["bei", "ghali", "nafuu", "gharama"],
            &["السعر", "الأسعار", "غالي", "رخيص", "التكلفة"],
            &["giá cả", "giá tiền", "đắt đỏ", "giá rẻ", "chi phí"],
        ],
    ),
    (
        "staff",
        [
            &["staff", "employee", "waiter", "manager", "cashier", "team"],
            &["staff", "gweithwyr", "gweinydd", "rheolwr", "tîm"],
            &["pekerja", "kakitangan", "pelayan", "pengurus", "staf"],
            &["wafanyakazi", "mhudumu", "wahudumu", "meneja", "timu"],
            &["الموظفون", "الموظفين", "النادل", "المدير", "الفريق"],
            &["nhân viên", "phục vụ", "quản lý", "đội ngũ", "thu ngân"],
        ],
    ),
    (
        "waiting time",
        [
            &["waiting", "wait", "queue", "delay", "late"],
            &["aros", "ciw", "ciwiau", "amser aros", "hwyr"],
            &["menunggu", "tunggu", "barisan", "lewat", "masa menunggu"],
            &[
                "kusubiri",
                "foleni",
                "muda wa kusubiri",
                "kuchelewa",
                "ilichelewa",
            ],
            &["الانتظار", "طوابير", "التأخير", "تأخر", "وقت الانتظار"],
            &[
                "chờ đợi",
                "thời gian chờ",
                "xếp hàng",
                "chậm trễ",
                "giao trễ",
            ],
        ],
    ),
    (
        "app",
        [
            &["app", "application", "mobile app"],
            &["ap", "ap symudol"],
            &["aplikasi", "apps"],
            &["programu", "app"],
            &["التطبيق", "تطبيق"],
            &["ứng dụng", "app"],
        ],
    ),
    (
        "website",
        [
            &["website", "site", "online", "login", "web"],
            &["gwefan", "ar-lein", "mewngofnodi"],
            &["laman web", "dalam talian", "log masuk", "web"],
            &["tovuti", "mtandaoni", "kuingia"],
            &["الموقع", "الإنترنت", "تسجيل الدخول"],
            &["trang web", "trực tuyến", "đăng nhập", "website"],
        ],
    ),
    (
        "quality",
        [
            &["quality", "broken", "damaged", "faulty", "defect"],
            &["ansawdd", "wedi torri", "difrod"],
            &["kualiti", "rosak", "mutu"],
            &["ubora", "mbovu", "imeharibika", "duni"],
            &["الجودة", "تالف", "معطل", "رديئة"],
            &["chất lượng", "hư hỏng", "bị hỏng", "kém chất"],
        ],
    ),
    (
        "cleanliness",
        [
            &[
                "clean",
                "dirty",
                "cleanliness",
                "hygiene",
                "spotless",
                "filthy",
            ],
            &["glân", "glendid", "budr", "brwnt"],
            &["bersih", "kotor", "kebersihan"],
            &["safi", "chafu", "usafi"],
            &["نظيف", "نظافة", "متسخ", "وسخ"],
            &["sạch sẽ", "vệ sinh", "dơ bẩn", "bẩn thỉu"],
        ],
    ),
    (
        "refund",
        [
            &["refund", "money back", "return", "reimburse"],
            &["ad-daliad", "arian yn ôl", "dychwelyd"],
            &["bayaran balik", "pulangan", "memulangkan", "refund"],
            &["marejesho", "kurudishiwa pesa", "kurudisha"],
            &["استرداد", "استرجاع", "ارجاع"],
            &["hoàn tiền", "trả lại", "đổi trả"],
        ],
    ),
    (
        "payment",
        [
            &["payment", "pay", "card", "checkout", "charged", "till"],
            &["taliad", "talu", "cerdyn", "til"],
            &["pembayaran", "bayar", "kad", "dicaj", "kaunter bayaran"],
            &["malipo", "kulipa", "kadi", "nilitozwa", "mpesa"],
            &["الدفع", "البطاقة", "الكاشير", "خصموا"],
            &["thanh toán", "trả tiền", "bằng thẻ", "thu ngân", "trừ tiền"],
        ],
    ),
    (
        "opening hours",
        [
            &["opening hours", "hours", "closed", "open", "closing time"],
            &["oriau agor", "ar gau", "ar agor"],
            &["waktu operasi", "waktu buka", "tutup", "dibuka"],
            &["saa za kufungua", "kufungwa", "kufunguliwa"],
            &["ساعات العمل", "مغلق", "مفتوح", "الدوام"],
            &["giờ mở cửa", "đóng cửa", "mở cửa"],
        ],
    ),
    (
        "parking",
        [
            &["parking", "car park", "park"],
            &["parcio", "maes parcio", "lle parcio"],
            &["letak kereta", "tempat letak kereta", "parkir"],
            &["maegesho", "kuegesha"],
            &["موقف سيارات", "المواقف", "ركن"],
            &["đỗ xe", "bãi đỗ", "gửi xe"],
        ],
    ),
    (
        "food",
        [
            &["food", "meal", "dish", "menu", "taste", "portion"],
            &["bwyd", "pryd", "bwydlen", "blas"],
            &["makanan", "hidangan", "menu", "rasa"],
            &["chakula", "mlo", "menyu", "ladha"],
            &["الطعام", "الأكل", "الوجبة", "الطبق", "القائمة"],
            &["đồ ăn", "món ăn", "thức ăn", "thực đơn", "phần ăn"],
        ],
    ),
    (
        "customer support",
        [
            &[
                "customer service",
                "support",
                "helpline",
                "call centre",
                "chat",
            ],
            &["gwasanaeth cwsmeriaid", "cymorth", "tîm cymorth"],
            &[
                "perkhidmatan pelanggan",
                "sokongan",
                "khidmat pelanggan",
                "sembang",
            ],
            &["huduma kwa wateja", "msaada", "timu ya msaada"],
            &["خدمة العملاء", "الدعم", "فريق الدعم"],
            &[
                "dịch vụ khách hàng",
                "hỗ trợ",
                "chăm sóc khách hàng",
                "tổng đài",
            ],
        ],
    ),
    (
        "product range",
        [
            &[
                "range",
                "choice",
                "selection",
                "stock",
                "out of stock",
                "products",
            ],
            &["dewis", "stoc", "cynhyrchion", "cynnyrch"],
            &["pilihan", "stok", "produk", "habis stok"],
            &["bidhaa", "aina", "chaguo"],
            &["تشكيلة", "المنتجات", "الخيارات", "المخزون"],
            &["sản phẩm", "mặt hàng", "lựa chọn", "hết hàng"],
        ],
    ),
    (
        "packaging",
        [
            &["packaging", "packed", "box", "wrapping"],
            &["pecynnu", "bocs", "pacio"],
            &["bungkus", "pembungkusan", "kotak"],
            &["kufungwa", "boksi", "kifungashio"],
            &["التغليف", "الصندوق", "مغلف"],
            &["đóng gói", "bao bì", "hộp"],
        ],
    ),
    (
        "booking",
        [
            &["booking", "reservation", "appointment", "book"],
            &["archeb", "archebu", "apwyntiad"],
            &["tempahan", "temujanji", "tempah"],
            &["kuweka nafasi", "miadi", "nafasi"],
            &["الحجز", "موعد", "حجز"],
            &["đặt chỗ", "đặt bàn", "đặt lịch", "lịch hẹn"],
        ],
    ),
    (
        "phone",
        [
            &["phone", "call", "calls", "answer the phone"],
            &["ffôn", "galwad", "ffonio"],
            &["telefon", "panggilan", "angkat telefon"],
            &["simu", "kupiga simu", "hawapokei simu"],
            &["الهاتف", "المكالمة", "اتصال"],
            &["điện thoại", "cuộc gọi", "gọi điện", "nghe máy"],
        ],
    ),
    (
        "toilets",
        [
            &["toilet", "toilets", "bathroom", "restroom"],
            &["toiled", "toiledau", "tŷ bach"],
            &["tandas", "bilik air"],
            &["choo", "vyoo", "bafu"],
            &["الحمام", "الحمامات", "دورة المياه"],
            &["nhà vệ sinh", "toilet", "phòng tắm"],
        ],
    ),
    (
        "atmosphere",
        [
            &["atmosphere", "ambience", "music", "noise", "decor"],
            &["awyrgylch", "cerddoriaeth", "sŵn"],
            &["suasana", "muzik", "bising"],
            &["mazingira", "muziki", "kelele"],
            &["الأجواء", "الجو", "الموسيقى", "الضوضاء"],
            &["không khí", "không gian", "âm nhạc", "ồn ào"],
        ],
    ),
];

fn concept_table() -> &'static HashMap<String, &'static str> {
    static TABLE: OnceLock<HashMap<String, &'static str>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = HashMap::new();
        for (key, per_lang) in CONCEPTS {
            for (lang, surfaces) in Lang::SIX.into_iter().zip(per_lang.iter()) {
                for surface in surfaces.iter() {
                    let phrases = key_phrases(lang, surface);
                    let most = phrases
                        .iter()
                        .map(|p| p.split(' ').count())
                        .max()
                        .unwrap_or(0);
                    for p in phrases {
                        if p.split(' ').count() == most {
                            table.entry(p).or_insert(*key);
                        }
                    }
                }
            }
        }
        table
    })
}

/// The concept (its English key, e.g. "delivery") a key phrase stands for, in any of our
/// languages.
pub fn concept_of(phrase: &str) -> Option<&'static str> {
    concept_table().get(phrase).copied()
}

/// The concepts `text` mentions, in the order first mentioned, once each.
pub fn concepts(lang: Lang, text: &str) -> Vec<&'static str> {
    let mut out = Vec::new();
    for p in key_phrases(lang, text) {
        if let Some(c) = concept_of(&p)
            && !out.contains(&c)
        {
            out.push(c);
        }
    }
    out
}

/// A theme found in a workspace's comments: a name and the phrases (in any of our languages)
/// that make it, with how often it came up and how often in negative comments.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub name: String,
    pub phrases: Vec<String>,
    pub count: u32,
    pub negative: u32,
}

/// How many candidates [`discover`] returns at most.
pub const MAX_CANDIDATES: usize = 30;

/// Candidate themes in a workspace's comments: `(language, key phrases, label)` for each
/// comment, the label from its score when it has one. Phrases that come up in at least
/// `min_count` comments, strongest first, at most [`MAX_CANDIDATES`].
///
/// Phrases of one glossary concept, in any language, make one candidate named by the
/// concept's English key; other phrases make a candidate each, and a word that mostly comes
/// inside one recurring two-word phrase (80% of its comments or more) gives way to the phrase.
/// Strength = count × (1 + lift) / 2, where lift = the candidate's share of negative comments
/// over the share among all labelled comments (both smoothed by +1/+2): a theme detractors
/// raise more often than others climbs, a common one still counts.
pub fn discover<'a>(
    comments: impl IntoIterator<Item = (Lang, &'a [String], Option<crate::Label>)>,
    min_count: u32,
) -> Vec<Candidate> {
    #[derive(Default)]
    struct Tally {
        count: u32,
        negative: u32,
        phrases: Vec<String>,
    }
    let mut phrases: HashMap<&'a str, (u32, u32)> = HashMap::new();
    let mut concepts: HashMap<&'static str, Tally> = HashMap::new();
    let (mut labelled, mut negatives) = (0u32, 0u32);
    for (_, ps, label) in comments {
        let negative = label == Some(crate::Label::Negative);
        if label.is_some() {
            labelled += 1;
            negatives += u32::from(negative);
        }
        let mut seen: Vec<&'static str> = Vec::new();
        for p in ps {
            match concept_of(p) {
                Some(c) => {
                    let t = concepts.entry(c).or_default();
                    if !t.phrases.iter().any(|q| q == p) {
                        t.phrases.push(p.clone());
                    }
                    if !seen.contains(&c) {
                        seen.push(c);
                        t.count += 1;
                        t.negative += u32::from(negative);
                    }
                }
                None => {
                    let e = phrases.entry(p.as_str()).or_default();
                    e.0 += 1;
                    e.1 += u32::from(negative);
                }
            }
        }
    }
    let recurring: Vec<(&str, u32, u32)> = phrases
        .iter()
        .filter(|(_, (n, _))| *n >= min_count)
        .map(|(p, (n, neg))| (*p, *n, *neg))
        .collect();
    let pairs: Vec<&(&str, u32, u32)> = recurring
        .iter()
        .filter(|(p, _, _)| p.contains(' '))
        .collect();
    let mut out: Vec<Candidate> = recurring
        .iter()
        .filter(|(p, n, _)| {
            p.contains(' ')
                || !pairs.iter().any(|(q, m, _)| {
                    q.split(' ').any(|w| w == *p) && f64::from(*m) >= 0.8 * f64::from(*n)
                })
        })
        .map(|(p, n, neg)| Candidate {
            name: p.to_string(),
            phrases: vec![p.to_string()],
            count: *n,
            negative: *neg,
        })
        .collect();
    out.extend(
        concepts
            .into_iter()
            .filter(|(_, t)| t.count >= min_count)
            .map(|(c, mut t)| {
                t.phrases.sort();
                Candidate {
                    name: c.to_string(),
                    phrases: t.phrases,
                    count: t.count,
                    negative: t.negative,
                }
            }),
    );
    let base = (f64::from(negatives) + 1.0) / (f64::from(labelled) + 2.0);
    let strength = |c: &Candidate| {
        let share = (f64::from(c.negative) + 1.0) / (f64::from(c.count) + 2.0);
        f64::from(c.count) * (1.0 + share / base) / 2.0
    };
    out.sort_by(|a, b| {
        strength(b)
            .total_cmp(&strength(a))
            .then(b.count.cmp(&a.count))
            .then(a.name.cmp(&b.name))
    });
    out.truncate(MAX_CANDIDATES);
    out
}

/// Says which of a workspace's themes a comment mentions. Built once from the themes'
/// phrases; cheap to ask (one hash lookup per phrase of the comment).
#[derive(Debug, Clone, Default)]
pub struct ThemeMatcher {
    index: HashMap<String, Vec<usize>>,
}

impl ThemeMatcher {
    /// A matcher for themes given as their phrases; answers are indexes into `themes`.
    pub fn new(themes: &[Vec<String>]) -> ThemeMatcher {
        let mut index: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, phrases) in themes.iter().enumerate() {
            for p in phrases {
                let slot = index.entry(p.clone()).or_default();
                if !slot.contains(&i) {
                    slot.push(i);
                }
            }
        }
        ThemeMatcher { index }
    }

    /// The indexes of the themes whose phrases appear among `phrases` (a comment's key
    /// phrases), in order.
    pub fn themes_of(&self, phrases: &[String]) -> Vec<usize> {
        let mut out: Vec<usize> = phrases
            .iter()
            .filter_map(|p| self.index.get(p))
            .flatten()
            .copied()
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has(lang: Lang, text: &str, phrase: &str) -> bool {
        let ps = key_phrases(lang, text);
        ps.iter().any(|p| p == phrase) || panic!("{phrase:?} not in {ps:?}")
    }

    #[test]
    fn key_phrases_per_language() {
        assert!(has(Lang::En, "The deliveries were late again!", "delivery"));
        assert!(!key_phrases(Lang::En, "The deliveries were late").contains(&"the".to_string()));
        assert!(has(Lang::En, "Opening hours are too short", "opening hour"));
        assert!(has(
            Lang::Vi,
            "Nhân viên rất thân thiện, giao hàng nhanh",
            "nhân viên"
        ));
        assert!(has(
            Lang::Vi,
            "Nhân viên rất thân thiện, giao hàng nhanh",
            "giao hàng"
        ));
        assert!(!key_phrases(Lang::Vi, "Nhân viên thân thiện").contains(&"nhân".to_string()));
        assert!(has(Lang::Ar, "التوصيل كان بطيئا", "توصيل"));
        assert!(has(Lang::Ar, "والموظفون لطفاء", "موظفون"));
        assert!(has(Lang::Cy, "Roedd y ddanfon yn hwyr", "danfon"));
        assert!(has(Lang::Cy, "Roedd ei phris yn uchel", "pris"));
        assert!(has(Lang::Ms, "Barang-barang sampai rosak", "barang"));
        assert!(has(
            Lang::Sw,
            "Wafanyakazi walikuwa wakarimu",
            "wafanyakazi"
        ));
        assert!(key_phrases(Lang::En, "!!! 👍").is_empty());
    }

    #[test]
    fn concepts_link_the_same_idea_across_languages() {
        assert_eq!(concepts(Lang::En, "Slow deliveries"), vec!["delivery"]);
        assert!(concepts(Lang::Cy, "Roedd y danfoniad yn hwyr").contains(&"delivery"));
        assert!(concepts(Lang::Ms, "Penghantaran sangat lambat").contains(&"delivery"));
        assert!(concepts(Lang::Sw, "Usafirishaji ulichelewa").contains(&"delivery"));
        assert!(concepts(Lang::Ar, "التوصيل تأخر").contains(&"delivery"));
        assert!(concepts(Lang::Vi, "Giao hàng chậm").contains(&"delivery"));
        assert!(concepts(Lang::Cy, "Mae'r prisiau'n uchel").contains(&"price"));
        assert!(concepts(Lang::Vi, "Nhân viên thô lỗ").contains(&"staff"));
        assert_eq!(concept_of("giao hàng"), Some("delivery"));
        assert_eq!(concept_of("zzz"), None);
    }

    #[test]
    fn discover_groups_concepts_and_ranks_by_negativity() {
        use crate::Label::*;
        let data: Vec<(Lang, Vec<String>, Option<crate::Label>)> = vec![
            (
                Lang::En,
                key_phrases(Lang::En, "Late delivery"),
                Some(Negative),
            ),
            (
                Lang::Vi,
                key_phrases(Lang::Vi, "Giao hàng chậm"),
                Some(Negative),
            ),
            (
                Lang::Ms,
                key_phrases(Lang::Ms, "Penghantaran lambat"),
                Some(Negative),
            ),
            (
                Lang::En,
                key_phrases(Lang::En, "Lovely garden centre"),
                Some(Positive),
            ),
            (
                Lang::En,
                key_phrases(Lang::En, "The garden centre plants"),
                Some(Positive),
            ),
            (
                Lang::En,
                key_phrases(Lang::En, "garden centre cafe"),
                Some(Positive),
            ),
            (Lang::En, key_phrases(Lang::En, "once"), None),
        ];
        let found = discover(data.iter().map(|(l, p, lab)| (*l, p.as_slice(), *lab)), 3);
        assert_eq!(found[0].name, "delivery");
        assert_eq!(found[0].count, 3);
        assert_eq!(found[0].negative, 3);
        assert!(found[0].phrases.contains(&"giao hàng".to_string()));
        assert!(found.iter().any(|c| c.name == "garden centre"));
        // The words give way to the recurring pair.
        assert!(!found.iter().any(|c| c.name == "garden"));
        assert!(found.len() <= MAX_CANDIDATES);
    }

    #[test]
    fn the_matcher_finds_themes_by_phrase() {
        let m = ThemeMatcher::new(&[
            vec!["delivery".into(), "giao hàng".into()],
            vec!["price".into()],
            vec!["staff".into(), "delivery".into()],
        ]);
        assert_eq!(m.themes_of(&["giao hàng".into()]), vec![0]);
        assert_eq!(
            m.themes_of(&["delivery".into(), "price".into()]),
            vec![0, 1, 2]
        );
        assert!(m.themes_of(&["nothing".into()]).is_empty());
    }
}
