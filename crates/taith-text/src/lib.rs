//! taith's text analytics: what a comment is written in, how it feels and what it is about,
//! in English, Welsh, Malay, Swahili, Arabic and Vietnamese. Pure computation, no I/O: the
//! application layer (`taith-app`'s `voc`) stores the results, trains the models in the
//! background and keeps them per workspace.
//!
//! - [`normalize`]: hostile text made comparable (controls stripped, case folded, Arabic
//!   letter forms unified);
//! - [`lang`]: which of our languages a text is in, with the response's locale as a fallback;
//! - [`sentiment`]: positive / neutral / negative with a confidence, from a shipped base model
//!   per language that learns from the business's own scored answers;
//! - [`themes`]: key phrases per language and the themes a comment mentions;
//! - [`eval`]: held-out labelled comments and the accuracy and macro-F1 the benchmark prints;
//! - [`retrieval`]: the FAQ bot's index — which article answers a question, how sure, and
//!   when to hand over to a person;
//! - [`faq_eval`]: the bot's benchmark set (`data/faq/`) and the figures `taith bench bot`
//!   prints.

mod data;
pub mod eval;
pub mod faq_eval;
pub mod lang;
pub mod normalize;
pub mod retrieval;
pub mod sentiment;
mod stopwords;
pub mod themes;

pub use lang::{Detected, Lang};
pub use sentiment::{Example, Label, Model, ModelError, Polarity, Sentiment};
pub use themes::{Candidate, ThemeMatcher, concept_of, concepts};

/// What one comment is found to be: its language, its sentiment (None: not enough text to
/// say) and its key phrases (normalised, in its language).
#[derive(Debug, Clone, PartialEq)]
pub struct Analysis {
    pub language: Detected,
    pub sentiment: Option<Sentiment>,
    pub phrases: Vec<String>,
}

/// Analyses one comment: its language (with `hint`, the locale the customer answered in, as
/// the fallback for short texts), then its sentiment with the model of that language from
/// `model_for`, then its key phrases.
pub fn analyse<'m>(
    text: &str,
    hint: Option<Lang>,
    model_for: impl Fn(Lang) -> Option<&'m Model>,
) -> Analysis {
    let language = lang::detect(text, hint);
    let sentiment = model_for(language.lang).and_then(|m| m.score(text));
    let phrases = themes::key_phrases(language.lang, text);
    Analysis {
        language,
        sentiment,
        phrases,
    }
}
