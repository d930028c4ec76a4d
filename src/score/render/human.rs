//! The terminal report: per record, each table with its cells, ranking bars, best and worst
//! criteria, verdict, margin, gate and sensitivity, then the costs per month and the findings.

use std::fmt::Write as _;

use super::{clip, costs_rows, grid, pad, scale_line, weight_cell};
use crate::diagnostics::{LineCol, SourceMap};
use crate::model::{ChosenSource, TableLayout};
use crate::score::{RatingFlip, RecordScore, Scorecard, Verdict, fmt_plain};

/// A bar of `cells` columns filled to `percent`, in eighths.
fn bar(percent: f64, cells: usize) -> String {
    const PARTS: [char; 8] = [' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
    let filled = (percent.clamp(0.0, 100.0) / 100.0 * (cells * 8) as f64).round();
    let eighths = usize::try_from(filled as i64).unwrap_or(0);
    let mut out = "█".repeat(eighths / 8);
    if eighths % 8 > 0 {
        out.push(PARTS[eighths % 8]);
    }
    pad(&out, cells)
}

fn layout_words(layout: TableLayout) -> &'static str {
    match layout {
        TableLayout::CriteriaRows => "criteria as rows",
        TableLayout::OptionRows => "options as rows",
        TableLayout::SeparateWeights => "weights in a separate table",
    }
}

fn matrix_rows(card: &Scorecard) -> Vec<Vec<String>> {
    let mut head = vec!["Criterion".to_string(), "Weight".to_string()];
    head.extend(card.options.iter().map(|o| clip(&o.name, 16)));
    let mut rows = vec![head];
    for c in &card.criteria {
        let mut row = vec![clip(&c.name, 34), weight_cell(c)];
        row.extend(
            c.cells
                .iter()
                .map(|cell| match (cell.raw.is_empty(), cell.value) {
                    (true, _) => "(empty)".to_string(),
                    (false, None) => format!("{} (?)", clip(&cell.raw, 16)),
                    (false, Some(_)) => clip(&cell.raw, 16),
                }),
        );
        rows.push(row);
    }
    rows
}

fn ranking_rows(card: &Scorecard) -> Vec<Vec<String>> {
    let mut rows = vec![vec![
        "#".to_string(),
        "Option".to_string(),
        "Total".to_string(),
        "Score".to_string(),
        String::new(),
    ]];
    for o in card.ranked() {
        let pct = o.normalised.unwrap_or(0.0);
        let mut notes = Vec::new();
        if o.eliminated {
            let failed: Vec<String> = o
                .gate_failures
                .iter()
                .map(|g| g.criterion.clone())
                .collect();
            notes.push(format!("eliminated: ❌ on {}", failed.join(", ")));
        }
        if o.baseline {
            notes.push("baseline".to_string());
        }
        if let Some(s) = &o.stated {
            match s.matches {
                Some(true) => notes.push(format!("stated {} ✓", s.raw)),
                Some(false) => notes.push(format!("stated {} ✗", s.raw)),
                None => {}
            }
        }
        if o.unscored > 0 {
            notes.push(format!("{} cell(s) unscored", o.unscored));
        }
        rows.push(vec![
            if o.eliminated {
                "–".to_string()
            } else {
                o.rank.to_string()
            },
            clip(&o.name, 24),
            format!("{} / {}", fmt_plain(o.total), fmt_plain(card.best_possible)),
            format!("{} {:>5}%", bar(pct, 20), fmt_plain(pct)),
            notes.join("; "),
        ]);
    }
    rows
}

/// Per option: how many criteria it rates best on, and which it rates worst on.
fn wins_rows(card: &Scorecard) -> Vec<Vec<String>> {
    let differing = card
        .criteria
        .iter()
        .filter(|c| {
            let values: Vec<f64> = c.cells.iter().filter_map(|x| x.value).collect();
            c.weight_value > 0.0 && values.iter().any(|v| (v - values[0]).abs() > 1e-9)
        })
        .count();
    let mut rows = vec![vec![
        String::new(),
        "Best on".to_string(),
        "Worst on".to_string(),
    ]];
    for o in card.ranked() {
        let worst = if o.lost.is_empty() {
            "–".to_string()
        } else {
            clip(&o.lost.join(", "), 70)
        };
        rows.push(vec![
            clip(&o.name, 24),
            format!("{} of {differing}", o.won.len()),
            worst,
        ]);
    }
    rows
}

fn source_words(source: ChosenSource) -> &'static str {
    match source {
        ChosenSource::WinnerLine => "its Winner line",
        ChosenSource::ChosenOptionLine => "its Chosen option line",
        ChosenSource::SelectedMarker => "the option marked (SELECTED)",
        ChosenSource::SelectedLine => "its Selected line",
        ChosenSource::DecisionEmphasis | ChosenSource::DecisionStatement => "its Decision section",
        ChosenSource::Title => "its title",
    }
}

fn verdict_line(card: &Scorecard) -> String {
    let computed = card.winner.clone().unwrap_or_else(|| {
        if card.tied.is_empty() {
            "none".to_string()
        } else {
            format!("a tie between {}", card.tied.join(" and "))
        }
    });
    let declared = card.declared.as_ref();
    let name = declared.map_or("", |d| d.name.as_str());
    let how = declared.map_or("", |d| source_words(d.source));
    match card.verdict {
        Verdict::Agrees => format!("Winner: {computed}, agreeing with the record ({how})."),
        Verdict::AgreesTied => {
            format!("Winner: {computed}; the record's {name} is one of them ({how}).")
        }
        Verdict::Disagrees => {
            format!("Winner: {computed}, but the record declares {name} ({how}).")
        }
        Verdict::DeclaredEliminated => {
            format!(
                "Winner: {computed}, but the record declares {name}, which the Critical gate eliminates ({how})."
            )
        }
        Verdict::DeclaredUnknown => {
            format!(
                "Winner: {computed}; the record declares {name}, which is not an option of this table."
            )
        }
        Verdict::NoDeclared => format!("Winner: {computed}; the record declares none."),
        Verdict::NoWinner => "Winner: none; the Critical gate eliminates every option.".to_string(),
    }
}

fn gate_line(card: &Scorecard) -> Option<String> {
    let mut parts = Vec::new();
    for o in &card.options {
        for g in &o.gate_failures {
            parts.push(format!(
                "{} eliminated ({} on {})",
                o.name, g.raw, g.criterion
            ));
        }
        for g in &o.gate_partials {
            parts.push(format!("{} partial on {} ({})", o.name, g.criterion, g.raw));
        }
    }
    (!parts.is_empty()).then(|| format!("Critical gate: {}.", parts.join("; ")))
}

fn flip_text(f: &RatingFlip) -> String {
    let changes: Vec<String> = f
        .changes
        .iter()
        .map(|c| {
            format!(
                "{} on {}: {} → {}",
                c.option,
                c.criterion,
                if c.from.is_empty() {
                    "(empty)"
                } else {
                    &c.from
                },
                c.to
            )
        })
        .collect();
    let n = f.changes.len();
    let why = if f.eliminates_winner {
        "the gate eliminates the winner; "
    } else {
        ""
    };
    let who = match f.new_winners.as_slice() {
        [one] => format!("{one} would win"),
        many => format!("{} would tie", many.join(" and ")),
    };
    format!(
        "{n} change{}: {} ({why}{who})",
        if n == 1 { "" } else { "s" },
        changes.join("; ")
    )
}

fn sensitivity_lines(card: &Scorecard, out: &mut String) {
    let Some(s) = &card.sensitivity else {
        return;
    };
    let _ = writeln!(out, "  Sensitivity:");
    if s.any_weight_flips() {
        for w in s
            .weights
            .iter()
            .filter(|w| w.raise.is_some() || w.lower.is_some())
        {
            let mut parts = Vec::new();
            if let Some(f) = &w.raise {
                parts.push(format!("above {} {} wins", fmt_plain(f.at), f.new_winner));
            }
            if let Some(f) = &w.lower {
                parts.push(format!("below {} {} wins", fmt_plain(f.at), f.new_winner));
            }
            let _ = writeln!(
                out,
                "    {} (weight {}): {}",
                w.criterion,
                fmt_plain(w.weight),
                parts.join("; ")
            );
        }
    } else {
        let _ = writeln!(out, "    No single weight change flips the winner.");
    }
    match &s.ratings {
        Some(f) => {
            let _ = writeln!(
                out,
                "    Fewest rating changes that flip it: {}",
                flip_text(f)
            );
        }
        None => {
            let _ = writeln!(out, "    No set of rating changes flips the winner.");
        }
    }
    if let Some(f) = &s.ratings_on_points {
        let _ = writeln!(out, "    Without the gate's help: {}", flip_text(f));
    }
}

fn table_title(card: &Scorecard, at: LineCol) -> String {
    let options = card.options.len();
    format!(
        "{} (line {}): {} criteria × {} option{}, {}",
        card.heading.as_deref().unwrap_or("Criteria table"),
        at.line,
        card.criteria.len(),
        options,
        if options == 1 { "" } else { "s" },
        layout_words(card.layout)
    )
}

/// The terminal report: per record, each table with its ranking bars, verdict, gate,
/// margin and sensitivity, the costs per phase, then the findings.
#[must_use]
pub fn to_human(scores: &[RecordScore], sources: &SourceMap) -> String {
    let mut out = String::new();
    for (i, record) in scores.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if record.label == record.path {
            let _ = writeln!(out, "{}\n{}", record.title, record.path);
        } else {
            let _ = writeln!(out, "{} · {}\n{}", record.label, record.title, record.path);
        }
        for card in &record.tables {
            let at = sources.line_col(&record.path, card.span.start);
            let _ = writeln!(
                out,
                "\n  {}\n  {}\n",
                table_title(card, at),
                scale_line(card)
            );
            out.push_str(&grid(&matrix_rows(card), "  "));
            out.push('\n');
            out.push_str(&grid(&ranking_rows(card), "  "));
            out.push('\n');
            out.push_str(&grid(&wins_rows(card), "  "));
            let _ = writeln!(out, "\n  {}", verdict_line(card));
            if let Some(m) = &card.margin {
                let pct = m.percent.map_or(String::new(), |p| {
                    format!(" ({} points of the score)", fmt_plain(p))
                });
                let _ = writeln!(
                    out,
                    "  Margin: {} ahead of {}{pct}.",
                    fmt_plain(m.points),
                    m.runner_up
                );
            }
            if let Some(g) = gate_line(card) {
                let _ = writeln!(out, "  {g}");
            }
            sensitivity_lines(card, &mut out);
        }
        if !record.costs.options.is_empty() {
            out.push('\n');
            out.push_str(&grid(&costs_rows(&record.costs), "  "));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_fill_in_eighths() {
        assert_eq!(bar(100.0, 4), "████");
        assert_eq!(bar(50.0, 4), "██  ");
        assert_eq!(bar(12.5 / 2.0, 2), "▏ ");
        assert_eq!(bar(-5.0, 2), "  ");
    }
}
