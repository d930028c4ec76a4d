//! The graph as a Mermaid `flowchart`, mentions as dotted arrows. Labels are quoted and every
//! character outside a plain set is written as a Mermaid entity (`#35;`), so quotes, brackets
//! or `#` in a title cannot break the chart.

use std::fmt::Write;

use crate::model::StatusKind;

use super::View;

/// Renders a view as a Mermaid `flowchart LR`; the same view gives the same bytes.
#[must_use]
pub fn to_mermaid(view: &View) -> String {
    let mut out = String::from("flowchart LR\n");
    for node in &view.nodes {
        let label = match (&node.title, node.status) {
            (Some(title), Some(status)) => {
                format!(
                    "{}: {}<br/>{}",
                    escape(&node.label),
                    escape(title),
                    status.as_str()
                )
            }
            _ => format!("{}<br/>absent", escape(&node.label)),
        };
        let _ = writeln!(out, "  {}[\"{}\"]", node.name, label);
    }
    for edge in &view.edges {
        // A mention is drawn dotted, apart from stated relations.
        let arrow = if edge.kind.is_relation() {
            "-->"
        } else {
            "-.->"
        };
        let _ = writeln!(
            out,
            "  {} {arrow}|{}| {}",
            edge.from,
            edge.kind.as_str(),
            edge.to
        );
    }
    out.push_str("  classDef accepted fill:#d9f2d9,stroke:#2e7d32\n");
    out.push_str("  classDef proposed fill:#fff4cc,stroke:#b8860b\n");
    out.push_str("  classDef retired fill:#e6e6e6,stroke:#666666\n");
    out.push_str("  classDef rejected fill:#f8d7da,stroke:#a71d2a\n");
    out.push_str("  classDef absent fill:#ffffff,stroke:#888888,stroke-dasharray:4 3\n");
    for node in &view.nodes {
        let class = match node.status {
            None => "absent",
            Some(StatusKind::Accepted) => "accepted",
            Some(StatusKind::Proposed | StatusKind::Draft) => "proposed",
            Some(StatusKind::Superseded | StatusKind::Deprecated) => "retired",
            Some(StatusKind::Rejected) => "rejected",
            Some(StatusKind::Unknown) => continue,
        };
        let _ = writeln!(out, "  class {} {}", node.name, class);
    }
    out
}

/// Keeps letters, digits, spaces and `.,:-_/'!?+` and writes everything else as `#N;`.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_alphanumeric() || " .,:-_/'!?+".contains(c) {
            out.push(c);
        } else if c.is_whitespace() || c.is_control() {
            out.push(' ');
        } else {
            let _ = write!(out, "#{};", u32::from(c));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn labels_cannot_break_out() {
        assert_eq!(
            escape("Use \"X\" [v2] #1"),
            "Use #34;X#34; #91;v2#93; #35;1"
        );
        assert_eq!(escape("a<b>|c"), "a#60;b#62;#124;c");
    }
}
