//! `docket serve`: builds the site as `docket build` does, serves it on a loopback address,
//! and rebuilds it (reloading open pages) when records, templates or the config change.

use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use clap::Args;
use docket::site::{ChangeWatch, ServeOptions, SiteServer, rebuild_on_change};

use super::args::{InputArgs, SiteArgs};
use super::build::{Built, build_site};
use super::output::{emit, error, note};

/// How often the records and templates are checked for changes.
const POLL: Duration = Duration::from_millis(500);

/// Arguments of `docket serve`.
#[derive(Debug, Args)]
pub(crate) struct ServeArgs {
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    site: SiteArgs,
    /// The port to listen on; 0 picks a free one.
    #[arg(long, default_value_t = 3000)]
    port: u16,
    /// The address to listen on. The default serves this machine only; `0.0.0.0` serves the
    /// whole network.
    #[arg(long, default_value = "127.0.0.1", value_name = "ADDRESS")]
    bind: IpAddr,
}

pub(crate) fn run(args: &ServeArgs) -> anyhow::Result<ExitCode> {
    let built = build_site(&args.input, &args.site)?;
    emit(&built.summary(&args.site.out), None)?;
    let server = SiteServer::start(&ServeOptions {
        site: args.site.out.clone(),
        bind: args.bind,
        port: args.port,
        base_path: args
            .site
            .base_path
            .clone()
            .or_else(|| built.workspace.config.site.base_path.clone()),
    })?;
    let mut watch = ChangeWatch::new(watched(args, &built));
    drop(built);
    emit(
        &format!(
            "Serving {} at {} (Ctrl-C to stop)\n",
            folder_name(&args.site.out),
            server.url()
        ),
        None,
    )?;
    rebuild_on_change(&server, &mut watch, POLL, || {
        match build_site(&args.input, &args.site) {
            Ok(built) => {
                let text = format!(
                    "Rebuilt {} pages for {} records; open pages reload\n",
                    built.report.pages,
                    built.workspace.corpus.decisions.len()
                );
                if let Err(err) = emit(&text, None) {
                    error(&err);
                }
                true
            }
            Err(err) => {
                error(&err);
                note("still serving the last good site");
                false
            }
        }
    })
}

/// The records paths, the templates folder and the config file.
fn watched(args: &ServeArgs, built: &Built) -> Vec<PathBuf> {
    let mut roots = args.input.paths();
    roots.extend(args.site.templates.clone());
    roots.extend(built.workspace.config.site.templates.clone());
    roots.extend(built.workspace.config_path.clone());
    roots.extend(args.input.config.clone());
    roots.sort();
    roots.dedup();
    roots
}

/// `site/` for `site`, as the folder is named to the user.
fn folder_name(out: &Path) -> String {
    let name = out.display().to_string();
    if name.ends_with('/') {
        name
    } else {
        format!("{name}/")
    }
}
