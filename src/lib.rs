//! docket parses architecture and hosting decision records (ADRs, DRs) written in markdown into
//! a structured model, in every shape found in real repositories: DR-style bold metadata,
//! Nygard / adr-tools, MADR 2–4, log4brains and freeform records.
//!
//! ```
//! use docket::parse::parse_record;
//! use docket::model::StatusKind;
//!
//! let text = "# DR-001: Backend Hosting\n\n**Status:** ✅ **Accepted**\n\n\
//!             ### Option 1: Render (SELECTED)\n\n### Option 2: Railway\n";
//! let decision = parse_record(text, "DR-001.md").decision;
//! assert_eq!(decision.id.unwrap().raw, "DR-001");
//! assert_eq!(decision.status.kind, StatusKind::Accepted);
//! assert_eq!(decision.status.raw, "✅ **Accepted**");
//! assert_eq!(decision.chosen.unwrap().name, "Render");
//! ```

pub mod atomic_write;
pub mod authoring;
pub mod changes;
pub mod config;
pub mod corpus;
pub mod diagnostics;
pub mod error;
pub mod export;
pub mod graph;
pub mod interop;
pub mod model;
pub mod parse;
pub mod rules;
pub mod score;
pub mod site;
pub mod workspace;

pub use corpus::Corpus;
pub use error::{Error, Result};
pub use model::Decision;
pub use parse::{Parsed, parse_record};
