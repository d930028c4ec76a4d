//! Writes a synthetic corpus of decision records for benchmarks:
//! `cargo run --release --example gen-corpus -- --n 1000 --seed 1 --out target/corpus [--mdbook]`.
//! The same `--n` and `--seed` always give the same files. With `--mdbook` the records go to
//! `OUT/src/records/` beside a `book.toml` and `src/SUMMARY.md`, so mdBook builds the same
//! records; without it they go straight into `OUT`.

// An example is a small program: it prints what it wrote.
#![allow(clippy::print_stdout, clippy::print_stderr)]

mod records;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

struct Args {
    n: usize,
    seed: u64,
    out: PathBuf,
    mdbook: bool,
}

const USAGE: &str = "usage: gen-corpus --n N [--seed S] --out DIR [--mdbook]";

fn parse_args() -> Result<Args, String> {
    let mut n = None;
    let mut seed = 1;
    let mut out = None;
    let mut mdbook = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--n" => n = Some(value("--n")?.parse().map_err(|e| format!("--n: {e}"))?),
            "--seed" => {
                seed = value("--seed")?
                    .parse()
                    .map_err(|e| format!("--seed: {e}"))?;
            }
            "--out" => out = Some(PathBuf::from(value("--out")?)),
            "--mdbook" => mdbook = true,
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    Ok(Args {
        n: n.ok_or("--n is required")?,
        seed,
        out: out.ok_or("--out is required")?,
        mdbook,
    })
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    docket::atomic_write::write_atomic_if_changed(path, text.as_bytes())
        .map(|_| ())
        .map_err(|e| format!("writing {}: {e}", path.display()))
}

/// What was written: records per style and bytes.
struct Written {
    styles: Vec<(records::Style, usize)>,
    bytes: usize,
}

fn generate(args: &Args) -> Result<Written, String> {
    let dir = if args.mdbook {
        args.out.join("src").join("records")
    } else {
        args.out.clone()
    };
    std::fs::create_dir_all(&dir).map_err(|e| format!("creating {}: {e}", dir.display()))?;
    let plans = records::plan(args.n, args.seed);
    let mut bytes = 0;
    let mut summary = String::from("# Summary\n\n");
    for (index, plan) in plans.iter().enumerate() {
        let text = records::record(&plans, index, args.seed);
        bytes += text.len();
        write(&dir.join(&plan.file), &text)?;
        let _ = writeln!(summary, "- [{}](records/{})", plan.title, plan.file);
    }
    if args.mdbook {
        write(
            &args.out.join("book.toml"),
            "[book]\ntitle = \"Generated decisions\"\nsrc = \"src\"\n",
        )?;
        write(&args.out.join("src").join("SUMMARY.md"), &summary)?;
    }
    let styles = records::Style::ALL
        .iter()
        .map(|&s| (s, plans.iter().filter(|p| p.style == s).count()))
        .collect();
    Ok(Written { styles, bytes })
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(args) => args,
        Err(err) => {
            eprintln!("error: {err}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match generate(&args) {
        Ok(written) => {
            let styles: Vec<String> = written
                .styles
                .iter()
                .map(|(s, n)| format!("{} {n}", s.name()))
                .collect();
            println!(
                "wrote {} records ({}; {} bytes) to {}",
                args.n,
                styles.join(", "),
                written.bytes,
                args.out.display()
            );
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::from(2)
        }
    }
}
