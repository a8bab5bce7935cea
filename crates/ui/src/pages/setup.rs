//! The first run: with no users yet, the first page creates the company and its administrator.

use crate::edge::ClientInfo;
use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use pelagic_app::AppError;
use pelagic_app::auth::Client;
use pelagic_app::setup::FirstRun;

use super::html;
use crate::UiState;
use crate::i18n::{LANGUAGES, Tr};
use crate::session;
use crate::viewer::browser_language;

/// One input of the form.
struct Input {
    name: &'static str,
    label: String,
    kind: &'static str,
    value: String,
    options: Vec<(String, String)>,
    hint: Option<String>,
    error: Option<String>,
}

#[derive(Template)]
#[template(path = "setup.html")]
struct SetupPage {
    tr: Tr,
    fields: Vec<Input>,
    error: Option<String>,
}

pub const CURRENCIES: [&str; 8] = ["CNY", "USD", "EUR", "RUB", "MXN", "ARS", "COP", "TWD"];
pub const REGIONS: [&str; 10] = ["CN", "TW", "HK", "ES", "MX", "AR", "CO", "RU", "US", "GB"];
const ZONES: [&str; 10] = [
    "Asia/Shanghai",
    "Asia/Taipei",
    "Asia/Hong_Kong",
    "Europe/Madrid",
    "America/Mexico_City",
    "America/Argentina/Buenos_Aires",
    "America/Bogota",
    "Europe/Moscow",
    "America/New_York",
    "UTC",
];

fn page(tr: Tr, f: &FirstRun, error: Option<(String, String)>) -> SetupPage {
    let pick = |list: &[&str]| {
        list.iter()
            .map(|c| ((*c).to_owned(), (*c).to_owned()))
            .collect()
    };
    let languages = LANGUAGES
        .iter()
        .map(|(c, n)| ((*c).to_owned(), (*n).to_owned()))
        .collect();
    let or = |v: &str, d: &str| {
        if v.is_empty() {
            d.to_owned()
        } else {
            v.to_owned()
        }
    };
    let defaults = match tr.code {
        "zh-CN" => ("CNY", "CN", "Asia/Shanghai"),
        "zh-TW" => ("TWD", "TW", "Asia/Taipei"),
        "es" => ("EUR", "ES", "Europe/Madrid"),
        "ru" => ("RUB", "RU", "Europe/Moscow"),
        _ => ("USD", "US", "UTC"),
    };
    let (bad_field, message) = error.unzip();
    let input = |name, key: &str, kind, value: String, options, hint: Option<String>| Input {
        name,
        label: tr.t(key),
        kind,
        value,
        options,
        hint,
        error: (bad_field.as_deref() == Some(name)).then(|| message.clone().unwrap_or_default()),
    };
    let fields = vec![
        input(
            "company",
            "company-name",
            "text",
            f.company.clone(),
            vec![],
            None,
        ),
        input(
            "currency",
            "default-currency",
            "text",
            or(&f.currency, defaults.0),
            pick(&CURRENCIES),
            None,
        ),
        input(
            "region",
            "default-region",
            "text",
            or(&f.region, defaults.1),
            pick(&REGIONS),
            None,
        ),
        input(
            "time_zone",
            "time-zone",
            "text",
            or(&f.time_zone, defaults.2),
            pick(&ZONES),
            None,
        ),
        input(
            "language",
            "language",
            "text",
            or(&f.language, tr.code),
            languages,
            None,
        ),
        input("name", "your-name", "text", f.name.clone(), vec![], None),
        input("email", "email", "email", f.email.clone(), vec![], None),
        input(
            "password",
            "password",
            "password",
            String::new(),
            vec![],
            Some(tr.t("password-hint")),
        ),
    ];
    let general = message.filter(|_| bad_field.as_deref() == Some(""));
    SetupPage {
        tr,
        fields,
        error: general,
    }
}

pub async fn form(State(s): State<UiState>, headers: HeaderMap) -> Response {
    if s.app.has_users().await.unwrap_or(true) {
        return Redirect::to("/login").into_response();
    }
    html(
        StatusCode::OK,
        &page(browser_language(&headers), &FirstRun::default(), None),
    )
}

pub async fn submit(
    State(s): State<UiState>,
    peer: ClientInfo,
    headers: HeaderMap,
    Form(f): Form<FirstRun>,
) -> Response {
    let tr = Tr::new(if f.language.is_empty() {
        browser_language(&headers).code
    } else {
        &f.language
    });
    let address = peer.address_text();
    let client = Client {
        address: Some(&address),
        previous_session: None,
    };
    match s.app.first_run(&f, client).await {
        Ok(login) => {
            let csrf = pelagic_app::ids::csrf_token(&login.token);
            let cookies = session::session_cookies(peer.https, Some((&login.token, &csrf)));
            (cookies, Redirect::to("/")).into_response()
        }
        Err(AppError::Conflict(_)) => Redirect::to("/login").into_response(),
        Err(AppError::Validation(fields)) => {
            let (field, message) = crate::errors::fields_in(&tr, &fields, None)
                .into_iter()
                .next()
                .unwrap_or_default();
            html(
                StatusCode::UNPROCESSABLE_ENTITY,
                &page(tr, &f, Some((field, message))),
            )
        }
        Err(AppError::Invalid(message)) => html(
            StatusCode::UNPROCESSABLE_ENTITY,
            &page(tr, &f, Some((String::new(), message))),
        ),
        Err(e @ AppError::Said(_)) => {
            let message = crate::errors::say(&tr, &e);
            html(
                StatusCode::UNPROCESSABLE_ENTITY,
                &page(tr, &f, Some((String::new(), message))),
            )
        }
        Err(e) => super::failure(&tr, e),
    }
}
