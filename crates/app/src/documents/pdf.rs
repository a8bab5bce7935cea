//! HTML to PDF through a headless Chromium on this machine (Debian's `chromium` package, or
//! the program `PELAGIC_CHROMIUM` names), the way the page would print: it shapes Chinese,
//! Cyrillic and accented text with the system's fonts (`fonts-noto-cjk` for Chinese). The page
//! is read from a private temporary folder and may load nothing (see `render`).

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use tokio::process::Command;
use tokio::sync::Semaphore;

use crate::{AppError, AppResult};

/// Longest a conversion may take.
const TIMEOUT: Duration = Duration::from_secs(60);

/// The Chromium to print with: `PELAGIC_CHROMIUM`, else the first of the usual names found on
/// the `PATH`.
pub fn chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("PELAGIC_CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).find_map(|dir| {
        [
            "chromium",
            "chromium-browser",
            "google-chrome",
            "google-chrome-stable",
        ]
        .iter()
        .map(|name| dir.join(name))
        .find(|p| p.is_file())
    })
}

/// Browsers printing at once, across all requests: each takes a few hundred megabytes and a
/// core, so more would only slow every print down and could starve the server.
const MAX_PRINTING: usize = 2;
/// How long a print waits for a free browser before the server says it is busy.
const QUEUE_WAIT: Duration = Duration::from_secs(10);

fn printers() -> &'static Semaphore {
    static PRINTERS: Semaphore = Semaphore::const_new(MAX_PRINTING);
    &PRINTERS
}

/// Browsers running now (counted around each one's life, apart from the bound above).
static RUNNING: AtomicUsize = AtomicUsize::new(0);

/// One running browser, counted until dropped (also when the request is abandoned, which kills
/// the browser).
struct Running;

impl Running {
    fn start() -> Running {
        RUNNING.fetch_add(1, Ordering::SeqCst);
        Running
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        RUNNING.fetch_sub(1, Ordering::SeqCst);
    }
}

/// How many browsers are printing now.
pub fn printing_now() -> usize {
    RUNNING.load(Ordering::SeqCst)
}

/// A PDF of the page `html`.
pub async fn html_to_pdf(html: &str) -> AppResult<Vec<u8>> {
    let _turn = tokio::time::timeout(QUEUE_WAIT, printers().acquire())
        .await
        .map_err(|_| AppError::Busy("every printer is busy; try again in a few seconds".into()))?
        .map_err(|_| AppError::Busy("printing is stopping".into()))?;
    let program = chromium().ok_or_else(|| {
        AppError::NotInstalled(
            "PDF needs Chromium on the server: install the chromium and fonts-noto-cjk packages, \
             or name the program in PELAGIC_CHROMIUM"
                .into(),
        )
    })?;
    let dir = std::env::temp_dir().join(format!("pelagic-pdf-{}", crate::ids::new_id()));
    tokio::fs::create_dir_all(&dir)
        .await
        .map_err(|e| AppError::Internal(format!("PDF folder: {e}")))?;
    let outcome = print(&program, &dir, html).await;
    let _ = tokio::fs::remove_dir_all(&dir).await;
    outcome
}

async fn print(program: &PathBuf, dir: &std::path::Path, html: &str) -> AppResult<Vec<u8>> {
    let page = dir.join("document.html");
    let out = dir.join("document.pdf");
    tokio::fs::write(&page, html)
        .await
        .map_err(|e| AppError::Internal(format!("PDF page: {e}")))?;
    let mut cmd = Command::new(program);
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--disable-quic",
        "--no-pdf-header-footer",
        // The page may reach nothing (see `sanitize` and the page's policy, which also forbids
        // scripts); should anything slip through, the browser has no names to resolve and no
        // way out: every request, loopback included, goes to a proxy that is not there.
        "--proxy-server=socks5://127.0.0.1:9",
        "--proxy-bypass-list=<-loopback>",
        "--host-resolver-rules=MAP * ~NOTFOUND",
        "--dns-prefetch-disable",
        "--no-pings",
        "--disable-remote-fonts",
        "--block-new-web-contents",
        "--disable-features=NetworkPrediction,Prerender2,InterestFeedContentSuggestions",
    ])
    .arg(format!("--user-data-dir={}", dir.join("profile").display()))
    .arg(format!("--print-to-pdf={}", out.display()))
    .arg(format!("file://{}", page.display()))
    .stdin(std::process::Stdio::null())
    .stdout(std::process::Stdio::null())
    .stderr(std::process::Stdio::piped())
    .kill_on_drop(true);
    let child = cmd
        .spawn()
        .map_err(|e| AppError::Unavailable(format!("Chromium did not start: {e}")))?;
    let running = Running::start();
    let done = tokio::time::timeout(TIMEOUT, child.wait_with_output()).await;
    drop(running);
    let done = done
        .map_err(|_| AppError::Unavailable("Chromium took too long to print".into()))?
        .map_err(|e| AppError::Internal(format!("Chromium: {e}")))?;
    match tokio::fs::read(&out).await {
        Ok(pdf) if pdf.starts_with(b"%PDF") => Ok(pdf),
        _ => Err(AppError::Internal(format!(
            "Chromium printed no PDF ({}): {}",
            done.status,
            String::from_utf8_lossy(&done.stderr)
                .lines()
                .last()
                .unwrap_or_default()
        ))),
    }
}
