//! Test support: a real Pelagic server on a random port over a fresh database — a SQLite file,
//! or a PostgreSQL schema when `PELAGIC_TEST_DATABASE_URL` is set — and a small HTTP client.

pub mod browser;
pub mod client;

use std::net::SocketAddr;
use std::str::FromStr;
use std::sync::Arc;

pub use client::{HttpClient, Reply};
use pelagic_app::App;
use pelagic_app::clock::{Clock, SystemClock};
use pelagic_app::users::NewUser;
use pelagic_store::Db;
use serde_json::{Value, json};

/// The environment variable naming the PostgreSQL server tests also run against.
pub const PG_ENV: &str = "PELAGIC_TEST_DATABASE_URL";

/// Which database a test app runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Every backend tests should run on here: SQLite always, PostgreSQL when configured.
pub fn backends() -> Vec<Backend> {
    let mut b = vec![Backend::Sqlite];
    if std::env::var(PG_ENV).is_ok_and(|u| !u.is_empty()) {
        b.push(Backend::Postgres);
    }
    b
}

/// Percent-encodes everything but ASCII letters, digits and `-`, for query strings and paths.
pub fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b == b'-' {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// Runs a test once per backend, each time on a fresh server and database.
pub async fn each_backend<F, Fut>(test: F)
where
    F: Fn(TestApp) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    for b in backends() {
        test(TestApp::start(b).await).await;
    }
}

/// A running Pelagic with its own empty database.
pub struct TestApp {
    pub backend: Backend,
    pub app: Arc<App>,
    pub http: HttpClient,
    pub addr: SocketAddr,
    cleanup: Cleanup,
}

enum Cleanup {
    File(std::path::PathBuf),
    Schema { url: String, schema: String },
}

impl Cleanup {
    /// Another connection pool to the same database, as a second instance would open.
    async fn reconnect(&self) -> Db {
        match self {
            Cleanup::File(path) => Db::connect(&format!("sqlite://{}", path.display()))
                .await
                .expect("open sqlite"),
            Cleanup::Schema { url, schema } => {
                let opts = sqlx::postgres::PgConnectOptions::from_str(url)
                    .expect("PG url")
                    .options([("search_path", schema.as_str())]);
                Db::connect_postgres(opts).await.expect("connect PG")
            }
        }
    }
}

/// A fresh, empty database on a backend: its URL-free handle and how to remove it afterwards.
async fn fresh_db(backend: Backend) -> (Db, Cleanup) {
    let name = format!("t{}", uuid::Uuid::now_v7().simple());
    match backend {
        Backend::Sqlite => {
            let path = std::env::temp_dir().join(format!("pelagic-test-{name}.db"));
            let db = Db::connect(&format!("sqlite://{}", path.display()))
                .await
                .expect("open sqlite");
            (db, Cleanup::File(path))
        }
        Backend::Postgres => {
            let url = std::env::var(PG_ENV).expect("PELAGIC_TEST_DATABASE_URL");
            let admin = sqlx::PgPool::connect(&url)
                .await
                .expect("reach PostgreSQL at PELAGIC_TEST_DATABASE_URL");
            sqlx::raw_sql(sqlx::AssertSqlSafe(format!("CREATE SCHEMA {name}")))
                .execute(&admin)
                .await
                .expect("create schema");
            admin.close().await;
            let opts = sqlx::postgres::PgConnectOptions::from_str(&url)
                .expect("PG url")
                .options([("search_path", name.as_str())]);
            let db = Db::connect_postgres(opts).await.expect("connect PG");
            (db, Cleanup::Schema { url, schema: name })
        }
    }
}

/// Serves `app` on a free loopback port until the test ends; gives the address.
async fn serve(app: Arc<App>, edge: pelagic_web::Edge) -> SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    let pages = pelagic_ui::routes(app.clone());
    tokio::spawn(pelagic_web::serve(
        listener,
        app,
        edge,
        pages,
        std::future::pending(),
    ));
    addr
}

impl TestApp {
    /// Starts Pelagic on `backend` with the system clock.
    pub async fn start(backend: Backend) -> TestApp {
        TestApp::start_with_clock(backend, Arc::new(SystemClock)).await
    }

    pub async fn start_with_clock(backend: Backend, clock: Arc<dyn Clock>) -> TestApp {
        TestApp::start_full(backend, clock, pelagic_web::Edge::default()).await
    }

    /// A server behind `edge`: for example trusting 127.0.0.1 as a proxy, so that a test can say
    /// which client a request comes from with `X-Forwarded-For`.
    pub async fn start_behind(backend: Backend, edge: pelagic_web::Edge) -> TestApp {
        TestApp::start_full(backend, Arc::new(SystemClock), edge).await
    }

    async fn start_full(
        backend: Backend,
        clock: Arc<dyn Clock>,
        edge: pelagic_web::Edge,
    ) -> TestApp {
        let (db, cleanup) = fresh_db(backend).await;
        let app = App::open_with_clock(db, clock).await.expect("open app");
        let addr = serve(app.clone(), edge).await;
        TestApp {
            backend,
            app,
            http: HttpClient::new(addr),
            addr,
            cleanup,
        }
    }

    /// Another app instance on the same database (as when several `pelagic serve` run behind
    /// a load balancer), with its own clock.
    pub async fn another_instance(&self, clock: Arc<dyn Clock>) -> Arc<App> {
        App::open_with_clock(self.cleanup.reconnect().await, clock)
            .await
            .expect("open second instance")
    }

    /// A second `pelagic serve` on the same database, on a port of its own, as behind a load
    /// balancer; gives a client for it.
    pub async fn another_server(&self) -> HttpClient {
        let app = self.another_instance(Arc::new(SystemClock)).await;
        HttpClient::new(serve(app, pelagic_web::Edge::default()).await)
    }

    /// Creates a user with a role and signs them in; gives their bearer token.
    pub async fn user_token(&self, email: &str, role: &str) -> String {
        self.member_token(email, role, None).await
    }

    /// Creates a user with a role in a team (by name; created if new) and signs them in.
    pub async fn member_token(&self, email: &str, role: &str, team: Option<&str>) -> String {
        let password = "correct horse battery staple";
        self.app
            .add_user(NewUser {
                email: email.into(),
                name: email.split('@').next().unwrap_or(email).into(),
                role: role.into(),
                team: team.map(str::to_owned),
                team_id: None,
                password: password.into(),
            })
            .await
            .expect("add user");
        let r = self
            .http
            .post(
                "/api/v1/auth/login",
                None,
                &json!({ "email": email, "password": password }),
            )
            .await;
        assert_eq!(r.status, 200, "login failed: {}", r.body);
        r.body["token"].as_str().expect("token").to_owned()
    }

    /// The id of the user a token belongs to.
    pub async fn user_id(&self, token: &str) -> String {
        let me = self.http.get("/api/v1/me", Some(token)).await;
        me.body["id"].as_str().expect("me.id").to_owned()
    }

    /// Makes the user of `manager` (a token) the manager of the team named `team`, as the
    /// administrator `admin`; their team's approvals then wait for them.
    pub async fn set_team_manager(&self, admin: &str, team: &str, manager: &str) {
        let teams = self.http.get("/api/v1/admin/teams", Some(admin)).await;
        let id = teams.body["data"]
            .as_array()
            .and_then(|all| all.iter().find(|x| x["name"] == team))
            .and_then(|x| x["id"].as_str())
            .unwrap_or_else(|| panic!("team {team} in {}", teams.body))
            .to_owned();
        let manager_id = self.user_id(manager).await;
        let r = self
            .http
            .patch(
                &format!("/api/v1/admin/teams/{id}"),
                Some(admin),
                &json!({"manager_id": manager_id}),
            )
            .await;
        assert_eq!(r.status, 200, "setting the manager: {}", r.body);
    }

    /// Sets one approval flow, named `name`, by which a quote meeting `condition` waits for its
    /// submitter's manager, as the administrator `admin`.
    pub async fn managers_approve_quotes(&self, admin: &str, name: &str, condition: Value) {
        let flows = json!({"flows": [{"name": name, "object": "quote", "condition": condition,
            "steps": [{"approver": "manager"}]}]});
        let set = self
            .http
            .put("/api/v1/admin/approval-flows", Some(admin), &flows)
            .await;
        assert_eq!(set.status, 200, "setting the approval flow: {}", set.body);
    }

    /// An administrator's token.
    pub async fn admin(&self) -> String {
        self.user_token("admin@example.com", "admin").await
    }

    /// Creates a record and gives it back, failing the test on an error.
    pub async fn create(&self, token: &str, object: &str, body: Value) -> Value {
        let r = self
            .http
            .post(&format!("/api/v1/records/{object}"), Some(token), &body)
            .await;
        assert_eq!(r.status, 201, "create {object} failed: {}", r.body);
        r.body
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        match &self.cleanup {
            Cleanup::File(path) => {
                for suffix in ["", "-wal", "-shm"] {
                    let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
                }
            }
            Cleanup::Schema { url, schema } => {
                let (url, schema) = (url.clone(), schema.clone());
                // Drop runs inside the test's runtime, which cannot block on itself.
                let _ = std::thread::spawn(move || {
                    let rt = tokio::runtime::Builder::new_current_thread()
                        .enable_all()
                        .build()
                        .ok()?;
                    rt.block_on(async {
                        let pool = sqlx::PgPool::connect(&url).await.ok()?;
                        sqlx::raw_sql(sqlx::AssertSqlSafe(format!(
                            "DROP SCHEMA IF EXISTS {schema} CASCADE"
                        )))
                        .execute(&pool)
                        .await
                        .ok()?;
                        pool.close().await;
                        Some(())
                    })
                })
                .join();
            }
        }
    }
}
