//! DK104 missing-section: a section the record's format requires is absent (Nygard: Context,
//! Decision, Consequences; MADR: Context and Problem Statement, Considered Options, Decision
//! Outcome). The lists are configurable per format in `[lint.required_sections]`.

use super::{Check, LintContext, Rule};
use crate::diagnostics::{Code, Diagnostic};
use crate::model::{Decision, Format};

/// The registry entry.
pub(crate) static RULE: Rule = Rule {
    code: Code::MissingSection,
    check: Check::Record(check),
};

/// Headings that stand for the same section; a required name is met by any of its group.
const ALIASES: &[&[&str]] = &[
    &[
        "context",
        "context and problem statement",
        "problem statement",
        "background",
        "context and problem",
        "the problem",
        "motivation",
        "context and motivation",
    ],
    &[
        "decision",
        "decision outcome",
        "the decision",
        "decision made",
        "our decision",
        "decision and rationale",
        "outcome",
    ],
    &[
        "considered options",
        "options considered",
        "alternatives considered",
        "considered alternatives",
        "options",
        "alternatives",
    ],
    &["consequences", "implications"],
];

fn defaults(format: Format) -> &'static [&'static str] {
    match format {
        Format::Nygard => &["context", "decision", "consequences"],
        Format::Madr | Format::Madr2 => &[
            "context and problem statement",
            "considered options",
            "decision outcome",
        ],
        Format::Log4brains => &["context and problem statement", "decision outcome"],
        Format::Dr | Format::AdrBold => &["context", "decision"],
        Format::Freeform => &[],
    }
}

fn required(ctx: &LintContext<'_>, format: Format) -> Vec<String> {
    let r = &ctx.config().required_sections;
    let configured = match format {
        Format::Dr => &r.dr,
        Format::AdrBold => &r.adr_bold,
        Format::Nygard => &r.nygard,
        Format::Madr2 => &r.madr2,
        Format::Madr => &r.madr,
        Format::Log4brains => &r.log4brains,
        Format::Freeform => &r.freeform,
    };
    configured
        .clone()
        .unwrap_or_else(|| defaults(format).iter().map(|s| (*s).to_string()).collect())
}

/// A heading lower-cased with numbering, a trailing colon and symbols removed.
pub(crate) fn heading_key(title: &str) -> String {
    let t = title
        .trim()
        .trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ')');
    let t: String = t
        .chars()
        .filter(|c| c.is_alphanumeric() || c.is_whitespace() || matches!(c, '-' | '/' | '&' | '\''))
        .collect();
    t.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn is_met(d: &Decision, name: &str) -> bool {
    let name = heading_key(name);
    let group = ALIASES.iter().find(|g| g.contains(&name.as_str()));
    d.sections.iter().any(|s| {
        let key = heading_key(&s.title);
        // A qualified heading counts too: `CI Platform Considered Options`.
        let names = |n: &str| key == n || (n.contains(' ') && key.ends_with(&format!(" {n}")));
        names(&name) || group.is_some_and(|g| g.iter().any(|n| names(n)))
    })
}

fn check(rule: &Rule, d: &Decision, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
    if ctx.source(&d.path).trim().is_empty() {
        return;
    }
    for name in required(ctx, d.format) {
        if !is_met(d, &name) {
            out.push(
                rule.report(
                    &d.path,
                    d.title.span,
                    format!("the {} record has no `{name}` section", d.format.as_str()),
                )
                .with_help(format!("add a `## {}` section", title_case(&name))),
            );
        }
    }
}

fn title_case(name: &str) -> String {
    let mut c = name.chars();
    c.next().map_or_else(String::new, |f| {
        f.to_uppercase().collect::<String>() + c.as_str()
    })
}
