//! The command line: subcommands, options and their environment variables.

use clap::{Parser, Subcommand};

#[derive(Parser, Debug)]
#[command(
    name = "pelagic",
    version,
    about = "Pelagic, an open-source CRM for sales teams"
)]
pub struct Cli {
    /// Where the data lives: sqlite://FILE (created if missing) or postgres://USER@HOST/DB.
    #[arg(
        long,
        global = true,
        env = "PELAGIC_DATABASE_URL",
        default_value = "sqlite://pelagic.db"
    )]
    pub database_url: String,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Serve the web interface and the API (migrates the database first).
    Serve {
        /// Address and port to listen on.
        #[arg(long, env = "PELAGIC_LISTEN", default_value = "127.0.0.1:8080")]
        listen: String,
        /// Proxies or load balancers in front of Pelagic (addresses or networks, comma
        /// separated): from them, the client's address is read from X-Forwarded-For and HTTPS
        /// from X-Forwarded-Proto.
        #[arg(long, env = "PELAGIC_TRUSTED_PROXIES", default_value = "")]
        trusted_proxies: String,
        /// The address people open Pelagic at (e.g. https://crm.example.com); an https address
        /// makes cookies Secure and pins browsers to HTTPS.
        #[arg(long, env = "PELAGIC_PUBLIC_URL")]
        public_url: Option<String>,
    },
    /// Bring the database schema up to date and exit.
    Migrate,
    /// Manage users.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// Background jobs.
    Jobs {
        #[command(subcommand)]
        command: JobsCommand,
    },
    /// Import a CSV file's (any common encoding) or a spreadsheet's (XLSX, XLS, ODS) rows into an
    /// object, the columns mapped to fields by their headers unless a mapping is given.
    Import(crate::import::ImportArgs),
    /// Fill the database with a realistic sample company to try Pelagic with.
    Demo {
        /// Seed of the sample data (the same seed gives the same company).
        #[arg(long, default_value_t = 7)]
        seed: u64,
        /// How many accounts (customers) to create.
        #[arg(long, default_value_t = 200, value_parser = clap::value_parser!(u64).range(1..=100_000))]
        accounts: u64,
    },
}

#[derive(Subcommand, Debug)]
pub enum UserCommand {
    /// Create a user; the password is read from standard input.
    Add {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        /// admin, manager, sales or service (or a role an administrator created).
        #[arg(long)]
        role: String,
        /// Team name; created if it does not exist.
        #[arg(long)]
        team: Option<String>,
        /// Read the password from standard input.
        #[arg(long)]
        password_stdin: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum JobsCommand {
    /// Run every scheduled job that is due, once, and exit.
    RunDue,
}
