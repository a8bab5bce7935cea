//! Documents of a record: rendered from a template as the reader (for a look or a download),
//! generated and kept with the record, listed, opened, and marked as sent to the customer —
//! which the record's history and its account's timeline show.

use chrono::{DateTime, Utc};
use pelagic_core::access::{Actor, FieldAccess};
use pelagic_core::ids::RecordId;
use pelagic_core::said::{Reason, Said};
use pelagic_store::documents::{self as store, DocumentRow};
use serde::Serialize;
use serde_json::{Value as Json, json};

use super::render::{Rendered, Rendering, field_of};
use super::tracked::FieldRead;
use super::{TemplateView, printable};
use crate::history::{self, Change};
use crate::policy::Operation;
use crate::{App, AppError, AppResult};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentView {
    pub id: String,
    pub object: String,
    pub record_id: String,
    pub template_id: String,
    pub name: String,
    pub created_by: String,
    pub created_at: DateTime<Utc>,
    pub sent_at: Option<DateTime<Utc>>,
    pub sent_by: Option<String>,
    pub sent_to: Option<String>,
}

impl From<DocumentRow> for DocumentView {
    fn from(d: DocumentRow) -> Self {
        DocumentView {
            id: d.id,
            object: d.object,
            record_id: d.record_id,
            template_id: d.template_id,
            name: d.name,
            created_by: d.created_by,
            created_at: d.created_at,
            sent_at: d.sent_at,
            sent_by: d.sent_by,
            sent_to: d.sent_to,
        }
    }
}

impl App {
    /// The role whose field permissions bound a template: its author's (as they are now), or
    /// the reader's for Pelagic's own templates.
    async fn author_role(&self, reader: &Actor, t: &TemplateView) -> AppResult<String> {
        let Some(author) = &t.author_id else {
            return Ok(reader.role.clone());
        };
        Ok(pelagic_store::users::user_by_id(self.db(), author)
            .await?
            .filter(|u| u.active)
            .map(|u| u.role)
            // A template whose author left reads only what a salesperson reads.
            .unwrap_or_else(|| "sales".to_owned()))
    }

    /// The record's title and a template for it.
    async fn printing(
        &self,
        reader: &Actor,
        object: &str,
        id: &str,
        template_id: Option<&str>,
    ) -> AppResult<(String, TemplateView)> {
        if !printable(object) {
            return Err(AppError::Invalid(format!(
                "quotes, orders and contracts have printable documents, not '{object}'"
            )));
        }
        let template = self
            .document_template(template_id.unwrap_or(&super::builtin::id(object)))
            .await?;
        if template.object != object {
            return Err(crate::AppError::from(
                Said::new(Reason::TemplatePrintsOther)
                    .with("value", &template.name)
                    .with("printed", &template.object)
                    .with("object", object),
            ));
        }
        let record = self
            .records(reader)
            .get(object, &RecordId::stored(id))
            .await?;
        let title = ["number", "name"]
            .iter()
            .find_map(|k| record.get(*k).and_then(Json::as_str))
            .unwrap_or(id)
            .to_owned();
        Ok((title, template))
    }

    /// A record rendered with a template (Pelagic's own when none is named), as `reader`.
    pub async fn render_document(
        &self,
        reader: &Actor,
        object: &str,
        id: &str,
        template_id: Option<&str>,
        words: &Json,
    ) -> AppResult<(String, String)> {
        let (name, rendered) = self
            .render_kept(reader, object, id, template_id, words)
            .await?;
        Ok((name, rendered.html))
    }

    /// [`render_document`], with the fields the rendering read.
    async fn render_kept(
        &self,
        reader: &Actor,
        object: &str,
        id: &str,
        template_id: Option<&str>,
        words: &Json,
    ) -> AppResult<(String, Rendered)> {
        let (title, template) = self.printing(reader, object, id, template_id).await?;
        let role = self.author_role(reader, &template).await?;
        let name = format!("{title} – {}", template.name);
        let rendered = self
            .render_page(
                reader,
                object,
                id,
                &Rendering {
                    body: &template.body,
                    author_role: &role,
                    words,
                    title: &name,
                },
            )
            .await?;
        Ok((name, rendered))
    }

    /// A template being written, tried on a record: checked and bounded as if `reader` saved it.
    pub async fn preview_template(
        &self,
        reader: &Actor,
        object: &str,
        id: &str,
        body: &str,
        words: &Json,
    ) -> AppResult<String> {
        self.check_template(reader, object, body).await?;
        let (title, _) = self.printing(reader, object, id, None).await?;
        let rendered = self
            .render_page(
                reader,
                object,
                id,
                &Rendering {
                    body,
                    author_role: &reader.role,
                    words,
                    title: &title,
                },
            )
            .await?;
        Ok(rendered.html)
    }

    /// Generates a document and keeps it with the record.
    pub async fn generate_document(
        &self,
        reader: &Actor,
        object: &str,
        id: &str,
        template_id: Option<&str>,
        words: &Json,
    ) -> AppResult<DocumentView> {
        let (name, rendered) = self
            .render_kept(reader, object, id, template_id, words)
            .await?;
        let fields = serde_json::to_string(&rendered.reads)
            .map_err(|e| AppError::Internal(format!("document fields: {e}")))?;
        let now = self.now();
        let row = DocumentRow {
            id: crate::ids::new_id(),
            object: object.to_owned(),
            record_id: id.to_owned(),
            template_id: template_id.map_or_else(|| super::builtin::id(object), str::to_owned),
            name,
            html: rendered.html,
            created_by: reader.user_id.to_string(),
            created_at: now,
            sent_at: None,
            sent_by: None,
            sent_to: None,
            fields: Some(fields),
        };
        let mut tx = self.db().begin().await?;
        store::insert_document(&mut tx, &row).await?;
        let entry = Change {
            object,
            record_id: id,
            user_id: &reader.user_id,
            at: now,
        }
        .noted(
            "document",
            None,
            Some(&json!({"id": row.id, "name": row.name})),
        );
        history::append(&mut tx, &[entry]).await?;
        tx.commit().await?;
        Ok(row.into())
    }

    /// The documents kept with a record the reader may read, newest first.
    pub async fn documents(
        &self,
        reader: &Actor,
        object: &str,
        id: &str,
    ) -> AppResult<Vec<DocumentView>> {
        self.records(reader)
            .get(object, &RecordId::stored(id))
            .await?;
        Ok(
            store::documents_of(self.db(), Some(object), &[id.to_owned()], false)
                .await?
                .into_iter()
                .map(Into::into)
                .collect(),
        )
    }

    /// One kept document and its HTML, when the reader may read its record.
    pub async fn document(&self, reader: &Actor, id: &str) -> AppResult<(DocumentView, String)> {
        let missing = || AppError::NotFound(format!("there is no document '{id}'"));
        pelagic_core::input::check_id(id).map_err(|_| missing())?;
        let d = store::document(self.db(), id).await?.ok_or_else(missing)?;
        self.records(reader)
            .get(&d.object, &RecordId::stored(d.record_id.clone()))
            .await
            .map_err(|_| missing())?;
        self.may_open(reader, &d).await?;
        let html = d.html.clone();
        Ok((d.into(), html))
    }

    /// Marks a kept document as sent to the customer (by someone who may edit its record).
    pub async fn send_document(
        &self,
        actor: &Actor,
        id: &str,
        to: Option<&str>,
    ) -> AppResult<DocumentView> {
        let (d, _) = self.document(actor, id).await?;
        if let Some(to) = to
            && (to.chars().count() > 320 || to.trim().is_empty())
        {
            return Err(AppError::Invalid(
                "to: whom it went to, up to 320 characters".into(),
            ));
        }
        if d.sent_at.is_some() {
            return Err(AppError::from(Said::new(Reason::DocumentAlreadySent)));
        }
        let now = self.now();
        let mut tx = self.db().begin().await?;
        self.records(actor)
            .whole_for_edit(&mut tx, &d.object, &RecordId::stored(d.record_id.clone()))
            .await?;
        store::mark_sent(&mut tx, id, now, &actor.user_id, to).await?;
        let entry = Change {
            object: &d.object,
            record_id: &d.record_id,
            user_id: &actor.user_id,
            at: now,
        }
        .noted(
            "document_sent",
            None,
            Some(&json!({"id": d.id, "name": d.name, "to": to})),
        );
        history::append(&mut tx, &[entry]).await?;
        tx.commit().await?;
        Ok(self.document(actor, id).await?.0)
    }

    /// The documents sent for any of `records`, newest first (for a timeline).
    pub async fn sent_documents(&self, records: &[String]) -> AppResult<Vec<DocumentView>> {
        Ok(store::documents_of(self.db(), None, records, true)
            .await?
            .into_iter()
            .map(Into::into)
            .collect())
    }
}

impl App {
    /// A kept document stays as it was made (it is what the customer received), so it opens
    /// only for a reader who may read every value it holds: each field it read readable (or
    /// masked for them as it was for its maker) and each record it read within their reach.
    /// Documents kept before Pelagic noted their fields open for their maker and administrators.
    async fn may_open(&self, reader: &Actor, d: &DocumentRow) -> AppResult<()> {
        let Some(reads) = d.fields.as_deref() else {
            return if reader.user_id == d.created_by || reader.role == "admin" {
                Ok(())
            } else {
                Err(AppError::from(Said::new(Reason::DocumentBeforeNoting)))
            };
        };
        let reads: Vec<FieldRead> = serde_json::from_str(reads)
            .map_err(|e| AppError::Internal(format!("document {}: fields: {e}", d.id)))?;
        let snap = self.snapshot().await?;
        let records = self.records(reader);
        let mut refused = std::collections::BTreeSet::new();
        let mut reached = std::collections::BTreeMap::new();
        for read in &reads {
            let shown = format!("{}.{}", read.object, read.field);
            let Ok(obj) = snap.schema.object(&read.object) else {
                refused.insert(shown);
                continue;
            };
            let access = field_of(obj, &read.field).map_or(FieldAccess::Hidden, |f| {
                snap.access.field_access(&reader.role, &obj.name, f)
            });
            let allowed = match access {
                FieldAccess::Hidden => false,
                FieldAccess::Masked => read.masked,
                FieldAccess::Read | FieldAccess::Edit => true,
            };
            let within_reach = match &read.id {
                Some(id) => match reached.get(&(read.object.clone(), id.clone())) {
                    Some(ok) => *ok,
                    None => {
                        let ok = records
                            .get(&read.object, &RecordId::stored(id.clone()))
                            .await
                            .is_ok();
                        reached.insert((read.object.clone(), id.clone()), ok);
                        ok
                    }
                },
                None => records.require(&read.object, Operation::Read).await.is_ok(),
            };
            if !(allowed && within_reach) {
                refused.insert(shown);
            }
        }
        if refused.is_empty() {
            Ok(())
        } else {
            Err(crate::AppError::from(
                Said::new(Reason::DocumentHoldsHidden)
                    .with("fields", refused.into_iter().collect::<Vec<_>>().join(", ")),
            ))
        }
    }
}
