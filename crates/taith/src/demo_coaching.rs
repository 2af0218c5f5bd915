//! The demo's coaching story: who served each doorstep delivery and each live chat, as the
//! responses' `team` and `agent` attributes. Megan Hughes (the demo's agent member, who signs
//! in and sees her own figures) satisfies clearly more customers than Dafydd Price and Nia
//! Roberts, whose CSAT is the same in expectation: one significant difference per pair with
//! Megan, none between Dafydd and Nia (they share a rank). The live chat team, which the map
//! marks as a pain point, trails the delivery team.
//!
//! The assignment draws from its own generator, so the rest of the demo's data (scores,
//! comments, languages) is exactly what it was without it.

use std::collections::BTreeMap;

/// The delivery drivers.
pub const DRIVERS: [&str; 3] = ["Megan Hughes", "Dafydd Price", "Nia Roberts"];
/// The live chat agents.
pub const CHAT_AGENTS: [&str; 2] = ["Lowri Jones", "Joseph Mwangi"];

/// A small deterministic generator (xorshift64*), apart from the surveys' own.
pub struct Staffing(u64);

impl Default for Staffing {
    fn default() -> Self {
        Staffing(0x5eed_c0ac_4b1d_2026)
    }
}

impl Staffing {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) % n.max(1)
    }

    /// Adds `team` and `agent` to a response of the survey `survey` with `score` (a CSAT on
    /// 1–5): the doorstep deliveries and the live chats; other surveys' responses are left as
    /// they are.
    pub fn assign(&mut self, survey: &str, score: i16, attributes: &mut BTreeMap<String, String>) {
        let (team, agent) = match survey {
            "Doorstep delivery CSAT" => {
                // Satisfied customers met Megan 40% of the time, unsatisfied ones 14%: her
                // CSAT is about 85%, Dafydd's and Nia's about 58% each.
                let r = self.below(100);
                let megan = if score >= 4 { 40 } else { 14 };
                let agent = if r < megan {
                    DRIVERS[0]
                } else if r < megan + (100 - megan) / 2 {
                    DRIVERS[1]
                } else {
                    DRIVERS[2]
                };
                ("Delivery", agent)
            }
            "Live chat CSAT" => {
                let agent = CHAT_AGENTS[usize::from(self.below(2) == 1)];
                ("Support", agent)
            }
            _ => return,
        };
        attributes.insert("team".to_owned(), team.to_owned());
        attributes.insert("agent".to_owned(), agent.to_owned());
    }
}
