//! File and folder names of a repository: the files beside records that are not records
//! (READMEs, project files, templates), the folders records are usually kept in, and the
//! files ADR tools write to say where their records are.

/// File names (lower case, extension removed) that are never records: indexes, the project
/// files GitHub looks for, and empty templates.
const NOT_RECORD_STEMS: &[&str] = &[
    "readme",
    "index",
    "decision-log",
    "adr-log",
    "changelog",
    "contributing",
    "code_of_conduct",
    "code-of-conduct",
    "license",
    "licence",
    "security",
    "empty-adr",
];

/// File names (lower case, extension removed) that make their folder a record when the
/// folder is numbered or dated (`2025-01-17-key-management/README.md`): one decision per
/// folder, the other files beside it being its attachments.
pub(crate) const FOLDER_RECORD_STEMS: &[&str] = &["readme", "index"];

/// How template file names start (`template-lite.md`, `adr-template-bare.md`).
const TEMPLATE_PREFIXES: &[&str] = &["template-", "template_", "adr-template", "adr_template"];

/// How template file names end (`template.md`, `_TEMPLATE.md`, `my-template.md`).
const TEMPLATE_SUFFIX: &str = "template";

/// Whether a file name is never a record: `README.md`, `index.md`, decision-log indexes,
/// `CHANGELOG.md`, `CONTRIBUTING.md`, `CODE_OF_CONDUCT.md`, `LICENSE.md`, `SECURITY.md`, and
/// templates (`template.md`, `template-*.md`, `adr-template*.md`, `*template.md`,
/// `EMPTY-ADR.md`). `0007-slim-template-framework.md` is a record.
pub(crate) fn is_not_record_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    let stem = lower.rsplit_once('.').map_or(lower.as_str(), |(s, _)| s);
    NOT_RECORD_STEMS.contains(&stem)
        || TEMPLATE_PREFIXES.iter().any(|p| stem.starts_with(p))
        || stem.ends_with(TEMPLATE_SUFFIX)
}

/// Whether a file name is a folder's index page (`README.md`, `index.md`), which holds the
/// record when each record is a folder of its own.
pub(crate) fn is_folder_record_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    let stem = lower.rsplit_once('.').map_or(lower.as_str(), |(s, _)| s);
    FOLDER_RECORD_STEMS.contains(&stem)
}

/// Folders records are usually kept in, relative to a repository root, the most common
/// first (counted over public repositories by where adr-tools' and MADR's first record
/// lies). Matched without regard to case.
pub(crate) const RECORD_FOLDERS: &[&str] = &[
    "docs/adr",
    "doc/adr",
    "docs/architecture/decisions",
    "doc/architecture/decisions",
    "adr",
    "docs/adrs",
    "doc/adrs",
    "docs/architecture/adr",
    "doc/architecture/adr",
    "docs/decisions",
    "doc/decisions",
    "decisions",
    "docs/architecture-decisions",
    "adrs",
    "architecture/decisions",
    "docs/architecture-decision-records",
    "architecture-decision-records",
    "architecture-decision-record",
];

/// adr-tools' marker: one line naming the records folder, relative to the repository root.
pub(crate) const ADR_TOOLS_FILE: &str = ".adr-dir";

/// The `adrs` tool's config: `adr_dir = "doc/adr"`, relative to the repository root.
pub(crate) const ADRS_FILE: &str = "adrs.toml";

/// The key of [`ADRS_FILE`] naming the records folder.
pub(crate) const ADRS_DIR_KEY: &str = "adr_dir";

/// The folder `adrs` uses when its config names none.
pub(crate) const ADRS_DEFAULT_DIR: &str = "doc/adr";

/// log4brains' config: `project.adrFolder`, and `project.packages[].adrFolder` for each
/// package of a monorepo.
pub(crate) const LOG4BRAINS_FILE: &str = ".log4brains.yml";

/// The keys of [`LOG4BRAINS_FILE`]: the project, its records folder and its packages.
pub(crate) const LOG4BRAINS_KEYS: (&str, &str, &str) = ("project", "adrFolder", "packages");
