//! `docket new` with no title in a terminal: asks for the title, the template and the
//! options. Whether to ask is decided here too, so CI jobs and agents are never kept waiting.

use std::io::{BufRead, IsTerminal, Write};

use anyhow::bail;

/// The template offered when the user just presses Enter.
pub(super) const DEFAULT_TEMPLATE: &str = "dr";

/// What the flags already say, so the prompts ask only for the rest.
#[derive(Debug)]
pub(super) struct Given<'a> {
    /// `--template`, if passed.
    pub(super) template: Option<&'a str>,
    /// Whether `--options` was passed.
    pub(super) options: bool,
}

/// What was answered.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Answers {
    /// The title, trimmed and never empty.
    pub(super) title: String,
    /// The template name, one of those offered.
    pub(super) template: String,
    /// The options considered, trimmed, empty ones left out.
    pub(super) options: Vec<String>,
}

/// Whether `docket new` may ask: stdin and stdout are both terminals and `CI` is unset,
/// empty, `false` or `0`.
pub(super) fn may_prompt() -> bool {
    let ci = std::env::var("CI").unwrap_or_default();
    let in_ci = !matches!(ci.trim().to_ascii_lowercase().as_str(), "" | "false" | "0");
    !in_ci && std::io::stdin().is_terminal() && std::io::stdout().is_terminal()
}

/// Asks on `output` and reads answers from `input`, a line each: the title until one is
/// given (end of input without one is an error), then, unless the flags gave them, the
/// template from `templates` (empty for [`DEFAULT_TEMPLATE`], an unknown name asks again) and
/// the options, comma-separated (empty for none). End of input takes the defaults.
pub(super) fn ask(
    input: &mut impl BufRead,
    output: &mut impl Write,
    templates: &[String],
    given: &Given<'_>,
) -> anyhow::Result<Answers> {
    let title = loop {
        match answer(input, output, "Title: ")? {
            None => bail!("no title given"),
            Some(title) if title.is_empty() => {}
            Some(title) => break title,
        }
    };
    let template = if let Some(template) = given.template {
        template.to_string()
    } else {
        writeln!(output, "Templates: {}", templates.join(", "))?;
        loop {
            let question = format!("Template [{DEFAULT_TEMPLATE}]: ");
            match answer(input, output, &question)? {
                None => break DEFAULT_TEMPLATE.to_string(),
                Some(name) if name.is_empty() => break DEFAULT_TEMPLATE.to_string(),
                Some(name) if templates.contains(&name) => break name,
                Some(name) => writeln!(output, "No template `{name}`; choose one listed.")?,
            }
        }
    };
    let options = if given.options {
        Vec::new()
    } else {
        answer(input, output, "Options, comma-separated (Enter for none): ")?
            .unwrap_or_default()
            .split(',')
            .map(str::trim)
            .filter(|o| !o.is_empty())
            .map(str::to_string)
            .collect()
    };
    Ok(Answers {
        title,
        template,
        options,
    })
}

/// Asks `question` and reads one line, trimmed; `None` at the end of input.
fn answer(
    input: &mut impl BufRead,
    output: &mut impl Write,
    question: &str,
) -> anyhow::Result<Option<String>> {
    write!(output, "{question}")?;
    output.flush()?;
    let mut line = String::new();
    if input.read_line(&mut line)? == 0 {
        writeln!(output)?;
        return Ok(None);
    }
    Ok(Some(line.trim().to_string()))
}

#[cfg(test)]
mod tests {
    use super::{Answers, Given, ask};

    fn run(input: &str, given: &Given<'_>) -> (anyhow::Result<Answers>, String) {
        let templates: Vec<String> = ["dr", "madr", "hosting"].map(String::from).to_vec();
        let mut output = Vec::new();
        let result = ask(&mut input.as_bytes(), &mut output, &templates, given);
        (result, String::from_utf8(output).unwrap())
    }

    const NOTHING: Given<'static> = Given {
        template: None,
        options: false,
    };

    #[test]
    fn asks_title_template_and_options() {
        let (answers, output) = run("Backend Hosting\nhosting\nRender, Fly.io,,\n", &NOTHING);
        assert_eq!(
            answers.unwrap(),
            Answers {
                title: "Backend Hosting".into(),
                template: "hosting".into(),
                options: vec!["Render".into(), "Fly.io".into()],
            }
        );
        assert_eq!(
            output,
            "Title: Templates: dr, madr, hosting\nTemplate [dr]: \
             Options, comma-separated (Enter for none): "
        );
    }

    #[test]
    fn enter_takes_the_defaults() {
        for (name, input) in [
            ("empty lines", "Use Postgres\n\n\n"),
            ("end of input after the title", "Use Postgres\n"),
        ] {
            let answers = run(input, &NOTHING).0.unwrap();
            assert_eq!(answers.template, "dr", "{name}");
            assert!(answers.options.is_empty(), "{name}");
        }
    }

    #[test]
    fn asks_again_for_an_empty_title_and_an_unknown_template() {
        let (answers, output) = run("\n  \nX\nnope\nmadr\n\n", &NOTHING);
        let answers = answers.unwrap();
        assert_eq!(
            (answers.title.as_str(), answers.template.as_str()),
            ("X", "madr")
        );
        assert_eq!(output.matches("Title: ").count(), 3);
        assert!(output.contains("No template `nope`"), "{output}");
    }

    #[test]
    fn no_title_at_end_of_input_is_an_error() {
        let err = run("", &NOTHING).0.unwrap_err();
        assert_eq!(err.to_string(), "no title given");
    }

    #[test]
    fn flags_already_given_are_not_asked() {
        let given = Given {
            template: Some("madr"),
            options: true,
        };
        let (answers, output) = run("Title only\n", &given);
        assert_eq!(answers.unwrap().template, "madr");
        assert_eq!(output, "Title: ");
    }
}
