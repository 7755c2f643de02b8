//! Ready-made item sets. Texts are Gaplens' own wording, not the published SERVQUAL items.

use crate::model::{Dimension, DimensionCode, Item, ItemCode};

/// A named set of dimensions and items a project can start from.
pub struct Template {
    /// Identifier used in the UI.
    pub key: &'static str,
    /// Name shown to users.
    pub name: &'static str,
    /// `(code, name)` per dimension, in order.
    pub dimensions: &'static [(&'static str, &'static str)],
    /// `(code, dimension code, text)` per item, in order.
    pub items: &'static [(&'static str, &'static str, &'static str)],
}

impl Template {
    /// The template's dimensions as model values.
    pub fn dimensions(&self) -> Vec<Dimension> {
        self.dimensions
            .iter()
            .filter_map(|(code, name)| {
                Some(Dimension { code: DimensionCode::new(code).ok()?, name: (*name).to_owned() })
            })
            .collect()
    }

    /// The template's items as model values.
    pub fn items(&self) -> Vec<Item> {
        self.items
            .iter()
            .filter_map(|(code, dimension, text)| {
                Some(Item {
                    code: ItemCode::new(code).ok()?,
                    dimension: DimensionCode::new(dimension).ok()?,
                    text: (*text).to_owned(),
                    touchpoint: None,
                })
            })
            .collect()
    }

    /// The position of `code` (case-insensitive) in the template, with its dimension.
    pub fn find(&self, code: &str) -> Option<(usize, &'static str, &'static str)> {
        self.items
            .iter()
            .enumerate()
            .find(|(_, (c, _, _))| c.eq_ignore_ascii_case(code))
            .map(|(i, (c, d, _))| (i, *c, *d))
    }
}

/// The 22-item, five-dimension service-quality set (codes `TAN1`–`EMP5`).
pub const SERVQUAL: Template = Template {
    key: "servqual",
    name: "Service quality, 22 items (SERVQUAL structure)",
    dimensions: &[
        ("tan", "Tangibles"),
        ("rel", "Reliability"),
        ("res", "Responsiveness"),
        ("ass", "Assurance"),
        ("emp", "Empathy"),
    ],
    items: &[
        ("TAN1", "tan", "The equipment and tools we use look modern and work well."),
        ("TAN2", "tan", "Our premises, website and shop look inviting."),
        ("TAN3", "tan", "Our staff look neat and professional."),
        ("TAN4", "tan", "Brochures, invoices and other material are clear and tidy."),
        ("REL1", "rel", "When we promise to do something by a certain time, it gets done."),
        ("REL2", "rel", "When a customer has a problem, we take a genuine interest in solving it."),
        ("REL3", "rel", "We get the service right the first time."),
        ("REL4", "rel", "We deliver on the date and at the time we said."),
        ("REL5", "rel", "Our records, bookings and invoices are free of errors."),
        ("RES1", "res", "We tell customers exactly when things will happen."),
        ("RES2", "res", "Customers are served promptly."),
        ("RES3", "res", "Our staff are always willing to help."),
        ("RES4", "res", "We are never too busy to answer a customer's question."),
        ("ASS1", "ass", "The way our staff behave makes customers feel confident."),
        ("ASS2", "ass", "Customers feel safe doing business with us."),
        ("ASS3", "ass", "Our staff are consistently polite."),
        ("ASS4", "ass", "Our staff know enough to answer customers' questions."),
        ("EMP1", "emp", "We pay attention to each customer as an individual."),
        ("EMP2", "emp", "Our opening hours suit our customers."),
        ("EMP3", "emp", "Customers get personal attention from our staff."),
        ("EMP4", "emp", "We have our customers' best interests at heart."),
        ("EMP5", "emp", "Our staff understand what each customer specifically needs."),
    ],
};

/// Every template, in the order the UI offers them.
pub const ALL: &[&Template] = &[&SERVQUAL];

/// The template with `key`.
pub fn by_key(key: &str) -> Option<&'static Template> {
    ALL.iter().copied().find(|t| t.key == key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn servqual_has_22_items_in_5_dimensions() {
        assert_eq!(SERVQUAL.items().len(), 22);
        assert_eq!(SERVQUAL.dimensions().len(), 5);
        let per_dimension: Vec<usize> = SERVQUAL
            .dimensions
            .iter()
            .map(|(d, _)| SERVQUAL.items.iter().filter(|(_, id, _)| id == d).count())
            .collect();
        assert_eq!(per_dimension, vec![4, 5, 4, 4, 5]);
    }

    #[test]
    fn find_is_case_insensitive() {
        assert_eq!(SERVQUAL.find("rel2"), Some((5, "REL2", "rel")));
        assert_eq!(SERVQUAL.find("XTRA1"), None);
    }
}
