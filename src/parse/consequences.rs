//! Consequences: typed subsections (Positive / Negative / Neutral / Mitigation, MADR's Good and
//! Bad) and marked lines (✅ ⚠️ ➡️, `Good, because …`).

use super::markdown::{Block, Doc, Line, block_lines};
use super::sections::Sec;
use super::text::{Polarity, split_marker};
use super::vocabulary::section_heading;
use crate::model::{Consequences, Format, Item, SectionKind};

#[derive(Clone, Copy)]
enum Kind {
    Positive,
    Negative,
    Neutral,
    Mitigation,
}

fn kind_of(key: &str) -> Option<Kind> {
    let k = key.trim_end_matches(':').trim();
    let k = k.strip_suffix(" consequences").unwrap_or(k);
    let k = k.strip_suffix(" outcomes").unwrap_or(k);
    Some(match k {
        "positive" | "good" | "benefits" | "pros" | "positives" | "advantages" => Kind::Positive,
        "negative" | "bad" | "drawbacks" | "cons" | "negatives" | "risks" | "trade-offs"
        | "tradeoffs" | "disadvantages" => Kind::Negative,
        "neutral" => Kind::Neutral,
        "mitigation" | "mitigations" | "risk mitigation" | "mitigation strategies" => {
            Kind::Mitigation
        }
        _ => return None,
    })
}

fn push(out: &mut Consequences, kind: Kind, line: &Line) {
    let (marker, rest) = split_marker(&line.text);
    let item = Item {
        text: rest.trim().to_string(),
        marker: marker.map(|(m, _)| m),
        span: line.span,
    };
    match kind {
        Kind::Positive => out.positive.push(item),
        Kind::Negative => out.negative.push(item),
        Kind::Neutral => out.neutral.push(item),
        Kind::Mitigation => out.mitigation.push(item),
    }
}

fn lines(blocks: &[Block]) -> Vec<&Line> {
    block_lines(blocks, true)
}

/// Reads the Consequences section and any `Positive Consequences`-style sections.
pub(crate) fn find_consequences(doc: &Doc, secs: &[Sec<'_>]) -> Consequences {
    let mut out = Consequences::default();
    for (i, sec) in secs.iter().enumerate() {
        let key = sec.key();
        let consequences = section_heading(SectionKind::Consequences, Format::Nygard);
        let typed = key.contains(consequences).then(|| kind_of(key)).flatten();
        if let Some(kind) = typed {
            for line in lines(&doc.blocks[sec.heading + 1..sec.own_end]) {
                push(&mut out, kind, line);
            }
            continue;
        }
        // `Consequences (for the team)` is the consequences section too.
        if !(sec.kind == SectionKind::Consequences || key.starts_with("consequences ")) {
            continue;
        }
        // Untyped body: classify marked lines; a bold `**Positive:**` line switches the kind.
        let mut current: Option<Kind> = None;
        for line in lines(&doc.blocks[sec.heading + 1..sec.own_end]) {
            if let Some(k) = line
                .strong
                .iter()
                .find(|f| f.at == 0)
                .and_then(|f| kind_of(&f.text.to_lowercase()))
            {
                current = Some(k);
                continue;
            }
            let (marker, _) = split_marker(&line.text);
            let kind = match marker.map(|(_, p)| p) {
                Some(Polarity::Good) => Some(Kind::Positive),
                Some(Polarity::Bad | Polarity::Warn) => Some(Kind::Negative),
                Some(Polarity::Neutral) => Some(Kind::Neutral),
                None => current,
            };
            if let Some(kind) = kind {
                push(&mut out, kind, line);
            }
        }
        for child in secs[i + 1..].iter().take_while(|c| c.heading < sec.end) {
            if let Some(kind) = kind_of(child.key()) {
                for line in lines(&doc.blocks[child.heading + 1..child.own_end]) {
                    push(&mut out, kind, line);
                }
            }
        }
    }
    out
}
