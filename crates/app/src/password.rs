//! Changing one's own password: the current one is checked (and counted like a failed sign-in
//! when wrong), and every other session and token of the user ends.

use pelagic_core::CoreError;
use pelagic_core::said::{Reason, Said};
use pelagic_store::users as store;

use crate::audit::Event;
use crate::auth::Authenticated;
use crate::users::MIN_PASSWORD_LEN;
use crate::{App, AppError, AppResult};

impl App {
    pub async fn change_password(
        &self,
        auth: &Authenticated,
        current: &str,
        new: &str,
        client: Option<&str>,
    ) -> AppResult<()> {
        let user_id = auth.actor.user_id.as_str();
        let user = store::user_by_id(self.db(), user_id)
            .await?
            .ok_or(AppError::Unauthenticated)?;
        let keys = crate::auth::throttle_keys(&user.email, client);
        self.check_throttle(&keys).await?;
        if new.chars().count() < MIN_PASSWORD_LEN || new.len() > 1024 {
            return Err(
                CoreError::field("new_password", Said::length(MIN_PASSWORD_LEN, 1024)).into(),
            );
        }
        let (hash, current_given, new_given) = (
            user.password_hash.clone(),
            current.to_owned(),
            new.to_owned(),
        );
        let (current_ok, new_hash) = tokio::task::spawn_blocking(move || {
            let ok = current_given.len() <= 1024
                && password_auth::verify_password(current_given, &hash).is_ok();
            (ok, ok.then(|| password_auth::generate_hash(new_given)))
        })
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?;
        let event = |action| Event {
            user_id: Some(user_id),
            action,
            subject: None,
            detail: serde_json::Value::Null,
            client,
        };
        let Some(new_hash) = new_hash.filter(|_| current_ok) else {
            self.failed(&user.email, &keys, event("password_change_failed"))
                .await?;
            return Err(CoreError::field("current_password", Reason::NotCurrentPassword).into());
        };
        let mut tx = self.db().begin().await?;
        store::set_password(&mut tx, user_id, &new_hash).await?;
        store::revoke_all_tokens(&mut tx, user_id, Some(&auth.token_id), self.now()).await?;
        self.audit_in(&mut tx, event("password_change")).await?;
        tx.commit().await?;
        Ok(())
    }
}
