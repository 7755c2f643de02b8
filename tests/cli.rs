//! The native command as a script would use it: exit codes, stdout and stderr.

use std::process::Command;

fn gaplens(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_gaplens")).args(args).output().expect("runs")
}

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/responses/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn analyze_prints_the_results_json() {
    let output = gaplens(&["analyze", &fixture("servqual_two_waves.csv")]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON on stdout");
    assert_eq!(json["format"], "gaplens-results");
    assert_eq!(json["version"], 1);
    assert_eq!(json["project"], "servqual_two_waves");
    assert_eq!(json["wave"], serde_json::Value::Null);
    assert_eq!(json["scale"], serde_json::json!({"min": 1, "max": 7}));
    assert_eq!(json["items"].as_array().map(Vec::len), Some(22));
    assert!(json["items"][0]["perception_gap"]["p_holm"].is_number());
    assert!(json["dimensions"][0]["perception_gap"].get("p_holm").is_none());
}

#[test]
fn a_rejected_file_exits_non_zero_with_the_problems_on_stderr() {
    let dir = std::env::temp_dir().join(format!("gaplens-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.csv");
    std::fs::write(&bad, "id,P:REL1\na,9\nb,x\n").unwrap();
    let output = gaplens(&["analyze", bad.to_str().unwrap()]);
    assert!(!output.status.success());
    assert!(output.stdout.is_empty(), "no JSON on a rejected file");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("row 1, column \"P:REL1\": \"9\" is outside 1–7"), "{stderr}");
    assert!(stderr.contains("row 2, column \"P:REL1\": \"x\" is not a number"), "{stderr}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn an_unknown_wave_exits_non_zero() {
    let output = gaplens(&["analyze", &fixture("small_n.csv"), "--wave", "No such wave"]);
    assert!(!output.status.success());
    assert!(output.stdout.is_empty());
    assert!(String::from_utf8_lossy(&output.stderr).contains("no wave named \"No such wave\""));
}

#[test]
fn usage_errors_exit_non_zero() {
    assert!(!gaplens(&[]).status.success());
    assert!(!gaplens(&["analyze"]).status.success());
    assert!(!gaplens(&["analyze", "x.csv", "--bogus"]).status.success());
    assert!(!gaplens(&["analyze", "/no/such/file.csv"]).status.success());
}
