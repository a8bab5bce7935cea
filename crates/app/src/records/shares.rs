//! Sharing a record beyond the role scopes: with a user or a project group, to read or to read
//! and edit, optionally until a moment. Whoever may edit the record by their role shares it;
//! every share given or ended is in the record's history.

use chrono::Datelike as _;
use chrono::{DateTime, NaiveDate, NaiveTime, TimeZone, Utc};
use pelagic_core::ids::RecordId;
use pelagic_core::output::Projection;
use pelagic_core::plan::Pred;
use pelagic_core::said::{Reason, Said};
use pelagic_core::{ColType, CoreError, period};
use pelagic_store::sharing::{self as store, ShareRow};
use pelagic_store::{metadata, records as rows};
use serde_json::{Value as Json, json};

use super::{RecordService, Target, id_is, no_such};
use crate::history::{self, Change};
use crate::policy::Operation;
use crate::{AppError, AppResult};

/// A share to give: exactly one of `user_id` and `group_id`.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShareInput {
    pub user_id: Option<String>,
    pub group_id: Option<String>,
    /// `read` or `edit`.
    pub access: String,
    /// An RFC 3339 moment, or a date meaning the end of that day in the actor's time zone.
    pub until: Option<String>,
}

fn view(s: &ShareRow) -> Json {
    let (kind, id) = s.grantee.split_once(':').unwrap_or(("user", &s.grantee));
    let at = |t: DateTime<Utc>| t.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true);
    json!({
        "id": s.id, "grantee_type": kind, "grantee_id": id, "access": s.access,
        "until": s.until.map(at), "created_by": s.created_by, "created_at": at(s.created_at),
    })
}

impl RecordService<'_> {
    /// The shares of a record the actor may edit by their role.
    pub async fn shares(&self, object: &str, id: &RecordId) -> AppResult<Vec<Json>> {
        let t = self.sharer_target(object, id).await?;
        let found = store::shares_of(self.app.db(), &t.obj.name, id).await?;
        Ok(found.iter().map(view).collect())
    }

    /// Shares a record; gives the share.
    pub async fn share(&self, object: &str, id: &RecordId, input: &ShareInput) -> AppResult<Json> {
        let t = self.sharer_target(object, id).await?;
        let rules = &t.snap.access;
        let grantee = match (&input.user_id, &input.group_id) {
            (Some(u), None) if rules.member(u).is_some_and(|m| m.active) => format!("user:{u}"),
            (None, Some(g)) if rules.groups.iter().any(|x| x.id == *g) => format!("group:{g}"),
            (Some(_), None) => {
                return Err(CoreError::field("user_id", Reason::NotAnActiveUser).into());
            }
            (None, Some(_)) => return Err(CoreError::field("group_id", Reason::NotAGroup).into()),
            _ => {
                return Err(AppError::Invalid(
                    "share with either a user_id or a group_id".into(),
                ));
            }
        };
        if !matches!(input.access.as_str(), "read" | "edit") {
            return Err(CoreError::field("access", Reason::ReadOrEdit).into());
        }
        let now = self.app.now();
        let until = match input.until.as_deref() {
            None => None,
            Some(text) => Some(self.moment(text)?),
        };
        if until.is_some_and(|u| u <= now) {
            return Err(CoreError::field("until", Reason::InTheFuture).into());
        }
        let share = ShareRow {
            id: crate::ids::new_id(),
            object: t.obj.name.clone(),
            record_id: id.to_string(),
            grantee,
            access: input.access.clone(),
            until,
            created_by: self.actor.user_id.to_string(),
            created_at: now,
        };
        let shown = view(&share);
        let mut tx = self.app.db().begin().await?;
        store::insert_share(&mut tx, &share).await?;
        let change = Change {
            object: &t.obj.name,
            record_id: id,
            user_id: &self.actor.user_id,
            at: now,
        };
        history::append(&mut tx, &[change.noted("share", None, Some(&shown))]).await?;
        // Shares are part of the access rules every instance loads.
        metadata::bump(&mut tx).await?;
        tx.commit().await?;
        self.app.meta.reload(self.app.db()).await?;
        Ok(shown)
    }

    /// Ends a share.
    pub async fn unshare(&self, object: &str, id: &RecordId, share_id: &str) -> AppResult<()> {
        let t = self.sharer_target(object, id).await?;
        let found = store::shares_of(self.app.db(), &t.obj.name, id).await?;
        let share = found
            .iter()
            .find(|s| s.id == share_id)
            .ok_or_else(|| AppError::NotFound(format!("this record has no share '{share_id}'")))?;
        let now = self.app.now();
        let mut tx = self.app.db().begin().await?;
        store::delete_share(&mut tx, &t.obj.name, id, share_id).await?;
        let change = Change {
            object: &t.obj.name,
            record_id: id,
            user_id: &self.actor.user_id,
            at: now,
        };
        history::append(
            &mut tx,
            &[change.noted("unshare", Some(&view(share)), None)],
        )
        .await?;
        metadata::bump(&mut tx).await?;
        tx.commit().await?;
        self.app.meta.reload(self.app.db()).await?;
        Ok(())
    }

    /// The object, after checking that the record is live and within the actor's own edit
    /// scope (a share does not let its holder share further).
    async fn sharer_target(&self, object: &str, id: &RecordId) -> AppResult<Target> {
        let t = self.target(object).await?;
        let policy = t.policy(self.actor);
        policy.require(&t.obj, Operation::Edit)?;
        let mut projection = Projection::default();
        projection.push("id", ColType::Text);
        let pred = Pred::And(vec![
            Pred::IsNull {
                col: "deleted_at".into(),
            },
            policy.scope(&t.obj, Operation::Edit),
            id_is(id),
        ]);
        rows::first(self.app.db(), &t.obj.table, &projection, &pred)
            .await?
            .ok_or_else(|| no_such(&t.obj, id))?;
        Ok(t)
    }

    fn moment(&self, text: &str) -> AppResult<DateTime<Utc>> {
        let out_of_range = || {
            let years = pelagic_core::input::YEARS;
            let said = Said::new(Reason::YearOutOfRange)
                .with("low", years.start())
                .with("high", years.end());
            CoreError::field("until", said).into()
        };
        if let Ok(t) = DateTime::parse_from_rfc3339(text) {
            let t = t.with_timezone(&Utc);
            return if pelagic_core::input::YEARS.contains(&t.year()) {
                Ok(t)
            } else {
                Err(out_of_range())
            };
        }
        let date = NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .map_err(|_| CoreError::field("until", Reason::DateOrTime))?;
        if !pelagic_core::input::YEARS.contains(&date.year()) {
            return Err(out_of_range());
        }
        let tz = period::zone(&self.actor.time_zone);
        let end = date.succ_opt().unwrap_or(date).and_time(NaiveTime::MIN);
        Ok(tz
            .from_local_datetime(&end)
            .earliest()
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or_else(|| end.and_utc()))
    }
}
