//! The customer journey: ordered stages, each with touchpoints.

use super::{figure, validate_name, ItemCode, ModelError, Project, Scale};
use crate::format::count;
use crate::i18n::tr;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Where a touchpoint happens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Channel {
    /// Website or app.
    Web,
    /// Shop, office or other premises.
    Shop,
    /// Telephone.
    Phone,
    /// Chat.
    Chat,
    /// E-mail.
    Email,
    /// Social media.
    Social,
    /// The invoice.
    Invoice,
    /// Delivery or installation.
    Delivery,
    /// Anything else.
    #[default]
    Other,
}

impl Channel {
    /// Every channel, in the order the UI offers them.
    pub const ALL: [Channel; 9] = [
        Channel::Web,
        Channel::Shop,
        Channel::Phone,
        Channel::Chat,
        Channel::Email,
        Channel::Social,
        Channel::Invoice,
        Channel::Delivery,
        Channel::Other,
    ];

    /// The word used in files.
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Web => "web",
            Channel::Shop => "shop",
            Channel::Phone => "phone",
            Channel::Chat => "chat",
            Channel::Email => "email",
            Channel::Social => "social",
            Channel::Invoice => "invoice",
            Channel::Delivery => "delivery",
            Channel::Other => "other",
        }
    }

    /// The name shown to users.
    pub fn label(self) -> &'static str {
        match self {
            Channel::Web => t!("Web or app"),
            Channel::Shop => t!("Shop or office"),
            Channel::Phone => t!("Phone"),
            Channel::Chat => t!("Chat"),
            Channel::Email => t!("E-mail"),
            Channel::Social => t!("Social media"),
            Channel::Invoice => t!("Invoice"),
            Channel::Delivery => t!("Delivery"),
            Channel::Other => t!("Other"),
        }
    }

    /// The channel named `text` (case-insensitive).
    pub fn parse(text: &str) -> Option<Channel> {
        Channel::ALL.into_iter().find(|c| c.as_str().eq_ignore_ascii_case(text.trim()))
    }
}

/// A moment where the customer meets the business.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Touchpoint {
    /// Short code, unique in the project (e.g. `invoice`).
    pub code: String,
    /// Name shown to users.
    pub name: String,
    /// Where it happens.
    #[serde(default)]
    pub channel: Channel,
    /// Whether quality is made or lost here.
    #[serde(default)]
    pub critical: bool,
    /// Who answers for it.
    #[serde(default)]
    pub owner: String,
}

/// A step of the journey (need, search, buy, delivery…).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Stage {
    /// Name shown to users.
    pub name: String,
    /// Touchpoints, in order.
    #[serde(default)]
    pub touchpoints: Vec<Touchpoint>,
}

/// The customer journey, as ordered stages.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Journey {
    /// Stages, in the order the customer meets them.
    #[serde(default)]
    pub stages: Vec<Stage>,
}

/// The longest stage, touchpoint or owner name accepted.
pub const JOURNEY_NAME_MAX: usize = 80;

/// Why an edit of the project's setup (journey, links, standards, promises) was refused.
/// Every variant names the field or thing concerned, so the message can be shown as is.
/// A refused edit leaves the project unchanged.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum SetupError {
    /// A text field is empty or too long.
    Field(ModelError),
    /// A required choice (a select) was left open.
    Required {
        /// The field, e.g. "item".
        field: &'static str,
    },
    /// A field refers to something the project does not have.
    Unknown {
        /// The field, e.g. "touchpoint".
        field: &'static str,
        /// What it referred to.
        value: String,
    },
    /// A number field holds something that is not a number.
    NotANumber {
        /// The field, e.g. "KPI target".
        field: &'static str,
        /// The text given.
        value: String,
    },
    /// A number lies outside the project's rating scale.
    OffScale {
        /// The field, e.g. "promised level".
        field: &'static str,
        /// The number given.
        value: f64,
        /// The project's scale.
        scale: Scale,
    },
    /// The thing being edited is no longer there (deleted meanwhile, e.g. in another tab).
    Gone {
        /// What it is: "stage", "touchpoint", "standard", "promise".
        what: &'static str,
        /// How the user knows it: a number or an id.
        key: String,
    },
    /// A stage is already first (moving up) or last (moving down).
    CannotMove {
        /// The stage's name.
        stage: String,
        /// The refused step.
        step: Step,
    },
}

impl SetupError {
    /// The field the error is about, when it is one of the form's fields.
    pub fn field(&self) -> Option<&'static str> {
        match self {
            SetupError::Field(ModelError::Empty { field } | ModelError::TooLong { field, .. }) => Some(field),
            SetupError::Required { field }
            | SetupError::Unknown { field, .. }
            | SetupError::NotANumber { field, .. }
            | SetupError::OffScale { field, .. } => Some(field),
            _ => None,
        }
    }
}

impl fmt::Display for SetupError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            SetupError::Field(error) => return error.fmt(f),
            SetupError::Required { field } => t!("the {field} must be chosen", field = tr(*field)),
            SetupError::Unknown { field, value } => t!(
                "the {field} \"{value}\" does not exist in this project",
                field = tr(*field),
                value = value
            ),
            SetupError::NotANumber { field, value } => t!(
                "the {field} \"{value}\" is not a number (write e.g. 20 or 2,5)",
                field = tr(*field),
                value = value
            ),
            SetupError::OffScale { field, value, scale } => t!(
                "the {field} {value} is outside the project's scale {scale}",
                field = tr(*field),
                value = figure(*value),
                scale = scale
            ),
            SetupError::Gone { what, key } => t!(
                "the {what} {key} is no longer in this project; it may have been changed in another tab",
                what = tr(*what),
                key = key
            ),
            SetupError::CannotMove { stage, step: Step::Up } => {
                t!("the stage \"{stage}\" is already the first", stage = stage)
            }
            SetupError::CannotMove { stage, step: Step::Down } => {
                t!("the stage \"{stage}\" is already the last", stage = stage)
            }
        };
        f.write_str(&text)
    }
}

impl std::error::Error for SetupError {}

impl From<ModelError> for SetupError {
    fn from(error: ModelError) -> Self {
        SetupError::Field(error)
    }
}

/// A stage's move within the journey.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// One place earlier.
    Up,
    /// One place later.
    Down,
}

/// A touchpoint's editable fields, as the user typed them; validated by
/// [`Project::add_touchpoint`] and [`Project::edit_touchpoint`].
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TouchpointInput {
    /// Name (required, at most 80 characters).
    pub name: String,
    /// Where it happens.
    pub channel: Channel,
    /// Whether quality is made or lost here.
    pub critical: bool,
    /// Who answers for it (may be blank, at most 80 characters).
    pub owner: String,
}

impl TouchpointInput {
    /// The trimmed name and owner.
    fn validate(&self) -> Result<(String, String), SetupError> {
        let name = validate_name(k!("touchpoint name"), &self.name, JOURNEY_NAME_MAX)?;
        let owner = self.owner.trim();
        if owner.chars().count() > JOURNEY_NAME_MAX {
            return Err(ModelError::TooLong { field: k!("owner"), max: JOURNEY_NAME_MAX }.into());
        }
        Ok((name, owner.to_owned()))
    }
}

/// How many things point to one or more touchpoints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Links {
    /// Items linked to them.
    pub items: usize,
    /// Standards attached to them.
    pub standards: usize,
    /// Complaints logged for them.
    pub complaints: usize,
}

impl Links {
    /// Whether nothing points there.
    pub fn is_empty(&self) -> bool {
        self.items + self.standards + self.complaints == 0
    }
}

impl fmt::Display for Links {
    /// "2 items, 1 standard and 3 complaints"; "nothing" when empty.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let counted = |n: usize, one: &'static str, many: &'static str| match n {
            1 => one.to_owned(),
            n => crate::i18n::fill(many, &[("n", &count(n))]),
        };
        let parts: Vec<String> = [
            (self.items, t!("1 item"), t!("{n} items")),
            (self.standards, t!("1 standard"), t!("{n} standards")),
            (self.complaints, t!("1 complaint"), t!("{n} complaints")),
        ]
        .into_iter()
        .filter(|(n, _, _)| *n > 0)
        .map(|(n, one, many)| counted(n, one, many))
        .collect();
        match parts.as_slice() {
            [] => f.write_str(t!("nothing")),
            [one] => f.write_str(one),
            [rest @ .., last] => f.write_str(&t!("{list} and {last}", list = rest.join(", "), last = last)),
        }
    }
}

/// The people named as owners of one channel's touchpoints.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChannelOwners {
    /// The channel.
    pub channel: Channel,
    /// Touchpoints in this channel.
    pub touchpoints: usize,
    /// Distinct owners (compared ignoring case and surrounding space), first spelling kept,
    /// in journey order.
    pub owners: Vec<String>,
    /// Touchpoints in this channel with no owner.
    pub unowned: usize,
}

impl ChannelOwners {
    /// Whether the channel has more than one owner: each channel should have one.
    pub fn has_several_owners(&self) -> bool {
        self.owners.len() > 1
    }
}

impl Journey {
    /// Every touchpoint with the index of its stage.
    pub fn touchpoints(&self) -> impl Iterator<Item = (usize, &Touchpoint)> {
        self.stages.iter().enumerate().flat_map(|(i, s)| s.touchpoints.iter().map(move |t| (i, t)))
    }

    /// The touchpoint with `code`.
    pub fn touchpoint(&self, code: &str) -> Option<&Touchpoint> {
        self.touchpoints().map(|(_, t)| t).find(|t| t.code == code)
    }

    fn touchpoint_mut(&mut self, code: &str) -> Option<&mut Touchpoint> {
        self.stages.iter_mut().flat_map(|s| s.touchpoints.iter_mut()).find(|t| t.code == code)
    }

    /// The owners of each channel that has touchpoints, in [`Channel::ALL`] order.
    pub fn channel_owners(&self) -> Vec<ChannelOwners> {
        Channel::ALL
            .into_iter()
            .filter_map(|channel| {
                let touchpoints: Vec<&Touchpoint> =
                    self.touchpoints().map(|(_, t)| t).filter(|t| t.channel == channel).collect();
                if touchpoints.is_empty() {
                    return None;
                }
                let mut owners: Vec<String> = Vec::new();
                let mut unowned = 0;
                for touchpoint in &touchpoints {
                    let owner = touchpoint.owner.trim();
                    if owner.is_empty() {
                        unowned += 1;
                    } else if !owners.iter().any(|o| o.to_lowercase() == owner.to_lowercase()) {
                        owners.push(owner.to_owned());
                    }
                }
                Some(ChannelOwners { channel, touchpoints: touchpoints.len(), owners, unowned })
            })
            .collect()
    }
}

/// A code made from `name`: lower case, runs of other characters as one `-`, at most 30
/// characters; "touchpoint" when nothing is left.
fn code_from_name(name: &str) -> String {
    let words: Vec<String> = name
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect();
    let base: String = words.join("-").chars().take(30).collect();
    let base = base.trim_end_matches('-');
    if base.is_empty() { "touchpoint".to_owned() } else { base.to_owned() }
}

/// Journey editing and item links. Every method validates first and changes nothing when it
/// returns an error.
impl Project {
    /// Every touchpoint code that something in the project refers to, existing or not.
    fn touchpoint_code_in_use(&self, code: &str) -> bool {
        self.journey.touchpoint(code).is_some()
            || self.items.iter().any(|i| i.touchpoint.as_deref() == Some(code))
            || self.standards.iter().any(|s| s.touchpoint.as_deref() == Some(code))
            || self.complaints.iter().any(|c| c.touchpoint.as_deref() == Some(code))
    }

    fn stage_name(&self, stage: usize) -> Result<String, SetupError> {
        self.journey
            .stages
            .get(stage)
            .map(|s| s.name.clone())
            .ok_or_else(|| SetupError::Gone { what: k!("stage"), key: t!("no. {n}", n = stage + 1) })
    }

    /// Appends a stage named `name` and returns its index.
    ///
    /// # Errors
    /// `SetupError::Field` when the name is empty or longer than 80 characters.
    pub fn add_stage(&mut self, name: &str) -> Result<usize, SetupError> {
        let name = validate_name(k!("stage name"), name, JOURNEY_NAME_MAX)?;
        self.journey.stages.push(Stage { name, touchpoints: Vec::new() });
        Ok(self.journey.stages.len() - 1)
    }

    /// Renames stage `stage`.
    ///
    /// # Errors
    /// `SetupError::Field` for an empty or too long name, `SetupError::Gone` when there is no
    /// such stage.
    pub fn rename_stage(&mut self, stage: usize, name: &str) -> Result<(), SetupError> {
        let name = validate_name(k!("stage name"), name, JOURNEY_NAME_MAX)?;
        let target = self
            .journey
            .stages
            .get_mut(stage)
            .ok_or_else(|| SetupError::Gone { what: k!("stage"), key: t!("no. {n}", n = stage + 1) })?;
        target.name = name;
        Ok(())
    }

    /// Moves stage `stage` one place up or down and returns its new index.
    ///
    /// # Errors
    /// `SetupError::Gone` when there is no such stage, `SetupError::CannotMove` when it is
    /// already first (up) or last (down).
    pub fn move_stage(&mut self, stage: usize, step: Step) -> Result<usize, SetupError> {
        let name = self.stage_name(stage)?;
        let to = match step {
            Step::Up => stage.checked_sub(1),
            Step::Down => Some(stage + 1).filter(|&to| to < self.journey.stages.len()),
        }
        .ok_or(SetupError::CannotMove { stage: name, step })?;
        self.journey.stages.swap(stage, to);
        Ok(to)
    }

    /// What points to the touchpoints with `codes`: items, standards and complaints.
    pub fn touchpoint_links(&self, codes: &[&str]) -> Links {
        let linked = |code: &Option<String>| code.as_deref().is_some_and(|c| codes.contains(&c));
        Links {
            items: self.items.iter().filter(|i| linked(&i.touchpoint)).count(),
            standards: self.standards.iter().filter(|s| linked(&s.touchpoint)).count(),
            complaints: self.complaints.iter().filter(|c| linked(&c.touchpoint)).count(),
        }
    }

    /// Clears every reference to the touchpoints with `codes` and says how many there were.
    fn unlink_touchpoints(&mut self, codes: &[&str]) -> Links {
        let links = self.touchpoint_links(codes);
        let clear = |code: &mut Option<String>| {
            if code.as_deref().is_some_and(|c| codes.contains(&c)) {
                *code = None;
            }
        };
        self.items.iter_mut().for_each(|i| clear(&mut i.touchpoint));
        self.standards.iter_mut().for_each(|s| clear(&mut s.touchpoint));
        self.complaints.iter_mut().for_each(|c| clear(&mut c.touchpoint));
        links
    }

    /// Deletes stage `stage` with its touchpoints. Items, standards and complaints that
    /// pointed to those touchpoints keep everything else but lose the link; the returned
    /// [`Links`] says how many did.
    ///
    /// # Errors
    /// `SetupError::Gone` when there is no such stage.
    pub fn remove_stage(&mut self, stage: usize) -> Result<Links, SetupError> {
        self.stage_name(stage)?;
        let removed = self.journey.stages.remove(stage);
        let codes: Vec<&str> = removed.touchpoints.iter().map(|t| t.code.as_str()).collect();
        Ok(self.unlink_touchpoints(&codes))
    }

    /// Adds a touchpoint to stage `stage` and returns its code, made from the name and
    /// unique in the project (also against codes that items, standards or complaints still
    /// name, so an old reference never attaches itself to a new touchpoint).
    ///
    /// # Errors
    /// `SetupError::Field` for an empty or too long name or owner, `SetupError::Gone` when
    /// there is no such stage.
    pub fn add_touchpoint(&mut self, stage: usize, input: &TouchpointInput) -> Result<String, SetupError> {
        let (name, owner) = input.validate()?;
        self.stage_name(stage)?;
        let base = code_from_name(&name);
        let mut code = base.clone();
        let mut n = 1;
        while self.touchpoint_code_in_use(&code) {
            n += 1;
            code = format!("{base}-{n}");
        }
        let touchpoint =
            Touchpoint { code: code.clone(), name, channel: input.channel, critical: input.critical, owner };
        self.journey.stages[stage].touchpoints.push(touchpoint);
        Ok(code)
    }

    /// Changes the touchpoint `code`'s name, channel, critical flag and owner; its code, and
    /// so every link to it, stays.
    ///
    /// # Errors
    /// `SetupError::Field` for an empty or too long name or owner, `SetupError::Gone` when
    /// there is no such touchpoint.
    pub fn edit_touchpoint(&mut self, code: &str, input: &TouchpointInput) -> Result<(), SetupError> {
        let (name, owner) = input.validate()?;
        let touchpoint = self
            .journey
            .touchpoint_mut(code)
            .ok_or_else(|| SetupError::Gone { what: k!("touchpoint"), key: format!("\"{code}\"") })?;
        touchpoint.name = name;
        touchpoint.channel = input.channel;
        touchpoint.critical = input.critical;
        touchpoint.owner = owner;
        Ok(())
    }

    /// Deletes the touchpoint `code`. Items, standards and complaints that pointed to it
    /// lose the link (nothing else of them changes); the returned [`Links`] says how many.
    ///
    /// # Errors
    /// `SetupError::Gone` when there is no such touchpoint.
    pub fn remove_touchpoint(&mut self, code: &str) -> Result<Links, SetupError> {
        let gone = || SetupError::Gone { what: k!("touchpoint"), key: format!("\"{code}\"") };
        let stage = self.journey.stages.iter_mut().find(|s| s.touchpoints.iter().any(|t| t.code == code)).ok_or_else(gone)?;
        stage.touchpoints.retain(|t| t.code != code);
        Ok(self.unlink_touchpoints(&[code]))
    }

    /// Links item `item` (code, any case) to the touchpoint `touchpoint`, or unlinks it
    /// with `None`.
    ///
    /// # Errors
    /// `SetupError::Unknown` when the item or the touchpoint does not exist.
    pub fn set_item_touchpoint(&mut self, item: &str, touchpoint: Option<&str>) -> Result<(), SetupError> {
        if let Some(code) = touchpoint {
            if self.journey.touchpoint(code).is_none() {
                return Err(SetupError::Unknown { field: k!("touchpoint"), value: code.to_owned() });
            }
        }
        let target = self
            .items
            .iter_mut()
            .find(|i| i.code.as_str().eq_ignore_ascii_case(item))
            .ok_or_else(|| SetupError::Unknown { field: k!("item"), value: item.to_owned() })?;
        target.touchpoint = touchpoint.map(str::to_owned);
        Ok(())
    }

    /// The item codes linked to the touchpoint `code`.
    pub fn items_at_touchpoint(&self, code: &str) -> Vec<&ItemCode> {
        self.items.iter().filter(|i| i.touchpoint.as_deref() == Some(code)).map(|i| &i.code).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Complaint, Dimension, DimensionCode, Item, ProjectId, Standard};

    fn project() -> Project {
        let dimension = DimensionCode::new("rel").unwrap();
        let item = |code: &str| Item {
            code: ItemCode::new(code).unwrap(),
            dimension: dimension.clone(),
            text: format!("Item {code}"),
            touchpoint: None,
        };
        Project::new(
            ProjectId::new("p1").unwrap(),
            "Bistro",
            Scale::SEVEN,
            vec![Dimension { code: dimension.clone(), name: "Reliability".into() }],
            vec![item("REL1"), item("REL2")],
        )
        .unwrap()
    }

    fn input(name: &str, channel: Channel, owner: &str) -> TouchpointInput {
        TouchpointInput { name: name.into(), channel, critical: false, owner: owner.into() }
    }

    fn stage_names(project: &Project) -> Vec<&str> {
        project.journey.stages.iter().map(|s| s.name.as_str()).collect()
    }

    #[test]
    fn stages_are_added_renamed_and_validated() {
        let mut p = project();
        assert_eq!(p.add_stage("  Booking "), Ok(0));
        assert_eq!(p.add_stage("Stay"), Ok(1));
        let error = p.add_stage("   ").unwrap_err();
        assert_eq!(error.to_string(), "the stage name must not be empty");
        assert_eq!(error.field(), Some("stage name"));
        assert!(p.add_stage(&"x".repeat(81)).is_err());
        assert_eq!(stage_names(&p), ["Booking", "Stay"]);

        p.rename_stage(1, "Check-in").unwrap();
        let before = p.clone();
        assert!(p.rename_stage(0, "").is_err());
        assert_eq!(
            p.rename_stage(5, "Away").unwrap_err().to_string(),
            "the stage no. 6 is no longer in this project; it may have been changed in another tab"
        );
        assert_eq!(p, before);
        assert_eq!(stage_names(&p), ["Booking", "Check-in"]);
    }

    #[test]
    fn stages_move_up_and_down_but_not_past_the_ends() {
        let mut p = project();
        for name in ["A", "B", "C"] {
            p.add_stage(name).unwrap();
        }
        assert_eq!(p.move_stage(2, Step::Up), Ok(1));
        assert_eq!(stage_names(&p), ["A", "C", "B"]);
        assert_eq!(p.move_stage(0, Step::Down), Ok(1));
        assert_eq!(stage_names(&p), ["C", "A", "B"]);
        let before = p.clone();
        assert_eq!(p.move_stage(0, Step::Up).unwrap_err().to_string(), "the stage \"C\" is already the first");
        assert_eq!(p.move_stage(2, Step::Down).unwrap_err().to_string(), "the stage \"B\" is already the last");
        assert!(matches!(p.move_stage(3, Step::Up), Err(SetupError::Gone { .. })));
        assert_eq!(p, before);
    }

    #[test]
    fn touchpoints_get_unique_codes_and_validated_fields() {
        let mut p = project();
        p.add_stage("Booking").unwrap();
        assert_eq!(p.add_touchpoint(0, &input("Booking on the web!", Channel::Web, " Sara ")), Ok("booking-on-the-web".into()));
        assert_eq!(p.add_touchpoint(0, &input("Booking on the web", Channel::Web, "")), Ok("booking-on-the-web-2".into()));
        assert_eq!(p.add_touchpoint(0, &input("???", Channel::Phone, "")), Ok("touchpoint".into()));
        assert_eq!(p.add_touchpoint(0, &input("Växel", Channel::Phone, "")), Ok("växel".into()));
        let first = &p.journey.stages[0].touchpoints[0];
        assert_eq!((first.name.as_str(), first.owner.as_str(), first.channel), ("Booking on the web!", "Sara", Channel::Web));

        let before = p.clone();
        assert_eq!(p.add_touchpoint(0, &input(" ", Channel::Web, "")).unwrap_err().to_string(), "the touchpoint name must not be empty");
        let error = p.add_touchpoint(0, &input("Chat", Channel::Chat, &"o".repeat(81))).unwrap_err();
        assert_eq!(error.field(), Some("owner"));
        assert_eq!(error.to_string(), "the owner is longer than 80 characters");
        assert!(matches!(p.add_touchpoint(3, &input("Chat", Channel::Chat, "")), Err(SetupError::Gone { what: "stage", .. })));
        assert_eq!(p, before);
    }

    #[test]
    fn a_new_code_never_reuses_one_that_something_still_names() {
        let mut p = project();
        p.add_stage("Pay").unwrap();
        // A complaint imported earlier names a touchpoint that no longer exists.
        p.complaints.push(Complaint {
            date: "2026-01-02".into(),
            wave: None,
            touchpoint: Some("invoice".into()),
            category: String::new(),
            text: String::new(),
        });
        assert_eq!(p.add_touchpoint(0, &input("Invoice", Channel::Invoice, "")), Ok("invoice-2".into()));
    }

    #[test]
    fn editing_a_touchpoint_keeps_its_code_and_links() {
        let mut p = project();
        p.add_stage("Pay").unwrap();
        let code = p.add_touchpoint(0, &input("Invoice", Channel::Email, "Ann")).unwrap();
        p.set_item_touchpoint("rel1", Some(&code)).unwrap();
        let edited = TouchpointInput { name: "Paper invoice".into(), channel: Channel::Invoice, critical: true, owner: "Bo".into() };
        p.edit_touchpoint(&code, &edited).unwrap();
        let touchpoint = p.journey.touchpoint(&code).unwrap();
        assert_eq!((touchpoint.name.as_str(), touchpoint.channel, touchpoint.critical, touchpoint.owner.as_str()), ("Paper invoice", Channel::Invoice, true, "Bo"));
        assert_eq!(p.items[0].touchpoint.as_deref(), Some("invoice"));

        let before = p.clone();
        assert!(p.edit_touchpoint(&code, &input("", Channel::Web, "")).is_err());
        assert!(matches!(p.edit_touchpoint("nope", &edited), Err(SetupError::Gone { what: "touchpoint", .. })));
        assert_eq!(p, before);
    }

    /// A project with one stage holding two touchpoints, and an item, a standard and a
    /// complaint pointing to the first.
    fn linked() -> Project {
        let mut p = project();
        p.add_stage("Pay").unwrap();
        p.add_stage("After").unwrap();
        let invoice = p.add_touchpoint(0, &input("Invoice", Channel::Invoice, "")).unwrap();
        p.add_touchpoint(0, &input("Reminder", Channel::Email, "")).unwrap();
        p.add_touchpoint(1, &input("Support", Channel::Phone, "")).unwrap();
        p.set_item_touchpoint("REL1", Some(&invoice)).unwrap();
        p.set_item_touchpoint("REL2", Some("support")).unwrap();
        p.standards.push(Standard { id: "s1".into(), text: "Correct".into(), item: None, touchpoint: Some(invoice.clone()), kpi: None });
        p.complaints.push(Complaint { date: "2026-01-02".into(), wave: None, touchpoint: Some(invoice), category: "wrong".into(), text: "Too much".into() });
        p
    }

    #[test]
    fn removing_a_touchpoint_unlinks_what_pointed_to_it() {
        let mut p = linked();
        assert_eq!(p.touchpoint_links(&["invoice"]).to_string(), "1 item, 1 standard and 1 complaint");
        let links = p.remove_touchpoint("invoice").unwrap();
        assert_eq!(links, Links { items: 1, standards: 1, complaints: 1 });
        assert!(p.journey.touchpoint("invoice").is_none());
        assert_eq!(p.items[0].touchpoint, None);
        assert_eq!(p.items[1].touchpoint.as_deref(), Some("support"));
        assert_eq!(p.standards[0].touchpoint, None);
        assert_eq!(p.standards[0].text, "Correct");
        assert_eq!(p.complaints[0].touchpoint, None);
        assert_eq!(p.complaints[0].text, "Too much");
        let before = p.clone();
        assert!(matches!(p.remove_touchpoint("invoice"), Err(SetupError::Gone { .. })));
        assert_eq!(p, before);
    }

    #[test]
    fn removing_a_stage_removes_its_touchpoints_and_their_links() {
        let mut p = linked();
        assert_eq!(p.touchpoint_links(&["invoice", "reminder"]).items, 1);
        let links = p.remove_stage(0).unwrap();
        assert_eq!(links, Links { items: 1, standards: 1, complaints: 1 });
        assert_eq!(stage_names(&p), ["After"]);
        assert!(p.journey.touchpoint("reminder").is_none());
        assert_eq!(p.items[1].touchpoint.as_deref(), Some("support"));
        assert!(matches!(p.remove_stage(1), Err(SetupError::Gone { .. })));
        assert_eq!(p.remove_stage(0).unwrap().to_string(), "1 item");
        assert!(p.journey.stages.is_empty());
    }

    #[test]
    fn item_links_need_an_existing_item_and_touchpoint() {
        let mut p = linked();
        p.set_item_touchpoint("REL1", None).unwrap();
        assert_eq!(p.items[0].touchpoint, None);
        let before = p.clone();
        assert_eq!(
            p.set_item_touchpoint("REL1", Some("nowhere")).unwrap_err().to_string(),
            "the touchpoint \"nowhere\" does not exist in this project"
        );
        assert_eq!(p.set_item_touchpoint("XYZ9", None).unwrap_err().field(), Some("item"));
        assert_eq!(p, before);
        assert_eq!(p.items_at_touchpoint("support").len(), 1);
    }

    #[test]
    fn owners_are_listed_per_channel_and_several_are_flagged() {
        let mut p = project();
        p.add_stage("All").unwrap();
        p.add_touchpoint(0, &input("Site", Channel::Web, "Sara")).unwrap();
        p.add_touchpoint(0, &input("Shop page", Channel::Web, " sara ")).unwrap();
        p.add_touchpoint(0, &input("Hotline", Channel::Phone, "Jonas")).unwrap();
        p.add_touchpoint(0, &input("Switchboard", Channel::Phone, "Eva")).unwrap();
        p.add_touchpoint(0, &input("Letter", Channel::Invoice, "")).unwrap();
        let owners = p.journey.channel_owners();
        let summary: Vec<(Channel, Vec<&str>, usize, bool)> = owners
            .iter()
            .map(|o| (o.channel, o.owners.iter().map(String::as_str).collect(), o.unowned, o.has_several_owners()))
            .collect();
        assert_eq!(
            summary,
            [
                (Channel::Web, vec!["Sara"], 0, false),
                (Channel::Phone, vec!["Jonas", "Eva"], 0, true),
                (Channel::Invoice, vec![], 1, false),
            ]
        );
    }

    #[test]
    fn links_read_as_a_list() {
        assert_eq!(Links::default().to_string(), "nothing");
        assert!(Links::default().is_empty());
        assert_eq!(Links { items: 2, standards: 0, complaints: 3 }.to_string(), "2 items and 3 complaints");
    }
}
