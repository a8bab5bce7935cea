//! Exporting a list as a table: the records the actor's export scope reaches, the fields they
//! may read (masked ones masked), and cells that a spreadsheet will not run as formulas.

use pelagic_core::kind::FieldKind;
use pelagic_core::said::{Reason, Said};
use serde_json::Value as Json;

use super::{ListRequest, MAX_LIMIT, RecordService};
use crate::policy::Operation;
use crate::{AppError, AppResult};

/// Most rows one export holds.
pub const MAX_EXPORT: usize = 100_000;

impl RecordService<'_> {
    /// The export as a CSV file: UTF-8 with a byte-order mark, so that spreadsheets read Chinese
    /// and Cyrillic right.
    pub async fn export_csv(&self, object: &str, req: &ListRequest) -> AppResult<Vec<u8>> {
        let table = self.export(object, req).await?;
        let mut out = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
        for row in &table {
            out.write_record(row)
                .map_err(|e| AppError::Internal(e.to_string()))?;
        }
        out.into_inner()
            .map_err(|e| AppError::Internal(e.to_string()))
    }

    /// The header and rows of an export of `object` filtered, searched and sorted as `req`.
    pub async fn export(&self, object: &str, req: &ListRequest) -> AppResult<Vec<Vec<String>>> {
        let t = self.target(object).await?;
        let policy = t.policy(self.actor);
        policy.require(&t.obj, Operation::Export)?;
        let mut columns: Vec<String> = Vec::new();
        for f in policy.visible_fields(&t.obj) {
            columns.push(f.name.to_string());
            if f.kind == FieldKind::Money {
                columns.push(format!("{}_currency", f.name));
            }
        }
        let mut table = vec![columns.clone()];
        let mut page_req = ListRequest {
            limit: Some(MAX_LIMIT),
            cursor: None,
            count: false,
            ..req.clone()
        };
        loop {
            let page = self
                .list_for(object, &page_req, Operation::Export, None)
                .await?;
            for record in &page.data {
                table.push(
                    columns
                        .iter()
                        .map(|c| cell(record.get(c).unwrap_or(&Json::Null)))
                        .collect(),
                );
            }
            if table.len() > MAX_EXPORT + 1 {
                return Err(crate::AppError::from(
                    Said::new(Reason::ExportAtMost).with("max", MAX_EXPORT),
                ));
            }
            match page.next_cursor {
                Some(c) => page_req.cursor = Some(c),
                None => return Ok(table),
            }
        }
    }
}

/// A value as a spreadsheet cell. Text that a spreadsheet would read as a formula (starting
/// with `=`, `+`, `-`, `@`, a tab or a carriage return) is prefixed with `'`; numbers are kept.
pub fn cell(value: &Json) -> String {
    let text = match value {
        Json::Null => return String::new(),
        Json::String(s) => s.clone(),
        Json::Array(items) => items.iter().map(cell).collect::<Vec<_>>().join("; "),
        Json::Object(map) => map.get("id").map(cell).unwrap_or_else(|| value.to_string()),
        other => return other.to_string(),
    };
    let risky = text.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && text.parse::<f64>().is_err() {
        format!("'{text}")
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn formulas_are_defused_and_numbers_kept() {
        assert_eq!(
            cell(&json!("=HYPERLINK(\"http://evil\")")),
            "'=HYPERLINK(\"http://evil\")"
        );
        assert_eq!(cell(&json!("@SUM(A1)")), "'@SUM(A1)");
        assert_eq!(cell(&json!("+86 138")), "'+86 138");
        assert_eq!(cell(&json!("-1250.00")), "-1250.00");
        assert_eq!(cell(&json!(["vip", "new"])), "vip; new");
        assert_eq!(cell(&json!(null)), "");
        assert_eq!(cell(&json!({"object": "account", "id": "0193"})), "0193");
    }
}
