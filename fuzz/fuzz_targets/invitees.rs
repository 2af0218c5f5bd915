//! The customer list of e-mail invitations (pasted on the survey page, `taith invite --file`):
//! `taith_domain::invitation::parse_invitees` on any text.
//!
//! Properties, besides never panicking:
//! - a refusal lists at least one problem, each on a line that exists, in line order;
//! - an accepted list, written back as CSV (quoted, with a header), reads back as the same list.
#![no_main]

use libfuzzer_sys::fuzz_target;
use taith_domain::invitation::{Invitee, LIST_COLUMNS, parse_invitees};

fn quoted(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}

fn written(list: &[Invitee]) -> String {
    let mut out = LIST_COLUMNS.join(",");
    out.push('\n');
    for i in list {
        let cells = [
            i.email.as_str().to_owned(),
            i.name
                .as_ref()
                .map(|n| n.as_str().to_owned())
                .unwrap_or_default(),
            i.locale.map(|l| l.tag().to_owned()).unwrap_or_default(),
            i.external_id.clone().unwrap_or_default(),
        ];
        let cells: Vec<String> = cells.iter().map(|c| quoted(c)).collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match parse_invitees(text) {
        Err(errors) => {
            assert!(!errors.is_empty());
            // At most one line per LF or CR (a CRLF is one), and the last line.
            let lines = text.matches(['\n', '\r']).count() + 1;
            let mut last = 0;
            for e in &errors {
                assert!(
                    (1..=lines).contains(&e.line),
                    "problem on line {} of {lines}: {e:?}",
                    e.line
                );
                assert!(e.line >= last, "problems out of line order: {errors:?}");
                last = e.line;
                assert!(LIST_COLUMNS.contains(&e.column));
            }
        }
        Ok(list) => {
            let again = written(&list);
            match parse_invitees(&again) {
                Ok(back) => assert_eq!(back, list, "round trip through\n{again}"),
                Err(e) => panic!("a written list does not read back: {e:?}\n{again}"),
            }
        }
    }
});
