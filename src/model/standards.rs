//! What the business has promised itself (standards and their measured delivery), what
//! marketing promises customers, and what customers complain about.

use serde::{Deserialize, Serialize};

use super::journey::{Channel, SetupError};
use super::{validate_name, ItemCode, ModelError, Project};
use crate::import::parse_number;

/// Which side of the target meets it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Direction {
    /// Met when the measured value is at most the target (answer within 20 s).
    #[serde(rename = "<=")]
    AtMost,
    /// Met when the measured value is at least the target (95 % on time).
    #[serde(rename = ">=")]
    AtLeast,
}

impl Direction {
    /// The sign shown to users.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::AtMost => "≤",
            Direction::AtLeast => "≥",
        }
    }

    /// The words shown in a select: "at most (≤)".
    pub fn label(self) -> &'static str {
        match self {
            Direction::AtMost => t!("at most (≤)"),
            Direction::AtLeast => t!("at least (≥)"),
        }
    }
}

/// A numeric target for a standard.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Kpi {
    /// The target value.
    pub target: f64,
    /// Unit shown with it ("s", "%", "days").
    #[serde(default)]
    pub unit: String,
    /// Which side of the target meets it.
    pub direction: Direction,
}

impl Kpi {
    /// Whether `value` meets the target.
    pub fn is_met(&self, value: f64) -> bool {
        match self.direction {
            Direction::AtMost => value <= self.target,
            Direction::AtLeast => value >= self.target,
        }
    }

    /// How far `value` is from the target in the KPI's unit, signed so that negative means
    /// short of the target (in line with every other Gaplens figure).
    pub fn deviation(&self, value: f64) -> f64 {
        match self.direction {
            Direction::AtMost => self.target - value,
            Direction::AtLeast => value - self.target,
        }
    }
}

/// A service specification the business has set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Standard {
    /// Unique within the project.
    pub id: String,
    /// The specification in words ("answer the phone within 20 s").
    pub text: String,
    /// The item it serves, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<ItemCode>,
    /// The touchpoint it serves, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub touchpoint: Option<String>,
    /// A numeric target, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kpi: Option<Kpi>,
}

/// One objective measurement of a standard's KPI in a wave.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Measurement {
    /// The standard measured.
    pub standard: String,
    /// The wave it belongs to.
    pub wave: String,
    /// The measured value in the KPI's unit.
    pub value: f64,
}

/// What marketing says about an item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Promise {
    /// The item promised about.
    pub item: ItemCode,
    /// The promise as communicated.
    pub text: String,
    /// Where it is communicated.
    #[serde(default)]
    pub channel: Channel,
    /// The level promised, on the project's scale.
    pub level: f64,
}

/// A complaint, logged apart from survey answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Complaint {
    /// ISO 8601 date.
    pub date: String,
    /// The wave it belongs to, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wave: Option<String>,
    /// The touchpoint it concerns, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub touchpoint: Option<String>,
    /// A short category ("late delivery").
    #[serde(default)]
    pub category: String,
    /// What the customer said.
    #[serde(default)]
    pub text: String,
}

/// The longest standard text accepted.
pub const STANDARD_TEXT_MAX: usize = 200;
/// The longest KPI unit accepted.
pub const KPI_UNIT_MAX: usize = 20;
/// The longest promise text accepted.
pub const PROMISE_TEXT_MAX: usize = 300;

/// A standard's fields as the user typed them; validated by [`Project::add_standard`] and
/// [`Project::edit_standard`].
#[derive(Debug, Clone, PartialEq)]
pub struct StandardInput {
    /// The specification in words (required).
    pub text: String,
    /// The item's code, or `None`.
    pub item: Option<String>,
    /// The touchpoint's code, or `None`.
    pub touchpoint: Option<String>,
    /// The KPI target as typed ("20", "2,5"); blank together with the unit for no KPI.
    pub kpi_target: String,
    /// The KPI's unit ("s", "%"); may be blank.
    pub kpi_unit: String,
    /// Which side of the target meets it.
    pub kpi_direction: Direction,
}

impl Default for StandardInput {
    fn default() -> Self {
        StandardInput {
            text: String::new(),
            item: None,
            touchpoint: None,
            kpi_target: String::new(),
            kpi_unit: String::new(),
            kpi_direction: Direction::AtMost,
        }
    }
}

impl StandardInput {
    /// The form's fields for an existing standard (the target written with a decimal point).
    pub fn of(standard: &Standard) -> StandardInput {
        StandardInput {
            text: standard.text.clone(),
            item: standard.item.as_ref().map(ToString::to_string),
            touchpoint: standard.touchpoint.clone(),
            kpi_target: standard.kpi.as_ref().map(|k| k.target.to_string()).unwrap_or_default(),
            kpi_unit: standard.kpi.as_ref().map(|k| k.unit.clone()).unwrap_or_default(),
            kpi_direction: standard.kpi.as_ref().map_or(Direction::AtMost, |k| k.direction),
        }
    }
}

/// A promise's fields as the user typed them; validated by [`Project::add_promise`] and
/// [`Project::edit_promise`].
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PromiseInput {
    /// The item's code (required).
    pub item: String,
    /// The promise as communicated (required).
    pub text: String,
    /// Where it is communicated.
    pub channel: Channel,
    /// The promised level as typed ("6", "5,5"), on the project's scale.
    pub level: String,
}

impl PromiseInput {
    /// The form's fields for an existing promise.
    pub fn of(promise: &Promise) -> PromiseInput {
        PromiseInput {
            item: promise.item.to_string(),
            text: promise.text.clone(),
            channel: promise.channel,
            level: promise.level.to_string(),
        }
    }
}

/// Standards and promises. Every method validates first and changes nothing when it returns
/// an error.
impl Project {
    /// The item `code` (any case) as the project spells it.
    fn item_code(&self, code: &str) -> Result<ItemCode, SetupError> {
        self.item(code)
            .map(|item| item.code.clone())
            .ok_or_else(|| SetupError::Unknown { field: k!("item"), value: code.to_owned() })
    }

    /// A standard built from `input`, with `id`.
    fn standard_from(&self, id: String, input: &StandardInput) -> Result<Standard, SetupError> {
        let text = validate_name(k!("standard text"), &input.text, STANDARD_TEXT_MAX)?;
        let item = input.item.as_deref().map(|code| self.item_code(code)).transpose()?;
        let touchpoint = match input.touchpoint.as_deref() {
            Some(code) if self.journey.touchpoint(code).is_none() => {
                return Err(SetupError::Unknown { field: k!("touchpoint"), value: code.to_owned() })
            }
            other => other.map(str::to_owned),
        };
        let target = input.kpi_target.trim();
        let unit = input.kpi_unit.trim();
        let kpi = if target.is_empty() && unit.is_empty() {
            None
        } else if target.is_empty() {
            return Err(ModelError::Empty { field: k!("KPI target") }.into());
        } else {
            let value = parse_number(target)
                .ok_or_else(|| SetupError::NotANumber { field: k!("KPI target"), value: target.to_owned() })?;
            if unit.chars().count() > KPI_UNIT_MAX {
                return Err(ModelError::TooLong { field: k!("KPI unit"), max: KPI_UNIT_MAX }.into());
            }
            Some(Kpi { target: value, unit: unit.to_owned(), direction: input.kpi_direction })
        };
        Ok(Standard { id, text, item, touchpoint, kpi })
    }

    /// The next free standard id: "s" and one more than the highest number in use by a
    /// standard or a measurement (a measurement left from a deleted standard never
    /// attaches itself to a new one).
    fn next_standard_id(&self) -> String {
        let number = |id: &str| id.strip_prefix('s').and_then(|n| n.parse::<u64>().ok());
        let highest = self
            .standards
            .iter()
            .map(|s| s.id.as_str())
            .chain(self.measurements.iter().map(|m| m.standard.as_str()))
            .filter_map(number)
            .max()
            .unwrap_or(0);
        format!("s{}", highest.saturating_add(1))
    }

    fn standard_index(&self, id: &str) -> Result<usize, SetupError> {
        self.standards
            .iter()
            .position(|s| s.id == id)
            .ok_or_else(|| SetupError::Gone { what: k!("standard"), key: id.to_owned() })
    }

    /// Adds a standard and returns its new id ("s1", "s2"…).
    ///
    /// # Errors
    /// `SetupError` naming the field: an empty or too long text or unit, an item or
    /// touchpoint the project does not have, a KPI target that is not a number (a decimal
    /// comma is fine) or is missing while a unit is given.
    pub fn add_standard(&mut self, input: &StandardInput) -> Result<String, SetupError> {
        let id = self.next_standard_id();
        let standard = self.standard_from(id.clone(), input)?;
        self.standards.push(standard);
        Ok(id)
    }

    /// Replaces the fields of standard `id`; the id, and so its measurements, stay.
    ///
    /// # Errors
    /// As [`Project::add_standard`], and `SetupError::Gone` when there is no such standard.
    pub fn edit_standard(&mut self, id: &str, input: &StandardInput) -> Result<(), SetupError> {
        let index = self.standard_index(id)?;
        self.standards[index] = self.standard_from(id.to_owned(), input)?;
        Ok(())
    }

    /// How many delivery measurements standard `id` has.
    pub fn measurement_count(&self, id: &str) -> usize {
        self.measurements.iter().filter(|m| m.standard == id).count()
    }

    /// Deletes standard `id` and its delivery measurements; returns how many measurements
    /// went with it.
    ///
    /// # Errors
    /// `SetupError::Gone` when there is no such standard.
    pub fn remove_standard(&mut self, id: &str) -> Result<usize, SetupError> {
        let index = self.standard_index(id)?;
        self.standards.remove(index);
        let before = self.measurements.len();
        self.measurements.retain(|m| m.standard != id);
        Ok(before - self.measurements.len())
    }

    fn promise_from(&self, input: &PromiseInput) -> Result<Promise, SetupError> {
        let item = input.item.trim();
        if item.is_empty() {
            return Err(SetupError::Required { field: k!("item") });
        }
        let item = self.item_code(item)?;
        let text = validate_name(k!("promise text"), &input.text, PROMISE_TEXT_MAX)?;
        let level_text = input.level.trim();
        if level_text.is_empty() {
            return Err(ModelError::Empty { field: k!("promised level") }.into());
        }
        let level = parse_number(level_text)
            .ok_or_else(|| SetupError::NotANumber { field: k!("promised level"), value: level_text.to_owned() })?;
        if !self.scale.contains(level) {
            return Err(SetupError::OffScale { field: k!("promised level"), value: level, scale: self.scale });
        }
        Ok(Promise { item, text, channel: input.channel, level })
    }

    fn promise_gone(index: usize) -> SetupError {
        SetupError::Gone { what: k!("promise"), key: t!("no. {n}", n = index + 1) }
    }

    /// Adds a promise and returns its index.
    ///
    /// # Errors
    /// `SetupError` naming the field: no item chosen or an unknown one, an empty or too
    /// long text, a level that is missing, not a number, or off the project's scale.
    pub fn add_promise(&mut self, input: &PromiseInput) -> Result<usize, SetupError> {
        let promise = self.promise_from(input)?;
        self.promises.push(promise);
        Ok(self.promises.len() - 1)
    }

    /// Replaces promise number `index` (from 0).
    ///
    /// # Errors
    /// As [`Project::add_promise`], and `SetupError::Gone` when there is no such promise.
    pub fn edit_promise(&mut self, index: usize, input: &PromiseInput) -> Result<(), SetupError> {
        if index >= self.promises.len() {
            return Err(Project::promise_gone(index));
        }
        self.promises[index] = self.promise_from(input)?;
        Ok(())
    }

    /// Deletes promise number `index` (from 0) and returns it.
    ///
    /// # Errors
    /// `SetupError::Gone` when there is no such promise.
    pub fn remove_promise(&mut self, index: usize) -> Result<Promise, SetupError> {
        if index >= self.promises.len() {
            return Err(Project::promise_gone(index));
        }
        Ok(self.promises.remove(index))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::journey::TouchpointInput;
    use crate::model::{Dimension, DimensionCode, Item, ProjectId, Scale};

    fn project(scale: Scale) -> Project {
        let dimension = DimensionCode::new("res").unwrap();
        let item = |code: &str| Item {
            code: ItemCode::new(code).unwrap(),
            dimension: dimension.clone(),
            text: format!("Item {code}"),
            touchpoint: None,
        };
        let mut project = Project::new(
            ProjectId::new("p1").unwrap(),
            "Bistro",
            scale,
            vec![Dimension { code: dimension.clone(), name: "Responsiveness".into() }],
            vec![item("RES1"), item("RES2")],
        )
        .unwrap();
        project.add_stage("Contact").unwrap();
        let phone = TouchpointInput { name: "Phone".into(), channel: Channel::Phone, ..TouchpointInput::default() };
        project.add_touchpoint(0, &phone).unwrap();
        project
    }

    fn standard(text: &str, target: &str, unit: &str) -> StandardInput {
        StandardInput { text: text.into(), kpi_target: target.into(), kpi_unit: unit.into(), ..StandardInput::default() }
    }

    #[test]
    fn a_standard_with_a_kpi_accepts_a_decimal_comma() {
        let mut p = project(Scale::SEVEN);
        let input = StandardInput {
            item: Some("res1".into()),
            touchpoint: Some("phone".into()),
            kpi_direction: Direction::AtLeast,
            ..standard("  Answer within 20 s ", " 2,5 ", " min ")
        };
        assert_eq!(p.add_standard(&input), Ok("s1".into()));
        let stored = &p.standards[0];
        assert_eq!(stored.text, "Answer within 20 s");
        assert_eq!(stored.item.as_ref().map(ItemCode::as_str), Some("RES1"));
        assert_eq!(stored.touchpoint.as_deref(), Some("phone"));
        assert_eq!(stored.kpi, Some(Kpi { target: 2.5, unit: "min".into(), direction: Direction::AtLeast }));
        assert_eq!(StandardInput::of(stored).kpi_target, "2.5");
    }

    #[test]
    fn a_standard_without_kpi_has_none() {
        let mut p = project(Scale::SEVEN);
        p.add_standard(&standard("Greet every guest", "", " ")).unwrap();
        assert_eq!(p.standards[0].kpi, None);
        assert_eq!(p.standards[0].item, None);
    }

    #[test]
    fn bad_standards_name_the_field_and_change_nothing() {
        let mut p = project(Scale::SEVEN);
        let before = p.clone();
        let cases = [
            (standard(" ", "", ""), "the standard text must not be empty"),
            (standard("Fast", "2x", "s"), "the KPI target \"2x\" is not a number (write e.g. 20 or 2,5)"),
            (standard("Fast", "1.000,5", "s"), "the KPI target \"1.000,5\" is not a number (write e.g. 20 or 2,5)"),
            (standard("Fast", "", "s"), "the KPI target must not be empty"),
            (standard("Fast", "20", &"u".repeat(21)), "the KPI unit is longer than 20 characters"),
            (StandardInput { item: Some("XYZ".into()), ..standard("Fast", "", "") }, "the item \"XYZ\" does not exist in this project"),
            (StandardInput { touchpoint: Some("fax".into()), ..standard("Fast", "", "") }, "the touchpoint \"fax\" does not exist in this project"),
        ];
        for (input, message) in cases {
            assert_eq!(p.add_standard(&input).unwrap_err().to_string(), message);
        }
        assert_eq!(p.add_standard(&standard("Fast", "abc", "")).unwrap_err().field(), Some("KPI target"));
        assert_eq!(p, before);
    }

    #[test]
    fn standard_ids_stay_unique_after_deletes() {
        let mut p = project(Scale::SEVEN);
        assert_eq!(p.add_standard(&standard("One", "", "")), Ok("s1".into()));
        assert_eq!(p.add_standard(&standard("Two", "", "")), Ok("s2".into()));
        p.measurements.push(Measurement { standard: "s2".into(), wave: "W1".into(), value: 3.0 });
        p.measurements.push(Measurement { standard: "s7".into(), wave: "W1".into(), value: 3.0 });
        assert_eq!(p.add_standard(&standard("Three", "", "")), Ok("s8".into()));
        p.standards.push(Standard { id: "phone-20s".into(), text: "Imported".into(), item: None, touchpoint: None, kpi: None });
        assert_eq!(p.add_standard(&standard("Four", "", "")), Ok("s9".into()));
        assert_eq!(p.measurement_count("s2"), 1);
        assert_eq!(p.remove_standard("s2"), Ok(1));
        assert_eq!(p.measurement_count("s2"), 0);
        assert_eq!(p.measurements.len(), 1);
        let ids: Vec<&str> = p.standards.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["s1", "s8", "phone-20s", "s9"]);
        assert!(matches!(p.remove_standard("s2"), Err(SetupError::Gone { what: "standard", .. })));
    }

    #[test]
    fn editing_a_standard_keeps_its_id_and_validates() {
        let mut p = project(Scale::SEVEN);
        let id = p.add_standard(&standard("Answer fast", "20", "s")).unwrap();
        p.edit_standard(&id, &standard("Answer faster", "15", "s")).unwrap();
        assert_eq!(p.standards[0].id, "s1");
        assert_eq!(p.standards[0].text, "Answer faster");
        assert_eq!(p.standards[0].kpi.as_ref().map(|k| k.target), Some(15.0));
        let before = p.clone();
        assert!(p.edit_standard(&id, &standard("Answer faster", "soon", "s")).is_err());
        assert!(matches!(p.edit_standard("s9", &standard("X", "", "")), Err(SetupError::Gone { .. })));
        assert_eq!(p, before);
    }

    fn promise(item: &str, text: &str, level: &str) -> PromiseInput {
        PromiseInput { item: item.into(), text: text.into(), channel: Channel::Web, level: level.into() }
    }

    #[test]
    fn promises_are_on_the_project_scale() {
        let mut p = project(Scale::new(1, 5).unwrap());
        assert_eq!(p.add_promise(&promise("res2", " Always on time ", "4,5")), Ok(0));
        assert_eq!(p.promises[0], Promise { item: ItemCode::new("RES2").unwrap(), text: "Always on time".into(), channel: Channel::Web, level: 4.5 });
        assert_eq!(p.add_promise(&promise("RES1", "Top", "5")), Ok(1));
        assert_eq!(p.add_promise(&promise("RES1", "Low", "1")), Ok(2));
        assert_eq!(PromiseInput::of(&p.promises[0]).level, "4.5");

        let before = p.clone();
        let cases = [
            (promise("", "Fast", "4"), "the item must be chosen"),
            (promise("RES9", "Fast", "4"), "the item \"RES9\" does not exist in this project"),
            (promise("RES1", "  ", "4"), "the promise text must not be empty"),
            (promise("RES1", "Fast", ""), "the promised level must not be empty"),
            (promise("RES1", "Fast", "high"), "the promised level \"high\" is not a number (write e.g. 20 or 2,5)"),
            (promise("RES1", "Fast", "6"), "the promised level 6 is outside the project's scale 1–5"),
            (promise("RES1", "Fast", "0,5"), "the promised level 0.5 is outside the project's scale 1–5"),
        ];
        for (input, message) in cases {
            assert_eq!(p.add_promise(&input).unwrap_err().to_string(), message);
        }
        assert_eq!(p.add_promise(&promise("RES1", "Fast", "9")).unwrap_err().field(), Some("promised level"));
        assert_eq!(p, before);
    }

    #[test]
    fn promises_are_edited_and_removed_by_number() {
        let mut p = project(Scale::SEVEN);
        p.add_promise(&promise("RES1", "Quick", "6")).unwrap();
        p.add_promise(&promise("RES2", "Friendly", "7")).unwrap();
        p.edit_promise(1, &PromiseInput { channel: Channel::Social, ..promise("RES2", "Very friendly", "6,5") }).unwrap();
        assert_eq!((p.promises[1].text.as_str(), p.promises[1].channel, p.promises[1].level), ("Very friendly", Channel::Social, 6.5));
        let before = p.clone();
        assert!(p.edit_promise(1, &promise("RES2", "Very friendly", "8")).is_err());
        assert_eq!(
            p.edit_promise(2, &promise("RES2", "X", "5")).unwrap_err().to_string(),
            "the promise no. 3 is no longer in this project; it may have been changed in another tab"
        );
        assert!(p.remove_promise(2).is_err());
        assert_eq!(p, before);
        assert_eq!(p.remove_promise(0).map(|r| r.text), Ok("Quick".into()));
        assert_eq!(p.promises.len(), 1);
    }
}
