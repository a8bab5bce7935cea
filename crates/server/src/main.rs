//! The `pelagic` command: serve the CRM, migrate, manage users, run jobs, load a demo company.

mod cli;
mod demo;
mod demo_custom;
mod demo_sales;
mod heap;
mod import;
mod serve;

use std::io::Read;
use std::process::ExitCode;
use std::sync::Arc;

use clap::Parser;
use pelagic_app::App;
use pelagic_app::users::NewUser;
use pelagic_store::Db;

use cli::{Cli, Command, JobsCommand, UserCommand};

fn main() -> ExitCode {
    heap::return_memory_promptly();
    let cli = Cli::parse();
    let default_level = if matches!(cli.command, Command::Serve { .. }) {
        "info"
    } else {
        "warn"
    };
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("PELAGIC_LOG")
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default_level)),
        )
        .with_writer(std::io::stderr)
        .init();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: cannot start: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            // One line, no backtrace: what went wrong and, through the causes, why.
            let causes: Vec<String> = e.chain().map(|c| c.to_string()).collect();
            eprintln!("error: {}", causes.join(": "));
            ExitCode::FAILURE
        }
    }
}

async fn open(url: &str) -> anyhow::Result<Arc<App>> {
    let db = Db::connect(url)
        .await
        .map_err(|e| anyhow::anyhow!("cannot open the database {}: {e}", redact(url)))?;
    Ok(App::open(db).await?)
}

/// A database URL without its password, for messages.
fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(s), Some(at)) if at > s => match url[s + 3..at].split_once(':') {
            Some((user, _)) => format!("{}{}:***{}", &url[..s + 3], user, &url[at..]),
            None => url.to_owned(),
        },
        _ => url.to_owned(),
    }
}

async fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Serve {
            listen,
            trusted_proxies,
            public_url,
        } => {
            let edge = pelagic_web::Edge {
                trusted_proxies: pelagic_web::Edge::parse_proxies(&trusted_proxies)
                    .map_err(|e| anyhow::anyhow!("--trusted-proxies: {e}"))?,
                public_https: public_url
                    .as_deref()
                    .is_some_and(|u| u.to_ascii_lowercase().starts_with("https://")),
            };
            serve::serve(open(&cli.database_url).await?, &listen, edge).await
        }
        Command::Migrate => {
            open(&cli.database_url).await?;
            println!("the database is up to date");
            Ok(())
        }
        Command::User {
            command:
                UserCommand::Add {
                    email,
                    name,
                    role,
                    team,
                    password_stdin,
                },
        } => {
            if !password_stdin {
                anyhow::bail!(
                    "pass the password on standard input with --password-stdin (it never goes on the command line)"
                );
            }
            let mut password = String::new();
            std::io::stdin().read_to_string(&mut password)?;
            let password = password.trim_end_matches(['\n', '\r']).to_owned();
            let app = open(&cli.database_url).await?;
            let user = app
                .add_user(NewUser {
                    email,
                    name,
                    role,
                    team,
                    team_id: None,
                    password,
                })
                .await?;
            println!(
                "created user {} <{}> with role {} (id {})",
                user.name, user.email, user.role, user.id
            );
            Ok(())
        }
        Command::Jobs {
            command: JobsCommand::RunDue,
        } => {
            let app = open(&cli.database_url).await?;
            let ran = app.run_due_jobs().await?;
            if ran.is_empty() {
                println!("no job was due");
            }
            for r in &ran {
                match &r.outcome {
                    Ok(what) => println!("{}: {what}", r.job),
                    Err(e) => println!("{}: failed: {e}", r.job),
                }
            }
            if ran.iter().any(|r| r.outcome.is_err()) {
                anyhow::bail!("some jobs failed");
            }
            Ok(())
        }
        Command::Import(args) => import::run(open(&cli.database_url).await?, args).await,
        Command::Demo { seed, accounts } => {
            demo::run(open(&cli.database_url).await?, seed, accounts).await
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn passwords_never_appear_in_messages_about_the_database() {
        assert_eq!(
            super::redact("postgres://pelagic:s3cret@db:5432/crm"),
            "postgres://pelagic:***@db:5432/crm"
        );
        assert_eq!(super::redact("sqlite://pelagic.db"), "sqlite://pelagic.db");
    }
}
