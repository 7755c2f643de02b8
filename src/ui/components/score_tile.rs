//! A customer score (NPS, CSAT, CES) as a tile: the figure, its n, a one-line reading and its
//! "What is this?". The Dashboard and the Analysis page show the same tiles.

use crate::analysis::scores::Score;
use crate::explain::Topic;
use crate::ui::components::explain::Explain;
use crate::ui::format::count;
use leptos::prelude::*;

/// One tile; `show` writes the score's value (each score has its own unit and decimals).
pub fn score_tile(
    name: &'static str,
    testid: &'static str,
    score: Option<Score>,
    show: fn(f64) -> String,
    help: &'static str,
    topic: Topic,
) -> impl IntoView {
    let (figure, n) = match score {
        Some(s) => (show(s.value), format!("n = {}", count(s.n))),
        None => ("–".to_owned(), t!("no answers").to_owned()),
    };
    view! {
        <div class="tile" data-testid=testid>
            <h3>{name}</h3>
            <p class="tile-figure">{figure}</p>
            <p class="muted">{n}</p>
            <p class="hint">{help}</p>
            <Explain topic=topic />
        </div>
    }
}
