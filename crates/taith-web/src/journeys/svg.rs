//! The journey map as a standalone SVG file: the same lanes as the page, laid out in Rust and
//! written by an auto-escaping template (`templates/journey_map.svg`).
//!
//! SVG has no text layout of its own, so lines are wrapped here by character count, and each
//! line is anchored by its own direction: in an Arabic map every line is right-aligned, whether
//! it was typed in Arabic or in English.

use crate::journeys::view::{MapView, TouchpointView};
use taith_i18n::Tr;

const LABEL_W: i64 = 180;
const COL_W: i64 = 230;
const LINE_H: i64 = 16;
const PAD: i64 = 10;
/// Characters per line in a stage column (a rough fit for 12px text in 230px).
const WRAP: usize = 32;
/// Characters per line in the label column (bold text in 180px).
const LABEL_WRAP: usize = 22;
const CURVE_H: i64 = 120;

#[derive(Debug, Clone)]
pub struct Text {
    pub x: i64,
    pub y: i64,
    pub text: String,
    pub class: &'static str,
    /// The line's own direction, from its first letter.
    pub direction: &'static str,
    /// Which end of the line sits at `x`. `text-anchor` counts in the line's own direction,
    /// so right-aligning anchors a left-to-right line at its end and a right-to-left one at
    /// its start.
    pub anchor: &'static str,
}

impl Text {
    fn new(x: i64, y: i64, text: String, class: &'static str, layout_rtl: bool) -> Text {
        let rtl = is_rtl_text(&text);
        let anchor = if layout_rtl == rtl { "start" } else { "end" };
        Text {
            x,
            y,
            text,
            class,
            direction: if rtl { "rtl" } else { "ltr" },
            anchor,
        }
    }
}

/// True when the first letter of `s` belongs to a right-to-left script (Hebrew, Arabic and
/// their presentation forms).
fn is_rtl_text(s: &str) -> bool {
    s.chars().find(|c| c.is_alphabetic()).is_some_and(
        |c| matches!(u32::from(c), 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF),
    )
}

#[derive(Debug, Clone)]
pub struct Rect {
    pub x: i64,
    pub y: i64,
    pub w: i64,
    pub h: i64,
    pub class: &'static str,
}

#[derive(Debug, Clone)]
pub struct SvgMap {
    pub width: i64,
    pub height: i64,
    pub lang: &'static str,
    pub direction: &'static str,
    pub title: String,
    pub description: String,
    pub texts: Vec<Text>,
    pub rects: Vec<Rect>,
    pub curve: String,
    pub dots: Vec<(i64, i64)>,
    /// The curve from the answers (the live map's), dashed; empty when nobody answered.
    pub data_curve: String,
    pub data_dots: Vec<(i64, i64)>,
}

/// Breaks text into lines of at most `width` characters, at spaces where possible.
fn wrap(s: &str, width: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut line = String::new();
    for word in s.split_whitespace() {
        let len = line.chars().count() + word.chars().count() + 1;
        if !line.is_empty() && len > width {
            out.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
        while line.chars().count() > width {
            let head: String = line.chars().take(width).collect();
            let tail: String = line.chars().skip(width).collect();
            out.push(head);
            line = tail;
        }
    }
    if !line.is_empty() {
        out.push(line);
    }
    out
}

struct Builder {
    rtl: bool,
    width: i64,
    y: i64,
    texts: Vec<Text>,
    rects: Vec<Rect>,
}

impl Builder {
    /// Distance from the label side's edge to the centre of stage `i`'s column.
    fn column_centre(i: i64) -> i64 {
        LABEL_W + i * COL_W + COL_W / 2
    }

    /// The x where lines of column `col` are anchored (−1 is the label column): their left
    /// edge, or in a right-to-left map their right edge.
    fn x(&self, col: i64) -> i64 {
        let from_edge = if col < 0 {
            PAD
        } else {
            LABEL_W + col * COL_W + PAD
        };
        if self.rtl {
            self.width - from_edge
        } else {
            from_edge
        }
    }

    fn text(&mut self, col: i64, line: i64, text: String, class: &'static str) {
        let t = Text::new(
            self.x(col),
            self.y + PAD + 12 + line * LINE_H,
            text,
            class,
            self.rtl,
        );
        self.texts.push(t);
    }

    /// A lane: a label and one list of lines per column, as tall as its longest cell.
    fn lane(&mut self, label: &str, cells: &[Vec<String>], class: &'static str) {
        let cells: Vec<Vec<(String, &'static str)>> = cells
            .iter()
            .map(|c| c.iter().map(|l| (l.clone(), "cell")).collect())
            .collect();
        self.styled_lane(label, &cells, class);
    }

    /// [`Builder::lane`] with a class per line (a touchpoint's name, its figure…).
    fn styled_lane(
        &mut self,
        label: &str,
        cells: &[Vec<(String, &'static str)>],
        class: &'static str,
    ) {
        let cells: Vec<Vec<(String, &'static str)>> = cells
            .iter()
            .map(|c| {
                c.iter()
                    .flat_map(|(l, class)| wrap(l, WRAP).into_iter().map(move |w| (w, *class)))
                    .collect()
            })
            .collect();
        let label_lines = wrap(label, LABEL_WRAP);
        let rows = cells
            .iter()
            .map(Vec::len)
            .chain([label_lines.len(), 1])
            .max()
            .unwrap_or(1) as i64;
        let h = rows * LINE_H + 2 * PAD;
        self.rects.push(Rect {
            x: 0,
            y: self.y,
            w: self.width,
            h,
            class,
        });
        for (i, l) in label_lines.into_iter().enumerate() {
            self.text(-1, i as i64, l, "label");
        }
        for (col, cell) in cells.into_iter().enumerate() {
            for (i, (l, class)) in cell.into_iter().enumerate() {
                self.text(col as i64, i as i64, l, class);
            }
        }
        self.y += h;
    }
}

pub fn layout(map: &MapView, tr: &Tr) -> SvgMap {
    let n = map.stages.len() as i64;
    let width = LABEL_W + n.max(1) * COL_W;
    let mut b = Builder {
        rtl: map.rtl,
        width,
        y: 6,
        texts: Vec::new(),
        rects: Vec::new(),
    };
    b.text(-1, 0, map.name.clone(), "title");
    b.y = 30;
    // Whom the map is drawn for, and what period its figures cover.
    let mut subtitle = Vec::new();
    if let Some(p) = &map.persona {
        subtitle.push(format!("{}: {p}", tr.t("journeys-for-persona")));
    }
    if !map.live_note.is_empty() {
        subtitle.push(map.live_note.clone());
    }
    if !subtitle.is_empty() {
        b.text(-1, 0, subtitle.join(" · "), "subtitle");
        b.y += LINE_H + 4;
    }
    b.y += 14;
    let notes = |f: fn(&crate::journeys::view::StageColumn) -> &Vec<String>| -> Vec<Vec<String>> {
        map.stages.iter().map(|s| f(s).clone()).collect()
    };
    let header: Vec<Vec<String>> = map.stages.iter().map(|s| vec![s.name.clone()]).collect();
    b.lane(&tr.t("map-stage"), &header, "head");
    for lane in &map.lanes {
        let cells: Vec<Vec<(String, &'static str)>> = lane
            .cells
            .iter()
            .map(|c| c.iter().flat_map(|t| touchpoint_lines(t, tr)).collect())
            .collect();
        b.styled_lane(
            &format!("{}: {}", tr.t("map-touchpoints"), lane.channel),
            &cells,
            "touch",
        );
    }
    b.lane(&tr.t("map-actions"), &notes(|s| &s.actions), "notes");
    b.lane(&tr.t("map-thoughts"), &notes(|s| &s.thoughts), "notes");

    // The emotion lane: a curve of the stage scores, then the typed-in notes.
    let curve_top = b.y;
    b.rects.push(Rect {
        x: 0,
        y: curve_top,
        w: width,
        h: CURVE_H,
        class: "curve",
    });
    b.text(-1, 0, tr.t("map-emotions"), "label");
    let dots: Vec<(i64, i64)> = map
        .stages
        .iter()
        .enumerate()
        .filter_map(|(i, s)| {
            let e = s.emotion?;
            let from_label = Builder::column_centre(i as i64);
            let x = if map.rtl {
                width - from_label
            } else {
                from_label
            };
            Some((x, curve_top + CURVE_H / 2 - i64::from(e) * (CURVE_H / 5)))
        })
        .collect();
    let curve = points(&dots);
    // The view's points sit in a 0…1000 × 0…100 box over the stage columns (already mirrored
    // in a right-to-left map), y = 50 − 20 × emotion.
    let stages_w = n.max(1) * COL_W;
    let data_dots: Vec<(i64, i64)> = map
        .data_curve
        .iter()
        .map(|p| {
            let x = p.x * stages_w / 1000 + if map.rtl { 0 } else { LABEL_W };
            (x, curve_top + CURVE_H / 2 - (50 - p.y) * CURVE_H / 100)
        })
        .collect();
    let data_curve = points(&data_dots);
    if !data_dots.is_empty() {
        b.text(
            -1,
            2,
            format!("— {}", tr.t("map-live-typed")),
            "legend-typed",
        );
        b.text(
            -1,
            3,
            format!("- - {}", tr.t("map-live-curve")),
            "legend-data",
        );
    }
    b.y += CURVE_H;
    if map.has_emotion_notes() {
        b.lane("", &notes(|s| &s.emotions), "notes");
    }
    b.lane(&tr.t("map-pain-points"), &notes(|s| &s.pain_points), "pain");
    b.lane(
        &tr.t("map-opportunities"),
        &notes(|s| &s.opportunities),
        "opportunity",
    );
    let mut description = map.curve_summary.clone();
    if !map.data_curve_summary.is_empty() {
        description = format!(
            "{description}. {}: {}",
            tr.t("map-live-curve"),
            map.data_curve_summary
        );
    }
    SvgMap {
        width,
        height: b.y + PAD,
        lang: tr.lang(),
        direction: tr.dir(),
        title: map.name.clone(),
        description,
        texts: b.texts,
        rects: b.rects,
        curve,
        dots,
        data_curve,
        data_dots,
    }
}

/// `points` of a polyline.
fn points(dots: &[(i64, i64)]) -> String {
    dots.iter()
        .map(|(x, y)| format!("{x},{y}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A touchpoint's lines in its cell: its name and owner, then what customers said there (the
/// figure as on the map, its interval and n, and the pain-point mark).
fn touchpoint_lines(t: &TouchpointView, tr: &Tr) -> Vec<(String, &'static str)> {
    let star = if t.moment_of_truth { "★ " } else { "" };
    let mut lines = vec![(format!("{star}{} — {}", t.name, t.owner), "cell")];
    if let Some(live) = &t.live {
        let arrow = live.arrow.map(|a| format!(" {a}")).unwrap_or_default();
        lines.push((format!("{}{arrow}", live.figure), "live"));
        let mut detail = live.detail.clone();
        if live.small_sample {
            detail = format!("{detail} · {}", tr.t("dashboard-small-sample"));
        }
        lines.push((detail, "live-detail"));
        if live.pain {
            lines.push((format!("▲ {}", tr.t("map-live-pain")), "pain-mark"));
        }
    }
    // The bound behaviour and support figures, one line each.
    for s in &t.signals {
        let arrow = s.arrow.map(|a| format!(" {a}")).unwrap_or_default();
        lines.push((format!("{} {}{arrow}", s.name, s.value), "live-detail"));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::{Text, is_rtl_text, wrap};

    #[test]
    fn wrapping_keeps_every_character_and_breaks_long_words() {
        let s = "Mae'r wefan yn araf iawn ar ffôn symudol yn y bore";
        assert_eq!(wrap(s, 32).join(" "), s);
        let long = "x".repeat(70);
        assert_eq!(wrap(&long, 32).concat(), long);
        assert!(wrap(&long, 32).iter().all(|l| l.chars().count() <= 32));
    }

    #[test]
    fn each_line_is_anchored_by_its_own_direction() {
        assert!(is_rtl_text("نقاط الألم") && is_rtl_text("12 نقطة"));
        assert!(!is_rtl_text("★ Checkout — Web shop"));
        // In an Arabic map, English is anchored at its end and Arabic at its start: both end
        // up right-aligned. In an English map, the reverse.
        assert_eq!(
            Text::new(0, 0, "Checkout".into(), "cell", true).anchor,
            "end"
        );
        assert_eq!(
            Text::new(0, 0, "الدفع".into(), "cell", true).anchor,
            "start"
        );
        assert_eq!(
            Text::new(0, 0, "Checkout".into(), "cell", false).anchor,
            "start"
        );
        assert_eq!(Text::new(0, 0, "الدفع".into(), "cell", false).anchor, "end");
    }
}
