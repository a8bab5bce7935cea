//! A user's calendar feed: a private address (a token that opens nothing but the feed) that
//! calendar applications subscribe to, listing their open tasks with a due time (follow-ups they
//! planned among them, as each plan is a task), as far as they may still read them.

use chrono::{DateTime, Duration, Utc};
use pelagic_core::access::Actor;
use pelagic_core::filter::Filter;
use pelagic_store::users::{self as store, TokenRow};
use serde_json::{Value as Json, json};

use crate::ids::{new_id, new_token, token_hash};
use crate::records::Record;
use crate::{App, AppError, AppResult, ListRequest};

/// Items one feed lists of each kind.
const MAX_ITEMS: i64 = 500;

/// One entry of the feed.
#[derive(Debug, Clone, PartialEq)]
pub struct CalendarItem {
    /// Stable across fetches, so that calendars update entries instead of adding them.
    pub uid: String,
    pub summary: String,
    pub starts: DateTime<Utc>,
    pub description: String,
    /// The record's page, relative to the server (`/o/task/…`).
    pub path: String,
}

impl App {
    /// Makes a new feed address for the actor; the old one stops working. Gives the token,
    /// shown this once.
    pub async fn new_calendar_feed(&self, actor: &Actor) -> AppResult<String> {
        let token = new_token();
        let now = self.now();
        let mut tx = self.db().begin().await?;
        pelagic_store::tokens::revoke_kind(&mut tx, &actor.user_id, "calendar", now).await?;
        store::insert_token(
            &mut tx,
            &TokenRow {
                id: new_id(),
                user_id: actor.user_id.to_string(),
                kind: "calendar".into(),
                name: Some("calendar".into()),
                token_hash: token_hash(&token),
                created_at: now,
                expires_at: None,
            },
        )
        .await?;
        tx.commit().await?;
        Ok(token)
    }

    /// Ends the actor's feed address; calendars subscribed to it stop updating.
    pub async fn stop_calendar_feed(&self, actor: &Actor) -> AppResult<()> {
        let mut tx = self.db().begin().await?;
        pelagic_store::tokens::revoke_kind(&mut tx, &actor.user_id, "calendar", self.now()).await?;
        tx.commit().await?;
        Ok(())
    }

    /// When the actor's live feed address was made, if any.
    pub async fn calendar_feed_since(&self, actor: &Actor) -> AppResult<Option<DateTime<Utc>>> {
        Ok(pelagic_store::tokens::calendar_since(self.db(), &actor.user_id).await?)
    }

    /// The feed a calendar token opens.
    pub async fn calendar(&self, token: &str) -> AppResult<(String, Vec<CalendarItem>)> {
        let now = self.now();
        let (user, _) = if token.starts_with("pel_") && token.len() <= 100 {
            store::user_by_token(self.db(), &token_hash(token), now).await?
        } else {
            None
        }
        .filter(|(_, used)| used.kind == "calendar")
        .ok_or_else(|| AppError::NotFound("there is no such calendar".into()))?;
        let actor = Actor {
            user_id: pelagic_core::ids::UserId::stored(user.id),
            name: user.name.clone(),
            role: user.role,
            team_id: user.team_id,
            time_zone: user.time_zone,
            locale: user.locale,
        };
        let records = self.records(&actor);
        let from = (now - Duration::days(30)).to_rfc3339();
        let mut items = Vec::new();
        let tasks = ListRequest {
            filter: Filter::from_json(&json!({"and": [
                {"field": "status", "op": "eq", "value": "open"},
                {"field": "due_at", "op": "gte", "value": from},
                {"or": [
                    {"field": "assignee_id", "op": "eq", "value": actor.user_id},
                    {"and": [
                        {"field": "assignee_id", "op": "is_null"},
                        {"field": "owner_id", "op": "eq", "value": actor.user_id},
                    ]},
                ]},
            ]}))
            .ok(),
            sort: vec![("due_at".into(), false)],
            limit: Some(MAX_ITEMS),
            ..ListRequest::default()
        };
        if let Ok(page) = records.list("task", &tasks).await {
            items.extend(
                page.data
                    .iter()
                    .filter_map(|r| item(r, "task", "due_at", "subject")),
            );
        }
        Ok((user.name, items))
    }
}

fn item(r: &Record, object: &str, when: &str, title: &str) -> Option<CalendarItem> {
    let text = |k: &str| {
        r.get(k)
            .and_then(Json::as_str)
            .unwrap_or_default()
            .to_owned()
    };
    let starts = text(when).parse().ok()?;
    let id = text("id");
    Some(CalendarItem {
        uid: format!("{object}-{id}@pelagic"),
        summary: text(title),
        starts,
        description: text("body"),
        path: format!("/o/{object}/{id}"),
    })
}
