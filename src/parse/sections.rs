//! The section tree: each heading of the top-level blocks with the block range it owns.

use super::markdown::{Block, Doc, Line, blocks_prose};
use super::vocabulary::{heading_key, kind_of_key};
use crate::model::{Section, SectionContent, SectionKind, Span};

/// A heading and the blocks under it, up to the next heading of the same or a higher level.
#[derive(Debug)]
pub(crate) struct Sec<'d> {
    pub(crate) level: u8,
    pub(crate) line: &'d Line,
    pub(crate) span: Span,
    /// Index of the heading block.
    pub(crate) heading: usize,
    /// One past the last block of the section, subsections included.
    pub(crate) end: usize,
    /// One past the last block before the first subsection.
    pub(crate) own_end: usize,
    pub(crate) parent: Option<usize>,
    /// The normalised title, computed once: every extractor matches section names on it.
    key: String,
    /// What the heading names, from the vocabulary; the model carries it too.
    pub(crate) kind: SectionKind,
}

impl Sec<'_> {
    /// The normalised title: lower case, trailing colon and leading numbering removed.
    pub(crate) fn key(&self) -> &str {
        &self.key
    }
}

pub(crate) fn find_sections(doc: &Doc) -> Vec<Sec<'_>> {
    let mut secs: Vec<Sec<'_>> = Vec::new();
    for (i, block) in doc.blocks.iter().enumerate() {
        if let Block::Heading { level, line, span } = block {
            let key = heading_key(&line.text);
            secs.push(Sec {
                level: *level,
                line,
                span: *span,
                heading: i,
                end: doc.blocks.len(),
                own_end: doc.blocks.len(),
                parent: None,
                kind: kind_of_key(&key),
                key,
            });
        }
    }
    // The sections still open, their levels rising: a heading closes every open section of
    // its level or deeper, and the one left on top is its parent. One pass, where scanning
    // siblings for each heading was quadratic in a record with thousands of them.
    let mut open: Vec<usize> = Vec::new();
    for i in 0..secs.len() {
        let (level, heading) = (secs[i].level, secs[i].heading);
        while let Some(&j) = open.last().filter(|&&j| secs[j].level >= level) {
            secs[j].end = heading;
            open.pop();
        }
        secs[i].parent = open.last().copied();
        secs[i].own_end = secs.get(i + 1).map_or(doc.blocks.len(), |s| s.heading);
        open.push(i);
    }
    secs
}

/// The model's view of the tree.
pub(crate) fn to_model(doc: &Doc, secs: &[Sec<'_>], text: &str) -> Vec<Section> {
    let text_len = text.len();
    secs.iter()
        .map(|s| {
            let body_end = doc.blocks.get(s.end).map_or(text_len, |b| b.span().start);
            Section {
                level: s.level,
                title: s.line.text.clone(),
                span: s.span,
                body_span: Span::new(s.span.start, body_end.max(s.span.end)),
                parent: s.parent,
                kind: s.kind,
                content: own_content(&doc.blocks[s.heading + 1..s.own_end], text),
            }
        })
        .collect()
}

/// What a section's own blocks hold, for the empty-section and placeholder rules.
fn own_content(blocks: &[Block], src: &str) -> SectionContent {
    let mut content = SectionContent::default();
    blocks_prose(blocks, &mut content.text);
    for block in blocks {
        match block {
            Block::Rule { .. } => {}
            Block::Html { span } if is_comment_only(span.slice(src)) => content.comments += 1,
            _ => content.blocks += 1,
        }
    }
    content
}

/// Whether an HTML block is nothing but comments (`<!-- … -->`), as templates leave them.
fn is_comment_only(html: &str) -> bool {
    let mut rest = html.trim();
    while let Some(after) = rest.strip_prefix("<!--") {
        let Some(end) = after.find("-->") else {
            return false;
        };
        rest = after[end + 3..].trim_start();
    }
    rest.is_empty()
}
