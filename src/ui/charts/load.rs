//! Loading ECharts lazily: the `<script>` is injected when the first chart is shown, so the
//! first page load never fetches it. Its hashed file name comes from
//! `<meta name="gaplens-echarts">`, which scripts/echarts-build.mjs fills in at build time.

use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

thread_local! {
    /// The pending or finished load, shared by every chart.
    static LOADING: RefCell<Option<js_sys::Promise>> = const { RefCell::new(None) };
}

fn is_loaded() -> bool {
    js_sys::Reflect::has(&js_sys::global(), &"GaplensCharts".into()).unwrap_or(false)
}

/// Resolves once ECharts is ready; every caller waits on the same single `<script>`.
///
/// # Errors
/// A sentence for the user when the file cannot be loaded; the next call tries again.
pub async fn echarts() -> Result<(), String> {
    if is_loaded() {
        return Ok(());
    }
    let promise = LOADING.with(|loading| loading.borrow_mut().get_or_insert_with(inject).clone());
    match JsFuture::from(promise).await {
        Ok(_) if is_loaded() => Ok(()),
        _ => {
            LOADING.with(|loading| loading.borrow_mut().take());
            Err(t!("The charting code could not be loaded, so the chart is not drawn; its numbers are in the table.").to_owned())
        }
    }
}

fn inject() -> js_sys::Promise {
    js_sys::Promise::new(&mut |resolve, reject| {
        let fail = |reason: &str| {
            let _ = reject.call1(&JsValue::NULL, &reason.into());
        };
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return fail("no document");
        };
        let src = document
            .query_selector("meta[name=gaplens-echarts]")
            .ok()
            .flatten()
            .and_then(|meta| meta.get_attribute("content"))
            .unwrap_or_else(|| "./echarts.js".to_owned());
        let Some(script) = document
            .create_element("script")
            .ok()
            .and_then(|e| e.dyn_into::<web_sys::HtmlScriptElement>().ok())
        else {
            return fail("cannot create a script element");
        };
        script.set_src(&src);
        script.set_onload(Some(&resolve));
        script.set_onerror(Some(&reject));
        let _ = script.set_attribute("data-testid", "echarts-script");
        match document.head() {
            Some(head) if head.append_child(&script).is_ok() => {}
            _ => fail("cannot add the script"),
        }
    })
}
