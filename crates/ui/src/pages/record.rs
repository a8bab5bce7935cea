//! A record's page: every field the user may read (masked ones masked, hidden ones absent), the
//! records that belong to it, and its timeline (follow-ups, tasks, changes) with a form to log
//! the next follow-up.

use askama::Template;
use axum::Form;
use axum::extract::State;
use pelagic_core::ids::{ObjectName, RecordId};

use crate::path::Path;
use axum::response::{IntoResponse, Redirect};
use pelagic_core::kind::FieldKind;
use serde_json::{Value as Json, json};

use super::{Page, failure, html};
use crate::UiState;
use crate::display::{self, Context};
use crate::inputs::{Choices, Input, inputs};
use crate::page_error::{PageError, PageResult};
use crate::viewer::Viewer;

/// One field as the record page shows it, with its inline editor when the user may edit it.
struct FieldView {
    label: String,
    value: String,
    /// The linked record's page, or empty.
    link: String,
    input: Option<Input>,
}

#[derive(Template)]
#[template(path = "record.html")]
struct RecordPage {
    page: Page,
    object: String,
    id: String,
    object_label: String,
    title: String,
    /// (heading, anchor, fields): the record's own fields, then who owns it and when it changed.
    sections: Vec<(String, &'static str, Vec<FieldView>)>,
    /// The object's key fields the viewer may read, shown under the record's name.
    key: Vec<FieldView>,
    related: Vec<super::related::Related>,
    can_follow_up: bool,
    kinds: Vec<(String, String)>,
    kind_label: String,
    subject_label: String,
    next_label: String,
    body_label: String,
    /// (kind, subject, when, body)
    timeline: Vec<super::timeline::Entry>,
    /// Edit, delete and convert, as the app allows them now.
    actions: pelagic_app::records::RecordActions,
    /// (pool id, pool name, the sentence saying where the record stands, may release)
    pool: Option<(String, String, String, bool)>,
    /// (id, name) of the pools the record may be put into (it is in none).
    pools_to_enter: Vec<(String, String)>,
    /// Steps, printing and documents of a quote, order or contract.
    doc: Option<super::sales_doc::DocPanel>,
    /// The lines and totals of a quote or order.
    lines: Option<super::lines::LineEditor>,
    /// Why the line just submitted was refused.
    line_error: Option<String>,
    /// Why the step just asked for was refused.
    step_error: Option<String>,
    /// An account's money: what its orders planned, received, refunded and wait for.
    payments: Vec<super::account_money::MoneyRow>,
}

pub async fn show(
    State(s): State<UiState>,
    v: Viewer,
    Path((object, id)): Path<(ObjectName, RecordId)>,
) -> PageResult {
    draw(&s, &v, object, id, None).await
}

/// The page, with what was wrong with a line the viewer just tried to add or change (422).
/// What the record page shows again after a refusal, where it happened.
pub enum Refusal {
    /// A line of the quote or order, with what was typed.
    Line(super::lines::LineRefusal),
    /// A step (submit, send, order …), with why.
    Step(String),
}

pub async fn draw(
    s: &UiState,
    v: &crate::viewer::Viewer,
    object: ObjectName,
    id: RecordId,
    refusal: Option<Refusal>,
) -> PageResult {
    let (line_refusal, step_error) = match refusal {
        Some(Refusal::Line(l)) => (Some(l), None),
        Some(Refusal::Step(m)) => (None, Some(m)),
        None => (None, None),
    };
    let records = s.app.records(&v.actor);
    let (record, snap) = match (records.get(&object, &id).await, s.app.snapshot().await) {
        (Ok(r), Ok(snap)) => (r, snap),
        (Err(e), _) | (_, Err(e)) => return Err(PageError::app(&v.tr, e)),
    };
    let Ok(obj) = snap.schema.object(&object) else {
        return Ok(failure(
            &v.tr,
            pelagic_app::AppError::NotFound(object.to_string()),
        ));
    };
    let users = s.app.user_names().await.unwrap_or_default();
    let titles = super::columns::linked_titles(s, v, obj, std::slice::from_ref(&record)).await;
    let ctx = Context {
        tr: &v.tr,
        time_zone: &v.actor.time_zone,
        users: &users,
        titles: &titles,
        region: crate::display::home_region(s).await,
    };
    // The record's own fields first; who owns it and when it changed last.
    let mut shown: Vec<_> = obj
        .fields
        .iter()
        .filter(|f| record.contains_key(f.name.as_str()) && f.name != "id" && f.name != "pool_id")
        .collect();
    shown.sort_by_key(|f| pelagic_core::meta::BUILTIN_FIELDS.contains(&f.name.as_str()));
    // Inline editors for what the user may change now (none on a locked record); linked records
    // are changed on the edit page, which offers them by name.
    let actions = records.actions(&object, &id).await.unwrap_or_default();
    let editable: Vec<String> = if actions.edit {
        records.editable_fields(&object).await.unwrap_or_default()
    } else {
        Vec::new()
    }
    .into_iter()
    .filter(|n| obj.field(n).is_some_and(|f| f.kind != FieldKind::Lookup))
    .collect();
    let choices = Choices {
        records: Default::default(),
        users: {
            let mut list: Vec<(String, String)> =
                users.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
            list.sort_by(|a, b| a.1.cmp(&b.1));
            list
        },
        default_currency: snap.input.default_currency.clone(),
        duplicate_fields: vec![],
        title_fields: Default::default(),
    };
    let mut editors = inputs(
        &v.tr,
        obj,
        &editable,
        &record,
        &Default::default(),
        &choices,
        &v.actor.time_zone,
    );
    let link_of = |f: &pelagic_core::meta::FieldDef| match (
        f.kind,
        f.target.as_ref(),
        record.get(f.name.as_str()),
    ) {
        (FieldKind::Lookup, Some(target), Some(Json::String(linked)))
            if titles.contains_key(linked) =>
        {
            format!("/o/{target}/{linked}")
        }
        (FieldKind::Phone, _, Some(Json::String(number))) if number.starts_with('+') => {
            format!("tel:{number}")
        }
        _ => String::new(),
    };
    let key = obj
        .key_fields()
        .filter(|f| record.contains_key(f.name.as_str()))
        .map(|f| FieldView {
            label: v.tr.field(obj, f),
            value: display::show(&ctx, obj, f, &record),
            link: link_of(f),
            input: None,
        })
        .collect();
    let (own, kept): (Vec<_>, Vec<_>) = shown
        .iter()
        .map(|f| {
            let link = link_of(f);
            let input = editors
                .iter()
                .position(|i| i.name == f.name)
                .map(|at| editors.swap_remove(at));
            let view = FieldView {
                label: v.tr.field(obj, f),
                value: display::show(&ctx, obj, f, &record),
                link,
                input,
            };
            (
                pelagic_core::meta::BUILTIN_FIELDS.contains(&f.name.as_str()),
                view,
            )
        })
        .partition(|(builtin, _)| !builtin);
    let sections = vec![
        (
            v.tr.t("details"),
            "details-h",
            own.into_iter().map(|(_, f)| f).collect(),
        ),
        (
            v.tr.t("record-information"),
            "record-h",
            kept.into_iter().map(|(_, f)| f).collect(),
        ),
    ];

    let readable = records.readable_objects().await.unwrap_or_default();
    let related = super::related::tables(s, v, &object, &id, &readable, &users).await;

    let activity = readable.iter().find(|o| o.name == "activity").cloned();
    let timeline = super::timeline::timeline(s, v, obj, &id, &readable, &ctx).await;
    let can_follow_up =
        activity.is_some() && !matches!(object.as_str(), "activity" | "task" | "product");
    let label = |n: &str| {
        activity
            .as_ref()
            .and_then(|a| a.field(n).map(|f| v.tr.field(a, f)))
            .unwrap_or_default()
    };
    let kinds = activity
        .as_ref()
        .and_then(|a| {
            a.field("kind").map(|f| {
                f.options
                    .iter()
                    .map(|o| (o.clone(), v.tr.option(a, f, o)))
                    .collect()
            })
        })
        .unwrap_or_default();
    let pool = match records.pool_standing(&object, &record).await {
        Ok(Some(st)) => {
            let text = match (st.held, st.due_at) {
                (false, _) => v.tr.t1("pool-waiting-in", "pool", &st.pool.row.name),
                (true, Some(due)) => v.tr.t2(
                    "pool-returns-at",
                    [
                        ("pool", &st.pool.row.name),
                        ("due", &display::when(&v.tr, &v.actor.time_zone, due)),
                    ],
                ),
                (true, None) => v.tr.t1("pool-from", "pool", &st.pool.row.name),
            };
            Some((
                st.pool.row.id.clone(),
                st.pool.row.name.clone(),
                text,
                st.may_release,
            ))
        }
        _ => None,
    };
    let pools_to_enter = if pool.is_none() && record.contains_key("pool_id") {
        s.app
            .pools(&v.actor)
            .await
            .unwrap_or_default()
            .iter()
            .filter(|p| p.row.object == object)
            .map(|p| (p.row.id.clone(), p.row.name.clone()))
            .collect()
    } else {
        Vec::new()
    };
    let doc = super::sales_doc::panel(s, &v.tr, &v.actor, &object, &id).await;
    let mut lines =
        super::lines::editor(s, &ctx, &v.actor, &object, &id, &record, actions.add_lines).await;
    let line_error = line_refusal.map(|r| {
        if let Some(l) = lines.as_mut() {
            l.typed = r.typed;
        }
        r.message
    });
    let payments = if object == "account" {
        super::account_money::rows(s, &v.tr, &v.actor, &id).await
    } else {
        Vec::new()
    };
    let page = Page::new(s, v, &object).await?;
    Ok(html(
        super::status_of(&line_error.clone().or(step_error.clone())),
        &RecordPage {
            line_error,
            step_error,
            doc,
            lines,
            payments,
            actions,
            pools_to_enter,
            pool,
            object_label: v.tr.object_plural(obj),
            title: display::title(&v.tr, obj, &record),
            kind_label: label("kind"),
            subject_label: label("subject"),
            next_label: label("next_follow_up_at"),
            body_label: label("body"),
            object: object.to_string(),
            id: id.to_string(),
            sections,
            key,
            related,
            can_follow_up,
            kinds,
            timeline,
            page,
        },
    ))
}

/// Logs a follow-up on the record: a call, visit, email, meeting or note, with the next
/// follow-up date.
pub async fn follow_up(
    State(s): State<UiState>,
    v: Viewer,
    Path((object, id)): Path<(ObjectName, RecordId)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> PageResult {
    v.check_form(super::form::csrf(&pairs))?;
    let snap = match s.app.snapshot().await {
        Ok(snap) => snap,
        Err(e) => return Err(PageError::app(&v.tr, e)),
    };
    let Ok(activity) = snap.schema.object("activity") else {
        return Ok(failure(
            &v.tr,
            pelagic_app::AppError::NotFound("activity".into()),
        ));
    };
    let fields: Vec<String> = ["kind", "subject", "body", "next_follow_up_at"]
        .map(String::from)
        .to_vec();
    let mut body = crate::form_values::body(activity, &fields, &pairs, &v.actor.time_zone, false);
    body.insert("related".into(), json!({"object": object, "id": id}));
    body.insert("occurred_at".into(), json!(s.app.now().to_rfc3339()));
    Ok(
        match s
            .app
            .records(&v.actor)
            .create("activity", &Json::Object(body))
            .await
        {
            Ok(_) => Redirect::to(&format!("/o/{object}/{id}#timeline-h")).into_response(),
            Err(e) => failure(&v.tr, e),
        },
    )
}
