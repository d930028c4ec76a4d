//! The floor docket's timings are measured against: what reading and parsing a folder of
//! markdown with pulldown-cmark alone costs (`floor parse DIR`), and what rendering each file
//! to HTML and writing one page per file costs (`floor render DIR OUT`). Files are handled in
//! parallel with rayon, on as many threads as docket uses.

// A measuring tool, not docket: it runs pulldown-cmark and writes files directly.
#![allow(
    clippy::disallowed_types,
    clippy::disallowed_methods,
    clippy::print_stdout,
    clippy::print_stderr
)]

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use pulldown_cmark::{Options, Parser};
use rayon::prelude::*;

/// The markdown files under `dir`, sorted.
fn markdown_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(walkdir::DirEntry::into_path)
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    files.sort();
    files
}

/// The options docket parses with.
fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES
}

/// Reads and parses every file; returns the number of events seen.
fn parse(dir: &Path) -> std::io::Result<usize> {
    markdown_files(dir)
        .par_iter()
        .map(|file| {
            let text = std::fs::read_to_string(file)?;
            Ok(Parser::new_ext(&text, options()).into_offset_iter().count())
        })
        .sum()
}

/// Reads, renders and writes every file as `OUT/<stem>.html`; returns the bytes written.
fn render(dir: &Path, out: &Path) -> std::io::Result<usize> {
    std::fs::create_dir_all(out)?;
    markdown_files(dir)
        .par_iter()
        .map(|file| {
            let text = std::fs::read_to_string(file)?;
            let mut html = String::with_capacity(text.len() * 3 / 2);
            pulldown_cmark::html::push_html(&mut html, Parser::new_ext(&text, options()));
            let name = file.file_stem().unwrap_or_default().to_string_lossy();
            std::fs::write(out.join(format!("{name}.html")), &html)?;
            Ok(html.len())
        })
        .sum()
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["parse", dir] => parse(Path::new(dir)).map(|n| format!("{n} events")),
        ["render", dir, out] => {
            render(Path::new(dir), Path::new(out)).map(|n| format!("{n} bytes of HTML"))
        }
        _ => {
            eprintln!("usage: floor parse DIR | floor render DIR OUT");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(summary) => {
            println!("{summary}");
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::from(2)
        }
    }
}
