//! A progress bar on stderr while records are read: only in a terminal, never in CI (`CI`
//! set), under `-q`, or when stderr is a pipe or a file, and only once a load has taken
//! longer than a moment, so short runs print nothing.

use std::io::{IsTerminal, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use docket::corpus::Progress;

/// Draws while alive; dropping it stops the drawing and clears the line.
pub(crate) struct Bar {
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

/// How long a load runs before the bar appears.
const QUIET_FOR: Duration = Duration::from_millis(400);
const WIDTH: usize = 30;

/// Whether a bar may be drawn here.
fn wanted() -> bool {
    std::io::stderr().is_terminal()
        && std::env::var_os("CI").is_none_or(|v| v.is_empty() || v == "false" || v == "0")
        && !super::output::settings().quiet
}

/// One line of the bar: `reading records [######------] 1234/10000`.
fn line(done: usize, total: usize) -> String {
    let filled = (done * WIDTH).checked_div(total).unwrap_or(0).min(WIDTH);
    format!(
        "reading records [{}{}] {done}/{total}",
        "#".repeat(filled),
        "-".repeat(WIDTH - filled)
    )
}

impl Bar {
    /// Starts drawing `progress` (when a bar is wanted) and returns the guard.
    pub(crate) fn start(progress: &Arc<Progress>) -> Bar {
        let stop = Arc::new(AtomicBool::new(false));
        let thread = wanted().then(|| {
            let stop = Arc::clone(&stop);
            let progress = Arc::clone(progress);
            std::thread::spawn(move || {
                let started = Instant::now();
                let mut drawn = false;
                while !stop.load(Ordering::Relaxed) {
                    std::thread::sleep(Duration::from_millis(100));
                    let (done, total) = progress.get();
                    if started.elapsed() < QUIET_FOR || total == 0 {
                        continue;
                    }
                    let mut err = std::io::stderr().lock();
                    let _ = write!(err, "\r{}", line(done, total));
                    let _ = err.flush();
                    drawn = true;
                }
                if drawn {
                    let mut err = std::io::stderr().lock();
                    let _ = write!(err, "\r{}\r", " ".repeat(WIDTH + 40));
                    let _ = err.flush();
                }
            })
        });
        Bar { stop, thread }
    }
}

impl Drop for Bar {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::line;

    #[test]
    fn the_bar_fills_with_the_count() {
        assert_eq!(
            line(0, 10),
            format!("reading records [{}] 0/10", "-".repeat(30))
        );
        assert!(line(5, 10).contains(&format!("{}{}", "#".repeat(15), "-".repeat(15))));
        assert!(line(10, 10).contains(&"#".repeat(30)));
        assert!(line(3, 0).ends_with("3/0"));
    }
}
