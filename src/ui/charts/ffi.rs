//! The few ECharts calls Gaplens makes, bound by hand: charming binds `init` and `setOption`
//! but not `dispose`, and its `init` cannot ask for the SVG renderer.
//!
//! Every call catches JavaScript exceptions: a chart that fails must not take the app down.
//! They may only be called once [`super::load::echarts`] has finished.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// One ECharts instance (`echarts.init`'s result).
    pub type Instance;

    #[wasm_bindgen(catch, js_namespace = echarts, js_name = init)]
    fn init_js(
        element: &web_sys::Element,
        theme: &JsValue,
        options: &JsValue,
    ) -> Result<Instance, JsValue>;

    #[wasm_bindgen(catch, js_namespace = echarts, js_name = dispose)]
    fn dispose_js(instance: &Instance) -> Result<(), JsValue>;

    #[wasm_bindgen(catch, method, js_name = resize)]
    fn resize_js(this: &Instance) -> Result<(), JsValue>;

    #[wasm_bindgen(catch, method, js_name = getDataURL)]
    fn get_data_url_js(this: &Instance, options: &JsValue) -> Result<String, JsValue>;

    /// `GaplensCharts.setOption` of scripts/echarts-entry.mjs: setOption with notMerge after
    /// resolving named render functions and forcing rich-text tooltips.
    #[wasm_bindgen(catch, js_namespace = GaplensCharts, js_name = setOption)]
    fn set_option_js(instance: &Instance, option: &JsValue) -> Result<(), JsValue>;
}

fn message(error: JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "unknown error".to_owned())
}

impl Instance {
    /// A new instance in `element`, drawn as SVG; `dark` picks ECharts' built-in dark theme.
    pub fn init(element: &web_sys::Element, dark: bool) -> Result<Instance, String> {
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"renderer".into(), &"svg".into());
        let theme = if dark {
            JsValue::from_str("dark")
        } else {
            JsValue::NULL
        };
        init_js(element, &theme, &options).map_err(message)
    }

    /// Replaces the whole option (no merging with the previous one).
    pub fn set_option(&self, option: &JsValue) -> Result<(), String> {
        set_option_js(self, option).map_err(message)
    }

    /// Fits the chart to its container's current size.
    pub fn resize(&self) {
        let _ = self.resize_js();
    }

    /// The chart as an SVG `data:` URL.
    pub fn svg_data_url(&self) -> Result<String, String> {
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"type".into(), &"svg".into());
        self.get_data_url_js(&options).map_err(message)
    }

    /// Frees the instance: its DOM, listeners and ECharts' registry entry.
    pub fn dispose(self) {
        let _ = dispose_js(&self);
    }
}
