//! Bytes → model: decoding and parsing any file never panics, and every span lands on the text.
#![no_main]

use docket::corpus::decode_source;
use docket::parse::{ParseOptions, parse_record_with};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let (text, _) = decode_source(bytes, "fuzz.md");
    let parsed = parse_record_with(
        &text,
        "fuzz.md",
        ParseOptions {
            html: true,
            ..ParseOptions::default()
        },
    );
    let body = docket::parse::strip_bom(&text);
    for d in &parsed.diagnostics {
        assert!(d.span.start <= d.span.end && d.span.end <= body.len());
        assert!(body.is_char_boundary(d.span.start) && body.is_char_boundary(d.span.end));
    }
    serde_json::to_string(&parsed.decision).expect("the model always serialises");
});
