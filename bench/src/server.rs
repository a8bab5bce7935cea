//! Running `pelagic serve` as a child process, and reading its peak memory.

use std::path::Path;
use std::process::Stdio;
use std::time::Duration;

use anyhow::Context;
use pelagic_testkit::HttpClient;
use serde_json::json;
use tokio::io::AsyncWriteExt;
use tokio::process::{Child, Command};

pub struct Server {
    child: Child,
    pub addr: std::net::SocketAddr,
    binary: std::path::PathBuf,
    url: String,
}

const EMAIL: &str = "bench@pelagic.example";
const PASSWORD: &str = "benchmark-password";

impl Server {
    pub async fn start(binary: &Path, url: &str) -> anyhow::Result<Server> {
        let port = std::net::TcpListener::bind("127.0.0.1:0")?
            .local_addr()?
            .port();
        let addr: std::net::SocketAddr = format!("127.0.0.1:{port}").parse()?;
        let child = Command::new(binary)
            .args([
                "serve",
                "--database-url",
                url,
                "--listen",
                &addr.to_string(),
            ])
            .env("PELAGIC_LOG", "warn")
            .stdout(Stdio::null())
            .kill_on_drop(true)
            .spawn()
            .with_context(|| {
                format!(
                    "start {} (build it with cargo build --release)",
                    binary.display()
                )
            })?;
        let http = HttpClient::new(addr);
        for _ in 0..200 {
            if tokio::net::TcpStream::connect(addr).await.is_ok()
                && http.get("/healthz", None).await.status == 200
            {
                return Ok(Server {
                    child,
                    addr,
                    binary: binary.to_owned(),
                    url: url.to_owned(),
                });
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        anyhow::bail!("pelagic serve did not come up on {addr}")
    }

    /// Signs in as the benchmark's administrator, creating it on first use.
    pub async fn admin_token(&self, http: &HttpClient) -> anyhow::Result<String> {
        let credentials = json!({ "email": EMAIL, "password": PASSWORD });
        let mut r = http.post("/api/v1/auth/login", None, &credentials).await;
        if r.status != 200 {
            let mut add = Command::new(&self.binary)
                .args([
                    "user",
                    "add",
                    "--email",
                    EMAIL,
                    "--name",
                    "Benchmark",
                    "--role",
                    "admin",
                    "--password-stdin",
                    "--database-url",
                    &self.url,
                ])
                .stdin(Stdio::piped())
                .stdout(Stdio::null())
                .spawn()?;
            add.stdin
                .take()
                .context("stdin")?
                .write_all(PASSWORD.as_bytes())
                .await?;
            anyhow::ensure!(add.wait().await?.success(), "pelagic user add failed");
            r = http.post("/api/v1/auth/login", None, &credentials).await;
        }
        anyhow::ensure!(r.status == 200, "login failed: {}", r.text);
        Ok(r.body["token"].as_str().context("token")?.to_owned())
    }

    /// Refreshes the query planner's statistics, as the daily job does.
    pub async fn analyze(&self, url: &str) -> anyhow::Result<()> {
        let db = pelagic_store::Db::connect(url).await?;
        pelagic_store::db::analyze(&db).await?;
        db.close().await;
        Ok(())
    }

    /// The server's peak resident memory so far, in MB.
    pub fn peak_rss_mb(&self) -> f64 {
        let Some(pid) = self.child.id() else {
            return f64::NAN;
        };
        std::fs::read_to_string(format!("/proc/{pid}/status"))
            .ok()
            .and_then(|s| {
                s.lines()
                    .find(|l| l.starts_with("VmHWM:"))
                    .and_then(|l| l.split_whitespace().nth(1))
                    .and_then(|kb| kb.parse::<f64>().ok())
            })
            .map(|kb| kb / 1024.0)
            .unwrap_or(f64::NAN)
    }

    pub async fn stop(mut self) {
        if let Some(pid) = self.child.id() {
            let _ = Command::new("kill")
                .arg("-TERM")
                .arg(pid.to_string())
                .status()
                .await;
        }
        let _ = tokio::time::timeout(Duration::from_secs(10), self.child.wait()).await;
    }
}
