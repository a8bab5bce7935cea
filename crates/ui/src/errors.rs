//! A refusal from the app as a sentence for the page it happened on, in the reader's language:
//! refusals with a stable reason through `err-<reason>` in the message files, the option a
//! value names by its label.

use pelagic_app::AppError;
use pelagic_core::said::{Said, Shown};

use crate::i18n::Tr;

/// What the user is told when `e` refuses what they asked.
pub fn say(tr: &Tr, e: &AppError) -> String {
    match e {
        AppError::NotFound(_) => tr.t("not-found"),
        AppError::Said(said) => said_in(tr, said, None),
        // Pages show the message beside its field where they can; said on its own, the field's
        // API name would mean nothing to the reader.
        AppError::Validation(fields) => fields_in(tr, fields, None)
            .into_values()
            .collect::<Vec<_>>()
            .join("; "),
        // What went wrong on our side is logged, never shown: the reader is told what to do.
        AppError::Unauthenticated => tr.t("err-unauthenticated"),
        AppError::RateLimited(_) => tr.t("err-rate-limited"),
        AppError::Unavailable(cause) => {
            tracing::warn!(%cause, "database unavailable");
            tr.t("err-unavailable")
        }
        AppError::Busy(_) => tr.t("err-busy"),
        AppError::NotInstalled(_) => tr.t("err-not-installed"),
        AppError::Internal(cause) => {
            tracing::error!(%cause, "internal error");
            tr.t("err-internal")
        }
        AppError::Invalid(m) | AppError::Forbidden(m) | AppError::Conflict(m) => m.clone(),
        AppError::Duplicate(d) => d.message.clone(),
        AppError::Refused(r) => r.to_string(),
    }
}

/// Each refused field's reason in the reader's language.
pub fn fields_in(
    tr: &Tr,
    fields: &pelagic_core::FieldErrors,
    schema: Option<&pelagic_core::meta::Schema>,
) -> std::collections::BTreeMap<String, String> {
    fields
        .iter()
        .map(|(k, said)| (k.clone(), said_in(tr, said, schema)))
        .collect()
}

/// The message key of a reason.
fn key(said: &Said) -> String {
    format!("err-{}", said.reason.code().replace('_', "-"))
}

/// A refusal in the reader's language; options named by their labels where the schema knows
/// them.
pub fn said_in(tr: &Tr, said: &Said, schema: Option<&pelagic_core::meta::Schema>) -> String {
    let args: Vec<(&'static str, String)> = said
        .params
        .iter()
        .map(|p| {
            let label = match &p.shown {
                Shown::AsIs => None,
                Shown::Option(object, field) => schema
                    .and_then(|s| s.object(object).ok())
                    .and_then(|obj| Some(tr.option(obj, obj.field(field)?, &p.value))),
                // Both are said inside a sentence: lowercase where the language has cases.
                Shown::Objects => Some(
                    match schema.and_then(|s| s.object(&p.value).ok()) {
                        Some(obj) => tr.object_plural(obj),
                        None => tr.objects_named(&p.value),
                    }
                    .to_lowercase(),
                ),
                Shown::Operation => Some(tr.t(&format!("operation-{}", p.value)).to_lowercase()),
            };
            (p.name, label.unwrap_or_else(|| p.value.clone()))
        })
        .collect();
    tr.args(&key(said), &args)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use pelagic_core::said::{Reason, placeholders};

    use super::*;
    use crate::i18n::LANGUAGES;

    /// Each message of `lang`'s errors file: key → the variables it uses.
    fn messages(lang: &str) -> Vec<(String, BTreeSet<String>)> {
        let path = format!(
            "{}/../http/locales/{lang}/errors.ftl",
            env!("CARGO_MANIFEST_DIR")
        );
        let text = std::fs::read_to_string(&path).expect("errors.ftl");
        text.lines()
            .filter_map(|l| l.split_once(" = "))
            .map(|(k, v)| {
                let vars = placeholders(v).into_iter().map(str::to_owned).collect();
                (k.trim().to_owned(), vars)
            })
            .collect()
    }

    #[test]
    fn every_reason_has_a_message_in_every_language_naming_only_its_values() {
        for (lang, _) in LANGUAGES {
            let found = messages(lang);
            for reason in Reason::ALL {
                let said = Said::new(*reason);
                let Some((_, vars)) = found.iter().find(|(k, _)| *k == key(&said)) else {
                    panic!("{lang}: no message {} for {}", key(&said), reason.code());
                };
                let known: BTreeSet<String> = placeholders(reason.english())
                    .into_iter()
                    .map(str::to_owned)
                    .collect();
                assert!(
                    vars.is_subset(&known),
                    "{lang}: {} uses {vars:?}, the reason gives {known:?}",
                    key(&said)
                );
            }
        }
    }

    #[test]
    fn a_refused_field_reads_in_the_readers_language() {
        let fields = pelagic_core::FieldErrors::from([
            ("name".to_owned(), Said::new(Reason::Required)),
            (
                "email".to_owned(),
                Said::new(Reason::NotAnEmail).with("value", "li@"),
            ),
        ]);
        let zh = fields_in(&Tr::new("zh-CN"), &fields, None);
        assert_eq!(zh["name"], "必填");
        assert_eq!(zh["email"], "“li@”不是电子邮箱地址");
        let es = fields_in(&Tr::new("es"), &fields, None);
        assert_eq!(es["name"], "es obligatorio");
    }

    #[test]
    fn a_forbidden_step_names_the_operation_and_the_objects_in_the_readers_words() {
        let said = Said::new(Reason::RoleMayNot)
            .with_shown("op", "delete", Shown::Operation)
            .with_shown("objects", "account", Shown::Objects);
        let e = AppError::Said(said);
        assert_eq!(
            say(&Tr::new("en"), &e),
            "Your role may not delete accounts."
        );
        assert_eq!(say(&Tr::new("zh-CN"), &e), "您的角色无权删除客户。");
    }

    /// The messages of failures that carry no reason of their own.
    const PLAIN: [&str; 6] = [
        "err-unauthenticated",
        "err-rate-limited",
        "err-unavailable",
        "err-busy",
        "err-not-installed",
        "err-internal",
    ];

    #[test]
    fn our_own_failures_are_said_in_every_language_without_their_cause() {
        for (lang, _) in LANGUAGES {
            let found = messages(lang);
            for key in PLAIN {
                assert!(
                    found.iter().any(|(k, _)| k == key),
                    "{lang}: no message {key}"
                );
            }
        }
        let e = AppError::Unavailable("error returned from database: database is locked".into());
        let zh = say(&Tr::new("zh-CN"), &e);
        assert!(!zh.contains("database is locked"), "{zh}");
        assert!(!say(&Tr::new("en"), &AppError::Internal("secret".into())).contains("secret"));
    }

    #[test]
    fn a_refusal_reads_in_chinese_with_its_values() {
        let said = Said::new(Reason::NoPriceInCurrency).with("currency", "EUR");
        let zh = say(&Tr::new("zh-CN"), &AppError::Said(said));
        assert_eq!(zh, "该产品没有 EUR 价格；请填写单价。");
    }
}
