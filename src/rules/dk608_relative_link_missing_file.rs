//! DK608 relative-link-missing-file: a relative link whose file does not exist. Whether a
//! file exists is asked of the caller (`LintOptions::file_exists`), so rules touch no files.

use std::path::Path;

use super::context::resolve_href;
use super::{Check, LintContext, Rule, rule_info};
use crate::diagnostics::Diagnostic;
use crate::model::{Decision, Span};

/// The registry entry.
pub(crate) static RULE: Rule = Rule {
    info: rule_info!(
        "DK608",
        "relative-link-missing-file",
        Warning,
        "A relative link points at a file that does not exist.",
        fixable = false
    ),
    enabled_by_default: true,
    check: Check::Record(check),
};

fn check(rule: &Rule, d: &Decision, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
    let Some(exists) = ctx.options.file_exists else {
        return;
    };
    let hrefs = d
        .links
        .iter()
        .filter_map(|l| l.target.href.as_deref().map(|h| (h, l.span)))
        .chain(d.local_links.iter().map(|r| (r.url.as_str(), r.span)));
    let mut seen: Vec<(Span, &str)> = Vec::new();
    for (href, span) in hrefs {
        if seen.contains(&(span, href)) {
            continue;
        }
        seen.push((span, href));
        let Some(path) = resolve_href(&d.path, href) else {
            continue;
        };
        if ctx.decision(&path).is_some() || exists(Path::new(&path)) {
            continue;
        }
        out.push(
            rule.report(
                &d.path,
                span,
                format!("link target `{}` does not exist", href.trim()),
            )
            .with_help("fix the path, or link to the file's new location"),
        );
    }
}
