//! The command line: clap types, calls into the library, printing and exit codes. No domain
//! logic lives here.

mod args;
mod build;
mod edit;
mod export;
mod graph;
mod lint;
mod list;
mod mdbook;
mod migrate;
mod new;
mod output;
mod progress;
mod score;
mod serve;
mod shell;
mod show;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// docket: parse, lint, cross-link and score architecture and hosting decision records.
#[derive(Debug, Parser)]
#[command(name = "docket", version, about, propagate_version = true)]
pub(crate) struct Cli {
    #[command(subcommand)]
    command: Command,
    /// When to colour human output: auto (a terminal, and `NO_COLOR` unset), always or never.
    #[arg(long, global = true, value_enum, default_value = "auto")]
    color: args::Color,
    /// Print only results and errors: no notes on stderr.
    #[arg(long, short, global = true, conflicts_with = "verbose")]
    quiet: bool,
    /// Print extra notes on stderr: what was read and how long it took.
    #[arg(long, short, global = true)]
    verbose: bool,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Build the decision site: a page per record, index with search, graph, timeline and
    /// platforms.
    Build(build::BuildArgs),
    /// Build the site, serve it on 127.0.0.1 (port 3000), and rebuild and reload open pages
    /// when records or templates change.
    Serve(serve::ServeArgs),
    /// Work with the site templates (`templates export DIR`).
    Templates(build::TemplatesArgs),
    /// Print the parsed model of records as JSON.
    Export(export::ExportArgs),
    /// Draw the links between records (text, DOT, Mermaid, JSON), or check them with --check.
    Graph(graph::GraphArgs),
    /// Print one record: status, date, chosen option, links in and out, head of its chain.
    Show(show::ShowArgs),
    /// List records as a table, JSON, CSV or a markdown index.
    List(list::ListArgs),
    /// Write a new record from a template with the next free number; prints its path.
    New(new::NewArgs),
    /// Set up a project: docket.toml, a records folder and a first record.
    Init(new::InitArgs),
    /// Change a record's status (and, with --date, its date) in place.
    Status(edit::StatusArgs),
    /// Mark OLD as superseded by NEW, with the links on both sides.
    Supersede(edit::SupersedeArgs),
    /// Add a link from A to B (supersedes, amends, related, …) and the reverse link in B.
    Link(edit::LinkArgs),
    /// Change a record's title and file name, and every link pointing at it.
    Rename(edit::RenameArgs),
    /// Give a record a new number (file name, heading, links), refusing numbers in use.
    Renumber(edit::RenumberArgs),
    /// Check records against the lint rules.
    Lint(lint::LintArgs),
    /// mdBook preprocessor: adds a Decisions part to a book (`[preprocessor.docket]`).
    Mdbook(mdbook::MdbookArgs),
    /// Convert records to MADR, Nygard or DR, keeping their content; nothing is written
    /// unless every record converts.
    Migrate(migrate::MigrateArgs),
    /// Print shell completions: bash, zsh, fish, powershell or elvish.
    Completions(shell::CompletionsArgs),
    /// Print the man page (or write a page per command with --out DIR).
    Man(shell::ManArgs),
    /// Recompute every criteria table: totals, the Critical gate, the winner, its margin and
    /// sensitivity, and option costs per month.
    Score(score::ScoreArgs),
}

/// Runs the command line and returns the exit code: 0 clean, 1 findings, 2 failure.
pub(crate) fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            let code = if err.use_stderr() { 2 } else { 0 };
            let _ = err.print();
            return ExitCode::from(code);
        }
    };
    output::configure(output::Settings {
        color: cli.color,
        quiet: cli.quiet,
        verbose: cli.verbose,
    });
    let started = std::time::Instant::now();
    let result = match cli.command {
        Command::Build(args) => build::run(&args),
        Command::Serve(args) => serve::run(&args),
        Command::Templates(args) => build::run_templates(&args),
        Command::Export(args) => export::run(&args),
        Command::Graph(args) => graph::run(&args),
        Command::Show(args) => show::run(&args),
        Command::List(args) => list::run(&args),
        Command::Lint(args) => lint::run(&args),
        Command::Completions(args) => shell::run_completions(&args),
        Command::Man(args) => shell::run_man(&args),
        Command::Mdbook(args) => mdbook::run(&args),
        Command::Migrate(args) => migrate::run(&args),
        Command::New(args) => new::run(&args),
        Command::Init(args) => new::run_init(&args),
        Command::Status(args) => edit::run_status(&args),
        Command::Supersede(args) => edit::run_supersede(&args),
        Command::Link(args) => edit::run_link(&args),
        Command::Rename(args) => edit::run_rename(&args),
        Command::Renumber(args) => edit::run_renumber(&args),
        Command::Score(args) => score::run(&args),
    };
    output::verbose(&format!("finished in {} ms", started.elapsed().as_millis()));
    match result {
        Ok(code) => code,
        Err(err) => output::failure(&err),
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn cli_is_well_formed() {
        super::Cli::command().debug_assert();
    }
}
