//! Printable templates and the documents generated from them, kept with their records.

use chrono::{DateTime, Utc};
use pelagic_core::plan::{OrderKey, Pred};
use pelagic_core::{ColType, Value};

use crate::Result;
use crate::db::{Db, Tx};
use crate::fixed::{columns, eq, projection, text};
use crate::records::{self, ListQuery};

const TEMPLATES: &str = "document_templates";
const DOCUMENTS: &str = "documents";

#[derive(Debug, Clone, PartialEq)]
pub struct TemplateRow {
    pub id: String,
    /// `quote`, `order` or `contract`.
    pub object: String,
    pub name: String,
    /// HTML with merge fields.
    pub body: String,
    /// Whose permissions bound what the template may read.
    pub author_id: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

const TEMPLATE_COLUMNS: [(&str, ColType); 7] = [
    ("id", ColType::Text),
    ("object", ColType::Text),
    ("name", ColType::Text),
    ("body", ColType::Text),
    ("author_id", ColType::Text),
    ("created_at", ColType::DateTime),
    ("updated_at", ColType::DateTime),
];

#[derive(Debug, Clone, PartialEq)]
pub struct DocumentRow {
    pub id: String,
    pub object: String,
    pub record_id: String,
    pub template_id: String,
    pub name: String,
    /// The document as it was rendered.
    pub html: String,
    pub created_by: String,
    pub created_at: DateTime<Utc>,
    pub sent_at: Option<DateTime<Utc>>,
    pub sent_by: Option<String>,
    pub sent_to: Option<String>,
    /// The fields the document holds (JSON, see the app's `FieldRead`); none for documents
    /// kept before Pelagic noted them.
    pub fields: Option<String>,
}

const DOCUMENT_COLUMNS: [(&str, ColType); 12] = [
    ("id", ColType::Text),
    ("object", ColType::Text),
    ("record_id", ColType::Text),
    ("template_id", ColType::Text),
    ("name", ColType::Text),
    ("html", ColType::Text),
    ("created_by", ColType::Text),
    ("created_at", ColType::DateTime),
    ("sent_at", ColType::DateTime),
    ("sent_by", ColType::Text),
    ("sent_to", ColType::Text),
    ("fields", ColType::Text),
];

/// The listing columns: everything but the HTML.
const LISTED: [(&str, ColType); 10] = [
    ("id", ColType::Text),
    ("object", ColType::Text),
    ("record_id", ColType::Text),
    ("template_id", ColType::Text),
    ("name", ColType::Text),
    ("created_by", ColType::Text),
    ("created_at", ColType::DateTime),
    ("sent_at", ColType::DateTime),
    ("sent_by", ColType::Text),
    ("sent_to", ColType::Text),
];

fn template_of(r: &[Value]) -> TemplateRow {
    TemplateRow {
        id: text(&r[0]),
        object: text(&r[1]),
        name: text(&r[2]),
        body: text(&r[3]),
        author_id: text(&r[4]),
        created_at: r[5].as_datetime().unwrap_or_default(),
        updated_at: r[6].as_datetime().unwrap_or_default(),
    }
}

/// A document row from `LISTED` columns (`html` empty) or from all of them.
fn document_of(r: &[Value]) -> DocumentRow {
    let (html, rest) = if r.len() == DOCUMENT_COLUMNS.len() {
        (text(&r[5]), &r[6..])
    } else {
        (String::new(), &r[5..])
    };
    DocumentRow {
        id: text(&r[0]),
        object: text(&r[1]),
        record_id: text(&r[2]),
        template_id: text(&r[3]),
        name: text(&r[4]),
        html,
        created_by: text(&rest[0]),
        created_at: rest[1].as_datetime().unwrap_or_default(),
        sent_at: rest[2].as_datetime(),
        sent_by: rest[3].as_str().map(str::to_owned),
        sent_to: rest[4].as_str().map(str::to_owned),
        fields: rest.get(5).and_then(|v| v.as_str()).map(str::to_owned),
    }
}

async fn select(
    db: &Db,
    table: &str,
    list: &[(&str, ColType)],
    pred: Pred,
    by: &'static str,
    desc: bool,
) -> Result<Vec<Vec<Value>>> {
    let p = projection(list);
    let order = [
        OrderKey {
            col: by.into(),
            ty: if by.ends_with("_at") {
                ColType::DateTime
            } else {
                ColType::Text
            },
            desc,
            nullable: true,
        },
        OrderKey::id(desc),
    ];
    records::select(
        db,
        &ListQuery {
            table,
            projection: &p,
            pred: &pred,
            order: &order,
            limit: 1_000,
            drive: None,
        },
    )
    .await
}

pub async fn insert_template(tx: &mut Tx, t: &TemplateRow) -> Result<()> {
    let row = vec![
        Value::Text(t.id.clone()),
        Value::Text(t.object.clone()),
        Value::Text(t.name.clone()),
        Value::Text(t.body.clone()),
        Value::Text(t.author_id.clone()),
        Value::DateTime(t.created_at),
        Value::DateTime(t.updated_at),
    ];
    records::insert(tx, TEMPLATES, &columns(&TEMPLATE_COLUMNS), &[row]).await
}

/// Replaces a template's name, body and author; false when there is no such template.
pub async fn update_template(tx: &mut Tx, t: &TemplateRow) -> Result<bool> {
    let sets = [
        (
            "name".to_owned(),
            ColType::Text,
            Value::Text(t.name.clone()),
        ),
        (
            "body".to_owned(),
            ColType::Text,
            Value::Text(t.body.clone()),
        ),
        (
            "author_id".to_owned(),
            ColType::Text,
            Value::Text(t.author_id.clone()),
        ),
        (
            "updated_at".to_owned(),
            ColType::DateTime,
            Value::DateTime(t.updated_at),
        ),
    ];
    Ok(records::update(tx, TEMPLATES, &sets, &eq("id", &t.id)).await? > 0)
}

/// Removes a template (the documents made from it stay); false when there was none.
pub async fn delete_template(tx: &mut Tx, id: &str) -> Result<bool> {
    Ok(records::purge(tx, TEMPLATES, &eq("id", id)).await? > 0)
}

/// The templates, of one object or of all, by object and name.
pub async fn templates(db: &Db, object: Option<&str>) -> Result<Vec<TemplateRow>> {
    let pred = object.map_or(Pred::True, |o| eq("object", o));
    let rows = select(db, TEMPLATES, &TEMPLATE_COLUMNS, pred, "name", false).await?;
    let mut found: Vec<TemplateRow> = rows.iter().map(|r| template_of(r)).collect();
    found.sort_by(|a, b| (&a.object, &a.name).cmp(&(&b.object, &b.name)));
    Ok(found)
}

pub async fn template(db: &Db, id: &str) -> Result<Option<TemplateRow>> {
    let rows = select(
        db,
        TEMPLATES,
        &TEMPLATE_COLUMNS,
        eq("id", id),
        "name",
        false,
    )
    .await?;
    Ok(rows.first().map(|r| template_of(r)))
}

pub async fn insert_document(tx: &mut Tx, d: &DocumentRow) -> Result<()> {
    let row = vec![
        Value::Text(d.id.clone()),
        Value::Text(d.object.clone()),
        Value::Text(d.record_id.clone()),
        Value::Text(d.template_id.clone()),
        Value::Text(d.name.clone()),
        Value::Text(d.html.clone()),
        Value::Text(d.created_by.clone()),
        Value::DateTime(d.created_at),
        d.sent_at.map_or(Value::Null, Value::DateTime),
        Value::text_or_null(d.sent_by.clone()),
        Value::text_or_null(d.sent_to.clone()),
        Value::text_or_null(d.fields.clone()),
    ];
    records::insert(tx, DOCUMENTS, &columns(&DOCUMENT_COLUMNS), &[row]).await
}

/// The documents of these records (without their HTML), newest first; only those sent when
/// `sent_only`.
pub async fn documents_of(
    db: &Db,
    object: Option<&str>,
    record_ids: &[String],
    sent_only: bool,
) -> Result<Vec<DocumentRow>> {
    if record_ids.is_empty() {
        return Ok(Vec::new());
    }
    let mut all = vec![Pred::In {
        col: "record_id".into(),
        values: record_ids.iter().cloned().map(Value::Text).collect(),
    }];
    if let Some(o) = object {
        all.push(eq("object", o));
    }
    if sent_only {
        all.push(Pred::Not(Box::new(Pred::IsNull {
            col: "sent_at".into(),
        })));
    }
    let rows = select(db, DOCUMENTS, &LISTED, Pred::And(all), "created_at", true).await?;
    Ok(rows.iter().map(|r| document_of(r)).collect())
}

/// One document, with its HTML.
pub async fn document(db: &Db, id: &str) -> Result<Option<DocumentRow>> {
    let rows = select(
        db,
        DOCUMENTS,
        &DOCUMENT_COLUMNS,
        eq("id", id),
        "created_at",
        false,
    )
    .await?;
    Ok(rows.first().map(|r| document_of(r)))
}

/// Records that a document was sent.
pub async fn mark_sent(
    tx: &mut Tx,
    id: &str,
    at: DateTime<Utc>,
    by: &str,
    to: Option<&str>,
) -> Result<()> {
    let sets = [
        ("sent_at".to_owned(), ColType::DateTime, Value::DateTime(at)),
        (
            "sent_by".to_owned(),
            ColType::Text,
            Value::Text(by.to_owned()),
        ),
        (
            "sent_to".to_owned(),
            ColType::Text,
            Value::text_or_null(to.map(str::to_owned)),
        ),
    ];
    records::update(tx, DOCUMENTS, &sets, &eq("id", id)).await?;
    Ok(())
}
