//! The web entry: mounts the app, nothing else.

#[cfg(target_arch = "wasm32")]
fn main() {
    gaplens::ui::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("gaplens-web is the browser build; run `./scripts/serve.sh` (see README.md).");
    std::process::exit(1);
}
