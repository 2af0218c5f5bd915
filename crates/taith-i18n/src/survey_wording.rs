//! The standard wording of a survey: the question each kind asks, the thanks, the "what could
//! we improve" follow-up and the label of each point of a CSAT or CES scale. The survey editor,
//! the API, the demo, the respondent pages and the invitation e-mails all word a survey here,
//! so a survey reads the same however it was made.

use crate::Tr;
use taith_domain::{Locale, LocalizedText, SurveyKind};

/// The key of the standard question of `kind` (`survey-std-{kind}-question`).
pub fn standard_question_key(kind: SurveyKind) -> &'static str {
    match kind {
        SurveyKind::Nps => "survey-std-nps-question",
        SurveyKind::Csat => "survey-std-csat-question",
        SurveyKind::Ces => "survey-std-ces-question",
        SurveyKind::Custom => "survey-std-custom-question",
    }
}

/// The standard thank-you text's key.
pub const THANK_YOU_KEY: &str = "survey-std-thank-you";
/// The standard "what could we improve" follow-up's key.
pub const IMPROVE_KEY: &str = "survey-std-improve";

/// A standard text in every locale, naming the business. Fluent's bidi isolation marks are
/// for HTML around a placeable; they are left out of text that is stored and edited.
pub fn standard_text(key: &str, business: &str) -> LocalizedText {
    LocalizedText(
        Locale::ALL
            .into_iter()
            .map(|l| {
                let s = Tr::new(l).plain().t1(key, "business", business);
                (l, s)
            })
            .collect(),
    )
}

/// The standard question of `kind` in every locale.
pub fn standard_question(kind: SurveyKind, business: &str) -> LocalizedText {
    standard_text(standard_question_key(kind), business)
}

/// The standard thanks in every locale.
pub fn standard_thanks(business: &str) -> LocalizedText {
    standard_text(THANK_YOU_KEY, business)
}

/// The label of each point of a CSAT or CES scale; empty for other scales.
pub fn point_labels(kind: SurveyKind, high: i16, tr: &Tr) -> Vec<String> {
    let keys: &[&str] = match (kind, high) {
        (SurveyKind::Csat, 3) => &[
            "survey-csat-dissatisfied",
            "survey-csat-neutral",
            "survey-csat-satisfied",
        ],
        (SurveyKind::Csat, 5) => &[
            "survey-csat-very-dissatisfied",
            "survey-csat-dissatisfied",
            "survey-csat-neutral",
            "survey-csat-satisfied",
            "survey-csat-very-satisfied",
        ],
        (SurveyKind::Csat, 7) => &[
            "survey-csat-very-dissatisfied",
            "survey-csat-dissatisfied",
            "survey-csat-somewhat-dissatisfied",
            "survey-csat-neutral",
            "survey-csat-somewhat-satisfied",
            "survey-csat-satisfied",
            "survey-csat-very-satisfied",
        ],
        (SurveyKind::Ces, 5) => &[
            "survey-ces-strongly-disagree",
            "survey-ces-disagree",
            "survey-ces-neutral",
            "survey-ces-agree",
            "survey-ces-strongly-agree",
        ],
        (SurveyKind::Ces, 7) => &[
            "survey-ces-strongly-disagree",
            "survey-ces-disagree",
            "survey-ces-somewhat-disagree",
            "survey-ces-neutral",
            "survey-ces-somewhat-agree",
            "survey-ces-agree",
            "survey-ces-strongly-agree",
        ],
        _ => &[],
    };
    keys.iter().map(|k| tr.t(k)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_a_standard_question_and_thanks_in_all_six_locales() {
        for kind in SurveyKind::ALL {
            let q = standard_question(kind, "Bara Bakery").0;
            let t = standard_thanks("Bara Bakery").0;
            assert_eq!(q.len(), Locale::ALL.len(), "{kind:?}: {q:?}");
            assert_eq!(t.len(), Locale::ALL.len(), "{t:?}");
            assert!(q.values().all(|s| s.contains("Bara Bakery")), "{q:?}");
            assert!(q.values().all(|s| !s.contains('\u{2068}')));
        }
    }

    #[test]
    fn a_five_point_csat_scale_has_five_labels_in_every_locale() {
        for l in Locale::ALL {
            assert_eq!(point_labels(SurveyKind::Csat, 5, &Tr::new(l)).len(), 5);
        }
    }
}
