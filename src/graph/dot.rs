//! The graph as Graphviz DOT: records as boxes coloured by status, absent records dashed,
//! edges labelled with their relation, mentions dotted and grey. Strings are quoted and escaped, so any title is safe.

use std::fmt::Write;

use crate::model::{LinkKind, StatusKind};

use super::View;

/// Renders a view as a DOT `digraph`; the same view gives the same bytes.
#[must_use]
pub fn to_dot(view: &View) -> String {
    let mut out = String::from("digraph decisions {\n");
    out.push_str("  rankdir=LR;\n");
    out.push_str("  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fillcolor=\"#ffffff\"];\n");
    out.push_str("  edge [fontname=\"Helvetica\", fontsize=10];\n");
    for node in &view.nodes {
        let label = match (&node.title, node.status) {
            (Some(title), Some(status)) => {
                format!("{}\n{}\n({})", node.label, title, status.as_str())
            }
            _ => format!("{}\n(absent)", node.label),
        };
        let style = if node.absent {
            "style=\"rounded,dashed\", color=\"#888888\", fontcolor=\"#888888\"".to_string()
        } else {
            format!(
                "fillcolor=\"{}\"",
                fill(node.status.unwrap_or(StatusKind::Unknown))
            )
        };
        let _ = writeln!(out, "  {} [label={}, {}];", node.name, quote(&label), style);
    }
    for edge in &view.edges {
        let style = match edge.kind {
            LinkKind::Supersedes | LinkKind::SupersededBy => ", penwidth=2",
            LinkKind::Related => ", style=dashed, arrowhead=none",
            LinkKind::Mention => ", style=dotted, color=\"#888888\", fontcolor=\"#888888\"",
            _ => "",
        };
        let _ = writeln!(
            out,
            "  {} -> {} [label={}{}];",
            edge.from,
            edge.to,
            quote(edge.kind.as_str()),
            style
        );
    }
    out.push_str("}\n");
    out
}

fn fill(status: StatusKind) -> &'static str {
    match status {
        StatusKind::Accepted => "#d9f2d9",
        StatusKind::Proposed | StatusKind::Draft => "#fff4cc",
        StatusKind::Superseded | StatusKind::Deprecated => "#e6e6e6",
        StatusKind::Rejected => "#f8d7da",
        StatusKind::Unknown => "#ffffff",
    }
}

/// A DOT double-quoted string: `"` and `\` escaped, line breaks as `\n`, control characters
/// dropped.
fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::quote;

    #[test]
    fn quotes_escape() {
        assert_eq!(quote("a \"b\" \\ c\nd\r"), "\"a \\\"b\\\" \\\\ c\\nd\"");
    }
}
