//! The first run: with no users yet, the first visitor creates the company (name, currency,
//! phone region) and its administrator (name, email, password, time zone, language) and is
//! signed in. Refused once any user exists.

use pelagic_core::CoreError;
use pelagic_core::said::{Reason, Said};
use pelagic_store::{metadata, profile};

use crate::auth::{Client, Login};
use crate::users::NewUser;
use crate::{App, AppError, AppResult};

/// The languages the interface speaks, by their tags.
pub const LANGUAGES: [&str; 5] = ["en", "zh-CN", "zh-TW", "es", "ru"];

/// What the first-run form asks for.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct FirstRun {
    pub company: String,
    pub currency: String,
    pub region: String,
    pub time_zone: String,
    pub language: String,
    pub name: String,
    pub email: String,
    pub password: String,
}

impl App {
    /// Creates the company and its administrator, and signs them in.
    pub async fn first_run(&self, f: &FirstRun, client: Client<'_>) -> AppResult<Login> {
        if self.has_users().await? {
            return Err(AppError::Conflict("Pelagic is already set up".into()));
        }
        let company = f.company.trim();
        if company.is_empty() || company.chars().count() > 200 {
            return Err(CoreError::field("company", Said::length(1, 200)).into());
        }
        if !pelagic_core::money::is_currency_code(&f.currency) {
            return Err(CoreError::field(
                "currency",
                Said::new(Reason::NotACurrency).with("code", &f.currency),
            )
            .into());
        }
        if !pelagic_core::phone::is_region(&f.region) {
            return Err(CoreError::field(
                "region",
                Said::new(Reason::NotACountry).with("value", &f.region),
            )
            .into());
        }
        if !pelagic_core::period::is_zone(&f.time_zone) {
            let said = Said::new(Reason::NotATimeZone).with("value", &f.time_zone);
            return Err(CoreError::field("time_zone", said).into());
        }
        if !LANGUAGES.contains(&f.language.as_str()) {
            return Err(CoreError::field("language", not_a_language(&f.language)).into());
        }
        let user = self
            .add_user_if(
                NewUser {
                    email: f.email.clone(),
                    name: f.name.clone(),
                    role: "admin".into(),
                    team: None,
                    team_id: None,
                    password: f.password.clone(),
                },
                true,
            )
            .await?;
        let mut tx = self.db().begin().await?;
        profile::set_preferences(&mut tx, &user.id, &f.language, &f.time_zone).await?;
        metadata::lock(&mut tx).await?;
        let settings = [
            ("company_name", serde_json::json!(company)),
            ("default_currency", serde_json::json!(f.currency)),
            ("default_region", serde_json::json!(f.region)),
        ];
        for (key, value) in settings {
            metadata::set_setting(&mut tx, key, &value).await?;
        }
        metadata::bump(&mut tx).await?;
        tx.commit().await?;
        self.meta.reload(self.db()).await?;
        self.login(&f.email, &f.password, client).await
    }
}

impl App {
    /// Sets the actor's own interface language and time zone.
    pub async fn set_preferences(
        &self,
        actor: &pelagic_core::access::Actor,
        language: &str,
        time_zone: &str,
    ) -> AppResult<()> {
        if !LANGUAGES.contains(&language) {
            return Err(CoreError::field("language", not_a_language(language)).into());
        }
        if !pelagic_core::period::is_zone(time_zone) {
            let said = Said::new(Reason::NotATimeZone).with("value", time_zone);
            return Err(CoreError::field("time_zone", said).into());
        }
        let mut tx = self.db().begin().await?;
        profile::set_preferences(&mut tx, &actor.user_id, language, time_zone).await?;
        tx.commit().await?;
        Ok(())
    }
}

/// The refusal of a language Pelagic does not speak.
fn not_a_language(given: &str) -> Said {
    Said::new(Reason::NotALanguage)
        .with("value", given.chars().take(20).collect::<String>())
        .with("languages", LANGUAGES.join(", "))
}
