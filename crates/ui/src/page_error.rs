//! Why a page is not drawn, and the one mapping of that to a response: where to sign in, a form
//! that came from elsewhere, or the app's refusal said in the reader's language under the API's
//! status codes (nothing internal shown).

use askama::Template;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use pelagic_app::AppError;
use pelagic_core::said::Kind;

use crate::i18n::Tr;

/// What a page handler answers: the page, or why it stopped.
pub type PageResult = Result<Response, PageError>;

/// Why a page stopped before it was drawn (boxed: handlers pass it up with `?`).
pub struct PageError(Box<Stop>);

/// The ways a page stops.
enum Stop {
    /// No valid session: to the sign-in page, or to the first-run page on an empty database.
    SignIn { first_run: bool },
    /// A submitted form without the session's anti-forgery token: a page of another site cannot
    /// act for the user.
    ForeignForm,
    /// The app refused or failed; said in the reader's language.
    App(Tr, AppError),
    /// Someone other than an administrator on a settings page.
    AdminsOnly(Tr),
    /// A page drawn for the occasion.
    Drawn(Response),
}

impl PageError {
    /// The app's refusal, to be said in `tr`'s language.
    pub fn app(tr: &Tr, e: AppError) -> PageError {
        PageError(Box::new(Stop::App(tr.clone(), e)))
    }

    /// No valid session; `first_run` on an empty database.
    pub fn sign_in(first_run: bool) -> PageError {
        PageError(Box::new(Stop::SignIn { first_run }))
    }

    /// A form without the session's anti-forgery token.
    pub fn foreign_form() -> PageError {
        PageError(Box::new(Stop::ForeignForm))
    }

    /// A settings page asked for by someone other than an administrator.
    pub fn admins_only(tr: Tr) -> PageError {
        PageError(Box::new(Stop::AdminsOnly(tr)))
    }
}

impl From<Response> for PageError {
    fn from(r: Response) -> PageError {
        PageError(Box::new(Stop::Drawn(r)))
    }
}

/// The status an app error gets, the same as the API gives it.
fn status(e: &AppError) -> StatusCode {
    match e {
        AppError::NotFound(_) => StatusCode::NOT_FOUND,
        AppError::Forbidden(_) => StatusCode::FORBIDDEN,
        AppError::Invalid(_) | AppError::Validation(_) => StatusCode::BAD_REQUEST,
        AppError::Conflict(_) | AppError::Duplicate(_) | AppError::Refused(_) => {
            StatusCode::CONFLICT
        }
        AppError::Unauthenticated => StatusCode::UNAUTHORIZED,
        AppError::RateLimited(_) => StatusCode::TOO_MANY_REQUESTS,
        AppError::Unavailable(_) | AppError::Busy(_) | AppError::NotInstalled(_) => {
            StatusCode::SERVICE_UNAVAILABLE
        }
        AppError::Said(said) => match said.kind() {
            Kind::Invalid => StatusCode::BAD_REQUEST,
            Kind::Field => StatusCode::UNPROCESSABLE_ENTITY,
            Kind::Conflict => StatusCode::CONFLICT,
            Kind::Forbidden => StatusCode::FORBIDDEN,
        },
        AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        match *self.0 {
            Stop::SignIn { first_run } => {
                Redirect::to(if first_run { "/setup" } else { "/login" }).into_response()
            }
            Stop::ForeignForm => {
                (StatusCode::FORBIDDEN, "this form did not come from Pelagic").into_response()
            }
            Stop::Drawn(r) => r,
            Stop::AdminsOnly(tr) => notice(StatusCode::FORBIDDEN, &tr, &tr.t("admins-only")),
            Stop::App(tr, e) => notice(status(&e), &tr, &crate::errors::say(&tr, &e)),
        }
    }
}

/// A short page saying why, in the reader's language, with the way home.
#[derive(Template)]
#[template(path = "notice.html")]
struct Notice<'a> {
    tr: &'a Tr,
    text: &'a str,
}

/// A short page saying `text`, with the way home.
fn notice(status: StatusCode, tr: &Tr, text: &str) -> Response {
    match (Notice { tr, text }).render() {
        Ok(body) => (status, Html(body)).into_response(),
        Err(e) => {
            tracing::error!(cause = %e, "the notice page could not be drawn");
            (status, text.to_owned()).into_response()
        }
    }
}
