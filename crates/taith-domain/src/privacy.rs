//! Data subject requests and data retention (issue 15, docs/privacy.md): what erasing a
//! customer keeps of their answers, and how long a workspace keeps responses, events and
//! conversations.

use crate::survey::{Answer, AnswerValue};
use crate::{Issue, ValidationErrors};
use time::OffsetDateTime;

/// How long a workspace keeps responses, events and conversations: for good (the default),
/// or a number of months (1 to 120) after which the daily retention run erases them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DataRetention(Option<u16>);

impl DataRetention {
    pub const FOREVER: DataRetention = DataRetention(None);
    pub const MAX_MONTHS: u16 = 120;

    /// The months kept; None: kept for good.
    pub fn months(self) -> Option<u16> {
        self.0
    }

    pub fn parse(months: Option<i64>) -> Result<DataRetention, Issue> {
        match months {
            None => Ok(DataRetention(None)),
            Some(m) => match u16::try_from(m) {
                Ok(m) if (1..=Self::MAX_MONTHS).contains(&m) => Ok(DataRetention(Some(m))),
                _ => Err(Issue::Invalid),
            },
        }
    }

    /// The months as typed in the field `months`: empty keeps for good, else a whole number
    /// from 1 to 120.
    pub fn parse_field(months: &str) -> Result<DataRetention, ValidationErrors> {
        let months = months.trim();
        if months.is_empty() {
            return Ok(DataRetention(None));
        }
        months
            .parse::<i64>()
            .map_err(|_| Issue::Invalid)
            .and_then(|m| DataRetention::parse(Some(m)))
            .map_err(|issue| ValidationErrors::one("months", issue))
    }

    /// Records from before this are past keeping at `now` (a month counted as 30 days, as
    /// for the audit log); None: nothing is.
    pub fn cutoff(self, now: OffsetDateTime) -> Option<OffsetDateTime> {
        self.0
            .map(|m| now - time::Duration::days(30 * i64::from(m)))
    }
}

/// A response's follow-up answers as kept after its customer is erased: choices, several
/// choices and ratings stay (they are counted, and say nothing of who gave them); written
/// answers go, since a customer may write anything there, their name included.
pub fn anonymised_answers(answers: &[Answer]) -> Vec<Answer> {
    answers
        .iter()
        .filter(|a| !matches!(a.value, AnswerValue::Text(_)))
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::FollowUpId;

    #[test]
    fn retention_is_for_good_or_one_to_a_hundred_and_twenty_months() {
        assert_eq!(DataRetention::parse_field(""), Ok(DataRetention::FOREVER));
        assert_eq!(
            DataRetention::parse_field(" 36 ").map(DataRetention::months),
            Ok(Some(36))
        );
        for bad in ["0", "121", "-1", "x", "1.5"] {
            assert!(DataRetention::parse_field(bad).is_err(), "{bad}");
        }
        let now = time::macros::datetime!(2026-12-07 12:00 UTC);
        assert_eq!(DataRetention::FOREVER.cutoff(now), None);
        assert_eq!(
            DataRetention::parse(Some(1)).map(|r| r.cutoff(now)),
            Ok(Some(time::macros::datetime!(2026-11-07 12:00 UTC)))
        );
    }

    #[test]
    fn erasure_keeps_counted_answers_and_drops_written_ones() {
        let a = |value| Answer {
            follow_up_id: FollowUpId::new(),
            value,
        };
        let kept = vec![
            a(AnswerValue::Choice(2)),
            a(AnswerValue::Choices(vec![0, 3])),
            a(AnswerValue::Rating(4)),
        ];
        let mut all = kept.clone();
        all.insert(
            1,
            a(AnswerValue::Text("Ask for Bethan, she knows me".into())),
        );
        assert_eq!(anonymised_answers(&all), kept);
    }
}
