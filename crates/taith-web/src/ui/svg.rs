//! The journey map as a standalone SVG file: the same lanes as the page, laid out in Rust and
//! written by an auto-escaping template (`templates/journey_map.svg`).

use crate::i18n::Tr;
use crate::ui::view::MapView;

const LABEL_W: i64 = 150;
const COL_W: i64 = 230;
const LINE_H: i64 = 16;
const PAD: i64 = 10;
/// Characters per line in a column (a rough fit for 12px text in 230px).
const WRAP: usize = 32;
const CURVE_H: i64 = 120;

#[derive(Debug, Clone)]
pub struct Text {
    pub x: i64,
    pub y: i64,
    pub text: String,
    pub class: &'static str,
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
    pub anchor: &'static str,
    pub title: String,
    pub description: String,
    pub texts: Vec<Text>,
    pub rects: Vec<Rect>,
    pub curve: String,
    pub dots: Vec<(i64, i64)>,
}

/// Breaks text into lines of at most `WRAP` characters, at spaces where possible.
fn wrap(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut line = String::new();
    for word in s.split_whitespace() {
        let len = line.chars().count() + word.chars().count() + 1;
        if !line.is_empty() && len > WRAP {
            out.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
        while line.chars().count() > WRAP {
            let head: String = line.chars().take(WRAP).collect();
            let tail: String = line.chars().skip(WRAP).collect();
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
    /// The x where text of column `col` starts (−1 is the label column), mirrored in RTL.
    fn x(&self, col: i64) -> i64 {
        let left = if col < 0 { 0 } else { LABEL_W + col * COL_W };
        if self.rtl {
            self.width - left - PAD
        } else {
            left + PAD
        }
    }

    /// A lane: a label and one list of lines per column.
    fn lane(&mut self, label: &str, cells: &[Vec<String>], class: &'static str) {
        let lines: Vec<Vec<String>> = cells
            .iter()
            .map(|c| c.iter().flat_map(|l| wrap(l)).collect())
            .collect();
        let rows = lines.iter().map(Vec::len).max().unwrap_or(0).max(1) as i64;
        let h = rows * LINE_H + 2 * PAD;
        self.rects.push(Rect {
            x: 0,
            y: self.y,
            w: self.width,
            h,
            class,
        });
        let label_x = self.x(-1);
        for (i, l) in wrap(label).into_iter().enumerate() {
            self.texts.push(Text {
                x: label_x,
                y: self.y + PAD + 12 + i as i64 * LINE_H,
                text: l,
                class: "label",
            });
        }
        for (col, cell) in lines.into_iter().enumerate() {
            let x = self.x(col as i64);
            for (i, l) in cell.into_iter().enumerate() {
                self.texts.push(Text {
                    x,
                    y: self.y + PAD + 12 + i as i64 * LINE_H,
                    text: l,
                    class: "cell",
                });
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
        y: 0,
        texts: Vec::new(),
        rects: Vec::new(),
    };
    b.texts.push(Text {
        x: b.x(-1),
        y: 28,
        text: map.name.clone(),
        class: "title",
    });
    b.y = 44;
    let header: Vec<Vec<String>> = map.stages.iter().map(|s| vec![s.name.clone()]).collect();
    b.lane(&tr.t("map-stage"), &header, "head");
    for lane in &map.lanes {
        let cells: Vec<Vec<String>> = lane
            .cells
            .iter()
            .map(|c| {
                c.iter()
                    .map(|t| {
                        let star = if t.moment_of_truth { "★ " } else { "" };
                        format!("{star}{} — {}", t.name, t.owner)
                    })
                    .collect()
            })
            .collect();
        b.lane(
            &format!("{}: {}", tr.t("map-touchpoints"), lane.channel),
            &cells,
            "touch",
        );
    }
    b.lane(
        &tr.t("map-actions"),
        &map.stages
            .iter()
            .map(|s| s.actions.clone())
            .collect::<Vec<_>>(),
        "notes",
    );
    b.lane(
        &tr.t("map-thoughts"),
        &map.stages
            .iter()
            .map(|s| s.thoughts.clone())
            .collect::<Vec<_>>(),
        "notes",
    );
    // The emotion lane: typed-in notes under a curve of the stage scores.
    let curve_top = b.y;
    b.rects.push(Rect {
        x: 0,
        y: curve_top,
        w: width,
        h: CURVE_H,
        class: "curve",
    });
    b.texts.push(Text {
        x: b.x(-1),
        y: curve_top + PAD + 12,
        text: tr.t("map-emotions"),
        class: "label",
    });
    let mut dots = Vec::new();
    for (i, s) in map.stages.iter().enumerate() {
        if let Some(e) = s.emotion {
            let col = if map.rtl { n - 1 - i as i64 } else { i as i64 };
            let x = if map.rtl {
                width - LABEL_W - col * COL_W - COL_W / 2
            } else {
                LABEL_W + col * COL_W + COL_W / 2
            };
            let y = curve_top + CURVE_H / 2 - i64::from(e) * (CURVE_H / 5);
            dots.push((x, y));
        }
    }
    let curve = dots
        .iter()
        .map(|(x, y)| format!("{x},{y}"))
        .collect::<Vec<_>>()
        .join(" ");
    b.y += CURVE_H;
    b.lane(
        "",
        &map.stages
            .iter()
            .map(|s| s.emotions.clone())
            .collect::<Vec<_>>(),
        "notes",
    );
    b.lane(
        &tr.t("map-pain-points"),
        &map.stages
            .iter()
            .map(|s| s.pain_points.clone())
            .collect::<Vec<_>>(),
        "pain",
    );
    b.lane(
        &tr.t("map-opportunities"),
        &map.stages
            .iter()
            .map(|s| s.opportunities.clone())
            .collect::<Vec<_>>(),
        "opportunity",
    );
    SvgMap {
        width,
        height: b.y + PAD,
        lang: tr.lang(),
        direction: tr.dir(),
        anchor: if map.rtl { "end" } else { "start" },
        title: map.name.clone(),
        description: map.curve_summary.clone(),
        texts: b.texts,
        rects: b.rects,
        curve,
        dots,
    }
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn wrapping_keeps_every_character_and_breaks_long_words() {
        let s = "Mae'r wefan yn araf iawn ar ffôn symudol yn y bore";
        assert_eq!(wrap(s).join(" "), s);
        let long = "x".repeat(70);
        assert_eq!(wrap(&long).concat(), long);
        assert!(wrap(&long).iter().all(|l| l.chars().count() <= 32));
    }
}
