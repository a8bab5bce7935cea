//! The `pelagic` command as a person uses it: one-line errors and non-zero exits for bad input,
//! users from standard input, and a server that starts, answers and stops cleanly.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::{Command, Output, Stdio};

fn db_url() -> (String, std::path::PathBuf) {
    let path =
        std::env::temp_dir().join(format!("pelagic-cli-{}.db", uuid::Uuid::now_v7().simple()));
    (format!("sqlite://{}", path.display()), path)
}

fn pelagic(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_pelagic"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run pelagic");
    if let Some(text) = stdin {
        child
            .stdin
            .take()
            .unwrap()
            .write_all(text.as_bytes())
            .unwrap();
    }
    drop(child.stdin.take());
    child.wait_with_output().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn users_are_added_with_a_password_from_standard_input_and_bad_input_fails_in_one_line() {
    let (url, path) = db_url();
    let ok = pelagic(
        &[
            "user",
            "add",
            "--email",
            "ana@example.com",
            "--name",
            "Ana",
            "--role",
            "admin",
            "--team",
            "Madrid",
            "--password-stdin",
            "--database-url",
            &url,
        ],
        Some("a long password\n"),
    );
    assert!(ok.status.success(), "{}", stderr(&ok));
    assert!(String::from_utf8_lossy(&ok.stdout).contains("created user Ana"));

    for (args, stdin, expect) in [
        (
            vec![
                "user",
                "add",
                "--email",
                "ana@example.com",
                "--name",
                "Ana",
                "--role",
                "admin",
                "--password-stdin",
            ],
            "another long one",
            "already exists",
        ),
        (
            vec![
                "user",
                "add",
                "--email",
                "bo@example.com",
                "--name",
                "Bo",
                "--role",
                "emperor",
                "--password-stdin",
            ],
            "a long password",
            "no role 'emperor'",
        ),
        (
            vec![
                "user",
                "add",
                "--email",
                "not-an-email",
                "--name",
                "Bo",
                "--role",
                "sales",
                "--password-stdin",
            ],
            "a long password",
            "not an email",
        ),
        (
            vec![
                "user",
                "add",
                "--email",
                "bo@example.com",
                "--name",
                "Bo",
                "--role",
                "sales",
                "--password-stdin",
            ],
            "short",
            "at least",
        ),
        (
            vec![
                "user",
                "add",
                "--email",
                "bo@example.com",
                "--name",
                "Bo",
                "--role",
                "sales",
            ],
            "",
            "--password-stdin",
        ),
    ] {
        let mut full = args.clone();
        full.extend(["--database-url", &url]);
        let out = pelagic(&full, Some(stdin));
        let err = stderr(&out);
        assert!(!out.status.success(), "{args:?} should fail");
        assert!(err.contains(expect), "{args:?}: {err}");
        assert_eq!(
            err.trim_end().lines().count(),
            1,
            "one line, no backtrace: {err}"
        );
    }
    let bad_url = pelagic(&["migrate", "--database-url", "mysql://nowhere"], None);
    assert!(!bad_url.status.success());
    assert!(
        stderr(&bad_url).contains("unsupported database URL"),
        "{}",
        stderr(&bad_url)
    );
    let _ = std::fs::remove_file(&path);
}

#[test]
fn serve_listens_answers_and_stops_cleanly_on_sigterm() {
    let (url, path) = db_url();
    // Port 0: the server picks a free port and says which, so no other socket can take it
    // between our choosing and its binding.
    let mut child = Command::new(env!("CARGO_BIN_EXE_pelagic"))
        .args(["serve", "--database-url", &url, "--listen", "127.0.0.1:0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdout = std::io::BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    std::io::BufRead::read_line(&mut stdout, &mut first).unwrap();
    let listen = first
        .trim()
        .strip_prefix("Pelagic is listening on http://")
        .unwrap_or_else(|| panic!("serve says where it listens: {first}"))
        .to_owned();
    let mut s = TcpStream::connect(&listen).unwrap();
    s.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .unwrap();
    let mut body = String::new();
    s.read_to_string(&mut body).unwrap();
    assert!(body.starts_with("HTTP/1.1 200"), "{body}");
    assert!(body.contains(r#"{"status":"ok"}"#));
    let jobs = pelagic(&["jobs", "run-due", "--database-url", &url], None);
    assert!(jobs.status.success(), "{}", stderr(&jobs));
    assert!(String::from_utf8_lossy(&jobs.stdout).contains("no job was due"));

    Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    let status = child.wait().unwrap();
    assert!(status.success(), "serve exits 0 after SIGTERM");
    let mut rest = String::new();
    stdout.read_to_string(&mut rest).unwrap();
    assert!(!rest.contains("listening"), "it listened once: {rest}");
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
}

#[test]
fn a_gbk_csv_is_imported_from_the_command_line_and_what_failed_is_written_beside_it() {
    let (url, path) = db_url();
    let admin = pelagic(
        &[
            "user",
            "add",
            "--email",
            "li@example.com",
            "--name",
            "李娜",
            "--role",
            "admin",
            "--password-stdin",
            "--database-url",
            &url,
        ],
        Some("a long password\n"),
    );
    assert!(admin.status.success(), "{}", stderr(&admin));
    let dir =
        std::env::temp_dir().join(format!("pelagic-import-{}", uuid::Uuid::now_v7().simple()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("客户.csv");
    let text = "客户名称,联系电话,所属行业\n济南亿东科技,13800138000,制造业\n青岛海联,0532-88886666,玩具\n";
    std::fs::write(&file, encoding_rs::GBK.encode(text).0).unwrap();
    let file_arg = file.to_string_lossy().into_owned();
    let args = [
        "import",
        "--object",
        "account",
        &file_arg,
        "--database-url",
        &url,
    ];

    let out = pelagic(&args, None);
    let said = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(out.status.success(), "{}{said}", stderr(&out));
    assert!(said.contains("gb18030"), "{said}");
    assert!(said.contains("客户名称 → name"), "{said}");
    assert!(
        said.contains("created 1, updated 0, skipped 0, failed 1"),
        "{said}"
    );
    let failed = std::fs::read(dir.join("客户.failed.csv")).expect("the failed rows");
    let failed = String::from_utf8(failed).unwrap();
    assert!(
        failed.starts_with('\u{feff}'),
        "opens as UTF-8 in a spreadsheet"
    );
    assert!(
        failed.contains("青岛海联") && failed.contains("玩具"),
        "{failed}"
    );

    // The same file again: the customer now exists and is skipped, named with its owner.
    let again = pelagic(&args, None);
    let said = String::from_utf8_lossy(&again.stdout).into_owned();
    assert!(
        said.contains("created 0, updated 0, skipped 1, failed 1"),
        "{said}"
    );
    let skipped = std::fs::read_to_string(dir.join("客户.skipped.csv")).unwrap();
    assert!(skipped.contains("李娜"), "{skipped}");

    for (extra, expect) in [
        (vec!["--encoding", "klingon"], "not an encoding"),
        (vec!["--object", "nothing"], "nothing"),
        (vec!["--max-bytes", "10"], "over the limit"),
    ] {
        let mut full: Vec<&str> = args.to_vec();
        if extra[0] == "--object" {
            full[2] = extra[1];
        } else {
            full.extend(&extra);
        }
        let out = pelagic(&full, None);
        assert!(!out.status.success(), "{extra:?}");
        let err = stderr(&out);
        assert!(err.contains(expect), "{extra:?}: {err}");
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    }
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_file(&path);
}

#[test]
fn a_spanish_workbook_is_imported_from_the_sheet_named() {
    let (url, path) = db_url();
    let admin = pelagic(
        &[
            "user",
            "add",
            "--email",
            "ana@example.com",
            "--name",
            "Ana",
            "--role",
            "admin",
            "--password-stdin",
            "--database-url",
            &url,
        ],
        Some("a long password\n"),
    );
    assert!(admin.status.success(), "{}", stderr(&admin));
    let mut book = rust_xlsxwriter::Workbook::new();
    let cover = book.add_worksheet();
    cover.write(0, 0, "Portada").unwrap();
    let sheet = book.add_worksheet();
    sheet.set_name("Clientes").unwrap();
    for (col, h) in ["Nombre", "Sector", "Teléfono"].iter().enumerate() {
        sheet.write(0, u16::try_from(col).unwrap(), *h).unwrap();
    }
    sheet.write(1, 0, "Fábrica Norte").unwrap();
    sheet.write(1, 1, "Comercio minorista").unwrap();
    sheet.write(1, 2, "+34 912 345 678").unwrap();
    let file =
        std::env::temp_dir().join(format!("clientes-{}.xlsx", uuid::Uuid::now_v7().simple()));
    book.save(&file).unwrap();
    let file_arg = file.to_string_lossy().into_owned();
    let out = pelagic(
        &[
            "import",
            "--object",
            "account",
            &file_arg,
            "--sheet",
            "Clientes",
            "--database-url",
            &url,
        ],
        None,
    );
    let said = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(out.status.success(), "{}{said}", stderr(&out));
    assert!(said.contains("Sector → industry"), "{said}");
    assert!(
        said.contains("created 1, updated 0, skipped 0, failed 0"),
        "{said}"
    );
    let none = pelagic(
        &[
            "import",
            "--object",
            "account",
            &file_arg,
            "--sheet",
            "Nada",
            "--database-url",
            &url,
        ],
        None,
    );
    assert!(!none.status.success());
    assert!(
        stderr(&none).contains("no sheet named 'Nada'"),
        "{}",
        stderr(&none)
    );
    let _ = std::fs::remove_file(&file);
    let _ = std::fs::remove_file(&path);
}
