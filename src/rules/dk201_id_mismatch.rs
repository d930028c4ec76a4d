//! DK201 id-mismatch: the number in the file name and the id the record writes disagree
//! (`0007-x.md` titled `# 8. …`), which breaks links by number. The file name's number is
//! the record's id; the message says so.

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
    let (Some(file), Some(stated)) = (d.file_id.as_ref(), d.stated_id.as_ref()) else {
        return;
    };
    let series_differ = matches!((file.series(), &stated.series), (Some(a), Some(b)) if a != *b);
    if file.number == stated.number && !series_differ {
        return;
    }
    let from_file = file.to_record_id();
    // The file name's number is the id unless the record names another series (`DR-001`).
    let used = if d.id.as_ref() == Some(&from_file) {
        from_file.raw.as_str()
    } else {
        stated.raw.as_str()
    };
    out.push(
        rule.report(
            &d.path,
            d.title.span,
            format!(
                "the record writes the id `{}`, but its file name `{}` gives `{}`; docket uses `{used}`",
                stated.raw,
                file_name(&d.path),
                from_file.raw
            ),
        )
        .with_help("rename the file or correct the id so both carry the same number; `docket show` finds the record by either"),
    );
}
