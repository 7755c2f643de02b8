//! `gaplens analyze FILE.csv [--project PROJECT.json] [--wave NAME]`: the analysis engine,
//! natively, printing the Results JSON. All logic lives in `gaplens::cli`.

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match gaplens::cli::run(&args) {
        Ok(output) => print!("{output}"),
        Err(message) => {
            eprintln!("gaplens: {message}");
            std::process::exit(2);
        }
    }
}
