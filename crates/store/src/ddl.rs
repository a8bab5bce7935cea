//! Record tables from metadata: a pure planner (old definition + new → changes) and an applier
//! that runs the changes inside the caller's transaction.

use pelagic_core::ColType;
use pelagic_core::ident::quoted;
use pelagic_core::meta::ObjectDef;

use crate::Result;
use crate::db::{Backend, Tx};
use crate::exec::{self};

/// One change to the physical schema.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    CreateTable {
        table: String,
        columns: Vec<(String, ColType)>,
    },
    AddColumn {
        table: String,
        column: String,
        ty: ColType,
    },
    CreateIndex {
        table: String,
        name: String,
        columns: Vec<String>,
        unique: bool,
    },
}

/// What must change so that the tables match `new`, given that they match `old` now.
/// Planning twice is harmless: indexes are created only if missing.
pub fn plan(old: Option<&ObjectDef>, new: &ObjectDef) -> Vec<Change> {
    let mut changes = Vec::new();
    let new_cols = new.all_columns();
    match old {
        None => changes.push(Change::CreateTable {
            table: new.table.clone(),
            columns: new_cols.into_iter().map(|(c, t)| (c.into(), t)).collect(),
        }),
        Some(old) => {
            let existing = old.all_columns();
            for (column, ty) in new_cols {
                if !existing.iter().any(|(c, _)| *c == column) {
                    changes.push(Change::AddColumn {
                        table: new.table.clone(),
                        column: column.into(),
                        ty,
                    });
                }
            }
        }
    }
    for f in &new.fields {
        let was = old.and_then(|o| o.field(&f.name));
        let col: String = f.compare_column().into();
        if f.indexed && !was.is_some_and(|w| w.indexed) {
            changes.push(Change::CreateIndex {
                table: new.table.clone(),
                name: index_name("ix", &new.table, &col),
                columns: vec![col.clone(), "id".into()],
                unique: false,
            });
        }
        if f.unique && !was.is_some_and(|w| w.unique) {
            changes.push(Change::CreateIndex {
                table: new.table.clone(),
                name: index_name("ux", &new.table, &col),
                columns: vec![col],
                unique: true,
            });
        }
    }
    let before = old.map(ObjectDef::index_columns).unwrap_or_default();
    for cols in new.index_columns() {
        if !before.contains(&cols) {
            changes.push(Change::CreateIndex {
                table: new.table.clone(),
                name: index_name("ix", &new.table, &cols.join("_")),
                columns: cols,
                unique: false,
            });
        }
    }
    changes
}

/// An index name within PostgreSQL's 63-byte limit, stable for the same table and column.
pub fn index_name(prefix: &str, table: &str, column: &str) -> String {
    let full = format!("{prefix}_{table}_{column}");
    if full.len() <= 60 {
        return full;
    }
    // FNV-1a: a short, deterministic distinguisher for long names.
    let hash = full.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ b as u64).wrapping_mul(0x0100_0000_01b3)
    });
    format!("{}_{:08x}", &full[..48], hash as u32)
}

fn column_type(ty: ColType, be: Backend) -> &'static str {
    match (be, ty) {
        (Backend::Sqlite, ColType::Text) => "TEXT",
        (Backend::Sqlite, ColType::BigInt) => "INTEGER",
        (Backend::Sqlite, ColType::Bool) => "BOOLEAN",
        (Backend::Sqlite, ColType::Date | ColType::DateTime) => "TEXT",
        // Binary collation: text sorts and compares exactly as on SQLite, and LIKE 'x%' can use
        // an index.
        (Backend::Postgres, ColType::Text) => "TEXT COLLATE \"C\"",
        (Backend::Postgres, ColType::BigInt) => "BIGINT",
        (Backend::Postgres, ColType::Bool) => "BOOLEAN",
        (Backend::Postgres, ColType::Date) => "DATE",
        (Backend::Postgres, ColType::DateTime) => "TIMESTAMPTZ",
    }
}

/// The statement text of a change. Every identifier comes from metadata and has been checked.
pub fn render(change: &Change, be: Backend) -> String {
    match change {
        Change::CreateTable { table, columns } => {
            let cols: Vec<String> = columns
                .iter()
                .map(|(c, ty)| {
                    let pk = if c == "id" {
                        " NOT NULL PRIMARY KEY"
                    } else {
                        ""
                    };
                    format!("{} {}{pk}", quoted(c), column_type(*ty, be))
                })
                .collect();
            format!(
                "CREATE TABLE IF NOT EXISTS {} ({})",
                quoted(table),
                cols.join(", ")
            )
        }
        Change::AddColumn { table, column, ty } => {
            format!(
                "ALTER TABLE {} ADD COLUMN {} {}",
                quoted(table),
                quoted(column),
                column_type(*ty, be)
            )
        }
        Change::CreateIndex {
            table,
            name,
            columns,
            unique,
        } => {
            let cols: Vec<String> = columns
                .iter()
                .map(|c| match be {
                    // Matches the order lists use: empty values lowest.
                    Backend::Postgres if c != "id" => format!("{} NULLS FIRST", quoted(c)),
                    _ => quoted(c),
                })
                .collect();
            let (kind, live) = if *unique {
                ("UNIQUE INDEX", " WHERE deleted_at IS NULL")
            } else {
                ("INDEX", "")
            };
            format!(
                "CREATE {kind} IF NOT EXISTS {} ON {} ({}){live}",
                quoted(name),
                quoted(table),
                cols.join(", ")
            )
        }
    }
}

/// Runs changes in the caller's transaction: either all of them happen, or none.
pub async fn apply(tx: &mut Tx, changes: &[Change]) -> Result<()> {
    let be = tx.backend();
    for c in changes {
        tracing::info!(statement = %render(c, be), "changing schema");
        exec::execute_text(tx.into(), render(c, be)).await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use pelagic_core::meta::ObjectDef;

    fn object(extra: serde_json::Value) -> ObjectDef {
        let mut fields = vec![
            serde_json::json!({"name": "name", "label": "Name", "kind": "text", "indexed": true}),
        ];
        if !extra.is_null() {
            fields.push(extra);
        }
        serde_json::from_value::<ObjectDef>(serde_json::json!({"name": "account", "label": "A", "label_plural": "As", "fields": fields}))
            .unwrap()
            .complete()
            .unwrap()
    }

    #[test]
    fn a_new_object_gets_a_table_with_every_column_and_its_indexes() {
        let changes = plan(None, &object(serde_json::Value::Null));
        let Change::CreateTable { table, columns } = &changes[0] else {
            panic!("table first")
        };
        assert_eq!(table, "obj_account");
        assert!(columns.iter().any(|(c, _)| c == "name_fold"));
        let sql = render(&changes[0], Backend::Postgres);
        assert!(sql.starts_with("CREATE TABLE IF NOT EXISTS \"obj_account\" (\"id\" TEXT COLLATE \"C\" NOT NULL PRIMARY KEY"));
        assert!(changes.iter().any(
            |c| matches!(c, Change::CreateIndex { columns, .. } if columns[0] == "name_fold")
        ));
    }

    #[test]
    fn adding_a_field_adds_only_its_columns() {
        let old = object(serde_json::Value::Null);
        let new = object(
            serde_json::json!({"name": "wechat_id", "label": "WeChat", "kind": "text", "custom": true}),
        );
        let changes = plan(Some(&old), &new);
        assert_eq!(changes.len(), 2);
        assert_eq!(
            render(&changes[0], Backend::Sqlite),
            "ALTER TABLE \"obj_account\" ADD COLUMN \"cf_wechat_id\" TEXT"
        );
        assert_eq!(plan(Some(&new), &new), vec![], "nothing to do twice");
    }

    #[test]
    fn long_index_names_stay_within_the_limit() {
        let n = index_name("ix", &"t".repeat(45), &"c".repeat(45));
        assert!(n.len() <= 60, "{n}");
    }
}
