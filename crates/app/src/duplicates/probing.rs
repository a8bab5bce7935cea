//! Duplicate answers are an oracle by nature: "this phone is already taken" tells whether a
//! value exists, so a masked `349****7852` could be completed by trying its 10,000 fillers.
//! First-come ownership needs the answers, so each user gets a budget of them per minute —
//! ample for typing — shared by every instance (counted in the database), and a burst past it
//! is written to the security log.

use chrono::Duration;
use pelagic_core::access::Actor;
use pelagic_store::throttle;

use crate::audit::Event;
use crate::{App, AppError, AppResult};

/// Duplicate checks and duplicate refusals one user may have per window.
pub const DUPLICATE_ANSWERS_PER_MINUTE: i64 = 40;
const WINDOW_SECONDS: i64 = 60;

fn key(actor: &Actor) -> String {
    format!("duplicates:{}", actor.user_id)
}

impl App {
    /// Counts one duplicate answer for `actor`; refuses (429) past the budget, logging the
    /// first refusal of a burst.
    pub(crate) async fn spend_duplicate_answer(&self, actor: &Actor) -> AppResult<()> {
        let key = key(actor);
        let since = self.now() - Duration::seconds(WINDOW_SECONDS);
        let used = throttle::failures_since(self.db(), &key, since).await?;
        if used >= DUPLICATE_ANSWERS_PER_MINUTE {
            if used == DUPLICATE_ANSWERS_PER_MINUTE {
                // Counted once more so that the rest of the burst is not logged again.
                throttle::record_failure(self.db(), &[(crate::ids::new_id(), key)], self.now())
                    .await?;
                self.audit(Event {
                    user_id: Some(&actor.user_id),
                    action: "duplicate_probing",
                    subject: None,
                    detail: serde_json::json!({ "answers_per_minute": used }),
                    client: None,
                })
                .await?;
            }
            return Err(AppError::RateLimited(format!(
                "more than {DUPLICATE_ANSWERS_PER_MINUTE} duplicate checks in a minute; wait a minute"
            )));
        }
        throttle::record_failure(self.db(), &[(crate::ids::new_id(), key)], self.now()).await?;
        Ok(())
    }

    /// A write's outcome, with a duplicate refusal counted against the budget (past it, the
    /// refusal no longer says who holds the value).
    pub(crate) async fn counted_duplicate<T>(
        &self,
        actor: &Actor,
        outcome: AppResult<T>,
    ) -> AppResult<T> {
        match outcome {
            Err(AppError::Duplicate(d)) => {
                self.spend_duplicate_answer(actor).await?;
                Err(AppError::Duplicate(d))
            }
            other => other,
        }
    }
}
