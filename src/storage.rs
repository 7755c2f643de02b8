//! The only module that touches the browser's local storage.
//!
//! Layout, all under `gaplens/`:
//! - `gaplens/index`: the list of projects (id, name, counts) in display order;
//! - `gaplens/project/<id>`: one versioned document per project;
//! - `gaplens/quarantine/<n>`: documents that could not be read, kept verbatim.
//!
//! Promises: a write that fails leaves the previous data exactly as it was; a document that
//! cannot be read is moved to quarantine, never overwritten; concurrent edits from another
//! tab are detected by a revision number. `window.localStorage` itself can throw (some
//! private modes, blocked storage), which gloo-storage turns into a panic; this module uses
//! web-sys directly so every failure is a value.
//!
//! The stored form of a project (schema 2: responses in a compact table) and its migration
//! from older schemas live in [`codec`], which is pure and compiles natively; only the parts
//! that touch `window.localStorage` are compiled for wasm32.

pub mod codec;

pub use codec::{Unreadable, SCHEMA};
#[cfg(target_arch = "wasm32")]
use codec::{decode_project as read_project_document, encode_project, probe_revision};
use crate::model::{Project, ProjectId};
use serde::{Deserialize, Serialize};
use std::fmt;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen::{JsCast, JsValue};

/// Prefix of every key Gaplens writes.
pub const PREFIX: &str = "gaplens/";
/// The workspace index.
pub const INDEX_KEY: &str = "gaplens/index";
const PROJECT_PREFIX: &str = "gaplens/project/";
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
const QUARANTINE_PREFIX: &str = "gaplens/quarantine/";
/// Settings of this browser (the interface language, a running Collect session), one key each.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
const PREFERENCE_PREFIX: &str = "gaplens/pref/";

/// What went wrong with storage, in words a user can act on.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum StorageError {
    /// Local storage cannot be used at all (private mode, blocked by settings).
    Unavailable(String),
    /// The browser's storage quota is full.
    QuotaExceeded,
    /// Another tab changed the project since it was opened here.
    Conflict { project: String },
    /// Any other failed write.
    WriteFailed(String),
    /// The project does not exist (deleted in another tab?).
    NotFound(String),
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StorageError::Unavailable(detail) => f.write_str(&t!(
                "This browser does not let Gaplens keep data ({detail}). Nothing can be saved: \
                 leave private browsing or allow site data for this page, then reload.",
                detail = detail
            )),
            StorageError::QuotaExceeded => f.write_str(t!(
                "The browser's storage for this page is full, so the change was not saved. \
                 Your previous data is unchanged. Delete a project or an old wave you no \
                 longer need (download a copy first if you want to keep it), then try again. \
                 If Gaplens holds little data, something else on this site fills the space: \
                 clear this site's other stored data in the browser's settings."
            )),
            StorageError::Conflict { project } => f.write_str(&t!(
                "\"{project}\" was changed in another tab or window, so this change was not \
                 saved yet. Choose whether to keep their version or yours.",
                project = project
            )),
            StorageError::WriteFailed(detail) => f.write_str(&t!(
                "The browser refused to save ({detail}). Your previous data is unchanged.",
                detail = detail
            )),
            StorageError::NotFound(id) => f.write_str(&t!(
                "The project \"{id}\" is no longer stored in this browser (deleted in another tab?).",
                id = id
            )),
        }
    }
}

/// One project in the index.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndexEntry {
    /// The project's id.
    pub id: ProjectId,
    /// The project's name, copied for the list.
    pub name: String,
    /// Number of responses stored.
    pub responses: usize,
    /// Revision of the stored document.
    pub revision: u64,
}

#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
#[derive(Debug, Clone, Serialize, Deserialize)]
struct IndexDocument {
    schema: u32,
    projects: Vec<IndexEntry>,
}

/// A document that could not be read, kept verbatim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quarantined {
    /// Its quarantine key.
    #[serde(skip)]
    pub key: String,
    /// The key it was read from.
    pub original_key: String,
    /// Why it could not be read.
    pub reason: String,
    /// The stored text, untouched.
    pub raw: String,
}

#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn read_index_document(raw: &str) -> Result<IndexDocument, Unreadable> {
    let document: IndexDocument =
        serde_json::from_str(raw).map_err(|e| Unreadable::Corrupt(e.to_string()))?;
    if document.schema > SCHEMA {
        return Err(Unreadable::Newer(document.schema));
    }
    Ok(document)
}

/// Turns a failed `setItem` into a `StorageError`.
#[cfg(target_arch = "wasm32")]
fn write_error(error: JsValue) -> StorageError {
    match error.dyn_ref::<web_sys::DomException>() {
        Some(e) if e.name() == "QuotaExceededError" || e.code() == 22 => StorageError::QuotaExceeded,
        Some(e) => StorageError::WriteFailed(format!("{}: {}", e.name(), e.message())),
        None => StorageError::WriteFailed(format!("{error:?}")),
    }
}

/// A project read from storage with the revision it had.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    /// The project.
    pub project: Project,
    /// Its stored revision; pass it back to [`Store::save_project`].
    pub revision: u64,
}

/// What opening the workspace found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Workspace {
    /// Projects in display order.
    pub projects: Vec<IndexEntry>,
    /// Whether this browser had no Gaplens index yet (a first visit).
    pub first_visit: bool,
    /// Documents moved to quarantine while opening, in words.
    pub quarantined_now: Vec<String>,
}

/// Handle on local storage.
#[cfg(target_arch = "wasm32")]
#[derive(Clone)]
pub struct Store {
    storage: web_sys::Storage,
}

#[cfg(target_arch = "wasm32")]
impl Store {
    /// Opens the page's local storage.
    ///
    /// # Errors
    /// `StorageError::Unavailable` when the browser refuses it (the getter throws or
    /// returns null), instead of panicking as gloo-storage would.
    pub fn open() -> Result<Store, StorageError> {
        let window = web_sys::window().ok_or_else(|| StorageError::Unavailable(t!("no window").into()))?;
        match window.local_storage() {
            Ok(Some(storage)) => Ok(Store { storage }),
            Ok(None) => Err(StorageError::Unavailable(t!("local storage is switched off").into())),
            Err(error) => Err(StorageError::Unavailable(
                error
                    .dyn_ref::<web_sys::DomException>()
                    .map_or_else(|| format!("{error:?}"), |e| e.message()),
            )),
        }
    }

    /// Wraps a given storage object (tests).
    pub fn with_storage(storage: web_sys::Storage) -> Store {
        Store { storage }
    }

    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.storage.get_item(key).map_err(|e| StorageError::Unavailable(format!("{e:?}")))
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.storage.set_item(key, value).map_err(write_error)
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.storage.remove_item(key).map_err(|e| StorageError::WriteFailed(format!("{e:?}")))
    }

    /// Every key Gaplens owns.
    fn keys(&self) -> Vec<String> {
        let length = self.storage.length().unwrap_or(0);
        (0..length)
            .filter_map(|i| self.storage.key(i).ok().flatten())
            .filter(|key| key.starts_with(PREFIX))
            .collect()
    }

    /// Reads the index. A missing index is a first visit. A damaged one is quarantined and
    /// rebuilt from the project documents, so no project disappears from the list.
    pub fn open_workspace(&self) -> Result<Workspace, StorageError> {
        let mut workspace = Workspace::default();
        let raw = self.get(INDEX_KEY)?;
        let projects = match raw.as_deref().map(read_index_document) {
            None => {
                workspace.first_visit = self.keys().iter().all(|k| !k.starts_with(PROJECT_PREFIX));
                None
            }
            Some(Ok(index)) => Some(index.projects),
            Some(Err(reason)) => {
                let text = raw.unwrap_or_default();
                match self.quarantine(INDEX_KEY, &text, &reason) {
                    Ok(()) => workspace.quarantined_now.push(t!("The project list: {reason}.", reason = reason)),
                    // Can't move it (storage full): leave it alone and work from the documents.
                    // Writes will not replace it either (see `index_entries`).
                    Err(error) => workspace.quarantined_now.push(t!(
                        "The project list: {reason}. It was left in place, because it could not be \
                         set aside ({error}); the list shown is rebuilt from the projects.",
                        reason = reason,
                        error = error
                    )),
                }
                None
            }
        };
        let mut projects = projects.unwrap_or_default();
        let keys = self.keys();
        // Documents that the index does not list (e.g. the index write was lost) are added back.
        for key in &keys {
            if let Some(id) = key.strip_prefix(PROJECT_PREFIX) {
                if !projects.iter().any(|p| p.id.as_str() == id) {
                    if let Ok(Some(raw)) = self.get(key) {
                        if let Ok(document) = read_project_document(&raw) {
                            projects.push(entry(&document.project, document.revision));
                        } else if let Ok(id) = ProjectId::new(id) {
                            // Listed so the user sees it; opening it moves it to quarantine.
                            projects.push(IndexEntry { name: id.to_string(), id, responses: 0, revision: 0 });
                        }
                    }
                }
            }
        }
        // Entries whose document is gone are dropped.
        projects.retain(|p| keys.contains(&project_key(&p.id)));
        workspace.projects = projects;
        Ok(workspace)
    }

    /// Reads one project. An unreadable document is moved to quarantine.
    ///
    /// # Errors
    /// `NotFound` when absent; `WriteFailed` describing why it could not be read (after
    /// quarantining it).
    pub fn load_project(&self, id: &ProjectId) -> Result<Loaded, StorageError> {
        let key = project_key(id);
        let raw = self.get(&key)?.ok_or_else(|| StorageError::NotFound(id.to_string()))?;
        match read_project_document(&raw) {
            Ok(document) => Ok(Loaded { project: document.project, revision: document.revision }),
            Err(reason) => {
                let moved = self.quarantine(&key, &raw, &reason).is_ok();
                if moved {
                    let _ = self.write_index_without(id);
                }
                Err(StorageError::WriteFailed(if moved {
                    t!(
                        "this project could not be read: {reason}. It was set aside unchanged; Settings lets you download it.",
                        reason = reason
                    )
                } else {
                    t!("this project could not be read: {reason}. It was left in place unchanged.", reason = reason)
                }))
            }
        }
    }

    /// Saves `project`. `expected_revision` is the revision it was loaded with (`None` for a
    /// new project). Returns the new revision.
    ///
    /// # Errors
    /// `Conflict` when the stored revision differs (another tab saved), `QuotaExceeded` or
    /// `WriteFailed` when the browser refuses; in every case the stored data is unchanged.
    pub fn save_project(&self, project: &Project, expected_revision: Option<u64>) -> Result<u64, StorageError> {
        let key = project_key(&project.id);
        let previous = self.get(&key)?;
        // Only the envelope is read: decoding every response of a large project here made
        // each save of it slow, and the revision is all a concurrent-edit check needs.
        let stored_revision = previous.as_deref().map(probe_revision);
        match (stored_revision, expected_revision) {
            (None, None) => {}
            (Some(Ok(stored)), Some(expected)) if stored == expected => {}
            // Never write over a document this version cannot read.
            (Some(Err(reason)), _) => {
                return Err(StorageError::WriteFailed(t!(
                    "the stored copy of \"{name}\" cannot be read: {reason}. It was kept unchanged",
                    name = project.name,
                    reason = reason
                )))
            }
            _ => return Err(StorageError::Conflict { project: project.name.clone() }),
        }
        let revision = expected_revision.map_or(1, |r| r + 1);
        let document = encode_project(project, revision).map_err(StorageError::WriteFailed)?;
        // Read (and if unreadable, set aside) the index before anything is written.
        let mut projects = self.index_entries()?;
        self.set(&key, &document)?;

        match projects.iter_mut().find(|p| p.id == project.id) {
            Some(existing) => *existing = entry(project, revision),
            None => projects.push(entry(project, revision)),
        }
        if let Err(error) = self.write_index(projects) {
            // Put the project back as it was, so the two keys never disagree.
            let _ = match &previous {
                Some(old) => self.set(&key, old),
                None => self.remove(&key),
            };
            return Err(error);
        }
        Ok(revision)
    }

    /// Deletes a project and its index entry.
    ///
    /// # Errors
    /// `WriteFailed` when the index cannot be written; then nothing was deleted.
    pub fn delete_project(&self, id: &ProjectId) -> Result<(), StorageError> {
        self.write_index_without(id)?;
        self.remove(&project_key(id))
    }

    /// The index's entries, for a write that replaces the index. An index that cannot be
    /// read is moved to quarantine first (it is never overwritten); when that fails, so does
    /// the write.
    fn index_entries(&self) -> Result<Vec<IndexEntry>, StorageError> {
        let Some(raw) = self.get(INDEX_KEY)? else { return Ok(Vec::new()) };
        match read_index_document(&raw) {
            Ok(document) => Ok(document.projects),
            Err(reason) => {
                self.quarantine(INDEX_KEY, &raw, &reason)?;
                Ok(Vec::new())
            }
        }
    }

    fn write_index(&self, projects: Vec<IndexEntry>) -> Result<(), StorageError> {
        let document = serde_json::to_string(&IndexDocument { schema: SCHEMA, projects })
            .map_err(|e| StorageError::WriteFailed(e.to_string()))?;
        self.set(INDEX_KEY, &document)
    }

    fn write_index_without(&self, id: &ProjectId) -> Result<(), StorageError> {
        let mut projects = self.index_entries()?;
        projects.retain(|p| &p.id != id);
        self.write_index(projects)
    }

    /// Moves `raw` from `key` to a new quarantine key. The original is removed only after
    /// the copy is stored.
    fn quarantine(&self, key: &str, raw: &str, reason: &Unreadable) -> Result<(), StorageError> {
        let existing = self.keys();
        let number = (1..).find(|n| !existing.contains(&format!("{QUARANTINE_PREFIX}{n}"))).unwrap_or(0);
        let quarantine_key = format!("{QUARANTINE_PREFIX}{number}");
        let document = serde_json::to_string(&Quarantined {
            key: String::new(),
            original_key: key.to_owned(),
            reason: reason.to_string(),
            raw: raw.to_owned(),
        })
        .map_err(|e| StorageError::WriteFailed(e.to_string()))?;
        self.set(&quarantine_key, &document)?;
        self.remove(key)
    }

    /// Every quarantined document.
    pub fn quarantined(&self) -> Vec<Quarantined> {
        self.keys()
            .into_iter()
            .filter(|k| k.starts_with(QUARANTINE_PREFIX))
            .filter_map(|key| {
                let raw = self.get(&key).ok().flatten()?;
                let mut document: Quarantined = serde_json::from_str(&raw).unwrap_or(Quarantined {
                    key: String::new(),
                    original_key: String::new(),
                    reason: t!("unknown").into(),
                    raw,
                });
                document.key = key;
                Some(document)
            })
            .collect()
    }

    /// Deletes a quarantined document (after the user downloaded it or chose to drop it).
    pub fn delete_quarantined(&self, key: &str) -> Result<(), StorageError> {
        if !key.starts_with(QUARANTINE_PREFIX) {
            return Err(StorageError::WriteFailed(t!("{key} is not a quarantine key", key = key)));
        }
        self.remove(key)
    }

    /// A setting of this browser (`gaplens/pref/<name>`), or None when unset or unreadable.
    pub fn preference(&self, name: &str) -> Option<String> {
        self.get(&format!("{PREFERENCE_PREFIX}{name}")).ok().flatten()
    }

    /// Stores a setting of this browser; on failure the old value stays.
    ///
    /// # Errors
    /// `QuotaExceeded` or `WriteFailed` as for a project.
    pub fn set_preference(&self, name: &str, value: &str) -> Result<(), StorageError> {
        self.set(&format!("{PREFERENCE_PREFIX}{name}"), value)
    }

    /// Removes a setting of this browser.
    ///
    /// # Errors
    /// `WriteFailed` when the browser refuses.
    pub fn remove_preference(&self, name: &str) -> Result<(), StorageError> {
        self.remove(&format!("{PREFERENCE_PREFIX}{name}"))
    }

    /// Characters stored under `gaplens/` (keys and values); browsers count roughly
    /// 5 million characters per origin.
    pub fn used_chars(&self) -> usize {
        self.keys()
            .iter()
            .map(|k| k.len() + self.get(k).ok().flatten().map_or(0, |v| v.len()))
            .sum()
    }

    /// Removes every key under `gaplens/`: projects, quarantined documents, and the index
    /// last (so an interrupted deletion leaves an index that `open_workspace` repairs).
    /// Keys of other apps on the same origin are left alone. Returns how many were removed.
    ///
    /// # Errors
    /// `WriteFailed` when the browser refuses a removal; keys removed before it stay removed.
    pub fn delete_everything(&self) -> Result<usize, StorageError> {
        let mut keys = self.keys();
        crate::sort::sort_by_key(&mut keys, |key| key == INDEX_KEY);
        for key in &keys {
            self.remove(key)?;
        }
        Ok(keys.len())
    }
}

/// The storage key of a project.
pub fn project_key(id: &ProjectId) -> String {
    format!("{PROJECT_PREFIX}{id}")
}

#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn entry(project: &Project, revision: u64) -> IndexEntry {
    IndexEntry {
        id: project.id.clone(),
        name: project.name.clone(),
        responses: project.responses.len(),
        revision,
    }
}
