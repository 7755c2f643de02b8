//! Merging a backup's project into a stored one: responses de-duplicated by id, each
//! differing answer a [`Conflict`] for the user to decide, nothing dropped silently.

use crate::format::count;
use crate::model::actions::Action;
use crate::model::{figure, Dimension, Item, Measurement, Project, Response, Stage, Standard, Wave};
use std::collections::{HashMap, HashSet};
use std::fmt;

/// Which side wins a conflict.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    /// Keep the response stored here.
    KeepMine,
    /// Take the response from the backup.
    TakeTheirs,
}

/// One field where two versions of a response differ, as text for the screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    /// The field ("P:REL1", "wave", "comment"…).
    pub field: String,
    /// The value stored here ("–" when absent).
    pub mine: String,
    /// The value in the backup ("–" when absent).
    pub theirs: String,
}

/// A response id present on both sides with different content.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    /// The version stored here.
    pub mine: Response,
    /// The version in the backup.
    pub theirs: Response,
}

fn shown_number(value: Option<f64>) -> String {
    value.map_or_else(|| "–".to_owned(), figure)
}

fn shown_text(value: Option<&str>) -> String {
    value.map_or_else(|| "–".to_owned(), str::to_owned)
}

impl Conflict {
    /// The response id both sides share.
    pub fn id(&self) -> &str {
        self.mine.id_str()
    }

    /// Every field where the two versions differ, in a stable order.
    pub fn differences(&self) -> Vec<Difference> {
        let (a, b) = (&self.mine, &self.theirs);
        let mut out = Vec::new();
        let mut push = |field: String, mine: String, theirs: String| {
            if mine != theirs {
                out.push(Difference { field, mine, theirs });
            }
        };
        push("source".into(), a.source.as_str().into(), b.source.as_str().into());
        push("wave".into(), shown_text(a.wave.as_deref()), shown_text(b.wave.as_deref()));
        let codes: std::collections::BTreeSet<_> = a.answers.keys().chain(b.answers.keys()).collect();
        for code in codes {
            let (x, y) = (a.answers.get(code).copied().unwrap_or_default(), b.answers.get(code).copied().unwrap_or_default());
            push(format!("E:{code}"), shown_number(x.expectation), shown_number(y.expectation));
            push(format!("P:{code}"), shown_number(x.perception), shown_number(y.perception));
        }
        let keys: std::collections::BTreeSet<_> = a.segments.keys().chain(b.segments.keys()).collect();
        for key in keys {
            push(format!("segment:{key}"), shown_text(a.segments.get(key).map(String::as_str)), shown_text(b.segments.get(key).map(String::as_str)));
        }
        let dims: std::collections::BTreeSet<_> = a.importance.keys().chain(b.importance.keys()).collect();
        for code in dims {
            push(format!("I:{code}"), shown_number(a.importance.get(code).copied()), shown_number(b.importance.get(code).copied()));
        }
        push("nps".into(), shown_number(a.nps.map(f64::from)), shown_number(b.nps.map(f64::from)));
        push("csat".into(), shown_number(a.csat.map(f64::from)), shown_number(b.csat.map(f64::from)));
        push("ces".into(), shown_number(a.ces.map(f64::from)), shown_number(b.ces.map(f64::from)));
        push("comment".into(), shown_text(a.comment.as_deref()), shown_text(b.comment.as_deref()));
        out
    }
}

/// Why a merge cannot be planned or applied.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum MergeError {
    /// The two projects rate on different scales; their answers cannot be pooled.
    ScaleDiffers { mine: String, theirs: String },
    /// `apply` got a different number of choices than there are conflicts.
    Choices { expected: usize, given: usize },
}

impl fmt::Display for MergeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MergeError::ScaleDiffers { mine, theirs } => f.write_str(&t!(
                "the project here rates on {mine}, the backup on {theirs}; answers on different scales cannot be \
                 merged. Add the backup as a copy instead",
                mine = mine,
                theirs = theirs
            )),
            MergeError::Choices { expected, given } => f.write_str(&t!(
                "{expected} conflicts need a choice each, {given} were given",
                expected = count(*expected),
                given = count(*given)
            )),
        }
    }
}

impl std::error::Error for MergeError {}

/// What merging a backup's project into the project stored here would do. Nothing is
/// dropped: every incoming response is either added, identical to one here, or a conflict
/// the user decides; everything else the target lacks is added and listed.
///
/// Decisions: items (and their dimensions) the target lacks are **added**, not refused:
/// the answers to them would otherwise be lost, and an extra item changes no figure of the
/// existing ones. An item or touchpoint present on both sides with different texts keeps
/// the target's definition (listed in `differing`). A standard whose id is taken by a
/// different standard here is added under a new id, its measurements following it.
/// Measurements, promises and complaints are merged as multisets: an entry already here as
/// often as in the backup is not added again. Actions are matched by id like standards: one
/// the target lacks is added, an identical one is skipped, and one whose id is taken here by
/// a different action (edited on the other laptop, or recorded there under the same number)
/// is added under the next free id and listed in `differing`, so neither version is lost.
#[derive(Debug, Clone, PartialEq)]
pub struct MergePlan {
    target: Project,
    incoming: Project,
    /// Responses with ids the target lacks (or without an id and not equal to any here).
    pub added: Vec<Response>,
    /// Responses present on both sides with the same content.
    pub identical: usize,
    /// Responses present on both sides with different content, in backup order.
    pub conflicts: Vec<Conflict>,
    /// Waves the target lacks.
    pub new_waves: Vec<Wave>,
    /// Items the target lacks; they are added.
    pub new_items: Vec<Item>,
    /// Dimensions the target lacks (for the new items); they are added.
    pub new_dimensions: Vec<Dimension>,
    /// Journey stages the target lacks, with their touchpoints.
    pub new_stages: Vec<Stage>,
    /// Touchpoints the target lacks that join a stage of the same name here.
    pub new_touchpoints: Vec<(String, crate::model::Touchpoint)>,
    /// Standards the target lacks; renumbered ones carry their new id.
    pub new_standards: Vec<Standard>,
    /// Measurements, promises and complaints the target lacks.
    pub new_measurements: Vec<Measurement>,
    /// Promises the target lacks.
    pub new_promises: Vec<crate::model::Promise>,
    /// Complaints the target lacks.
    pub new_complaints: Vec<crate::model::Complaint>,
    /// Saved column mappings for sources the target has none for.
    pub new_mappings: Vec<crate::import::SavedMapping>,
    /// Actions the target lacks; renumbered ones carry their new id.
    pub new_actions: Vec<Action>,
    /// Things defined on both sides differently, where the target's definition is kept.
    pub differing: Vec<String>,
}

/// Entries of `incoming` not already in `target`, counting repeats (multiset difference).
fn missing<T: PartialEq + Clone>(target: &[T], incoming: &[T]) -> Vec<T> {
    let mut used = vec![false; target.len()];
    incoming
        .iter()
        .filter(|entry| {
            match target.iter().enumerate().position(|(i, t)| !used[i] && t == *entry) {
                Some(i) => {
                    used[i] = true;
                    false
                }
                None => true,
            }
        })
        .cloned()
        .collect()
}

impl MergePlan {
    /// Plans merging `incoming` (a project from a backup) into `target` (stored here).
    ///
    /// # Errors
    /// [`MergeError::ScaleDiffers`] when the scales differ.
    pub fn new(target: &Project, incoming: &Project) -> Result<MergePlan, MergeError> {
        if target.scale != incoming.scale {
            return Err(MergeError::ScaleDiffers { mine: target.scale.to_string(), theirs: incoming.scale.to_string() });
        }
        let by_id: HashMap<&str, &Response> =
            target.responses.iter().filter(|r| r.id.is_some()).map(|r| (r.id_str(), r)).collect();
        let mut added = Vec::new();
        let mut identical = 0;
        let mut conflicts = Vec::new();
        let mut seen: HashSet<&str> = HashSet::new();
        for response in &incoming.responses {
            match &response.id {
                Some(id) => {
                    // A repeated id in the backup (restore rejects it) is treated like a conflict with the first.
                    if !seen.insert(id.as_str()) {
                        continue;
                    }
                    match by_id.get(id.as_str()) {
                        None => added.push(response.clone()),
                        Some(mine) if *mine == response => identical += 1,
                        Some(mine) => conflicts.push(Conflict { mine: (*mine).clone(), theirs: response.clone() }),
                    }
                }
                None => {
                    if target.responses.iter().any(|r| r == response) {
                        identical += 1;
                    } else {
                        added.push(response.clone());
                    }
                }
            }
        }

        let mut differing = Vec::new();
        let new_waves: Vec<Wave> =
            incoming.waves.iter().filter(|w| !target.waves.iter().any(|t| t.name == w.name)).cloned().collect();
        let mut new_items = Vec::new();
        for item in &incoming.items {
            match target.items.iter().find(|t| t.code == item.code) {
                None => new_items.push(item.clone()),
                Some(mine) if mine != item => differing.push(t!(
                    "item {code}: defined differently in the backup; the definition here is kept",
                    code = item.code
                )),
                Some(_) => {}
            }
        }
        let mut new_dimensions: Vec<Dimension> = Vec::new();
        for item in &new_items {
            if target.dimension(&item.dimension).is_none() && !new_dimensions.iter().any(|d| d.code == item.dimension) {
                let dimension = incoming.dimension(&item.dimension).cloned().unwrap_or_else(|| Dimension {
                    code: item.dimension.clone(),
                    name: item.dimension.to_string(),
                });
                new_dimensions.push(dimension);
            }
        }

        // Journey: touchpoints by code; a stage by name.
        let mut new_stages: Vec<Stage> = Vec::new();
        let mut new_touchpoints = Vec::new();
        for stage in &incoming.journey.stages {
            let mut lacking = Vec::new();
            for touchpoint in &stage.touchpoints {
                match target.journey.touchpoint(&touchpoint.code) {
                    None => lacking.push(touchpoint.clone()),
                    Some(mine) if mine != touchpoint => differing.push(t!(
                        "touchpoint {code}: defined differently in the backup; the definition here is kept",
                        code = touchpoint.code
                    )),
                    Some(_) => {}
                }
            }
            if target.journey.stages.iter().any(|s| s.name == stage.name) {
                new_touchpoints.extend(lacking.into_iter().map(|t| (stage.name.clone(), t)));
            } else {
                new_stages.push(Stage { name: stage.name.clone(), touchpoints: lacking });
            }
        }

        // Standards by id; a taken id with other content gets a new one.
        let mut renumbered: HashMap<String, String> = HashMap::new();
        let mut new_standards = Vec::new();
        let mut taken: HashSet<String> = target.standards.iter().map(|s| s.id.clone()).collect();
        taken.extend(target.measurements.iter().map(|m| m.standard.clone()));
        taken.extend(incoming.standards.iter().map(|s| s.id.clone()));
        for standard in &incoming.standards {
            match target.standards.iter().find(|s| s.id == standard.id) {
                None => new_standards.push(standard.clone()),
                Some(mine) if mine == standard => {}
                Some(_) => {
                    let mut number = 1;
                    let id = loop {
                        let candidate = format!("{}-{number}", standard.id);
                        if !taken.contains(&candidate) {
                            break candidate;
                        }
                        number += 1;
                    };
                    taken.insert(id.clone());
                    differing.push(t!(
                        "standard {id}: a different standard has this id here; the backup's is added as {new}",
                        id = standard.id,
                        new = id
                    ));
                    renumbered.insert(standard.id.clone(), id.clone());
                    new_standards.push(Standard { id, ..standard.clone() });
                }
            }
        }
        let incoming_measurements: Vec<Measurement> = incoming
            .measurements
            .iter()
            .map(|m| match renumbered.get(&m.standard) {
                Some(id) => Measurement { standard: id.clone(), ..m.clone() },
                None => m.clone(),
            })
            .collect();

        let mut new_mappings = Vec::new();
        for mapping in &incoming.import_mappings {
            match target.import_mappings.iter().find(|m| m.source == mapping.source) {
                None => new_mappings.push(mapping.clone()),
                Some(mine) if mine != mapping => differing.push(t!(
                    "the column mapping for \"{source}\" differs in the backup; the one here is kept",
                    source = mapping.source
                )),
                Some(_) => {}
            }
        }

        // Actions by id; a taken id with other content gets the next free one.
        let mut new_actions = Vec::new();
        let mut highest = target
            .actions
            .iter()
            .chain(&incoming.actions)
            .filter_map(|a| a.id().strip_prefix('a').and_then(|n| n.parse::<u64>().ok()))
            .max()
            .unwrap_or(0);
        let mut taken: HashSet<String> =
            target.actions.iter().chain(&incoming.actions).map(|a| a.id().to_owned()).collect();
        for action in &incoming.actions {
            // Already here under another id (renumbered by an earlier merge): nothing to add.
            let here_as_copy = target.actions.iter().any(|a| a.with_id(action.id().to_owned()) == *action);
            match target.actions.iter().find(|a| a.id() == action.id()) {
                Some(mine) if mine == action => {}
                _ if here_as_copy => {}
                None => new_actions.push(action.clone()),
                Some(_) => {
                    let id = loop {
                        highest = highest.saturating_add(1);
                        let candidate = format!("a{highest}");
                        if taken.insert(candidate.clone()) {
                            break candidate;
                        }
                    };
                    differing.push(t!(
                        "action {id} ({item}): a different action has this id here; the backup's is added as {new}",
                        id = action.id(),
                        item = action.item(),
                        new = id
                    ));
                    new_actions.push(action.with_id(id));
                }
            }
        }

        Ok(MergePlan {
            new_actions,
            new_mappings,
            added,
            identical,
            conflicts,
            new_waves,
            new_items,
            new_dimensions,
            new_stages,
            new_touchpoints,
            new_standards,
            new_measurements: missing(&target.measurements, &incoming_measurements),
            new_promises: missing(&target.promises, &incoming.promises),
            new_complaints: missing(&target.complaints, &incoming.complaints),
            differing,
            target: target.clone(),
            incoming: incoming.clone(),
        })
    }

    /// The project being merged into, as planned against.
    pub fn target(&self) -> &Project {
        &self.target
    }

    /// The backup's project.
    pub fn incoming(&self) -> &Project {
        &self.incoming
    }

    /// Whether the merge would change nothing.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty()
            && self.conflicts.is_empty()
            && self.new_waves.is_empty()
            && self.new_items.is_empty()
            && self.new_stages.is_empty()
            && self.new_touchpoints.is_empty()
            && self.new_standards.is_empty()
            && self.new_measurements.is_empty()
            && self.new_promises.is_empty()
            && self.new_complaints.is_empty()
            && self.new_mappings.is_empty()
            && self.new_actions.is_empty()
    }

    /// The merged project: the target with everything planned added, and each conflict
    /// resolved by `choices` (one per conflict, in order). Conflicting responses keep their
    /// place in the target's order.
    ///
    /// # Errors
    /// [`MergeError::Choices`] when `choices` does not hold one choice per conflict.
    pub fn apply(&self, choices: &[Choice]) -> Result<Project, MergeError> {
        if choices.len() != self.conflicts.len() {
            return Err(MergeError::Choices { expected: self.conflicts.len(), given: choices.len() });
        }
        let mut project = self.target.clone();
        let theirs: HashMap<&str, &Response> = self
            .conflicts
            .iter()
            .zip(choices)
            .filter(|(_, choice)| **choice == Choice::TakeTheirs)
            .map(|(conflict, _)| (conflict.id(), &conflict.theirs))
            .collect();
        for response in &mut project.responses {
            if let Some(replacement) = theirs.get(response.id_str()) {
                if response.id.is_some() {
                    *response = (*replacement).clone();
                }
            }
        }
        project.dimensions.extend(self.new_dimensions.iter().cloned());
        project.items.extend(self.new_items.iter().cloned());
        project.journey.stages.extend(self.new_stages.iter().cloned());
        for (stage_name, touchpoint) in &self.new_touchpoints {
            if let Some(stage) = project.journey.stages.iter_mut().find(|s| &s.name == stage_name) {
                stage.touchpoints.push(touchpoint.clone());
            }
        }
        project.standards.extend(self.new_standards.iter().cloned());
        project.measurements.extend(self.new_measurements.iter().cloned());
        project.promises.extend(self.new_promises.iter().cloned());
        project.complaints.extend(self.new_complaints.iter().cloned());
        project.import_mappings.extend(self.new_mappings.iter().cloned());
        project.actions.extend(self.new_actions.iter().cloned());
        // A wave date the target lacks is taken from the backup.
        for wave in &mut project.waves {
            if wave.date.is_none() {
                if let Some(theirs) = self.incoming.waves.iter().find(|w| w.name == wave.name) {
                    wave.date.clone_from(&theirs.date);
                }
            }
        }
        project.append_responses(self.added.clone(), &self.new_waves);
        Ok(project)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::actions::{ActionInput, Status};

    #[test]
    fn actions_merge_by_id_and_a_taken_id_is_renumbered_not_lost() {
        let mine = crate::demo::hotel();
        let mut theirs = mine.clone();
        // Edited on the other laptop: a1's status; recorded there: a new a4.
        theirs.set_action_status("a1", Status::Dropped).unwrap();
        let input = ActionInput {
            item: "RES4".into(),
            gap: None,
            wave: "2026 Q3".into(),
            whys: vec!["The phone rings long.".into()],
            owner: "Jonas Berg".into(),
            text: "Forward calls to the back office after four rings.".into(),
            due: "2026-11-30".into(),
            status: Status::Planned,
        };
        assert_eq!(theirs.add_action(&input).unwrap(), "a4");
        let plan = MergePlan::new(&mine, &theirs).unwrap();
        let ids: Vec<&str> = plan.new_actions.iter().map(Action::id).collect();
        assert_eq!(ids, ["a5", "a4"], "a1 differs: added as a5 (a4 is taken in the backup); a4 is new");
        assert_eq!(plan.new_actions[0].status(), Status::Dropped);
        assert!(plan.differing.iter().any(|d| d.starts_with("action a1 (RES2)") && d.ends_with("added as a5")), "{:?}", plan.differing);
        let merged = plan.apply(&[]).unwrap();
        assert_eq!(merged.actions.len(), 5);
        assert_eq!(merged.action("a1").unwrap().status(), Status::Done, "the one here is kept as it was");
        // Merging the same backup again adds nothing: the renumbered copy is recognised.
        let again = MergePlan::new(&merged, &theirs).unwrap();
        assert!(again.new_actions.is_empty(), "{:?}", again.new_actions);
        assert!(again.is_empty(), "{again:?}");
        let same = MergePlan::new(&mine, &mine).unwrap();
        assert!(same.is_empty());
    }
}
