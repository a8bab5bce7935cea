//! A spreadsheet (XLSX, XLS, ODS) as a table: the first sheet or the one named, each cell as the
//! text the cell readers understand (a date as 2026-03-01, a whole number without `.0`).
//! Formulas give the value the spreadsheet saved with them; nothing is evaluated.

use std::io::Cursor;

use calamine::{Data, Reader, open_workbook_auto_from_rs};

use super::table::{Table, assemble, too_wide};
use crate::said::{Reason, Said};

/// Whether `bytes` are a spreadsheet rather than text: a zip archive (XLSX, ODS) or an OLE
/// compound file (XLS).
pub fn is_spreadsheet(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0])
}

/// The names of the workbook's sheets, in order.
pub fn sheet_names(bytes: &[u8]) -> Result<Vec<String>, Said> {
    let book = open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|_| not_a_sheet())?;
    Ok(book.sheet_names().to_vec())
}

/// The sheet named `sheet`, else the first, as a table whose first row is the header.
pub fn read(bytes: &[u8], sheet: Option<&str>) -> Result<Table, Said> {
    let mut book = open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|_| not_a_sheet())?;
    let name = match sheet {
        Some(s) => s.to_owned(),
        None => book
            .sheet_names()
            .first()
            .cloned()
            .ok_or_else(not_a_sheet)?,
    };
    let range = book
        .worksheet_range(&name)
        .map_err(|_| Said::new(Reason::NoSuchSheet).with("sheet", &name))?;
    let (_, width) = range.get_size();
    too_wide(width)?;
    // A row's line is its row number in the spreadsheet (the header's is 1 when it starts at A1).
    let first = range.start().map_or(0, |(row, _)| u64::from(row));
    let lines = range
        .rows()
        .zip(first + 1..)
        .map(|(cells, line)| (line, cells.iter().map(text).collect()))
        .collect();
    assemble(b',', lines)
}

fn not_a_sheet() -> Said {
    Said::new(Reason::NotText)
}

/// A cell as text.
fn text(cell: &Data) -> String {
    match cell {
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{f:.0}"),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) => match d.as_datetime() {
            Some(at) if at.time() == chrono::NaiveTime::MIN => at.date().to_string(),
            Some(at) => at.format("%Y-%m-%d %H:%M:%S").to_string(),
            None => d.as_f64().to_string(),
        },
        Data::Error(_) | Data::Empty => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_xlsxwriter::{Formula, Workbook};

    fn workbook() -> Vec<u8> {
        let mut book = Workbook::new();
        let notes = book.add_worksheet();
        notes.set_name("Notas").unwrap();
        notes.write(0, 0, "nada").unwrap();
        let sheet = book.add_worksheet();
        sheet.set_name("Clientes").unwrap();
        for (col, h) in ["Nombre", "Importe", "Alta", "Total"].iter().enumerate() {
            sheet.write(0, col as u16, *h).unwrap();
        }
        sheet.write(1, 0, "Fábrica Norte").unwrap();
        sheet.write(1, 1, 1234.5).unwrap();
        sheet.write(1, 2, 46082.0).unwrap();
        sheet
            .write_formula(1, 3, Formula::new("=B2*2").set_result("2469"))
            .unwrap();
        sheet.write(2, 0, "Ñandú SL").unwrap();
        sheet.write(2, 1, 7.0).unwrap();
        book.save_to_buffer().unwrap()
    }

    #[test]
    fn a_chosen_sheet_reads_as_a_table_with_the_saved_values_of_formulas() {
        let bytes = workbook();
        assert!(is_spreadsheet(&bytes));
        assert_eq!(sheet_names(&bytes).unwrap(), ["Notas", "Clientes"]);
        let t = read(&bytes, Some("Clientes")).unwrap();
        assert_eq!(t.header, ["Nombre", "Importe", "Alta", "Total"]);
        assert_eq!(t.rows[0][0], "Fábrica Norte");
        assert_eq!(t.rows[0][1], "1234.5");
        assert_eq!(
            t.rows[0][3], "2469",
            "the value saved with the formula, not evaluated"
        );
        assert_eq!(t.rows[1][1], "7", "a whole number without .0");
        let first = read(&bytes, None).unwrap_err();
        assert_eq!(
            first.reason,
            Reason::HeaderOnly,
            "the first sheet is a header alone"
        );
        let missing = read(&bytes, Some("Nada")).unwrap_err();
        assert_eq!(missing.reason, Reason::NoSuchSheet);
    }

    #[test]
    fn text_named_xlsx_is_not_a_spreadsheet() {
        assert!(!is_spreadsheet(b"name,phone\n"));
        assert_eq!(
            read(b"PK\x03\x04 not really", None).unwrap_err().reason,
            Reason::NotText
        );
    }
}
