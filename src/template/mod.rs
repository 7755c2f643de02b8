//! Ready-made item sets. Texts are Gaplens' own wording, not the published SERVQUAL items.
//!
//! One file per template: `servqual` (22 items), `small` (10 items for small businesses) and
//! `webshop` (a web shop's journey with items linked to its touchpoints).
//!
//! The texts are written in English and marked with `k!`; the model values ([`Template::items`],
//! [`Template::dimensions`], [`Template::journey`], [`Template::project`]) carry them in the
//! interface language, so a project made from a template speaks its user's language.

mod servqual;
mod small;
mod webshop;

use crate::i18n::tr;
use crate::model::{Channel, Dimension, DimensionCode, Item, ItemCode, Journey, ModelError, Project, ProjectId, Scale, Stage, Touchpoint};

pub use servqual::SERVQUAL;
pub use small::SMALL;
pub use webshop::WEBSHOP;

/// A named set of dimensions and items a project can start from, optionally with a journey.
pub struct Template {
    /// Identifier used in the UI.
    pub key: &'static str,
    /// Name shown to users, in English ([`Template::title`] translates it).
    pub name: &'static str,
    /// What the set is for, in a sentence or two, in English ([`Template::about`] translates it).
    pub summary: &'static str,
    /// `(code, name)` per dimension, in order.
    pub dimensions: &'static [(&'static str, &'static str)],
    /// `(code, dimension code, text)` per item, in order.
    pub items: &'static [(&'static str, &'static str, &'static str)],
    /// The journey's stages, in order; empty when the template has no journey.
    pub stages: &'static [TemplateStage],
    /// `(item code, touchpoint code)`: which touchpoint an item is about.
    pub links: &'static [(&'static str, &'static str)],
}

/// A stage of a template's journey.
pub struct TemplateStage {
    /// Name shown to users.
    pub name: &'static str,
    /// Its touchpoints, in order.
    pub touchpoints: &'static [TemplateTouchpoint],
}

/// A touchpoint of a template's journey.
pub struct TemplateTouchpoint {
    /// Code, unique in the template.
    pub code: &'static str,
    /// Name shown to users.
    pub name: &'static str,
    /// Where it happens.
    pub channel: Channel,
    /// Whether quality is made or lost here.
    pub critical: bool,
    /// A generic role, or empty.
    pub owner: &'static str,
}

impl Template {
    /// The template's name in the interface language.
    pub fn title(&self) -> &'static str {
        tr(self.name)
    }

    /// What the set is for, in the interface language.
    pub fn about(&self) -> &'static str {
        tr(self.summary)
    }

    /// The template's dimensions as model values, named in the interface language.
    pub fn dimensions(&self) -> Vec<Dimension> {
        self.dimensions
            .iter()
            .filter_map(|(code, name)| {
                Some(Dimension { code: DimensionCode::new(code).ok()?, name: tr(*name).to_owned() })
            })
            .collect()
    }

    /// The template's items as model values, linked to their touchpoints, worded in the
    /// interface language.
    pub fn items(&self) -> Vec<Item> {
        self.items
            .iter()
            .filter_map(|(code, dimension, text)| {
                Some(Item {
                    code: ItemCode::new(code).ok()?,
                    dimension: DimensionCode::new(dimension).ok()?,
                    text: tr(*text).to_owned(),
                    touchpoint: self.links.iter().find(|(item, _)| item == code).map(|(_, t)| (*t).to_owned()),
                })
            })
            .collect()
    }

    /// The template's journey (empty when it has none), named in the interface language.
    pub fn journey(&self) -> Journey {
        Journey {
            stages: self
                .stages
                .iter()
                .map(|stage| Stage {
                    name: tr(stage.name).to_owned(),
                    touchpoints: stage
                        .touchpoints
                        .iter()
                        .map(|t| Touchpoint {
                            code: t.code.to_owned(),
                            name: tr(t.name).to_owned(),
                            channel: t.channel,
                            critical: t.critical,
                            owner: if t.owner.is_empty() { String::new() } else { tr(t.owner).to_owned() },
                        })
                        .collect(),
                })
                .collect(),
        }
    }

    /// A new project named `name` with the template's dimensions, items and journey.
    ///
    /// # Errors
    /// `ModelError` when the name is empty or too long.
    pub fn project(&self, id: ProjectId, name: &str, scale: Scale) -> Result<Project, ModelError> {
        let mut project = Project::new(id, name, scale, self.dimensions(), self.items())?;
        project.journey = self.journey();
        Ok(project)
    }

    /// How many touchpoints the journey has.
    pub fn touchpoint_count(&self) -> usize {
        self.stages.iter().map(|s| s.touchpoints.len()).sum()
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

/// Every template, in the order the UI offers them.
pub const ALL: &[&Template] = &[&SERVQUAL, &SMALL, &WEBSHOP];

/// The template with `key`.
pub fn by_key(key: &str) -> Option<&'static Template> {
    ALL.iter().copied().find(|t| t.key == key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

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
        assert!(SERVQUAL.stages.is_empty());
        assert!(SERVQUAL.items().iter().all(|i| i.touchpoint.is_none()));
    }

    /// The codes the CLI, the demo and the tests rely on, in order.
    #[test]
    fn servqual_codes_are_unchanged() {
        let codes: Vec<&str> = SERVQUAL.items.iter().map(|(c, _, _)| *c).collect();
        let expected: Vec<String> = [("TAN", 4), ("REL", 5), ("RES", 4), ("ASS", 4), ("EMP", 5)]
            .iter()
            .flat_map(|(prefix, n)| (1..=*n).map(move |i| format!("{prefix}{i}")))
            .collect();
        assert_eq!(codes, expected);
        assert_eq!(SERVQUAL.key, "servqual");
        assert_eq!(SERVQUAL.items[1].2, "Our premises, website and shop look inviting.");
    }

    #[test]
    fn find_is_case_insensitive() {
        assert_eq!(SERVQUAL.find("rel2"), Some((5, "REL2", "rel")));
        assert_eq!(SERVQUAL.find("XTRA1"), None);
    }

    #[test]
    fn every_template_is_consistent() {
        let mut keys = HashSet::new();
        for template in ALL {
            assert!(keys.insert(template.key), "{} twice", template.key);
            assert_eq!(by_key(template.key).map(|t| t.name), Some(template.name));
            // Every code is valid, so nothing is dropped on the way to model values.
            assert_eq!(template.items().len(), template.items.len(), "{}", template.key);
            assert_eq!(template.dimensions().len(), template.dimensions.len(), "{}", template.key);
            let item_codes: HashSet<String> = template.items.iter().map(|(c, _, _)| c.to_lowercase()).collect();
            assert_eq!(item_codes.len(), template.items.len(), "{}: item codes are unique", template.key);
            let dimension_codes: HashSet<&str> = template.dimensions.iter().map(|(c, _)| *c).collect();
            assert_eq!(dimension_codes.len(), template.dimensions.len(), "{}: dimension codes are unique", template.key);
            for (code, dimension, text) in template.items {
                assert!(dimension_codes.contains(dimension), "{}: {code}'s dimension {dimension} exists", template.key);
                assert!(!text.trim().is_empty() && text.chars().count() <= crate::model::items::ITEM_TEXT_MAX);
            }
            for (code, _) in template.dimensions {
                assert!(template.items.iter().any(|(_, d, _)| d == code), "{}: dimension {code} has items", template.key);
            }
            let journey = template.journey();
            let touchpoint_codes: HashSet<&str> = journey.touchpoints().map(|(_, t)| t.code.as_str()).collect();
            assert_eq!(touchpoint_codes.len(), template.touchpoint_count(), "{}: touchpoint codes are unique", template.key);
            for (item, touchpoint) in template.links {
                assert!(template.find(item).is_some(), "{}: linked item {item} exists", template.key);
                assert!(touchpoint_codes.contains(touchpoint), "{}: touchpoint {touchpoint} exists", template.key);
            }
            assert!(journey.channel_owners().iter().all(|o| !o.has_several_owners()), "{}: one owner per channel", template.key);
            let project = template.project(ProjectId::new("p").unwrap(), "Shop", Scale::SEVEN).unwrap();
            assert_eq!(project.items.len(), template.items.len());
        }
    }

    #[test]
    fn small_has_ten_items_two_per_dimension() {
        assert_eq!(SMALL.items.len(), 10);
        for (code, _) in SMALL.dimensions {
            assert_eq!(SMALL.items.iter().filter(|(_, d, _)| d == code).count(), 2, "{code}");
        }
    }

    #[test]
    fn webshop_follows_the_journey_and_links_every_item() {
        let names: Vec<&str> = WEBSHOP.stages.iter().map(|s| s.name).collect();
        assert_eq!(names, ["Search", "Order", "Delivery", "Invoice", "Support"]);
        let journey = WEBSHOP.journey();
        let channels: HashSet<Channel> = journey.touchpoints().map(|(_, t)| t.channel).collect();
        for channel in [Channel::Web, Channel::Email, Channel::Delivery, Channel::Invoice, Channel::Chat, Channel::Phone] {
            assert!(channels.contains(&channel), "{channel:?}");
        }
        let items = WEBSHOP.items();
        assert!(items.iter().all(|i| i.touchpoint.as_deref().is_some_and(|t| journey.touchpoint(t).is_some())));
        // Every stage has at least one item about it.
        for (index, stage) in journey.stages.iter().enumerate() {
            let linked = items.iter().any(|i| {
                journey.touchpoints().any(|(s, t)| s == index && i.touchpoint.as_deref() == Some(t.code.as_str()))
            });
            assert!(linked, "{}", stage.name);
        }
    }
}
