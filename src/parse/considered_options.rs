//! Considered options: `### Option N: Name (SELECTED)` sections, MADR's Considered Options list
//! and Pros and Cons sections, alternatives lists; their pros, cons, costs and verdicts; and the
//! chosen option, wherever the record states it.

use super::costs::{costs_from_items, has_amount, parse_cost_line};
use super::markdown::{Block, Doc, Line, ListItem};
use super::sections::Sec;
use super::text::{Polarity, key_value, name_key, split_marker};
use super::vocabulary::{
    OPTION_PREFIXES, SELECTED_MARKERS, heading_key, is_chosen_option_line, is_selected_key,
    is_verdict_key, is_winner_key,
};
use crate::model::{ChosenOption, ChosenSource, ConsideredOption, Item, SectionKind, Span, Winner};

/// Whether a heading is itself an option (`Option 1: Render`, `Option A - Heroku`).
fn is_option_heading(key: &str) -> bool {
    let Some(rest) = OPTION_PREFIXES.iter().find_map(|p| key.strip_prefix(p)) else {
        return false;
    };
    let rest = rest.trim_start();
    let word: String = rest.chars().take_while(|c| c.is_alphanumeric()).collect();
    !word.is_empty() && word.len() <= 2 && {
        let after = rest[word.len()..].trim_start();
        after.is_empty() || after.starts_with([':', '-', '.', '–', '—'])
    }
}

/// Cleans an option heading: strips `Option N:` and a selection marker.
fn option_name(text: &str) -> (String, bool) {
    let mut name = text.trim().to_string();
    let mut selected = false;
    for marker in SELECTED_MARKERS {
        let lower = name.to_ascii_lowercase();
        if let Some(i) = lower.rfind(marker)
            && i + marker.len() == lower.len()
        {
            name.truncate(i);
            selected = true;
        }
    }
    let trimmed = name.trim().trim_end_matches(['✅', '\u{fe0f}']).trim();
    let lower = trimmed.to_ascii_lowercase();
    let stripped = if let Some(rest) = OPTION_PREFIXES.iter().find_map(|p| lower.strip_prefix(p)) {
        let rest_t = rest.trim_start();
        let word = rest_t.chars().take_while(|c| c.is_alphanumeric()).count();
        let after = rest_t[word..].trim_start();
        match after.strip_prefix([':', '-', '.', '–', '—']) {
            Some(a) if word <= 2 && !a.trim().is_empty() => {
                let offset = trimmed.len() - a.len();
                trimmed[offset..].trim()
            }
            _ => trimmed,
        }
    } else {
        trimmed
    };
    let stripped = stripped.trim_matches(['"', '“', '”', '*', '`']).trim();
    (stripped.to_string(), selected)
}

fn new_option(name: String, span: Span, selected: bool) -> ConsideredOption {
    ConsideredOption {
        name,
        span,
        selected,
        description: String::new(),
        pros: Vec::new(),
        cons: Vec::new(),
        neutral: Vec::new(),
        costs: Vec::new(),
        verdict: None,
    }
}

/// Finds every option in the record, merging MADR's list with its Pros and Cons sections.
pub(crate) fn find_options(doc: &Doc, secs: &[Sec<'_>], src: &str) -> Vec<ConsideredOption> {
    let mut options: Vec<ConsideredOption> = Vec::new();
    let mut claimed = vec![false; secs.len()];
    for (si, sec) in secs.iter().enumerate() {
        let key = sec.key();
        if claimed[si] {
            continue;
        }
        let container = sec.kind == SectionKind::ConsideredOptions;
        let pros_cons = sec.kind == SectionKind::ProsAndCons;
        if container || pros_cons {
            claimed[si] = true;
            let children: Vec<usize> = (si + 1..secs.len())
                .take_while(|&j| secs[j].heading < sec.end)
                .filter(|&j| secs[j].parent == Some(si))
                .collect();
            if children.is_empty() {
                if container {
                    for item in list_items(&doc.blocks[sec.heading + 1..sec.own_end]) {
                        let Some(line) = item.lines().first() else {
                            continue;
                        };
                        let (name, selected) = option_name(list_option_name(line));
                        if name.is_empty() {
                            continue;
                        }
                        let mut opt = new_option(name, line.span, selected);
                        read_option_items(&item.blocks[1..], src, &mut opt);
                        merge_option(&mut options, opt);
                    }
                }
            } else {
                for j in children {
                    claimed[j] = true;
                    for k in j + 1..secs.len() {
                        if secs[k].heading < secs[j].end {
                            claimed[k] = true;
                        }
                    }
                    let child = &secs[j];
                    let (name, selected) = option_name(&child.line.text);
                    let mut opt = new_option(name, child.line.span, selected);
                    read_option_body(&doc.blocks[child.heading + 1..child.end], src, &mut opt);
                    merge_option(&mut options, opt);
                }
            }
        } else if is_option_heading(key) {
            claimed[si] = true;
            let (name, selected) = option_name(&sec.line.text);
            let mut opt = new_option(name, sec.line.span, selected);
            read_option_body(&doc.blocks[sec.heading + 1..sec.end], src, &mut opt);
            for k in si + 1..secs.len() {
                if secs[k].heading < sec.end {
                    claimed[k] = true;
                }
            }
            merge_option(&mut options, opt);
        }
    }
    options
}

fn list_items(blocks: &[Block]) -> impl Iterator<Item = &ListItem> {
    blocks.iter().flat_map(|b| match b {
        Block::List { items, .. } => items.as_slice(),
        _ => &[],
    })
}

/// A list item naming an option: `[Name](#anchor)`, `Name - description`, `**Name**: description`.
fn list_option_name(line: &Line) -> &str {
    let text = line.text.as_str();
    if let Some(s) = line.strong.iter().find(|f| f.at == 0) {
        return s.text.trim_end_matches(':');
    }
    for sep in [" – ", " — ", " - ", ": "] {
        if let Some(i) = text.find(sep)
            && i > 0
        {
            return &text[..i];
        }
    }
    text
}

/// Adds an option, or folds it into one of the same name (MADR names options twice).
fn merge_option(options: &mut Vec<ConsideredOption>, opt: ConsideredOption) {
    let key = name_key(&opt.name);
    if let Some(existing) = options.iter_mut().find(|o| name_key(&o.name) == key) {
        existing.selected |= opt.selected;
        if existing.description.is_empty() {
            existing.description = opt.description;
        }
        existing.pros.extend(opt.pros);
        existing.cons.extend(opt.cons);
        existing.neutral.extend(opt.neutral);
        existing.costs.extend(opt.costs);
        if existing.verdict.is_none() {
            existing.verdict = opt.verdict;
        }
    } else {
        options.push(opt);
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Description,
    Pros,
    Cons,
    Neutral,
    Costs,
    Other,
}

fn mode_of(key: &str) -> Option<Mode> {
    let k = heading_key(key);
    let k = k.trim_end_matches(':');
    Some(match k {
        "pros" | "pro" | "advantages" | "benefits" | "strengths" | "good" | "positives" => {
            Mode::Pros
        }
        "cons" | "con" | "disadvantages" | "drawbacks" | "weaknesses" | "bad" | "negatives"
        | "risks" => Mode::Cons,
        "neutral" => Mode::Neutral,
        "cost" | "costs" | "cost estimate" | "cost estimates" | "estimated cost" | "pricing"
        | "price" => Mode::Costs,
        _ => return None,
    })
}

fn item(line: &Line, text: &str, marker: Option<String>) -> Item {
    Item {
        text: text.trim().to_string(),
        marker,
        span: line.span,
    }
}

fn push_marked(opt: &mut ConsideredOption, line: &Line, mode: Mode) -> bool {
    let (marker, rest) = split_marker(&line.text);
    let polarity = marker.as_ref().map(|(_, p)| *p);
    let target = match (mode, polarity) {
        (_, Some(Polarity::Good)) | (Mode::Pros, None) => &mut opt.pros,
        (_, Some(Polarity::Bad | Polarity::Warn)) | (Mode::Cons, None) => &mut opt.cons,
        (_, Some(Polarity::Neutral)) | (Mode::Neutral, None) => &mut opt.neutral,
        _ => return false,
    };
    target.push(item(line, rest, marker.map(|(m, _)| m)));
    true
}

/// Reads an option section's blocks: pros, cons, costs, verdict and description.
fn read_option_body(blocks: &[Block], src: &str, opt: &mut ConsideredOption) {
    let mut mode = Mode::Description;
    for block in blocks {
        match block {
            Block::Heading { line, .. } => mode = mode_of(&line.text).unwrap_or(Mode::Other),
            Block::Paragraph { lines, .. } => {
                for line in lines {
                    if let Some(kv) = key_value(line, src)
                        && kv.bold
                    {
                        if let Some(m) = mode_of(&kv.key) {
                            mode = m;
                            if !kv.value.is_empty() {
                                if m == Mode::Costs {
                                    opt.costs.push(parse_cost_line(line, src, None));
                                } else {
                                    push_marked(opt, line, m);
                                }
                            }
                            continue;
                        }
                        if is_verdict_key(&kv.norm) {
                            opt.verdict = Some(item(line, &kv.value, None));
                            continue;
                        }
                    }
                    if push_marked(opt, line, mode) {
                        continue;
                    }
                    if mode == Mode::Description {
                        append(&mut opt.description, &line.text);
                    }
                }
            }
            Block::List { items, .. } => {
                if mode == Mode::Costs {
                    opt.costs.extend(costs_from_items(items, src, None));
                    mode = Mode::Other;
                    continue;
                }
                read_items_in_mode(std::slice::from_ref(block), src, opt, mode_for_list(mode));
            }
            _ => {}
        }
    }
}

fn append(desc: &mut String, text: &str) {
    if !desc.is_empty() {
        desc.push('\n');
    }
    desc.push_str(text);
}

/// Lists after a `**Pros:**` line are pros; after prose they are read item by item.
fn mode_for_list(mode: Mode) -> Mode {
    if mode == Mode::Other {
        Mode::Description
    } else {
        mode
    }
}

/// Reads bullets under an option: `Good, because …`, ✅ / ❌ lines, `**Pros:**` with a sublist.
fn read_option_items(blocks: &[Block], src: &str, opt: &mut ConsideredOption) {
    read_items_in_mode(blocks, src, opt, Mode::Description);
}

fn read_items_in_mode(blocks: &[Block], src: &str, opt: &mut ConsideredOption, mode: Mode) {
    for block in blocks {
        let Block::List { items, .. } = block else {
            continue;
        };
        for it in items {
            let Some(line) = it.lines().first() else {
                continue;
            };
            if let Some(kv) = key_value(line, src)
                && let Some(m) = mode_of(&kv.key)
            {
                if m == Mode::Costs {
                    if !kv.value.is_empty() {
                        opt.costs.push(parse_cost_line(line, src, None));
                    }
                    for sub in it.sublists() {
                        opt.costs.extend(costs_from_items(sub, src, None));
                    }
                } else {
                    if !kv.value.is_empty() {
                        push_marked(opt, line, m);
                    }
                    read_items_in_mode(&it.blocks[1..], src, opt, m);
                }
                continue;
            }
            if !push_marked(opt, line, mode)
                && mode == Mode::Description
                && has_amount(&line.text)
                && line.text.to_lowercase().contains("cost")
            {
                opt.costs.push(parse_cost_line(line, src, None));
            }
        }
    }
}

/// Finds the chosen option: `Chosen option: "…"`, a `(SELECTED)` option, a `Selected …:`
/// line, a `Winner:` line, or the name emphasised in the Decision section.
pub(crate) fn find_chosen(
    doc: &Doc,
    options: &[ConsideredOption],
    decision_sec: Option<&Sec<'_>>,
    winner: Option<&Winner>,
    src: &str,
) -> Option<ChosenOption> {
    let mut selected_line = None;
    let winner = winner.map(|w| ChosenOption {
        name: w.name.clone(),
        source: ChosenSource::WinnerLine,
        span: w.span,
    });
    let lines = all_lines(&doc.blocks);
    for (i, line) in lines.iter().enumerate() {
        if is_chosen_option_line(&line.text.to_lowercase()) {
            // A quoted name may wrap onto the paragraph's next line.
            let text = match lines.get(i + 1) {
                Some(next) if has_unclosed_quote(&line.text) => {
                    format!("{} {}", line.text, next.text)
                }
                _ => line.text.clone(),
            };
            if let Some(name) = chosen_option_name(&text) {
                return Some(ChosenOption {
                    name,
                    source: ChosenSource::ChosenOptionLine,
                    span: line.span,
                });
            }
            continue;
        }
        if let Some(kv) = key_value(line, src) {
            let n = kv.norm.as_str();
            if selected_line.is_none() && is_selected_key(n) && !kv.value.is_empty() {
                selected_line = Some(ChosenOption {
                    name: emphasised_or_head(line, kv.value_at, &kv.value),
                    source: ChosenSource::SelectedLine,
                    span: kv.value_span,
                });
            }
        }
    }
    if let Some(opt) = options.iter().find(|o| o.selected) {
        return Some(ChosenOption {
            name: opt.name.clone(),
            source: ChosenSource::SelectedMarker,
            span: opt.span,
        });
    }
    if let Some(c) = selected_line.or(winner) {
        return Some(c);
    }
    let sec = decision_sec?;
    if options.is_empty() {
        return None;
    }
    decision_emphasis(&doc.blocks[sec.heading + 1..sec.own_end], options)
}

/// The value's first bold run when it opens the value, else its text up to a bracket or dash.
/// The first `Winner:` line, naming the option it emphasises or its leading name.
pub(crate) fn find_winner(doc: &Doc, src: &str) -> Option<Winner> {
    all_lines(&doc.blocks).into_iter().find_map(|line| {
        let kv = key_value(line, src)?;
        (is_winner_key(&kv.norm) && !kv.value.is_empty()).then(|| Winner {
            name: emphasised_or_head(line, kv.value_at, &kv.value),
            raw: kv.value.clone(),
            span: kv.value_span,
        })
    })
}

fn emphasised_or_head(line: &Line, value_at: usize, value: &str) -> String {
    if let Some(s) = line
        .strong
        .iter()
        .find(|f| f.at >= value_at && line.text[value_at..f.at].trim().is_empty())
    {
        return s.text.trim().to_string();
    }
    head_name(value)
}

/// `Render (highest score on critical criteria)` → `Render`.
pub(crate) fn head_name(value: &str) -> String {
    let mut end = value.len();
    for sep in [" (", " - ", " – ", " — ", ", ", " because", ". "] {
        if let Some(i) = value.find(sep) {
            end = end.min(i);
        }
    }
    value[..end]
        .trim()
        .trim_matches(['"', '“', '”', '*'])
        .trim()
        .to_string()
}

fn has_unclosed_quote(text: &str) -> bool {
    text.matches('"').count() % 2 == 1 || text.matches('“').count() > text.matches('”').count()
}

/// `Chosen option: "Name", because …` → `Name`.
fn chosen_option_name(text: &str) -> Option<String> {
    let colon = text.find(':')?;
    let value = text[colon + 1..].trim();
    if value.is_empty() {
        return None;
    }
    for (open, close) in [('"', '"'), ('“', '”'), ('\'', '\''), ('[', ']')] {
        if let Some(rest) = value.strip_prefix(open)
            && let Some(end) = rest.find(close)
        {
            let name = rest[..end].trim();
            if !name.is_empty() {
                return Some(name.to_string());
            }
        }
    }
    let name = head_name(value);
    (!name.is_empty()).then_some(name)
}

/// The Decision section's first bold name that matches an option, else its first short bold run.
fn decision_emphasis(blocks: &[Block], options: &[ConsideredOption]) -> Option<ChosenOption> {
    let keys: Vec<String> = options.iter().map(|o| name_key(&o.name)).collect();
    let first_para = blocks.iter().find_map(|b| match b {
        Block::Paragraph { lines, .. } => Some(lines),
        _ => None,
    })?;
    let strongs: Vec<_> = first_para.iter().flat_map(|l| l.strong.iter()).collect();
    if let Some((s, opt)) = strongs.iter().find_map(|s| {
        let key = name_key(&s.text);
        keys.iter()
            .position(|k| *k == key)
            .map(|i| (s, &options[i]))
    }) {
        return Some(ChosenOption {
            name: opt.name.clone(),
            source: ChosenSource::DecisionEmphasis,
            span: s.span,
        });
    }
    // A bold name that matches no option counts only in a sentence that states a choice:
    // `We will deploy the backend to **Fly.io**`, `Use **GCP Cloud Run**`.
    let opening = first_para.first()?.text.to_lowercase();
    let states_choice = [
        "we will",
        "we'll",
        "we have decided",
        "we decided",
        "we chose",
        "we choose",
        "we are going",
        "we use",
        "use ",
        "adopt",
        "choose",
        "go with",
        "we selected",
        "we have chosen",
    ]
    .iter()
    .any(|p| opening.starts_with(p));
    let pick = strongs.iter().find(|s| {
        states_choice
            && s.text.len() <= 40
            && s.text.split_whitespace().count() <= 4
            && !s.text.ends_with(':')
    })?;
    Some(ChosenOption {
        name: pick.text.trim().to_string(),
        source: ChosenSource::DecisionEmphasis,
        span: pick.span,
    })
}

/// Every paragraph line and list-item line in document order, nested ones included.
pub(crate) fn all_lines(blocks: &[Block]) -> Vec<&Line> {
    let mut out = Vec::new();
    collect_lines(blocks, &mut out);
    out
}

fn collect_lines<'d>(blocks: &'d [Block], out: &mut Vec<&'d Line>) {
    for block in blocks {
        match block {
            Block::Paragraph { lines, .. } => out.extend(lines.iter()),
            Block::List { items, .. } => {
                for it in items {
                    collect_lines(&it.blocks, out);
                }
            }
            Block::Quote { blocks, .. } => collect_lines(blocks, out),
            _ => {}
        }
    }
}
