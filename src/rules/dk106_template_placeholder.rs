//! DK106 template-placeholder: text a template left for the author (`{title}`, `TODO`,
//! `TBD`, a section holding only a `<!-- … -->` comment).

use super::{Check, LintContext, Rule};
use crate::diagnostics::{Code, Diagnostic};
use crate::model::{Decision, Span};

/// The registry entry.
pub(crate) static RULE: Rule = Rule {
    code: Code::TemplatePlaceholder,
    check: Check::Record(check),
};

/// The first placeholder in a plain text: `{words}`, or `TODO`/`TBD`/`FIXME` as a word.
pub(crate) fn find_placeholder(text: &str) -> Option<&str> {
    let mut best: Option<(usize, &str)> = None;
    let mut from = 0;
    while let Some(open) = text[from..].find('{').map(|i| i + from) {
        let Some(close) = text[open..].find('}').map(|i| i + open) else {
            break;
        };
        let inner = &text[open + 1..close];
        let prose = inner.len() >= 3
            && inner.starts_with(|c: char| c.is_alphabetic())
            && inner
                .chars()
                .all(|c| c.is_alphanumeric() || " ,./'-…|()".contains(c))
            && !text[..open].ends_with(['$', '{', '%', '#']);
        if prose {
            best = Some((open, &text[open..=close]));
            break;
        }
        from = open + 1;
    }
    for word in ["TODO", "TBD", "FIXME"] {
        let mut from = 0;
        while let Some(at) = text[from..].find(word).map(|i| i + from) {
            let end = at + word.len();
            let bounded = !text[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_')
                && !text[end..].starts_with(|c: char| c.is_alphanumeric() || c == '_');
            if bounded {
                if best.is_none_or(|(b, _)| at < b) {
                    best = Some((at, word));
                }
                break;
            }
            from = end;
        }
    }
    best.map(|(_, s)| s)
}

/// Where `needle` first appears inside `within`, as a span; `within` itself when it does not.
fn locate(src: &str, within: Span, needle: &str) -> Span {
    within.slice(src).find(needle).map_or(within, |i| {
        Span::new(within.start + i, within.start + i + needle.len())
    })
}

fn check(rule: &Rule, d: &Decision, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
    let src = ctx.source(&d.path);
    if let Some(p) = find_placeholder(&d.title.text) {
        out.push(
            rule.report(
                &d.path,
                locate(src, d.title.span, p),
                format!("the title still holds the placeholder `{p}`"),
            )
            .with_help("replace the placeholder with the record's title"),
        );
    }
    for (i, s) in d.sections.iter().enumerate() {
        let body = Span::new(s.span.end, s.body_span.end);
        if let Some(p) = find_placeholder(&s.content.text) {
            out.push(
                rule.report(
                    &d.path,
                    locate(src, body, p),
                    format!("section `{}` still holds the placeholder `{p}`", s.title),
                )
                .with_help("write the text the placeholder asks for, or remove it"),
            );
        } else if s.level >= 2
            && s.content.blocks == 0
            && s.content.comments > 0
            && !d.has_subsections(i)
        {
            out.push(
                rule.report(
                    &d.path,
                    s.span,
                    format!("section `{}` holds only a template comment", s.title),
                )
                .with_help("write the section or remove it"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::find_placeholder;

    #[test]
    fn placeholders_table() {
        let rows = [
            (
                "madr braces",
                "{short title of solved problem}",
                Some("{short title of solved problem}"),
            ),
            ("todo word", "We will TODO: decide", Some("TODO")),
            ("tbd word", "Cost: TBD", Some("TBD")),
            ("json is not a placeholder", "{\"status\": \"ok\"}", None),
            ("template literal", "${name}", None),
            ("todo inside a word", "TODOS and mastodon", None),
            ("lower-case todo", "a todo list app", None),
            ("earliest wins", "TBD then {option 1}", Some("TBD")),
        ];
        for (name, text, want) in rows {
            assert_eq!(find_placeholder(text), want, "{name}");
        }
    }
}
