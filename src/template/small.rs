//! A short set for small businesses: ten plain statements, two per service-quality dimension.

use super::Template;

/// Ten items in five dimensions (codes `LOOK1`–`CARE2`), in plain words.
pub const SMALL: Template = Template {
    key: "small",
    name: k!("Small business, 10 items"),
    summary: k!("Two plain statements for each of the five service-quality dimensions. Quick to answer \
        (two or three minutes), so more customers finish it."),
    dimensions: &[
        ("look", k!("How we look")),
        ("keep", k!("Keeping our word")),
        ("quick", k!("Quick help")),
        ("trust", k!("Trust")),
        ("care", k!("Personal care")),
    ],
    items: &[
        ("LOOK1", "look", k!("Our premises, website and vehicles look clean and cared for.")),
        ("LOOK2", "look", k!("Quotes, receipts and invoices are easy to read.")),
        ("KEEP1", "keep", k!("We do what we said we would, when we said we would.")),
        ("KEEP2", "keep", k!("The work is done right the first time.")),
        ("QUICK1", "quick", k!("Customers get an answer quickly when they get in touch.")),
        ("QUICK2", "quick", k!("Our staff are glad to help, even on a busy day.")),
        ("TRUST1", "trust", k!("Our staff know their trade and can answer questions.")),
        ("TRUST2", "trust", k!("Customers can rely on the advice we give.")),
        ("CARE1", "care", k!("We listen and understand what each customer needs.")),
        ("CARE2", "care", k!("We are easy to reach at times that suit our customers.")),
    ],
    stages: &[],
    links: &[],
};
