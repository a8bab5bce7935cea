//! What a refusal says, as a stable reason and its parameters: the API gives its English text
//! (and the reason, for clients that translate), pages say it in the reader's language through
//! the message files (`err-<reason>`), so one refusal reads the same everywhere.

use std::fmt;

/// How a refusal is answered: what kind of mistake it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The request cannot be done as asked (400).
    Invalid,
    /// A value of a field (`Said::on`) is not acceptable (422, under `details.fields`).
    Field,
    /// The record is not in a state that allows it now (409).
    Conflict,
    /// The reader's role or reach does not allow it (403).
    Forbidden,
}

macro_rules! reasons {
    ($($variant:ident = $code:literal, $kind:expr, $english:literal;)*) => {
        /// Every reason a refusal can give. The code is stable: clients and message files key on it.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Reason { $($variant),* }

        impl Reason {
            pub const ALL: &'static [Reason] = &[$(Reason::$variant),*];

            /// The stable code, as the API's `details.reason`.
            pub fn code(self) -> &'static str {
                match self { $(Reason::$variant => $code),* }
            }

            pub fn kind(self) -> Kind {
                match self { $(Reason::$variant => $kind),* }
            }

            /// The English text, with `{name}` where a parameter goes.
            pub fn english(self) -> &'static str {
                match self { $(Reason::$variant => $english),* }
            }
        }
    };
}

mod reasons;
pub use reasons::Reason;

impl From<Reason> for Said {
    fn from(reason: Reason) -> Said {
        Said::new(reason)
    }
}

/// How a page says a value a refusal names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shown {
    /// As it is (a number, a name someone typed).
    AsIs,
    /// By the label of the option `value` of (object, field).
    Option(String, String),
    /// By the plural name of the object `value`.
    Objects,
    /// By the name of the operation `value` (create, read, edit, …).
    Operation,
}

/// A value a refusal names, and how a page says it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Param {
    pub name: &'static str,
    pub value: String,
    pub shown: Shown,
}

/// One refusal: why, and the values its sentence names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Said {
    pub reason: Reason,
    pub params: Vec<Param>,
    /// The field a value was refused for.
    pub field: Option<String>,
    /// Refused as part of a request rather than as a record's value (a filter's value): answered
    /// as a bad request.
    pub in_request: bool,
}

impl Said {
    pub fn new(reason: Reason) -> Said {
        Said {
            reason,
            params: Vec::new(),
            field: None,
            in_request: false,
        }
    }

    /// "{min} to {max} characters".
    pub fn length(min: usize, max: usize) -> Said {
        Said::new(Reason::TextLength)
            .with("min", min)
            .with("max", max)
    }

    /// "at most {max} characters".
    pub fn at_most_chars(max: usize) -> Said {
        Said::new(Reason::AtMostChars).with("max", max)
    }

    /// The same refusal, of a value found in the request itself (a filter's value).
    pub fn in_request(mut self) -> Said {
        self.in_request = true;
        self
    }

    /// How it is answered: its reason's kind, or a bad request when found in one.
    pub fn kind(&self) -> Kind {
        if self.in_request {
            Kind::Invalid
        } else {
            self.reason.kind()
        }
    }

    /// The same refusal naming `value` as `{name}`.
    pub fn with(mut self, name: &'static str, value: impl fmt::Display) -> Said {
        self.params.push(Param {
            name,
            value: value.to_string(),
            shown: Shown::AsIs,
        });
        self
    }

    /// The same refusal naming `value` as `{name}`, said on pages as `shown` says.
    pub fn with_shown(mut self, name: &'static str, value: &str, shown: Shown) -> Said {
        self.params.push(Param {
            name,
            value: value.to_owned(),
            shown,
        });
        self
    }

    /// The same refusal naming the option `value` of `object`'s `field` as `{name}`.
    pub fn with_option(
        mut self,
        name: &'static str,
        (object, field): (&str, &str),
        value: &str,
    ) -> Said {
        self.params.push(Param {
            name,
            value: value.to_owned(),
            shown: Shown::Option(object.to_owned(), field.to_owned()),
        });
        self
    }

    /// The same refusal, of the value given for `field`.
    pub fn on(mut self, field: &str) -> Said {
        self.field = Some(field.to_owned());
        self
    }
}

impl fmt::Display for Said {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut text = self.reason.english().to_owned();
        for p in &self.params {
            text = text.replace(&format!("{{{}}}", p.name), &p.value);
        }
        f.write_str(&text)
    }
}

/// The parameters a reason's English text names, in order.
pub fn placeholders(text: &str) -> Vec<&str> {
    text.split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name.trim()))
        .map(|name| name.trim_start_matches('$'))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refusal_reads_in_english_with_its_values() {
        let said = Said::new(Reason::NoPriceInCurrency)
            .with("currency", "EUR")
            .on("unit_price");
        assert_eq!(
            said.to_string(),
            "the product has no price in EUR; enter the unit price"
        );
        assert_eq!(said.reason.kind(), Kind::Field);
    }

    #[test]
    fn codes_are_unique_and_snake_case() {
        let mut codes: Vec<&str> = Reason::ALL.iter().map(|r| r.code()).collect();
        assert!(codes.iter().all(|c| crate::ident::is_snake_ident(c)));
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), Reason::ALL.len());
    }
}
