//! The library's failure type: docket could not do its job (as opposed to findings in records,
//! which are [`Diagnostic`](crate::diagnostics::Diagnostic)s).

use std::path::PathBuf;

/// A failure that stops a command.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A path given on the command line does not exist.
    #[error("path `{}` does not exist", path.display())]
    MissingPath {
        /// The path.
        path: PathBuf,
    },
    /// A file or directory could not be read or written.
    #[error("cannot access `{}`", path.display())]
    Io {
        /// The path.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// `docket.toml` is invalid.
    #[error("invalid config `{}` at line {line}, column {column}: {message}", path.display())]
    Config {
        /// The config file.
        path: PathBuf,
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column of the problem.
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// A glob in the config does not compile.
    #[error("invalid ignore pattern `{pattern}`")]
    Glob {
        /// The pattern.
        pattern: String,
        /// The cause.
        #[source]
        source: globset::Error,
    },
    /// A git command failed (`--changed-since`).
    #[error("`git {command}` failed: {message}")]
    Git {
        /// The arguments after `git`.
        command: String,
        /// What git said, or why it could not run.
        message: String,
    },
    /// A command-line value is invalid.
    #[error("invalid {what} `{value}`: {message}")]
    InvalidValue {
        /// What the value is for (`--today`).
        what: String,
        /// The value given.
        value: String,
        /// What is wrong.
        message: String,
    },
    /// Serialising output failed.
    #[error("cannot serialise output")]
    Json(#[from] serde_json::Error),
    /// `docket build` will not write to the output folder.
    #[error("refusing to write the site to `{}`: {reason}", path.display())]
    SiteOutput {
        /// The output folder.
        path: PathBuf,
        /// Why not.
        reason: String,
    },
    /// A site template does not compile or fails to render.
    #[error("template `{name}`: {message}")]
    Template {
        /// The template's name (`record.html`).
        name: String,
        /// What went wrong, with its causes.
        message: String,
    },
    /// `docket serve` cannot listen on the address asked for.
    #[error("cannot listen on {address}: {message}")]
    Listen {
        /// The address (`127.0.0.1:3000`).
        address: String,
        /// Why not.
        message: String,
    },
    /// `docket new` or `docket init` would replace a file that exists.
    #[error("`{}` already exists", path.display())]
    Exists {
        /// The file.
        path: PathBuf,
    },
    /// An edit in place (`docket status`, `rename`, …) cannot be made; nothing was written.
    #[error("cannot edit `{}`: {message}", path.display())]
    Edit {
        /// The record.
        path: PathBuf,
        /// Why not.
        message: String,
    },
}

/// The library's result type.
pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    /// A Tera error (site or record template) with its causes on one line.
    pub(crate) fn from_template(name: &str, err: &tera::Error) -> Error {
        let mut message = err.to_string();
        let mut source = std::error::Error::source(err);
        while let Some(cause) = source {
            message.push_str(": ");
            message.push_str(&cause.to_string());
            source = cause.source();
        }
        Error::Template {
            name: name.to_string(),
            message,
        }
    }
}
