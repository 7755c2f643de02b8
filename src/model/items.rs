//! Editing dimensions and items, and applying a template.
//!
//! Every method validates first and changes nothing when it returns an error. Item codes are
//! what CSV columns and stored answers use, so a code changes only while nobody has answered
//! the item; removing an item keeps its stored answers (they are no longer analysed, and count
//! again if an item with the same code is added back).

use super::journey::Step;
use super::{validate_code, validate_name, Dimension, DimensionCode, Item, ItemCode, ModelError, Project};
use crate::format::count;
use crate::i18n::tr;
use crate::template::Template;
use std::fmt;

/// The longest dimension name accepted.
pub const DIMENSION_NAME_MAX: usize = 80;
/// The longest item text accepted.
pub const ITEM_TEXT_MAX: usize = 300;

/// Why an edit of the dimensions or items was refused. Every variant names the field or thing
/// concerned, so the message can be shown as is. A refused edit leaves the project unchanged.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum ItemError {
    /// A text or code field is empty, too long or holds characters a code may not.
    Field(ModelError),
    /// A required choice (a select) was left open.
    Required {
        /// The field, e.g. "dimension".
        field: &'static str,
    },
    /// A code is taken already.
    Taken {
        /// The field, e.g. "item code".
        field: &'static str,
        /// The code given.
        value: String,
    },
    /// A field refers to a dimension the project does not have.
    Unknown {
        /// The field, e.g. "dimension".
        field: &'static str,
        /// What it referred to.
        value: String,
    },
    /// The thing being edited is no longer there (deleted meanwhile, e.g. in another tab).
    Gone {
        /// "dimension" or "item".
        what: &'static str,
        /// Its code.
        key: String,
    },
    /// A dimension still has items, so it cannot be removed.
    DimensionHasItems {
        /// The dimension's name.
        dimension: String,
        /// How many items it has.
        items: usize,
    },
    /// Answers give a dimension importance points, so it cannot be removed.
    DimensionHasImportance {
        /// The dimension's name.
        dimension: String,
        /// How many responses give it points.
        responses: usize,
    },
    /// An item's code cannot change: answers are stored under it.
    CodeHasAnswers {
        /// The item's code.
        item: String,
        /// How many responses answered it.
        answers: usize,
    },
    /// An item cannot be removed while promises are about it.
    ItemHasPromises {
        /// The item's code.
        item: String,
        /// How many promises.
        promises: usize,
    },
    /// A dimension or item is already first (moving up) or last (moving down).
    CannotMove {
        /// "dimension" or "item".
        what: &'static str,
        /// Its name or code.
        key: String,
        /// The refused step.
        step: Step,
    },
    /// A template replaces the items, which is refused once answers exist.
    TemplateNeedsNoAnswers {
        /// How many responses the project has.
        responses: usize,
    },
}

impl ItemError {
    /// The field the error is about, when it is one of the form's fields.
    pub fn field(&self) -> Option<&'static str> {
        match self {
            ItemError::Field(
                ModelError::Empty { field } | ModelError::TooLong { field, .. } | ModelError::Code { field, .. },
            ) => Some(field),
            ItemError::Required { field } | ItemError::Taken { field, .. } | ItemError::Unknown { field, .. } => Some(field),
            ItemError::CodeHasAnswers { .. } => Some("item code"),
            _ => None,
        }
    }
}

impl fmt::Display for ItemError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            ItemError::Field(error) => return error.fmt(f),
            ItemError::Required { field } => t!("the {field} must be chosen", field = tr(*field)),
            ItemError::Taken { field, value } => t!(
                "the {field} \"{value}\" is already used in this project",
                field = tr(*field),
                value = value
            ),
            ItemError::Unknown { field, value } => t!(
                "the {field} \"{value}\" does not exist in this project",
                field = tr(*field),
                value = value
            ),
            ItemError::Gone { what, key } => t!(
                "the {what} \"{key}\" is no longer in this project; it may have been changed in another tab",
                what = tr(*what),
                key = key
            ),
            ItemError::DimensionHasItems { dimension, items: 1 } => t!(
                "the dimension \"{dimension}\" still has 1 item; move it to another dimension or remove it first",
                dimension = dimension
            ),
            ItemError::DimensionHasItems { dimension, items } => t!(
                "the dimension \"{dimension}\" still has {n} items; move them to another dimension or remove them first",
                dimension = dimension,
                n = count(*items)
            ),
            ItemError::DimensionHasImportance { dimension, responses: 1 } => t!(
                "1 response gives the dimension \"{dimension}\" importance points; it is kept so they stay analysed",
                dimension = dimension
            ),
            ItemError::DimensionHasImportance { dimension, responses } => t!(
                "{n} responses give the dimension \"{dimension}\" importance points; it is kept so they stay analysed",
                n = count(*responses),
                dimension = dimension
            ),
            ItemError::CodeHasAnswers { item, answers: 1 } => t!(
                "the item code \"{item}\" cannot change: answers from 1 response are stored under it (CSV columns use the code)",
                item = item
            ),
            ItemError::CodeHasAnswers { item, answers } => t!(
                "the item code \"{item}\" cannot change: answers from {n} responses are stored under it (CSV columns use the code)",
                item = item,
                n = count(*answers)
            ),
            ItemError::ItemHasPromises { item, promises: 1 } => t!(
                "1 promise is about the item \"{item}\"; delete or change it in Promises first",
                item = item
            ),
            ItemError::ItemHasPromises { item, promises } => t!(
                "{n} promises are about the item \"{item}\"; delete or change them in Promises first",
                n = count(*promises),
                item = item
            ),
            ItemError::CannotMove { what, key, step: Step::Up } => {
                t!("the {what} \"{key}\" is already the first", what = tr(*what), key = key)
            }
            ItemError::CannotMove { what, key, step: Step::Down } => {
                t!("the {what} \"{key}\" is already the last", what = tr(*what), key = key)
            }
            ItemError::TemplateNeedsNoAnswers { responses: 1 } => t!(
                "this project has 1 response, and a template would replace the items it answered; create a new project from the template instead"
            )
            .to_owned(),
            ItemError::TemplateNeedsNoAnswers { responses } => t!(
                "this project has {n} responses, and a template would replace the items they answered; create a new project from the template instead",
                n = count(*responses)
            ),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for ItemError {}

impl From<ModelError> for ItemError {
    fn from(error: ModelError) -> Self {
        ItemError::Field(error)
    }
}

/// An item's editable fields, as the user typed them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ItemInput {
    /// The code (letters, digits, `_`, `-`, `.`; at most 40 characters).
    pub code: String,
    /// The dimension's code; empty when none was chosen.
    pub dimension: String,
    /// The statement customers rate.
    pub text: String,
}

/// What removing an item touched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ItemRemoval {
    /// Responses with an answer to it: kept in storage, no longer analysed.
    pub answers: usize,
    /// Standards that named it and lost the link.
    pub standards: usize,
}

/// What applying a template replaced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TemplateChange {
    /// Items now in the project.
    pub items: usize,
    /// Whether the journey was replaced by the template's.
    pub journey: bool,
    /// Standards that lost their item link.
    pub standards_unlinked: usize,
    /// Promises removed because their item went.
    pub promises_removed: usize,
    /// Standards and complaints that lost their touchpoint because the journey was replaced.
    pub touchpoints_unlinked: usize,
}

/// A dimension code made from `name`: lower case letters and digits, at most 12.
fn dimension_code_from_name(name: &str) -> String {
    let base: String = name.to_lowercase().chars().filter(|c| c.is_alphanumeric()).take(12).collect();
    if base.is_empty() { "dim".to_owned() } else { base }
}

fn moved(index: usize, len: usize, step: Step) -> Option<usize> {
    match step {
        Step::Up => index.checked_sub(1),
        Step::Down => Some(index + 1).filter(|&to| to < len),
    }
}

/// Dimension and item editing, and templates.
impl Project {
    fn dimension_index(&self, code: &str) -> Result<usize, ItemError> {
        self.dimensions
            .iter()
            .position(|d| d.code.as_str() == code)
            .ok_or_else(|| ItemError::Gone { what: k!("dimension"), key: code.to_owned() })
    }

    fn item_index(&self, code: &str) -> Result<usize, ItemError> {
        self.items
            .iter()
            .position(|i| i.code.as_str().eq_ignore_ascii_case(code))
            .ok_or_else(|| ItemError::Gone { what: k!("item"), key: code.to_owned() })
    }

    /// How many responses hold an answer (E or P, any source) to the item `code`, any case.
    pub fn answer_count(&self, code: &str) -> usize {
        self.responses
            .iter()
            .filter(|r| r.answers.keys().any(|k| k.as_str().eq_ignore_ascii_case(code)))
            .count()
    }

    /// How many items the dimension `code` has.
    pub fn items_in_dimension(&self, code: &str) -> usize {
        self.items.iter().filter(|i| i.dimension.as_str() == code).count()
    }

    /// Adds a dimension named `name` and returns its code: `code` when given, otherwise one
    /// made from the name and unique in the project.
    ///
    /// # Errors
    /// `ItemError::Field` for an empty or too long name or an invalid code, `ItemError::Taken`
    /// when the code is used already.
    pub fn add_dimension(&mut self, code: &str, name: &str) -> Result<String, ItemError> {
        let name = validate_name(k!("dimension name"), name, DIMENSION_NAME_MAX)?;
        let taken = |project: &Project, code: &str| project.dimensions.iter().any(|d| d.code.as_str().eq_ignore_ascii_case(code));
        let code = if code.trim().is_empty() {
            let base = dimension_code_from_name(&name);
            let mut code = base.clone();
            let mut n = 1;
            while taken(self, &code) {
                n += 1;
                code = format!("{base}{n}");
            }
            code
        } else {
            let code = validate_code(k!("dimension code"), code)?;
            if taken(self, &code) {
                return Err(ItemError::Taken { field: k!("dimension code"), value: code });
            }
            code
        };
        self.dimensions.push(Dimension { code: DimensionCode::new(&code)?, name });
        Ok(code)
    }

    /// Renames the dimension `code`; its code stays.
    ///
    /// # Errors
    /// `ItemError::Field` for an empty or too long name, `ItemError::Gone` when there is no
    /// such dimension.
    pub fn rename_dimension(&mut self, code: &str, name: &str) -> Result<(), ItemError> {
        let name = validate_name(k!("dimension name"), name, DIMENSION_NAME_MAX)?;
        let index = self.dimension_index(code)?;
        self.dimensions[index].name = name;
        Ok(())
    }

    /// Moves the dimension `code` one place up or down and returns its new index.
    ///
    /// # Errors
    /// `ItemError::Gone` or `ItemError::CannotMove`.
    pub fn move_dimension(&mut self, code: &str, step: Step) -> Result<usize, ItemError> {
        let index = self.dimension_index(code)?;
        let to = moved(index, self.dimensions.len(), step).ok_or_else(|| ItemError::CannotMove {
            what: k!("dimension"),
            key: self.dimensions[index].name.clone(),
            step,
        })?;
        self.dimensions.swap(index, to);
        Ok(to)
    }

    /// Removes the dimension `code`. Refused while it has items (they would lose their group)
    /// or while responses give it importance points (they would no longer be analysed).
    ///
    /// # Errors
    /// `ItemError::Gone`, `ItemError::DimensionHasItems` or `ItemError::DimensionHasImportance`.
    pub fn remove_dimension(&mut self, code: &str) -> Result<(), ItemError> {
        let index = self.dimension_index(code)?;
        let dimension = self.dimensions[index].name.clone();
        let items = self.items_in_dimension(code);
        if items > 0 {
            return Err(ItemError::DimensionHasItems { dimension, items });
        }
        let responses = self.responses.iter().filter(|r| r.importance.keys().any(|k| k.as_str() == code)).count();
        if responses > 0 {
            return Err(ItemError::DimensionHasImportance { dimension, responses });
        }
        self.dimensions.remove(index);
        Ok(())
    }

    /// Validates `input` for the item at `index` (`None` for a new item); returns the code,
    /// the dimension and the text.
    fn validate_item(&self, input: &ItemInput, index: Option<usize>) -> Result<(ItemCode, DimensionCode, String), ItemError> {
        let code = ItemCode::new(&input.code)?;
        let clash = self
            .items
            .iter()
            .enumerate()
            .any(|(i, item)| Some(i) != index && item.code.as_str().eq_ignore_ascii_case(code.as_str()));
        if clash {
            return Err(ItemError::Taken { field: k!("item code"), value: code.to_string() });
        }
        if input.dimension.trim().is_empty() {
            return Err(ItemError::Required { field: k!("dimension") });
        }
        let dimension = self
            .dimensions
            .iter()
            .find(|d| d.code.as_str() == input.dimension.trim())
            .map(|d| d.code.clone())
            .ok_or_else(|| ItemError::Unknown { field: k!("dimension"), value: input.dimension.trim().to_owned() })?;
        let text = validate_name(k!("item text"), &input.text, ITEM_TEXT_MAX)?;
        Ok((code, dimension, text))
    }

    /// Adds an item at the end and returns how many stored answers already carry its code
    /// (answers of an item removed earlier count again).
    ///
    /// # Errors
    /// `ItemError::Field` for an invalid code or an empty or too long text, `ItemError::Taken`
    /// when the code is used (any case), `ItemError::Required` or `ItemError::Unknown` for the
    /// dimension.
    pub fn add_item(&mut self, input: &ItemInput) -> Result<usize, ItemError> {
        let (code, dimension, text) = self.validate_item(input, None)?;
        let answers = self.answer_count(code.as_str());
        self.items.push(Item { code, dimension, text, touchpoint: None });
        Ok(answers)
    }

    /// Changes the item `code`'s text, dimension and code. The code changes only while no
    /// answers are stored under it; standards and promises follow a changed code.
    ///
    /// # Errors
    /// As [`Project::add_item`], `ItemError::Gone` when there is no such item, and
    /// `ItemError::CodeHasAnswers` when the code would change after answers exist.
    pub fn edit_item(&mut self, code: &str, input: &ItemInput) -> Result<(), ItemError> {
        let index = self.item_index(code)?;
        let (new_code, dimension, text) = self.validate_item(input, Some(index))?;
        let old_code = self.items[index].code.clone();
        if new_code != old_code {
            let answers = self.answer_count(old_code.as_str());
            if answers > 0 {
                return Err(ItemError::CodeHasAnswers { item: old_code.to_string(), answers });
            }
            for standard in &mut self.standards {
                if standard.item.as_ref() == Some(&old_code) {
                    standard.item = Some(new_code.clone());
                }
            }
            for promise in &mut self.promises {
                if promise.item == old_code {
                    promise.item = new_code.clone();
                }
            }
        }
        let item = &mut self.items[index];
        item.code = new_code;
        item.dimension = dimension;
        item.text = text;
        Ok(())
    }

    /// Moves the item `code` one place up or down and returns its new index.
    ///
    /// # Errors
    /// `ItemError::Gone` or `ItemError::CannotMove`.
    pub fn move_item(&mut self, code: &str, step: Step) -> Result<usize, ItemError> {
        let index = self.item_index(code)?;
        let to = moved(index, self.items.len(), step).ok_or_else(|| ItemError::CannotMove {
            what: k!("item"),
            key: self.items[index].code.to_string(),
            step,
        })?;
        self.items.swap(index, to);
        Ok(to)
    }

    /// What removing the item `code` would touch (nothing changes).
    pub fn item_removal(&self, code: &str) -> ItemRemoval {
        ItemRemoval {
            answers: self.answer_count(code),
            standards: self
                .standards
                .iter()
                .filter(|s| s.item.as_ref().is_some_and(|i| i.as_str().eq_ignore_ascii_case(code)))
                .count(),
        }
    }

    /// Removes the item `code`. Its stored answers are kept (no longer analysed); standards
    /// that named it lose the link. Refused while promises are about it.
    ///
    /// # Errors
    /// `ItemError::Gone` or `ItemError::ItemHasPromises`.
    pub fn remove_item(&mut self, code: &str) -> Result<ItemRemoval, ItemError> {
        let index = self.item_index(code)?;
        let item_code = self.items[index].code.clone();
        let promises = self.promises.iter().filter(|p| p.item == item_code).count();
        if promises > 0 {
            return Err(ItemError::ItemHasPromises { item: item_code.to_string(), promises });
        }
        let removal = self.item_removal(item_code.as_str());
        for standard in &mut self.standards {
            if standard.item.as_ref() == Some(&item_code) {
                standard.item = None;
            }
        }
        self.items.remove(index);
        Ok(removal)
    }

    /// What applying `template` would change (nothing changes).
    pub fn template_change(&self, template: &Template) -> TemplateChange {
        let kept = |code: &ItemCode| template.find(code.as_str()).is_some();
        TemplateChange {
            items: template.items.len(),
            journey: !template.stages.is_empty(),
            standards_unlinked: self.standards.iter().filter(|s| s.item.as_ref().is_some_and(|i| !kept(i))).count(),
            promises_removed: self.promises.iter().filter(|p| !kept(&p.item)).count(),
            touchpoints_unlinked: if template.stages.is_empty() {
                0
            } else {
                self.standards.iter().filter(|s| s.touchpoint.is_some()).count()
                    + self.complaints.iter().filter(|c| c.touchpoint.is_some()).count()
            },
        }
    }

    /// Replaces the dimensions and items with `template`'s, and the journey too when the
    /// template has one (otherwise the journey stays and the new items are not linked).
    /// Standards naming an item that goes lose the link; promises about one are removed. When
    /// the journey is replaced, standards and complaints lose their links to the old one, so
    /// none attaches itself to a new touchpoint that happens to have the same code.
    /// Refused once the project has responses: their answers belong to the current items.
    ///
    /// # Errors
    /// `ItemError::TemplateNeedsNoAnswers`.
    pub fn apply_template(&mut self, template: &Template) -> Result<TemplateChange, ItemError> {
        if !self.responses.is_empty() {
            return Err(ItemError::TemplateNeedsNoAnswers { responses: self.responses.len() });
        }
        let change = self.template_change(template);
        let mut items = template.items();
        if change.journey {
            self.journey = template.journey();
            self.standards.iter_mut().for_each(|s| s.touchpoint = None);
            self.complaints.iter_mut().for_each(|c| c.touchpoint = None);
        } else {
            items.iter_mut().for_each(|i| i.touchpoint = None);
        }
        self.dimensions = template.dimensions();
        self.items = items;
        // Codes are matched case-insensitively, so carry the template's spelling over.
        let spelled = |code: &ItemCode| template.find(code.as_str()).and_then(|(_, c, _)| ItemCode::new(c).ok());
        for standard in &mut self.standards {
            standard.item = standard.item.as_ref().and_then(spelled);
        }
        self.promises.retain(|p| template.find(p.item.as_str()).is_some());
        for promise in &mut self.promises {
            if let Some(code) = spelled(&promise.item) {
                promise.item = code;
            }
        }
        Ok(change)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Answer, Channel, Complaint, ProjectId, Promise, RespondentId, Response, Scale, Standard};
    use crate::template::{SERVQUAL, SMALL, WEBSHOP};

    fn project() -> Project {
        SERVQUAL.project(ProjectId::new("p1").unwrap(), "Bistro", Scale::SEVEN).unwrap()
    }

    fn input(code: &str, dimension: &str, text: &str) -> ItemInput {
        ItemInput { code: code.into(), dimension: dimension.into(), text: text.into() }
    }

    fn answered(project: &mut Project, code: &str) {
        let mut response = Response { id: Some(RespondentId::new("r1").unwrap()), ..Response::default() };
        response.answers.insert(ItemCode::new(code).unwrap(), Answer { expectation: Some(5.0), perception: Some(4.0) });
        project.responses.push(response);
    }

    fn codes(project: &Project) -> Vec<&str> {
        project.items.iter().map(|i| i.code.as_str()).collect()
    }

    #[test]
    fn dimensions_are_added_with_a_code_from_the_name_or_given() {
        let mut p = project();
        assert_eq!(p.add_dimension("", "  Value for money "), Ok("valueformone".into()));
        assert_eq!(p.add_dimension("", "Value for money!"), Ok("valueformone2".into()));
        assert_eq!(p.add_dimension("eco", "Sustainability"), Ok("eco".into()));
        assert_eq!(p.dimensions.last().map(|d| d.name.as_str()), Some("Sustainability"));
        let before = p.clone();
        let error = p.add_dimension("REL", "Again").unwrap_err();
        assert_eq!(error.to_string(), "the dimension code \"REL\" is already used in this project");
        assert_eq!(error.field(), Some("dimension code"));
        assert_eq!(p.add_dimension("", " ").unwrap_err().field(), Some("dimension name"));
        assert_eq!(p.add_dimension("a b", "Name").unwrap_err().field(), Some("dimension code"));
        assert!(p.add_dimension("", &"x".repeat(81)).is_err());
        assert_eq!(p, before);
    }

    #[test]
    fn dimensions_are_renamed_moved_and_removed_only_when_empty() {
        let mut p = project();
        p.rename_dimension("tan", "Looks").unwrap();
        assert_eq!(p.dimensions[0].name, "Looks");
        assert_eq!(p.move_dimension("rel", Step::Up), Ok(0));
        assert_eq!(p.dimensions[0].code.as_str(), "rel");
        let before = p.clone();
        assert!(matches!(p.move_dimension("rel", Step::Up), Err(ItemError::CannotMove { .. })));
        assert!(matches!(p.move_dimension("emp", Step::Down), Err(ItemError::CannotMove { .. })));
        let error = p.remove_dimension("tan").unwrap_err();
        assert_eq!(
            error.to_string(),
            "the dimension \"Looks\" still has 4 items; move them to another dimension or remove them first"
        );
        assert!(matches!(p.rename_dimension("nope", "X"), Err(ItemError::Gone { .. })));
        assert_eq!(p, before);

        p.add_dimension("eco", "Sustainability").unwrap();
        let mut response = Response::default();
        response.importance.insert(DimensionCode::new("eco").unwrap(), 20.0);
        p.responses.push(response);
        assert!(matches!(p.remove_dimension("eco"), Err(ItemError::DimensionHasImportance { responses: 1, .. })));
        p.responses.clear();
        p.remove_dimension("eco").unwrap();
        assert!(p.dimensions.iter().all(|d| d.code.as_str() != "eco"));
    }

    #[test]
    fn items_are_added_and_validated() {
        let mut p = project();
        assert_eq!(p.add_item(&input(" VAL1 ", "rel", "  Prices are fair. ")), Ok(0));
        let added = p.items.last().unwrap();
        assert_eq!((added.code.as_str(), added.dimension.as_str(), added.text.as_str()), ("VAL1", "rel", "Prices are fair."));
        let before = p.clone();
        let taken = p.add_item(&input("rel1", "rel", "Again")).unwrap_err();
        assert_eq!(taken.to_string(), "the item code \"rel1\" is already used in this project");
        assert_eq!(taken.field(), Some("item code"));
        assert_eq!(p.add_item(&input("", "rel", "Text")).unwrap_err().field(), Some("item code"));
        assert_eq!(p.add_item(&input("A B", "rel", "Text")).unwrap_err().field(), Some("item code"));
        assert_eq!(p.add_item(&input("X1", "", "Text")).unwrap_err().to_string(), "the dimension must be chosen");
        assert_eq!(p.add_item(&input("X1", "zzz", "Text")).unwrap_err().field(), Some("dimension"));
        assert_eq!(p.add_item(&input("X1", "rel", " ")).unwrap_err().field(), Some("item text"));
        assert!(p.add_item(&input("X1", "rel", &"t".repeat(ITEM_TEXT_MAX + 1))).is_err());
        assert_eq!(p, before);
    }

    #[test]
    fn re_adding_a_removed_code_reports_its_stored_answers() {
        let mut p = project();
        answered(&mut p, "TAN1");
        assert_eq!(p.remove_item("tan1"), Ok(ItemRemoval { answers: 1, standards: 0 }));
        assert_eq!(p.responses[0].answers.len(), 1, "answers are kept");
        assert_eq!(p.add_item(&input("TAN1", "tan", "Back again")), Ok(1));
    }

    #[test]
    fn items_are_edited_and_their_code_follows_into_standards_and_promises() {
        let mut p = project();
        p.standards.push(Standard { id: "s1".into(), text: "Fast".into(), item: Some(ItemCode::new("RES2").unwrap()), touchpoint: None, kpi: None });
        p.promises.push(Promise { item: ItemCode::new("RES2").unwrap(), text: "Quick".into(), channel: Channel::Web, level: 6.0 });
        p.edit_item("res2", &input("FAST1", "emp", "We are quick.")).unwrap();
        let item = p.item("FAST1").unwrap();
        assert_eq!((item.dimension.as_str(), item.text.as_str()), ("emp", "We are quick."));
        assert_eq!(p.standards[0].item.as_ref().map(ItemCode::as_str), Some("FAST1"));
        assert_eq!(p.promises[0].item.as_str(), "FAST1");
        // Keeping the code (in another case too) is fine.
        p.edit_item("FAST1", &input("FAST1", "res", "We are quick.")).unwrap();
        let before = p.clone();
        assert!(matches!(p.edit_item("FAST1", &input("REL1", "res", "x")), Err(ItemError::Taken { .. })));
        assert!(matches!(p.edit_item("GONE1", &input("GONE1", "res", "x")), Err(ItemError::Gone { .. })));
        assert_eq!(p, before);
    }

    #[test]
    fn a_code_with_answers_cannot_change_but_its_text_can() {
        let mut p = project();
        answered(&mut p, "REL1");
        let before = p.clone();
        let error = p.edit_item("REL1", &input("REL9", "rel", "Changed")).unwrap_err();
        assert_eq!(
            error.to_string(),
            "the item code \"REL1\" cannot change: answers from 1 response are stored under it (CSV columns use the code)"
        );
        assert_eq!(error.field(), Some("item code"));
        assert_eq!(p, before);
        p.edit_item("REL1", &input("REL1", "res", "Changed")).unwrap();
        assert_eq!(p.items[4].text, "Changed");
    }

    #[test]
    fn items_move_and_are_removed_keeping_answers_and_unlinking_standards() {
        let mut p = project();
        assert_eq!(p.move_item("TAN2", Step::Up), Ok(0));
        assert_eq!(&codes(&p)[..2], ["TAN2", "TAN1"]);
        assert!(matches!(p.move_item("TAN2", Step::Up), Err(ItemError::CannotMove { .. })));
        assert!(matches!(p.move_item("EMP5", Step::Down), Err(ItemError::CannotMove { .. })));

        answered(&mut p, "REL1");
        p.standards.push(Standard { id: "s1".into(), text: "Right".into(), item: Some(ItemCode::new("REL1").unwrap()), touchpoint: None, kpi: None });
        assert_eq!(p.item_removal("rel1"), ItemRemoval { answers: 1, standards: 1 });
        p.promises.push(Promise { item: ItemCode::new("REL1").unwrap(), text: "Always right".into(), channel: Channel::Web, level: 6.0 });
        let before = p.clone();
        assert_eq!(
            p.remove_item("REL1").unwrap_err().to_string(),
            "1 promise is about the item \"REL1\"; delete or change it in Promises first"
        );
        assert_eq!(p, before);
        p.promises.clear();
        assert_eq!(p.remove_item("REL1"), Ok(ItemRemoval { answers: 1, standards: 1 }));
        assert!(p.item("REL1").is_none());
        assert_eq!(p.standards[0].item, None);
        assert_eq!(p.standards[0].text, "Right");
        assert!(matches!(p.remove_item("REL1"), Err(ItemError::Gone { .. })));
    }

    #[test]
    fn a_template_replaces_items_only_before_answers_exist() {
        let mut p = project();
        p.add_stage("Visit").unwrap();
        p.standards.push(Standard { id: "s1".into(), text: "Right".into(), item: Some(ItemCode::new("REL1").unwrap()), touchpoint: None, kpi: None });
        p.promises.push(Promise { item: ItemCode::new("REL1").unwrap(), text: "Always right".into(), channel: Channel::Web, level: 6.0 });
        let preview = p.template_change(&SMALL);
        let change = p.apply_template(&SMALL).unwrap();
        assert_eq!(change, preview);
        assert_eq!(
            change,
            TemplateChange { items: 10, journey: false, standards_unlinked: 1, promises_removed: 1, touchpoints_unlinked: 0 }
        );
        assert_eq!(p.items.len(), 10);
        assert_eq!(p.dimensions.len(), 5);
        assert_eq!(p.journey.stages.len(), 1, "a template without a journey keeps the project's");
        assert_eq!(p.standards[0].item, None);
        assert!(p.promises.is_empty());

        p.standards[0].touchpoint = Some("visit".into());
        p.complaints.push(Complaint {
            date: "2026-01-02".into(),
            wave: None,
            touchpoint: Some("invoice".into()),
            category: String::new(),
            text: "Wrong amount".into(),
        });
        let change = p.apply_template(&WEBSHOP).unwrap();
        assert!(change.journey);
        assert_eq!(change.touchpoints_unlinked, 2);
        assert_eq!(p.standards[0].touchpoint, None);
        assert_eq!(p.complaints[0].touchpoint, None, "never attached to the new \"invoice\" touchpoint");
        assert_eq!(p.complaints[0].text, "Wrong amount");
        assert_eq!(p.journey.stages.len(), 5);
        assert!(p.items.iter().all(|i| i.touchpoint.is_some()));

        answered(&mut p, "FIND1");
        let before = p.clone();
        let error = p.apply_template(&SERVQUAL).unwrap_err();
        assert!(error.to_string().starts_with("this project has 1 response, and a template would replace"));
        assert_eq!(p, before);
    }
}
