//! The considered options read so far, with each option's keys worked out once and indexed, so
//! folding in the next option and matching a grouped heading cost the same for the thousandth
//! option as for the first (recomputing every key per option was quadratic).

use std::collections::{HashMap, HashSet};

use crate::model::{ConsideredOption, loose_option_key, option_key};

/// Options in reading order, indexed by loose key and by the words of their key.
#[derive(Debug, Default)]
pub(super) struct OptionList {
    options: Vec<ConsideredOption>,
    /// Loose key → the first option with it.
    by_loose_key: HashMap<String, usize>,
    /// Per option, the words of its [`option_key`].
    words: Vec<HashSet<String>>,
    /// Word → the options whose key holds it, in order.
    by_word: HashMap<String, Vec<usize>>,
}

impl OptionList {
    /// The options, in reading order.
    pub(super) fn into_options(self) -> Vec<ConsideredOption> {
        self.options
    }

    /// The option at `i`, to read more of its body into (its name stays).
    pub(super) fn get_mut(&mut self, i: usize) -> &mut ConsideredOption {
        &mut self.options[i]
    }

    /// Adds an option, or folds it into one of the same name (MADR names options twice, and
    /// not always spelt alike: `Wiki.js` in the list, `WikiJS` in Pros and Cons). Returns its
    /// index.
    pub(super) fn merge(&mut self, opt: ConsideredOption) -> usize {
        let key = loose_option_key(&opt.name);
        if let Some(&i) = self.by_loose_key.get(&key).filter(|_| !key.is_empty()) {
            let existing = &mut self.options[i];
            existing.selected |= opt.selected;
            if existing.description.is_empty() {
                existing.description = opt.description;
            }
            existing.pros.extend(opt.pros);
            existing.cons.extend(opt.cons);
            existing.neutral.extend(opt.neutral);
            existing.costs.extend(opt.costs);
            if existing.verdict.is_none() {
                existing.verdict = opt.verdict;
            }
            return i;
        }
        let i = self.options.len();
        self.by_loose_key.entry(key).or_insert(i);
        let words: HashSet<String> = option_key(&opt.name)
            .split_whitespace()
            .map(str::to_string)
            .collect();
        for w in &words {
            self.by_word.entry(w.clone()).or_default().push(i);
        }
        self.words.push(words);
        self.options.push(opt);
        i
    }

    /// A Pros and Cons heading's name when it names a listed option after a group (`GitBook:
    /// Guest Access` for `Guest Access`): the part after `: ` is that option's name, or all its
    /// words are in exactly one option's name (`SharePoint: HHS-owned` for `HHS-owned site`);
    /// otherwise the heading as written.
    pub(super) fn grouped_name(&self, name: String) -> String {
        if self.by_loose_key.contains_key(&loose_option_key(&name)) {
            return name;
        }
        let Some((_, rest)) = name.split_once(": ") else {
            return name;
        };
        if let Some(&i) = self.by_loose_key.get(&loose_option_key(rest)) {
            return self.options[i].name.clone();
        }
        let key = option_key(rest);
        let words: Vec<&str> = key.split_whitespace().collect();
        // The options holding the rarest word are the only candidates; two fits are enough
        // to know the words name no single option.
        let Some(candidates) = words
            .iter()
            .map(|w| self.by_word.get(*w).map_or(&[][..], Vec::as_slice))
            .min_by_key(|c| c.len())
        else {
            return name;
        };
        let mut fits = candidates
            .iter()
            .filter(|&&i| words.iter().all(|w| self.words[i].contains(*w)));
        match (fits.next(), fits.next()) {
            (Some(&one), None) => self.options[one].name.clone(),
            _ => name,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;

    fn option(name: &str) -> ConsideredOption {
        crate::parse::considered_options::new_option(name.to_string(), Span::default(), false)
    }

    #[test]
    fn loose_names_merge_and_keep_the_first_spelling() {
        let mut list = OptionList::default();
        assert_eq!(list.merge(option("Wiki.js")), 0);
        assert_eq!(list.merge(option("Render")), 1);
        assert_eq!(list.merge(option("WikiJS")), 0);
        let names: Vec<String> = list.into_options().into_iter().map(|o| o.name).collect();
        assert_eq!(names, ["Wiki.js", "Render"]);
    }

    #[test]
    fn names_without_letters_never_merge() {
        let mut list = OptionList::default();
        assert_eq!(list.merge(option("…")), 0);
        assert_eq!(list.merge(option("—")), 1);
    }

    #[test]
    fn thousands_of_options_stay_apart() {
        let mut list = OptionList::default();
        for i in 0..5000 {
            let name = list.grouped_name(format!("Option {i}: Choice number {i}"));
            list.merge(option(&name));
        }
        assert_eq!(list.into_options().len(), 5000);
    }
}
