//! The `taith` binary itself: its subcommands against a real data directory.

use std::io::{BufRead as _, BufReader};
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn data_dir() -> PathBuf {
    crate::helpers::scratch_path("taith-cli-")
}

fn taith(dir: &PathBuf, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_taith"))
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .env_remove("TAITH_DATABASE_URL")
        .output()
        .expect("run taith")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn an_unknown_database_url_stops_start_up_naming_the_accepted_forms() {
    let o = taith(
        &data_dir(),
        &["--database-url", "mysql://root@localhost/taith", "migrate"],
    );
    assert!(!o.status.success());
    let err = stderr(&o);
    assert!(
        err.contains("sqlite://") && err.contains("postgres://"),
        "{err}"
    );
}

#[test]
fn user_create_makes_a_workspace_and_token_create_prints_the_token_last() {
    let dir = data_dir();
    let o = taith(
        &dir,
        &[
            "user",
            "create",
            "--workspace",
            "becws",
            "--workspace-name",
            "Becws",
            "--email",
            "me@becws.example",
            "--name",
            "Siân",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("password: "));
    let o = taith(
        &dir,
        &["token", "create", "--workspace", "becws", "--scope", "read"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let last = out.lines().last().unwrap();
    assert!(last.starts_with("taith_") && last.len() == 70, "{last}");
    assert!(
        !std::fs::read(dir.join("taith.db"))
            .unwrap()
            .windows(last.len())
            .any(|w| w == last.as_bytes()),
        "only a hash is stored"
    );
    let o = taith(
        &dir,
        &["token", "create", "--workspace", "nope", "--scope", "read"],
    );
    assert!(!o.status.success());
    assert!(stderr(&o).contains("no workspace"));
}

#[test]
fn a_journey_exported_from_the_demo_imports_into_another_workspace_whole() {
    let dir = data_dir();
    let o = taith(&dir, &["demo"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("taith-demo-2026"));
    let o = taith(
        &dir,
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
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let rt = tokio::runtime::Runtime::new().unwrap();
    let store = rt
        .block_on(taith::database::open_store(
            &taith::database::DatabaseUrl::default_for(&dir),
        ))
        .unwrap();
    let demo = rt
        .block_on(store.workspace_by_slug(&taith_domain::Slug::parse("demo").unwrap()))
        .unwrap();
    let summary = rt
        .block_on(store.journeys(demo.id, taith_store::PageRequest::all()))
        .unwrap()
        .items
        .remove(0);
    let original = rt.block_on(store.journey(demo.id, summary.id)).unwrap();
    drop(store);

    let file = dir.join("journey.json");
    let id = summary.id.to_string();
    let o = taith(
        &dir,
        &[
            "journey",
            "export",
            "--workspace",
            "demo",
            "--journey",
            &id,
            "--output",
            file.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let o = taith(
        &dir,
        &[
            "journey",
            "import",
            file.to_str().unwrap(),
            "--workspace",
            "other",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));

    let store = rt
        .block_on(taith::database::open_store(
            &taith::database::DatabaseUrl::default_for(&dir),
        ))
        .unwrap();
    let other = rt
        .block_on(store.workspace_by_slug(&taith_domain::Slug::parse("other").unwrap()))
        .unwrap();
    let imported_id = rt
        .block_on(store.journeys(other.id, taith_store::PageRequest::all()))
        .unwrap()
        .items[0]
        .id;
    let imported = rt.block_on(store.journey(other.id, imported_id)).unwrap();
    let names = |j: &taith_domain::Journey| {
        j.stages
            .iter()
            .map(|s| s.fields.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(names(&imported), names(&original));
    assert_eq!(imported.touchpoints.len(), original.touchpoints.len());
    assert!(
        imported.fields.persona_id.is_some(),
        "the persona came along"
    );
    let revisions = rt.block_on(store.revisions(other.id, imported_id)).unwrap();
    assert_eq!(revisions[0].changes, vec![taith_domain::Change::Imported]);

    let broken = dir.join("broken.json");
    std::fs::write(
        &broken,
        br#"{"format":"taith.journey/1","name":"","stages":[]}"#,
    )
    .unwrap();
    let o = taith(
        &dir,
        &[
            "journey",
            "import",
            broken.to_str().unwrap(),
            "--workspace",
            "other",
        ],
    );
    assert!(!o.status.success());
    assert!(stderr(&o).contains("not a journey file"), "{}", stderr(&o));
}

#[test]
fn backup_writes_a_working_copy_and_refuses_to_overwrite() {
    let dir = data_dir();
    assert!(taith(&dir, &["demo"]).status.success());
    let copy = dir.join("backup.db");
    let o = taith(&dir, &["backup", "--to", copy.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = taith(&dir, &["backup", "--to", copy.to_str().unwrap()]);
    assert!(!o.status.success(), "an existing file is not overwritten");
    let url = format!("sqlite://{}", copy.display());
    let o = taith(
        &dir,
        &[
            "--database-url",
            &url,
            "token",
            "create",
            "--workspace",
            "demo",
            "--scope",
            "write",
        ],
    );
    assert!(
        o.status.success(),
        "the backup is a working store: {}",
        stderr(&o)
    );
}

#[test]
fn serve_with_demo_serves_the_demo_and_its_credentials_sign_in() {
    let dir = data_dir();
    let mut child = Command::new(env!("CARGO_BIN_EXE_taith"))
        .arg("--data-dir")
        .arg(&dir)
        .args(["serve", "--demo", "--listen", "127.0.0.1:0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut printed = String::new();
    let addr = loop {
        let line = lines.next().expect("taith printed its address").unwrap();
        printed.push_str(&line);
        printed.push('\n');
        if let Some(a) = line.strip_prefix("taith is serving on http://") {
            break a.parse::<std::net::SocketAddr>().unwrap();
        }
    };
    assert!(
        printed.contains("sian@becws.example") && printed.contains("taith-demo-2026"),
        "{printed}"
    );
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let b = crate::helpers::Browser::new(addr);
        b.sign_in("sian@becws.example", "taith-demo-2026").await;
        let page = b.get("/w/demo").await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains("Becws"), "{}", page.body);
    });
    child.kill().unwrap();
    child.wait().unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn themes_and_comments_print_what_the_analyser_stored_and_say_what_waits() {
    use crate::voc_store::{analyse_all, nps_survey, said, store_all, workspace};
    use taith_app::voc::{Voc, comments, themes};
    use taith_domain::{Locale, Period, Preset};
    let dir = data_dir();
    let store =
        taith::database::open_store(&taith::database::DatabaseUrl::Sqlite(dir.join("taith.db")))
            .await
            .unwrap();
    let ws = workspace(&store, "cli-voc").await;
    let survey = nps_survey(&store, ws).await;
    let written = [
        (1, "The parcel was late and broken"),
        (2, "My parcel came a week late, awful"),
        (3, "Nobody told me where my parcel was"),
        (10, "Wonderful bread, thank you"),
        (9, "Lovely cakes and kind staff"),
    ];
    let rs: Vec<_> = written
        .iter()
        .map(|(score, text)| said(survey, *score, Locale::En, text))
        .collect();
    store_all(&store, ws, &rs).await;
    let voc = Voc::default();
    analyse_all(&voc, &store).await;
    themes::create(store.as_ref(), ws, "Late parcels", "parcel")
        .await
        .unwrap();
    analyse_all(&voc, &store).await;
    let period = Period::preset(Preset::Days90, taith_domain::now().date());
    let report = themes::report(
        store.as_ref(),
        ws,
        &comments::CountFilter::new(period),
        false,
    )
    .await
    .unwrap();
    let figure = report
        .figures
        .iter()
        .find(|f| f.theme.fields.name.as_str() == "Late parcels")
        .unwrap();
    assert_eq!(figure.mentions, 3);

    // JSON: the figures of the use-case, as GET /api/v1/themes writes them.
    let o = taith(&dir, &["themes", "--workspace", "cli-voc", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let json: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(json["comments"], 5);
    let listed = json["themes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["name"] == "Late parcels")
        .unwrap();
    assert_eq!(listed["mentions"], 3);
    assert_eq!(listed["impact"]["metric"], "nps");
    assert_eq!(listed["impact"]["with"]["n"], 3);
    assert_eq!(listed["impact"]["with"]["value"], -100.0);
    assert_eq!(listed["impact"]["without"]["value"], 100.0);
    assert!(stderr(&o).is_empty(), "{}", stderr(&o));

    // The table: the theme with its mentions, share and impact in points of NPS.
    let o = taith(
        &dir,
        &["themes", "--workspace", "cli-voc", "--period", "30d"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let line = out
        .lines()
        .find(|l| l.starts_with("Late parcels"))
        .unwrap_or_else(|| panic!("{out}"));
    assert!(line.contains(" 3 ") && line.contains("60%"), "{line}");
    assert!(
        line.contains("\u{2212}200 ± ") && line.contains("NPS"),
        "{line}"
    );

    // A comment not analysed yet is said to wait, and not counted.
    store_all(
        &store,
        ws,
        &[said(survey, 0, Locale::En, "The parcel never came")],
    )
    .await;
    let o = taith(&dir, &["themes", "--workspace", "cli-voc"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("1 comment waits for analysis"),
        "{}",
        stderr(&o)
    );
    assert!(stdout(&o).starts_with("5 comments"), "{}", stdout(&o));

    // Comments: filtered, limited, and their CSV.
    let o = taith(
        &dir,
        &[
            "comments",
            "--workspace",
            "cli-voc",
            "--q",
            "parcel",
            "--limit",
            "2",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert_eq!(out.lines().count(), 3, "{out}");
    assert!(
        out.lines()
            .skip(1)
            .all(|l| l.contains("parcel") && l.contains("Late parcels")),
        "{out}"
    );
    assert!(stderr(&o).contains("More comments match"), "{}", stderr(&o));
    let o = taith(&dir, &["comments", "--workspace", "cli-voc", "--csv"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o).lines().count(), 1 + 5, "{}", stdout(&o));
    let o = taith(
        &dir,
        &["comments", "--workspace", "cli-voc", "--sentiment", "angry"],
    );
    assert!(!o.status.success());
    assert!(stderr(&o).contains("--sentiment"), "{}", stderr(&o));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn alerts_and_webhooks_list_the_demos_rules_and_endpoint_without_its_secret() {
    let dir = data_dir();
    assert!(taith(&dir, &["demo"]).status.success());
    let alerts = taith(&dir, &["alerts", "list", "--workspace", "demo"]);
    assert!(alerts.status.success(), "{}", stderr(&alerts));
    let text = stdout(&alerts);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert!(
        lines
            .iter()
            .any(|l| l.contains("\tchange\tmentions\t") && l.ends_with("Mentions spike")),
        "{text}"
    );
    assert!(
        lines.iter().any(|l| l.contains("\tdetractor\tnps\t")
            && l.ends_with("Unhappy customer at a moment of truth")),
        "{text}"
    );
    // The week-on-week rule fired once and cleared.
    assert!(
        lines
            .iter()
            .any(|l| l.contains("\tchange\tnps\t") && l.contains("\t1\tNPS falling week on week")),
        "{text}"
    );
    let hooks = taith(&dir, &["webhooks", "list", "--workspace", "demo"]);
    assert!(hooks.status.success(), "{}", stderr(&hooks));
    let text = stdout(&hooks);
    assert_eq!(text.lines().count(), 1, "{text}");
    assert!(text.contains("\tstandard\toff\t"), "{text}");
    assert!(
        text.contains("https://till.becws.example/taith/webhooks"),
        "{text}"
    );
    assert!(!text.contains("whsec_"), "{text}");
    let missing = taith(&dir, &["alerts", "list", "--workspace", "nowhere"]);
    assert!(!missing.status.success());
    assert!(stderr(&missing).contains("nowhere"), "{}", stderr(&missing));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn signals_show_the_demo_web_shops_figures_and_drop_off_and_bind_checks_its_figures() {
    let dir = data_dir();
    assert!(taith(&dir, &["demo"]).status.success());
    let rt = tokio::runtime::Runtime::new().unwrap();
    let store = rt
        .block_on(taith::database::open_store(
            &taith::database::DatabaseUrl::default_for(&dir),
        ))
        .unwrap();
    let demo = rt
        .block_on(store.workspace_by_slug(&taith_domain::Slug::parse("demo").unwrap()))
        .unwrap();
    let shop = rt
        .block_on(store.journeys(demo.id, taith_store::PageRequest::all()))
        .unwrap()
        .items
        .into_iter()
        .find(|j| j.name.as_str().contains("web shop"))
        .expect("the demo's web shop journey");
    let journey = rt.block_on(store.journey(demo.id, shop.id)).unwrap();
    drop(store);
    let id = shop.id.to_string();

    let o = taith(
        &dir,
        &[
            "signals",
            "show",
            "--workspace",
            "demo",
            "--journey",
            &id,
            "--period",
            "90d",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let answer: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let metrics: Vec<&str> = answer["touchpoints"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|t| t["figures"].as_array().unwrap())
        .map(|f| f["metric"].as_str().unwrap())
        .collect();
    for m in [
        "bounce_rate",
        "conversion_rate",
        "error_rate",
        "first_response_time",
    ] {
        assert!(metrics.contains(&m), "{m}: {answer}");
    }
    // The product pages → checkout drop-off: some went on, not all.
    let d = &answer["drop_offs"][0];
    let (reached, went) = (
        d["reached"].as_u64().unwrap(),
        d["went_on"].as_u64().unwrap(),
    );
    assert!(reached > went && went > 0, "{answer}");

    let checkout = journey
        .touchpoints
        .iter()
        .find(|t| t.fields.name.as_str().starts_with("Checkout"))
        .unwrap()
        .id
        .to_string();
    let o = taith(
        &dir,
        &[
            "signals",
            "bind",
            "--workspace",
            "demo",
            "--touchpoint",
            &checkout,
            "--figure",
            "conversion_rate:order",
            "--figure",
            "visitors",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        stdout(&o).trim(),
        "The touchpoint shows: conversion_rate:order, visitors"
    );
    let o = taith(
        &dir,
        &[
            "signals",
            "bind",
            "--workspace",
            "demo",
            "--touchpoint",
            &checkout,
            "--figure",
            "nps",
        ],
    );
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("--figure (figures[0].metric): unknown_value"),
        "{}",
        stderr(&o)
    );
    let o = taith(
        &dir,
        &[
            "signals",
            "bind",
            "--workspace",
            "demo",
            "--touchpoint",
            &taith_domain::TouchpointId::new().to_string(),
        ],
    );
    assert!(!o.status.success());
    assert!(stderr(&o).contains("no such touchpoint"), "{}", stderr(&o));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn mentions_import_all_or_nothing_and_show_the_demos_spike() {
    let dir = data_dir();
    assert!(taith(&dir, &["demo"]).status.success());

    // The demo's story: a video this week, far more mentions than the week before.
    let o = taith(
        &dir,
        &["mentions", "show", "--workspace", "demo", "--period", "7d"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let week: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert!(week["total"].as_u64().unwrap() >= 60, "{week}");
    assert_eq!(week["trend"], "up", "{week}");

    let file = dir.join("mentions.json");
    std::fs::write(
        &file,
        r#"{"mentions": [{"source": "facebook", "external_id": "cli-1", "text": "Diolch am y bara!"},
                         {"source": "facebook", "text": ""}]}"#,
    )
    .unwrap();
    let path = file.to_string_lossy().into_owned();
    let o = taith(
        &dir,
        &["mentions", "import", "--workspace", "demo", "--file", &path],
    );
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("mentions[1].text: required"),
        "{}",
        stderr(&o)
    );

    std::fs::write(
        &file,
        r#"{"mentions": [{"source": "facebook", "external_id": "cli-1", "text": "Diolch am y bara!"}]}"#,
    )
    .unwrap();
    for new in ["1 new", "0 new"] {
        let o = taith(
            &dir,
            &["mentions", "import", "--workspace", "demo", "--file", &path],
        );
        assert!(o.status.success(), "{}", stderr(&o));
        assert!(stdout(&o).contains(new), "{}", stdout(&o));
    }
    let o = taith(
        &dir,
        &["mentions", "show", "--workspace", "demo", "--period", "7d"],
    );
    let after: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(
        after["total"].as_u64().unwrap(),
        week["total"].as_u64().unwrap() + 1
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn export_audit_writes_the_log_as_csv_and_records_itself() {
    let dir = data_dir();
    let o = taith(
        &dir,
        &[
            "user",
            "create",
            "--workspace",
            "becws",
            "--workspace-name",
            "Becws",
            "--email",
            "me@becws.example",
            "--name",
            "Siân",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let export = || taith(&dir, &["export", "audit", "--workspace", "becws"]);
    let o = export();
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        stdout(&o).lines().next(),
        Some("at,actor_kind,actor_id,actor,address,method,action,target,status")
    );
    // The second export lists the first.
    let o = export();
    let out = stdout(&o);
    assert!(
        out.lines().any(
            |l| l.contains(",cli,,taith export audit,,CLI,export audit,/w/becws/audit.csv,200")
        ),
        "{out}"
    );
    let o = taith(
        &dir,
        &[
            "export",
            "audit",
            "--workspace",
            "becws",
            "--period",
            "ever",
        ],
    );
    assert!(!o.status.success());
    assert!(stderr(&o).contains("--period"), "{}", stderr(&o));
    let _ = std::fs::remove_dir_all(dir);
}
