//! A delimited text file as a header and rows of cells: the separator (`,` `;` or tab) found by
//! which one splits the first lines into the same number of columns, ragged rows padded or
//! reported, and limits that keep a hostile file from taking the server's memory.

use crate::said::{Reason, Said};

/// Most columns a file may have.
pub const MAX_COLUMNS: usize = 1_000;

/// Separators tried, in order of preference when they split equally well.
const SEPARATORS: [u8; 3] = [b',', b';', b'\t'];

/// Lines looked at to choose the separator.
const SNIFF_LINES: usize = 50;

/// A file's header and rows; every row has the header's number of cells.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub separator: u8,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// Lines of the file (the header is line 1) whose rows had more or fewer cells than the
    /// header.
    pub ragged: Vec<u64>,
}

/// The separator that splits the first lines of `text` most consistently into more than one
/// column.
pub fn separator(text: &str) -> u8 {
    let mut best = (b',', 0usize, 0usize);
    for sep in SEPARATORS {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(sep)
            .from_reader(text.as_bytes());
        let counts: Vec<usize> = reader
            .records()
            .take(SNIFF_LINES)
            .filter_map(Result::ok)
            .map(|r| r.len())
            .collect();
        let Some(first) = counts.first().copied().filter(|n| *n > 1) else {
            continue;
        };
        let agreeing = counts.iter().filter(|n| **n == first).count();
        if (agreeing, first) > (best.1, best.2) {
            best = (sep, agreeing, first);
        }
    }
    best.0
}

/// Reads `text` split by `separator`: the first row is the header. A file without a header, a
/// header without rows or a row of more than [`MAX_COLUMNS`] cells is refused.
pub fn read(text: &str, separator: u8) -> Result<Table, Said> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(separator)
        .from_reader(text.as_bytes());
    let mut lines = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|_| Said::new(Reason::NotText))?;
        too_wide(record.len())?;
        let line = line_at(text, record.position().map_or(0, |p| p.byte()));
        lines.push((line, record.iter().map(str::to_owned).collect()));
    }
    assemble(separator, lines)
}

/// A table from numbered lines of cells, the first being the header: cells trimmed, blank rows
/// dropped, short and long rows brought to the header's width and noted.
pub(super) fn assemble(separator: u8, lines: Vec<(u64, Vec<String>)>) -> Result<Table, Said> {
    let mut lines = lines.into_iter();
    let header: Vec<String> = match lines.next() {
        Some((_, cells)) => cells.iter().map(|c| c.trim().to_owned()).collect(),
        None => return Err(Said::new(Reason::EmptyFile)),
    };
    if header.iter().all(String::is_empty) {
        return Err(Said::new(Reason::EmptyFile));
    }
    too_wide(header.len())?;
    let mut rows = Vec::new();
    let mut ragged = Vec::new();
    for (line, cells) in lines {
        too_wide(cells.len())?;
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let mut row: Vec<String> = cells.iter().map(|c| c.trim().to_owned()).collect();
        if row.len() != header.len() {
            ragged.push(line);
            row.resize(header.len(), String::new());
        }
        rows.push(row);
    }
    if rows.is_empty() {
        return Err(Said::new(Reason::HeaderOnly));
    }
    Ok(Table {
        separator,
        header,
        rows,
        ragged,
    })
}

/// The line of `text` (from 1) holding byte `at`: blank lines count, as a spreadsheet shows them.
fn line_at(text: &str, at: u64) -> u64 {
    let mut at = usize::try_from(at).unwrap_or(usize::MAX).min(text.len());
    // A record read after blank lines starts where they do: its own line is after them.
    while matches!(text.as_bytes().get(at), Some(b'\n' | b'\r')) {
        at += 1;
    }
    let newlines = text.as_bytes()[..at]
        .iter()
        .filter(|b| **b == b'\n')
        .count();
    u64::try_from(newlines)
        .unwrap_or(u64::MAX)
        .saturating_add(1)
}

pub(super) fn too_wide(columns: usize) -> Result<(), Said> {
    if columns > MAX_COLUMNS {
        Err(Said::new(Reason::TooManyColumns).with("max", MAX_COLUMNS))
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_separator_is_the_one_that_splits_every_line_alike() {
        assert_eq!(separator("a,b,c\n1,2,3\n"), b',');
        assert_eq!(
            separator("nombre;importe\nAcme;1.234,50\nÑandú;7,00\n"),
            b';'
        );
        assert_eq!(separator("名称\t电话\n亿东\t138\n"), b'\t');
        assert_eq!(separator("one column\nonly\n"), b',');
    }

    #[test]
    fn rows_get_the_headers_width_and_ragged_ones_are_noted() {
        let t = read("name,phone\nAcme,1\nShort\n\nLong,2,extra\n", b',').unwrap();
        assert_eq!(t.header, ["name", "phone"]);
        assert_eq!(t.rows.len(), 3, "the blank line is no row");
        assert_eq!(t.rows[1], ["Short", ""]);
        assert_eq!(t.rows[2], ["Long", "2"]);
        assert_eq!(t.ragged, [3, 5], "lines of the file");
    }

    #[test]
    fn an_empty_file_a_header_alone_and_a_ten_thousand_column_row_are_refused() {
        assert_eq!(read("", b',').unwrap_err().reason, Reason::EmptyFile);
        assert_eq!(
            read("name,phone\n", b',').unwrap_err().reason,
            Reason::HeaderOnly
        );
        let wide = format!("{}\n", vec!["x"; 10_000].join(","));
        assert_eq!(
            read(&wide, b',').unwrap_err().reason,
            Reason::TooManyColumns
        );
    }
}
