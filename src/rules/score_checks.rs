//! DK310–DK321 and DK401–DK405: the criteria-table and cost checks of `docket score`, as
//! registry entries. The checks live in `score`; each entry keeps the findings of its own code
//! from one cached `score::check` run per record, so `[lint]` settings, suppressions and
//! `--explain` treat them like any rule.

use super::{Check, LintContext, Rule, rule_info};
use crate::diagnostics::Diagnostic;
use crate::model::Decision;

/// Declares the registry entry of one score code.
macro_rules! score_rule {
    ($id:ident, $code:literal, $name:literal, $severity:ident, $summary:literal) => {
        #[doc = concat!("The registry entry of ", $code, " ", $name, ".")]
        pub(crate) static $id: Rule = Rule {
            info: rule_info!($code, $name, $severity, $summary, fixable = false),
            enabled_by_default: true,
            check: Check::Record(check),
        };
    };
}

score_rule!(
    DK310,
    "DK310",
    "winner-mismatch",
    Error,
    "The declared winner is not the option the criteria table scores highest, or the Critical gate eliminates it."
);
score_rule!(
    DK311,
    "DK311",
    "stated-total-mismatch",
    Error,
    "A total the criteria table states differs from weight × rating summed over the criteria."
);
score_rule!(
    DK312,
    "DK312",
    "unrecognised-rating",
    Warning,
    "A rating cell fits no scale, or not the scale of the rest of the table."
);
score_rule!(
    DK313,
    "DK313",
    "unrecognised-weight",
    Warning,
    "A criterion's weight is missing or is not a level, number or percentage."
);
score_rule!(
    DK314,
    "DK314",
    "weights-do-not-sum",
    Warning,
    "Fractional weights do not sum to 1, or percentages to 100%."
);
score_rule!(
    DK315,
    "DK315",
    "missing-winner",
    Warning,
    "A criteria table has no declared winner or chosen option to compare with."
);
score_rule!(
    DK316,
    "DK316",
    "missing-rating",
    Warning,
    "An option has an empty cell in a criteria table."
);
score_rule!(
    DK317,
    "DK317",
    "unreadable-stated-total",
    Info,
    "A stated total is a word rather than a number, so it cannot be checked."
);
score_rule!(
    DK318,
    "DK318",
    "weighted-part-mismatch",
    Error,
    "A cell such as `7 (28)` states a weighted part that is not weight × rating."
);
score_rule!(
    DK319,
    "DK319",
    "no-eligible-option",
    Warning,
    "The Critical gate eliminates every option of a criteria table."
);
score_rule!(
    DK320,
    "DK320",
    "unknown-declared-winner",
    Warning,
    "The declared winner names no option of the criteria table."
);
score_rule!(
    DK321,
    "DK321",
    "tied-winner",
    Info,
    "The declared winner shares the top total with another option."
);
score_rule!(
    DK401,
    "DK401",
    "cost-total-mismatch",
    Error,
    "A cost `Total` differs from the sum of the lines above it."
);
score_rule!(
    DK402,
    "DK402",
    "cost-range-inverted",
    Error,
    "A cost range's low end is above its high end (`$30-15`)."
);
score_rule!(
    DK403,
    "DK403",
    "mixed-cost-periods",
    Warning,
    "One option's recurring costs mix periods (per month and per year)."
);
score_rule!(
    DK404,
    "DK404",
    "cost-without-period",
    Info,
    "A non-zero cost has no period, so it cannot be compared per month."
);
score_rule!(
    DK405,
    "DK405",
    "mixed-currencies",
    Warning,
    "One option's costs mix currencies, so they are not added up."
);

fn check(rule: &Rule, d: &Decision, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
    out.extend(
        ctx.score_findings(&d.path)
            .iter()
            .filter(|f| f.code == rule.info.code)
            .cloned(),
    );
}

#[cfg(test)]
mod tests {
    use crate::rules::lookup;

    #[test]
    fn every_score_code_is_registered_with_its_name_and_severity() {
        for r in crate::score::RULES {
            let entry = lookup(r.code).unwrap_or_else(|| panic!("{} is not registered", r.code));
            assert_eq!(entry.info.name, r.name, "{}", r.code);
            assert_eq!(entry.info.severity, r.severity, "{}", r.code);
        }
    }
}
