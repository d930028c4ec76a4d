//! Decoding a file's bytes: UTF-8, with invalid bytes replaced and reported.

use std::borrow::Cow;

use crate::diagnostics::{Code, Diagnostic};
use crate::model::Span;

/// Decodes bytes as UTF-8; invalid sequences become U+FFFD and one finding points at the first.
#[must_use]
pub fn decode_source(bytes: &[u8], path: &str) -> (String, Vec<Diagnostic>) {
    match String::from_utf8_lossy(bytes) {
        Cow::Borrowed(text) => (text.to_string(), Vec::new()),
        Cow::Owned(text) => {
            let valid =
                std::str::from_utf8(bytes).map_or_else(|e| e.valid_up_to(), |_| bytes.len());
            // Offsets are into the decoded text, which matches the bytes up to the first error.
            let bom = text.len() - crate::parse::strip_bom(&text).len();
            let at = valid.saturating_sub(bom);
            let d = Diagnostic::new(
Code::InvalidUtf8,
                path,
                Span::new(at, at + '\u{fffd}'.len_utf8()),
                format!("the file is not valid UTF-8 (first bad byte `0x{:02X}`); invalid bytes were replaced", bytes[valid]),
            )
            .with_help("save the file as UTF-8");
            (text, vec![d])
        }
    }
}
