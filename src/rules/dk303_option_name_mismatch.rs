//! DK303 option-name-mismatch: the criteria table's columns and the options sections do not
//! name the same options. Names match after case-folding and dropping a parenthesised suffix
//! (`AWS (EC2/ECS)` = `AWS`). A winner line naming no table option is DK320's.

use super::{Check, LintContext, Rule};
use crate::diagnostics::{Code, Diagnostic};
use crate::model::{Decision, same_option};

/// The registry entry.
pub(crate) static RULE: Rule = Rule {
    code: Code::OptionNameMismatch,
    check: Check::Record(check),
};

fn check(rule: &Rule, d: &Decision, _ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
    for table in &d.criteria {
        // A table sharing no name at all with the options is about something else (or the
        // options were misread); only a partial overlap shows names that drifted apart.
        let overlap = table
            .options
            .iter()
            .any(|n| d.options.iter().any(|o| same_option(&o.name, n)));
        if d.options.len() >= 2 && overlap {
            for name in &table.options {
                if !d.options.iter().any(|o| same_option(&o.name, name)) {
                    let span = table
                        .criteria
                        .iter()
                        .flat_map(|c| &c.ratings)
                        .find(|r| r.option == *name)
                        .map_or(table.span, |r| r.span);
                    out.push(
                        rule.report(
                            &d.path,
                            span,
                            format!("criteria table option `{name}` matches no considered option"),
                        )
                        .with_help(
                            "use the same option names in the options sections and the table",
                        ),
                    );
                }
            }
        }
    }
}
