//! Record texts by path with a line index, for turning byte spans into 1-based lines and columns.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::model::Span;

/// A 1-based line and column; columns count characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct LineCol {
    /// Line, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub column: usize,
}

#[derive(Debug, Clone)]
struct SourceFile {
    text: String,
    line_starts: Vec<usize>,
}

/// The texts the parser saw, keyed by path.
#[derive(Debug, Clone, Default)]
pub struct SourceMap {
    files: BTreeMap<String, SourceFile>,
}

impl SourceMap {
    /// An empty map.
    #[must_use]
    pub fn new() -> Self {
        SourceMap::default()
    }

    /// Adds (or replaces) a file's text.
    pub fn insert(&mut self, path: &str, text: String) {
        let mut line_starts = vec![0];
        line_starts.extend(
            text.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i + 1),
        );
        self.files
            .insert(path.to_string(), SourceFile { text, line_starts });
    }

    /// The text of a file.
    #[must_use]
    pub fn text(&self, path: &str) -> Option<&str> {
        self.files.get(path).map(|f| f.text.as_str())
    }

    /// The line and column of a byte offset; CRLF counts as one break.
    #[must_use]
    pub fn line_col(&self, path: &str, offset: usize) -> LineCol {
        let Some(file) = self.files.get(path) else {
            return LineCol { line: 1, column: 1 };
        };
        let offset = floor_char_boundary(&file.text, offset.min(file.text.len()));
        let line = file.line_starts.partition_point(|&s| s <= offset);
        let start = file.line_starts[line - 1];
        let column = file.text[start..offset]
            .trim_end_matches('\r')
            .chars()
            .count()
            + 1;
        LineCol { line, column }
    }

    /// The text of the 1-based line, without its line break.
    #[must_use]
    pub fn line_text(&self, path: &str, line: usize) -> &str {
        let Some(file) = self.files.get(path) else {
            return "";
        };
        let Some(&start) = file.line_starts.get(line.wrapping_sub(1)) else {
            return "";
        };
        let end = file
            .line_starts
            .get(line)
            .map_or(file.text.len(), |&next| next - 1);
        file.text[start..end.max(start)].trim_end_matches('\r')
    }

    /// Start and end positions of a span.
    #[must_use]
    pub fn range(&self, path: &str, span: Span) -> (LineCol, LineCol) {
        (
            self.line_col(path, span.start),
            self.line_col(path, span.end),
        )
    }
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crlf_counts_as_one_break_and_columns_count_chars() {
        let mut map = SourceMap::new();
        map.insert("a.md", "ab\r\n✅x\r\nlast".to_string());
        assert_eq!(map.line_col("a.md", 0), LineCol { line: 1, column: 1 });
        assert_eq!(map.line_col("a.md", 2), LineCol { line: 1, column: 3 });
        // "✅" is three bytes; "x" is the second character of line 2.
        assert_eq!(map.line_col("a.md", 7), LineCol { line: 2, column: 2 });
        assert_eq!(map.line_text("a.md", 2), "✅x");
        assert_eq!(map.line_col("a.md", 99), LineCol { line: 3, column: 5 });
    }
}
