//! DK201 id-mismatch: the number in the file name and the record's own id disagree
//! (`0007-x.md` titled `# 8. …`), which breaks links by number.

use super::context::file_name;
use super::{Check, LintContext, Rule};
use crate::diagnostics::{Code, Diagnostic};
use crate::model::Decision;

/// The registry entry.
pub(crate) static RULE: Rule = Rule {
    code: Code::IdMismatch,
    check: Check::Record(check),
};

fn check(rule: &Rule, d: &Decision, _ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
    let (Some(file), Some(id)) = (d.file_id.as_ref(), d.id.as_ref()) else {
        return;
    };
    let series_differ = matches!((file.series(), &id.series), (Some(a), Some(b)) if a != *b);
    if file.number == id.number && !series_differ {
        return;
    }
    out.push(
        rule.report(
            &d.path,
            d.title.span,
            format!(
                "the record's id `{}` does not match its file name `{}`",
                id.raw,
                file_name(&d.path)
            ),
        )
        .with_help("rename the file or correct the id so both carry the same number"),
    );
}
