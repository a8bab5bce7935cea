//! Why a claim or an assignment was refused, in words a salesperson understands; the web
//! interface translates each reason and the API carries it in `details.reason`.

use chrono::{DateTime, Utc};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum Refusal {
    /// Someone else got the record first, or it is no longer in the pool.
    Taken,
    /// The member already holds as many records of the pool as it allows.
    ClaimLimit { pool: String, limit: i64 },
    /// The member took as many records of the pool in the last 24 hours as it allows.
    DailyLimit { pool: String, limit: i64 },
    /// The member owns as many accounts as anyone may.
    Capacity { limit: i64 },
    /// The member gave this record back too recently to take it again.
    CoolDown { until: DateTime<Utc> },
    /// The user is not a member of the pool.
    NotMember,
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refusal::Taken => write!(
                f,
                "someone else claimed this record first, or it is no longer in the pool"
            ),
            Refusal::ClaimLimit { pool, limit } => write!(
                f,
                "the claim limit is reached: one member may hold {limit} records from the pool '{pool}' at once; release one or close one first"
            ),
            Refusal::DailyLimit { pool, limit } => write!(
                f,
                "the daily claim limit is reached: one member may take {limit} records from the pool '{pool}' in 24 hours"
            ),
            Refusal::Capacity { limit } => write!(
                f,
                "the capacity is reached: one salesperson may own {limit} accounts in all"
            ),
            Refusal::CoolDown { until } => write!(
                f,
                "this record went back to the pool from you recently; you may claim it again after {}",
                until.format("%Y-%m-%d %H:%M UTC")
            ),
            Refusal::NotMember => write!(f, "that user is not a member of this pool"),
        }
    }
}
