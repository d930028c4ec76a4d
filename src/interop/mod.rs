//! Other tools' formats: the JSON-ADR interchange file adrs reads and writes, and mdBook's
//! preprocessor protocol. Both read the workspace's model and graph, never the markdown.

pub mod json_adr;
pub mod mdbook;
