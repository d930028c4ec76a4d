//! Renderers: pure functions from sorted findings and their texts to the text of one output
//! format. Printing and exit codes are the CLI's job.

mod github;
mod gitlab;
mod human;
mod json;
mod sarif;

pub use github::render_github;
pub use gitlab::render_gitlab;
pub use human::{HumanOptions, render_human};
pub use json::{JSON_VERSION, render_json};
pub use sarif::render_sarif;
