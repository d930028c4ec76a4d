//! Considered options: `### Option N: Name (SELECTED)` sections, MADR's Considered Options list
//! and Pros and Cons sections, alternatives lists, a comparison table's columns; their pros,
//! cons, costs and verdicts. The chosen one is `chosen`'s.

use std::collections::{HashMap, HashSet};

use super::costs::{costs_from_items, has_amount, parse_cost_line};
use super::criteria::{is_weight_or_total_row, stray_rows};
use super::markdown::{Block, Doc, Line, ListItem};
use super::option_list::OptionList;
use super::sections::Sec;
use super::text::{Polarity, key_value, split_marker};
use super::vocabulary::{
    NAME_DASHES, OPTION_PREFIXES, PART_OF, SELECTED_MARKERS, heading_key, is_non_option_heading,
    is_option_column, is_option_group_name, is_verdict_key,
};
use crate::model::{ConsideredOption, CriteriaTable, Item, SectionKind, Span, loose_option_key};

/// Whether a heading is itself an option (`Option 1: Render`, `Option A - Heroku`).
fn is_option_heading(key: &str) -> bool {
    let Some(rest) = OPTION_PREFIXES.iter().find_map(|p| key.strip_prefix(p)) else {
        return false;
    };
    let rest = rest.trim_start();
    let word: String = rest.chars().take_while(|c| c.is_alphanumeric()).collect();
    !word.is_empty() && word.len() <= 2 && {
        let after = rest[word.len()..].trim_start();
        after.is_empty() || after.starts_with([':', '-', '.', ')', '–', '—'])
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
        // The word's length in bytes slices it; its length in chars tells `2` or `B` from a name.
        let word_end = rest_t
            .find(|c: char| !c.is_alphanumeric())
            .unwrap_or(rest_t.len());
        let word = rest_t[..word_end].chars().count();
        let after = rest_t[word_end..].trim_start();
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
    let stripped = strip_enumerator(unquote(stripped.trim_matches(['*', '`']).trim()));
    (stripped.to_string(), selected)
}

/// A name without the quotes around it (`"Render"`, `“Render”`); a quote that opens or
/// closes only a part of the name (`“Private” links`) stays.
fn unquote(name: &str) -> &str {
    for (open, close) in [('"', '"'), ('“', '”')] {
        if let Some(inner) = name.strip_prefix(open).and_then(|n| n.strip_suffix(close))
            && !inner.contains([open, close])
        {
            return inner.trim();
        }
    }
    let partly_quoted = name.starts_with('“') && name.contains('”') && !name.ends_with('”')
        || name.ends_with('”') && name.contains('“') && !name.starts_with('“');
    if partly_quoted {
        name
    } else {
        name.trim_matches(['"', '“', '”']).trim()
    }
}

/// A name without the number or letter it was listed by: `1. React`, `2) Vue`, `(3) Svelte`,
/// `A) Angular`, `b. Ember`, `#3 Dockerfile …` → the name. A name that is only the number
/// (`1.`), or a number that is part of the name (`1Password`, `3.5 Turbo`), stays.
fn strip_enumerator(name: &str) -> &str {
    let unbracketed = name.strip_prefix('(');
    let body = unbracketed.unwrap_or(name);
    let body = body
        .strip_prefix('#')
        .filter(|_| unbracketed.is_none())
        .unwrap_or(body);
    let digits = body.chars().take_while(char::is_ascii_digit).count();
    let label = if digits > 0 {
        digits
    } else if body.starts_with(|c: char| c.is_ascii_alphabetic()) {
        1
    } else {
        return name;
    };
    if label > 2 {
        return name;
    }
    let after = &body[label..];
    let rest = if unbracketed.is_some() {
        after.strip_prefix(')')
    } else if digits == 0 {
        after.strip_prefix([')', '.'])
    } else if name.starts_with('#') {
        Some(after)
    } else {
        after.strip_prefix(['.', ')', ':'])
    };
    match rest {
        Some(r) if r.starts_with(' ') && !r.trim().is_empty() => r.trim(),
        _ => name,
    }
}

/// An option with a name and nothing else yet.
pub(crate) fn new_option(name: String, span: Span, selected: bool) -> ConsideredOption {
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
    let mut options = OptionList::default();
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
            let direct: Vec<usize> = children_of(secs, si);
            // A group of options (`### Options for rendering the page`) is no option: its
            // subsections and list items are, and option headings after it stay options.
            let mut groups = Vec::new();
            let mut children = Vec::new();
            for j in direct {
                if is_option_group(secs, j) {
                    claimed[j] = true;
                    groups.push(j);
                    children.extend(children_of(secs, j));
                } else {
                    children.push(j);
                }
            }
            let option_children: HashSet<usize> = children
                .iter()
                .copied()
                .filter(|&j| is_option_child(&secs[j]))
                .collect();
            if container && option_children.is_empty() {
                read_section_options(&doc.blocks[sec.heading + 1..sec.own_end], src, &mut options);
            }
            for &g in &groups {
                let group = &secs[g];
                read_list_options(
                    &doc.blocks[group.heading + 1..group.own_end],
                    src,
                    &mut options,
                );
            }
            let mut last = None;
            for j in children {
                let child = &secs[j];
                // A nested options section is read on its own turn.
                if matches!(
                    child.kind,
                    SectionKind::ConsideredOptions | SectionKind::ProsAndCons
                ) {
                    continue;
                }
                claimed[j] = true;
                claim_subsections(secs, j, &mut claimed);
                if !option_children.contains(&j) {
                    // `#### Pros` beside the option headings belongs to the option before it.
                    if let Some(i) = last.filter(|_| mode_of(child.key()).is_some()) {
                        read_option_body(
                            &doc.blocks[child.heading..child.end],
                            src,
                            options.get_mut(i),
                        );
                    }
                    continue;
                }
                let (name, selected) = option_name(&child.line.text);
                let name = options.grouped_name(name);
                let mut opt = new_option(name, child.line.span, selected);
                read_option_body(&doc.blocks[child.heading + 1..child.end], src, &mut opt);
                last = Some(options.merge(opt));
            }
        } else if is_option_heading(key) {
            claimed[si] = true;
            let (name, selected) = option_name(&sec.line.text);
            let mut opt = new_option(name, sec.line.span, selected);
            read_option_body(&doc.blocks[sec.heading + 1..sec.end], src, &mut opt);
            claim_subsections(secs, si, &mut claimed);
            options.merge(opt);
        }
    }
    options.into_options()
}

/// Marks every section inside section `si` as read. Sections are in document order, so those
/// inside come right after it (scanning to the end made thousands of options quadratic).
fn claim_subsections(secs: &[Sec<'_>], si: usize, claimed: &mut [bool]) {
    let end = secs[si].end;
    for k in (si + 1..secs.len()).take_while(|&k| secs[k].heading < end) {
        claimed[k] = true;
    }
}

/// The direct subsections of section `si`.
fn children_of(secs: &[Sec<'_>], si: usize) -> Vec<usize> {
    (si + 1..secs.len())
        .take_while(|&j| secs[j].heading < secs[si].end)
        .filter(|&j| secs[j].parent == Some(si))
        .collect()
}

/// Whether a subsection of an options section groups options rather than naming one: its
/// heading names a group (`Tech stack options`), or its own subsections are `Option N`
/// headings.
fn is_option_group(secs: &[Sec<'_>], j: usize) -> bool {
    let sec = &secs[j];
    sec.kind == SectionKind::Other
        && !is_option_heading(sec.key())
        && (is_option_group_name(sec.key())
            || children_of(secs, j)
                .iter()
                .any(|&k| is_option_heading(secs[k].key())))
}

/// Reads the options an options section lists in its own blocks: numbered bold paragraph
/// openers (`**1. Use a queue**`) whose bodies hold any lists, else list items, else the rows of
/// an options table.
fn read_section_options(blocks: &[Block], src: &str, options: &mut OptionList) {
    if read_bold_options(blocks, src, options) || read_list_options(blocks, src, options) {
        return;
    }
    read_table_options(blocks, src, options);
}

/// The name a numbered bold paragraph opener gives an option (`**1. Use a queue**`,
/// `**Option 2: Poll**`, `**A) Cache**`), with its span, and where the bold run ends.
fn bold_opener(block: &Block) -> Option<(String, Span, usize)> {
    let Block::Paragraph { lines, .. } = block else {
        return None;
    };
    let line = lines.first()?;
    let strong = line.strong.iter().find(|f| f.at == 0)?;
    let text = strong.text.trim().trim_end_matches([':', '.']).trim();
    let key = text.to_lowercase();
    let numbered = strip_enumerator(text) != text || is_option_heading(&key);
    if !numbered || is_part_heading(&key) || is_verdict_key(&key) {
        return None;
    }
    let (name, _) = option_name(text);
    (!name.is_empty()).then_some((name, strong.span, strong.text.len()))
}

/// Reads options opened by numbered bold paragraphs, each with the blocks up to the next
/// opener as its body. Only when two or more openers come before any list, so that lists of
/// pros and cons under them stay theirs. Returns whether it read any.
fn read_bold_options(blocks: &[Block], src: &str, options: &mut OptionList) -> bool {
    let openers: Vec<usize> = (0..blocks.len())
        .filter(|&i| bold_opener(&blocks[i]).is_some())
        .collect();
    let first_list = blocks.iter().position(|b| matches!(b, Block::List { .. }));
    if openers.len() < 2 || first_list.is_some_and(|l| l < openers[0]) {
        return false;
    }
    for (k, &at) in openers.iter().enumerate() {
        let Some((name, span, bold_len)) = bold_opener(&blocks[at]) else {
            continue;
        };
        let end = openers.get(k + 1).copied().unwrap_or(blocks.len());
        let mut opt = new_option(name, span, false);
        if let Block::Paragraph { lines, .. } = &blocks[at] {
            let rest = lines[0].text.get(bold_len..).unwrap_or("").trim();
            append(
                &mut opt.description,
                rest.trim_start_matches([':', '.']).trim(),
            );
            for line in &lines[1..] {
                append(&mut opt.description, &line.text);
            }
            opt.description = opt.description.trim().to_string();
        }
        read_option_body(&blocks[at + 1..end], src, &mut opt);
        options.merge(opt);
    }
    true
}

/// Reads an options table, one option per row (`| Option | Pros | Cons |`): a table whose
/// first column is headed by an option word. The first cell names the option (a leading
/// `A`, `B`, … or `1`, `2`, … that numbers the rows in order is left out; a leading ✅ or
/// trailing `(chosen)` marks it chosen); `Pros` and `Cons` columns give its pros and cons,
/// the other cells its description. Rows a stray line cut off the table count too.
fn read_table_options(blocks: &[Block], src: &str, options: &mut OptionList) {
    for (i, block) in blocks.iter().enumerate() {
        let Block::Table { head, rows, span } = block else {
            continue;
        };
        let (stray, _) = stray_rows(*span, blocks.get(i + 1), src);
        let rows: Vec<Vec<Line>> = rows.iter().cloned().chain(stray).collect();
        let rows = rows.as_slice();
        let Some(first) = head.first() else {
            continue;
        };
        if !is_option_column(&first.text.to_lowercase()) {
            continue;
        }
        let numbered = rows_numbered(rows);
        for row in rows {
            let Some(cell) = row.first() else {
                continue;
            };
            let mut text = cell.text.trim();
            if numbered {
                text = drop_row_number(text);
            }
            let marked = text.starts_with('✅');
            let (name, selected) = option_name(text.trim_start_matches(['✅', '\u{fe0f}']).trim());
            if name.is_empty() || is_weight_or_total_row(&name) {
                continue;
            }
            let mut opt = new_option(name, cell.span, selected || marked);
            for (h, line) in head.iter().zip(row).skip(1) {
                if line.text.trim().is_empty() {
                    continue;
                }
                match mode_of(&h.text) {
                    Some(Mode::Pros) => opt.pros.push(item(line, &line.text, None)),
                    Some(Mode::Cons) => opt.cons.push(item(line, &line.text, None)),
                    Some(Mode::Neutral) => opt.neutral.push(item(line, &line.text, None)),
                    _ => append(
                        &mut opt.description,
                        &format!("{}: {}", h.text.trim(), line.text.trim()),
                    ),
                }
            }
            options.merge(opt);
        }
    }
}

/// The row-numbering token a first cell opens with (`A 完整镜像`, `B — Poll`, `**C** Cache`).
fn row_number(text: &str) -> Option<char> {
    let mut chars = text.chars();
    let c = chars.next()?;
    (c.is_ascii_uppercase() || c.is_ascii_digit()).then_some(())?;
    chars.next().filter(|n| *n == ' ').map(|_| c)
}

/// Whether every row's first cell opens with `A `, `B `, `C ` … or `1 `, `2 `, `3 ` … in order.
fn rows_numbered(rows: &[Vec<Line>]) -> bool {
    let tokens: Vec<Option<char>> = rows
        .iter()
        .map(|r| r.first().and_then(|c| row_number(c.text.trim())))
        .collect();
    let Some(Some(start)) = tokens.first().copied() else {
        return false;
    };
    (start == 'A' || start == '1')
        && rows.len() >= 2
        && tokens.iter().enumerate().all(|(i, t)| {
            *t == u32::try_from(i)
                .ok()
                .and_then(|i| char::from_u32(start as u32 + i))
        })
}

/// A first cell without its row number and a dash after it.
fn drop_row_number(text: &str) -> &str {
    let rest = text.get(2..).unwrap_or(text).trim_start();
    NAME_DASHES
        .iter()
        .find_map(|d| rest.strip_prefix(d.trim()))
        .unwrap_or(rest)
        .trim_start()
}

/// Reads the options listed in blocks: one per list item, or per item of a group item's
/// sublist (`- GitBook publishing options` with the options nested under it).
/// Returns whether it read any.
fn read_list_options(blocks: &[Block], src: &str, options: &mut OptionList) -> bool {
    let mut items: Vec<&ListItem> = Vec::new();
    for item in list_items(blocks) {
        let grouped: Vec<&ListItem> = item.sublists().flatten().collect();
        let name = item.lines().first().map(|l| l.text.to_lowercase());
        if !grouped.is_empty() && name.is_some_and(|n| is_option_group_name(&n)) {
            items.extend(grouped);
        } else {
            items.push(item);
        }
    }
    let mut read = false;
    let heads: Vec<String> = items.iter().map(|it| list_option_name(it, true)).collect();
    // Keys counted once: comparing every pair was quadratic in the list's length.
    let mut key_counts: HashMap<String, usize> = HashMap::new();
    for h in &heads {
        *key_counts.entry(loose_option_key(h)).or_default() += 1;
    }
    for (k, item) in items.iter().enumerate() {
        let Some(line) = item.lines().first() else {
            continue;
        };
        // A cut at a colon or sentence end that leaves two options alike cut too much (`Use
        // the schema: a/b` and `Use the schema: c/d`).
        let twin = key_counts
            .get(&loose_option_key(&heads[k]))
            .is_some_and(|&n| n > 1);
        let head = if twin {
            list_option_name(item, false)
        } else {
            heads[k].clone()
        };
        let (name, selected) = option_name(&head);
        if name.is_empty() {
            continue;
        }
        let mut opt = new_option(name, line.span, selected);
        let rest = item.blocks.get(1..).unwrap_or(&[]);
        read_option_items(rest, src, &mut opt);
        options.merge(opt);
        read = true;
    }
    read
}

/// Whether a subsection of an options section names an option: not an option part (`Pros`),
/// not a write-up heading (`Details`, `Links`), not one of the record's own sections nested too
/// deep (`Decision Outcome`).
fn is_option_child(sec: &Sec<'_>) -> bool {
    sec.kind == SectionKind::Other
        && !is_non_option_heading(sec.key())
        && !is_part_heading(sec.key())
        && !option_name(&sec.line.text).0.is_empty()
}

/// The options of a record that lists them only as a comparison table's columns: each table
/// option once, in table order, at its first cell.
pub(crate) fn options_from_tables(tables: &[CriteriaTable]) -> Vec<ConsideredOption> {
    let mut options = OptionList::default();
    for table in tables {
        for name in &table.options {
            let span = table.option_span(name);
            let (name, selected) = option_name(name);
            if !name.is_empty() {
                options.merge(new_option(name, span, selected));
            }
        }
    }
    options.into_options()
}

fn list_items(blocks: &[Block]) -> impl Iterator<Item = &ListItem> {
    blocks.iter().flat_map(|b| match b {
        Block::List { items, .. } => items.as_slice(),
        _ => &[],
    })
}

/// A list item naming an option: `[Name](#anchor)`, `**Name**: description`, `Name -
/// description`, and when `cut`, `Name: a described option` (cut at the colon only when prose
/// follows it) and the first sentence. The name's sentence may wrap onto lines that go on in
/// lower case.
fn list_option_name(item: &ListItem, cut: bool) -> String {
    let lines = item.lines();
    let Some(line) = lines.first() else {
        return String::new();
    };
    if let Some(s) = line.strong.iter().find(|f| f.at == 0) {
        return s.text.trim_end_matches(':').to_string();
    }
    let mut text = line.text.clone();
    for next in &lines[1..] {
        if !next.text.starts_with(|c: char| c.is_lowercase()) {
            break;
        }
        text.push(' ');
        text.push_str(&next.text);
    }
    for sep in NAME_DASHES {
        if let Some(i) = text.find(sep)
            && i > 0
        {
            text.truncate(i);
        }
    }
    if !cut {
        return text;
    }
    if let Some(i) = text.find(": ")
        && i > 0
        && text[i + 2..].trim().contains(char::is_whitespace)
    {
        text.truncate(i);
    }
    let end = first_sentence_end(&text);
    text.truncate(end);
    text
}

/// Where a name's first sentence ends: at a full stop followed by a capitalised word, outside
/// brackets and quotes (`Find balance between 1. and 2. Deploy …` → `Find balance between 1.
/// and 2.`; `Add the number (e.g., "# 2. Title")` stays whole).
fn first_sentence_end(text: &str) -> usize {
    text.match_indices(". ")
        .map(|(i, _)| i + 1)
        .find(|&i| {
            let before = &text[..i];
            let open = before.matches(['(', '[']).count() > before.matches([')', ']']).count();
            let quoted = before.matches('"').count() % 2 == 1
                || before.matches('“').count() > before.matches('”').count();
            !open && !quoted && text[i..].trim_start().starts_with(char::is_uppercase)
        })
        .unwrap_or(text.len())
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

/// Whether a heading opens a part of an option: `Pros`, or `Advantages of Acquia`.
fn is_part_heading(key: &str) -> bool {
    mode_of(key).is_some()
        || PART_OF.iter().any(|of| {
            key.split_once(of)
                .is_some_and(|(head, _)| mode_of(head).is_some())
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_names_lose_the_number() {
        let rows = [
            ("number and dot", "1. React", "React"),
            ("number and bracket", "2) Vue", "Vue"),
            ("bracketed number", "(3) Svelte", "Svelte"),
            ("letter and bracket", "A) Angular", "Angular"),
            ("letter and dot", "b. Ember", "Ember"),
            (
                "hash number",
                "#3 Override the command",
                "Override the command",
            ),
            ("option prefix", "Option 1: React", "React"),
            ("number inside the name", "1Password", "1Password"),
            ("version number", "3.5 Turbo", "3.5 Turbo"),
            ("number only", "1.", "1."),
            ("a word, not a letter", "A Fresh Start", "A Fresh Start"),
            // review: the word after the prefix was measured in chars and sliced in bytes.
            (
                "review: cjk word after the prefix",
                "Option 被 取代",
                "Option 被 取代",
            ),
            (
                "review: cjk numeral and colon",
                "Option 二: 微服务",
                "微服务",
            ),
        ];
        for (name, input, want) in rows {
            assert_eq!(option_name(input).0, want, "{name}");
        }
    }

    #[test]
    fn table_rows_numbered_in_order() {
        let cells = |texts: &[&str]| -> Vec<Vec<Line>> {
            texts
                .iter()
                .map(|t| {
                    vec![Line {
                        text: (*t).to_string(),
                        ..Line::default()
                    }]
                })
                .collect()
        };
        let rows = [
            ("letters", &["A 本地", "B 草稿表", "C 快照"][..], true),
            ("numbers", &["1 Poll", "2 Push"][..], true),
            ("out of order", &["A Poll", "C Push"][..], false),
            ("words", &["A Fresh Start", "Big Bang"][..], false),
            ("one row", &["A Poll"][..], false),
        ];
        for (name, texts, want) in rows {
            assert_eq!(rows_numbered(&cells(texts)), want, "{name}");
        }
        assert_eq!(drop_row_number("B — Poll the queue"), "Poll the queue");
        assert_eq!(drop_row_number("C 快照"), "快照");
    }

    #[test]
    fn group_prefixed_headings_name_listed_options() {
        let mut options = OptionList::default();
        for n in [
            "Open link",
            "Agency-hosted site",
            "Vendor-built static site",
        ] {
            options.merge(new_option(n.to_string(), Span::default(), false));
        }
        let rows = [
            ("exact after the group", "Docs: Open link", "Open link"),
            (
                "words of one option",
                "Custom: Agency-hosted",
                "Agency-hosted site",
            ),
            (
                "words in order",
                "Custom: Vendor-built Site",
                "Vendor-built static site",
            ),
            ("names no option", "Custom: Wiki page", "Custom: Wiki page"),
            ("no group", "Open link", "Open link"),
        ];
        for (name, heading, want) in rows {
            assert_eq!(options.grouped_name(heading.to_string()), want, "{name}");
        }
    }

    #[test]
    fn quotes_around_names() {
        let rows = [
            ("straight pair", "\"Render\"", "Render"),
            ("curly pair", "“Render”", "Render"),
            ("quoted part", "“Private” links", "“Private” links"),
            ("unpaired", "\"Render", "Render"),
        ];
        for (name, input, want) in rows {
            assert_eq!(unquote(input), want, "{name}");
        }
    }

    #[test]
    fn first_sentences_of_names() {
        let rows = [
            (
                "numbers inside",
                "Find balance between 1. and 2. Deploy the rest apart.",
                "Find balance between 1. and 2.",
            ),
            (
                "in brackets",
                "Add the number (e.g., \"# 2. Title\")",
                "Add the number (e.g., \"# 2. Title\")",
            ),
            ("one sentence", "Use bats.", "Use bats."),
            ("lower case after", "Use v2. then v3", "Use v2. then v3"),
        ];
        for (name, text, want) in rows {
            assert_eq!(&text[..first_sentence_end(text)], want, "{name}");
        }
    }
}
