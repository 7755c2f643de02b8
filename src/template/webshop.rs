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
    name: k!("Web shop journey, 14 items"),
    summary: k!("A customer journey for a web shop — search, order, delivery, invoice, support — with \
        its touchpoints and channels, and statements linked to each touchpoint. Owners are \
        generic roles: put in your own names."),
    dimensions: &[
        ("look", k!("Website and packaging")),
        ("rel", k!("Reliability")),
        ("res", k!("Responsiveness")),
        ("trust", k!("Trust")),
        ("care", k!("Care")),
    ],
    items: &[
        ("FIND1", "look", k!("It is easy to find the product I am looking for on the website.")),
        ("FIND2", "trust", k!("Product pages tell me what I need to know before I buy.")),
        ("ORDER1", "look", k!("Placing an order takes few steps and no guesswork.")),
        ("ORDER2", "trust", k!("I feel safe paying in the web shop.")),
        ("ORDER3", "res", k!("The order confirmation arrives at once and shows exactly what I ordered.")),
        ("SHIP1", "rel", k!("My parcel arrives on the day I was promised.")),
        ("SHIP2", "res", k!("I am told where my parcel is and when it will come.")),
        ("SHIP3", "look", k!("The goods arrive undamaged and sensibly packed.")),
        ("BILL1", "rel", k!("The invoice is correct the first time.")),
        ("BILL2", "look", k!("The invoice is easy to understand.")),
        ("HELP1", "res", k!("Questions in the chat are answered quickly.")),
        ("HELP2", "care", k!("When I call, the person I speak to takes my problem seriously.")),
        ("HELP3", "rel", k!("A problem I report gets solved without my having to chase it.")),
        ("HELP4", "care", k!("Returns and complaints are handled fairly.")),
    ],
    stages: &[
        TemplateStage {
            name: k!("Search"),
            touchpoints: &[
                touchpoint("site-search", k!("Searching the website"), Channel::Web, false, k!("Web shop manager")),
                touchpoint("product-page", k!("Product pages"), Channel::Web, false, k!("Web shop manager")),
            ],
        },
        TemplateStage {
            name: k!("Order"),
            touchpoints: &[
                touchpoint("checkout", k!("Checkout and payment"), Channel::Web, true, k!("Web shop manager")),
                touchpoint("order-confirmation", k!("Order confirmation e-mail"), Channel::Email, false, k!("Customer service")),
            ],
        },
        TemplateStage {
            name: k!("Delivery"),
            touchpoints: &[
                touchpoint("parcel", k!("Parcel delivery"), Channel::Delivery, true, k!("Logistics")),
                touchpoint("tracking", k!("Tracking e-mails"), Channel::Email, false, k!("Customer service")),
            ],
        },
        TemplateStage {
            name: k!("Invoice"),
            touchpoints: &[touchpoint("invoice", k!("Invoice"), Channel::Invoice, true, k!("Finance"))],
        },
        TemplateStage {
            name: k!("Support"),
            touchpoints: &[
                touchpoint("chat", k!("Chat"), Channel::Chat, false, k!("Customer service")),
                touchpoint("phone", k!("Customer service phone"), Channel::Phone, true, k!("Customer service")),
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
