//! Kiosk mode (Collect): a device hands the questionnaire to one customer after another, and
//! every answer is stored as a customer response of one wave, segment `collected=kiosk`.
//!
//! This module is the pure part: the [`KioskSession`] the consultant starts (which project,
//! which wave, which optional questions, a PIN to leave), the PIN check with its lockout after
//! repeated wrong guesses, and [`Project::add_kiosk_response`], which turns one respondent's
//! taps ([`KioskAnswers`]) into a response through the same validation as a response typed on
//! the Data page (`Project::add_response`). The browser part (storing the session, the lock on
//! navigation, the screens) lives in `ui::pages::collect`.

use super::responses::{ResponseEntry, ResponseError, COMMENT_MAX, WAVE_MAX};
use super::{ItemCode, Project, ProjectId, Source};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// The segment field every kiosk response carries …
pub const SEGMENT_NAME: &str = "collected";
/// … and its value: `collected=kiosk`.
pub const SEGMENT_VALUE: &str = "kiosk";
/// The fewest digits a PIN may have.
pub const PIN_MIN: usize = 4;
/// The most digits a PIN may have.
pub const PIN_MAX: usize = 12;
/// Wrong PINs in a row before the exit is locked for [`LOCKOUT_MS`].
pub const ATTEMPTS_BEFORE_LOCKOUT: u32 = 5;
/// How long the exit stays locked after too many wrong PINs, in milliseconds.
pub const LOCKOUT_MS: f64 = 30_000.0;
/// The version of the stored session; a session of another version is not resumed.
pub const SESSION_VERSION: u32 = 1;
/// Rounds of the PIN hash (see [`PinHash`]).
const HASH_ROUNDS: u32 = 4_096;

/// Why a kiosk session could not start, or an answer was not stored.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum KioskError {
    /// No wave was chosen or named.
    NoWave,
    /// The new wave's name is too long.
    WaveTooLong { max: usize, length: usize },
    /// The project has no items to ask about.
    NoItems,
    /// The PIN is shorter than [`PIN_MIN`] or longer than [`PIN_MAX`] digits, or holds other
    /// characters than digits.
    PinFormat,
    /// The PIN and its repetition differ.
    PinsDiffer,
    /// The session belongs to another project.
    WrongProject { session: String, project: String },
    /// The respondent answered nothing.
    NothingAnswered,
    /// The response did not pass the model's validation (a bug, or a project changed
    /// underneath the kiosk, e.g. its scale).
    Invalid(Vec<ResponseError>),
}

impl fmt::Display for KioskError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KioskError::NoWave => f.write_str(t!("Choose the wave the answers belong to, or name a new one.")),
            KioskError::WaveTooLong { max, length } => f.write_str(&t!(
                "The wave name is {length} characters long; at most {max} are allowed.",
                length = length,
                max = max
            )),
            KioskError::NoItems => f.write_str(t!("This project has no items to ask about yet. Add items first.")),
            KioskError::PinFormat => f.write_str(&t!(
                "The PIN must be {min} to {max} digits.",
                min = PIN_MIN,
                max = PIN_MAX
            )),
            KioskError::PinsDiffer => f.write_str(t!("The two PINs differ. Type the same PIN twice.")),
            KioskError::WrongProject { session, project } => f.write_str(&t!(
                "This kiosk collects answers for the project {session}, not {project}.",
                session = session,
                project = project
            )),
            KioskError::NothingAnswered => f.write_str(t!("Please answer at least one question before you send.")),
            KioskError::Invalid(problems) => {
                let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
                f.write_str(&t!("The answers could not be stored: {problems}", problems = text.join(" ")))
            }
        }
    }
}

impl std::error::Error for KioskError {}

/// The optional questions asked after the items.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct OptionalQuestions {
    /// Net Promoter question, 0–10.
    #[serde(default)]
    pub nps: bool,
    /// Overall satisfaction, 1–5.
    #[serde(default)]
    pub csat: bool,
    /// Customer effort, 1–7.
    #[serde(default)]
    pub ces: bool,
    /// A free-text comment.
    #[serde(default)]
    pub comment: bool,
}

/// A PIN kept as a salted hash, so that it cannot be read from storage in plain text.
///
/// The hash is FNV-1a (64 bit) over the salt and the PIN, repeated [`HASH_ROUNDS`] times. It
/// is **not** a cryptographic hash, and it does not need to be: the PIN is a local lock that
/// keeps a customer at the kiosk from leaving the questionnaire; anyone who can open the
/// browser's developer tools can remove the stored session anyway. Four to twelve digits
/// could be guessed from any hash offline; the protection against guessing at the kiosk is
/// the lockout after [`ATTEMPTS_BEFORE_LOCKOUT`] wrong PINs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PinHash {
    /// Random per session (from the browser), so equal PINs do not give equal hashes.
    salt: u64,
    hash: u64,
}

/// FNV-1a, 64 bit, of `bytes` continuing from `state`.
fn fnv1a(mut state: u64, bytes: &[u8]) -> u64 {
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    for byte in bytes {
        state ^= u64::from(*byte);
        state = state.wrapping_mul(PRIME);
    }
    state
}

impl PinHash {
    /// The hash of `pin` with `salt`.
    pub fn new(pin: &str, salt: u64) -> PinHash {
        PinHash { salt, hash: PinHash::digest(pin, salt) }
    }

    fn digest(pin: &str, salt: u64) -> u64 {
        const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
        let mut state = fnv1a(fnv1a(OFFSET, &salt.to_le_bytes()), pin.as_bytes());
        for _ in 1..HASH_ROUNDS {
            state = fnv1a(fnv1a(OFFSET, &state.to_le_bytes()), pin.as_bytes());
        }
        state
    }

    /// Whether `pin` is the PIN this hash was made from.
    pub fn matches(&self, pin: &str) -> bool {
        PinHash::digest(pin.trim(), self.salt) == self.hash
    }

    /// Four letters or digits derived from the salt: tells apart respondent ids made on
    /// different devices at the same millisecond.
    fn tag(&self) -> String {
        base36(self.salt % 36u64.pow(4), 4)
    }
}

/// `value` in base 36 (digits, then lower-case letters), padded with zeros to `width`.
fn base36(mut value: u64, width: usize) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    while value > 0 {
        out.push(DIGITS[(value % 36) as usize]);
        value /= 36;
    }
    while out.len() < width {
        out.push(b'0');
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// What the consultant chose on the Collect page, as typed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct KioskSetup {
    /// The wave: an existing one or a new name.
    pub wave: String,
    /// The optional questions to ask.
    pub questions: OptionalQuestions,
    /// The PIN that unlocks the kiosk.
    pub pin: String,
    /// The PIN typed again.
    pub pin_repeat: String,
}

/// The outcome of a PIN typed to leave the kiosk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PinCheck {
    /// The PIN is right: the kiosk may be left.
    Accepted,
    /// The PIN is wrong; after `attempts_left` more wrong ones the exit locks.
    Refused { attempts_left: u32 },
    /// Too many wrong PINs: no PIN is checked for `seconds` more seconds.
    Locked { seconds: u64 },
}

/// A running kiosk: what is collected where, and the lock. Stored in this browser while it
/// runs (`gaplens/pref/kiosk`), so a reload or a restarted device resumes the kiosk.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KioskSession {
    /// [`SESSION_VERSION`].
    pub version: u32,
    /// The project the answers go to.
    pub project: ProjectId,
    /// The wave the answers go to (created with the first answer when new).
    pub wave: String,
    /// The optional questions asked.
    pub questions: OptionalQuestions,
    /// Answers stored since the kiosk started.
    #[serde(default)]
    pub collected: u32,
    pin: PinHash,
    /// Wrong PINs in a row.
    #[serde(default)]
    failed_attempts: u32,
    /// Until when (ms since 1970) no PIN is checked, after too many wrong ones.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    locked_until: Option<f64>,
}

impl KioskSession {
    /// Starts a kiosk for `project` with the consultant's choices; `salt` is a random number.
    ///
    /// # Errors
    /// Every problem, in form order: no wave, a too long wave name, a PIN that is not 4–12
    /// digits, two different PINs, a project without items.
    pub fn start(project: &Project, setup: &KioskSetup, salt: u64) -> Result<KioskSession, Vec<KioskError>> {
        let mut problems = Vec::new();
        let wave = setup.wave.trim();
        let length = wave.chars().count();
        if wave.is_empty() {
            problems.push(KioskError::NoWave);
        } else if length > WAVE_MAX {
            problems.push(KioskError::WaveTooLong { max: WAVE_MAX, length });
        }
        let pin = setup.pin.trim();
        let digits = pin.chars().count();
        if !(PIN_MIN..=PIN_MAX).contains(&digits) || !pin.chars().all(|c| c.is_ascii_digit()) {
            problems.push(KioskError::PinFormat);
        } else if pin != setup.pin_repeat.trim() {
            problems.push(KioskError::PinsDiffer);
        }
        if project.items.is_empty() {
            problems.push(KioskError::NoItems);
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(KioskSession {
            version: SESSION_VERSION,
            project: project.id.clone(),
            wave: wave.to_owned(),
            questions: setup.questions,
            collected: 0,
            pin: PinHash::new(pin, salt),
            failed_attempts: 0,
            locked_until: None,
        })
    }

    /// The stored form.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// A stored session, or `None` when `text` is not one this version can resume.
    pub fn from_json(text: &str) -> Option<KioskSession> {
        serde_json::from_str::<KioskSession>(text).ok().filter(|s| s.version == SESSION_VERSION)
    }

    /// Checks a PIN typed to leave the kiosk at time `now_ms` (ms since 1970). After
    /// [`ATTEMPTS_BEFORE_LOCKOUT`] wrong PINs in a row no PIN is checked for [`LOCKOUT_MS`];
    /// a right PIN resets the count.
    pub fn check_pin(&mut self, pin: &str, now_ms: f64) -> PinCheck {
        if let Some(until) = self.locked_until {
            if now_ms < until {
                return PinCheck::Locked { seconds: ((until - now_ms) / 1000.0).ceil() as u64 };
            }
            self.locked_until = None;
        }
        if self.pin.matches(pin) {
            self.failed_attempts = 0;
            return PinCheck::Accepted;
        }
        self.failed_attempts += 1;
        if self.failed_attempts >= ATTEMPTS_BEFORE_LOCKOUT {
            self.failed_attempts = 0;
            self.locked_until = Some(now_ms + LOCKOUT_MS);
            return PinCheck::Locked { seconds: (LOCKOUT_MS / 1000.0) as u64 };
        }
        PinCheck::Refused { attempts_left: ATTEMPTS_BEFORE_LOCKOUT - self.failed_attempts }
    }

    /// A respondent id no response of `project` has: `K-<wave>-<time>-<device>`, where time is
    /// `now_ms` in base 36 and device four characters of this session's salt, so answers
    /// collected on several devices can be merged without two ids colliding.
    pub fn respondent_id(&self, project: &Project, now_ms: f64) -> String {
        let stamp = base36(now_ms.max(0.0) as u64, 1);
        let base = format!("K-{}-{stamp}-{}", self.wave, self.pin.tag());
        let taken = |id: &str| project.responses.iter().any(|r| r.id_str() == id);
        if !taken(&base) {
            return base;
        }
        (2..).map(|n| format!("{base}-{n}")).find(|id| !taken(id)).unwrap_or(base)
    }
}

/// One respondent's answers as tapped on the kiosk; nothing is stored until sent.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct KioskAnswers {
    /// Per item: expectation E and perception P, each `None` until tapped.
    pub ratings: BTreeMap<ItemCode, (Option<u8>, Option<u8>)>,
    /// NPS answer 0–10.
    pub nps: Option<u8>,
    /// CSAT answer 1–5.
    pub csat: Option<u8>,
    /// CES answer 1–7.
    pub ces: Option<u8>,
    /// Free text.
    pub comment: String,
}

impl KioskAnswers {
    /// Sets the expectation for `code`.
    pub fn set_expectation(&mut self, code: &ItemCode, value: u8) {
        self.ratings.entry(code.clone()).or_default().0 = Some(value);
    }

    /// Sets the perception for `code`.
    pub fn set_perception(&mut self, code: &ItemCode, value: u8) {
        self.ratings.entry(code.clone()).or_default().1 = Some(value);
    }

    /// Whether nothing is answered that `session` asks for (a comment counts only when the
    /// session asks for one, and only when it is not blank).
    pub fn is_empty(&self, session: &KioskSession) -> bool {
        let asked = session.questions;
        self.ratings.values().all(|(e, p)| e.is_none() && p.is_none())
            && !(asked.nps && self.nps.is_some())
            && !(asked.csat && self.csat.is_some())
            && !(asked.ces && self.ces.is_some())
            && !(asked.comment && !self.comment.trim().is_empty())
    }
}

/// A number as the response form types it; `None` is blank.
fn typed(value: Option<u8>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

impl Project {
    /// Stores one kiosk respondent's answers as a customer response of the session's wave,
    /// with the segment `collected=kiosk` and a fresh id (see
    /// [`KioskSession::respondent_id`]); `now_ms` is the time of sending. Only what the
    /// session asks is stored: E is dropped in a perception-only project, and NPS, CSAT, CES
    /// and the comment when the session does not ask them. A new wave is created. Returns the
    /// stored id.
    ///
    /// # Errors
    /// `WrongProject` when the session is another project's, `NothingAnswered` when nothing
    /// asked was answered, `Invalid` with the model's problems (an answer off the scale, a too
    /// long comment); the project is unchanged.
    pub fn add_kiosk_response(
        &mut self,
        session: &KioskSession,
        answers: &KioskAnswers,
        now_ms: f64,
    ) -> Result<String, KioskError> {
        if session.project != self.id {
            return Err(KioskError::WrongProject { session: session.project.to_string(), project: self.id.to_string() });
        }
        if answers.is_empty(session) {
            return Err(KioskError::NothingAnswered);
        }
        let asked = session.questions;
        let entry = ResponseEntry {
            id: session.respondent_id(self, now_ms),
            source: Source::Customer,
            wave: session.wave.clone(),
            segments: format!("{SEGMENT_NAME}={SEGMENT_VALUE}"),
            answers: answers
                .ratings
                .iter()
                .filter(|(_, (e, p))| e.is_some() || p.is_some())
                .map(|(code, (e, p))| {
                    let expectation = if self.perception_only { None } else { *e };
                    (code.clone(), typed(expectation), typed(*p))
                })
                .collect(),
            nps: typed(answers.nps.filter(|_| asked.nps)),
            csat: typed(answers.csat.filter(|_| asked.csat)),
            ces: typed(answers.ces.filter(|_| asked.ces)),
            comment: if asked.comment { answers.comment.chars().take(COMMENT_MAX).collect() } else { String::new() },
        };
        self.add_response(&entry).map_err(KioskError::Invalid)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Answer, Scale};
    use crate::template::SERVQUAL;

    fn project() -> Project {
        Project::new(ProjectId::new("p").unwrap(), "P", Scale::SEVEN, SERVQUAL.dimensions(), SERVQUAL.items()).unwrap()
    }

    fn code(text: &str) -> ItemCode {
        ItemCode::new(text).unwrap()
    }

    fn setup() -> KioskSetup {
        KioskSetup {
            wave: " 2026 Q4 ".into(),
            questions: OptionalQuestions { nps: true, csat: false, ces: true, comment: true },
            pin: "2468".into(),
            pin_repeat: " 2468".into(),
        }
    }

    fn session() -> KioskSession {
        KioskSession::start(&project(), &setup(), 0x1234_5678_9abc).unwrap()
    }

    #[test]
    fn a_session_starts_with_a_trimmed_wave_and_round_trips() {
        let session = session();
        assert_eq!(session.wave, "2026 Q4");
        assert_eq!(session.collected, 0);
        let json = session.to_json();
        assert!(!json.contains("2468"), "the PIN is not stored in plain text: {json}");
        assert_eq!(KioskSession::from_json(&json), Some(session.clone()));
        assert_eq!(KioskSession::from_json("{not json"), None);
        let newer = json.replace("\"version\":1", "\"version\":99");
        assert_eq!(KioskSession::from_json(&newer), None, "another version is not resumed");
    }

    #[test]
    fn every_setup_problem_is_listed() {
        let mut empty = project();
        empty.items.clear();
        let bad = KioskSetup { wave: "  ".into(), pin: "12a4".into(), ..setup() };
        assert_eq!(KioskSession::start(&empty, &bad, 1).unwrap_err(), vec![
            KioskError::NoWave,
            KioskError::PinFormat,
            KioskError::NoItems
        ]);
        let long = KioskSetup { wave: "w".repeat(61), pin: "123".into(), ..setup() };
        assert_eq!(KioskSession::start(&project(), &long, 1).unwrap_err(), vec![
            KioskError::WaveTooLong { max: 60, length: 61 },
            KioskError::PinFormat
        ]);
        let too_long = KioskSetup { pin: "1".repeat(13), pin_repeat: "1".repeat(13), ..setup() };
        assert_eq!(KioskSession::start(&project(), &too_long, 1).unwrap_err(), vec![KioskError::PinFormat]);
        let differ = KioskSetup { pin_repeat: "2469".into(), ..setup() };
        assert_eq!(KioskSession::start(&project(), &differ, 1).unwrap_err(), vec![KioskError::PinsDiffer]);
        assert_eq!(KioskError::PinFormat.to_string(), "The PIN must be 4 to 12 digits.");
    }

    #[test]
    fn the_pin_hash_depends_on_pin_and_salt() {
        let a = PinHash::new("2468", 7);
        assert!(a.matches("2468"));
        assert!(a.matches(" 2468 "), "surrounding blanks are ignored, as when it was set");
        assert!(!a.matches("2469"));
        assert!(!a.matches(""));
        assert_ne!(a, PinHash::new("2468", 8), "another salt gives another hash");
        assert_ne!(a, PinHash::new("24680", 7));
    }

    #[test]
    fn wrong_pins_lock_the_exit_for_a_while() {
        let mut session = session();
        let now = 1_000_000.0;
        for left in (1..ATTEMPTS_BEFORE_LOCKOUT).rev() {
            assert_eq!(session.check_pin("0000", now), PinCheck::Refused { attempts_left: left });
        }
        assert_eq!(session.check_pin("0000", now), PinCheck::Locked { seconds: 30 });
        // Locked: even the right PIN is not checked, and the lock survives a reload.
        let mut reloaded = KioskSession::from_json(&session.to_json()).unwrap();
        assert_eq!(reloaded.check_pin("2468", now + 10_500.0), PinCheck::Locked { seconds: 20 });
        // After the lock, the right PIN works and the count starts again.
        assert_eq!(reloaded.check_pin("2468", now + LOCKOUT_MS), PinCheck::Accepted);
        assert_eq!(reloaded.check_pin("1111", now + LOCKOUT_MS), PinCheck::Refused { attempts_left: 4 });
        assert_eq!(reloaded.check_pin("2468", now + LOCKOUT_MS), PinCheck::Accepted);
        assert_eq!(reloaded.check_pin("1111", now + LOCKOUT_MS), PinCheck::Refused { attempts_left: 4 });
    }

    #[test]
    fn an_answer_is_stored_as_a_kiosk_response_of_the_wave() {
        let mut project = project();
        let session = session();
        let mut answers = KioskAnswers::default();
        answers.set_expectation(&code("TAN1"), 6);
        answers.set_perception(&code("TAN1"), 4);
        answers.set_perception(&code("REL1"), 7);
        answers.nps = Some(9);
        answers.csat = Some(5); // not asked: dropped
        answers.comment = "  Lovely breakfast ".into();
        let now = 1_767_225_600_123.0;
        let id = project.add_kiosk_response(&session, &answers, now).unwrap();
        assert_eq!(id, format!("K-2026 Q4-{}-{}", base36(now as u64, 1), session.pin.tag()));
        assert!(id.starts_with("K-2026 Q4-mjuohs3f-"), "{id}");
        let r = &project.responses[0];
        assert_eq!(r.id_str(), id);
        assert_eq!(r.source, Source::Customer);
        assert_eq!(r.wave.as_deref(), Some("2026 Q4"));
        assert_eq!(project.waves.last().map(|w| w.name.as_str()), Some("2026 Q4"), "the new wave exists");
        assert_eq!(r.segments.get("collected").map(String::as_str), Some("kiosk"));
        assert_eq!(r.segments.len(), 1);
        assert_eq!(r.answers[&code("TAN1")], Answer { expectation: Some(6.0), perception: Some(4.0) });
        assert_eq!(r.answers[&code("REL1")], Answer { expectation: None, perception: Some(7.0) });
        assert_eq!(r.answers.len(), 2, "unanswered items are missing, not zero");
        assert_eq!((r.nps, r.csat, r.ces), (Some(9), None, None));
        assert_eq!(r.comment.as_deref(), Some("Lovely breakfast"));
    }

    #[test]
    fn ids_stay_unique_at_the_same_millisecond() {
        let mut project = project();
        let session = session();
        let mut answers = KioskAnswers::default();
        answers.set_perception(&code("TAN1"), 3);
        let first = project.add_kiosk_response(&session, &answers, 5.0).unwrap();
        let second = project.add_kiosk_response(&session, &answers, 5.0).unwrap();
        let third = project.add_kiosk_response(&session, &answers, 5.0).unwrap();
        assert_eq!(second, format!("{first}-2"));
        assert_eq!(third, format!("{first}-3"));
        // Another device (another salt) gives another id at the same time.
        let other = KioskSession::start(&project, &setup(), 99).unwrap();
        assert_ne!(other.respondent_id(&project, 5.0), first);
    }

    #[test]
    fn perception_only_projects_store_no_expectation() {
        let mut project = project();
        project.perception_only = true;
        let session = session();
        let mut answers = KioskAnswers::default();
        answers.set_expectation(&code("TAN1"), 6);
        answers.set_perception(&code("TAN1"), 4);
        project.add_kiosk_response(&session, &answers, 1.0).unwrap();
        assert_eq!(project.responses[0].answers[&code("TAN1")], Answer { expectation: None, perception: Some(4.0) });
    }

    #[test]
    fn nothing_answered_or_a_wrong_project_is_refused() {
        let mut project = project();
        let session = session();
        let mut answers = KioskAnswers { csat: Some(4), comment: "  ".into(), ..KioskAnswers::default() };
        assert_eq!(project.add_kiosk_response(&session, &answers, 1.0), Err(KioskError::NothingAnswered));
        answers.ratings.insert(code("TAN1"), (None, None));
        assert_eq!(project.add_kiosk_response(&session, &answers, 1.0), Err(KioskError::NothingAnswered));
        let mut other = project.clone();
        other.id = ProjectId::new("q").unwrap();
        answers.nps = Some(0);
        assert!(matches!(other.add_kiosk_response(&session, &answers, 1.0), Err(KioskError::WrongProject { .. })));
        assert!(project.responses.is_empty() && other.responses.is_empty());
        // NPS 0 alone is an answer.
        assert!(project.add_kiosk_response(&session, &answers, 1.0).is_ok());
    }

    #[test]
    fn an_answer_off_the_scale_is_refused_by_the_model() {
        let mut project = project();
        project.scale = Scale::new(1, 5).unwrap();
        let session = session();
        let mut answers = KioskAnswers::default();
        answers.set_perception(&code("TAN1"), 7);
        let Err(KioskError::Invalid(problems)) = project.add_kiosk_response(&session, &answers, 1.0) else {
            panic!("a 7 on a 1–5 scale must be refused");
        };
        assert!(matches!(problems[0], ResponseError::OutOfScale { .. }));
        assert!(project.responses.is_empty());
    }
}
