//! API tokens on the profile: a named token for a script or an integration, shown once when
//! made, and revoked from the same page.

use axum::Form;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};

use super::form::csrf;
use super::profile::{Fresh, draw, draw_fresh};
use crate::UiState;
use crate::viewer::form_viewer;

pub async fn create(
    State(s): State<UiState>,
    headers: HeaderMap,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let v = match form_viewer(&s, &headers, csrf(&pairs)).await {
        Ok(v) => v,
        Err(to) => return to,
    };
    let name = pairs
        .iter()
        .find(|(k, _)| k == "name")
        .map(|(_, n)| n.as_str())
        .unwrap_or_default();
    match s.app.create_api_token(&v.actor, name).await {
        Ok(made) => {
            let message = Some(v.tr.t("token-made"));
            let fresh = Fresh {
                token: Some(made.token),
                ..Fresh::default()
            };
            draw_fresh(&s, &v, message, None, StatusCode::OK, fresh).await
        }
        Err(e) => {
            draw(
                &s,
                &v,
                None,
                Some(crate::errors::say(&v.tr, &e)),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}

pub async fn revoke(
    State(s): State<UiState>,
    headers: HeaderMap,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let v = match form_viewer(&s, &headers, csrf(&pairs)).await {
        Ok(v) => v,
        Err(to) => return to,
    };
    match s.app.revoke_token(&v.actor, &id).await {
        Ok(()) => Redirect::to("/profile?saved=token-revoked").into_response(),
        Err(e) => {
            draw(
                &s,
                &v,
                None,
                Some(crate::errors::say(&v.tr, &e)),
                StatusCode::NOT_FOUND,
            )
            .await
        }
    }
}
