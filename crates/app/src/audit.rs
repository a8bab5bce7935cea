//! The security log: who signed in, failed to, signed out or changed a password, and every
//! change to roles, permissions, users, teams, groups and duplicate rules. Written in the same
//! transaction as the change; read by administrators; no interface changes or deletes it.

use pelagic_core::access::Actor;
use pelagic_store::Tx;
use pelagic_store::audit::{self as store, AuditRow};
use serde_json::{Value as Json, json};

use crate::policy::admin_only;
use crate::{App, AppError, AppResult};

/// Most events one page lists.
pub const MAX_EVENTS: u64 = 500;

/// An event about to be logged.
pub(crate) struct Event<'a> {
    pub user_id: Option<&'a str>,
    pub action: &'a str,
    pub subject: Option<&'a str>,
    pub detail: Json,
    pub client: Option<&'a str>,
}

impl Event<'_> {
    fn row(&self, app: &App) -> AuditRow {
        AuditRow {
            id: crate::ids::new_id(),
            at: app.now(),
            user_id: self.user_id.map(str::to_owned),
            action: self.action.to_owned(),
            subject: self.subject.map(|s| s.chars().take(320).collect()),
            detail: (!self.detail.is_null()).then(|| self.detail.to_string()),
            client: self.client.map(str::to_owned),
        }
    }
}

/// A permission change by an administrator: `action` on `subject`, with what it became.
pub(crate) fn change<'a>(
    actor: &'a Actor,
    action: &'a str,
    subject: &'a str,
    detail: Json,
) -> Event<'a> {
    Event {
        user_id: Some(&actor.user_id),
        action,
        subject: Some(subject),
        detail,
        client: None,
    }
}

impl App {
    /// Logs an event inside the transaction of the change it records.
    pub(crate) async fn audit_in(&self, tx: &mut Tx, e: Event<'_>) -> AppResult<()> {
        store::append(tx, &e.row(self)).await?;
        Ok(())
    }

    /// Logs an event that changes nothing else (a sign-in attempt).
    pub(crate) async fn audit(&self, e: Event<'_>) -> AppResult<()> {
        store::append_now(self.db(), &e.row(self)).await?;
        Ok(())
    }

    /// Events newest first, for administrators; `before` continues from an event's id.
    pub async fn audit_log(
        &self,
        actor: &Actor,
        action: Option<&str>,
        before: Option<&str>,
        limit: u64,
    ) -> AppResult<Vec<Json>> {
        admin_only(actor)?;
        if !(1..=MAX_EVENTS).contains(&limit) {
            return Err(AppError::Invalid(format!(
                "limit must be between 1 and {MAX_EVENTS}"
            )));
        }
        let rows = store::list(self.db(), action, before, limit).await?;
        Ok(rows
            .into_iter()
            .map(|r| {
                json!({
                    "id": r.id, "at": r.at.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true),
                    "user_id": r.user_id, "action": r.action, "subject": r.subject,
                    "detail": r.detail.and_then(|d| serde_json::from_str::<Json>(&d).ok()),
                    "client": r.client,
                })
            })
            .collect())
    }
}
