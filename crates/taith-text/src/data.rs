//! The labelled comments shipped in `data/sentiment/` (see its NOTICE), parsed once and split
//! deterministically into TRAIN and HELD-OUT.

use crate::eval::Labelled;
use crate::{Lang, Polarity};
use std::sync::OnceLock;

/// FNV-1a, 64 bits: the split hash and the model checksum.
pub(crate) fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

fn sources(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::En => &[
            include_str!("../data/sentiment/en-uci.tsv"),
            include_str!("../data/sentiment/en-native.tsv"),
        ],
        Lang::Cy => &[include_str!("../data/sentiment/cy.tsv")],
        Lang::Ms => &[include_str!("../data/sentiment/ms.tsv")],
        Lang::Sw => &[include_str!("../data/sentiment/sw.tsv")],
        Lang::Ar => &[include_str!("../data/sentiment/ar.tsv")],
        Lang::Vi => &[include_str!("../data/sentiment/vi.tsv")],
        Lang::Other => &[],
    }
}

/// One language's labelled comments: (TRAIN, HELD-OUT).
pub(crate) struct Split {
    pub train: Vec<Labelled>,
    pub held_out: Vec<Labelled>,
}

fn parse(lang: Lang) -> Split {
    let mut split = Split {
        train: Vec::new(),
        held_out: Vec::new(),
    };
    for source in sources(lang) {
        for line in source.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let mut fields = line.splitn(3, '\t');
            let (Some(id), Some(label), Some(text)) = (fields.next(), fields.next(), fields.next())
            else {
                continue;
            };
            let polarity = match label {
                "pos" => Polarity::Positive,
                "neg" => Polarity::Negative,
                "neu" => Polarity::Neutral,
                _ => continue,
            };
            let example = Labelled { text, polarity };
            let key = format!("{}:{id}", lang.code());
            if fnv1a(key.as_bytes()) % 10 < 3 {
                split.held_out.push(example);
            } else {
                split.train.push(example);
            }
        }
    }
    split
}

/// The split of `lang`'s labelled comments, parsed on first use.
pub(crate) fn split(lang: Lang) -> &'static Split {
    static SPLITS: [OnceLock<Split>; 7] = [const { OnceLock::new() }; 7];
    SPLITS[index(lang)].get_or_init(|| parse(lang))
}

pub(crate) fn index(lang: Lang) -> usize {
    match lang {
        Lang::En => 0,
        Lang::Cy => 1,
        Lang::Ms => 2,
        Lang::Sw => 3,
        Lang::Ar => 4,
        Lang::Vi => 5,
        Lang::Other => 6,
    }
}
