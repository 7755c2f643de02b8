//! The 22-item SERVQUAL-structured set. Codes and texts are fixed: tests, the CLI and the demo
//! depend on them.

use super::Template;

/// The 22-item, five-dimension service-quality set (codes `TAN1`–`EMP5`).
pub const SERVQUAL: Template = Template {
    key: "servqual",
    name: k!("Service quality, 22 items (SERVQUAL structure)"),
    summary: k!("The five classic service-quality dimensions with 4–5 statements each. The most complete set; about ten minutes for a customer."),
    dimensions: &[
        ("tan", k!("Tangibles")),
        ("rel", k!("Reliability")),
        ("res", k!("Responsiveness")),
        ("ass", k!("Assurance")),
        ("emp", k!("Empathy")),
    ],
    items: &[
        ("TAN1", "tan", k!("The equipment and tools we use look modern and work well.")),
        ("TAN2", "tan", k!("Our premises, website and shop look inviting.")),
        ("TAN3", "tan", k!("Our staff look neat and professional.")),
        ("TAN4", "tan", k!("Brochures, invoices and other material are clear and tidy.")),
        ("REL1", "rel", k!("When we promise to do something by a certain time, it gets done.")),
        ("REL2", "rel", k!("When a customer has a problem, we take a genuine interest in solving it.")),
        ("REL3", "rel", k!("We get the service right the first time.")),
        ("REL4", "rel", k!("We deliver on the date and at the time we said.")),
        ("REL5", "rel", k!("Our records, bookings and invoices are free of errors.")),
        ("RES1", "res", k!("We tell customers exactly when things will happen.")),
        ("RES2", "res", k!("Customers are served promptly.")),
        ("RES3", "res", k!("Our staff are always willing to help.")),
        ("RES4", "res", k!("We are never too busy to answer a customer's question.")),
        ("ASS1", "ass", k!("The way our staff behave makes customers feel confident.")),
        ("ASS2", "ass", k!("Customers feel safe doing business with us.")),
        ("ASS3", "ass", k!("Our staff are consistently polite.")),
        ("ASS4", "ass", k!("Our staff know enough to answer customers' questions.")),
        ("EMP1", "emp", k!("We pay attention to each customer as an individual.")),
        ("EMP2", "emp", k!("Our opening hours suit our customers.")),
        ("EMP3", "emp", k!("Customers get personal attention from our staff.")),
        ("EMP4", "emp", k!("We have our customers' best interests at heart.")),
        ("EMP5", "emp", k!("Our staff understand what each customer specifically needs.")),
    ],
    stages: &[],
    links: &[],
};
