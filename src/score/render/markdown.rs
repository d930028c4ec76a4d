//! Markdown ready to paste into the record: each table recomputed in its own orientation with
//! totals, scores and ranks, the scale as a legend line, a winner line, and the costs per month.

use std::fmt::Write as _;

use super::{costs_rows, scale_line, weight_cell};
use crate::model::TableLayout;
use crate::score::{OptionScore, RecordScore, Scorecard, fmt_plain};

fn md_cell(s: &str) -> String {
    s.replace('|', "\\|")
}

fn md_row(cells: &[String]) -> String {
    format!(
        "| {} |\n",
        cells
            .iter()
            .map(|c| md_cell(c))
            .collect::<Vec<_>>()
            .join(" | ")
    )
}

fn md_rule(n: usize) -> String {
    format!("|{}\n", "---|".repeat(n))
}

fn total_cell(o: &OptionScore, winner: Option<&str>) -> String {
    let t = fmt_plain(o.total);
    if winner == Some(o.name.as_str()) {
        format!("**{t}**")
    } else {
        t
    }
}

fn rank_cell(o: &OptionScore) -> String {
    if o.eliminated {
        "eliminated".to_string()
    } else {
        o.rank.to_string()
    }
}

fn pct_cell(o: &OptionScore) -> String {
    o.normalised
        .map_or_else(String::new, |p| format!("{}%", fmt_plain(p)))
}

fn md_table(card: &Scorecard) -> String {
    let mut out = String::new();
    let winner = card.winner.as_deref();
    if card.layout == TableLayout::OptionRows {
        let mut head = vec!["Option".to_string()];
        head.extend(card.criteria.iter().map(|c| c.name.clone()));
        head.extend([
            "Weighted total".to_string(),
            "Score".to_string(),
            "Rank".to_string(),
        ]);
        out.push_str(&md_row(&head));
        out.push_str(&md_rule(head.len()));
        let mut weights = vec!["Weight".to_string()];
        weights.extend(card.criteria.iter().map(weight_cell));
        weights.extend([String::new(), String::new(), String::new()]);
        out.push_str(&md_row(&weights));
        for (i, o) in card.options.iter().enumerate() {
            let mut row = vec![o.name.clone()];
            row.extend(card.criteria.iter().map(|c| c.cells[i].raw.clone()));
            row.extend([total_cell(o, winner), pct_cell(o), rank_cell(o)]);
            out.push_str(&md_row(&row));
        }
        return out;
    }
    let mut head = vec!["Criterion".to_string(), "Weight".to_string()];
    head.extend(card.options.iter().map(|o| o.name.clone()));
    out.push_str(&md_row(&head));
    out.push_str(&md_rule(head.len()));
    for c in &card.criteria {
        let mut row = vec![c.name.clone(), weight_cell(c)];
        row.extend(c.cells.iter().map(|cell| cell.raw.clone()));
        out.push_str(&md_row(&row));
    }
    let mut totals = vec!["**Weighted total**".to_string(), String::new()];
    totals.extend(card.options.iter().map(|o| total_cell(o, winner)));
    out.push_str(&md_row(&totals));
    let mut scores = vec!["**Score**".to_string(), String::new()];
    scores.extend(card.options.iter().map(pct_cell));
    out.push_str(&md_row(&scores));
    let mut ranks = vec!["**Rank**".to_string(), String::new()];
    ranks.extend(card.options.iter().map(rank_cell));
    out.push_str(&md_row(&ranks));
    out
}

/// Markdown ready to paste into the record: each table recomputed with its totals, scores and
/// ranks, a winner line, and the costs per month.
#[must_use]
pub fn to_markdown(scores: &[RecordScore]) -> String {
    let mut out = String::new();
    for record in scores {
        if record.label == record.path {
            let _ = writeln!(out, "## {}\n", record.title);
        } else {
            let _ = writeln!(out, "## {} · {}\n", record.label, record.title);
        }
        for card in &record.tables {
            if let Some(h) = &card.heading {
                let _ = writeln!(out, "### {h}\n");
            }
            out.push_str(&md_table(card));
            let _ = writeln!(out, "\n{}\n", md_scale(card));
            let _ = writeln!(out, "**Winner:** {}\n", md_winner(card));
        }
        if !record.costs.options.is_empty() {
            let rows = costs_rows(&record.costs);
            out.push_str(&md_row(&rows[0]));
            out.push_str(&md_rule(rows[0].len()));
            for row in &rows[1..] {
                out.push_str(&md_row(row));
            }
            out.push('\n');
        }
    }
    out
}

fn md_scale(card: &Scorecard) -> String {
    let line = scale_line(card);
    format!("{}.", line.replace(" · ", ". "))
}

fn md_winner(card: &Scorecard) -> String {
    match (
        &card.winner,
        card.options
            .iter()
            .find(|o| card.winner.as_deref() == Some(o.name.as_str())),
    ) {
        (Some(w), Some(o)) => {
            let mut s = format!(
                "{w} ({} of {}",
                fmt_plain(o.total),
                fmt_plain(card.best_possible)
            );
            if let Some(m) = &card.margin {
                let _ = write!(s, ", {} ahead of {}", fmt_plain(m.points), m.runner_up);
            }
            s.push(')');
            s
        }
        _ if !card.tied.is_empty() => format!("tie between {}", card.tied.join(" and ")),
        _ => "none (every option is eliminated by the Critical gate)".to_string(),
    }
}
