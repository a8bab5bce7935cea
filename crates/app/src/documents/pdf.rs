//! HTML to PDF through a headless Chromium on this machine (Debian's `chromium` package, or
//! the program `PELAGIC_CHROMIUM` names), the way the page would print: it shapes Chinese,
//! Cyrillic and accented text with the system's fonts (`fonts-noto-cjk` for Chinese). The page
//! is read from a private temporary folder and may load nothing (see `render`).

use std::path::PathBuf;
use std::time::Duration;

use tokio::process::Command;

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

/// A PDF of the page `html`.
pub async fn html_to_pdf(html: &str) -> AppResult<Vec<u8>> {
    let program = chromium().ok_or_else(|| {
        AppError::Unavailable(
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
    let done = tokio::time::timeout(TIMEOUT, child.wait_with_output())
        .await
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
