//! The responses CSV importer (`taith import responses`, the survey page's upload):
//! `taith_domain::csv::read_responses_csv` on any bytes, against an NPS survey with a
//! touchpoint and against an anonymous CSAT survey.
//!
//! Properties, besides never panicking:
//! - a refusal names a line that exists in the file (lines end in LF, CRLF or a lone CR);
//! - reading record by record (`ResponsesCsv`) gives exactly what the whole-file read gives;
//! - accepted rows start on strictly increasing lines after the header, scores are on the
//!   survey's scale, comments within 5,000 characters, customers absent for an anonymous survey;
//! - an export of the accepted rows (`write_responses_csv`) imports back as the same rows.
#![no_main]

use libfuzzer_sys::fuzz_target;
use taith_domain::csv::{
    ExportRow, ImportRow, ImportSpec, ResponsesCsv, read_responses_csv, write_responses_csv,
};
use taith_domain::survey::MAX_COMMENT_CHARS;
use taith_fuzz::fixture;

fn exported(rows: &[ImportRow]) -> Vec<ExportRow> {
    let f = fixture();
    rows.iter()
        .map(|r| ExportRow {
            submitted_at: r.submitted_at,
            score: r.score,
            comment: r.comment.as_str().to_owned(),
            touchpoint: r.touchpoint_id.and_then(|id| {
                f.touchpoint_refs
                    .iter()
                    .find(|t| t.id == id)
                    .map(|t| t.name.clone())
            }),
            channel: r.channel,
            locale: r.locale,
            customer_id: r.customer.as_ref().and_then(|c| c.external_id.clone()),
            customer_email: r
                .customer
                .as_ref()
                .and_then(|c| c.email.as_ref().map(|e| e.as_str().to_owned())),
            attributes: r.attributes.clone(),
        })
        .collect()
}

/// The row without where it was in its file.
fn content(r: &ImportRow) -> impl PartialEq + std::fmt::Debug + '_ {
    (
        r.submitted_at,
        r.score,
        r.comment.as_str(),
        r.touchpoint_id,
        r.channel,
        r.locale,
        &r.customer,
        &r.attributes,
    )
}

fuzz_target!(|data: &[u8]| {
    let f = fixture();
    for survey in [&f.nps, &f.csat_anon] {
        let spec = ImportSpec::new(survey, f.touchpoint_refs.clone());
        let whole = read_responses_csv(data, &spec);

        // The streaming reader agrees with the whole-file read.
        let streamed: Result<Vec<ImportRow>, _> = match ResponsesCsv::new(data, &spec) {
            Ok(reader) => reader.collect(),
            Err(e) => Err(e),
        };
        assert_eq!(whole, streamed, "streaming and whole-file reads differ");

        match whole {
            Err(e) => {
                // At most one line per LF or CR (a CRLF is one), and the last line.
                let lines = data.iter().filter(|b| matches!(b, b'\n' | b'\r')).count() as u64 + 1;
                assert!(
                    (1..=lines).contains(&e.line),
                    "error on line {} of a {lines}-line file: {e}",
                    e.line
                );
                assert!(!e.message.is_empty());
                let _ = e.to_string();
            }
            Ok(rows) => {
                let scale = survey.fields.scale;
                let mut last = 1;
                for r in &rows {
                    assert!(
                        r.line > last,
                        "lines not increasing: {} after {last}",
                        r.line
                    );
                    last = r.line;
                    assert!((scale.low..=scale.high).contains(&r.score));
                    assert!(r.comment.as_str().chars().count() <= MAX_COMMENT_CHARS);
                    if survey.fields.anonymous {
                        assert!(r.customer.is_none());
                    }
                    if let Some(c) = &r.customer {
                        assert!(c.external_id.is_some() || c.email.is_some());
                    }
                    assert_eq!(r.submitted_at.offset(), time::UtcOffset::UTC);
                    assert_eq!(r.submitted_at.nanosecond() % 1_000, 0);
                }

                // What an export writes imports back as the same rows.
                let csv = write_responses_csv(&exported(&rows));
                let back = read_responses_csv(csv.as_bytes(), &spec)
                    .unwrap_or_else(|e| panic!("an export does not import: {e}\n{csv}"));
                assert_eq!(back.len(), rows.len(), "{csv}");
                for (a, b) in rows.iter().zip(&back) {
                    assert_eq!(content(a), content(b), "export round trip:\n{csv}");
                }
            }
        }
    }
});
