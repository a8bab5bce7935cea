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

reasons! {
    QuoteStepNotNow = "quote_step_not_now", Kind::Conflict,
        "a quote that is {status} cannot take the step '{step}' now";
    QuoteNeedsLines = "quote_needs_lines", Kind::Conflict,
        "a quote needs at least one line with an amount before it is submitted";
    OnlyDraftQuoteChanges = "only_draft_quote_changes", Kind::Conflict,
        "only a draft quote can change; revise it to make a new version";
    DraftIsChangedNotRevised = "draft_is_changed_not_revised", Kind::Conflict,
        "a draft quote is changed as it is; revise a quote once it left the draft";
    ReviseOnceDecided = "revise_once_decided", Kind::Conflict,
        "this quote is waiting for approval; revise it once it is decided";
    ReviseTheLatest = "revise_the_latest", Kind::Conflict,
        "a newer version of this quote exists; revise the latest one";
    OrderFromAcceptedQuote = "order_from_accepted_quote", Kind::Conflict,
        "an order is made from a quote the customer accepted";
    OrderFromWonDeal = "order_from_won_deal", Kind::Conflict,
        "an order is made from a won opportunity";
    OrderAlreadyMade = "order_already_made", Kind::Conflict,
        "order {number} was already made from this record";
    WaitingForApproval = "waiting_for_approval", Kind::Conflict,
        "this record is waiting for approval and cannot change until it is approved or rejected";
    OrderClosed = "order_closed", Kind::Conflict,
        "this order is {status} and cannot change";
    NotACurrency = "not_a_currency", Kind::Field,
        "'{code}' is not a currency code such as CNY, EUR or RUB";
    AmountInDocumentCurrency = "amount_in_document_currency", Kind::Field,
        "the document is in {currency}; give the amount in {currency}";
    NoPriceInCurrency = "no_price_in_currency", Kind::Field,
        "the product has no price in {currency}; enter the unit price";
    LineNeedsWhat = "line_needs_what", Kind::Field,
        "a line names a product or describes what it sells";
    LineNeedsPrice = "line_needs_price", Kind::Field,
        "a line without a product needs its unit price";
    RefundAboveZero = "refund_above_zero", Kind::Field,
        "a refund is more than zero";
    RefundAtMost = "refund_at_most", Kind::Field,
        "at most {amount} {currency} of this payment is left to refund";
    NoManagerToApprove = "no_manager_to_approve", Kind::Conflict,
        "nobody can approve this: your team has no manager above you; ask an administrator to set one";
    NoRoleToApprove = "no_role_to_approve", Kind::Conflict,
        "nobody but you has the role '{role}' to approve this";
    NamedApproverCannot = "named_approver_cannot", Kind::Conflict,
        "the user named to approve this cannot (inactive, or it is you)";
    RequestAlreadyDecided = "request_already_decided", Kind::Conflict,
        "this request is already {status}";
    StepAlreadyDecided = "step_already_decided", Kind::Conflict,
        "you already decided this step";
    RequestDecidedMeanwhile = "request_decided_meanwhile", Kind::Conflict,
        "this request was decided meanwhile";
    ChooseRecords = "choose_records", Kind::Invalid,
        "choose at least one record";
}

/// A value a refusal names; an option of a field (a status) is said by its label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Param {
    pub name: &'static str,
    pub value: String,
    /// (object, field) whose option `value` is.
    pub option_of: Option<(String, String)>,
}

/// One refusal: why, and the values its sentence names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Said {
    pub reason: Reason,
    pub params: Vec<Param>,
    /// The field a value was refused for.
    pub field: Option<String>,
}

impl Said {
    pub fn new(reason: Reason) -> Said {
        Said {
            reason,
            params: Vec::new(),
            field: None,
        }
    }

    /// The same refusal naming `value` as `{name}`.
    pub fn with(mut self, name: &'static str, value: impl fmt::Display) -> Said {
        self.params.push(Param {
            name,
            value: value.to_string(),
            option_of: None,
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
            option_of: Some((object.to_owned(), field.to_owned())),
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
