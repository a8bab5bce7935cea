//! `pelagic demo` loads a company a visitor can explore end to end and prints every sign-in.

use std::process::Command;

#[test]
fn the_demo_company_is_loaded_once_and_prints_every_login_in_a_table() {
    let path =
        std::env::temp_dir().join(format!("pelagic-demo-{}.db", uuid::Uuid::now_v7().simple()));
    let url = format!("sqlite://{}", path.display());
    let run = || {
        Command::new(env!("CARGO_BIN_EXE_pelagic"))
            .args(["demo", "--accounts", "24", "--database-url", &url])
            .output()
            .expect("run pelagic demo")
    };
    let first = run();
    let out = String::from_utf8_lossy(&first.stdout).into_owned();
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    assert!(out.contains("Pelagic Demo Trading Co."), "{out}");
    assert!(
        out.contains("4 products priced in CNY, EUR, RUB and TWD"),
        "{out}"
    );
    assert!(
        out.contains("4 waiting for their manager's approval"),
        "{out}"
    );
    assert!(out.contains("4 orders with instalments"), "{out}");
    let logins: Vec<&str> = out
        .lines()
        .filter(|l| l.ends_with("@demo.pelagic.example"))
        .collect();
    assert_eq!(logins.len(), 18, "every user, one per line: {out}");
    assert!(
        logins
            .iter()
            .any(|l| l.starts_with("salesperson") && l.contains("zh-CN") && l.contains("sales00@")),
        "the Chinese team works in Chinese: {out}"
    );
    assert!(logins.iter().filter(|l| l.starts_with("manager")).count() == 4);

    let again = run();
    assert!(!again.status.success(), "a second load is refused");
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
}
