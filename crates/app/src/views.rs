//! Saved list views: a user keeps a list's conditions and sort under a name, for themselves or
//! shared with their team. A view holds only the list's query; what it shows is still decided
//! by the viewer's permissions.

use pelagic_core::CoreError;
use pelagic_core::access::Actor;
use pelagic_core::said::{Reason, Said};
use pelagic_store::views::{self as store, ViewRow};

use crate::{App, AppError, AppResult};

/// A view as pages show it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct View {
    pub id: String,
    pub name: String,
    pub query: String,
    pub shared: bool,
    pub mine: bool,
}

impl App {
    /// The views of an object the actor sees: theirs and their team's.
    pub async fn views(&self, actor: &Actor, object: &str) -> AppResult<Vec<View>> {
        self.snapshot().await?.schema.object(object)?;
        let rows =
            store::visible(self.db(), object, &actor.user_id, actor.team_id.as_deref()).await?;
        Ok(rows
            .into_iter()
            .map(|r| View {
                mine: r.owner_id == actor.user_id,
                shared: r.team_id.is_some(),
                id: r.id,
                name: r.name,
                query: r.query,
            })
            .collect())
    }

    /// Saves a view of an object; `shared` shares it with the actor's team.
    pub async fn save_view(
        &self,
        actor: &Actor,
        object: &str,
        name: &str,
        query: &str,
        shared: bool,
    ) -> AppResult<View> {
        self.snapshot().await?.schema.object(object)?;
        let name = name.trim();
        if name.is_empty() || name.chars().count() > 80 {
            return Err(CoreError::field("name", Said::length(1, 80)).into());
        }
        if query.len() > 4000 {
            return Err(CoreError::field("query", Said::at_most_chars(4000)).into());
        }
        // A view's query is a list's address query, written back into links and redirects:
        // URL-encoded, so never a space, a line break or any other control character.
        if !query.bytes().all(|b| b.is_ascii_graphic()) {
            return Err(CoreError::field("query", Reason::ViewQueryEncoded).into());
        }
        let team_id = match (shared, &actor.team_id) {
            (false, _) => None,
            (true, Some(team)) => Some(team.clone()),
            (true, None) => {
                return Err(AppError::from(Said::new(Reason::NoTeamToShare)));
            }
        };
        let row = ViewRow {
            id: crate::ids::new_id(),
            object: object.to_owned(),
            name: name.to_owned(),
            owner_id: actor.user_id.to_string(),
            team_id,
            query: query.to_owned(),
            created_at: self.now(),
        };
        let mut tx = self.db().begin().await?;
        store::insert(&mut tx, &row).await?;
        tx.commit().await?;
        Ok(View {
            id: row.id,
            name: row.name,
            query: row.query,
            shared,
            mine: true,
        })
    }

    /// Deletes one of the actor's own views.
    pub async fn delete_view(&self, actor: &Actor, id: &str) -> AppResult<()> {
        let mut tx = self.db().begin().await?;
        if !store::delete(&mut tx, id, &actor.user_id).await? {
            return Err(AppError::NotFound("you have no such view".into()));
        }
        tx.commit().await?;
        Ok(())
    }
}
