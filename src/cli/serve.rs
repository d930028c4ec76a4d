//! `docket serve`: builds the site as `docket build` does, serves it on a loopback address,
//! and rebuilds it (reloading open pages) when records, templates or the config change.

use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use clap::Args;
use docket::site::{
    BuildReport, ChangeWatch, LiveSite, ServeOptions, SiteServer, rebuild_on_change,
};
use docket::workspace::Workspace;

use super::args::{InputArgs, SiteArgs};
use super::build::{live_site, site_findings, summary};
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
    let (mut live, report) = live_site(&args.input, &args.site)?;
    let records = live.workspace().corpus.decisions.len();
    emit(&summary(&report, records, &args.site.out), None)?;
    let server = SiteServer::start(&ServeOptions {
        site: args.site.out.clone(),
        bind: args.bind,
        port: args.port,
        base_path: args
            .site
            .base_path
            .clone()
            .or_else(|| live.workspace().config.site.base_path.clone()),
    })?;
    let mut watch = ChangeWatch::new(watched(args, live.workspace()));
    emit(
        &format!(
            "Serving {} at {} (Ctrl-C to stop)\n",
            folder_name(&args.site.out),
            server.url()
        ),
        None,
    )?;
    rebuild_on_change(&server, &mut watch, POLL, |changed| {
        let started = Instant::now();
        match rebuild(args, &mut live, changed) {
            Ok(report) => {
                let text = format!(
                    "Rebuilt {} of {} pages for {} records in {:.0} ms; open pages reload\n",
                    report.rendered,
                    report.pages,
                    live.workspace().corpus.decisions.len(),
                    started.elapsed().as_secs_f64() * 1000.0
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

/// Updates the site for the files `changed`: only the pages they touch when they are
/// records docket already has, else a full load and build.
fn rebuild(
    args: &ServeArgs,
    live: &mut LiveSite,
    changed: &[PathBuf],
) -> anyhow::Result<BuildReport> {
    if let Some(report) = live.update(changed, site_findings)? {
        return Ok(report);
    }
    let (fresh, report) = live_site(&args.input, &args.site)?;
    *live = fresh;
    Ok(report)
}

/// The records paths, the templates folder and the config file.
fn watched(args: &ServeArgs, workspace: &Workspace) -> Vec<PathBuf> {
    let mut roots = args.input.paths();
    roots.extend(args.site.templates.clone());
    roots.extend(workspace.config.site.templates.clone());
    roots.extend(workspace.config_path.clone());
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
