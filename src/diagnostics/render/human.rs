//! The human format: `severity[CODE] message`, `--> file:line:col`, the source line with a
//! caret span, labels and help, then summary counts. Colour only when the caller asks.

use std::fmt::Write;

use crate::diagnostics::{Diagnostic, Severity, SourceMap, Summary};

/// Choices for the human format.
#[derive(Debug, Clone, Copy, Default)]
pub struct HumanOptions {
    /// Emit ANSI colours (the CLI sets this only on a terminal).
    pub color: bool,
}

struct Paint(bool);

impl Paint {
    fn wrap(&self, code: &str, text: &str) -> String {
        if self.0 {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
}

fn severity_colour(s: Severity) -> &'static str {
    match s {
        Severity::Error => "1;31",
        Severity::Warning => "1;33",
        Severity::Info => "1;36",
    }
}

/// Renders findings for a terminal or a log.
#[must_use]
pub fn render_human(
    diagnostics: &[Diagnostic],
    sources: &SourceMap,
    options: HumanOptions,
) -> String {
    let paint = Paint(options.color);
    let mut out = String::new();
    for d in diagnostics {
        render_one(&mut out, d, sources, &paint);
        out.push('\n');
    }
    out.push_str(&summary_line(diagnostics, &paint));
    out
}

fn render_one(out: &mut String, d: &Diagnostic, sources: &SourceMap, paint: &Paint) {
    let colour = severity_colour(d.severity);
    let _ = writeln!(
        out,
        "{}{} {}",
        paint.wrap(colour, &format!("{}[{}]", d.severity.as_str(), d.code)),
        paint.wrap("1", ":"),
        paint.wrap("1", &visible(&d.message))
    );
    let (start, end) = sources.range(&d.path, d.span);
    let gutter = " ".repeat(start.line.to_string().len());
    let _ = writeln!(
        out,
        "{gutter}{} {}:{}:{}",
        paint.wrap("1;34", "-->"),
        d.path,
        start.line,
        start.column
    );
    if sources.text(&d.path).is_some_and(|t| !t.is_empty()) {
        let line = visible(&sources.line_text(&d.path, start.line).replace('\t', " "));
        let width = line.chars().count();
        let last = if end.line == start.line {
            end.column
        } else {
            width + 1
        };
        let carets = last.saturating_sub(start.column).max(1);
        let (line, column, carets) = excerpt_window(&line, start.column - 1, carets);
        let bar = paint.wrap("1;34", "|");
        let _ = writeln!(out, "{gutter} {bar}");
        let _ = writeln!(
            out,
            "{} {bar} {line}",
            paint.wrap("1;34", &start.line.to_string())
        );
        let _ = writeln!(
            out,
            "{gutter} {bar} {}{}",
            " ".repeat(column),
            paint.wrap(colour, &"^".repeat(carets))
        );
    }
    for label in &d.labels {
        let at = sources.line_col(&label.path, label.span.start);
        let _ = writeln!(
            out,
            "{gutter} = note: {} ({}:{}:{})",
            label.message, label.path, at.line, at.column
        );
    }
    if let Some(help) = &d.help {
        let _ = writeln!(out, "{gutter} = {}: {help}", paint.wrap("1", "help"));
    }
    if !d.fix.is_empty() {
        let _ = writeln!(out, "{gutter} = fix available: run `docket lint --fix`");
    }
}

/// Text from a record with its control characters (an escape sequence in a binary file or a
/// hostile record) shown as `�`, so printing a finding cannot drive the terminal.
fn visible(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { '\u{fffd}' } else { c })
        .collect()
}

/// The longest excerpt line shown, in characters.
const EXCERPT_WIDTH: usize = 160;

/// The part of an excerpt line shown, with the carets' start (0-based) and count in it. A line
/// longer than [`EXCERPT_WIDTH`] (minified text, a binary file read as a record) is cut to a
/// window from a little before the span, marked with `…`, so one finding cannot print
/// megabytes.
fn excerpt_window(line: &str, column: usize, carets: usize) -> (String, usize, usize) {
    let width = line.chars().count();
    if width <= EXCERPT_WIDTH {
        return (line.to_string(), column, carets);
    }
    let from = column.saturating_sub(20).min(width - EXCERPT_WIDTH);
    let to = from + EXCERPT_WIDTH;
    let mut shown: String = line.chars().skip(from).take(EXCERPT_WIDTH).collect();
    let mut column = column - from;
    if from > 0 {
        shown.insert(0, '…');
        column += 1;
    }
    if to < width {
        shown.push('…');
    }
    let carets = carets.min(to.saturating_sub(from + column).max(1));
    (shown, column, carets)
}

fn summary_line(diagnostics: &[Diagnostic], paint: &Paint) -> String {
    let s = Summary::of(diagnostics);
    if diagnostics.is_empty() {
        return "no findings\n".to_string();
    }
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let fixable = diagnostics.iter().filter(|d| !d.fix.is_empty()).count();
    let mut line = format!(
        "{}, {}, {} in {}",
        paint.wrap(
            severity_colour(Severity::Error),
            &plural(s.errors, "error", "errors")
        ),
        paint.wrap(
            severity_colour(Severity::Warning),
            &plural(s.warnings, "warning", "warnings")
        ),
        paint.wrap(
            severity_colour(Severity::Info),
            &plural(s.infos, "info", "infos")
        ),
        plural(s.files, "file", "files"),
    );
    if fixable > 0 {
        let _ = write!(line, " ({fixable} fixable with `docket lint --fix`)");
    }
    line.push('\n');
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_are_cut_around_the_span() {
        let line = format!("{}TARGET{}", "a".repeat(10_000), "b".repeat(10_000));
        let (shown, column, carets) = excerpt_window(&line, 10_000, 6);
        assert_eq!(shown.chars().count(), EXCERPT_WIDTH + 2);
        assert!(shown.starts_with('…') && shown.ends_with('…'));
        let at: String = shown.chars().skip(column).take(carets).collect();
        assert_eq!(at, "TARGET");
        assert_eq!(excerpt_window("short", 1, 2), ("short".to_string(), 1, 2));
    }

    #[test]
    fn control_characters_are_not_printed() {
        assert_eq!(visible("a\u{1b}[31mb\u{7}"), "a\u{fffd}[31mb\u{fffd}");
    }
}
