//! What a record claims about its table, checked: the totals it states and the winner it
//! declares, each disagreement a finding at the place the claim is written.

use super::check::finding;
use super::scale::Valuer;
use super::weights::{WeightKind, WeightScale};
use super::{DeclaredWinner, OptionScore, StatedCheck, Verdict, fmt_plain};
use crate::diagnostics::{Code, Diagnostic};
use crate::model::{CriteriaTable, Span};

/// Digits after the decimal point in the first number of a text.
fn decimals(text: &str) -> i32 {
    let num: String = text
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    num.split_once('.')
        .map_or(0, |(_, d)| i32::try_from(d.len()).unwrap_or(i32::MAX))
}

/// Whether a stated number agrees with a computed one, rounded to the stated precision.
pub(super) fn agrees(stated: f64, computed: f64, raw: &str) -> bool {
    (stated - computed).abs() <= 0.5 * 10f64.powi(-decimals(raw)) + 1e-9
}

fn scale_words(valuer: &Valuer, weights: &WeightScale) -> String {
    let ratings = valuer
        .scale
        .levels
        .iter()
        .map(|l| format!("{} = {}", l.label, fmt_plain(l.value)))
        .collect::<Vec<_>>()
        .join(", ");
    if weights.kind == WeightKind::Levels || weights.kind == WeightKind::Mixed {
        format!(
            "{ratings}; Critical = {}, High = {}, Medium = {}, Low = {}",
            fmt_plain(weights.critical),
            fmt_plain(weights.high),
            fmt_plain(weights.medium),
            fmt_plain(weights.low)
        )
    } else {
        ratings
    }
}

pub(super) fn check_stated(
    table: &CriteriaTable,
    options: &mut [OptionScore],
    valuer: &Valuer,
    weights: &WeightScale,
    out: &mut Vec<Diagnostic>,
) {
    for stated in &table.stated_totals {
        let Some(o) = table.options.iter().position(|n| *n == stated.option) else {
            continue;
        };
        let raw = stated.raw.trim();
        let option = &mut options[o];
        let Some(value) = stated.value else {
            if !raw.is_empty() && raw.chars().any(char::is_alphanumeric) {
                out.push(
                    finding(Code::UnreadableStatedTotal, stated.span, format!(
                        "the stated total `{raw}` for `{}` is not a number, so it is not checked",
                        stated.option
                    ))
                    .with_help("state the weighted total as a number"),
                );
                option.stated = Some(StatedCheck {
                    raw: raw.to_string(),
                    value: None,
                    matches: None,
                });
            }
            continue;
        };
        let (computed, unit) = if raw.contains('%') {
            (option.normalised.unwrap_or(0.0), "%")
        } else {
            (option.total, "")
        };
        let ok = agrees(value, computed, raw);
        // A `Total` row is shown rather than a percentage row under it.
        if option
            .stated
            .as_ref()
            .is_none_or(|s| s.raw.contains('%') || !ok)
        {
            option.stated = Some(StatedCheck {
                raw: raw.to_string(),
                value: Some(value),
                matches: Some(ok),
            });
        }
        if !ok {
            out.push(
                finding(Code::StatedTotalMismatch, stated.span, format!(
                    "the stated total `{raw}` for `{}` does not match the computed {}{unit}",
                    stated.option,
                    fmt_plain(computed)
                ))
                .with_help(format!(
                    "docket adds weight × rating over the criteria with {}; fix the total or the ratings",
                    scale_words(valuer, weights)
                )),
            );
        }
    }
}

pub(super) fn verdict(
    declared: Option<&DeclaredWinner>,
    options: &[OptionScore],
    winner: Option<usize>,
    tied: &[String],
    table: &CriteriaTable,
    out: &mut Vec<Diagnostic>,
) -> Verdict {
    let computed = winner.map(|w| options[w].name.as_str());
    let Some(declared) = declared else {
        if options.iter().all(|o| o.eliminated) && !options.is_empty() {
            out.push(no_winner(table));
            return Verdict::NoWinner;
        }
        let message = match computed {
            Some(w) => {
                format!("the record declares no winner for this table; docket computes `{w}`")
            }
            None => "the record declares no winner for this table".to_string(),
        };
        out.push(finding(Code::MissingWinner, table.span, message).with_help(
            "add a `**Winner:** Name` line under the table or a `Chosen option: \"Name\"` line",
        ));
        return Verdict::NoDeclared;
    };
    let Some(o) = declared
        .option
        .as_deref()
        .and_then(|name| options.iter().position(|x| x.name == name))
    else {
        let message = format!(
            "the declared winner `{}` is not an option of the criteria table ({})",
            declared.name,
            table.options.join(", ")
        );
        out.push(
            finding(Code::UnknownDeclaredWinner, declared.span, message)
                .with_help("name the winner exactly as the table's column or row does"),
        );
        return Verdict::DeclaredUnknown;
    };
    let name = options[o].name.as_str();
    if options[o].eliminated {
        out.push(eliminated_winner(&options[o], computed, declared.span));
        return Verdict::DeclaredEliminated;
    }
    if tied.iter().any(|t| t == name) {
        let others: Vec<String> = tied
            .iter()
            .filter(|t| *t != name)
            .map(|t| format!("`{t}`"))
            .collect();
        let message = format!(
            "the declared winner `{name}` ties with {} on the top total",
            others.join(", ")
        );
        out.push(
            finding(Code::TiedWinner, declared.span, message)
                .with_help("say in the record what breaks the tie"),
        );
        return Verdict::AgreesTied;
    }
    let leader = winner.or_else(|| options.iter().position(|x| tied.first() == Some(&x.name)));
    match leader {
        Some(w) if w == o => Verdict::Agrees,
        Some(w) => {
            out.push(losing_winner(
                &options[o],
                &options[w],
                declared.span,
                table.span,
            ));
            Verdict::Disagrees
        }
        None => {
            out.push(no_winner(table));
            Verdict::NoWinner
        }
    }
}

fn eliminated_winner(declared: &OptionScore, computed: Option<&str>, span: Span) -> Diagnostic {
    let failed: Vec<String> = declared
        .gate_failures
        .iter()
        .map(|g| format!("`{}`", g.criterion))
        .collect();
    let then = computed.map_or(String::new(), |w| format!("; docket computes `{w}`"));
    finding(
        Code::WinnerMismatch,
        span,
        format!(
            "the declared winner `{}` is ❌ on the Critical criterion {}, so the gate eliminates it{then}",
            declared.name,
            failed.join(", ")
        ),
    )
    .with_help("re-rate the criterion, lower its weight below Critical, or choose another option")
}

fn losing_winner(
    declared: &OptionScore,
    leader: &OptionScore,
    span: Span,
    table: Span,
) -> Diagnostic {
    let mut d = finding(
        Code::WinnerMismatch,
        span,
        format!(
            "the declared winner `{}` scores {} but `{}` scores {} ({} more)",
            declared.name,
            fmt_plain(declared.total),
            leader.name,
            fmt_plain(leader.total),
            fmt_plain(leader.total - declared.total)
        ),
    )
    .with_help("check the ratings and weights, or explain in the record why the lower score wins");
    d.labels.push(crate::diagnostics::Label {
        path: String::new(),
        span: table,
        message: "the criteria table".to_string(),
    });
    d
}

fn no_winner(table: &CriteriaTable) -> Diagnostic {
    finding(
        Code::NoEligibleOption,
        table.span,
        "the Critical gate eliminates every option, so none can win",
    )
    .with_help("relax a Critical criterion or add an option that meets them all")
}
