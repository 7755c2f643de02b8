//! What the business has promised itself (standards and their measured delivery), what
//! marketing promises customers, and what customers complain about.

use serde::{Deserialize, Serialize};

use super::journey::Channel;
use super::ItemCode;

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
