//! DK106 template-placeholder: text a template left for the author (`{short title of solved
//! problem}`, `TODO`, `TBD`, a section holding only a `<!-- … -->` comment). Code spans and
//! code blocks are not searched: the parser leaves them out of the section text.

use super::{Check, LintContext, Rule};
use crate::diagnostics::{Code, Diagnostic};
use crate::model::{Decision, Span};

/// The registry entry.
pub(crate) static RULE: Rule = Rule {
    code: Code::TemplatePlaceholder,
    check: Check::Record(check),
};

/// The first placeholder in a plain text: a template's brace group (see [`is_placeholder`]),
/// or `TODO`/`TBD`/`FIXME` as a word.
pub(crate) fn find_placeholder(text: &str) -> Option<&str> {
    let mut best: Option<(usize, &str)> = None;
    let mut from = 0;
    while let Some(open) = text[from..].find('{').map(|i| i + from) {
        let Some(close) = text[open..].find('}').map(|i| i + open) else {
            break;
        };
        // `${var}`, `{{mustache}}`, `%{x}`, `#{x}`: template-engine syntax, not a prompt.
        let engine = text[..open].ends_with(['$', '{', '%', '#']);
        if !engine && is_placeholder(&text[open + 1..close]) {
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

/// Whether the text between braces is a template's prompt to its author: several words of
/// prose, as MADR and Nygard-style templates write them (`{short title of solved problem}`,
/// `{describe context}`, `{ADR Number}`, `{proposed | accepted}`). Code and notation are
/// not: a single word (`{json}`, EBNF `{Clause}`), code punctuation (`{ "a": 1 }`,
/// `{x = 1}`), code names (`{styles.heading}`, `{teamId}`) and lists of names
/// (`{ colors, spacing }`).
fn is_placeholder(inner: &str) -> bool {
    let inner = inner.trim();
    let prose_chars = inner
        .chars()
        .all(|c| c.is_alphanumeric() || c.is_whitespace() || ",./'-…|()?;&".contains(c));
    if !inner.starts_with(char::is_alphabetic) || !prose_chars {
        return false;
    }
    let words: Vec<&str> = inner
        .split_whitespace()
        .filter(|w| w.contains(char::is_alphanumeric))
        .collect();
    let name_list = inner.contains(',')
        && inner
            .split(',')
            .all(|part| part.split_whitespace().count() <= 1);
    words.len() >= 2 && !name_list && !words.iter().any(|w| is_code_name(w))
}

/// A word written as code: camelCase starting lower-case (`fontSize`, `teamId`) or dotted
/// names (`styles.heading`, `React.ReactNode`); `e.g.` and `k.o.` are prose.
fn is_code_name(word: &str) -> bool {
    let word = word.trim_matches(|c: char| !c.is_alphanumeric());
    let camel = word.starts_with(|c: char| c.is_lowercase()) && word.contains(char::is_uppercase);
    let dotted = word
        .split('.')
        .collect::<Vec<_>>()
        .windows(2)
        .any(|w| w[0].len() >= 2 && w[1].len() >= 2);
    camel || dotted
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
            (
                "madr prompt with e.g.",
                "{decision driver 1, e.g., a force, facing concern, …}",
                Some("{decision driver 1, e.g., a force, facing concern, …}"),
            ),
            (
                "capitalised prompt",
                "Number: {ADR Number}",
                Some("{ADR Number}"),
            ),
            (
                "status choices",
                "{proposed | accepted}",
                Some("{proposed | accepted}"),
            ),
            ("todo word", "We will TODO: decide", Some("TODO")),
            ("tbd word", "Cost: TBD", Some("TBD")),
            ("json is not a placeholder", "{\"status\": \"ok\"}", None),
            ("one word is notation", "send {json} to {endpoint}", None),
            ("ebnf repetition", "Query = Clause {Clause} ;", None),
            ("ebnf with quotes", "List = Item { \",\" Item } ;", None),
            ("template literal", "${name}", None),
            ("mustache", "render {{ user name }} here", None),
            ("object literal", "{ a: 1, b: 2 }", None),
            ("list of names", "import { colors, spacing, radius }", None),
            ("dotted name", "{ styles.heading }", None),
            ("camel case", "{ teamId guid }", None),
            ("todo inside a word", "TODOS and mastodon", None),
            ("lower-case todo", "a todo list app", None),
            ("numbered prompt", "Pick {option 1}", Some("{option 1}")),
            ("earliest wins", "TBD then {option 1}", Some("TBD")),
        ];
        for (name, text, want) in rows {
            assert_eq!(find_placeholder(text), want, "{name}");
        }
    }
}
