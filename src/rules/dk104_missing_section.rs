//! DK104 missing-section: a section the record's format requires is absent (Nygard: Context,
//! Decision, Consequences; MADR: Context and Problem Statement, Considered Options, Decision
//! Outcome). The lists are configurable per format in `[lint.required_sections]`; a name is
//! read as a section kind through the parser's vocabulary, so lint and model agree.

use super::{Check, LintContext, Rule};
use crate::diagnostics::{Code, Diagnostic};
use crate::model::{Decision, Format, SectionKind};
use crate::parse::{heading_key, section_heading, section_kind};

/// The registry entry.
pub(crate) static RULE: Rule = Rule {
    code: Code::MissingSection,
    check: Check::Record(check),
};

/// A section the record must have: a kind from the vocabulary, or, for a configured name that
/// names no kind, a heading with that title.
enum Required {
    Kind(SectionKind, String),
    Heading(String, String),
}

fn defaults(format: Format) -> &'static [SectionKind] {
    match format {
        Format::Nygard => &[
            SectionKind::Context,
            SectionKind::Decision,
            SectionKind::Consequences,
        ],
        Format::Madr | Format::Madr2 => &[
            SectionKind::Context,
            SectionKind::ConsideredOptions,
            SectionKind::Decision,
        ],
        Format::Log4brains | Format::Dr | Format::AdrBold => {
            &[SectionKind::Context, SectionKind::Decision]
        }
        Format::Freeform => &[],
    }
}

fn required(ctx: &LintContext<'_>, format: Format) -> Vec<Required> {
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
    match configured {
        Some(names) => names
            .iter()
            .map(|name| match section_kind(name) {
                SectionKind::Other => Required::Heading(name.clone(), heading_key(name)),
                kind => Required::Kind(kind, name.clone()),
            })
            .collect(),
        None => defaults(format)
            .iter()
            .map(|&kind| Required::Kind(kind, section_heading(kind, format).to_string()))
            .collect(),
    }
}

fn is_met(d: &Decision, required: &Required) -> bool {
    d.sections.iter().any(|s| match required {
        Required::Kind(kind, _) => s.kind == *kind,
        Required::Heading(_, key) => {
            let title = heading_key(&s.title);
            // A qualified heading counts too: `CI Platform Security Review`.
            title == *key
                || (key.contains(' ')
                    && title
                        .strip_suffix(key.as_str())
                        .is_some_and(|head| head.ends_with(' ')))
        }
    })
}

fn check(rule: &Rule, d: &Decision, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
    if ctx.source(&d.path).trim().is_empty() {
        return;
    }
    for req in required(ctx, d.format) {
        if !is_met(d, &req) {
            let (Required::Kind(_, name) | Required::Heading(name, _)) = &req;
            out.push(
                rule.report(
                    &d.path,
                    d.title.span,
                    format!("the {} record has no `{name}` section", d.format.as_str()),
                )
                .with_help(format!("add a `## {}` section", title_case(name))),
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
