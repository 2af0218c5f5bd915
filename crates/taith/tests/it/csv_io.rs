//! `taith import responses` and `taith export responses`: CSV in, CSV and JSON out, through the
//! real binary on a real data directory. (The format's every rule is unit-tested in
//! `taith_domain::csv`.)

use crate::helpers::unique;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Instant;
use taith::database::{DatabaseUrl, open_store};
use taith_domain::survey::LocalizedText;
use taith_domain::{
    Locale, Name, NewResponse, Slug, Survey, SurveyFields, SurveyId, SurveyKind, SurveyStatus,
    TouchpointId, Workspace,
};
use taith_store::{PageRequest, SharedStore};

const HEADER: &str =
    "submitted_at,score,comment,touchpoint,channel,locale,customer_id,customer_email";

/// The binary under test; `TAITH_BIN` points the timing run at a release build.
fn bin() -> PathBuf {
    std::env::var_os("TAITH_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_taith")))
}

fn taith(dir: &Path, args: &[&str]) -> Output {
    Command::new(bin())
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .env_remove("TAITH_DATABASE_URL")
        .env_remove("TAITH_WORKSPACE")
        .output()
        .expect("run taith")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn ok(o: Output) -> String {
    assert!(o.status.success(), "{}", stderr(&o));
    stdout(&o)
}

/// A data directory holding the demo workspace.
struct Setup {
    dir: PathBuf,
    rt: tokio::runtime::Runtime,
}

impl Setup {
    fn demo() -> Setup {
        let dir = crate::helpers::scratch_path("taith-csv-");
        ok(taith(&dir, &["demo"]));
        Setup {
            dir,
            rt: tokio::runtime::Runtime::new().unwrap(),
        }
    }

    /// Runs `f` with the store open, and closes it again before the binary runs.
    fn with_store<T>(&self, f: impl AsyncFnOnce(SharedStore) -> T) -> T {
        self.rt.block_on(async {
            let store = open_store(&DatabaseUrl::default_for(&self.dir))
                .await
                .unwrap();
            f(store).await
        })
    }

    fn workspace(&self, slug: &str) -> Workspace {
        self.with_store(async |s| {
            s.workspace_by_slug(&Slug::parse(slug).unwrap())
                .await
                .unwrap()
        })
    }

    /// The workspace's touchpoint of this name.
    fn touchpoint(&self, ws: &Workspace, name: &str) -> TouchpointId {
        let ws = ws.id;
        self.with_store(async |s| {
            let tps = s.touchpoint_refs(ws).await.unwrap();
            tps.into_iter().find(|t| t.name == name).unwrap().id
        })
    }

    /// A new survey (the demo's own surveys are not relied on).
    fn survey(
        &self,
        ws: &Workspace,
        kind: SurveyKind,
        touchpoint: Option<TouchpointId>,
        anonymous: bool,
    ) -> Survey {
        let text = LocalizedText([(Locale::En, "How was it?".to_owned())].into());
        let fields = SurveyFields {
            name: Name::parse("Imported survey").unwrap(),
            kind,
            scale: kind.default_scale(),
            default_locale: Locale::En,
            question: text.clone(),
            thank_you: text,
            follow_ups: Vec::new(),
            touchpoint_id: touchpoint,
            status: SurveyStatus::Live,
            anonymous,
            throttle_days: 30,
        };
        let ws = ws.id;
        self.with_store(async |s| s.create_survey(ws, &fields, &unique("csv-")).await.unwrap())
    }

    fn responses(&self, ws: &Workspace, survey: SurveyId) -> Vec<NewResponse> {
        let ws = ws.id;
        self.with_store(async |s| {
            s.responses(ws, Some(survey), PageRequest::all())
                .await
                .unwrap()
                .items
        })
    }

    fn file(&self, name: &str, content: &[u8]) -> String {
        let path = self.dir.join(name);
        std::fs::write(&path, content).unwrap();
        path.to_str().unwrap().to_owned()
    }

    fn import(&self, file: &str, ws: &str, survey: SurveyId) -> Output {
        taith(
            &self.dir,
            &[
                "import",
                "responses",
                file,
                "--workspace",
                ws,
                "--survey",
                &survey.to_string(),
            ],
        )
    }

    fn export(&self, ws: &str, survey: SurveyId, format: &str) -> String {
        ok(taith(
            &self.dir,
            &[
                "export",
                "responses",
                "--workspace",
                ws,
                "--survey",
                &survey.to_string(),
                "--format",
                format,
            ],
        ))
    }
}

impl Drop for Setup {
    fn drop(&mut self) {
        if !std::thread::panicking() {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

#[test]
fn a_good_file_is_stored_with_customers_touchpoints_and_attributes() {
    let s = Setup::demo();
    let demo = s.workspace("demo");
    let checkout = s.touchpoint(&demo, "Checkout and delivery slot");
    let doorstep = s.touchpoint(&demo, "Doorstep delivery");
    let survey = s.survey(&demo, SurveyKind::Nps, Some(checkout), false);
    let file = s.file(
        "good.csv",
        format!(
            "\u{feff}{HEADER},team,agent\r\n\
             2026-01-05T09:30:00Z,10,Bara hyfryd!,,web,cy-GB,c-17,Cerys@Example.com,cardiff,siân\r\n\
             2026-01-06T18:02:11+02:00,3,\"<b>Late</b>, cold, \"\"sorry\"\"\",Doorstep delivery,sms,ar,,,,\r\n\
             2026-01-07T08:00:00Z,7,,checkout AND delivery slot,in-app,vi,c-17,,cardiff,\r\n"
        )
        .as_bytes(),
    );
    let out = ok(s.import(&file, "demo", survey.id));
    assert!(out.contains("imported 3 responses (1 customer)"), "{out}");

    let mut stored = s.responses(&demo, survey.id);
    stored.sort_by_key(|r| r.submitted_at);
    assert_eq!(stored.len(), 3);
    assert_eq!(
        stored.iter().map(|r| r.score).collect::<Vec<_>>(),
        [10, 3, 7]
    );
    assert_eq!(stored[0].comment.as_str(), "Bara hyfryd!");
    assert_eq!(stored[0].locale, Locale::Cy);
    assert_eq!(
        stored[0].touchpoint_id,
        Some(checkout),
        "empty: the survey's"
    );
    assert_eq!(
        stored[0].attributes.get("agent").map(String::as_str),
        Some("siân")
    );
    assert_eq!(
        stored[1].comment.as_str(),
        "<b>Late</b>, cold, \"sorry\"",
        "HTML is kept as text"
    );
    assert_eq!(stored[1].touchpoint_id, Some(doorstep));
    assert_eq!(stored[1].customer_id, None);
    assert_eq!(stored[1].submitted_at.hour(), 16, "kept in UTC");
    assert_eq!(stored[2].touchpoint_id, Some(checkout));
    assert!(stored.iter().all(|r| r.client_key.is_none()));
    assert_eq!(stored[0].customer_id, stored[2].customer_id, "one customer");
    let customer = stored[0].customer_id.unwrap();
    let ws = demo.id;
    let c = s.with_store(async |st| st.customer(ws, customer).await.unwrap());
    assert_eq!(c.external_id.as_deref(), Some("c-17"));
    assert_eq!(
        c.email.map(|e| e.to_string()).as_deref(),
        Some("cerys@example.com")
    );

    // An anonymous survey ignores the customer columns.
    let anon = s.survey(&demo, SurveyKind::Nps, Some(checkout), true);
    ok(s.import(&file, "demo", anon.id));
    assert!(
        s.responses(&demo, anon.id)
            .iter()
            .all(|r| r.customer_id.is_none())
    );
}

#[test]
fn a_bad_line_stops_the_import_naming_line_and_column_and_stores_nothing() {
    let s = Setup::demo();
    let demo = s.workspace("demo");
    let checkout = s.touchpoint(&demo, "Checkout and delivery slot");
    let survey = s.survey(&demo, SurveyKind::Nps, Some(checkout), false);
    let file = s.file(
        "bad.csv",
        format!(
            "{HEADER}\n\
             2026-01-05T09:30:00Z,10,,,web,en,c-1,one@example.com\n\
             2026-01-05T09:31:00Z,9,,,web,en,c-2,two@example.com\n\
             2026-01-05T09:32:00Z,11,,,web,en,c-3,three@example.com\n\
             2026-01-05T09:33:00Z,8,,,web,en,c-4,four@example.com\n"
        )
        .as_bytes(),
    );
    let o = s.import(&file, "demo", survey.id);
    assert!(!o.status.success());
    let err = stderr(&o);
    assert!(err.contains("line 4, column score"), "{err}");
    assert!(err.contains("“11”") && err.contains("0 to 10"), "{err}");
    assert!(s.responses(&demo, survey.id).is_empty(), "nothing stored");

    let semi = s.file(
        "semi.csv",
        b"submitted_at;score;comment;touchpoint;channel;locale;customer_id;customer_email\n",
    );
    let err = stderr(&s.import(&semi, "demo", survey.id));
    assert!(
        err.contains("the file is separated by ';' — taith expects commas"),
        "{err}"
    );
    let unknown = s.file(
        "unknown.csv",
        format!("{HEADER}\n2026-01-05T09:30:00Z,10,,Till,web,en,,\n").as_bytes(),
    );
    let err = stderr(&s.import(&unknown, "demo", survey.id));
    assert!(
        err.contains("line 2, column touchpoint") && err.contains("“Till”"),
        "{err}"
    );
    assert!(s.responses(&demo, survey.id).is_empty());

    let o = s.import(&file, "demo", SurveyId::new());
    assert!(stderr(&o).contains("no survey"), "{}", stderr(&o));
}

/// Cells that would break a naive round trip: formulas, a leading minus, quotes, commas, line
/// breaks, HTML, right-to-left text, empty cells, attributes set on some rows only.
fn tricky_file() -> String {
    format!(
        "{HEADER},region,plan\n\
         2026-02-01T10:00:00.250Z,9,\"=HYPERLINK(\"\"http://x.example\"\",\"\"hi\"\")\",,web,en,-7,a@example.com,-north,@pro\n\
         2026-02-01T10:00:00Z,0,\"-5 stars\nsecond line\",Doorstep delivery,sms,ar,,,,\n\
         2026-02-01T10:00:00Z,6,\"'=already quoted\",Phone order line,phone,cy,c-1,,gwynedd,\n\
         2026-02-02T11:00:00Z,10,شكرا جزيلا <3,Checkout and delivery slot,chat,ar,,b@example.com,,basic\n\
         2026-01-31T23:59:59+01:00,8,+44 helpline was quick,,in-store,sw-KE,c-1,,,\n"
    )
}

#[test]
fn an_export_imports_into_another_workspace_as_the_same_responses() {
    let s = Setup::demo();
    let demo = s.workspace("demo");
    let checkout = s.touchpoint(&demo, "Checkout and delivery slot");
    let survey = s.survey(&demo, SurveyKind::Nps, Some(checkout), false);
    let file = s.file("tricky.csv", tricky_file().as_bytes());
    ok(s.import(&file, "demo", survey.id));
    let first = s.export("demo", survey.id, "csv");
    assert!(
        first.starts_with(&format!("{HEADER},plan,region\n")),
        "attribute columns sorted: {first}"
    );
    assert!(
        first.contains(",'-7,") && first.contains("'@pro"),
        "defanged: {first}"
    );
    assert_eq!(
        first.lines().nth(1).map(|l| &l[..20]),
        Some("2026-01-31T22:59:59Z")
    );

    // Another workspace with the same journeys (copied as journey files).
    ok(taith(
        &s.dir,
        &[
            "user",
            "create",
            "--workspace",
            "other",
            "--email",
            "o@other.example",
            "--name",
            "O",
        ],
    ));
    let other = s.workspace("other");
    let (from, to) = (demo.id, other.id);
    s.with_store(async |st| {
        let author = taith_store::Author {
            user_id: None,
            name: "test".into(),
        };
        for j in st.journeys(from, PageRequest::all()).await.unwrap().items {
            let f = taith_app::journeys::files::export_journey(st.as_ref(), from, j.id)
                .await
                .unwrap();
            taith_app::journeys::files::import_journey(st.as_ref(), to, f, &author)
                .await
                .unwrap();
        }
    });
    let other_checkout = s.touchpoint(&other, "Checkout and delivery slot");
    let copy = s.survey(&other, SurveyKind::Nps, Some(other_checkout), false);
    let exported = s.file("export.csv", first.as_bytes());
    ok(s.import(&exported, "other", copy.id));
    let second = s.export("other", copy.id, "csv");
    assert_eq!(second, first);

    // And once more into a second survey of the first workspace, through --output.
    let again = s.survey(&demo, SurveyKind::Nps, Some(checkout), false);
    let out = s.dir.join("again.csv");
    ok(taith(
        &s.dir,
        &[
            "export",
            "responses",
            "--workspace",
            "other",
            "--survey",
            &copy.id.to_string(),
            "--output",
            out.to_str().unwrap(),
        ],
    ));
    ok(s.import(out.to_str().unwrap(), "demo", again.id));
    assert_eq!(s.export("demo", again.id, "csv"), first);

    let json: serde_json::Value =
        serde_json::from_str(&s.export("demo", again.id, "json")).unwrap();
    let rows = json["responses"].as_array().unwrap();
    assert_eq!(rows.len(), 5);
    let formula = rows.iter().find(|r| r["score"] == 9).unwrap();
    assert_eq!(
        formula["comment"], "=HYPERLINK(\"http://x.example\",\"hi\")",
        "JSON is not defanged"
    );
    assert_eq!(formula["customer_id"], "-7");
    assert_eq!(formula["customer_email"], "a@example.com");
    assert_eq!(formula["touchpoint"], "Checkout and delivery slot");
    assert_eq!(formula["attributes"]["region"], "-north");
    assert_eq!(formula["submitted_at"], "2026-02-01T10:00:00.25Z");
}

/// Not a check but a measurement: writes a file of `TAITH_IMPORT_ROWS` (100,000) responses
/// from 5,000 customers and times `taith import responses` on it. For the release figure:
///
/// ```sh
/// cargo build --release -p taith
/// TAITH_BIN=target/release/taith RUST_LOG=taith=debug \
///     cargo test -p taith --test it csv_io::import_timing -- --ignored --nocapture
/// ```
#[test]
#[ignore = "a measurement, run by hand"]
fn import_timing() {
    let rows: usize = std::env::var("TAITH_IMPORT_ROWS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let customers: usize = std::env::var("TAITH_IMPORT_CUSTOMERS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(5_000);
    let s = Setup::demo();
    let demo = s.workspace("demo");
    let checkout = s.touchpoint(&demo, "Checkout and delivery slot");
    let survey = s.survey(&demo, SurveyKind::Nps, Some(checkout), false);
    let file = s.file("big.csv", generated_file(rows, customers).as_bytes());
    let started = Instant::now();
    let o = s.import(&file, "demo", survey.id);
    let took = started.elapsed();
    // With RUST_LOG=taith=debug the binary's log says where the time went.
    eprint!("{}", stderr(&o));
    let out = ok(o);
    eprintln!(
        "{} → {rows} rows imported in {took:.2?}: {out}",
        bin().display()
    );
    assert_eq!(s.responses(&demo, survey.id).len(), rows);
}

/// A plausible year of answers: every locale and channel, comments on one in three, four
/// attributes, customers identified on four rows in five.
fn generated_file(rows: usize, customers: usize) -> String {
    const TOUCHPOINTS: [&str; 4] = [
        "",
        "Checkout and delivery slot",
        "Doorstep delivery",
        "Phone order line",
    ];
    const CHANNELS: [&str; 5] = ["web", "email", "sms", "phone", "in-store"];
    const LOCALES: [&str; 6] = ["en", "cy", "ms", "sw", "ar", "vi"];
    const COMMENTS: [&str; 6] = [
        "Lovely bread, friendly driver",
        "Roedd y bara'n hyfryd, diolch!",
        "Roti sampai lewat, tetapi sedap",
        "Huduma nzuri sana, asante",
        "الخبز كان طازجا، شكرا",
        "Bánh mì rất ngon, giao hàng hơi trễ",
    ];
    let mut out = format!("{HEADER},team,agent,plan,region\n");
    let mut seed: u64 = 0x7a17_4a11;
    let mut next = |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    let start = time::macros::datetime!(2025-03-01 00:00 UTC);
    for i in 0..rows {
        let at = start + time::Duration::seconds((i as i64) * 300 + next(300) as i64);
        let at = at
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap();
        let score = next(11);
        let comment = if next(3) == 0 {
            COMMENTS[next(COMMENTS.len())]
        } else {
            ""
        };
        let (cid, email) = if next(5) == 0 {
            (String::new(), String::new())
        } else {
            let c = next(customers.max(1));
            (format!("cust-{c}"), format!("cust{c}@example.com"))
        };
        out.push_str(&format!(
            "{at},{score},\"{comment}\",{},{},{},{cid},{email},team-{},agent-{},{},{}\n",
            TOUCHPOINTS[next(TOUCHPOINTS.len())],
            CHANNELS[next(CHANNELS.len())],
            LOCALES[next(LOCALES.len())],
            next(5),
            next(40),
            ["basic", "pro", "business"][next(3)],
            ["cardiff", "gwynedd", "ceredigion", "powys"][next(4)],
        ));
    }
    out
}
