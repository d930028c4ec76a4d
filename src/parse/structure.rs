//! Whole-record checks the parser reports: an empty record (DK003), several titles (DK005) and
//! a record wrapped in one code fence (DK006).

use super::markdown::{Block, Doc};
use super::sections::Sec;
use crate::diagnostics::{Code, Diagnostic};
use crate::model::Span;

pub(super) fn structural_diagnostics(
    doc: &Doc,
    secs: &[Sec<'_>],
    text: &str,
    path: &str,
    out: &mut Vec<Diagnostic>,
) {
    if text.trim().is_empty() {
        out.push(
            Diagnostic::new(
                Code::EmptyRecord,
                path,
                Span::new(0, text.len()),
                "the record is empty",
            )
            .with_help("write the record or delete the file"),
        );
        return;
    }
    let h1s: Vec<&Sec<'_>> = secs.iter().filter(|s| s.level == 1).collect();
    if let [first, second, ..] = h1s.as_slice() {
        let mut d = Diagnostic::new(
            Code::MultipleTitles,
            path,
            second.span,
            format!(
                "the record has {} level-1 headings; `{}` is the title",
                h1s.len(),
                first.line.text
            ),
        )
        .with_help("keep one `# Title` and make the other headings level 2");
        d.labels.push(crate::diagnostics::Label {
            path: path.to_string(),
            span: first.span,
            message: "title taken from here".to_string(),
        });
        out.push(d);
    }
    let code_only = !doc.blocks.is_empty()
        && doc.blocks.iter().all(|b| {
            matches!(
                b,
                Block::Code { .. } | Block::Rule { .. } | Block::Html { .. }
            )
        })
        && doc.blocks.iter().any(|b| matches!(b, Block::Code { .. }));
    if code_only {
        let span = doc
            .blocks
            .iter()
            .find(|b| matches!(b, Block::Code { .. }))
            .map_or(Span::default(), Block::span);
        out.push(
            Diagnostic::new(
                Code::RecordInCodeFence,
                path,
                span,
                "the whole record is inside a code block, so none of it is read as markdown",
            )
            .with_help("remove the surrounding ``` fence"),
        );
    }
}
