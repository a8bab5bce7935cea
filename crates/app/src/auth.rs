//! Signing in and out, bearer tokens, and turning a token into the acting user.

use chrono::Duration;
use pelagic_core::access::Actor;
use pelagic_core::said::{Reason, Said};
use pelagic_store::throttle;
use pelagic_store::users::{self as store, TokenRow};

use crate::audit::Event;
use crate::ids::{new_id, new_token, token_hash};
use crate::users::UserView;
use crate::{App, AppError, AppResult};

/// How long a sign-in lasts at most, however much it is used.
pub const SESSION_DAYS: i64 = 14;
/// A sign-in unused for this long ends.
pub const SESSION_IDLE_HOURS: i64 = 12;
/// How often a token's last use is written down (not on every request).
const TOUCH_EVERY_SECONDS: i64 = 60;

/// A hash verified when the email is unknown, so that a wrong email takes as long as a wrong
/// password and the answer reveals nothing. Made once, from a random password.
fn dummy_hash() -> &'static str {
    static HASH: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    HASH.get_or_init(|| password_auth::generate_hash(new_token()))
}

/// A fresh sign-in.
#[derive(Debug, Clone)]
pub struct Login {
    pub token: String,
    pub user: UserView,
}

/// A new named API token; the secret is shown only now.
#[derive(Debug, Clone)]
pub struct NewToken {
    pub id: String,
    pub token: String,
}

/// The actor a request acts as, and the token it used.
#[derive(Debug, Clone)]
pub struct Authenticated {
    pub actor: Actor,
    pub token_id: String,
}

/// Where a sign-in attempt comes from: the address, and the session it replaces, if any.
#[derive(Debug, Clone, Copy, Default)]
pub struct Client<'a> {
    pub address: Option<&'a str>,
    pub previous_session: Option<&'a str>,
}

impl App {
    /// Checks an email and password and issues a token. Every failure answers the same; after
    /// too many recent failures for the account or from the address (`client`), every attempt
    /// answers "too many attempts" for a while, whether or not the email exists.
    pub async fn login(&self, email: &str, password: &str, client: Client<'_>) -> AppResult<Login> {
        let refused = || AppError::Unauthenticated;
        if email.len() > 320 || password.len() > 1024 {
            return Err(refused());
        }
        let keys = throttle_keys(email, client.address);
        let attempt = |action| Event {
            user_id: None,
            action,
            subject: Some(email.trim()),
            detail: serde_json::Value::Null,
            client: client.address,
        };
        if let Err(e) = self.check_throttle(&keys).await {
            self.audit(attempt("login_throttled")).await?;
            return Err(e);
        }
        self.slow_down_if_attacked(email).await?;
        let user = store::user_by_email(self.db(), email.trim()).await?;
        let hash = user.as_ref().map(|u| u.password_hash.clone());
        let password = password.to_owned();
        let ok = tokio::task::spawn_blocking(move || {
            let hash = hash.unwrap_or_else(|| dummy_hash().to_owned());
            password_auth::verify_password(password, &hash).is_ok()
        })
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?;
        let user = match user {
            Some(u) if ok && u.active => u,
            Some(u) => {
                self.failed(
                    email,
                    &keys,
                    Event {
                        user_id: Some(&u.id),
                        ..attempt("login_failed")
                    },
                )
                .await?;
                return Err(refused());
            }
            None => {
                self.failed(email, &keys, attempt("login_failed")).await?;
                return Err(refused());
            }
        };
        // The owner got in from here: this address's mistakes on the account are forgotten.
        throttle::clear(self.db(), &keys[0].0).await?;
        let token = new_token();
        let now = self.now();
        // Read before the transaction: nothing inside it waits for a second connection.
        let planted = match client.previous_session {
            Some(old) => store::user_by_token(self.db(), &token_hash(old), now).await?,
            None => None,
        };
        let mut tx = self.db().begin().await?;
        store::insert_token(
            &mut tx,
            &TokenRow {
                id: new_id(),
                user_id: user.id.clone(),
                kind: "session".into(),
                name: None,
                token_hash: token_hash(&token),
                created_at: now,
                expires_at: Some(now + Duration::days(SESSION_DAYS)),
            },
        )
        .await?;
        // A new sign-in replaces the browser's old session, which could have been planted.
        if let Some((holder, used)) = planted
            && used.kind == "session"
        {
            store::revoke_token(&mut tx, &holder.id, &used.id, now).await?;
        }
        let event = Event {
            user_id: Some(&user.id),
            ..attempt("login")
        };
        self.audit_in(&mut tx, event).await?;
        tx.commit().await?;
        Ok(Login {
            token,
            user: UserView::from(&user),
        })
    }

    /// Counts a failed attempt on `email`'s account under each of its keys, and logs it.
    pub(crate) async fn failed(
        &self,
        email: &str,
        keys: &[(String, i64)],
        event: Event<'_>,
    ) -> AppResult<()> {
        let failures: Vec<(String, String)> = keys
            .iter()
            .map(|(k, _)| k.clone())
            .chain(std::iter::once(account_key(email)))
            .map(|k| (new_id(), k))
            .collect();
        throttle::record_failure(self.db(), &failures, self.now()).await?;
        self.audit(event).await
    }

    /// An account attacked from many addresses is slowed down, never locked: each attempt on
    /// it waits a little longer, whoever makes it, and its owner still gets in.
    async fn slow_down_if_attacked(&self, email: &str) -> AppResult<()> {
        let window_start = self.now() - Duration::minutes(THROTTLE_WINDOW_MINUTES);
        let failures =
            throttle::failures_since(self.db(), &account_key(email), window_start).await?;
        let wait = attack_delay(failures);
        if !wait.is_zero() {
            tokio::time::sleep(wait).await;
        }
        Ok(())
    }

    pub(crate) async fn check_throttle(&self, keys: &[(String, i64)]) -> AppResult<()> {
        let window_start = self.now() - Duration::minutes(THROTTLE_WINDOW_MINUTES);
        for (key, limit) in keys {
            if throttle::failures_since(self.db(), key, window_start).await? >= *limit {
                return Err(AppError::RateLimited(format!(
                    "too many failed sign-ins; try again in {THROTTLE_WINDOW_MINUTES} minutes"
                )));
            }
        }
        Ok(())
    }

    /// The actor behind a bearer token, if the token is live and its user active.
    pub async fn authenticate(&self, token: &str) -> AppResult<Authenticated> {
        if !token.starts_with("pel_") || token.len() > 100 {
            return Err(AppError::Unauthenticated);
        }
        let now = self.now();
        let (user, used) = store::user_by_token(self.db(), &token_hash(token), now)
            .await?
            .ok_or(AppError::Unauthenticated)?;
        if used.kind == "calendar" {
            // A feed address opens the feed and nothing else.
            return Err(AppError::Unauthenticated);
        }
        let idle_since = now - Duration::hours(SESSION_IDLE_HOURS);
        if used.kind == "session" && used.last_used_at.is_some_and(|t| t < idle_since) {
            return Err(AppError::Unauthenticated);
        }
        if used
            .last_used_at
            .is_none_or(|t| t < now - Duration::seconds(TOUCH_EVERY_SECONDS))
        {
            store::touch_token(self.db(), &used.id, now).await?;
        }
        let token_id = used.id;
        Ok(Authenticated {
            actor: Actor {
                user_id: pelagic_core::ids::UserId::stored(user.id),
                name: user.name,
                role: user.role,
                team_id: user.team_id,
                time_zone: user.time_zone,
                locale: user.locale,
            },
            token_id,
        })
    }

    /// Signs out: ends the token the request used.
    pub async fn logout(&self, auth: &Authenticated, client: Option<&str>) -> AppResult<()> {
        self.revoke_token(&auth.actor, &auth.token_id).await?;
        self.audit(Event {
            user_id: Some(&auth.actor.user_id),
            action: "logout",
            subject: None,
            detail: serde_json::Value::Null,
            client,
        })
        .await
    }

    /// Ends a token at once.
    pub async fn revoke_token(&self, actor: &Actor, token_id: &str) -> AppResult<()> {
        let mut tx = self.db().begin().await?;
        let live = store::revoke_token(&mut tx, &actor.user_id, token_id, self.now()).await?;
        tx.commit().await?;
        if live {
            Ok(())
        } else {
            Err(AppError::NotFound(format!(
                "you have no live token '{token_id}'"
            )))
        }
    }

    /// The actor's live API tokens (names and dates; the tokens themselves are never kept).
    pub async fn api_tokens(
        &self,
        actor: &Actor,
    ) -> AppResult<Vec<pelagic_store::tokens::ApiTokenRow>> {
        Ok(pelagic_store::tokens::live_api_tokens(self.db(), &actor.user_id).await?)
    }

    /// Issues a named API token for the actor.
    pub async fn create_api_token(&self, actor: &Actor, name: &str) -> AppResult<NewToken> {
        let name = name.trim();
        if name.is_empty() || name.chars().count() > 100 {
            return Err(crate::AppError::from(
                Said::new(Reason::TokenNameLength).with("max", 100),
            ));
        }
        let token = new_token();
        let id = new_id();
        let mut tx = self.db().begin().await?;
        store::insert_token(
            &mut tx,
            &TokenRow {
                id: id.clone(),
                user_id: actor.user_id.to_string(),
                kind: "api".into(),
                name: Some(name.to_owned()),
                token_hash: token_hash(&token),
                created_at: self.now(),
                expires_at: None,
            },
        )
        .await?;
        tx.commit().await?;
        Ok(NewToken { id, token })
    }
}

/// Failed sign-ins are counted over this many minutes.
pub const THROTTLE_WINDOW_MINUTES: i64 = 15;
/// Failures on an account from one address within the window after which that address gets
/// 429 for that account (others, the owner among them, still sign in).
pub const MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS: i64 = 5;
/// Failures within the window after which an address answers 429 for every account (a shared
/// office address makes honest mistakes of many people add up, hence the higher limit).
pub const MAX_FAILURES_PER_ADDRESS: i64 = 30;
/// Failures on an account from anywhere within the window after which every attempt on it is
/// slowed down.
pub const SLOW_DOWN_AFTER: i64 = 10;
/// The longest an attempt on an attacked account waits.
const MAX_ATTACK_DELAY: std::time::Duration = std::time::Duration::from_secs(5);

/// How long an attempt on an account waits, given its recent failures from anywhere: nothing
/// up to [`SLOW_DOWN_AFTER`], then half a second more per failure, at most five seconds.
pub fn attack_delay(failures: i64) -> std::time::Duration {
    let over = failures.saturating_sub(SLOW_DOWN_AFTER - 1).clamp(0, 10);
    std::time::Duration::from_millis(500 * over.unsigned_abs()).min(MAX_ATTACK_DELAY)
}

fn account_key(email: &str) -> String {
    format!("email:{}", email.trim().to_lowercase())
}

/// The keys a sign-in is refused under, with their limits: the account from this address
/// first, then the address.
pub(crate) fn throttle_keys(email: &str, client: Option<&str>) -> Vec<(String, i64)> {
    let address = client.unwrap_or("unknown");
    vec![
        (
            format!("email+ip:{}|{address}", email.trim().to_lowercase()),
            MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS,
        ),
        (format!("ip:{address}"), MAX_FAILURES_PER_ADDRESS),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_attacked_account_slows_down_but_never_stops() {
        assert!(attack_delay(0).is_zero());
        assert!(attack_delay(SLOW_DOWN_AFTER - 1).is_zero());
        assert_eq!(attack_delay(SLOW_DOWN_AFTER).as_millis(), 500);
        assert_eq!(attack_delay(SLOW_DOWN_AFTER + 3).as_millis(), 2_000);
        assert_eq!(attack_delay(10_000), MAX_ATTACK_DELAY);
    }
}
