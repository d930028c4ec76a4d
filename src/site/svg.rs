//! Geometry for the pictures docket draws itself: the bar chart of a criteria table's totals
//! and the layered layout of the decision graph. The templates turn the numbers into SVG, so
//! no graphviz or script runtime is needed.

use serde::Serialize;

use crate::graph::{Graph, Target};
use crate::model::LinkKind;
use crate::score::fmt_plain;

use super::view::RecordRow;

/// Width of a bar chart's drawing, in SVG units.
const CHART_WIDTH: f64 = 640.0;
/// Where bars start: the option names sit to the left.
const LABEL_WIDTH: f64 = 200.0;
/// Room for the value after a full bar.
const VALUE_WIDTH: f64 = 60.0;
const BAR_HEIGHT: f64 = 22.0;
const BAR_GAP: f64 = 10.0;

/// A horizontal bar chart.
#[derive(Debug, Clone, Serialize)]
pub struct BarChart {
    /// Drawing width.
    pub width: String,
    /// Drawing height.
    pub height: String,
    /// The bars, top to bottom.
    pub bars: Vec<Bar>,
}

/// One bar.
#[derive(Debug, Clone, Serialize)]
pub struct Bar {
    /// The option.
    pub label: String,
    /// The option's name cut to fit left of the bar.
    pub short_label: String,
    /// The total as text.
    pub value: String,
    /// Top edge.
    pub y: String,
    /// Where the bar starts.
    pub x: String,
    /// Bar length.
    pub w: String,
    /// Bar height.
    pub h: String,
    /// The baseline of the label and value text.
    pub text_y: String,
    /// Where the value text starts.
    pub value_x: String,
    /// Whether the Critical gate eliminated the option.
    pub eliminated: bool,
}

/// Numbers in SVG attributes: one decimal, fixed, so output is byte-stable.
fn num(v: f64) -> String {
    format!("{v:.1}")
}

/// Bars for `(label, total, eliminated)`, scaled so `best` fills the drawing.
pub(crate) fn bar_chart(totals: &[(&str, f64, bool)], best: f64) -> BarChart {
    let top = totals
        .iter()
        .map(|t| t.1)
        .fold(best, f64::max)
        .max(f64::EPSILON);
    let span = CHART_WIDTH - LABEL_WIDTH - VALUE_WIDTH;
    let bars = totals
        .iter()
        .enumerate()
        .map(|(i, (label, total, eliminated))| {
            let y = BAR_GAP + i as f64 * (BAR_HEIGHT + BAR_GAP);
            let w = (total.max(0.0) / top) * span;
            Bar {
                label: (*label).to_string(),
                short_label: shorten(label, 28),
                value: fmt_plain(*total),
                y: num(y),
                x: num(LABEL_WIDTH),
                w: num(w),
                h: num(BAR_HEIGHT),
                text_y: num(y + BAR_HEIGHT * 0.7),
                value_x: num(LABEL_WIDTH + w + 6.0),
                eliminated: *eliminated,
            }
        })
        .collect::<Vec<_>>();
    let height = BAR_GAP + bars.len() as f64 * (BAR_HEIGHT + BAR_GAP);
    BarChart {
        width: num(CHART_WIDTH),
        height: num(height),
        bars,
    }
}

const NODE_W: f64 = 220.0;
const NODE_H: f64 = 46.0;
const COL_GAP: f64 = 70.0;
const ROW_GAP: f64 = 18.0;
const MARGIN: f64 = 20.0;

/// The decision graph laid out in columns by supersede depth.
#[derive(Debug, Clone, Serialize)]
pub struct GraphDrawing {
    /// Drawing width.
    pub width: String,
    /// Drawing height.
    pub height: String,
    /// Records.
    pub nodes: Vec<NodeBox>,
    /// Links between records.
    pub edges: Vec<EdgeLine>,
}

/// A record in the drawing.
#[derive(Debug, Clone, Serialize)]
pub struct NodeBox {
    /// The record.
    pub record: RecordRow,
    /// Left edge.
    pub x: String,
    /// Top edge.
    pub y: String,
    /// Box width.
    pub w: String,
    /// Box height.
    pub h: String,
    /// Where the first text line starts.
    pub text_x: String,
    /// Baseline of the key and status line.
    pub key_y: String,
    /// Baseline of the title line.
    pub title_y: String,
    /// The title cut to fit the box.
    pub short_title: String,
}

/// A link drawn between two records.
#[derive(Debug, Clone, Serialize)]
pub struct EdgeLine {
    /// The SVG path: a straight line between columns, a curve bulging right within one.
    pub d: String,
    /// The relation (`supersedes`, `mention`).
    pub kind: String,
    /// Whether it is a mention (drawn dashed).
    pub mention: bool,
}

/// Each record's column: 0 for records that supersede nothing, one more than the deepest
/// record it supersedes otherwise. Passes are bounded, so a supersede cycle still ends.
fn depths(graph: &Graph) -> Vec<usize> {
    let pairs = graph.supersessions();
    let mut depth = vec![0usize; graph.nodes.len()];
    for _ in 0..graph.nodes.len().min(64) {
        let mut changed = false;
        for &(newer, older) in &pairs {
            if newer != older && depth[newer] < depth[older] + 1 && depth[older] < 64 {
                depth[newer] = depth[older] + 1;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    depth
}

/// A title cut to about `max` characters.
fn shorten(title: &str, max: usize) -> String {
    if title.chars().count() <= max {
        return title.to_string();
    }
    let cut: String = title.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

/// Lays out the graph: a column per supersede depth, records in site order within a column.
pub(crate) fn graph_drawing(graph: &Graph, rows: &[RecordRow]) -> GraphDrawing {
    let depth = depths(graph);
    let columns = depth.iter().max().map_or(0, |d| d + 1);
    let mut filled = vec![0usize; columns];
    let mut at = vec![(0.0, 0.0); graph.nodes.len()];
    let mut nodes = Vec::with_capacity(graph.nodes.len());
    for (i, row) in rows.iter().enumerate() {
        let col = depth[i];
        let x = MARGIN + col as f64 * (NODE_W + COL_GAP);
        let y = MARGIN + filled[col] as f64 * (NODE_H + ROW_GAP);
        filled[col] += 1;
        at[i] = (x, y);
        nodes.push(NodeBox {
            record: row.clone(),
            x: num(x),
            y: num(y),
            w: num(NODE_W),
            h: num(NODE_H),
            text_x: num(x + 10.0),
            key_y: num(y + 18.0),
            title_y: num(y + 36.0),
            short_title: shorten(&row.title, 30),
        });
    }
    let mut edges = Vec::new();
    for e in &graph.edges {
        let Target::Record { index } = e.target else {
            continue;
        };
        if index == e.from {
            continue;
        }
        let ((fx, fy), (tx, ty)) = (at[e.from], at[index]);
        let (y1, y2) = (fy + NODE_H / 2.0, ty + NODE_H / 2.0);
        let d = if (tx - fx).abs() < f64::EPSILON {
            // Same column: leave and enter on the right, bulging out by the distance covered,
            // so links between neighbours and far records stay apart.
            let x = fx + NODE_W;
            let bulge = x + 12.0 + (y2 - y1).abs() * 0.08;
            format!(
                "M{} {} C{} {} {} {} {} {}",
                num(x),
                num(y1 - 6.0),
                num(bulge),
                num(y1 - 6.0),
                num(bulge),
                num(y2 + 6.0),
                num(x),
                num(y2 + 6.0)
            )
        } else {
            let (x1, x2) = if tx > fx {
                (fx + NODE_W, tx)
            } else {
                (fx, tx + NODE_W)
            };
            format!("M{} {} L{} {}", num(x1), num(y1), num(x2), num(y2))
        };
        edges.push(EdgeLine {
            d,
            kind: e.kind.as_str().to_string(),
            mention: e.kind == LinkKind::Mention,
        });
    }
    let rows_max = filled.iter().copied().max().unwrap_or(0);
    GraphDrawing {
        width: num(2.0 * MARGIN + columns as f64 * (NODE_W + COL_GAP)),
        height: num(2.0 * MARGIN + rows_max as f64 * (NODE_H + ROW_GAP)),
        nodes,
        edges,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_scale_to_the_best_possible() {
        let chart = bar_chart(&[("A", 10.0, false), ("B", 5.0, true)], 10.0);
        assert_eq!(chart.bars[0].w, "380.0");
        assert_eq!(chart.bars[1].w, "190.0");
        assert!(chart.bars[1].eliminated);
        assert_eq!(chart.height, "74.0");
    }

    #[test]
    fn titles_are_cut_with_an_ellipsis() {
        assert_eq!(shorten("Short", 10), "Short");
        assert_eq!(shorten("A rather long title", 10), "A rather…");
    }
}
