//! The interface's languages: Fluent messages embedded at build time, the language a request
//! gets (the user's setting, else the browser's), and labels of objects, fields and options.

use std::borrow::Cow;
use std::collections::HashMap;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader, langid};
use pelagic_core::meta::{FieldDef, ObjectDef};

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        // Bidirectional isolation marks around arguments would show up in titles and inputs.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// The languages offered, with their names in themselves.
pub const LANGUAGES: [(&str, &str); 5] = [
    ("en", "English"),
    ("zh-CN", "简体中文"),
    ("zh-TW", "繁體中文"),
    ("es", "Español"),
    ("ru", "Русский"),
];

/// Messages in one language.
#[derive(Debug, Clone)]
pub struct Tr {
    lang: LanguageIdentifier,
    pub code: &'static str,
}

impl Tr {
    /// The language for a tag such as `zh-CN`; English for anything not offered.
    pub fn new(tag: &str) -> Tr {
        let code = LANGUAGES
            .iter()
            .map(|(c, _)| *c)
            .find(|c| c.eq_ignore_ascii_case(tag))
            .unwrap_or("en");
        let lang = code.parse().unwrap_or(langid!("en"));
        Tr { lang, code }
    }

    /// The best offered language for an `Accept-Language` header.
    pub fn from_accept_language(header: &str) -> Tr {
        for part in header.split(',') {
            let tag = part
                .split(';')
                .next()
                .unwrap_or_default()
                .trim()
                .to_ascii_lowercase();
            let code = match tag.as_str() {
                "zh-tw" | "zh-hk" | "zh-mo" | "zh-hant" => "zh-TW",
                t if t.starts_with("zh-hant") => "zh-TW",
                t if t.starts_with("zh") => "zh-CN",
                t if t.starts_with("es") => "es",
                t if t.starts_with("ru") => "ru",
                t if t.starts_with("en") => "en",
                _ => continue,
            };
            return Tr::new(code);
        }
        Tr::new("en")
    }

    /// A message by key.
    pub fn t(&self, key: &str) -> String {
        LOCALES.lookup(&self.lang, key)
    }

    /// A message with one argument.
    pub fn t1(&self, key: &str, name: &'static str, value: &str) -> String {
        let args: HashMap<Cow<'static, str>, FluentValue> =
            HashMap::from([(Cow::Borrowed(name), FluentValue::from(value.to_owned()))]);
        LOCALES.lookup_with_args(&self.lang, key, &args)
    }

    /// A message with two arguments.
    pub fn t2(&self, key: &str, args: [(&'static str, &str); 2]) -> String {
        let args: HashMap<Cow<'static, str>, FluentValue> = args
            .into_iter()
            .map(|(name, value)| (Cow::Borrowed(name), FluentValue::from(value.to_owned())))
            .collect();
        LOCALES.lookup_with_args(&self.lang, key, &args)
    }

    /// A message with any number of arguments.
    pub fn args(&self, key: &str, args: &[(&'static str, String)]) -> String {
        let args: HashMap<Cow<'static, str>, FluentValue> = args
            .iter()
            .map(|(name, value)| (Cow::Borrowed(*name), FluentValue::from(value.clone())))
            .collect();
        LOCALES.lookup_with_args(&self.lang, key, &args)
    }

    /// A message choosing its plural form by `count`.
    pub fn count(&self, key: &str, count: i64) -> String {
        // `count` chooses the plural form; `shown` is the number written the reader's way.
        let shown = crate::format::number(self.code, &count.to_string());
        let args: HashMap<Cow<'static, str>, FluentValue> = HashMap::from([
            (Cow::Borrowed("count"), FluentValue::from(count)),
            (Cow::Borrowed("shown"), FluentValue::from(shown)),
        ]);
        LOCALES.lookup_with_args(&self.lang, key, &args)
    }

    /// A message choosing its plural form by `count`, with more arguments.
    pub fn count_with(&self, key: &str, count: i64, more: &[(&'static str, &str)]) -> String {
        let shown = crate::format::number(self.code, &count.to_string());
        let mut args: HashMap<Cow<'static, str>, FluentValue> = HashMap::from([
            (Cow::Borrowed("count"), FluentValue::from(count)),
            (Cow::Borrowed("shown"), FluentValue::from(shown)),
        ]);
        for (name, value) in more {
            args.insert(Cow::Borrowed(*name), FluentValue::from((*value).to_owned()));
        }
        LOCALES.lookup_with_args(&self.lang, key, &args)
    }

    fn known(&self, key: &str) -> Option<String> {
        LOCALES.try_lookup(&self.lang, key)
    }

    /// The words printable templates use through `t` (see `pelagic_app::documents::WORDS`).
    pub fn document_words(&self) -> serde_json::Value {
        serde_json::Value::Object(
            pelagic_app::documents::WORDS
                .iter()
                .map(|w| ((*w).to_owned(), self.t(&format!("doc-word-{w}")).into()))
                .collect(),
        )
    }

    /// An object's name: the administrator's name for this language, Pelagic's translation, or
    /// the label the object was created with.
    pub fn object(&self, obj: &ObjectDef) -> String {
        obj.labels
            .get(self.code)
            .cloned()
            .or_else(|| self.known(&format!("object-{}", key(&obj.name))))
            .unwrap_or_else(|| obj.label.clone())
    }

    /// The plural name of the object called `name` when only its name is known: Pelagic's
    /// translation of its own objects, else the name itself.
    pub fn objects_named(&self, name: &str) -> String {
        self.known(&format!("object-{}-plural", key(name)))
            .unwrap_or_else(|| name.to_owned())
    }

    pub fn object_plural(&self, obj: &ObjectDef) -> String {
        obj.plural_labels
            .get(self.code)
            .cloned()
            .or_else(|| self.known(&format!("object-{}-plural", key(&obj.name))))
            .unwrap_or_else(|| obj.label_plural.clone())
    }

    pub fn field(&self, obj: &ObjectDef, f: &FieldDef) -> String {
        if let Some(label) = f.labels.get(self.code) {
            return label.clone();
        }
        if f.custom {
            return f.label.clone();
        }
        self.known(&format!("field-{}-{}", key(&obj.name), key(&f.name)))
            .or_else(|| self.known(&format!("field-{}", key(&f.name))))
            .unwrap_or_else(|| f.label.clone())
    }

    /// An option's label: the administrator's for this language, Pelagic's translation, the
    /// administrator's in English, or the value itself made readable.
    pub fn option(&self, obj: &ObjectDef, f: &FieldDef, value: &str) -> String {
        let given = f.option_labels.get(value);
        given
            .and_then(|by_lang| by_lang.get(self.code))
            .cloned()
            .or_else(|| {
                self.known(&format!(
                    "option-{}-{}-{}",
                    key(&obj.name),
                    key(&f.name),
                    key(value)
                ))
            })
            .or_else(|| given.and_then(|by_lang| by_lang.get("en")).cloned())
            .unwrap_or_else(|| value.replace('_', " "))
    }
}

/// Fluent keys use hyphens where API names use underscores.
fn key(name: &str) -> String {
    name.replace('_', "-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_browsers_language_is_offered_when_we_speak_it() {
        assert_eq!(Tr::from_accept_language("zh-TW,zh;q=0.9").code, "zh-TW");
        assert_eq!(
            Tr::from_accept_language("zh-CN,zh;q=0.9,en;q=0.8").code,
            "zh-CN"
        );
        assert_eq!(Tr::from_accept_language("de-DE,es;q=0.8").code, "es");
        assert_eq!(Tr::from_accept_language("ja").code, "en");
        assert_ne!(Tr::new("ru").t("sign-in"), Tr::new("en").t("sign-in"));
    }

    #[test]
    fn russian_counts_take_their_three_forms() {
        let ru = Tr::new("ru");
        let forms: Vec<String> = [1, 3, 5, 21]
            .iter()
            .map(|n| ru.count("records-count", *n))
            .collect();
        assert_ne!(forms[0], forms[1].replace('3', "1"), "{forms:?}");
        assert_ne!(forms[1].replace('3', "5"), forms[2], "{forms:?}");
        assert_eq!(forms[3].replace("21", "1"), forms[0], "{forms:?}");
    }
}

#[cfg(test)]
mod completeness {
    use std::collections::BTreeSet;

    use super::LANGUAGES;

    fn keys(lang: &str, file: &str) -> BTreeSet<String> {
        let path = format!("{}/locales/{lang}/{file}", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        text.lines()
            .filter(|l| !l.starts_with([' ', '#', '\t']) && l.contains(" ="))
            .map(|l| l.split(" =").next().unwrap_or_default().trim().to_owned())
            .collect()
    }

    #[test]
    fn every_language_has_every_message_english_has() {
        for file in ["main.ftl", "metadata.ftl", "errors.ftl"] {
            let english = keys("en", file);
            assert!(english.len() > 20, "{file} has messages");
            for (lang, _) in LANGUAGES {
                let theirs = keys(lang, file);
                let missing: Vec<_> = english.difference(&theirs).collect();
                let extra: Vec<_> = theirs.difference(&english).collect();
                assert!(
                    missing.is_empty() && extra.is_empty(),
                    "{lang}/{file}: missing {missing:?}, extra {extra:?}"
                );
            }
        }
    }
}
