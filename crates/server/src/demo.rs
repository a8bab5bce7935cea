//! `pelagic demo`: a realistic sample company (teams with their managers, salespeople working
//! in their own language, customers billed in their currency, contacts, leads, deals in every
//! stage, tasks and follow-ups, and quote to cash — see `demo_sales`) in the languages of
//! Pelagic's users.

use std::sync::Arc;

use chrono::{Duration, SecondsFormat};
use pelagic_app::meta_admin::SettingsChange;
use pelagic_app::org::TeamChange;
use pelagic_app::users::NewUser;
use pelagic_app::{Actor, App};
use pelagic_sample::{Locale, Sample};
use serde_json::Value;
use unicode_width::UnicodeWidthStr;

/// Every demo user signs in with this password.
pub const DEMO_PASSWORD: &str = "pelagic-demo";
const DOMAIN: &str = "demo.pelagic.example";

struct Member {
    actor: Actor,
    email: String,
}

/// The company every demo user works for.
/// Where the demo company is, and its tax number: printed on its quotes, orders and contracts.
const ADDRESS: &str = "上海市浦东新区世纪大道 100 号 20 楼\n200120 Shanghai, China";
const TAX_NUMBER: &str = "91310115MA1K4P2Q8B";
const COMPANY: &str = "Pelagic Demo Trading Co.";

/// Each team's language: the sample's locale, the interface language, its time zone and the
/// currency its customers pay in.
const TEAMS: [(Locale, &str, &str, &str); 4] = [
    (Locale::SimplifiedChinese, "zh-CN", "Asia/Shanghai", "CNY"),
    (Locale::Spanish, "es", "Europe/Madrid", "EUR"),
    (Locale::Russian, "ru", "Europe/Moscow", "RUB"),
    (Locale::TraditionalChinese, "zh-TW", "Asia/Taipei", "TWD"),
];

/// Each team's two pools, named in the team's language: its customer high seas and its fresh
/// leads.
const POOL_NAMES: [(&str, &str); 4] = [
    ("公海客户", "新线索池"),
    ("Clientes sin asignar", "Prospectos nuevos"),
    ("Общий пул клиентов", "Новые лиды"),
    ("公海客戶", "新線索池"),
];

/// Each team's approval flow for discounts above 10%, in its language.
const FLOW_NAMES: [&str; 4] = [
    "折扣超过 10% 需经理审批",
    "Descuentos de más del 10 %",
    "Скидки больше 10%",
    "折扣超過 10% 需經理審批",
];

/// The team whose language a sample record is written in (the first team's for English).
fn team_of(locale: Locale) -> usize {
    TEAMS.iter().position(|t| t.0 == locale).unwrap_or(0)
}

/// A sign-in the demo prints: role, team, language, email.
type Login = (&'static str, String, &'static str, String);

pub async fn run(app: Arc<App>, seed: u64, accounts: u64) -> anyhow::Result<()> {
    let admin_email = format!("admin@{DOMAIN}");
    if app.has_user_with_email(&admin_email).await? {
        anyhow::bail!("this database already holds the demo company (user {admin_email} exists)");
    }
    let region = app.snapshot().await?.input.default_region.clone();
    let mut sample = Sample::new(seed).for_company_in(&region);
    let mut sales = Vec::new();
    let mut managers = Vec::new();
    let admin = add(&app, &admin_email, "Alex Admin", "admin", None).await?;
    app.set_defaults(
        &admin.actor,
        &SettingsChange {
            company_name: Some(COMPANY.into()),
            company_address: Some(ADDRESS.into()),
            company_tax_number: Some(TAX_NUMBER.into()),
            default_currency: Some("CNY".into()),
            ..SettingsChange::default()
        },
    )
    .await?;
    let mut logins: Vec<Login> = vec![("administrator", "—".into(), "en", admin.email.clone())];
    for (t, (locale, language, zone, _)) in TEAMS.into_iter().enumerate() {
        let team = Sample::team_names(locale)[0];
        let boss = sample.person(locale);
        let mut manager = add(
            &app,
            &format!("manager{t}@{DOMAIN}"),
            &boss.name,
            "manager",
            Some(team),
        )
        .await?;
        speaks(&app, &mut manager, language, zone).await?;
        // The team's manager approves what its salespeople submit.
        if let Some(team_id) = manager.actor.team_id.clone() {
            let change = TeamChange {
                manager_id: Some(Some(manager.actor.user_id.to_string())),
                ..TeamChange::default()
            };
            app.update_team(&admin.actor, &team_id, change).await?;
        }
        logins.push(("manager", team.into(), language, manager.email.clone()));
        for s in 0..3 {
            let p = sample.person(locale);
            let mut seller = add(
                &app,
                &format!("sales{t}{s}@{DOMAIN}"),
                &p.name,
                "sales",
                Some(team),
            )
            .await?;
            speaks(&app, &mut seller, language, zone).await?;
            logins.push(("salesperson", team.into(), language, seller.email.clone()));
            sales.push(seller);
        }
        managers.push(manager);
    }
    let service = sample.person(Locale::English);
    let service = add(
        &app,
        &format!("service@{DOMAIN}"),
        &service.name,
        "service",
        None,
    )
    .await?;
    logins.push(("customer service", "—".into(), "en", service.email.clone()));

    // Each team's customer high seas and pool of fresh leads, worked by its salespeople and
    // run by its manager.
    let pool = |t: usize, name: &str, object: &str, within: &str| pelagic_app::pools::PoolChange {
        name: Some(name.into()),
        object: Some(object.into()),
        admins: Some(vec![
            admin.actor.user_id.to_string(),
            managers[t].actor.user_id.to_string(),
        ]),
        members: Some(
            sales[t * 3..t * 3 + 3]
                .iter()
                .map(|u| u.actor.user_id.to_string())
                .collect(),
        ),
        claim_limit: Some(20),
        daily_claim_limit: Some(10),
        cool_down_days: Some(7),
        follow_up_within: Some(within.into()),
        warn_before: Some("2d".into()),
        hidden_fields: Some(vec!["phone".into(), "email".into()]),
        ..Default::default()
    };
    let (mut high_seas, mut fresh_leads) = (Vec::new(), Vec::new());
    for (t, (customers, leads)) in POOL_NAMES.into_iter().enumerate() {
        let made = app.create_pool(&admin.actor, pool(t, customers, "account", "30d"));
        high_seas.push(made.await?.row.id);
        let made = app.create_pool(&admin.actor, pool(t, leads, "lead", "7d"));
        fresh_leads.push(made.await?.row.id);
    }
    let admin_records = app.records(&admin.actor);

    let now = app.now();
    let at = |days: i64, hours: i64| {
        (now + Duration::days(days) + Duration::hours(hours))
            .to_rfc3339_opts(SecondsFormat::Secs, true)
    };
    let (mut n_contacts, mut n_deals, mut n_tasks, mut n_activities) = (0u64, 0u64, 0u64, 0u64);
    let mut in_pools = 0u64;
    // The accounts of each team's first salesperson, who also quotes and sells in the demo.
    let mut first_sellers_accounts: Vec<Vec<String>> = vec![Vec::new(); TEAMS.len()];
    for i in 0..accounts {
        let seat = (i % sales.len() as u64) as usize;
        let owner = &sales[seat];
        let team = seat / 3;
        let records = app.records(&owner.actor);
        if i % 10 == 9 {
            let mut waiting = sample.account(i);
            let pool = &high_seas[team_of(Sample::locale_of(i))];
            waiting["pool_id"] = Value::from(pool.clone());
            admin_records.create("account", &waiting).await?;
            in_pools += 1;
            continue;
        }
        let mut fields = sample.account(i);
        fields["currency"] = Value::from(TEAMS[team].3);
        let account = records.create("account", &fields).await?;
        let account_id = id_of(&account);
        if seat.is_multiple_of(3) {
            first_sellers_accounts[team].push(account_id.clone());
        }
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
            let pool = &fresh_leads[team_of(Sample::locale_of(i))];
            waiting["pool_id"] = Value::from(pool.clone());
            admin_records.create("lead", &waiting).await?;
            in_pools += 1;
            continue;
        }
        app.records(&owner.actor)
            .create("lead", &sample.lead(i))
            .await?;
    }
    let sellers: Vec<crate::demo_sales::Seller> = (0..TEAMS.len())
        .map(|t| crate::demo_sales::Seller {
            actor: &sales[t * 3].actor,
            manager: &managers[t].actor,
            currency: TEAMS[t].3,
            accounts: &first_sellers_accounts[t],
            team: sales[t * 3..t * 3 + 3]
                .iter()
                .map(|u| u.actor.user_id.to_string())
                .collect(),
            flow_name: FLOW_NAMES[t],
        })
        .collect();
    let made = crate::demo_sales::load(&app, &admin.actor, &sellers).await?;
    let visitors: Vec<crate::demo_custom::Visitor> = sellers
        .iter()
        .map(|s| crate::demo_custom::Visitor {
            actor: s.actor,
            currency: s.currency,
            account: s.accounts.first(),
        })
        .collect();
    let visits = crate::demo_custom::load(&app, &admin.actor, &visitors).await?;
    println!(
        "Loaded {COMPANY}: {} users in 4 teams, {accounts} accounts, {n_contacts} contacts, {n_deals} opportunities, \
         {leads} leads ({in_pools} of these records waiting in each team's two pools), {n_tasks} tasks and {n_activities} follow-ups; \
         {} products priced in CNY, EUR, RUB and TWD, {} quotes ({} waiting for their manager's approval), \
         {} orders with instalments and {} payments, {} contracts; and {visits} service visits, \
         an object of the company's own, numbered and with priced items.",
        logins.len(),
        made.products,
        made.quotes,
        made.waiting_approval,
        made.orders,
        made.payments,
        made.contracts,
    );
    println!("\nSign in at /login with any of these; the password is {DEMO_PASSWORD}\n");
    let team_width = logins.iter().map(|l| l.1.width()).max().unwrap_or(4);
    let row = |role: &str, team: &str, language: &str, email: &str| {
        // Padded by what the terminal shows: a Chinese character takes two columns.
        let pad = " ".repeat(team_width.saturating_sub(team.width()));
        println!("{role:<17} {team}{pad}  {language:<9} {email}");
    };
    row("role", "team", "language", "email");
    for (role, team, language, email) in &logins {
        row(role, team, language, email);
    }
    Ok(())
}

/// Sets the language and time zone `member` works in.
async fn speaks(app: &App, member: &mut Member, language: &str, zone: &str) -> anyhow::Result<()> {
    app.set_preferences(&member.actor, language, zone).await?;
    member.actor.locale = language.to_owned();
    member.actor.time_zone = zone.to_owned();
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
            user_id: pelagic_core::ids::UserId::stored(user.id),
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
