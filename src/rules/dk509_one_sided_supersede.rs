//! DK509 one-sided-supersede: record A says it supersedes B, but B does not say it is
//! superseded by A (or the other way round). The fix adds the missing line to B, in B's own
//! metadata style, next to its status.

use super::context::{file_name, link_text, record_name, relative_href};
use super::{Check, LintContext, Rule};
use crate::diagnostics::{Code, Diagnostic, Edit, Label};
use crate::model::{Decision, LinkKind, Span};

/// The registry entry.
pub(crate) static RULE: Rule = Rule {
    code: Code::OneSidedSupersede,
    check: Check::Corpus(check),
};

fn check(rule: &Rule, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
    for from in &ctx.corpus.decisions {
        for link in &from.links {
            let Some(inverse) = link
                .kind
                .inverse()
                .filter(|_| matches!(link.kind, LinkKind::Supersedes | LinkKind::SupersededBy))
            else {
                continue;
            };
            let Some(target) = ctx.resolve(from, link) else {
                continue;
            };
            if target.path == from.path {
                continue;
            }
            let stated = target.links.iter().any(|l| {
                l.kind == inverse && ctx.resolve(target, l).is_some_and(|t| t.path == from.path)
            });
            if stated {
                continue;
            }
            let verb = crate::parse::written_verb(inverse).unwrap_or_default();
            let mut diag = rule
                .report(
                    &target.path,
                    target.status.span.unwrap_or(target.title.span),
                    if inverse == LinkKind::SupersededBy {
                        format!("`{}` supersedes this record, but this record does not say `{verb}`", record_name(from))
                    } else {
                        format!("`{}` says this record supersedes it, but this record does not say `{verb}`", record_name(from))
                    },
                )
                .with_help(format!("add `{verb} [{}]({})` next to the status", link_text(from), relative_href(&target.path, &from.path)));
            diag.labels.push(Label {
                path: from.path.clone(),
                span: link.span,
                message: format!("stated in `{}`", file_name(&from.path)),
            });
            if let Some(edit) = reverse_link_edit(ctx.source(&target.path), target, from, verb) {
                diag.fix.push(edit);
            }
            out.push(diag);
        }
    }
}

/// An insertion after the target's status line, written the way that line is written: a bold
/// field, a bullet, or (in a `## Status` section) a paragraph. Front matter is left alone.
fn reverse_link_edit(src: &str, target: &Decision, from: &Decision, verb: &str) -> Option<Edit> {
    let span = target.status.span?;
    if span.end > src.len() || !src.is_char_boundary(span.end) || in_front_matter(src, span.end) {
        return None;
    }
    let line_start = src[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = src[span.end..]
        .find('\n')
        .map_or(src.len(), |i| span.end + i);
    let line = &src[line_start..line_end];
    let (line, eol) = match line.strip_suffix('\r') {
        Some(l) => (l, "\r\n"),
        None => (line, "\n"),
    };
    let at = line_start + line.len();
    let trimmed = line.trim_start();
    let indent = &line[..line.len() - trimmed.len()];
    let target_text = format!(
        "[{}]({})",
        link_text(from),
        relative_href(&target.path, &from.path)
    );
    let inserted = if trimmed.starts_with("**") {
        format!("{eol}{indent}**{verb}:** {target_text}")
    } else if let Some(marker) = ["* ", "- ", "+ "].iter().find(|m| trimmed.starts_with(**m)) {
        format!("{eol}{indent}{marker}{verb}: {target_text}")
    } else {
        format!("{eol}{eol}{verb} {target_text}")
    };
    Some(Edit {
        span: Span::new(at, at),
        replacement: inserted,
    })
}

fn in_front_matter(src: &str, offset: usize) -> bool {
    let Some(rest) = src.strip_prefix("---") else {
        return false;
    };
    rest.find("\n---").is_some_and(|close| offset <= close + 3)
}
