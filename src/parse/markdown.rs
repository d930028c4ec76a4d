//! The one place pulldown-cmark runs: its offset iterator is folded into a small block tree
//! (headings, paragraphs, lists, tables, code) whose every line keeps its byte span. The other
//! parse modules read this tree, never the raw events.

// This module is the one place that may run pulldown-cmark (see clippy.toml).
#![allow(clippy::disallowed_types)]

use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};

use crate::model::Span;

/// An emphasised or bold run inside a line.
#[derive(Debug, Clone)]
pub(crate) struct Frag {
    pub(crate) text: String,
    pub(crate) span: Span,
    /// Byte offset in the line's plain text where the run starts.
    pub(crate) at: usize,
}

/// A link or image inside a line.
#[derive(Debug, Clone)]
pub(crate) struct InlineLink {
    pub(crate) text: String,
    pub(crate) href: String,
    pub(crate) span: Span,
    pub(crate) at: usize,
}

/// One line of inline content, markup removed.
#[derive(Debug, Clone, Default)]
pub(crate) struct Line {
    pub(crate) text: String,
    pub(crate) span: Span,
    pub(crate) strong: Vec<Frag>,
    pub(crate) emph: Vec<Frag>,
    pub(crate) links: Vec<InlineLink>,
    pub(crate) images: Vec<InlineLink>,
    /// Inline code spans (`` `{json}` ``), whose text is part of `text` too.
    pub(crate) code: Vec<Frag>,
}

impl Line {
    /// The plain text with inline code spans left out (each replaced by a space), for readers
    /// of prose that must not mistake code for it.
    pub(crate) fn prose(&self) -> std::borrow::Cow<'_, str> {
        if self.code.is_empty() {
            return std::borrow::Cow::Borrowed(&self.text);
        }
        let mut out = String::with_capacity(self.text.len());
        let mut from = 0;
        for frag in &self.code {
            let end = (frag.at + frag.text.len()).min(self.text.len());
            // A span cut by trimming, or out of order, is left in rather than split a char.
            if let (Some(before), true) = (
                self.text.get(from..frag.at),
                self.text.is_char_boundary(end),
            ) {
                out.push_str(before);
                out.push(' ');
                from = end;
            }
        }
        out.push_str(self.text.get(from..).unwrap_or(""));
        std::borrow::Cow::Owned(out)
    }
}

#[derive(Debug, Clone)]
pub(crate) struct ListItem {
    pub(crate) blocks: Vec<Block>,
    pub(crate) span: Span,
}

impl ListItem {
    /// The item's own lines: those of its first paragraph.
    pub(crate) fn lines(&self) -> &[Line] {
        match self.blocks.first() {
            Some(Block::Paragraph { lines, .. }) => lines,
            _ => &[],
        }
    }

    /// Nested lists inside the item.
    pub(crate) fn sublists(&self) -> impl Iterator<Item = &[ListItem]> {
        self.blocks.iter().filter_map(|b| match b {
            Block::List { items, .. } => Some(items.as_slice()),
            _ => None,
        })
    }
}

#[derive(Debug, Clone)]
pub(crate) enum Block {
    Heading {
        level: u8,
        line: Line,
        span: Span,
    },
    Paragraph {
        lines: Vec<Line>,
        span: Span,
    },
    List {
        items: Vec<ListItem>,
        span: Span,
    },
    Table {
        head: Vec<Line>,
        rows: Vec<Vec<Line>>,
        span: Span,
    },
    Code {
        lang: Option<String>,
        span: Span,
        content_span: Span,
    },
    Html {
        span: Span,
    },
    Rule {
        span: Span,
    },
    Quote {
        blocks: Vec<Block>,
        span: Span,
    },
}

impl Block {
    pub(crate) fn span(&self) -> Span {
        match self {
            Block::Heading { span, .. }
            | Block::Paragraph { span, .. }
            | Block::List { span, .. }
            | Block::Table { span, .. }
            | Block::Code { span, .. }
            | Block::Html { span }
            | Block::Rule { span }
            | Block::Quote { span, .. } => *span,
        }
    }
}

/// The parsed document: top-level blocks plus every HTML comment, for suppressions.
#[derive(Debug, Default)]
pub(crate) struct Doc {
    pub(crate) blocks: Vec<Block>,
    pub(crate) comments: Vec<(String, Span)>,
}

/// The parser options docket uses everywhere.
fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS
}

/// The options for rendering a record as HTML: the model's, plus GitHub's footnotes.
pub(crate) fn html_options() -> Options {
    options() | Options::ENABLE_FOOTNOTES
}

enum Frame {
    Quote(Vec<Block>, usize),
    List(Vec<ListItem>, usize),
    Item(Vec<Block>, usize),
    Table {
        head: Vec<Line>,
        rows: Vec<Vec<Line>>,
        row: Vec<Line>,
        start: usize,
    },
}

enum InlineKind {
    Paragraph,
    Heading(u8),
    Cell,
}

struct Inline {
    kind: InlineKind,
    start: usize,
    lines: Vec<Line>,
    cur: Line,
    cur_started: bool,
    strong: Vec<(usize, usize)>,
    emph: Vec<(usize, usize)>,
    links: Vec<(usize, usize, String)>,
    image: Option<(usize, String, String)>,
    image_depth: usize,
}

impl Inline {
    fn new(kind: InlineKind, start: usize) -> Self {
        Inline {
            kind,
            start,
            lines: Vec::new(),
            cur: Line::default(),
            cur_started: false,
            strong: Vec::new(),
            emph: Vec::new(),
            links: Vec::new(),
            image: None,
            image_depth: 0,
        }
    }

    fn touch(&mut self, start: usize, end: usize) {
        if self.cur_started {
            self.cur.span = self.cur.span.cover(Span::new(start, end));
        } else {
            self.cur.span = Span::new(start, end);
            self.cur_started = true;
        }
    }

    fn text(&mut self, text: &str, start: usize, end: usize) {
        if let Some((_, _, alt)) = self.image.as_mut() {
            alt.push_str(text);
            return;
        }
        self.touch(start, end);
        self.cur.text.push_str(text);
    }

    fn line_break(&mut self) {
        // Runs that cross a line break are cut at it.
        let line = std::mem::take(&mut self.cur);
        if self.cur_started || !line.text.is_empty() {
            self.lines.push(line);
        }
        self.cur_started = false;
        for open in self.strong.iter_mut().chain(self.emph.iter_mut()) {
            open.0 = 0;
        }
        for open in &mut self.links {
            open.0 = 0;
        }
    }

    fn finish(mut self, end: usize) -> (InlineKind, Vec<Line>, Span) {
        self.line_break();
        for line in &mut self.lines {
            trim_line(line);
        }
        self.lines
            .retain(|l| !l.text.is_empty() || !l.images.is_empty());
        (self.kind, self.lines, Span::new(self.start, end))
    }
}

/// Trims the plain text of a line, shifting the runs' offsets to match.
fn trim_line(line: &mut Line) {
    let lead = line.text.len() - line.text.trim_start().len();
    let kept = line.text.trim().to_string();
    line.text = kept;
    let len = line.text.len();
    for at in line
        .strong
        .iter_mut()
        .chain(line.emph.iter_mut())
        .chain(line.code.iter_mut())
        .map(|f| &mut f.at)
        .chain(line.links.iter_mut().map(|l| &mut l.at))
        .chain(line.images.iter_mut().map(|l| &mut l.at))
    {
        *at = at.saturating_sub(lead).min(len);
    }
}

/// Parses markdown into the block tree. `base` is added to every offset, so a body parsed after
/// front matter still has spans into the whole record.
pub(crate) fn parse_markdown(text: &str, base: usize) -> Doc {
    let mut builder = Builder {
        overflow: 0,
        base,
        root: Vec::new(),
        frames: Vec::new(),
        inline: None,
        code: None,
        doc_comments: Vec::new(),
        html_start: None,
    };
    for (event, range) in Parser::new_ext(text, options()).into_offset_iter() {
        builder.event(event, range.start + base, range.end + base);
    }
    builder.finish()
}

/// Containers nested deeper than this are flattened into their ancestor, so a hostile file
/// cannot make the tree (or the recursive readers of it) deep enough to overflow the stack.
const MAX_DEPTH: usize = 48;

struct Builder {
    /// Container starts ignored because of `MAX_DEPTH`, still open.
    overflow: usize,
    base: usize,
    root: Vec<Block>,
    frames: Vec<Frame>,
    inline: Option<Inline>,
    code: Option<(Option<String>, usize, Option<Span>)>,
    doc_comments: Vec<(String, Span)>,
    html_start: Option<(usize, String)>,
}

impl Builder {
    fn push_block(&mut self, block: Block) {
        match self.frames.last_mut() {
            Some(Frame::Quote(blocks, _) | Frame::Item(blocks, _)) => blocks.push(block),
            Some(Frame::List(items, _)) => {
                // A block directly in a list (should not happen) becomes its own item.
                let span = block.span();
                items.push(ListItem {
                    blocks: vec![block],
                    span,
                });
            }
            Some(Frame::Table { .. }) => {}
            None => self.root.push(block),
        }
    }

    fn close_inline(&mut self, end: usize) {
        if let Some(inline) = self.inline.take() {
            let (kind, lines, span) = inline.finish(end);
            match kind {
                InlineKind::Paragraph => self.push_block(Block::Paragraph { lines, span }),
                InlineKind::Heading(level) => {
                    let mut line = Line::default();
                    for (i, l) in lines.into_iter().enumerate() {
                        merge_line(&mut line, l, i > 0);
                    }
                    self.push_block(Block::Heading { level, line, span });
                }
                InlineKind::Cell => {
                    let mut line = Line {
                        span,
                        ..Line::default()
                    };
                    for (i, l) in lines.into_iter().enumerate() {
                        merge_line(&mut line, l, i > 0);
                    }
                    line.span = span;
                    if let Some(Frame::Table { row, .. }) = self.frames.last_mut() {
                        row.push(line);
                    }
                }
            }
        }
    }

    fn inline_mut(&mut self, start: usize) -> &mut Inline {
        // Tight list items carry text without a paragraph: open one implicitly.
        self.inline
            .get_or_insert_with(|| Inline::new(InlineKind::Paragraph, start))
    }

    #[allow(clippy::too_many_lines)]
    fn event(&mut self, event: Event<'_>, start: usize, end: usize) {
        if let Some((_, _, content)) = self.code.as_mut() {
            match event {
                Event::Text(_) => {
                    let s = Span::new(start, end);
                    *content = Some(content.map_or(s, |c| c.cover(s)));
                    return;
                }
                Event::End(TagEnd::CodeBlock) => {
                    let (lang, cstart, content) = self.code.take().expect("code block is open");
                    let span = Span::new(cstart, end);
                    let content_span = content.unwrap_or(Span::new(end, end));
                    self.push_block(Block::Code {
                        lang,
                        span,
                        content_span,
                    });
                    return;
                }
                _ => return,
            }
        }
        match event {
            Event::Start(tag) => self.start(tag, start, end),
            Event::End(tag) => self.end(tag, start, end),
            Event::Code(t) => {
                let inline = self.inline_mut(start);
                if inline.image.is_none() {
                    let at = inline.cur.text.len();
                    inline.cur.code.push(Frag {
                        text: t.to_string(),
                        span: Span::new(start, end),
                        at,
                    });
                }
                inline.text(&t, start, end);
            }
            Event::Text(t) | Event::InlineMath(t) | Event::DisplayMath(t) => {
                self.inline_mut(start).text(&t, start, end);
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(inline) = self.inline.as_mut() {
                    inline.line_break();
                }
            }
            Event::Html(t) => {
                let (s, mut acc) = self.html_start.take().unwrap_or((start, String::new()));
                acc.push_str(&t);
                self.html_start = Some((s, acc));
            }
            Event::InlineHtml(t) => {
                if t.trim_start().starts_with("<!--") {
                    self.doc_comments
                        .push((t.to_string(), Span::new(start, end)));
                }
            }
            Event::Rule => {
                self.close_inline(start);
                self.push_block(Block::Rule {
                    span: Span::new(start, end),
                });
            }
            Event::TaskListMarker(_) | Event::FootnoteReference(_) => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>, start: usize, end: usize) {
        if matches!(tag, Tag::BlockQuote(_) | Tag::List(_) | Tag::Item)
            && self.frames.len() >= MAX_DEPTH
        {
            self.close_inline(start);
            self.overflow += 1;
            return;
        }
        match tag {
            Tag::Paragraph => {
                self.close_inline(start);
                self.inline = Some(Inline::new(InlineKind::Paragraph, start));
            }
            Tag::Heading { level, .. } => {
                self.close_inline(start);
                self.inline = Some(Inline::new(InlineKind::Heading(level as u8), start));
            }
            Tag::BlockQuote(_) => {
                self.close_inline(start);
                self.frames.push(Frame::Quote(Vec::new(), start));
            }
            Tag::List(_) => {
                self.close_inline(start);
                self.frames.push(Frame::List(Vec::new(), start));
            }
            Tag::Item => {
                self.close_inline(start);
                self.frames.push(Frame::Item(Vec::new(), start));
            }
            Tag::Table(_) => {
                self.close_inline(start);
                self.frames.push(Frame::Table {
                    head: Vec::new(),
                    rows: Vec::new(),
                    row: Vec::new(),
                    start,
                });
            }
            Tag::TableCell => self.inline = Some(Inline::new(InlineKind::Cell, start)),
            Tag::CodeBlock(kind) => {
                self.close_inline(start);
                let lang = match kind {
                    CodeBlockKind::Fenced(info) => info
                        .split(|c: char| c.is_whitespace() || c == ',' || c == '{')
                        .next()
                        .filter(|w| !w.is_empty())
                        .map(str::to_ascii_lowercase),
                    CodeBlockKind::Indented => None,
                };
                self.code = Some((lang, start, None));
            }
            Tag::HtmlBlock => {
                self.close_inline(start);
                self.html_start = Some((start, String::new()));
            }
            Tag::Strong => {
                let inline = self.inline_mut(start);
                inline.touch(start, end);
                let at = inline.cur.text.len();
                inline.strong.push((at, start));
            }
            Tag::Emphasis => {
                let inline = self.inline_mut(start);
                inline.touch(start, end);
                let at = inline.cur.text.len();
                inline.emph.push((at, start));
            }
            Tag::Link { dest_url, .. } => {
                let inline = self.inline_mut(start);
                let at = inline.cur.text.len();
                inline.links.push((at, start, dest_url.to_string()));
            }
            Tag::Image { dest_url, .. } => {
                let inline = self.inline_mut(start);
                inline.touch(start, end);
                inline.image_depth += 1;
                if inline.image.is_none() {
                    inline.image = Some((start, dest_url.to_string(), String::new()));
                }
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd, start: usize, end: usize) {
        if matches!(tag, TagEnd::BlockQuote(_) | TagEnd::List(_) | TagEnd::Item)
            && self.overflow > 0
        {
            self.close_inline(end);
            self.overflow -= 1;
            return;
        }
        match tag {
            TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::TableCell => self.close_inline(end),
            TagEnd::BlockQuote(_) => {
                self.close_inline(start);
                if let Some(Frame::Quote(blocks, s)) = self.frames.pop() {
                    let span = Span::new(s, end);
                    self.push_block(Block::Quote { blocks, span });
                }
            }
            TagEnd::List(_) => {
                self.close_inline(start);
                if let Some(Frame::List(items, s)) = self.frames.pop() {
                    let span = Span::new(s, end);
                    self.push_block(Block::List { items, span });
                }
            }
            TagEnd::Item => {
                self.close_inline(end);
                if let Some(Frame::Item(blocks, s)) = self.frames.pop() {
                    let span = Span::new(s, end);
                    if let Some(Frame::List(items, _)) = self.frames.last_mut() {
                        items.push(ListItem { blocks, span });
                    }
                }
            }
            TagEnd::TableHead => {
                if let Some(Frame::Table { head, row, .. }) = self.frames.last_mut() {
                    *head = std::mem::take(row);
                }
            }
            TagEnd::TableRow => {
                if let Some(Frame::Table { rows, row, .. }) = self.frames.last_mut() {
                    rows.push(std::mem::take(row));
                }
            }
            TagEnd::Table => {
                if let Some(Frame::Table {
                    head, rows, start, ..
                }) = self.frames.pop()
                {
                    let span = Span::new(start, end);
                    self.push_block(Block::Table { head, rows, span });
                }
            }
            TagEnd::HtmlBlock => {
                if let Some((s, text)) = self.html_start.take() {
                    let span = Span::new(s, end);
                    collect_comments(&text, s, &mut self.doc_comments);
                    self.push_block(Block::Html { span });
                }
            }
            TagEnd::Strong => self.close_run(end, true),
            TagEnd::Emphasis => self.close_run(end, false),
            TagEnd::Link => {
                if let Some(inline) = self.inline.as_mut()
                    && let Some((at, s, href)) = inline.links.pop()
                {
                    let text = inline.cur.text.get(at..).unwrap_or("").to_string();
                    inline.touch(s, end);
                    inline.cur.links.push(InlineLink {
                        text,
                        href,
                        span: Span::new(s, end),
                        at,
                    });
                }
            }
            TagEnd::Image => {
                if let Some(inline) = self.inline.as_mut() {
                    inline.image_depth = inline.image_depth.saturating_sub(1);
                    if inline.image_depth == 0
                        && let Some((s, href, alt)) = inline.image.take()
                    {
                        let at = inline.cur.text.len();
                        inline.cur.images.push(InlineLink {
                            text: alt,
                            href,
                            span: Span::new(s, end),
                            at,
                        });
                    }
                }
            }
            _ => {}
        }
    }

    fn close_run(&mut self, end: usize, strong: bool) {
        if let Some(inline) = self.inline.as_mut() {
            let open = if strong {
                inline.strong.pop()
            } else {
                inline.emph.pop()
            };
            if let Some((at, s)) = open {
                let at = at.min(inline.cur.text.len());
                let frag = Frag {
                    text: inline.cur.text[at..].to_string(),
                    span: Span::new(s, end),
                    at,
                };
                if strong {
                    inline.cur.strong.push(frag);
                } else {
                    inline.cur.emph.push(frag);
                }
            }
        }
    }

    fn finish(mut self) -> Doc {
        let end = self.base;
        self.close_inline(end);
        while let Some(frame) = self.frames.pop() {
            // Unbalanced events cannot come from pulldown-cmark, but never lose content if they do.
            match frame {
                Frame::Quote(blocks, s) | Frame::Item(blocks, s) => {
                    let span = blocks
                        .last()
                        .map_or(Span::new(s, s), |b| Span::new(s, b.span().end));
                    self.push_block(Block::Quote { blocks, span });
                }
                Frame::List(items, s) => self.push_block(Block::List {
                    items,
                    span: Span::new(s, s),
                }),
                Frame::Table { .. } => {}
            }
        }
        Doc {
            blocks: self.root,
            comments: self.doc_comments,
        }
    }
}

fn merge_line(into: &mut Line, mut line: Line, space: bool) {
    let shift = into.text.len() + usize::from(space);
    if space {
        into.text.push(' ');
    }
    into.text.push_str(&line.text);
    if into.span.is_empty() {
        into.span = line.span;
    } else {
        into.span = into.span.cover(line.span);
    }
    for f in line
        .strong
        .iter_mut()
        .chain(line.emph.iter_mut())
        .chain(line.code.iter_mut())
    {
        f.at += shift;
    }
    for l in line.links.iter_mut().chain(line.images.iter_mut()) {
        l.at += shift;
    }
    into.strong.append(&mut line.strong);
    into.emph.append(&mut line.emph);
    into.links.append(&mut line.links);
    into.images.append(&mut line.images);
    into.code.append(&mut line.code);
}

fn collect_comments(html: &str, base: usize, out: &mut Vec<(String, Span)>) {
    let mut from = 0;
    while let Some(open) = html[from..].find("<!--") {
        let s = from + open;
        let e = html[s..].find("-->").map_or(html.len(), |c| s + c + 3);
        out.push((html[s..e].to_string(), Span::new(base + s, base + e)));
        from = e;
    }
}

/// The lines of paragraphs and of list items' first paragraphs, in order; with `nested`, the
/// items of lists nested one level inside those items too.
pub(crate) fn block_lines(blocks: &[Block], nested: bool) -> Vec<&Line> {
    let mut out = Vec::new();
    for block in blocks {
        match block {
            Block::Paragraph { lines, .. } => out.extend(lines.iter()),
            Block::List { items, .. } => {
                for item in items {
                    out.extend(item.lines().iter());
                    if nested {
                        for sub in item.sublists() {
                            out.extend(sub.iter().flat_map(|i| i.lines().iter()));
                        }
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// Plain text of blocks, one line per paragraph line, list item line or table row.
pub(crate) fn blocks_text(blocks: &[Block], out: &mut String) {
    write_blocks(blocks, out, &|l: &Line| {
        std::borrow::Cow::Borrowed(l.text.as_str())
    });
}

/// Plain text of blocks as [`blocks_text`] writes it, inline code spans left out.
pub(crate) fn blocks_prose(blocks: &[Block], out: &mut String) {
    write_blocks(blocks, out, &Line::prose);
}

fn write_blocks<'l>(
    blocks: &'l [Block],
    out: &mut String,
    text: &dyn Fn(&'l Line) -> std::borrow::Cow<'l, str>,
) {
    for block in blocks {
        match block {
            Block::Heading { line, .. } => push_line(out, &text(line)),
            Block::Paragraph { lines, .. } => {
                for l in lines {
                    push_line(out, &text(l));
                }
            }
            Block::List { items, .. } => {
                for item in items {
                    write_blocks(&item.blocks, out, text);
                }
            }
            Block::Table { head, rows, .. } => {
                for row in std::iter::once(head).chain(rows) {
                    let cells: Vec<std::borrow::Cow<'_, str>> = row.iter().map(text).collect();
                    push_line(out, &cells.join(" | "));
                }
            }
            Block::Quote { blocks, .. } => write_blocks(blocks, out, text),
            Block::Code { .. } | Block::Html { .. } | Block::Rule { .. } => {}
        }
    }
}

fn push_line(out: &mut String, text: &str) {
    if text.is_empty() {
        return;
    }
    if !out.is_empty() {
        out.push('\n');
    }
    out.push_str(text);
}

#[cfg(test)]
mod tests {
    use super::{Block, parse_markdown};

    #[test]
    fn prose_leaves_code_spans_out() {
        let rows = [
            ("no code", "Plain {words} here", "Plain {words} here"),
            ("one span", "Send `{\"a\": 1}` as JSON", "Send   as JSON"),
            ("two spans", "Use `{json}` or `${var}`.", "Use   or  ."),
            ("span at the start", "`{x}` is code", "  is code"),
            (
                "wrapped line",
                "First `{a}`\nthen `{b}` too",
                "First   then   too",
            ),
        ];
        for (name, text, want) in rows {
            let doc = parse_markdown(text, 0);
            let Some(Block::Paragraph { lines, .. }) = doc.blocks.first() else {
                panic!("{name}: no paragraph");
            };
            let got: Vec<String> = lines.iter().map(|l| l.prose().into_owned()).collect();
            assert_eq!(got.join(" "), want, "{name}");
        }
    }
}
