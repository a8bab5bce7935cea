//! `pelagic demo`: a realistic sample company (teams, users, customers, contacts, leads, deals
//! in every stage, tasks and follow-ups) in the languages of Pelagic's users.

use std::sync::Arc;

use chrono::{Duration, SecondsFormat};
use pelagic_app::users::NewUser;
use pelagic_app::{Actor, App};
use pelagic_sample::{Locale, Sample};
use serde_json::Value;

/// Every demo user signs in with this password.
pub const DEMO_PASSWORD: &str = "pelagic-demo";
const DOMAIN: &str = "demo.pelagic.example";

struct Member {
    actor: Actor,
    email: String,
}

pub async fn run(app: Arc<App>, seed: u64, accounts: u64) -> anyhow::Result<()> {
    let admin_email = format!("admin@{DOMAIN}");
    if pelagic_store::users::user_by_email(app.db(), &admin_email)
        .await?
        .is_some()
    {
        anyhow::bail!("this database already holds the demo company (user {admin_email} exists)");
    }
    let region = app.snapshot().await?.input.default_region.clone();
    let mut sample = Sample::new(seed).for_company_in(&region);
    let mut sales = Vec::new();
    let admin = add(&app, &admin_email, "Alex Admin", "admin", None).await?;
    for (t, locale) in [
        Locale::SimplifiedChinese,
        Locale::Spanish,
        Locale::Russian,
        Locale::TraditionalChinese,
    ]
    .into_iter()
    .enumerate()
    {
        let team = Sample::team_names(locale)[0];
        let boss = sample.person(locale);
        add(
            &app,
            &format!("manager{t}@{DOMAIN}"),
            &boss.name,
            "manager",
            Some(team),
        )
        .await?;
        for s in 0..3 {
            let p = sample.person(locale);
            sales.push(
                add(
                    &app,
                    &format!("sales{t}{s}@{DOMAIN}"),
                    &p.name,
                    "sales",
                    Some(team),
                )
                .await?,
            );
        }
    }
    let service = sample.person(Locale::English);
    add(
        &app,
        &format!("service@{DOMAIN}"),
        &service.name,
        "service",
        None,
    )
    .await?;

    // The customer high seas and a pool of fresh leads, worked by every salesperson.
    let members: Vec<String> = sales.iter().map(|u| u.actor.user_id.clone()).collect();
    let pool = |name: &str, object: &str, within: &str| pelagic_app::pools::PoolChange {
        name: Some(name.into()),
        object: Some(object.into()),
        admins: Some(vec![admin.actor.user_id.clone()]),
        members: Some(members.clone()),
        claim_limit: Some(20),
        daily_claim_limit: Some(10),
        cool_down_days: Some(7),
        follow_up_within: Some(within.into()),
        warn_before: Some("2d".into()),
        hidden_fields: Some(vec!["phone".into(), "email".into()]),
        ..Default::default()
    };
    let high_seas = app
        .create_pool(&admin.actor, pool("High seas", "account", "30d"))
        .await?;
    let fresh_leads = app
        .create_pool(&admin.actor, pool("New leads", "lead", "7d"))
        .await?;
    let admin_records = app.records(&admin.actor);

    let now = app.now();
    let at = |days: i64, hours: i64| {
        (now + Duration::days(days) + Duration::hours(hours))
            .to_rfc3339_opts(SecondsFormat::Secs, true)
    };
    let (mut n_contacts, mut n_deals, mut n_tasks, mut n_activities) = (0u64, 0u64, 0u64, 0u64);
    let mut in_pools = 0u64;
    for i in 0..accounts {
        let owner = &sales[(i % sales.len() as u64) as usize];
        let records = app.records(&owner.actor);
        if i % 10 == 9 {
            let mut waiting = sample.account(i);
            waiting["pool_id"] = Value::from(high_seas.row.id.clone());
            admin_records.create("account", &waiting).await?;
            in_pools += 1;
            continue;
        }
        let account = records.create("account", &sample.account(i)).await?;
        let account_id = id_of(&account);
        for c in 0..(1 + i % 3) {
            records
                .create(
                    "contact",
                    &sample.contact_of_account(i * 3 + c, i, &account_id),
                )
                .await?;
            n_contacts += 1;
        }
        if i % 2 == 0 {
            records
                .create(
                    "opportunity",
                    &sample.opportunity_of_account(i, i, &account_id),
                )
                .await?;
            n_deals += 1;
        }
        for k in 0..(i % 4) {
            let when = at(-(((i * 7 + k * 11) % 60) as i64), -((k * 3) as i64));
            records
                .create(
                    "activity",
                    &sample.activity_in(
                        Sample::locale_of(i),
                        i * 4 + k,
                        ("account", &account_id),
                        &when,
                    ),
                )
                .await?;
            n_activities += 1;
        }
        if i % 3 != 2 {
            let due = at((i % 14) as i64 - 4, 9);
            records
                .create(
                    "task",
                    &sample.task_in(
                        Sample::locale_of(i),
                        i,
                        Some(("account", &account_id)),
                        &due,
                    ),
                )
                .await?;
            n_tasks += 1;
        }
    }
    let leads = (accounts / 2).max(1);
    for i in 0..leads {
        let owner = &sales[(i % sales.len() as u64) as usize];
        if i % 4 == 3 {
            let mut waiting = sample.lead(i);
            waiting["pool_id"] = Value::from(fresh_leads.row.id.clone());
            admin_records.create("lead", &waiting).await?;
            in_pools += 1;
            continue;
        }
        app.records(&owner.actor)
            .create("lead", &sample.lead(i))
            .await?;
    }
    println!(
        "Loaded the demo company: {} users in 4 teams, {accounts} accounts, {n_contacts} contacts, {n_deals} opportunities, \
         {leads} leads ({in_pools} of these records waiting in two pools), {n_tasks} tasks and {n_activities} follow-ups.",
        sales.len() + 6
    );
    println!(
        "Sign in as {} (administrator), {} (salesperson) or manager0@{DOMAIN}; the password is {DEMO_PASSWORD}",
        admin.email, sales[0].email
    );
    Ok(())
}

async fn add(
    app: &App,
    email: &str,
    name: &str,
    role: &str,
    team: Option<&str>,
) -> anyhow::Result<Member> {
    let user = app
        .add_user(NewUser {
            email: email.into(),
            name: name.into(),
            role: role.into(),
            team: team.map(str::to_owned),
            team_id: None,
            password: DEMO_PASSWORD.into(),
        })
        .await?;
    Ok(Member {
        actor: Actor {
            user_id: user.id,
            name: user.name,
            role: user.role,
            team_id: user.team_id,
            time_zone: "UTC".into(),
            locale: "en".into(),
        },
        email: user.email,
    })
}

fn id_of(record: &serde_json::Map<String, Value>) -> String {
    record
        .get("id")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned()
}
