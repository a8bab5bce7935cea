//! Company settings: the name, address and tax number printed on documents, the default currency and phone region, and how long the recycle
//! bin keeps deleted records.

use askama::Template;
use axum::Form;
use axum::extract::State;
use pelagic_app::meta_admin::SettingsChange;

use super::value;
use crate::UiState;
use crate::page_error::{PageError, PageResult};
use crate::pages::setup::{CURRENCIES, REGIONS};
use crate::pages::{Page, html};
use crate::viewer::{Admin, Viewer};

#[derive(Template)]
#[template(path = "settings/company.html")]
struct CompanyPage {
    page: Page,
    company: String,
    address: String,
    tax_number: String,
    currency: String,
    region: String,
    days: String,
    currencies: &'static [&'static str],
    regions: &'static [&'static str],
    saved: bool,
    error: Option<String>,
}

async fn draw(
    s: &UiState,
    v: &Viewer,
    entered: Option<[String; 6]>,
    saved: bool,
    error: Option<String>,
) -> PageResult {
    let current = match entered {
        Some(e) => e,
        None => {
            let (snap, company, days) = match (
                s.app.snapshot().await,
                s.app.company_profile().await,
                s.app.recycle_bin_days().await,
            ) {
                (Ok(a), Ok(b), Ok(c)) => (a, b, c),
                (Err(e), _, _) | (_, Err(e), _) | (_, _, Err(e)) => {
                    return Err(PageError::app(&v.tr, e));
                }
            };
            [
                company.name,
                snap.input.default_currency.clone(),
                snap.input.default_region.clone(),
                days.to_string(),
                company.address,
                company.tax_number,
            ]
        }
    };
    let page = Page::new(s, v, "settings").await?;
    let [company, currency, region, days, address, tax_number] = current;
    let status = crate::pages::status_of(&error);
    Ok(html(
        status,
        &CompanyPage {
            page,
            company,
            address,
            tax_number,
            currency,
            region,
            days,
            currencies: &CURRENCIES,
            regions: &REGIONS,
            saved,
            error,
        },
    ))
}

pub async fn show(State(s): State<UiState>, Admin(v): Admin) -> PageResult {
    draw(&s, &v, None, false, None).await
}

pub async fn save(
    State(s): State<UiState>,
    Admin(v): Admin,
    Form(pairs): Form<Vec<(String, String)>>,
) -> PageResult {
    v.check_form(crate::pages::form::csrf(&pairs))?;
    let entered = [
        value(&pairs, "company"),
        value(&pairs, "currency").to_uppercase(),
        value(&pairs, "region").to_uppercase(),
        value(&pairs, "days"),
        value(&pairs, "address"),
        value(&pairs, "tax_number"),
    ];
    let Ok(days) = entered[3].parse::<i64>() else {
        let error = v.tr.t("days-must-be-a-number");
        return draw(&s, &v, Some(entered), false, Some(error)).await;
    };
    let change = SettingsChange {
        company_name: Some(entered[0].clone()),
        company_address: Some(entered[4].clone()),
        company_tax_number: Some(entered[5].clone()),
        default_currency: Some(entered[1].clone()),
        default_region: Some(entered[2].clone()),
        recycle_bin_days: Some(days),
        ..SettingsChange::default()
    };
    Ok(match s.app.set_defaults(&v.actor, &change).await {
        Ok(()) => draw(&s, &v, None, true, None).await?,
        Err(e) => {
            draw(
                &s,
                &v,
                Some(entered),
                false,
                Some(crate::errors::say(&v.tr, &e)),
            )
            .await?
        }
    })
}
