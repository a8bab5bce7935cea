//! `pelagic import`: a CSV file's or a spreadsheet's rows into an object, as a user (the one named, else the first
//! administrator), with the mapping its headers suggest or the one given; prints what became of
//! the rows and writes those not imported beside the file, with the reason, to fix and import
//! again.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{Context, bail};
use pelagic_app::App;
use pelagic_app::records::import::{ImportOutcome, ImportPlan, KeptRow, OnDuplicate};
use pelagic_core::ids::FieldName;
use pelagic_core::import::values::Reading;
use pelagic_core::import::{decode, mapping, sheet, table};
use pelagic_core::said::Said;
use pelagic_http::import_words;

/// Largest file read, unless `--max-bytes` says otherwise.
const DEFAULT_MAX_BYTES: u64 = 200 * 1024 * 1024;

#[derive(clap::Args, Debug)]
pub struct ImportArgs {
    /// The object the rows become (`account`, `contact`, `lead`, a custom object…).
    #[arg(long)]
    object: String,
    /// The CSV file.
    file: PathBuf,
    /// A JSON object from each header to a field's API name (or null to leave a column out).
    #[arg(long)]
    mapping: Option<PathBuf>,
    /// What to do with a row whose customer another record already holds.
    #[arg(long, default_value = "skip", value_parser = ["skip", "update", "create"])]
    on_duplicate: String,
    /// The user the import runs as, who owns the rows that name no owner.
    #[arg(long)]
    owner: Option<String>,
    /// The sheet of a spreadsheet to read (the first when not given).
    #[arg(long)]
    sheet: Option<String>,
    /// The file's encoding (utf-8, gbk, big5, windows-1251, latin1…); detected when not given.
    #[arg(long)]
    encoding: Option<String>,
    /// Dates such as 03/01/2026 are month first (January 3rd); day first otherwise.
    #[arg(long)]
    month_first: bool,
    /// Numbers are written 1.234,50 (a comma marks the decimals).
    #[arg(long)]
    decimal_comma: bool,
    /// Largest file accepted, in bytes.
    #[arg(long, default_value_t = DEFAULT_MAX_BYTES)]
    max_bytes: u64,
}

pub async fn run(app: Arc<App>, args: ImportArgs) -> anyhow::Result<()> {
    let bytes = read_bounded(&args.file, args.max_bytes)?;
    let (rows, read_as) = read_rows(&bytes, &args).map_err(|s| anyhow::anyhow!("{s}"))?;
    let snap = app.snapshot().await?;
    let obj = snap.schema.object(&args.object)?.clone();
    let actor = app.actor_for(args.owner.as_deref()).await?;
    let columns = match &args.mapping {
        Some(path) => given_mapping(path, &rows.header)?,
        None => mapping::suggest(&rows.header, &import_words::field_words(&obj)),
    };
    if columns.iter().all(Option::is_none) {
        bail!(
            "no column of the file maps to a field of {}; give a --mapping",
            obj.name
        );
    }
    println!(
        "{} rows in {} ({read_as}):",
        rows.rows.len(),
        args.file.display()
    );
    for (header, field) in rows.header.iter().zip(&columns) {
        match field {
            Some(f) => println!("  {header} → {f}"),
            None => println!("  {header} → (left out)"),
        }
    }
    let options = import_words::option_words(&obj);
    let plan = ImportPlan {
        object: &obj.name,
        mapping: columns,
        on_duplicate: args.on_duplicate.parse::<OnDuplicate>()?,
        reading: Reading {
            day_first: !args.month_first,
            decimal_comma: args.decimal_comma,
            zone: pelagic_core::period::zone(&actor.time_zone),
        },
        options: &options,
    };
    let outcome = app.records(&actor).import(&plan, &rows).await?;
    report(&args.file, &rows.header, &outcome)
}

/// The file's rows, from a spreadsheet's sheet or from delimited text, and what it was read as.
fn read_rows(bytes: &[u8], args: &ImportArgs) -> Result<(table::Table, String), Said> {
    if sheet::is_spreadsheet(bytes) {
        let rows = sheet::read(bytes, args.sheet.as_deref())?;
        let name = args.sheet.clone().unwrap_or_else(|| "first sheet".into());
        return Ok((rows, format!("spreadsheet, {name}")));
    }
    let text = decode::decode(bytes, args.encoding.as_deref())?;
    let rows = table::read(&text.text, table::separator(&text.text))?;
    Ok((rows, text.encoding.to_owned()))
}

/// The file's bytes, refusing one over `max` before reading it.
fn read_bounded(path: &Path, max: u64) -> anyhow::Result<Vec<u8>> {
    let size = std::fs::metadata(path)
        .with_context(|| format!("cannot read {}", path.display()))?
        .len();
    if size > max {
        bail!(
            "{} is {size} bytes, over the limit of {max} (see --max-bytes)",
            path.display()
        );
    }
    std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))
}

/// The mapping in a JSON file: header → field name or null.
fn given_mapping(path: &Path, header: &[String]) -> anyhow::Result<Vec<Option<FieldName>>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let map: BTreeMap<String, Option<String>> = serde_json::from_str(&text)
        .with_context(|| format!("{} is not a JSON object of header → field", path.display()))?;
    header
        .iter()
        .map(|h| match map.get(h).cloned().flatten() {
            Some(f) => FieldName::parse(&f)
                .map(Some)
                .map_err(|s| anyhow::anyhow!("{}: '{f}': {s}", path.display())),
            None => Ok(None),
        })
        .collect()
}

/// Prints the counts and writes the rows not imported beside the file.
fn report(file: &Path, header: &[String], outcome: &ImportOutcome) -> anyhow::Result<()> {
    println!(
        "created {}, updated {}, skipped {}, failed {}",
        outcome.created,
        outcome.updated,
        outcome.skipped.len(),
        outcome.failed.len()
    );
    for (rows, what) in [(&outcome.skipped, "skipped"), (&outcome.failed, "failed")] {
        if rows.is_empty() {
            continue;
        }
        let out = beside(file, what);
        write_rows(&out, header, rows)?;
        println!("the {what} rows, with the reason, are in {}", out.display());
    }
    Ok(())
}

/// `contacts.csv` → `contacts.failed.csv`.
fn beside(file: &Path, what: &str) -> PathBuf {
    let stem = file
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("import");
    file.with_file_name(format!("{stem}.{what}.csv"))
}

/// The rows with their line in the file and the reason, in UTF-8 with the byte-order mark that
/// lets spreadsheet programs open it as UTF-8.
fn write_rows(out: &Path, header: &[String], rows: &[KeptRow]) -> anyhow::Result<()> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut head: Vec<String> = header.to_vec();
    head.extend(["line".to_owned(), "reason".to_owned()]);
    w.write_record(defused(&head))?;
    for r in rows {
        let mut cells = r.cells.clone();
        cells.extend([r.line.to_string(), r.reason.clone()]);
        w.write_record(defused(&cells))?;
    }
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(w.into_inner().map_err(|e| anyhow::anyhow!("{e}"))?);
    std::fs::write(out, bytes).with_context(|| format!("cannot write {}", out.display()))
}

/// Cells a spreadsheet would run as formulas, made text (`'=…`).
fn defused(cells: &[String]) -> Vec<String> {
    cells
        .iter()
        .map(|c| {
            if c.starts_with(['=', '+', '-', '@', '\t', '\r']) {
                format!("'{c}")
            } else {
                c.clone()
            }
        })
        .collect()
}
