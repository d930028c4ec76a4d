//! Geometry for the pictures docket draws itself: the bar chart of a criteria table's totals
//! and the layout of the decision graph (supersede chains, then a grid). The templates turn
//! the numbers into SVG, so no graphviz or script runtime is needed.

use std::collections::{BTreeMap, BTreeSet};

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

const NODE_W: f64 = 200.0;
const NODE_H: f64 = 46.0;
const COL_GAP: f64 = 60.0;
const ROW_GAP: f64 = 18.0;
/// Extra room between one supersede chain and the next, and above the grid.
const BLOCK_GAP: f64 = 24.0;
const MARGIN: f64 = 20.0;
/// The grid of records outside any supersede chain is at most this many columns wide.
const GRID_COLUMNS: usize = 4;

/// The decision graph: supersede chains left to right (older to newer), one below the other,
/// then the records in no chain in a grid.
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
    /// The SVG path: a straight line from an older record to the one superseding it, a curve
    /// for every other relation.
    pub d: String,
    /// The relation (`superseded-by` for supersession, drawn older to newer; `mention`).
    pub kind: String,
    /// Whether it is a mention (drawn dashed).
    pub mention: bool,
}

/// Each record's column: 0 for records that supersede nothing, one more than the deepest
/// record it supersedes otherwise. Depths stay below the number of pairs, so a supersede
/// cycle still ends, in a drawing no wider than a chain could be.
fn depths(nodes: usize, pairs: &[(usize, usize)]) -> Vec<usize> {
    let mut depth = vec![0usize; nodes];
    let cap = pairs.len().min(64);
    for _ in 0..nodes.min(64) {
        let mut changed = false;
        for &(newer, older) in pairs {
            if newer != older && depth[newer] < depth[older] + 1 && depth[older] < cap {
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

/// The representative of `i`'s set (union-find with path halving).
fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// The supersede chains: records joined by supersession, each chain in site order, chains
/// ordered by their first record. Records in no chain are left out.
fn chains(nodes: usize, pairs: &[(usize, usize)]) -> Vec<Vec<usize>> {
    let mut parent: Vec<usize> = (0..nodes).collect();
    for &(a, b) in pairs {
        let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
        if ra != rb {
            parent[ra.max(rb)] = ra.min(rb);
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..nodes {
        let root = find(&mut parent, i);
        groups.entry(root).or_default().push(i);
    }
    groups.into_values().filter(|g| g.len() > 1).collect()
}

/// A title cut to about `max` characters.
fn shorten(title: &str, max: usize) -> String {
    if title.chars().count() <= max {
        return title.to_string();
    }
    let cut: String = title.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

/// Where each record's box goes: (column, top edge).
fn place(nodes: usize, pairs: &[(usize, usize)]) -> (Vec<(usize, f64)>, usize, f64) {
    let depth = depths(nodes, pairs);
    let chains = chains(nodes, pairs);
    let mut at = vec![(0usize, 0.0); nodes];
    let mut in_chain = vec![false; nodes];
    let mut y = MARGIN;
    let mut widest = 0;
    for chain in &chains {
        let columns = chain.iter().map(|&i| depth[i]).max().unwrap_or(0) + 1;
        widest = widest.max(columns);
        let mut filled = vec![0usize; columns];
        for &i in chain {
            let col = depth[i];
            at[i] = (col, y + filled[col] as f64 * (NODE_H + ROW_GAP));
            filled[col] += 1;
            in_chain[i] = true;
        }
        let rows = filled.iter().copied().max().unwrap_or(1);
        y += rows as f64 * (NODE_H + ROW_GAP) + BLOCK_GAP;
    }
    let loose: Vec<usize> = (0..nodes).filter(|&i| !in_chain[i]).collect();
    let mut columns = widest;
    if !loose.is_empty() {
        // About square, at most GRID_COLUMNS wide unless a chain is already wider.
        let square = (1..=loose.len())
            .find(|c| c * c >= loose.len())
            .unwrap_or(1);
        let grid = square.min(GRID_COLUMNS).max(widest).min(loose.len());
        columns = columns.max(grid);
        for (n, &i) in loose.iter().enumerate() {
            at[i] = (n % grid, y + (n / grid) as f64 * (NODE_H + ROW_GAP));
        }
        y += loose.len().div_ceil(grid) as f64 * (NODE_H + ROW_GAP) + BLOCK_GAP;
    }
    (at, columns, y - BLOCK_GAP - ROW_GAP + MARGIN)
}

/// The left edge of a column.
fn column_x(col: usize) -> f64 {
    MARGIN + col as f64 * (NODE_W + COL_GAP)
}

/// A curve from box `from` to box `to` (column, top edge): forward links leave on the right
/// and arch over the rows between, backward links leave on the left and sag below, links within
/// a column bulge out to the right.
fn curve(from: (usize, f64), to: (usize, f64)) -> String {
    let (y1, y2) = (from.1 + NODE_H / 2.0, to.1 + NODE_H / 2.0);
    let path = |points: [(f64, f64); 4]| {
        let [a, b, c, d] = points.map(|(x, y)| format!("{} {}", num(x), num(y)));
        format!("M{a} C{b} {c} {d}")
    };
    if from.0 == to.0 {
        let x = column_x(from.0) + NODE_W;
        let bulge = x + 12.0 + (y2 - y1).abs() * 0.08;
        return path([
            (x, y1 - 6.0),
            (bulge, y1 - 6.0),
            (bulge, y2 + 6.0),
            (x, y2 + 6.0),
        ]);
    }
    let forward = to.0 > from.0;
    let (x1, x2) = if forward {
        (column_x(from.0) + NODE_W, column_x(to.0))
    } else {
        (column_x(from.0), column_x(to.0) + NODE_W)
    };
    let span = (x2 - x1).abs();
    let reach = (span / 2.0).max(COL_GAP / 2.0);
    // Past a neighbouring column the curve lifts (or sags) into the gap between rows.
    let lift = if from.0.abs_diff(to.0) > 1 || (y2 - y1).abs() < f64::EPSILON {
        (NODE_H / 2.0 + ROW_GAP / 2.0) + span * 0.04
    } else {
        0.0
    };
    let (dx, dy) = if forward {
        (reach, -lift)
    } else {
        (-reach, lift)
    };
    path([(x1, y1), (x1 + dx, y1 + dy), (x2 - dx, y2 + dy), (x2, y2)])
}

/// Lays out the graph: supersede chains left to right, older to newer, then the other records
/// in a grid. Supersession is drawn once per pair as a straight arrow towards the newer record;
/// other links as one curve per pair of records, a stated relation before a mention.
pub(crate) fn graph_drawing(graph: &Graph, rows: &[RecordRow]) -> GraphDrawing {
    let pairs = graph.supersessions();
    let (at, columns, height) = place(graph.nodes.len(), &pairs);
    let nodes = rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let (x, y) = (column_x(at[i].0), at[i].1);
            NodeBox {
                record: row.clone(),
                x: num(x),
                y: num(y),
                w: num(NODE_W),
                h: num(NODE_H),
                text_x: num(x + 10.0),
                key_y: num(y + 18.0),
                title_y: num(y + 36.0),
                short_title: shorten(&row.title, 27),
            }
        })
        .collect();
    let mut edges = Vec::new();
    for &(newer, older) in &pairs {
        let (from, to) = (at[older], at[newer]);
        let d = if to.0 > from.0 {
            format!(
                "M{} {} L{} {}",
                num(column_x(from.0) + NODE_W),
                num(from.1 + NODE_H / 2.0),
                num(column_x(to.0)),
                num(to.1 + NODE_H / 2.0)
            )
        } else {
            curve(from, to)
        };
        edges.push(EdgeLine {
            d,
            kind: LinkKind::SupersededBy.as_str().to_string(),
            mention: false,
        });
    }
    // One curve per pair of records: the first stated relation, else the first mention;
    // none where supersession already joins them.
    let joined = |a: usize, b: usize| (a.min(b), a.max(b));
    let mut drawn: BTreeSet<(usize, usize)> = pairs.iter().map(|&(a, b)| joined(a, b)).collect();
    let linked = |mention: bool| {
        graph.edges.iter().filter_map(move |e| match e.target {
            Target::Record { index }
                if index != e.from && (e.kind == LinkKind::Mention) == mention =>
            {
                Some((e, index))
            }
            _ => None,
        })
    };
    for (e, index) in linked(false).chain(linked(true)) {
        if !drawn.insert(joined(e.from, index)) {
            continue;
        }
        edges.push(EdgeLine {
            d: curve(at[e.from], at[index]),
            kind: e.kind.as_str().to_string(),
            mention: e.kind == LinkKind::Mention,
        });
    }
    GraphDrawing {
        width: num(
            (2.0 * MARGIN + columns as f64 * (NODE_W + COL_GAP) - COL_GAP).max(2.0 * MARGIN),
        ),
        height: num(height.max(2.0 * MARGIN)),
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

    /// Whether two boxes (column, top) overlap.
    fn overlap(a: (usize, f64), b: (usize, f64)) -> bool {
        a.0 == b.0 && (a.1 - b.1).abs() < NODE_H
    }

    #[test]
    fn chains_run_left_to_right_and_the_rest_is_a_grid() {
        // 0 → 1 → 2 is a chain (each newer supersedes the one before); 3 and 5 both supersede
        // 4 (a branch); 6..16 supersede nothing.
        let pairs = [(1, 0), (2, 1), (3, 4), (5, 4)];
        let (at, columns, height) = place(16, &pairs);
        assert_eq!((at[0].0, at[1].0, at[2].0), (0, 1, 2), "older to newer");
        assert_eq!((at[4].0, at[3].0, at[5].0), (0, 1, 1));
        assert!(at[0].1 < at[4].1, "the first chain is on top");
        // 10 loose records: a 4-wide grid, below the chains.
        assert_eq!(columns, 4);
        let loose: Vec<_> = (6..16).map(|i| at[i]).collect();
        assert_eq!(loose.iter().map(|p| p.0).max(), Some(3));
        assert!(loose.iter().all(|p| p.1 > at[3].1.max(at[5].1)));
        for i in 0..16 {
            for j in i + 1..16 {
                assert!(
                    !overlap(at[i], at[j]),
                    "{i} and {j} overlap: {:?} {:?}",
                    at[i],
                    at[j]
                );
            }
            assert!(
                at[i].1 + NODE_H <= height - MARGIN + 0.01,
                "{i} is inside the drawing"
            );
        }
    }

    #[test]
    fn a_few_loose_records_make_a_small_square() {
        let (at, columns, _) = place(4, &[]);
        assert_eq!(columns, 2);
        assert_eq!(at.iter().map(|p| p.0).collect::<Vec<_>>(), [0, 1, 0, 1]);
        let (_, columns, height) = place(0, &[]);
        assert_eq!(columns, 0);
        assert!(height <= 2.0 * MARGIN);
        // A supersede cycle still ends, in a narrow drawing.
        let (at, columns, _) = place(2, &[(0, 1), (1, 0)]);
        assert!(!overlap(at[0], at[1]));
        assert!(columns <= 3, "{columns}");
    }

    #[test]
    fn other_relations_are_curves() {
        let d = curve((0, 20.0), (2, 20.0));
        assert!(d.starts_with("M220.0 43.0 C"), "{d}");
        assert!(d.ends_with(" 540.0 43.0"), "{d}");
        assert!(curve((1, 20.0), (0, 84.0)).contains(" C"));
    }

    #[test]
    fn titles_are_cut_with_an_ellipsis() {
        assert_eq!(shorten("Short", 10), "Short");
        assert_eq!(shorten("A rather long title", 10), "A rather…");
    }
}
