//! The customer journey: ordered stages, each with touchpoints.

use super::{validate_name, ModelError};
use serde::{Deserialize, Serialize};

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

impl Journey {
    /// Every touchpoint with the index of its stage.
    pub fn touchpoints(&self) -> impl Iterator<Item = (usize, &Touchpoint)> {
        self.stages.iter().enumerate().flat_map(|(i, s)| s.touchpoints.iter().map(move |t| (i, t)))
    }

    /// The touchpoint with `code`.
    pub fn touchpoint(&self, code: &str) -> Option<&Touchpoint> {
        self.touchpoints().map(|(_, t)| t).find(|t| t.code == code)
    }

    /// Adds a stage named `name`.
    ///
    /// # Errors
    /// `ModelError` when the name is empty or longer than 80 characters.
    pub fn add_stage(&mut self, name: &str) -> Result<(), ModelError> {
        let name = validate_name("stage name", name, 80)?;
        self.stages.push(Stage { name, touchpoints: Vec::new() });
        Ok(())
    }

    /// Adds a touchpoint to stage `stage`; its code is made from the name and kept unique.
    ///
    /// # Errors
    /// `ModelError` when the name is empty or too long, or the stage does not exist.
    pub fn add_touchpoint(&mut self, stage: usize, name: &str, channel: Channel, critical: bool, owner: &str) -> Result<String, ModelError> {
        let name = validate_name("touchpoint name", name, 80)?;
        let owner = owner.trim().chars().take(80).collect::<String>();
        let base: String = name
            .to_lowercase()
            .chars()
            .map(|c| if c.is_alphanumeric() { c } else { '-' })
            .collect::<String>()
            .split('-')
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join("-");
        let base = if base.is_empty() { "touchpoint".to_owned() } else { base.chars().take(30).collect() };
        let mut code = base.clone();
        let mut n = 1;
        while self.touchpoint(&code).is_some() {
            n += 1;
            code = format!("{base}-{n}");
        }
        let target = self.stages.get_mut(stage).ok_or(ModelError::Empty { field: "stage" })?;
        target.touchpoints.push(Touchpoint { code: code.clone(), name, channel, critical, owner });
        Ok(code)
    }
}
