//! Files the user picks: taken from a file input, checked for size, read as bytes. Nothing is
//! uploaded; the browser hands the bytes straight to the page.

use wasm_bindgen::JsCast;

/// The file chosen in the `<input type="file">` that fired `ev`. The input is cleared, so
/// choosing the same file again (after fixing it) fires again.
pub fn chosen(ev: &leptos::ev::Event) -> Option<web_sys::File> {
    let input = ev.target()?.dyn_into::<web_sys::HtmlInputElement>().ok()?;
    let file = input.files()?.get(0)?;
    input.set_value("");
    Some(file)
}

/// A sentence for the user when `file` is larger than `max_bytes` (checked before reading).
pub fn too_large(file: &web_sys::File, max_bytes: f64) -> Option<String> {
    (file.size() > max_bytes).then(|| {
        t!(
            "the file is {size} MB; Gaplens reads files up to {max} MB",
            size = crate::format::number(Some(file.size() / 1e6), 1),
            max = crate::format::number(Some(max_bytes / 1e6), 0)
        )
    })
}

/// The file's bytes.
///
/// # Errors
/// A sentence for the user when the browser cannot read the file (moved, no permission).
pub async fn read(file: &web_sys::File) -> Result<Vec<u8>, String> {
    match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
        Ok(buffer) => Ok(js_sys::Uint8Array::new(&buffer).to_vec()),
        Err(_) => Err(t!("{file} could not be read by the browser.", file = file.name())),
    }
}
