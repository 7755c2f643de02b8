//! The native command, `gaplens analyze FILE.csv [--project PROJECT.json] [--wave NAME]
//! [--segment KEY=VALUE]`.
//! `src/bin/gaplens.rs` only forwards arguments here, so tests can run it in-process.

use crate::analysis::{Filter, Results};
use crate::export::results_json;
use crate::import::{parse_responses, ImportOptions, ItemPolicy};
use crate::model::{Project, ProjectId, Scale};
use crate::template::SERVQUAL;
use std::collections::HashSet;
use std::path::Path;

/// How to use the command.
pub const USAGE: &str = "usage: gaplens analyze FILE.csv [--project PROJECT.json] [--wave NAME] [--segment KEY=VALUE]

Prints the Results JSON (format gaplens-results, version 1) for the responses in FILE.csv.
Without --project the SERVQUAL template on a 1-7 scale is assumed.";

/// Runs the command; `Ok` holds what goes to stdout, `Err` the message for stderr.
///
/// # Errors
/// A usage error, an unreadable or rejected file, or an unknown `--wave`.
pub fn run(args: &[String]) -> Result<String, String> {
    let mut file = None;
    let mut project_file = None;
    let mut wave = None;
    let mut segment = None;
    let mut args = args.iter();
    match args.next().map(String::as_str) {
        Some("analyze") => {}
        Some("-h" | "--help") => return Ok(format!("{USAGE}\n")),
        _ => return Err(USAGE.to_owned()),
    }
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--project" => project_file = Some(args.next().ok_or("--project needs a file name")?),
            "--wave" => wave = Some(args.next().ok_or("--wave needs a wave name")?.clone()),
            "--segment" => {
                let text = args.next().ok_or("--segment needs KEY=VALUE")?;
                let (key, value) = text.split_once('=').ok_or("--segment needs KEY=VALUE, e.g. channel=web")?;
                segment = Some((key.trim().to_owned(), value.trim().to_owned()));
            }
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}\n{USAGE}")),
            path if file.is_none() => file = Some(path),
            extra => return Err(format!("unexpected argument {extra}\n{USAGE}")),
        }
    }
    let file = file.ok_or_else(|| USAGE.to_owned())?;
    let bytes = std::fs::read(file).map_err(|e| format!("cannot read {file}: {e}"))?;

    let base = match project_file {
        Some(path) => Some(read_project(path)?),
        None => None,
    };
    let no_ids = HashSet::new();
    let imported = parse_responses(
        &bytes,
        &ImportOptions {
            scale: base.as_ref().map_or(Scale::SEVEN, |p| p.scale),
            items: match &base {
                Some(project) => ItemPolicy::ProjectIgnoringUnknown(&project.items),
                None => ItemPolicy::TemplateAndUnknown,
            },
            existing_ids: &no_ids,
            default_wave: None,
            id_prefix: "row-",
        },
    )
    .map_err(|e| format!("{file}: {e}"))?;

    let listed_codes: Vec<_> = imported.items.iter().map(|i| i.code.clone()).collect();
    let mut project = match base {
        Some(mut project) => {
            project.responses.clear();
            project.waves.clear();
            project
        }
        None => {
            let stem = Path::new(file).file_stem().and_then(|s| s.to_str()).unwrap_or("responses");
            let mut dimensions = SERVQUAL.dimensions();
            if imported.items.iter().any(|i| i.dimension.as_str() == crate::analysis::OTHER_DIMENSION) {
                dimensions.push(crate::model::Dimension {
                    code: crate::model::DimensionCode::new(crate::analysis::OTHER_DIMENSION)
                        .map_err(|e| e.to_string())?,
                    name: "Other".to_owned(),
                });
            }
            Project::new(
                ProjectId::new("cli").map_err(|e| e.to_string())?,
                stem,
                Scale::SEVEN,
                dimensions,
                imported.items.clone(),
            )
            .map_err(|e| e.to_string())?
        }
    };
    project.append_responses(imported.responses, &imported.waves);
    if let Some(name) = &wave {
        if !project.waves.iter().any(|w| &w.name == name) {
            let known: Vec<&str> = project.waves.iter().map(|w| w.name.as_str()).collect();
            return Err(format!("{file}: no wave named {name:?}; the file has {known:?}"));
        }
    }
    let items: Vec<_> = project.items.iter().filter(|i| listed_codes.contains(&i.code)).collect();
    let filter = Filter { wave, segment, touchpoint: None };
    let results = Results::compute(&project, &filter, &items);
    Ok(results_json(&results))
}

fn read_project(path: &str) -> Result<Project, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let value: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| format!("{path}: not JSON ({e})"))?;
    // A stored project document wraps the project; a bare project is accepted too.
    let project = value.get("project").cloned().unwrap_or(value);
    serde_json::from_value(project).map_err(|e| format!("{path}: not a Gaplens project ({e})"))
}
