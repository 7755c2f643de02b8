//! A journey-based set for a web shop: search, order, delivery, invoice and support, with a
//! touchpoint for each channel and every item linked to the touchpoint it is about.

use super::{Template, TemplateStage, TemplateTouchpoint};
use crate::model::Channel;

const fn touchpoint(
    code: &'static str,
    name: &'static str,
    channel: Channel,
    critical: bool,
    owner: &'static str,
) -> TemplateTouchpoint {
    TemplateTouchpoint { code, name, channel, critical, owner }
}

/// Fourteen items along a web shop's customer journey (codes `FIND1`–`HELP4`).
pub const WEBSHOP: Template = Template {
    key: "webshop",
    name: "Web shop journey, 14 items",
    summary: "A customer journey for a web shop — search, order, delivery, invoice, support — with \
        its touchpoints and channels, and statements linked to each touchpoint. Owners are \
        generic roles: put in your own names.",
    dimensions: &[
        ("look", "Website and packaging"),
        ("rel", "Reliability"),
        ("res", "Responsiveness"),
        ("trust", "Trust"),
        ("care", "Care"),
    ],
    items: &[
        ("FIND1", "look", "It is easy to find the product I am looking for on the website."),
        ("FIND2", "trust", "Product pages tell me what I need to know before I buy."),
        ("ORDER1", "look", "Placing an order takes few steps and no guesswork."),
        ("ORDER2", "trust", "I feel safe paying in the web shop."),
        ("ORDER3", "res", "The order confirmation arrives at once and shows exactly what I ordered."),
        ("SHIP1", "rel", "My parcel arrives on the day I was promised."),
        ("SHIP2", "res", "I am told where my parcel is and when it will come."),
        ("SHIP3", "look", "The goods arrive undamaged and sensibly packed."),
        ("BILL1", "rel", "The invoice is correct the first time."),
        ("BILL2", "look", "The invoice is easy to understand."),
        ("HELP1", "res", "Questions in the chat are answered quickly."),
        ("HELP2", "care", "When I call, the person I speak to takes my problem seriously."),
        ("HELP3", "rel", "A problem I report gets solved without my having to chase it."),
        ("HELP4", "care", "Returns and complaints are handled fairly."),
    ],
    stages: &[
        TemplateStage {
            name: "Search",
            touchpoints: &[
                touchpoint("site-search", "Searching the website", Channel::Web, false, "Web shop manager"),
                touchpoint("product-page", "Product pages", Channel::Web, false, "Web shop manager"),
            ],
        },
        TemplateStage {
            name: "Order",
            touchpoints: &[
                touchpoint("checkout", "Checkout and payment", Channel::Web, true, "Web shop manager"),
                touchpoint("order-confirmation", "Order confirmation e-mail", Channel::Email, false, "Customer service"),
            ],
        },
        TemplateStage {
            name: "Delivery",
            touchpoints: &[
                touchpoint("parcel", "Parcel delivery", Channel::Delivery, true, "Logistics"),
                touchpoint("tracking", "Tracking e-mails", Channel::Email, false, "Customer service"),
            ],
        },
        TemplateStage {
            name: "Invoice",
            touchpoints: &[touchpoint("invoice", "Invoice", Channel::Invoice, true, "Finance")],
        },
        TemplateStage {
            name: "Support",
            touchpoints: &[
                touchpoint("chat", "Chat", Channel::Chat, false, "Customer service"),
                touchpoint("phone", "Customer service phone", Channel::Phone, true, "Customer service"),
            ],
        },
    ],
    links: &[
        ("FIND1", "site-search"),
        ("FIND2", "product-page"),
        ("ORDER1", "checkout"),
        ("ORDER2", "checkout"),
        ("ORDER3", "order-confirmation"),
        ("SHIP1", "parcel"),
        ("SHIP2", "tracking"),
        ("SHIP3", "parcel"),
        ("BILL1", "invoice"),
        ("BILL2", "invoice"),
        ("HELP1", "chat"),
        ("HELP2", "phone"),
        ("HELP3", "chat"),
        ("HELP4", "phone"),
    ],
};
