//! Browser-side tests of `gaplens::storage` against the real `localStorage` of headless
//! Chromium (wasm-bindgen-test). Run with
//!
//! ```text
//! CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test browser_storage
//! ```
//!
//! Every test starts from a cleared `localStorage` (and a restored `window.localStorage`
//! getter, in case an earlier test failed half-way) and clears it again at the end. The
//! tests run one after the other in the same page, so they share one storage area.

#![cfg(target_arch = "wasm32")]

use gaplens::demo;
use gaplens::model::{Answer, Project, ProjectId, RespondentId, Response, Scale};
use gaplens::storage::{project_key, StorageError, Store, INDEX_KEY, PREFIX};
use gaplens::template::SERVQUAL;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::{console_log, wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

const QUARANTINE_PREFIX: &str = "gaplens/quarantine/";
/// Filler keys deliberately outside `gaplens/`.
const JUNK_PREFIX: &str = "junk/";
const JUNK_FINE: &str = "junk/fine";
const MIB: usize = 1 << 20;

// ---------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------

fn run_js(source: &str) -> JsValue {
    js_sys::Function::new_no_args(source)
        .call0(&JsValue::UNDEFINED)
        .unwrap_or_else(|error| panic!("test script failed: {error:?}\n{source}"))
}

/// Puts back the original `window.localStorage` if a test replaced it.
///
/// `localStorage` is an *own* accessor property of `window` in Chromium (Window is a
/// `[Global]` interface, so its attributes live on the instance, not on `Window.prototype`):
/// deleting the override alone would leave `window.localStorage` undefined, so the original
/// descriptor is saved before overriding and defined again here.
fn restore_local_storage_getter() {
    run_js(
        "if (Object.prototype.hasOwnProperty.call(window, '__gaplensSavedLocalStorage')) {
             const saved = window.__gaplensSavedLocalStorage;
             delete window.localStorage;
             if (saved) { Object.defineProperty(window, 'localStorage', saved); }
             delete window.__gaplensSavedLocalStorage;
         }",
    );
}

/// Replaces `window.localStorage` with a getter running `getter_body`.
fn override_local_storage_getter(getter_body: &str) {
    run_js(&format!(
        "if (!Object.prototype.hasOwnProperty.call(window, '__gaplensSavedLocalStorage')) {{
             window.__gaplensSavedLocalStorage =
                 Object.getOwnPropertyDescriptor(window, 'localStorage') || null;
         }}
         Object.defineProperty(window, 'localStorage', {{
             configurable: true,
             get() {{ {getter_body} }}
         }});"
    ));
}

/// The page's real local storage, bypassing `Store`.
fn local() -> web_sys::Storage {
    web_sys::window()
        .expect("window")
        .local_storage()
        .expect("localStorage getter works")
        .expect("localStorage is present")
}

/// Clean slate: original getter, empty storage, a fresh `Store`.
fn fresh() -> Store {
    restore_local_storage_getter();
    local().clear().expect("clear");
    assert_eq!(local().length().unwrap(), 0);
    Store::open().expect("storage opens")
}

fn cleanup() {
    restore_local_storage_getter();
    local().clear().expect("clear");
}

fn raw(key: &str) -> Option<String> {
    local().get_item(key).expect("getItem")
}

fn set_raw(key: &str, value: &str) {
    local().set_item(key, value).expect("setItem");
}

/// All keys in the storage area, sorted.
fn all_keys() -> Vec<String> {
    let storage = local();
    let mut keys: Vec<String> =
        (0..storage.length().unwrap()).filter_map(|i| storage.key(i).unwrap()).collect();
    keys.sort();
    keys
}

/// Keys Gaplens owns (under `gaplens/`), sorted.
fn gaplens_keys() -> Vec<String> {
    all_keys().into_iter().filter(|k| k.starts_with(PREFIX)).collect()
}

fn quarantine_keys() -> Vec<String> {
    all_keys().into_iter().filter(|k| k.starts_with(QUARANTINE_PREFIX)).collect()
}

fn id(text: &str) -> ProjectId {
    ProjectId::new(text).expect("valid id")
}

/// A small project built from the SERVQUAL template, without responses.
fn small_project(project_id: &str, name: &str) -> Project {
    Project::new(id(project_id), name, Scale::SEVEN, SERVQUAL.dimensions(), SERVQUAL.items())
        .expect("valid project")
}

/// The demo hotel cut down to its first `responses` responses, without measurements and
/// complaints, so it is small.
fn hotel_with(responses: usize) -> Project {
    let mut project = demo::hotel();
    project.responses.truncate(responses);
    project.measurements.clear();
    project.complaints.clear();
    project
}

fn index_ids(store: &Store) -> Vec<String> {
    let mut ids: Vec<String> = store
        .open_workspace()
        .expect("workspace opens")
        .projects
        .iter()
        .map(|p| p.id.as_str().to_owned())
        .collect();
    ids.sort();
    ids
}

/// Result of one `setItem`: `Err` carries the DOMException's name.
fn try_set(key: &str, value: &str) -> Result<(), String> {
    local().set_item(key, value).map_err(|error| {
        error
            .dyn_ref::<web_sys::DomException>()
            .map_or_else(|| format!("{error:?}"), web_sys::DomException::name)
    })
}

fn set_fine(length: usize) -> bool {
    try_set(JUNK_FINE, &"x".repeat(length)).is_ok()
}

/// Fills local storage with junk until not one more character fits. Returns the length of
/// the value stored under `junk/fine`, the knob later tests turn to free an exact amount.
///
/// `junk/fine` is created first with 1 MiB so that it can later give back up to that much;
/// then 1 MiB chunks are added until `setItem` throws `QuotaExceededError`; finally the
/// length of `junk/fine` is found by bisection so that one more character does not fit.
fn fill_to_the_brim() -> usize {
    assert!(set_fine(MIB), "1 MiB must fit into an almost empty storage");
    let chunk = "x".repeat(MIB);
    let mut chunks = 0;
    loop {
        match try_set(&format!("{JUNK_PREFIX}{chunks}"), &chunk) {
            Ok(()) => chunks += 1,
            Err(name) => {
                assert_eq!(name, "QuotaExceededError", "filling must stop at the quota");
                break;
            }
        }
        assert!(chunks < 200, "no quota reached after {chunks} MiB");
    }
    // `junk/fine` at `low` characters fits (it is stored now); at `high` it does not.
    let (mut low, mut high) = (MIB, 3 * MIB);
    assert!(!set_fine(high));
    while high - low > 1 {
        let middle = low + (high - low) / 2;
        if set_fine(middle) {
            low = middle;
        } else {
            high = middle;
        }
    }
    // Failed writes leave the last successful value in place.
    assert_eq!(raw(JUNK_FINE).map(|v| v.len()), Some(low));
    // Nothing else fits any more, not even a one-character key.
    assert_eq!(try_set("j", ""), Err("QuotaExceededError".to_owned()));
    console_log!("local storage full after {chunks} chunks of 1 MiB and {low} more characters");
    low
}

/// With storage filled to the brim (`junk/fine` at `full` characters), shrinks `junk/fine`
/// by the least amount for which `write` succeeds (`undo` is run after every successful
/// probe), leaving exactly that much room. Returns the number of characters freed.
fn make_room_exactly_for(full: usize, write: impl Fn() -> bool, undo: impl Fn()) -> usize {
    // `freed` characters: `low` is too few, `high` enough.
    let (mut low, mut high) = (0usize, full);
    assert!(set_fine(full - low));
    assert!(!write(), "the write must not fit into a full storage");
    assert!(set_fine(full - high));
    assert!(write(), "the write must fit once junk/fine is emptied");
    undo();
    while high - low > 1 {
        let middle = low + (high - low) / 2;
        assert!(set_fine(full - middle), "shrinking always fits");
        if write() {
            undo();
            high = middle;
        } else {
            low = middle;
        }
    }
    assert!(set_fine(full - high), "shrinking always fits");
    high
}

fn remove_junk() {
    for key in all_keys().into_iter().filter(|k| k.starts_with(JUNK_PREFIX)) {
        local().remove_item(&key).unwrap();
    }
}

// ---------------------------------------------------------------------------------------
// 1. Round trip
// ---------------------------------------------------------------------------------------

#[wasm_bindgen_test]
fn save_then_load_round_trips_and_counts_revisions() {
    let store = fresh();
    let hotel = demo::hotel();
    let small = small_project("small-one", "Small café");

    assert_eq!(store.save_project(&hotel, None), Ok(1));
    assert_eq!(store.save_project(&small, None), Ok(1));

    let loaded = store.load_project(&hotel.id).expect("hotel loads");
    assert_eq!(loaded.revision, 1);
    assert_eq!(loaded.project, hotel);
    let loaded_small = store.load_project(&small.id).expect("small loads");
    assert_eq!(loaded_small.project, small);

    // Change and save again: the revision increments.
    let mut renamed = loaded.project.clone();
    renamed.rename("Hotel Fjordgården, renamed").unwrap();
    assert_eq!(store.save_project(&renamed, Some(loaded.revision)), Ok(2));
    let reloaded = store.load_project(&hotel.id).expect("loads again");
    assert_eq!(reloaded.revision, 2);
    assert_eq!(reloaded.project, renamed);
    assert_eq!(store.save_project(&reloaded.project, Some(2)), Ok(3));

    // The index lists both with their counts and revisions.
    let workspace = store.open_workspace().expect("workspace");
    assert!(!workspace.first_visit);
    assert!(workspace.quarantined_now.is_empty());
    let hotel_entry = workspace.projects.iter().find(|p| p.id == hotel.id).expect("hotel listed");
    assert_eq!(hotel_entry.name, "Hotel Fjordgården, renamed");
    assert_eq!(hotel_entry.responses, hotel.responses.len());
    assert_eq!(hotel_entry.revision, 3);
    let small_entry = workspace.projects.iter().find(|p| p.id == small.id).expect("small listed");
    assert_eq!(small_entry.name, "Small café");
    assert_eq!((small_entry.responses, small_entry.revision), (0, 1));
    assert_eq!(workspace.projects.len(), 2);
    // Display order is the order of creation.
    assert_eq!(workspace.projects[0].id, hotel.id);

    // Everything lives under `gaplens/`: one index key plus one key per project.
    assert_eq!(
        all_keys(),
        vec![INDEX_KEY.to_owned(), "gaplens/project/demo-hotel".to_owned(), "gaplens/project/small-one".to_owned()]
    );
    assert_eq!(project_key(&hotel.id), "gaplens/project/demo-hotel");

    // Every stored document carries the schema version; the document keeps its revision.
    let index: serde_json::Value = serde_json::from_str(&raw(INDEX_KEY).unwrap()).unwrap();
    assert_eq!(index["schema"], 2);
    let document: serde_json::Value =
        serde_json::from_str(&raw("gaplens/project/demo-hotel").unwrap()).unwrap();
    assert_eq!(document["schema"], 2);
    assert_eq!(document["revision"], 3);
    assert_eq!(document["project"]["id"], "demo-hotel");

    // A fresh handle (as after a reload) sees the same.
    let reopened = Store::open().unwrap();
    assert_eq!(reopened.load_project(&hotel.id).unwrap().project, renamed);
    assert!(store.used_chars() > 10_000);

    cleanup();
}

// ---------------------------------------------------------------------------------------
// 2. Quota
// ---------------------------------------------------------------------------------------

#[wasm_bindgen_test]
fn quota_errors_leave_stored_data_untouched() {
    let store = fresh();
    let existing_small = hotel_with(3);
    let existing_big = demo::hotel(); // the same project, grown
    assert!(existing_big.responses.len() >= 100, "index entry must grow by 2+ characters");
    let mut newcomer = demo::hotel();
    newcomer.id = id("newcomer");
    newcomer.name = "Newcomer".to_owned();
    let existing_key = project_key(&existing_small.id);
    let newcomer_key = project_key(&newcomer.id);

    // Learn, with room to spare, exactly what the saves below write.
    assert_eq!(store.save_project(&existing_small, None), Ok(1));
    let small_document = raw(&existing_key).unwrap();
    let index_before = raw(INDEX_KEY).unwrap();
    assert_eq!(store.save_project(&existing_big, Some(1)), Ok(2));
    let big_document = raw(&existing_key).unwrap();
    assert!(big_document.len() > 2 * small_document.len(), "{} vs {}", big_document.len(), small_document.len());
    set_raw(&existing_key, &small_document);
    set_raw(INDEX_KEY, &index_before);
    assert_eq!(store.save_project(&newcomer, None), Ok(1));
    let newcomer_document = raw(&newcomer_key).unwrap();
    store.delete_project(&newcomer.id).unwrap();
    assert_eq!(raw(&newcomer_key), None);
    assert_eq!(raw(INDEX_KEY).unwrap(), index_before);
    let gaplens_before = vec![INDEX_KEY.to_owned(), existing_key.clone()];
    assert_eq!(gaplens_keys(), gaplens_before);

    // Fill the rest of the storage area.
    let full = fill_to_the_brim();

    // (a) A bigger version of an existing project does not fit.
    let error = store.save_project(&existing_big, Some(1)).unwrap_err();
    assert_eq!(error, StorageError::QuotaExceeded);
    assert!(error.to_string().contains("previous data is unchanged"), "{error}");
    assert!(error.to_string().contains("Delete a project or an old wave"), "{error}");
    assert_eq!(raw(&existing_key).as_deref(), Some(small_document.as_str()));
    assert_eq!(raw(INDEX_KEY).as_deref(), Some(index_before.as_str()));

    // (b) A new project does not fit: no half-written key, no index entry.
    assert_eq!(store.save_project(&newcomer, None), Err(StorageError::QuotaExceeded));
    assert_eq!(raw(&newcomer_key), None);
    assert_eq!(raw(INDEX_KEY).as_deref(), Some(index_before.as_str()));
    assert_eq!(gaplens_keys(), gaplens_before);

    // Still readable as before.
    let loaded = store.load_project(&existing_small.id).unwrap();
    assert_eq!((loaded.project, loaded.revision), (existing_small.clone(), 1));
    let workspace = store.open_workspace().unwrap();
    assert_eq!(workspace.projects.len(), 1);
    assert_eq!(workspace.projects[0].revision, 1);

    // (c) Update: the new document just fits, the index (2 characters longer) does not.
    //     The project key must be rolled back to the previous document.
    let freed = make_room_exactly_for(
        full,
        || try_set(&existing_key, &big_document).is_ok(),
        || set_raw(&existing_key, &small_document),
    );
    console_log!("update: room made for exactly the grown document ({freed} characters)");
    assert_eq!(raw(&existing_key).as_deref(), Some(small_document.as_str()));
    assert_eq!(store.save_project(&existing_big, Some(1)), Err(StorageError::QuotaExceeded));
    assert_eq!(raw(&existing_key).as_deref(), Some(small_document.as_str()));
    assert_eq!(raw(INDEX_KEY).as_deref(), Some(index_before.as_str()));
    assert_eq!(gaplens_keys(), gaplens_before);
    // Proof that it was the index write that failed: the document alone still fits.
    assert!(try_set(&existing_key, &big_document).is_ok());
    set_raw(&existing_key, &small_document);
    assert!(set_fine(full), "back to full");

    // (d) New project: its document just fits, the index entry does not. The new key must
    //     be removed again.
    let freed = make_room_exactly_for(
        full,
        || try_set(&newcomer_key, &newcomer_document).is_ok(),
        || local().remove_item(&newcomer_key).unwrap(),
    );
    console_log!("new project: room made for exactly its document ({freed} characters)");
    assert_eq!(raw(&newcomer_key), None);
    assert_eq!(store.save_project(&newcomer, None), Err(StorageError::QuotaExceeded));
    assert_eq!(raw(&newcomer_key), None, "the half-saved project must be rolled back");
    assert_eq!(raw(INDEX_KEY).as_deref(), Some(index_before.as_str()));
    assert_eq!(gaplens_keys(), gaplens_before);
    assert!(try_set(&newcomer_key, &newcomer_document).is_ok());
    local().remove_item(&newcomer_key).unwrap();

    // With the junk gone, the same saves succeed.
    remove_junk();
    assert!(all_keys().iter().all(|k| k.starts_with(PREFIX)));
    assert_eq!(store.save_project(&existing_big, Some(1)), Ok(2));
    assert_eq!(store.save_project(&newcomer, None), Ok(1));
    assert_eq!(index_ids(&store), vec!["demo-hotel".to_owned(), "newcomer".to_owned()]);

    cleanup();
}

// ---------------------------------------------------------------------------------------
// 3. Storage unavailable
// ---------------------------------------------------------------------------------------

#[wasm_bindgen_test]
fn unavailable_storage_is_an_error_not_a_panic() {
    fresh();
    // Where the real getter lives decides how it is restored (see restore_local_storage_getter).
    let own = run_js("return Object.prototype.hasOwnProperty.call(window, 'localStorage');");
    let on_prototype = run_js("return Object.getOwnPropertyDescriptor(Window.prototype, 'localStorage') !== undefined;");
    console_log!("localStorage own property of window: {own:?}; on Window.prototype: {on_prototype:?}");

    // The getter throws, as in some private modes or with site data blocked.
    override_local_storage_getter("throw new DOMException('denied', 'SecurityError');");
    assert!(web_sys::window().unwrap().local_storage().is_err(), "override must be in effect");
    let error = Store::open().err().expect("open must fail");
    match &error {
        StorageError::Unavailable(detail) => assert!(detail.contains("denied"), "{detail}"),
        other => panic!("expected Unavailable, got {other:?}"),
    }
    let text = error.to_string();
    assert!(text.contains("does not let Gaplens keep data"), "{text}");
    assert!(text.contains("private browsing"), "{text}");
    assert!(text.contains("allow site data"), "{text}");
    assert!(text.contains("reload"), "{text}");

    // The getter returns null (storage switched off).
    override_local_storage_getter("return null;");
    match Store::open().err().expect("open must fail") {
        StorageError::Unavailable(detail) => assert!(detail.contains("switched off"), "{detail}"),
        other => panic!("expected Unavailable, got {other:?}"),
    }

    // Put the real getter back; storage works again.
    restore_local_storage_getter();
    let store = Store::open().expect("storage opens again");
    assert_eq!(store.save_project(&small_project("after", "After"), None), Ok(1));
    assert!(raw("gaplens/project/after").is_some());
    assert_eq!(index_ids(&store), vec!["after".to_owned()]);

    cleanup();
}

// ---------------------------------------------------------------------------------------
// 4. Corrupt document
// ---------------------------------------------------------------------------------------

#[wasm_bindgen_test]
fn corrupt_document_is_quarantined_verbatim_and_never_overwritten() {
    let store = fresh();
    let key = "gaplens/project/x";
    set_raw(key, "{not json");

    // Listed (so the user sees it) even though it cannot be read.
    assert_eq!(index_ids(&store), vec!["x".to_owned()]);

    let error = store.load_project(&id("x")).unwrap_err();
    let text = error.to_string();
    assert!(matches!(error, StorageError::WriteFailed(_)), "{error:?}");
    assert!(text.contains("could not be read"), "{text}");
    assert!(text.contains("damaged"), "{text}");
    assert!(text.contains("set aside unchanged"), "{text}");

    assert_eq!(raw(key), None, "the original key is gone");
    let first_keys = quarantine_keys();
    assert_eq!(first_keys.len(), 1);
    let quarantined = store.quarantined();
    assert_eq!(quarantined.len(), 1);
    assert_eq!(quarantined[0].key, first_keys[0]);
    assert_eq!(quarantined[0].original_key, key);
    assert_eq!(quarantined[0].raw, "{not json");
    assert!(quarantined[0].reason.contains("damaged"), "{}", quarantined[0].reason);
    let first_raw = raw(&first_keys[0]).unwrap();

    // No longer listed, and loading it again says so.
    assert!(index_ids(&store).is_empty());
    assert_eq!(store.load_project(&id("x")), Err(StorageError::NotFound("x".to_owned())));

    // A second corrupt document under the same key gets its own quarantine key.
    let second_text = "{\"schema\": 1, \"revision\": \"two\"}";
    set_raw(key, second_text);
    assert!(store.load_project(&id("x")).is_err());
    assert_eq!(raw(key), None);
    let keys = quarantine_keys();
    assert_eq!(keys.len(), 2);
    assert!(keys.contains(&first_keys[0]));
    assert_eq!(raw(&first_keys[0]).unwrap(), first_raw, "first quarantine never overwritten");
    let mut raws: Vec<String> = store.quarantined().into_iter().map(|q| q.raw).collect();
    raws.sort();
    let mut expected = vec!["{not json".to_owned(), second_text.to_owned()];
    expected.sort();
    assert_eq!(raws, expected);

    // Even after the first one is deleted, a new one never lands on the remaining one.
    store.delete_quarantined(&first_keys[0]).unwrap();
    let remaining = quarantine_keys();
    let remaining_raw = raw(&remaining[0]).unwrap();
    set_raw(key, "third");
    assert!(store.load_project(&id("x")).is_err());
    assert_eq!(quarantine_keys().len(), 2);
    assert_eq!(raw(&remaining[0]).unwrap(), remaining_raw);
    // Only quarantine keys can be deleted through delete_quarantined.
    assert!(store.delete_quarantined(INDEX_KEY).is_err());

    cleanup();
}

// ---------------------------------------------------------------------------------------
// 5. Newer schema
// ---------------------------------------------------------------------------------------

#[wasm_bindgen_test]
fn document_from_a_newer_version_is_quarantined() {
    let store = fresh();
    let project = small_project("future", "From the future");
    let document = serde_json::json!({ "schema": 99, "revision": 4, "project": project }).to_string();
    let key = project_key(&project.id);
    set_raw(&key, &document);

    // Saving over it is refused: it is never overwritten.
    assert!(matches!(store.save_project(&project, None), Err(StorageError::WriteFailed(_))));
    assert!(matches!(store.save_project(&project, Some(4)), Err(StorageError::WriteFailed(_))));
    assert_eq!(raw(&key).as_deref(), Some(document.as_str()));

    let error = store.load_project(&project.id).unwrap_err();
    assert!(error.to_string().contains("newer version"), "{error}");
    assert_eq!(raw(&key), None);
    let quarantined = store.quarantined();
    assert_eq!(quarantined.len(), 1);
    assert_eq!(quarantined[0].original_key, key);
    assert_eq!(quarantined[0].raw, document);
    assert!(quarantined[0].reason.contains("newer version"), "{}", quarantined[0].reason);
    assert!(quarantined[0].reason.contains("99"), "{}", quarantined[0].reason);

    cleanup();
}

// ---------------------------------------------------------------------------------------
// 6. Corrupt index
// ---------------------------------------------------------------------------------------

#[wasm_bindgen_test]
fn corrupt_index_is_quarantined_and_rebuilt_from_documents() {
    let store = fresh();
    let first = small_project("first", "First");
    let second = hotel_with(5);
    assert_eq!(store.save_project(&first, None), Ok(1));
    assert_eq!(store.save_project(&second, None), Ok(1));
    assert_eq!(store.save_project(&second, Some(1)), Ok(2));
    let first_document = raw(&project_key(&first.id)).unwrap();
    let second_document = raw(&project_key(&second.id)).unwrap();
    set_raw(INDEX_KEY, "garbage");

    let workspace = store.open_workspace().expect("opens despite the damaged index");
    assert!(!workspace.first_visit);
    assert_eq!(workspace.quarantined_now.len(), 1, "{:?}", workspace.quarantined_now);
    assert!(workspace.quarantined_now[0].contains("project list"), "{:?}", workspace.quarantined_now);
    let mut listed: Vec<_> =
        workspace.projects.iter().map(|p| (p.id.as_str().to_owned(), p.name.clone(), p.responses, p.revision)).collect();
    listed.sort();
    assert_eq!(
        listed,
        vec![("demo-hotel".to_owned(), second.name.clone(), 5, 2), ("first".to_owned(), "First".to_owned(), 0, 1)]
    );

    let quarantined = store.quarantined();
    assert_eq!(quarantined.len(), 1);
    assert_eq!(quarantined[0].original_key, INDEX_KEY);
    assert_eq!(quarantined[0].raw, "garbage");
    assert_eq!(raw(INDEX_KEY), None);
    // The documents themselves are untouched and still load.
    assert_eq!(raw(&project_key(&first.id)).unwrap(), first_document);
    assert_eq!(raw(&project_key(&second.id)).unwrap(), second_document);
    assert_eq!(store.load_project(&second.id).unwrap().revision, 2);

    // Opening again finds nothing new to quarantine and lists the same projects.
    let again = store.open_workspace().unwrap();
    assert!(again.quarantined_now.is_empty());
    assert_eq!(index_ids(&store), vec!["demo-hotel".to_owned(), "first".to_owned()]);
    // The next save writes a fresh index; nothing disappears from the list.
    assert_eq!(store.save_project(&first, Some(1)), Ok(2));
    assert_eq!(index_ids(&store), vec!["demo-hotel".to_owned(), "first".to_owned()]);

    // An index written by a newer version is set aside too, not overwritten.
    let newer_index = "{\"schema\":7,\"projects\":[],\"folders\":[]}";
    set_raw(INDEX_KEY, newer_index);
    let workspace = store.open_workspace().unwrap();
    assert!(workspace.quarantined_now[0].contains("newer version"), "{:?}", workspace.quarantined_now);
    assert_eq!(index_ids(&store), vec!["demo-hotel".to_owned(), "first".to_owned()]);
    assert!(store.quarantined().iter().any(|q| q.raw == newer_index && q.original_key == INDEX_KEY));

    cleanup();
}

// ---------------------------------------------------------------------------------------
// 7. Concurrent edits
// ---------------------------------------------------------------------------------------

#[wasm_bindgen_test]
fn stale_save_from_another_tab_is_a_conflict() {
    let store = fresh();
    let project = hotel_with(4);
    assert_eq!(store.save_project(&project, None), Ok(1));

    // Both tabs open the project at revision 1.
    let this_tab = store.load_project(&project.id).unwrap();
    let other_store = Store::open().unwrap();
    let other_tab = other_store.load_project(&project.id).unwrap();
    assert_eq!((this_tab.revision, other_tab.revision), (1, 1));

    // The other tab saves first.
    let mut theirs = other_tab.project.clone();
    theirs.rename("Renamed in the other tab").unwrap();
    assert_eq!(other_store.save_project(&theirs, Some(other_tab.revision)), Ok(2));
    let their_document = raw(&project_key(&project.id)).unwrap();
    let their_index = raw(INDEX_KEY).unwrap();

    // This tab's stale copy is refused.
    let mut mine = this_tab.project.clone();
    mine.rename("Renamed here").unwrap();
    mine.responses.truncate(1);
    let error = store.save_project(&mine, Some(this_tab.revision)).unwrap_err();
    assert_eq!(error, StorageError::Conflict { project: "Renamed here".to_owned() });
    assert!(error.to_string().contains("another tab"), "{error}");
    assert_eq!(raw(&project_key(&project.id)).unwrap(), their_document);
    assert_eq!(raw(INDEX_KEY).unwrap(), their_index);
    let stored = store.load_project(&project.id).unwrap();
    assert_eq!((stored.project, stored.revision), (theirs.clone(), 2));

    // Saving it as if it were new is refused too.
    assert!(matches!(store.save_project(&mine, None), Err(StorageError::Conflict { .. })));
    // Deleted in the other tab, then saved here with the old revision: refused, not resurrected.
    other_store.delete_project(&project.id).unwrap();
    assert!(matches!(store.save_project(&mine, Some(2)), Err(StorageError::Conflict { .. })));
    assert_eq!(raw(&project_key(&project.id)), None);

    cleanup();
}

// ---------------------------------------------------------------------------------------
// 8. Delete
// ---------------------------------------------------------------------------------------

#[wasm_bindgen_test]
fn delete_removes_the_document_and_the_index_entry() {
    let store = fresh();
    let keep = small_project("keep", "Keep");
    let drop = small_project("drop", "Drop");
    assert_eq!(store.save_project(&keep, None), Ok(1));
    assert_eq!(store.save_project(&drop, None), Ok(1));
    assert_eq!(index_ids(&store), vec!["drop".to_owned(), "keep".to_owned()]);

    store.delete_project(&drop.id).unwrap();
    assert_eq!(raw(&project_key(&drop.id)), None);
    assert!(raw(&project_key(&keep.id)).is_some());
    let index: serde_json::Value = serde_json::from_str(&raw(INDEX_KEY).unwrap()).unwrap();
    let ids: Vec<&str> = index["projects"].as_array().unwrap().iter().map(|p| p["id"].as_str().unwrap()).collect();
    assert_eq!(ids, vec!["keep"]);
    assert_eq!(index_ids(&store), vec!["keep".to_owned()]);
    assert_eq!(store.load_project(&drop.id), Err(StorageError::NotFound("drop".to_owned())));
    assert_eq!(gaplens_keys(), vec![INDEX_KEY.to_owned(), "gaplens/project/keep".to_owned()]);

    // Deleting the last one leaves an empty list, which is not a first visit.
    store.delete_project(&keep.id).unwrap();
    let workspace = store.open_workspace().unwrap();
    assert!(workspace.projects.is_empty());
    assert!(!workspace.first_visit);
    assert_eq!(gaplens_keys(), vec![INDEX_KEY.to_owned()]);

    cleanup();
}

// ---------------------------------------------------------------------------------------
// 9. First visit
// ---------------------------------------------------------------------------------------

#[wasm_bindgen_test]
fn empty_storage_is_a_first_visit() {
    let store = fresh();
    // Other sites' keys on the same origin do not count.
    set_raw("someone-else", "value");
    let workspace = store.open_workspace().unwrap();
    assert!(workspace.first_visit);
    assert!(workspace.projects.is_empty());
    assert!(workspace.quarantined_now.is_empty());
    // Opening writes nothing.
    assert!(gaplens_keys().is_empty());

    assert_eq!(store.save_project(&demo::hotel(), None), Ok(1));
    assert!(!store.open_workspace().unwrap().first_visit);

    // A project document without an index (the index write was lost) is not a first visit,
    // and the project is listed.
    local().remove_item(INDEX_KEY).unwrap();
    let workspace = store.open_workspace().unwrap();
    assert!(!workspace.first_visit);
    assert_eq!(workspace.projects.len(), 1);
    assert_eq!(workspace.projects[0].id.as_str(), demo::DEMO_ID);

    cleanup();
    assert!(fresh().open_workspace().unwrap().first_visit);
    cleanup();
}

// ---------------------------------------------------------------------------------------
// Unreadable index meets writes and a full storage
// ---------------------------------------------------------------------------------------

#[wasm_bindgen_test]
fn unreadable_index_is_set_aside_before_any_write_replaces_it() {
    let store = fresh();
    let first = small_project("first", "First");
    let second = small_project("second", "Second");
    assert_eq!(store.save_project(&first, None), Ok(1));
    assert_eq!(store.save_project(&second, None), Ok(1));

    // Another tab running a newer Gaplens rewrote the index after this tab opened it.
    let newer_index = "{\"schema\":7,\"projects\":[],\"folders\":[\"kept\"]}";
    set_raw(INDEX_KEY, newer_index);
    assert_eq!(store.save_project(&first, Some(1)), Ok(2));
    assert!(
        store.quarantined().iter().any(|q| q.original_key == INDEX_KEY && q.raw == newer_index),
        "the newer index must be kept verbatim, not overwritten"
    );
    assert_eq!(index_ids(&store), vec!["first".to_owned(), "second".to_owned()]);

    // The same for delete and for loading a damaged project.
    set_raw(INDEX_KEY, "garbage one");
    store.delete_project(&second.id).unwrap();
    assert_eq!(raw(&project_key(&second.id)), None);
    assert!(store.quarantined().iter().any(|q| q.raw == "garbage one"));
    set_raw(INDEX_KEY, "garbage two");
    set_raw("gaplens/project/broken", "{");
    assert!(store.load_project(&id("broken")).is_err());
    assert!(store.quarantined().iter().any(|q| q.raw == "garbage two"));
    assert!(store.quarantined().iter().any(|q| q.raw == "{"));
    assert_eq!(index_ids(&store), vec!["first".to_owned()]);

    cleanup();
}

#[wasm_bindgen_test]
fn damaged_index_in_a_full_storage_still_lists_the_projects() {
    let store = fresh();
    let project = hotel_with(3);
    assert_eq!(store.save_project(&project, None), Ok(1));
    let document = raw(&project_key(&project.id)).unwrap();
    set_raw(INDEX_KEY, "garbage");
    fill_to_the_brim();

    // No room to set the index aside: it stays where it is, and the list comes from the
    // documents, so the user can still open or delete projects to make room.
    let workspace = store.open_workspace().expect("opens although the index cannot be moved");
    assert_eq!(workspace.projects.len(), 1);
    assert_eq!(workspace.projects[0].id, project.id);
    assert_eq!(workspace.quarantined_now.len(), 1, "{:?}", workspace.quarantined_now);
    assert_eq!(raw(INDEX_KEY).as_deref(), Some("garbage"));
    assert!(store.quarantined().is_empty());
    assert_eq!(store.load_project(&project.id).unwrap().revision, 1);

    // A save cannot set the index aside either, so it fails without touching anything.
    let mut bigger = project.clone();
    bigger.rename("Bigger").unwrap();
    assert_eq!(store.save_project(&bigger, Some(1)), Err(StorageError::QuotaExceeded));
    assert_eq!(raw(INDEX_KEY).as_deref(), Some("garbage"));
    assert_eq!(raw(&project_key(&project.id)).as_deref(), Some(document.as_str()));

    // With room again, the index is quarantined and the save goes through.
    remove_junk();
    let workspace = store.open_workspace().unwrap();
    assert_eq!(workspace.projects.len(), 1);
    assert!(store.quarantined().iter().any(|q| q.raw == "garbage"));
    assert_eq!(store.save_project(&bigger, Some(1)), Ok(2));

    cleanup();
}

// ---------------------------------------------------------------------------------------
// Schema 1 → 2: migration on read, written back as 2 on the next save
// ---------------------------------------------------------------------------------------

/// A project document exactly as the schema-1 build wrote it (tests/fixtures/storage/README.md).
const SCHEMA_1_PROJECT: &str = include_str!("fixtures/storage/schema1-project.json");
/// The index that build wrote beside it.
const SCHEMA_1_INDEX: &str = include_str!("fixtures/storage/schema1-index.json");

#[wasm_bindgen_test]
fn a_schema_1_document_loads_and_is_written_back_as_schema_2() {
    let store = fresh();
    let key = "gaplens/project/schema1-hotel";
    set_raw(INDEX_KEY, SCHEMA_1_INDEX);
    set_raw(key, SCHEMA_1_PROJECT);
    // What schema 1 means: the model's serde form under "project".
    let old: serde_json::Value = serde_json::from_str(SCHEMA_1_PROJECT).unwrap();
    assert_eq!(old["schema"], 1);
    let expected: Project = serde_json::from_value(old["project"].clone()).expect("the fixture is a schema-1 project");
    assert_eq!(expected.responses.len(), 42);

    // The workspace opens without quarantining anything and lists it from the old index.
    let workspace = store.open_workspace().unwrap();
    assert!(workspace.quarantined_now.is_empty(), "{:?}", workspace.quarantined_now);
    assert!(!workspace.first_visit);
    assert_eq!(workspace.projects.len(), 1);
    assert_eq!(workspace.projects[0].name, expected.name);
    assert_eq!((workspace.projects[0].responses, workspace.projects[0].revision), (42, 7));

    // Reading migrates in memory and leaves the stored text alone.
    let loaded = store.load_project(&id("schema1-hotel")).expect("a schema-1 document loads");
    assert_eq!(loaded.revision, 7);
    assert_eq!(loaded.project, expected);
    assert_eq!(raw(key).as_deref(), Some(SCHEMA_1_PROJECT));
    assert!(store.quarantined().is_empty());

    // The next save writes schema 2, at the next revision, much smaller, and reads back equal.
    assert_eq!(store.save_project(&loaded.project, Some(7)), Ok(8));
    let written = raw(key).unwrap();
    let document: serde_json::Value = serde_json::from_str(&written).unwrap();
    assert_eq!(document["schema"], 2);
    assert_eq!(document["revision"], 8);
    assert_eq!(document["responses"]["rows"].as_array().map(Vec::len), Some(42));
    let index: serde_json::Value = serde_json::from_str(&raw(INDEX_KEY).unwrap()).unwrap();
    assert_eq!(index["schema"], 2);
    console_log!("schema 1: {} characters; schema 2: {} characters", SCHEMA_1_PROJECT.len(), written.len());
    assert!(written.len() * 2 < SCHEMA_1_PROJECT.len());
    let reloaded = Store::open().unwrap().load_project(&id("schema1-hotel")).unwrap();
    assert_eq!((reloaded.project, reloaded.revision), (expected, 8));

    cleanup();
}

// ---------------------------------------------------------------------------------------
// Capacity: 20,000 SERVQUAL respondents in the real quota
// ---------------------------------------------------------------------------------------

/// `count` SERVQUAL respondents: E and P for all 22 items, three segments, NPS, CSAT and CES,
/// over three waves, as a survey would give them (deterministic, no two rows alike).
fn servqual_respondents(project: &Project, count: usize) -> Vec<Response> {
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move |n: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % n
    };
    (0..count)
        .map(|i| {
            let mut response = Response {
                id: Some(RespondentId::new(&format!("R{i:06}")).unwrap()),
                wave: Some(["2025 Q4", "2026 Q1", "2026 Q2"][i % 3].to_owned()),
                nps: Some(next(11) as u8),
                csat: Some(1 + next(5) as u8),
                ces: Some(1 + next(7) as u8),
                ..Response::default()
            };
            for item in &project.items {
                let expectation = (1 + next(7)) as f64;
                let perception = (1 + next(7)) as f64;
                response.answers.insert(item.code.clone(), Answer { expectation: Some(expectation), perception: Some(perception) });
            }
            response.segments.insert("channel".into(), ["web", "phone", "shop", "email"][next(4) as usize].into());
            response.segments.insert("customer".into(), ["private", "business"][next(2) as usize].into());
            response.segments.insert("region".into(), ["north", "middle", "south"][next(3) as usize].into());
            response
        })
        .collect()
}

#[wasm_bindgen_test]
fn twenty_thousand_servqual_respondents_fit_and_read_back() {
    const RESPONDENTS: usize = 20_000;
    const LIMIT: f64 = 250.0;
    let store = fresh();
    let mut project = small_project("capacity", "Capacity");
    let empty = {
        assert_eq!(store.save_project(&project, None), Ok(1));
        raw(&project_key(&project.id)).unwrap().len()
    };
    project.responses = servqual_respondents(&project, RESPONDENTS);
    assert_eq!(project.items.len(), 22);

    let started = js_sys::Date::now();
    assert_eq!(store.save_project(&project, Some(1)), Ok(2), "20,000 respondents must fit into the real quota");
    let saved_ms = js_sys::Date::now() - started;
    let document = raw(&project_key(&project.id)).unwrap();
    // Characters as the quota counts them (UTF-16 code units); this document is ASCII.
    let characters = document.encode_utf16().count();
    let per_respondent = (characters - empty) as f64 / RESPONDENTS as f64;

    let started = js_sys::Date::now();
    let loaded = Store::open().unwrap().load_project(&project.id).expect("reads back");
    let loaded_ms = js_sys::Date::now() - started;
    assert_eq!(loaded.revision, 2);
    assert!(loaded.project == project, "20,000 respondents read back exactly");
    console_log!(
        "capacity: {RESPONDENTS} respondents in {characters} characters ({:.1} MiB of UTF-16), {per_respondent:.1} characters per respondent (limit {LIMIT}); saved in {saved_ms:.0} ms, read back in {loaded_ms:.0} ms; Gaplens keys hold {} characters",
        characters as f64 * 2.0 / MIB as f64,
        store.used_chars()
    );
    assert!(per_respondent <= LIMIT, "{per_respondent:.1} characters per respondent, limit {LIMIT}");
    // 5 MiB of characters holds them with room for the index and other projects.
    assert!(store.used_chars() < 5 * MIB);

    cleanup();
}
