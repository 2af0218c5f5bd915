//! The one check of a submitted answer against its survey's question. The hosted page, the
//! kiosk, the widget, e-mail links and the API read their inputs in their own shapes (form
//! fields, JSON), turn each into a [`Given`] and let this module decide, so that an answer the
//! API takes is an answer the page takes, with the same limits.

use taith_domain::survey::{AnswerValue, FollowUp, FollowUpKind, parse_comment};
use taith_domain::{FollowUpId, Issue, Survey};

/// Longest answer to an open follow-up question, in characters: the same as a comment's.
pub const MAX_TEXT_ANSWER_CHARS: usize = taith_domain::survey::MAX_COMMENT_CHARS;

/// An answer as a surface read it, before it is checked against its question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Given<'a> {
    /// Typed text.
    Text(&'a str),
    /// One number: a chosen option's index, or a rating.
    Number(i64),
    /// Several numbers: the chosen options' indexes.
    Numbers(Vec<i64>),
    /// Something no question takes (a JSON object, a word where a number belongs).
    Unreadable,
}

/// The question `id` of `survey`, if it is asked after `score` and not answered already in
/// `seen` (which it joins): `NotFound` for no such question, `Invalid` for one not asked or
/// answered twice.
pub fn asked<'s>(
    survey: &'s Survey,
    score: i16,
    id: FollowUpId,
    seen: &mut Vec<FollowUpId>,
) -> Result<&'s FollowUp, Issue> {
    let q = survey
        .fields
        .follow_ups
        .iter()
        .find(|q| q.id == id)
        .ok_or(Issue::NotFound)?;
    if !q.applies_to(score) || seen.contains(&id) {
        return Err(Issue::Invalid);
    }
    seen.push(id);
    Ok(q)
}

/// Checks `given` against `question`: the answer to store, `None` when it is no answer (an
/// empty text, no option chosen), or why it is refused.
pub fn answer(question: &FollowUp, given: &Given<'_>) -> Result<Option<AnswerValue>, Issue> {
    let option = |i: i64, n: usize| {
        u16::try_from(i)
            .ok()
            .filter(|i| usize::from(*i) < n)
            .ok_or(Issue::Invalid)
    };
    match (&question.kind, given) {
        (FollowUpKind::OpenText, Given::Text(s)) => {
            parse_comment(s).map(|t| (!t.is_empty()).then(|| AnswerValue::Text(t.into())))
        }
        (FollowUpKind::SingleChoice { options }, Given::Number(i)) => {
            option(*i, options.len()).map(|i| Some(AnswerValue::Choice(i)))
        }
        (FollowUpKind::MultipleChoice { options }, Given::Numbers(items)) => items
            .iter()
            .map(|i| option(*i, options.len()))
            .collect::<Result<Vec<u16>, Issue>>()
            .map(|mut c| {
                c.sort_unstable();
                c.dedup();
                (!c.is_empty()).then_some(AnswerValue::Choices(c))
            }),
        (FollowUpKind::Rating { scale }, Given::Number(v)) => {
            scale.score(*v).map(|r| Some(AnswerValue::Rating(r)))
        }
        _ => Err(Issue::Invalid),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use taith_domain::LocalizedText;
    use taith_domain::survey::Scale;

    fn question(kind: FollowUpKind) -> FollowUp {
        FollowUp {
            id: FollowUpId::new(),
            prompt: LocalizedText::default(),
            kind,
            when: None,
        }
    }

    #[test]
    fn an_open_answer_may_be_as_long_as_a_comment_and_no_longer() {
        let q = question(FollowUpKind::OpenText);
        let longest = "a".repeat(MAX_TEXT_ANSWER_CHARS);
        assert!(matches!(
            answer(&q, &Given::Text(&longest)),
            Ok(Some(AnswerValue::Text(_)))
        ));
        let longer = "a".repeat(MAX_TEXT_ANSWER_CHARS + 1);
        assert_eq!(answer(&q, &Given::Text(&longer)), Err(Issue::TooLong));
        assert_eq!(answer(&q, &Given::Text("  ")), Ok(None));
    }

    #[test]
    fn choices_must_be_options_and_a_rating_on_its_scale() {
        let options = vec![LocalizedText::default(), LocalizedText::default()];
        let single = question(FollowUpKind::SingleChoice {
            options: options.clone(),
        });
        assert_eq!(
            answer(&single, &Given::Number(1)),
            Ok(Some(AnswerValue::Choice(1)))
        );
        assert_eq!(answer(&single, &Given::Number(2)), Err(Issue::Invalid));
        assert_eq!(
            answer(&single, &Given::Numbers(vec![0])),
            Err(Issue::Invalid)
        );
        let multiple = question(FollowUpKind::MultipleChoice { options });
        assert_eq!(
            answer(&multiple, &Given::Numbers(vec![1, 0, 1])),
            Ok(Some(AnswerValue::Choices(vec![0, 1])))
        );
        assert_eq!(answer(&multiple, &Given::Numbers(vec![])), Ok(None));
        let rating = question(FollowUpKind::Rating {
            scale: Scale { low: 1, high: 5 },
        });
        assert!(answer(&rating, &Given::Number(5)).is_ok());
        assert!(answer(&rating, &Given::Number(6)).is_err());
        assert_eq!(answer(&rating, &Given::Unreadable), Err(Issue::Invalid));
    }
}
