//! A QR code drawn as SVG: the two-factor enrolment's `otpauth://` link, for a phone's
//! authenticator app to scan instead of typing the key.

use std::fmt::Write as _;

/// A QR code as one SVG path of unit squares, in a square of `size` units (the symbol and its
/// four-module quiet zone). The path holds only numbers and the letters `M h v z`, and the
/// template escapes it anyway.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QrSquares {
    pub size: usize,
    pub path: String,
}

/// Modules of light border that readers need around the symbol (ISO/IEC 18004).
const QUIET_ZONE: usize = 4;

impl QrSquares {
    /// `text` as a QR code with medium error correction; `None` if it is too long to fit.
    pub fn of(text: &str) -> Option<QrSquares> {
        let code = qrcode::QrCode::new(text.as_bytes()).ok()?;
        let width = code.width();
        let mut path = String::new();
        for (i, color) in code.to_colors().iter().enumerate() {
            if *color == qrcode::Color::Dark {
                let (x, y) = (i % width + QUIET_ZONE, i / width + QUIET_ZONE);
                // Writing to a String cannot fail.
                let _ = write!(path, "M{x} {y}h1v1h-1z");
            }
        }
        Some(QrSquares {
            size: width + 2 * QUIET_ZONE,
            path,
        })
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    /// Reads the path back into a grid of dark modules.
    fn grid(q: &QrSquares) -> Vec<Vec<bool>> {
        let mut g = vec![vec![false; q.size]; q.size];
        for square in q.path.split('M').filter(|s| !s.is_empty()) {
            let coords = square.strip_suffix("h1v1h-1z").unwrap();
            let (x, y) = coords.split_once(' ').unwrap();
            g[y.parse::<usize>().unwrap()][x.parse::<usize>().unwrap()] = true;
        }
        g
    }

    #[test]
    fn an_enrolment_link_is_a_whole_symbol_with_its_finders_and_a_quiet_zone() {
        let uri = "otpauth://totp/taith:sian%40becws.example?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=taith&algorithm=SHA1&digits=6&period=30";
        let q = QrSquares::of(uri).unwrap();
        let width = q.size - 2 * QUIET_ZONE;
        // Version v is 17 + 4v modules wide; 130 bytes at level M need version 8 (49).
        assert_eq!((width - 17) % 4, 0, "{width}");
        assert_eq!(width, 49);
        let g = grid(&q);
        // The quiet zone is light all round.
        for (y, row) in g.iter().enumerate() {
            for (x, dark) in row.iter().enumerate() {
                let edge = x.min(y).min(q.size - 1 - x).min(q.size - 1 - y);
                assert!(!(edge < QUIET_ZONE && *dark), "({x},{y}) is dark");
            }
        }
        // The three finder patterns: a dark 7×7 ring, a light ring, a dark 3×3 centre.
        for (ox, oy) in [(0, 0), (width - 7, 0), (0, width - 7)] {
            for y in 0..7 {
                for x in 0..7 {
                    let ring = x == 0 || y == 0 || x == 6 || y == 6;
                    let centre = (2..=4).contains(&x) && (2..=4).contains(&y);
                    assert_eq!(
                        g[oy + y + QUIET_ZONE][ox + x + QUIET_ZONE],
                        ring || centre,
                        "finder at ({ox},{oy}), module ({x},{y})"
                    );
                }
            }
        }
    }

    #[test]
    fn text_too_long_for_any_version_gives_none() {
        assert_eq!(QrSquares::of(&"x".repeat(4000)), None);
    }
}
