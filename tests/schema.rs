//! The committed JSON Schema of `docket export` (docs/schema/docket-export.schema.json) against
//! real exports: our records, the parse fixtures and the shared corpus validate, every enum value
//! the model can emit is listed, and mutated exports fail, so the schema is known to have teeth.

// The shared-data helper prints a skip note when ../shared is absent.
mod common;

use std::path::{Path, PathBuf};

use docket::corpus::{Corpus, LoadOptions};
use docket::diagnostics::Severity;
use docket::model::{
    ChosenSource, Format, LinkKind, LinkOrigin, Period, RatingMark, SectionKind, StatusKind,
    SuppressionScope, TableKind, TableLayout, TitleSource, WeightLevel,
};
use jsonschema::Validator;
use serde_json::{Value, json};

fn schema() -> Value {
    serde_json::from_str(docket::export::SCHEMA).expect("the committed schema is valid JSON")
}

/// A validator for the whole export, or for one `$defs` entry when `def` is given.
fn validator(def: Option<&str>) -> Validator {
    let mut schema = schema();
    if let Some(name) = def {
        schema = json!({
            "$schema": schema["$schema"],
            "$defs": schema["$defs"],
            "$ref": format!("#/$defs/{name}"),
        });
    }
    jsonschema::draft202012::new(&schema)
        .unwrap_or_else(|e| panic!("the schema does not compile: {e} (at {})", e.schema_path))
}

/// Each violation as `instance path: message`, messages cut short so a failure stays readable.
fn violations(validator: &Validator, instance: &Value) -> Vec<String> {
    validator
        .iter_errors(instance)
        .map(|e| {
            let message: String = e.to_string().chars().take(300).collect();
            format!("{}: {message}", e.instance_path)
        })
        .collect()
}

fn assert_valid(instance: &Value, what: &str) {
    let errors = violations(&validator(None), instance);
    assert!(
        errors.is_empty(),
        "{what}: {} schema violation(s)\n{}",
        errors.len(),
        errors.join("\n")
    );
}

/// Loads `paths` and returns the parsed export with its number of records.
fn export(paths: &[PathBuf]) -> (Value, usize) {
    let corpus = Corpus::load(paths, &LoadOptions::default()).expect("the paths load");
    let json = docket::export::to_json(&corpus).expect("the corpus serialises");
    let value = serde_json::from_str(&json).expect("the export is JSON");
    (value, corpus.decisions.len())
}

fn markdown_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("fixture folder is readable")
        .map(|e| e.expect("fixture entry is readable").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            markdown_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "md") {
            out.push(path);
        }
    }
}

#[test]
fn schema_is_draft_2020_12_and_compiles() {
    let schema = schema();
    assert_eq!(
        schema["$schema"], "https://json-schema.org/draft/2020-12/schema",
        "the schema must declare draft 2020-12"
    );
    if let Err(e) = jsonschema::draft202012::meta::validate(&schema) {
        panic!(
            "not a valid draft 2020-12 schema: {e} (at {})",
            e.instance_path
        );
    }
    validator(None);
}

/// Walks every subschema: objects with `properties` must be closed and require all of them.
fn check_closed(node: &Value, at: &str, problems: &mut Vec<String>) {
    match node {
        Value::Object(map) => {
            if let Some(Value::Object(props)) = map.get("properties") {
                if map.get("additionalProperties") != Some(&Value::Bool(false)) {
                    problems.push(format!("{at}: additionalProperties is not false"));
                }
                let mut required: Vec<&str> = map
                    .get("required")
                    .and_then(Value::as_array)
                    .map(|r| r.iter().filter_map(Value::as_str).collect())
                    .unwrap_or_default();
                let mut names: Vec<&str> = props.keys().map(String::as_str).collect();
                required.sort_unstable();
                names.sort_unstable();
                if required != names {
                    problems.push(format!(
                        "{at}: required {required:?} != properties {names:?}"
                    ));
                }
            }
            for (key, child) in map {
                check_closed(child, &format!("{at}/{key}"), problems);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                check_closed(child, &format!("{at}/{i}"), problems);
            }
        }
        _ => {}
    }
}

#[test]
fn every_object_is_closed_requires_all_fields_and_is_documented() {
    let schema = schema();
    let mut problems = Vec::new();
    check_closed(&schema, "#", &mut problems);
    for (name, def) in schema["$defs"].as_object().expect("$defs is an object") {
        for key in ["title", "description"] {
            if !def[key].is_string() {
                problems.push(format!("#/$defs/{name}: no {key}"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn export_of_our_records_validates() {
    let (export, records) = export(&[PathBuf::from("records")]);
    assert!(records > 0, "records/ holds no records");
    assert_valid(&export, "records/");
}

#[test]
fn export_of_every_parse_fixture_validates() {
    // Named files are parsed whatever their name, so no fixture is skipped as a README or template.
    let mut files = Vec::new();
    markdown_files(Path::new("tests/fixtures/parse"), &mut files);
    let (export, records) = export(&files);
    assert_eq!(records, files.len(), "every fixture yields one record");
    assert_valid(&export, "tests/fixtures/parse");
}

#[test]
fn export_of_shared_corpus_validates() {
    let Some(corpus) = common::shared("corpus") else {
        return;
    };
    let (export, records) = export(&[corpus]);
    assert!(records > 0, "../shared/corpus holds no records");
    assert_valid(&export, "../shared/corpus");
}

#[test]
fn mutated_exports_fail_at_the_mutated_place() {
    type Mutation = fn(&mut Value);
    let (valid, _) = export(&[PathBuf::from("records")]);
    assert_valid(&valid, "records/ before mutation");
    let cases: [(&str, Mutation, &str); 7] = [
        (
            "unknown field (title renamed)",
            |v| {
                let record = v["records"][0].as_object_mut().unwrap();
                let title = record.remove("title").unwrap();
                record.insert("titel".into(), title);
            },
            "/records/0",
        ),
        (
            "required field deleted",
            |v| {
                v["records"][0].as_object_mut().unwrap().remove("status");
            },
            "/records/0",
        ),
        (
            "null-valued field deleted (present as null, still required)",
            |v| {
                v["records"][0].as_object_mut().unwrap().remove("due_date");
            },
            "/records/0",
        ),
        (
            "nested span deleted",
            |v| {
                v["records"][0]["title"]
                    .as_object_mut()
                    .unwrap()
                    .remove("span");
            },
            "/records/0/title",
        ),
        (
            "enum value outside the list",
            |v| {
                v["records"][0]["format"] = json!("markdown");
            },
            "/records/0/format",
        ),
        (
            "wrong type",
            |v| {
                v["records"][0]["tags"] = json!("a, b");
            },
            "/records/0/tags",
        ),
        (
            "unknown top-level field",
            |v| {
                v.as_object_mut()
                    .unwrap()
                    .insert("generated_at".into(), json!("now"));
            },
            "",
        ),
    ];
    let validator = validator(None);
    for (name, mutate, path) in cases {
        let mut mutated = valid.clone();
        mutate(&mut mutated);
        let errors: Vec<(String, String)> = validator
            .iter_errors(&mutated)
            .map(|e| (e.instance_path.to_string(), e.to_string()))
            .collect();
        assert!(!errors.is_empty(), "{name}: the mutated export validates");
        assert!(
            errors.iter().any(|(at, _)| at == path),
            "{name}: expected a violation at `{path}`, got {errors:?}"
        );
    }
}

/// Every variant of a unit-only enum; the `match` stops compiling when the model gains a
/// variant this list lacks, so the schema check below cannot silently fall behind.
macro_rules! all_variants {
    ($ty:ident: $($variant:ident),+ $(,)?) => {{
        fn _exhaustive(value: $ty) {
            match value {
                $($ty::$variant)|+ => {}
            }
        }
        vec![$(serde_json::to_value($ty::$variant).expect("an enum serialises")),+]
    }};
}

#[test]
fn schema_enums_list_exactly_the_serialised_variants() {
    let schema = schema();
    let enums: [(&str, Vec<Value>); 13] = [
        (
            "Format",
            all_variants!(Format: Dr, AdrBold, Nygard, Madr2, Madr, Log4brains, Freeform),
        ),
        (
            "TitleSource",
            all_variants!(TitleSource: Heading, FrontMatter, OtherHeading, FileName),
        ),
        (
            "StatusKind",
            all_variants!(StatusKind: Proposed, Accepted, Rejected, Deprecated, Superseded, Draft, Unknown),
        ),
        (
            "Period",
            all_variants!(Period: Hour, Day, Week, Month, Year, OneOff),
        ),
        (
            "ChosenSource",
            all_variants!(ChosenSource: ChosenOptionLine, SelectedMarker, SelectedLine, WinnerLine, DecisionEmphasis, DecisionStatement, Title),
        ),
        (
            "TableLayout",
            all_variants!(TableLayout: CriteriaRows, OptionRows, SeparateWeights),
        ),
        ("TableKind", all_variants!(TableKind: Scored, Comparison)),
        (
            "WeightLevel",
            all_variants!(WeightLevel: Critical, High, Medium, Low),
        ),
        (
            "LinkKind",
            all_variants!(LinkKind: Supersedes, SupersededBy, Amends, AmendedBy, Related, SplitFrom, DependsOn, Other, Mention),
        ),
        (
            "LinkOrigin",
            all_variants!(LinkOrigin: StatusSection, Metadata, LinkList, Prose),
        ),
        (
            "SuppressionScope",
            all_variants!(SuppressionScope: File, NextLine),
        ),
        (
            "SectionKind",
            all_variants!(SectionKind: Context, Decision, Consequences, ConsideredOptions, ProsAndCons, Status, Date, Links, Changelog, Other),
        ),
        ("Severity", all_variants!(Severity: Info, Warning, Error)),
    ];
    for (name, serialised) in enums {
        assert_eq!(
            schema["$defs"][name]["enum"],
            Value::Array(serialised),
            "$defs/{name} must list exactly the serialised variants, in declaration order"
        );
    }
}

#[test]
fn every_rating_mark_variant_validates() {
    let marks = [
        RatingMark::Good,
        RatingMark::Partial,
        RatingMark::Bad,
        RatingMark::Number {
            value: 7.0,
            out_of: Some(10.0),
            weighted: None,
        },
        RatingMark::Stars {
            filled: 3,
            total: 5,
        },
        RatingMark::Plus { count: 2 },
        RatingMark::Same,
        RatingMark::Minus { count: 1 },
        RatingMark::Word {
            word: "fair".into(),
        },
        RatingMark::Unknown,
        RatingMark::Empty,
        RatingMark::Unrecognised,
    ];
    // Stops compiling when RatingMark gains a variant the list above lacks.
    for mark in &marks {
        match mark {
            RatingMark::Good
            | RatingMark::Partial
            | RatingMark::Bad
            | RatingMark::Number { .. }
            | RatingMark::Stars { .. }
            | RatingMark::Plus { .. }
            | RatingMark::Same
            | RatingMark::Minus { .. }
            | RatingMark::Word { .. }
            | RatingMark::Unknown
            | RatingMark::Empty
            | RatingMark::Unrecognised => {}
        }
    }
    let validator = validator(Some("RatingMark"));
    for mark in &marks {
        let value = serde_json::to_value(mark).expect("a mark serialises");
        let errors = violations(&validator, &value);
        assert!(errors.is_empty(), "{value}: {}", errors.join("\n"));
    }
    let mut extra = serde_json::to_value(RatingMark::Plus { count: 1 }).unwrap();
    extra["value"] = json!(1);
    assert!(
        !validator.is_valid(&extra),
        "a mark with a field of another kind must fail: {extra}"
    );
}
