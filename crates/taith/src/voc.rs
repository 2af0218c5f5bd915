//! `taith themes` and `taith comments`: the voice of the customer on the command line. They
//! read what the analyser running inside `taith serve` stored, through the same use-cases as
//! the pages and the API, and say how many comments still wait for analysis.

use crate::output::Out;
use anyhow::bail;
use taith_app::voc::comments::{self, MAX_PAGE, learning_status};
use taith_app::voc::themes::{self, ThemeFigure};
use taith_domain::{Period, ValidationErrors, Workspace};
use taith_store::SharedStore;
use taith_web::voc::query::CommentParams;
use taith_web::voc::wire;

/// `--period`, `--from`, `--to` read as the pages read `?period=&from=&to=`.
pub fn period(preset: &str, from: &str, to: &str) -> anyhow::Result<Period> {
    let p = Period::parse(preset, from, to, taith_domain::now().date()).map_err(said)?;
    // As the API: ten years at most, and an end the calendar has a day after.
    if p.days() > 3_660 || p.to >= time::Date::MAX {
        bail!("--from: the period is longer than ten years");
    }
    Ok(p)
}

/// Field errors as the flags that caused them.
fn said(e: ValidationErrors) -> anyhow::Error {
    let said: Vec<String> =
        e.0.iter()
            .map(|f| format!("--{}: {}", f.field, f.issue.code()))
            .collect();
    anyhow::anyhow!("{}", said.join("; "))
}

/// Tells (on standard error, so that JSON and CSV on standard output stay whole) how many
/// comments the analyser has not reached yet: they are not counted.
async fn say_pending(store: &SharedStore, ws: &Workspace, out: Out) -> anyhow::Result<()> {
    let pending = store.voc_pending_count(ws.id).await?;
    match pending {
        0 => {}
        1 => out
            .note("1 comment waits for analysis (taith serve analyses it) and is not counted yet."),
        n => out.note(&format!(
            "{n} comments wait for analysis (taith serve analyses them) and are not counted yet."
        )),
    }
    Ok(())
}

/// Text a customer wrote, safe to print on a terminal: control characters (escape sequences
/// among them) and bidirectional overrides are shown as `�`, line breaks as spaces.
pub fn terminal_safe(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\n' | '\r' | '\t' => ' ',
            c if c.is_control() => '\u{fffd}',
            '\u{200e}'
            | '\u{200f}'
            | '\u{061c}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2066}'..='\u{2069}' => '\u{fffd}',
            c => c,
        })
        .collect()
}

/// At most `max` characters of `s`, with `…` when cut.
fn cut(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_owned();
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// A signed figure with a true minus sign, as people write it: `−14`, `+3`, `0`.
fn signed(x: f64) -> String {
    let r = x.round();
    if r == 0.0 {
        "0".to_owned()
    } else if r < 0.0 {
        format!("\u{2212}{}", -r)
    } else {
        format!("+{r}")
    }
}

/// A theme's impact as a sentence fragment: `−14 ± 5 NPS`, `(not significant)` after it when
/// the interval takes in 0; `—` when it cannot be measured.
pub fn impact_text(f: &ThemeFigure) -> String {
    let Some(i) = f.impact else {
        return "—".to_owned();
    };
    let Some(d) = i.difference else {
        return "—".to_owned();
    };
    let mut s = format!(
        "{} ± {} {}",
        signed(d.delta),
        d.margin.round(),
        i.metric.as_str().to_uppercase()
    );
    if !d.significant {
        s.push_str(" (not significant)");
    }
    s
}

/// Columns padded to their widest cell (in characters).
fn table(rows: &[Vec<String>]) -> Vec<String> {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|s| s.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    rows.iter()
        .map(|r| {
            let cells: Vec<String> = r
                .iter()
                .enumerate()
                .map(|(i, s)| {
                    let pad = widths[i].saturating_sub(s.chars().count());
                    if i + 1 == r.len() {
                        s.clone()
                    } else {
                        format!("{s}{}", " ".repeat(pad))
                    }
                })
                .collect();
            cells.join("  ").trim_end().to_owned()
        })
        .collect()
}

/// `taith themes`: the period's themes with mentions, share, sentiment and impact, as a
/// table or as the JSON of `GET /api/v1/themes`.
pub async fn themes_command(
    store: &SharedStore,
    ws: &Workspace,
    period: Period,
    include_hidden: bool,
    json: bool,
    out: Out,
) -> anyhow::Result<()> {
    say_pending(store, ws, out).await?;
    let filter = comments::CountFilter::new(period);
    let report = themes::report(store.as_ref(), ws.id, &filter, include_hidden).await?;
    if json {
        let status = learning_status(store.as_ref(), ws.id).await?;
        let answer = wire::ThemeReport {
            comments: report.comments,
            themes: report
                .figures
                .iter()
                .map(wire::ThemeFigures::from)
                .collect(),
            learning: (&status).into(),
        };
        out.line(&serde_json::to_string(&answer)?);
        return Ok(());
    }
    out.line(&format!(
        "{} comments from {} to {}",
        report.comments, period.from, period.to
    ));
    if report.figures.is_empty() {
        out.line("No themes yet.");
        return Ok(());
    }
    let mut rows = vec![vec![
        "theme".to_owned(),
        "mentions".to_owned(),
        "share".to_owned(),
        "sentiment (neg/neu/pos)".to_owned(),
        "impact".to_owned(),
    ]];
    for f in &report.figures {
        let mut name = terminal_safe(f.theme.fields.name.as_str());
        if f.theme.fields.pinned {
            name.push_str(" (pinned)");
        }
        if f.rising {
            name.push_str(" ↑");
        }
        let s = f.sentiment;
        rows.push(vec![
            name,
            f.mentions.to_string(),
            format!("{:.0}%", f.share * 100.0),
            format!("{}/{}/{}", s.negative, s.neutral, s.positive),
            impact_text(f),
        ]);
    }
    for line in table(&rows) {
        out.line(&line);
    }
    Ok(())
}

/// The filters of `taith comments`, as typed.
#[derive(Debug, Clone, Default)]
pub struct CommentFlags {
    pub language: Option<String>,
    pub sentiment: Option<String>,
    pub theme: Option<String>,
    pub q: Option<String>,
    pub limit: u32,
    pub csv: bool,
}

/// `taith comments`: the newest comments matching the filters, one a line, or every one of
/// them as the explorer's CSV.
pub async fn comments_command(
    store: &SharedStore,
    ws: &Workspace,
    period: Period,
    flags: CommentFlags,
    out: Out,
) -> anyhow::Result<()> {
    if !(1..=MAX_PAGE).contains(&flags.limit) {
        bail!("--limit: between 1 and {MAX_PAGE}");
    }
    let params = CommentParams {
        language: flags.language.unwrap_or_default(),
        sentiment: flags.sentiment.unwrap_or_default(),
        theme: flags.theme.unwrap_or_default(),
        q: flags.q.unwrap_or_default(),
        ..CommentParams::default()
    };
    let filter = params.filter(period).map_err(said)?;
    say_pending(store, ws, out).await?;
    if flags.csv {
        let csv = comments::export_csv(store.as_ref(), ws.id, &filter).await?;
        out.file(&csv)?;
        return Ok(());
    }
    let page = comments::explore(store.as_ref(), ws.id, &filter, None, flags.limit).await?;
    if page.items.is_empty() {
        out.line("No comments match.");
        return Ok(());
    }
    let mut rows = vec![vec![
        "submitted".to_owned(),
        "score".to_owned(),
        "language".to_owned(),
        "sentiment".to_owned(),
        "themes".to_owned(),
        "comment".to_owned(),
    ]];
    for item in &page.items {
        let r = &item.comment.response;
        let a = &item.comment.analysis;
        let themes: Vec<&str> = item.themes.iter().map(|t| t.fields.name.as_str()).collect();
        rows.push(vec![
            r.submitted_at.date().to_string(),
            r.score.to_string(),
            a.language.code().to_owned(),
            a.sentiment
                .map(|(p, _)| p.code().to_owned())
                .unwrap_or_else(|| "—".to_owned()),
            cut(&terminal_safe(&themes.join(", ")), 40),
            cut(&terminal_safe(&r.written_text()), 100),
        ]);
    }
    for line in table(&rows) {
        out.line(&line);
    }
    if page.next.is_some() {
        out.note(&format!(
            "More comments match: raise --limit (up to {MAX_PAGE}) or use --csv for all."
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_and_bidi_overrides_are_not_printed_as_they_are() {
        assert_eq!(
            terminal_safe("ok\u{1b}[31mred\u{202e}x\ny"),
            "ok\u{fffd}[31mred\u{fffd}x y"
        );
    }

    #[test]
    fn a_negative_impact_is_written_with_a_true_minus_sign() {
        assert_eq!(signed(-14.4), "\u{2212}14");
        assert_eq!(signed(3.0), "+3");
        assert_eq!(signed(-0.2), "0");
    }
}
