//! The chosen option, wherever the record states it: MADR's `Chosen option:` line, a
//! `(SELECTED)` option, a `Selected …:` or `Winner:` line, the Decision section's first
//! statement (`We will use X`, `X is the best option`) or bold name, and the title (`Use X`).
//! Statements and titles count only when they name one of the record's options.

use super::considered_options::all_lines;
use super::markdown::{Block, Doc, Line, ListItem};
use super::option_refs::{marked_reference, option_reference, referenced_option};
use super::sections::Sec;
use super::text::{key_value, name_key};
use super::vocabulary::{
    BECAUSE, CHOICE_LEADS, CHOICE_OPENINGS, CHOICE_TRAILS, CLAUSE_ENDS, NAME_DASHES, NAME_JOINERS,
    NEGATING_PREFIXES, NEGATIONS, OPTION_STOP_WORDS, TITLE_CHOICE_LEADS, after_chosen_option_words,
    is_chosen_option_line, is_selected_key, is_winner_key, opens_with_count,
};
use crate::model::{
    ChosenOption, ChosenSource, ConsideredOption, Span, Winner, extends_option, loose_option_key,
    option_key,
};

/// Where the record may state its choice besides explicit lines: the Decision section and
/// the title.
pub(crate) struct ChoicePlaces<'a, 'd> {
    /// The Decision (or Decision Outcome) section.
    pub(crate) decision: Option<&'a Sec<'d>>,
    /// The title text and where it is.
    pub(crate) title: (&'a str, Span),
}

/// Finds the chosen option: `Chosen option: "…"`, a `(SELECTED)` option, a `Selected …:`
/// line, a `Winner:` line; else, when the record lists options, the Decision section's first
/// statement or bold name, else a title naming an option.
/// A name that refers to an option without being its name (`Option 2`, `Monorepo structure`)
/// becomes that option's own name.
pub(crate) fn find_chosen(
    doc: &Doc,
    options: &[ConsideredOption],
    places: &ChoicePlaces<'_, '_>,
    winner: Option<&Winner>,
    src: &str,
) -> Option<ChosenOption> {
    let mut chosen = stated_choice(doc, options, places, winner, src)?;
    if let Some(i) = option_referred_to(&chosen.name, options) {
        chosen.name.clone_from(&options[i].name);
    }
    Some(chosen)
}

/// The choice as the record states it, before a reference to an option is resolved.
fn stated_choice(
    doc: &Doc,
    options: &[ConsideredOption],
    places: &ChoicePlaces<'_, '_>,
    winner: Option<&Winner>,
    src: &str,
) -> Option<ChosenOption> {
    let mut selected_line = None;
    let lines = all_lines(&doc.blocks);
    for (i, line) in lines.iter().enumerate() {
        if is_chosen_option_line(&line.text.to_lowercase()) {
            // A quoted name may wrap onto the paragraph's next line.
            let text = match lines.get(i + 1) {
                Some(next) if has_unclosed_quote(&line.text) => {
                    format!("{} {}", line.text, next.text)
                }
                _ => line.text.clone(),
            };
            if let Some(name) = chosen_option_name(&text) {
                return Some(ChosenOption {
                    name,
                    source: ChosenSource::ChosenOptionLine,
                    span: line.span,
                });
            }
            continue;
        }
        if let Some(kv) = key_value(line, src) {
            let n = kv.norm.as_str();
            if selected_line.is_none() && is_selected_key(n) && !kv.value.is_empty() {
                selected_line = Some(ChosenOption {
                    name: emphasised_or_head(line, kv.value_at, &kv.value),
                    source: ChosenSource::SelectedLine,
                    span: kv.value_span,
                });
            }
        }
    }
    if let Some(opt) = options.iter().find(|o| o.selected) {
        return Some(ChosenOption {
            name: opt.name.clone(),
            source: ChosenSource::SelectedMarker,
            span: opt.span,
        });
    }
    let winner = winner.map(|w| ChosenOption {
        name: w.name.clone(),
        source: ChosenSource::WinnerLine,
        span: w.span,
    });
    if let Some(c) = selected_line.or(winner) {
        return Some(c);
    }
    if options.is_empty() {
        return None;
    }
    places
        .decision
        .and_then(|sec| decision_choice(&doc.blocks[sec.heading + 1..sec.own_end], options))
        .or_else(|| title_choice(places.title.0, places.title.1, options))
}

/// The option a chosen name refers to without being any option's name: by its number or
/// letter (`Option 2`, `` `(3)` ``, `Opção B`), or by extending exactly one option's name
/// with more words (`Monorepo structure` for `Monorepo`, `FastAPI with Python 3.14+` for
/// `FastAPI (Python)`): that option's key is the name's leading words, or a short name holds
/// all of that option's significant words. Never when two options fit.
fn option_referred_to(name: &str, options: &[ConsideredOption]) -> Option<usize> {
    let loose = loose_option_key(name);
    if loose.is_empty() || options.iter().any(|o| loose_option_key(&o.name) == loose) {
        return None;
    }
    if let Some(i) = referenced_option(name, options.len()) {
        return Some(i);
    }
    // `Hard eviction & priority classes` names two options, however one of them is spelt.
    let lower = name.to_lowercase();
    if lower.split_whitespace().any(|w| NAME_JOINERS.contains(&w)) {
        return None;
    }
    let words: Vec<String> = tokens(name).iter().map(|w| stem(w).to_string()).collect();
    let short = words.len() <= MAX_EXTENDED_NAME_WORDS;
    let fitting: Vec<usize> = options
        .iter()
        .enumerate()
        .filter(|(_, o)| {
            let significant = significant_words(&option_key(&o.name));
            extends_option(name, &o.name)
                || (short
                    && !significant.is_empty()
                    && significant.iter().all(|w| words.contains(w)))
        })
        .map(|(i, _)| i)
        .collect();
    match fitting.as_slice() {
        [i] => Some(*i),
        _ => None,
    }
}

/// The most words a chosen name may have to be matched to an option by its words alone.
const MAX_EXTENDED_NAME_WORDS: usize = 6;

/// The first `Winner:` line, naming the option it emphasises or its leading name.
pub(crate) fn find_winner(doc: &Doc, src: &str) -> Option<Winner> {
    all_lines(&doc.blocks).into_iter().find_map(|line| {
        let kv = key_value(line, src)?;
        (is_winner_key(&kv.norm) && !kv.value.is_empty()).then(|| Winner {
            name: emphasised_or_head(line, kv.value_at, &kv.value),
            raw: kv.value.clone(),
            span: kv.value_span,
        })
    })
}

/// The value's first bold run when it opens the value, else its text up to a bracket or dash.
fn emphasised_or_head(line: &Line, value_at: usize, value: &str) -> String {
    if let Some(s) = line
        .strong
        .iter()
        .find(|f| f.at >= value_at && line.text[value_at..f.at].trim().is_empty())
    {
        return s.text.trim().to_string();
    }
    head_name(value)
}

/// `Render (highest score on critical criteria)` → `Render`; `Discourse Because it …` →
/// `Discourse`; `Swift using SwiftUI.` → `Swift using SwiftUI`.
pub(crate) fn head_name(value: &str) -> String {
    // ASCII lower-casing keeps every byte offset of `value`.
    let lower = value.to_ascii_lowercase();
    let mut end = value.len();
    for sep in NAME_DASHES.iter().chain(&[" (", ", ", BECAUSE, ". "]) {
        if let Some(i) = lower.find(sep) {
            end = end.min(i);
        }
    }
    value[..end]
        .trim()
        .trim_end_matches([',', '.', ';', ':'])
        .trim_matches(['"', '“', '”', '*'])
        .trim()
        .to_string()
}

fn has_unclosed_quote(text: &str) -> bool {
    text.matches('"').count() % 2 == 1 || text.matches('“').count() > text.matches('”').count()
}

/// `Chosen option: "Name", because …` → `Name`; `Chosen Option (3).` → `(3)`.
fn chosen_option_name(text: &str) -> Option<String> {
    if let Some(rest) = after_chosen_option_words(text)
        && !rest.trim_start().starts_with(':')
        && let Some(r) = option_reference(rest).filter(|r| r.marked)
    {
        return Some(rest[..r.len].trim().to_string());
    }
    let colon = text.find(':')?;
    let value = text[colon + 1..].trim();
    if value.is_empty() {
        return None;
    }
    for (open, close) in [('"', '"'), ('“', '”'), ('\'', '\''), ('[', ']')] {
        if let Some(rest) = value.strip_prefix(open)
            && let Some(end) = rest.find(close)
        {
            let name = rest[..end].trim();
            if !name.is_empty() {
                return Some(name.to_string());
            }
        }
    }
    let name = head_name(value);
    (!name.is_empty()).then_some(name)
}

/// The Decision section's choice: its first statement naming an option (`We will use X`),
/// else its first bold name that is an option, else a short bold name in a sentence that
/// states a choice (`We will deploy the backend to **Fly.io**`).
fn decision_choice(blocks: &[Block], options: &[ConsideredOption]) -> Option<ChosenOption> {
    // A placeholder (`...`) or a lone date line states nothing: the statement follows it.
    let first = blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph { lines, .. } => Some(lines.as_slice()),
            Block::List { items, .. } => items.first().map(ListItem::lines),
            _ => None,
        })
        .find(|lines| states_something(lines))?;
    let line = first.first()?;
    let text: Vec<&str> = first.iter().map(|l| l.text.as_str()).collect();
    if let Some(i) = statement_choice(&text.join(" "), options) {
        return Some(ChosenOption {
            name: options[i].name.clone(),
            source: ChosenSource::DecisionStatement,
            span: line.span,
        });
    }
    let strongs: Vec<_> = first.iter().flat_map(|l| l.strong.iter()).collect();
    let keys: Vec<String> = options.iter().map(|o| name_key(&o.name)).collect();
    if let Some((s, opt)) = strongs.iter().find_map(|s| {
        let key = name_key(&s.text);
        keys.iter()
            .position(|k| *k == key)
            .map(|i| (s, &options[i]))
    }) {
        return Some(ChosenOption {
            name: opt.name.clone(),
            source: ChosenSource::DecisionEmphasis,
            span: s.span,
        });
    }
    // A bold name that matches no option counts only in a sentence that states a choice.
    let opening = line.text.to_lowercase();
    let states_choice = CHOICE_OPENINGS.iter().any(|p| opening.starts_with(p));
    // Only the statement's first bold run: a later one names a detail of the choice.
    let pick = strongs.first().filter(|s| {
        states_choice
            && s.text.len() <= 40
            && s.text.split_whitespace().count() <= 4
            && !s.text.ends_with(':')
            && !opens_with_count(&s.text)
    })?;
    Some(ChosenOption {
        name: pick.text.trim().to_string(),
        source: ChosenSource::DecisionEmphasis,
        span: pick.span,
    })
}

/// Whether lines hold a statement: two or more words of letters.
fn states_something(lines: &[Line]) -> bool {
    lines
        .iter()
        .flat_map(|l| l.text.split_whitespace())
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
        .nth(1)
        .is_some()
}

/// The option a statement chooses: the first option named after a choice phrase (`we will
/// use`, `HHS has selected`) and before the clause ends, else the last option named before a
/// trailing phrase (`… is the best option`). Only the first three sentences are read.
fn statement_choice(text: &str, options: &[ConsideredOption]) -> Option<usize> {
    for (n, sentence) in text.split(". ").take(3).enumerate() {
        if n == 0
            && let Some(i) = opening_reference(sentence, options.len())
        {
            return Some(i);
        }
        let lower = sentence.to_lowercase();
        let lead = CHOICE_LEADS
            .iter()
            .filter_map(|p| lower.find(p).map(|at| (at, at + p.len())))
            .min_by_key(|&(at, end)| (at, usize::MAX - end));
        if let Some((at, end)) = lead {
            let after = lower[end..].trim_start();
            if NEGATIONS.iter().any(|n| starts_with_word(after, n))
                || NEGATING_PREFIXES.iter().any(|p| lower[..at].ends_with(p))
            {
                continue;
            }
            if let Some((i, _)) = marked_reference(after, options.len()) {
                return Some(i);
            }
            if let Some((i, _)) = mentioned_options(cut_clause(after), options).first() {
                return Some(*i);
            }
        }
        let trail = CHOICE_TRAILS.iter().filter_map(|p| lower.find(p)).min();
        if let Some(at) = trail {
            if let Some((i, _)) = mentioned_options(&lower[..at], options).last() {
                return Some(*i);
            }
            if let Some(i) = referenced_option(&lower[..at], options.len()) {
                return Some(i);
            }
        }
    }
    None
}

/// The option a statement opens with by number or letter, set apart from what follows
/// (`Option 3, LLMs will be hosted …`, `**Option C** - two levels`, `Option 2.`).
fn opening_reference(sentence: &str, count: usize) -> Option<usize> {
    let (i, len) = marked_reference(sentence, count)?;
    let rest = sentence[len..].trim_start();
    (rest.is_empty() || rest.starts_with([',', '.', ':', ';', '-', '–', '—', '('])).then_some(i)
}

/// The option a title names after a choice word (`Use X`, `Migrate to X`, `Deployment on X`,
/// `Choose X for Y`), when exactly one option is named there.
fn title_choice(title: &str, span: Span, options: &[ConsideredOption]) -> Option<ChosenOption> {
    let lower = title.trim().to_lowercase();
    let rest = TITLE_CHOICE_LEADS
        .iter()
        .find_map(|p| lower.strip_prefix(p))?;
    let named = mentioned_options(cut_clause(rest.trim_start()), options);
    let [(i, _)] = named.as_slice() else {
        return None;
    };
    Some(ChosenOption {
        name: options[*i].name.clone(),
        source: ChosenSource::Title,
        span,
    })
}

fn starts_with_word(text: &str, word: &str) -> bool {
    text.strip_prefix(word)
        .is_some_and(|r| r.is_empty() || r.starts_with(|c: char| !c.is_alphanumeric()))
}

/// The text up to the first clause boundary (`because`, `, `, ` for `, ` over ` …).
fn cut_clause(text: &str) -> &str {
    let end = CLAUSE_ENDS
        .iter()
        .chain(NAME_DASHES)
        .filter_map(|e| text.find(e))
        .filter(|&i| i > 0)
        .min()
        .unwrap_or(text.len());
    &text[..end]
}

/// Lower-case words of a text, split on everything but letters, digits and `+`.
fn tokens(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '+'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// A word with a plural `s` dropped, so `GitHub projects` names `GitHub Project`.
fn stem(word: &str) -> &str {
    if word.len() > 3 && word.ends_with('s') {
        &word[..word.len() - 1]
    } else {
        word
    }
}

/// The stemmed words of a name that tell it from other names (`Use bats` → `bats`).
fn significant_words(name: &str) -> Vec<String> {
    tokens(name)
        .iter()
        .filter(|w| {
            w.chars().any(char::is_alphanumeric) && !OPTION_STOP_WORDS.contains(&w.as_str())
        })
        .map(|w| stem(w).to_string())
        .collect()
}

/// The options a text names, in the order it names them: `(option index, word position)`.
/// An option is named by its whole name, spelt with any spacing or punctuation
/// (`WikiJS` for `Wiki.js`), or by all its significant words (`GitHub issues with GitHub
/// projects` for `GitHub Issues + GitHub Projects`). At one position the longer name wins.
fn mentioned_options(text: &str, options: &[ConsideredOption]) -> Vec<(usize, usize)> {
    let words = tokens(text);
    let stems: Vec<&str> = words.iter().map(|w| stem(w)).collect();
    let mut found: Vec<(usize, usize, usize)> = Vec::new();
    for (i, opt) in options.iter().enumerate() {
        let loose = loose_option_key(&opt.name);
        if loose.is_empty() {
            continue;
        }
        let whole = (0..words.len()).find(|&start| {
            let mut joined = String::new();
            for w in &words[start..] {
                joined.push_str(w);
                if joined == loose {
                    return true;
                }
                if !loose.starts_with(&joined) {
                    return false;
                }
            }
            false
        });
        let significant = significant_words(&opt.name);
        let by_words = (!significant.is_empty()
            && significant.iter().all(|w| stems.contains(&w.as_str())))
        .then(|| {
            significant
                .iter()
                .filter_map(|w| stems.iter().position(|s| s == w))
                .min()
                .unwrap_or(0)
        });
        if let Some(at) = whole.or(by_words) {
            found.push((at, usize::MAX - loose.len(), i));
        }
    }
    found.sort_unstable();
    found.dedup_by_key(|f| f.0);
    found.into_iter().map(|(at, _, i)| (i, at)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options(names: &[&str]) -> Vec<ConsideredOption> {
        names
            .iter()
            .map(|n| {
                crate::parse::considered_options::new_option(
                    (*n).to_string(),
                    Span::default(),
                    false,
                )
            })
            .collect()
    }

    #[test]
    fn placeholders_state_nothing() {
        let line = |t: &str| Line {
            text: t.to_string(),
            ..Line::default()
        };
        let rows = [
            ("ellipsis", "...", false),
            ("date line", "📆 Date: 15.04.2025", false),
            ("statement", "We use Zoom.", true),
        ];
        for (name, text, want) in rows {
            assert_eq!(states_something(&[line(text)]), want, "{name}");
        }
    }

    #[test]
    fn statements_name_the_chosen_option() {
        let opts = options(&[
            "Slack",
            "Zoom",
            "GitHub Issues + Zenhub",
            "GitHub Issues + GitHub Projects",
            "Wiki.js",
            "Terraform with Docker",
        ]);
        let rows = [
            (
                "we will use",
                "We will use Zoom for all meetings.",
                Some("Zoom"),
            ),
            (
                "misspelt trail",
                "Slack is the choosen one, because everyone has it.",
                Some("Slack"),
            ),
            ("chinese lead", "采用 Zoom：每周例会。", Some("Zoom")),
            ("negated chinese lead", "不采用 Zoom。", None),
            (
                "recommended to use, name later in the clause",
                "At this time, it is recommended to use a basic paid version of Slack for everyone",
                Some("Slack"),
            ),
            (
                "all significant words",
                "We are planning to use GitHub issues with GitHub projects because it is open",
                Some("GitHub Issues + GitHub Projects"),
            ),
            (
                "another spelling",
                "We have selected WikiJS.",
                Some("Wiki.js"),
            ),
            (
                "best option",
                "Zoom is the best option for us.",
                Some("Zoom"),
            ),
            (
                "stands out",
                "Zoom stands out as the optimal choice, unlike Slack.",
                Some("Zoom"),
            ),
            (
                "the project will use",
                "The project will use Terraform with Docker for provisioning.",
                Some("Terraform with Docker"),
            ),
            ("negated", "We will not use Slack.", None),
            ("no choice phrase", "Slack offers many integrations.", None),
            ("phrase names no option", "We will use a wiki.", None),
            ("over another", "We chose Zoom over Slack.", Some("Zoom")),
        ];
        for (name, text, want) in rows {
            let got = statement_choice(text, &opts).map(|i| opts[i].name.as_str());
            assert_eq!(got, want, "{name}");
        }
    }

    #[test]
    fn statements_name_options_by_position() {
        let opts = options(&["Shared cluster", "Own cluster", "Hosted service"]);
        let rows = [
            (
                "opening",
                "Option 3, the models run on the hosted service.",
                Some(2),
            ),
            ("decided on", "Decided on Option 2.", Some(1)),
            (
                "we chose",
                "We chose option 2 because it is cheaper.",
                Some(1),
            ),
            (
                "german",
                "Wir waehlen Option B. Der Dienst startet zuerst.",
                Some(1),
            ),
            (
                "german umlaut",
                "Wir wählen Option C - drei Ebenen.",
                Some(2),
            ),
            (
                "is preferred",
                "Option 1 is preferred, due to its flexibility.",
                Some(0),
            ),
            ("out of range", "We chose option 4.", None),
            ("rejected", "Option 1 is rejected.", None),
            ("a bare number is no option", "We will use 2 servers.", None),
        ];
        for (name, text, want) in rows {
            assert_eq!(statement_choice(text, &opts), want, "{name}");
        }
    }

    #[test]
    fn chosen_names_refer_to_options() {
        let opts = options(&[
            "MediaPipe Pose (Google)",
            "TensorFlow.js with PoseNet",
            "Monorepo",
            "Separate Repos",
        ]);
        let rows = [
            ("extends", "MediaPipe Pose JavaScript library", Some(0)),
            ("suffix word", "Monorepo structure", Some(2)),
            ("by number", "Option 4", Some(3)),
            ("bracketed number in code", "`(2)`", Some(1)),
            ("an option's own name", "Monorepo", None),
            ("two options fit", "Monorepo or Separate Repos", None),
            ("joined names", "MediaPipe Pose & Monorepo", None),
            ("no option", "Kubernetes", None),
        ];
        for (name, chosen, want) in rows {
            assert_eq!(option_referred_to(chosen, &opts), want, "{name}");
        }
    }

    #[test]
    fn chosen_option_lines() {
        let rows = [
            (
                "quoted",
                "Chosen option: \"Render\", because it is cheap",
                Some("Render"),
            ),
            (
                "bracketed number",
                "Chosen Option `(3)`. Problems with `(1)` remain.",
                Some("`(3)`"),
            ),
            ("no name", "Chosen option:", None),
        ];
        for (name, text, want) in rows {
            assert_eq!(chosen_option_name(text).as_deref(), want, "{name}");
        }
    }

    #[test]
    fn titles_name_the_chosen_option() {
        let opts = options(&["GitHub Actions", "Travis CI", "Fly.io", "Fly"]);
        let rows = [
            ("use", "Use GitHub Actions for CI", Some("GitHub Actions")),
            ("migrate to", "Migrate to Travis CI", Some("Travis CI")),
            ("deployment on", "Deployment on Fly.io", Some("Fly.io")),
            ("not a choice word", "CI Platform", None),
            ("names no option", "Use containers", None),
        ];
        for (name, title, want) in rows {
            let got = title_choice(title, Span::default(), &opts).map(|c| c.name);
            assert_eq!(got.as_deref(), want, "{name}");
        }
    }

    #[test]
    fn head_names() {
        let rows = [
            (
                "capital because",
                "Discourse Because it best meets",
                "Discourse",
            ),
            (
                "trailing full stop",
                "Swift using SwiftUI.",
                "Swift using SwiftUI",
            ),
            ("trailing comma", "SOAP wrapper,", "SOAP wrapper"),
            ("bracket", "Render (highest score)", "Render"),
        ];
        for (name, value, want) in rows {
            assert_eq!(head_name(value), want, "{name}");
        }
    }
}
