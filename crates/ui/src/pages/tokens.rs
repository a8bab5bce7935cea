//! API tokens on the profile: a named token for a script or an integration, shown once when
//! made, and revoked from the same page.

use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};

use super::form::csrf;
use super::profile::{Fresh, draw, draw_fresh};
use crate::UiState;
use crate::page_error::PageResult;
use crate::viewer::Viewer;

pub async fn create(
    State(s): State<UiState>,
    v: Viewer,
    Form(pairs): Form<Vec<(String, String)>>,
) -> PageResult {
    v.check_form(csrf(&pairs))?;
    let name = pairs
        .iter()
        .find(|(k, _)| k == "name")
        .map(|(_, n)| n.as_str())
        .unwrap_or_default();
    Ok(match s.app.create_api_token(&v.actor, name).await {
        Ok(made) => {
            let message = Some(v.tr.t("token-made"));
            let fresh = Fresh {
                token: Some(made.token),
                ..Fresh::default()
            };
            draw_fresh(&s, &v, message, None, StatusCode::OK, fresh).await?
        }
        Err(e) => {
            draw(
                &s,
                &v,
                None,
                Some(crate::errors::say(&v.tr, &e)),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await?
        }
    })
}

pub async fn revoke(
    State(s): State<UiState>,
    v: Viewer,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> PageResult {
    v.check_form(csrf(&pairs))?;
    Ok(match s.app.revoke_token(&v.actor, &id).await {
        Ok(()) => Redirect::to("/profile?saved=token-revoked").into_response(),
        Err(e) => {
            draw(
                &s,
                &v,
                None,
                Some(crate::errors::say(&v.tr, &e)),
                StatusCode::NOT_FOUND,
            )
            .await?
        }
    })
}
