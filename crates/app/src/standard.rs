//! The standard objects shipped in `metadata/*.toml`, brought into the database at start.

use chrono::{DateTime, Utc};
use pelagic_core::meta::ObjectDef;
use pelagic_store::{Db, ddl, metadata};

use crate::{AppError, AppResult};

/// The order the standard objects people work with are offered in (where every object is
/// listed, such as a search across objects); the others follow by name.
pub(crate) const LIST_ORDER: [&str; 7] = [
    "account",
    "contact",
    "lead",
    "opportunity",
    "task",
    "activity",
    "product",
];

/// The definition files, embedded at build time.
const FILES: [(&str, &str); 16] = [
    ("account", include_str!("../../../metadata/account.toml")),
    ("contact", include_str!("../../../metadata/contact.toml")),
    ("lead", include_str!("../../../metadata/lead.toml")),
    (
        "opportunity",
        include_str!("../../../metadata/opportunity.toml"),
    ),
    ("product", include_str!("../../../metadata/product.toml")),
    ("task", include_str!("../../../metadata/task.toml")),
    ("activity", include_str!("../../../metadata/activity.toml")),
    (
        "product_price",
        include_str!("../../../metadata/product_price.toml"),
    ),
    ("quote", include_str!("../../../metadata/quote.toml")),
    (
        "quote_line",
        include_str!("../../../metadata/quote_line.toml"),
    ),
    ("contract", include_str!("../../../metadata/contract.toml")),
    ("order", include_str!("../../../metadata/order.toml")),
    (
        "order_line",
        include_str!("../../../metadata/order_line.toml"),
    ),
    (
        "payment_plan",
        include_str!("../../../metadata/payment_plan.toml"),
    ),
    ("payment", include_str!("../../../metadata/payment.toml")),
    ("refund", include_str!("../../../metadata/refund.toml")),
];

/// The standard object definitions, checked.
pub(crate) fn definitions() -> AppResult<Vec<ObjectDef>> {
    FILES
        .iter()
        .map(|(name, text)| {
            let def: ObjectDef = toml::from_str(text)
                .map_err(|e| AppError::Internal(format!("metadata/{name}.toml: {e}")))?;
            def.complete()
                .map_err(|e| AppError::Internal(format!("metadata/{name}.toml: {e:?}")))
        })
        .collect()
}

/// Creates or extends the standard objects' tables and metadata so that they match the files,
/// keeping every custom field administrators added. Does nothing when all is current.
pub(crate) async fn sync(db: &Db, now: DateTime<Utc>) -> AppResult<()> {
    let wanted = definitions()?;
    let current = metadata::load(db).await?;
    let stale = wanted.iter().any(|w| {
        current
            .objects
            .get(&w.name)
            .is_none_or(|c| merged(w, c) != **c)
    });
    if !stale {
        return Ok(());
    }
    let mut tx = db.begin().await?;
    metadata::lock(&mut tx).await?;
    let current = metadata::load_tx(&mut tx).await?;
    for w in &wanted {
        let old = current.objects.get(&w.name).map(|o| o.as_ref());
        let new = match old {
            Some(o) => merged(w, o),
            None => w.clone(),
        };
        if old == Some(&new) {
            continue;
        }
        tracing::info!(object = %w.name, "bringing standard object up to date");
        ddl::apply(&mut tx, &ddl::plan(old, &new)).await?;
        metadata::save(&mut tx, &new, now).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// The shipped definition with what administrators changed kept: the custom fields of the stored
/// one appended, names in other languages, and options they added to shipped selects.
fn merged(shipped: &ObjectDef, stored: &ObjectDef) -> ObjectDef {
    let mut out = shipped.clone();
    out.labels = stored.labels.clone();
    out.plural_labels = stored.plural_labels.clone();
    for f in &mut out.fields {
        if let Some(kept) = stored.field(&f.name) {
            f.labels = kept.labels.clone();
            f.option_labels = kept.option_labels.clone();
            if f.kind.has_options() {
                // The administrator's order, then shipped options they never had.
                let mut options = kept.options.clone();
                options.extend(
                    f.options
                        .iter()
                        .filter(|o| !kept.options.contains(o))
                        .cloned()
                        .collect::<Vec<_>>(),
                );
                f.options = options;
            }
        }
    }
    out.fields.extend(
        stored
            .fields
            .iter()
            .filter(|f| f.custom && shipped.field(&f.name).is_none())
            .cloned(),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_standard_object_file_is_valid_and_uses_the_contract_names() {
        let defs = definitions().unwrap();
        let names: Vec<&str> = defs.iter().map(|d| d.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "account",
                "contact",
                "lead",
                "opportunity",
                "product",
                "task",
                "activity",
                "product_price",
                "quote",
                "quote_line",
                "contract",
                "order",
                "order_line",
                "payment_plan",
                "payment",
                "refund"
            ]
        );
        let account = &defs[0];
        for f in [
            "name",
            "type",
            "level",
            "industry",
            "region",
            "source",
            "phone",
            "email",
            "website",
            "address",
            "annual_revenue",
            "tags",
            "last_follow_up_at",
            "pool_id",
            "owner_id",
        ] {
            assert!(account.field(f).is_some(), "account.{f}");
        }
    }
}
