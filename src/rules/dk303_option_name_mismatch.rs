//! DK303 option-name-mismatch: the criteria table's columns and the options sections do not
//! name the same options. Names match after case-folding and dropping a parenthesised suffix
//! (`AWS (EC2/ECS)` = `AWS`). A winner line naming no table option is DK320's.

use super::{Check, LintContext, Rule};
use crate::diagnostics::{Code, Diagnostic};
use crate::model::{Decision, option_key, same_option};

/// Whether a table's column names one of the record's options: the same name, or exactly one
/// option whose name ends the column's or is ended by it (`Single monorepo` / `Monorepo`).
fn names_an_option(d: &Decision, name: &str) -> bool {
    if d.options.iter().any(|o| same_option(&o.name, name)) {
        return true;
    }
    let key = option_key(name);
    let ends = |long: &str, short: &str| {
        !short.is_empty()
            && long
                .strip_suffix(short)
                .is_some_and(|head| head.ends_with(' '))
    };
    d.options
        .iter()
        .map(|o| option_key(&o.name))
        .filter(|o| ends(&key, o) || ends(o, &key))
        .count()
        == 1
}

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
                if !names_an_option(d, name) {
                    let span = table.option_span(name);
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
