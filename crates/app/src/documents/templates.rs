//! Keeping printable templates: everyone may list them and print with them; administrators and
//! managers write them. A template is checked when saved: it must read, and every merge field
//! it names must exist and be readable by its author (whose permissions also bound it when it
//! is rendered later).

use chrono::{DateTime, Utc};
use pelagic_core::access::Actor;
use pelagic_core::said::{Reason, Said};
use pelagic_store::documents::{self as store, TemplateRow};
use serde::{Deserialize, Serialize};

use super::{builtin, printable, render};
use crate::{App, AppError, AppResult};

/// Longest template body.
const MAX_BODY: usize = 200_000;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TemplateView {
    pub id: String,
    pub object: String,
    pub name: String,
    pub body: String,
    /// Pelagic's own template, which can be copied but not changed.
    pub builtin: bool,
    pub author_id: Option<String>,
    pub updated_at: Option<DateTime<Utc>>,
}

/// One name a template can use and the fields under it its author may read.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MergeSource {
    /// The name in the template (`record`, `account`, `lines`, …).
    pub name: String,
    /// The object its values come from.
    pub object: String,
    pub fields: Vec<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TemplateChange {
    pub object: Option<String>,
    pub name: Option<String>,
    pub body: Option<String>,
}

fn view(t: TemplateRow) -> TemplateView {
    TemplateView {
        id: t.id,
        object: t.object,
        name: t.name,
        body: t.body,
        builtin: false,
        author_id: Some(t.author_id),
        updated_at: Some(t.updated_at),
    }
}

fn builtin_view(object: &str) -> TemplateView {
    TemplateView {
        id: builtin::id(object),
        object: object.to_owned(),
        name: format!("Standard {object}"),
        body: builtin::body(object).to_owned(),
        builtin: true,
        author_id: None,
        updated_at: None,
    }
}

/// Whether `actor` writes templates: administrators and managers.
pub fn may_write_templates(actor: &Actor) -> bool {
    actor.is_admin() || actor.role == "manager"
}

fn may_write(actor: &Actor) -> AppResult<()> {
    if may_write_templates(actor) {
        Ok(())
    } else {
        Err(AppError::from(Said::new(Reason::TemplateWriters)))
    }
}

fn check_object(object: &str) -> AppResult<()> {
    if printable(object) {
        Ok(())
    } else {
        Err(AppError::Invalid(format!(
            "quotes, orders and contracts have printable documents, not '{object}'"
        )))
    }
}

impl App {
    /// The templates of one object (or of every printable one), Pelagic's own first.
    pub async fn document_templates(&self, object: Option<&str>) -> AppResult<Vec<TemplateView>> {
        if let Some(o) = object {
            check_object(o)?;
        }
        let mut all: Vec<TemplateView> = super::PRINTABLE
            .iter()
            .filter(|o| object.is_none_or(|x| x == **o))
            .map(|o| builtin_view(o))
            .collect();
        all.extend(
            store::templates(self.db(), object)
                .await?
                .into_iter()
                .map(view),
        );
        Ok(all)
    }

    pub async fn document_template(&self, id: &str) -> AppResult<TemplateView> {
        if let Some(object) = id.strip_prefix("builtin-")
            && printable(object)
        {
            return Ok(builtin_view(object));
        }
        store::template(self.db(), id)
            .await?
            .map(view)
            .ok_or_else(|| AppError::NotFound(format!("there is no document template '{id}'")))
    }

    /// Creates a template, or replaces one when `id` is given; its author becomes `actor`.
    pub async fn save_document_template(
        &self,
        actor: &Actor,
        id: Option<&str>,
        change: TemplateChange,
    ) -> AppResult<TemplateView> {
        may_write(actor)?;
        let now = self.now();
        let existing = match id {
            Some(id) if id.starts_with("builtin-") => {
                return Err(AppError::from(Said::new(Reason::OwnTemplatesCopy)));
            }
            Some(id) => Some(self.document_template(id).await?),
            None => None,
        };
        let object = match (&existing, change.object) {
            (Some(e), Some(o)) if o != e.object => {
                return Err(AppError::Invalid(
                    "a template stays with its object; create another for that one".into(),
                ));
            }
            (Some(e), _) => e.object.clone(),
            (None, Some(o)) => o,
            (None, None) => return Err(AppError::Invalid("object: which object it prints".into())),
        };
        check_object(&object)?;
        let name = change
            .name
            .or_else(|| existing.as_ref().map(|e| e.name.clone()))
            .map(|n| n.trim().to_owned())
            .unwrap_or_default();
        if name.is_empty() || name.chars().count() > 200 {
            return Err(crate::AppError::from(
                Said::new(Reason::TemplateNameLength).with("max", 200),
            ));
        }
        let body = change
            .body
            .or_else(|| existing.as_ref().map(|e| e.body.clone()))
            .unwrap_or_default();
        if body.trim().is_empty() || body.len() > MAX_BODY {
            return Err(AppError::Invalid(format!(
                "body: the template's HTML, up to {MAX_BODY} bytes"
            )));
        }
        self.check_template(actor, &object, &body).await?;
        let row = TemplateRow {
            id: id.map_or_else(crate::ids::new_id, str::to_owned),
            object,
            name,
            body,
            author_id: actor.user_id.to_string(),
            created_at: now,
            updated_at: now,
        };
        let mut tx = self.db().begin().await?;
        if existing.is_some() {
            store::update_template(&mut tx, &row).await?;
        } else {
            store::insert_template(&mut tx, &row).await?;
        }
        tx.commit().await?;
        self.document_template(&row.id).await
    }

    pub async fn delete_document_template(&self, actor: &Actor, id: &str) -> AppResult<()> {
        may_write(actor)?;
        if id.starts_with("builtin-") {
            return Err(AppError::from(Said::new(Reason::OwnTemplatesStay)));
        }
        let mut tx = self.db().begin().await?;
        if !store::delete_template(&mut tx, id).await? {
            return Err(AppError::NotFound(format!(
                "there is no document template '{id}'"
            )));
        }
        tx.commit().await?;
        Ok(())
    }

    /// What a template of `object` written by `author` may name: each source with the fields the
    /// author may read (`lines` are the document's lines, read in a loop).
    pub async fn merge_field_guide(
        &self,
        author: &Actor,
        object: &str,
    ) -> AppResult<Vec<MergeSource>> {
        check_object(object)?;
        let snap = self.snapshot().await?;
        let mut sources = render::sources(object);
        sources.push(("lines", format!("{object}_line")));
        let mut out = Vec::new();
        for (name, source) in sources {
            let Ok(obj) = snap.schema.object(&source) else {
                continue;
            };
            let fields = obj
                .fields
                .iter()
                .filter(|f| render::may_read(&snap.access, &author.role, obj, &f.name))
                .map(|f| f.name.to_string())
                .collect();
            out.push(MergeSource {
                name: name.to_owned(),
                object: source,
                fields,
            });
        }
        Ok(out)
    }

    /// A template must read, and name only merge fields that exist and that `author` may read.
    pub(super) async fn check_template(
        &self,
        author: &Actor,
        object: &str,
        body: &str,
    ) -> AppResult<()> {
        render::refuse_raw_output(body)?;
        let snap = self.snapshot().await?;
        let sources = render::sources(object);
        for path in render::merge_fields(body)? {
            let mut parts = path.splitn(2, '.');
            let head = parts.next().unwrap_or_default();
            let field = parts.next();
            if render::OTHER_NAMES.contains(&head) {
                continue;
            }
            let Some((_, source)) = sources.iter().find(|(n, _)| *n == head) else {
                return Err(crate::AppError::from(
                    Said::new(Reason::NotAMergeField).with("value", head).with(
                        "fields",
                        sources
                            .iter()
                            .map(|(n, _)| *n)
                            .chain(render::OTHER_NAMES.iter().copied())
                            .collect::<Vec<_>>()
                            .join(", "),
                    ),
                ));
            };
            let Some(field) = field.map(|f| f.split('.').next().unwrap_or(f)) else {
                continue;
            };
            let obj = snap.schema.object(source)?;
            let known = field == "id"
                || obj.field(field).is_some()
                || field
                    .strip_suffix("_currency")
                    .is_some_and(|b| obj.field(b).is_some());
            if !known {
                return Err(crate::AppError::from(
                    Said::new(Reason::MergeFieldMissing)
                        .with("head", head)
                        .with("field", field)
                        .with("source", source),
                ));
            }
            if !render::may_read(&snap.access, &author.role, obj, field) {
                return Err(crate::AppError::from(
                    Said::new(Reason::MergeFieldHidden)
                        .with("head", head)
                        .with("field", field),
                ));
            }
        }
        Ok(())
    }
}
