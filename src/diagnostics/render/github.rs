//! The GitHub Actions format: one workflow command per finding
//! (`::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`), escaped as the
//! runner expects so that `%`, line breaks, `,` and `:` survive.

use std::fmt::Write;

use crate::diagnostics::{Diagnostic, Severity, SourceMap};

/// Escapes a command's message: `%`, `\r` and `\n`.
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value: the message escapes plus `:` and `,`.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// Renders findings as GitHub workflow commands, one per line.
#[must_use]
pub fn render_github(diagnostics: &[Diagnostic], sources: &SourceMap) -> String {
    let mut out = String::new();
    for d in diagnostics {
        let level = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let (start, end) = sources.range(&d.path, d.span);
        let mut message = d.message.clone();
        if let Some(help) = &d.help {
            let _ = write!(message, "\nhelp: {help}");
        }
        let _ = writeln!(
            out,
            "::{level} file={},line={},col={},endLine={},endColumn={},title={}::{}",
            escape_property(&d.path),
            start.line,
            start.column,
            end.line,
            end.column,
            escape_property(&format!("{} {}", d.code, d.name)),
            escape_data(&message)
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_table() {
        let rows = [
            ("percent first", "100%\n", "100%25%0A", "100%25%0A"),
            ("carriage return", "a\r\nb", "a%0D%0Ab", "a%0D%0Ab"),
            (
                "colon and comma in properties",
                "a:b,c",
                "a:b,c",
                "a%3Ab%2Cc",
            ),
            (
                "already escaped text stays literal",
                "%3A",
                "%253A",
                "%253A",
            ),
        ];
        for (name, raw, data, property) in rows {
            assert_eq!(escape_data(raw), data, "{name}");
            assert_eq!(escape_property(raw), property, "{name}");
        }
    }
}
