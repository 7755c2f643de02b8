//! The demo project: "Hotel Fjordgården", a small Nordic hotel. SERVQUAL items linked to a
//! journey, three waves of customer answers with segments, importance points and NPS/CSAT/CES,
//! two managers per wave, standards with measured delivery, marketing promises, complaints, and
//! actions decided on the first waves' priorities.
//! Generated from a fixed seed, so every browser shows the same figures. Its texts are in the
//! interface language (codes, ids, numbers and names of people stay as they are), so a first
//! visit in Swedish shows a Swedish hotel with the same figures.

use crate::model::{
    Answer, Channel, Complaint, Direction, DimensionCode, Journey, Kpi, Measurement, Project, ProjectId, Promise,
    RespondentId, Response, Source, Stage, Standard, Touchpoint, Wave,
};
use crate::template::SERVQUAL;

/// The demo project's id; the Projects page recreates it only when asked to.
pub const DEMO_ID: &str = "demo-hotel";

/// A small deterministic generator (xorshift64*); statistical quality is not the point.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> f64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Roughly normal noise with standard deviation `sd` (sum of uniforms).
    fn noise(&mut self, sd: f64) -> f64 {
        let sum: f64 = (0..6).map(|_| self.next()).sum();
        (sum - 3.0) * sd * std::f64::consts::SQRT_2
    }

    fn pick<'a>(&mut self, options: &[&'a str]) -> &'a str {
        options[((self.next() * options.len() as f64) as usize).min(options.len() - 1)]
    }
}

/// The true perception gap per item and wave: most items close, a few clearly short.
fn item_shortfall(code: &str, wave: usize) -> f64 {
    match (code, wave) {
        ("REL4", _) => -1.6,       // rooms not ready on time, every wave: a trend
        ("RES2", 0) => -1.3,       // slow check-in, fixed after the first wave
        ("RES2", _) => -0.4,
        ("REL5", 2) => -0.4,       // invoice errors, mostly fixed by the third wave
        ("REL5", _) => -1.0,
        ("EMP2", 1) => -1.1,       // breakfast hours: an event in the second wave
        ("RES4", _) => -0.7,       // the phone rings long
        ("TAN2", _) => 0.4,
        ("ASS3", _) => 0.3,
        _ => -0.2,
    }
}

/// Management's view: it thinks it delivers well almost everywhere, and underrates how much
/// guests care about rooms being ready (REL4) and correct invoices (REL5).
fn management_expectation(code: &str) -> f64 {
    match code {
        "REL4" | "REL5" => 4.8,
        "TAN1" | "TAN2" | "TAN3" => 6.3,
        _ => 5.7,
    }
}

fn rating(value: f64) -> f64 {
    value.round().clamp(1.0, 7.0)
}

fn touchpoint(code: &str, name: &str, channel: Channel, critical: bool, owner: &str) -> Touchpoint {
    Touchpoint { code: code.into(), name: name.into(), channel, critical, owner: owner.into() }
}

fn journey() -> Journey {
    Journey {
        stages: vec![
            Stage {
                name: t!("Booking").into(),
                touchpoints: vec![
                    touchpoint("web-booking", t!("Booking on the website"), Channel::Web, true, "Sara Lind"),
                    touchpoint("phone", t!("Phone and questions"), Channel::Phone, false, "Jonas Berg"),
                ],
            },
            Stage {
                name: t!("Arrival").into(),
                touchpoints: vec![
                    touchpoint("check-in", t!("Check-in at reception"), Channel::Shop, true, "Maja Holm"),
                    touchpoint("room", t!("The room"), Channel::Shop, true, "Maja Holm"),
                ],
            },
            Stage {
                name: t!("Stay").into(),
                touchpoints: vec![touchpoint("breakfast", t!("Breakfast and restaurant"), Channel::Shop, false, "Erik Nyström")],
            },
            Stage {
                name: t!("Departure").into(),
                touchpoints: vec![touchpoint("invoice", t!("Check-out and invoice"), Channel::Invoice, true, "Lena Ek")],
            },
        ],
    }
}

fn item_touchpoint(code: &str) -> Option<&'static str> {
    Some(match code {
        "TAN2" | "RES1" => "web-booking",
        "REL2" | "RES4" => "phone",
        "TAN3" | "REL3" | "RES2" | "ASS1" | "ASS3" => "check-in",
        "TAN1" | "REL1" | "REL4" => "room",
        "EMP2" | "EMP3" => "breakfast",
        "TAN4" | "REL5" => "invoice",
        _ => return None,
    })
}

fn standards() -> Vec<Standard> {
    let standard = |id: &str, text: &str, item: &str, touchpoint: &str, target: f64, unit: &str, direction| Standard {
        id: id.into(),
        text: text.into(),
        item: crate::model::ItemCode::new(item).ok(),
        touchpoint: Some(touchpoint.into()),
        kpi: Some(Kpi { target, unit: unit.into(), direction }),
    };
    vec![
        standard("s1", t!("Rooms are ready at 15:00"), "REL4", "room", 95.0, t!("% of rooms"), Direction::AtLeast),
        standard("s2", t!("Answer the phone within 20 seconds"), "RES4", "phone", 20.0, "s", Direction::AtMost),
        standard("s3", t!("Check-in takes at most 5 minutes"), "RES2", "check-in", 5.0, "min", Direction::AtMost),
        standard("s4", t!("Invoices are correct the first time"), "REL5", "invoice", 98.0, "%", Direction::AtLeast),
    ]
}

/// Objective delivery per standard and wave: rooms stay late, check-in gets fixed.
fn measurement_level(standard: &str, wave: usize) -> (f64, f64) {
    match (standard, wave) {
        ("s1", _) => (86.0, 4.0),
        ("s2", _) => (31.0, 9.0),
        ("s3", 0) => (8.5, 2.0),
        ("s3", _) => (4.2, 1.2),
        ("s4", 2) => (98.5, 0.8),
        ("s4", _) => (94.0, 2.0),
        _ => (0.0, 0.0),
    }
}

fn promises() -> Vec<Promise> {
    let promise = |item: &str, text: &str, channel, level| Promise {
        item: crate::model::ItemCode::new(item).expect("constant code"),
        text: text.into(),
        channel,
        level,
    };
    vec![
        promise("REL4", t!("Your room is always ready when you arrive."), Channel::Web, 7.0),
        promise("RES2", t!("Check in within two minutes."), Channel::Social, 6.5),
        promise("EMP2", t!("Breakfast whenever it suits you."), Channel::Web, 6.0),
    ]
}

/// `(touchpoint code, category, text)` of the complaints; category and text are translated
/// where a complaint is made.
const COMPLAINT_TEXTS: &[(&str, &str, &str)] = &[
    ("room", k!("room not ready"), k!("We waited an hour in the lobby for our room.")),
    ("invoice", k!("billing"), k!("The mini-bar was charged twice.")),
    ("phone", k!("phone"), k!("Nobody answered the phone for ten minutes.")),
    ("check-in", k!("queue"), k!("Long queue at reception on Friday evening.")),
    ("breakfast", k!("breakfast"), k!("Breakfast closed before we came down.")),
];

/// Builds the demo project.
pub fn hotel() -> Project {
    let mut rng = Rng(0x6761_706c_656e_7321);
    let waves = [("2026 Q1", "2026-03-31", 64), ("2026 Q2", "2026-06-30", 58), ("2026 Q3", "2026-09-30", 61)];
    let mut project = Project::new(
        ProjectId::new(DEMO_ID).expect("constant id is valid"),
        t!("Hotel Fjordgården (demo)"),
        crate::model::Scale::SEVEN,
        SERVQUAL.dimensions(),
        SERVQUAL.items(),
    )
    .expect("constant name is valid");
    project.waves = waves.iter().map(|(name, date, _)| Wave { name: (*name).into(), date: Some((*date).into()) }).collect();
    project.current_wave = Some(waves[2].0.to_owned());
    project.journey = journey();
    for item in &mut project.items {
        item.touchpoint = item_touchpoint(item.code.as_str()).map(str::to_owned);
    }
    project.standards = standards();
    project.promises = promises();
    let items = project.items.clone();
    let dimensions: Vec<DimensionCode> = project.dimensions.iter().map(|d| d.code.clone()).collect();
    // Guests weigh reliability highest, tangibles lowest.
    let importance_mean = [12.0, 32.0, 22.0, 18.0, 16.0];
    let channels = [t!("web"), t!("web"), t!("phone"), t!("travel agent")];
    let guests = [t!("leisure"), t!("leisure"), t!("business")];

    for (wave_index, (wave, _, customers)) in waves.iter().enumerate() {
        for number in 1..=*customers {
            let expectation_level = 5.9 + rng.noise(0.5);
            let mood = rng.noise(0.5);
            let mut response = Response {
                id: RespondentId::new(&format!("W{}-{number:03}", wave_index + 1)).ok(),
                source: Source::Customer,
                wave: Some((*wave).to_owned()),
                ..Response::default()
            };
            response.segments.insert(t!("channel").into(), rng.pick(&channels).into());
            response.segments.insert(t!("guest").into(), rng.pick(&guests).into());
            let mut perceived = Vec::new();
            for item in &items {
                let expectation = rating(expectation_level + rng.noise(0.6));
                let shortfall = item_shortfall(item.code.as_str(), wave_index);
                let perception = rating(expectation_level + shortfall + mood + rng.noise(0.8));
                perceived.push(perception);
                let missing = rng.next();
                let answer = Answer {
                    expectation: (missing > 0.04).then_some(expectation),
                    perception: (missing < 0.96).then_some(perception),
                };
                response.answers.insert(item.code.clone(), answer);
            }
            if rng.next() < 0.8 {
                let raw: Vec<f64> = importance_mean.iter().map(|m| (m + rng.noise(5.0)).max(0.0).round()).collect();
                let sum: f64 = raw.iter().sum();
                for (dimension, points) in dimensions.iter().zip(&raw) {
                    response.importance.insert(dimension.clone(), points * 100.0 / sum);
                }
            }
            let overall = perceived.iter().sum::<f64>() / perceived.len() as f64;
            if rng.next() < 0.9 {
                response.nps = Some((overall * 10.0 / 7.0 + rng.noise(1.2)).round().clamp(0.0, 10.0) as u8);
                response.csat = Some((overall * 5.0 / 7.0 + rng.noise(0.6)).round().clamp(1.0, 5.0) as u8);
                response.ces = Some((8.0 - overall + rng.noise(0.8)).round().clamp(1.0, 7.0) as u8);
            }
            project.responses.push(response);
        }
        for manager in 1..=2 {
            let mut response = Response {
                id: RespondentId::new(&format!("M{}-{manager}", wave_index + 1)).ok(),
                source: Source::Management,
                wave: Some((*wave).to_owned()),
                ..Response::default()
            };
            for item in &items {
                let answer = Answer {
                    expectation: Some(rating(management_expectation(item.code.as_str()) + rng.noise(0.5))),
                    perception: Some(rating(6.4 + rng.noise(0.5))),
                };
                response.answers.insert(item.code.clone(), answer);
            }
            project.responses.push(response);
        }
        for standard in ["s1", "s2", "s3", "s4"] {
            let (level, spread) = measurement_level(standard, wave_index);
            for _ in 0..8 {
                let value = ((level + rng.noise(spread)) * 10.0).round() / 10.0;
                project.measurements.push(Measurement { standard: standard.into(), wave: (*wave).into(), value });
            }
        }
        for day in 0..(9 - wave_index * 2) {
            let (touchpoint, category, text) = COMPLAINT_TEXTS[(day + wave_index) % COMPLAINT_TEXTS.len()];
            project.complaints.push(Complaint {
                date: format!("2026-{:02}-{:02}", wave_index * 3 + 1 + day % 3, 3 + day * 2),
                wave: Some((*wave).into()),
                touchpoint: Some(touchpoint.into()),
                category: crate::i18n::tr(category).into(),
                text: crate::i18n::tr(text).into(),
            });
        }
    }
    project.actions = actions(&project);
    project
}

/// Three actions decided after the first two waves, each on a priority of its wave: the
/// check-in fix helped, the breakfast fix closed its gap, the room fix has not worked yet.
fn actions(project: &Project) -> Vec<crate::model::actions::Action> {
    use crate::model::actions::{ActionInput, Gap, Status};
    let decided = [
        ActionInput {
            item: "RES2".into(),
            gap: Some(Gap::Communication),
            wave: "2026 Q1".into(),
            whys: vec![
                t!("Guests wait too long at check-in.").into(),
                t!("Each keycard is coded while the guest waits.").into(),
                t!("The only keycard encoder is in the back office.").into(),
            ],
            owner: "Maja Holm".into(),
            text: t!("Code the day's keycards before 14:00 and put a second encoder at the desk.").into(),
            due: "2026-04-30".into(),
            status: Status::Done,
        },
        ActionInput {
            item: "REL4".into(),
            gap: Some(Gap::Communication),
            wave: "2026 Q1".into(),
            whys: vec![
                t!("Rooms are not ready when guests arrive.").into(),
                t!("Housekeeping cleans rooms in floor order, not in arrival order.").into(),
                t!("Housekeeping gets the arrival list only at noon.").into(),
                t!("Reception prints the list by hand after the morning rush.").into(),
            ],
            owner: "Maja Holm".into(),
            text: t!("Send the arrival list to housekeeping automatically at 08:00; clean rooms in arrival order.").into(),
            due: "2026-06-15".into(),
            status: Status::InProgress,
        },
        ActionInput {
            item: "EMP2".into(),
            gap: Some(Gap::Communication),
            wave: "2026 Q2".into(),
            whys: vec![
                t!("Guests find breakfast closed.").into(),
                t!("Weekend breakfast ends at 09:30.").into(),
                t!("The hours follow the kitchen's rota, not when guests get up.").into(),
            ],
            owner: "Erik Nyström".into(),
            text: t!("Serve weekend breakfast until 11:00 and state the real hours on the website.").into(),
            due: "2026-07-31".into(),
            status: Status::Done,
        },
    ];
    let mut with_actions = project.clone();
    for input in &decided {
        with_actions.add_action(input).expect("constant action is valid");
    }
    with_actions.actions
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{trends::Pattern, Filter, Results};

    #[test]
    fn demo_is_deterministic_and_every_gap_has_something_to_show() {
        let project = hotel();
        assert_eq!(project, hotel());
        assert_eq!(project.items_with_data().len(), 22);
        let results = Results::for_project(&project, &Filter::wave("2026 Q1"));
        let rel4 = results.item("REL4").unwrap();
        assert!(rel4.perception_gap.finding, "REL4 should be a finding: {rel4:?}");
        assert!(rel4.perception_gap.gap().unwrap() < -1.0);
        assert!(rel4.knowledge_gap.as_ref().unwrap().gap().unwrap() < 0.0, "management underrates REL4");
        assert!(rel4.communication_gap.as_ref().unwrap().finding, "the room promise is not kept");
        assert!(results.overall.experience_gap_top_box.unwrap().gap_pp < -30.0);
        assert!(results.overall.nps.is_some() && results.overall.standards_coverage_pct.is_some());
        assert!(!results.priorities.is_empty());
        let all = Results::for_project(&project, &Filter::all());
        let trend = all.trends.items.iter().find(|i| i.code == "REL4").unwrap();
        assert_eq!(trend.pattern, Pattern::Trend);
        let delivery = all.delivery.iter().find(|d| d.standard == "s1").unwrap();
        assert!(delivery.met_pct.unwrap() < 50.0);
    }

    #[test]
    fn demo_actions_are_on_priorities_and_show_each_kind_of_follow_up() {
        use crate::analysis::actions::{FollowUp, Verdict};
        let project = hotel();
        assert_eq!(project.actions.len(), 3);
        for action in &project.actions {
            let results = Results::for_project(&project, &Filter::wave(action.wave()));
            let priority = results.priorities.iter().find(|p| p.code == action.item().as_str());
            let priority = priority.unwrap_or_else(|| panic!("{} is a priority in {}", action.item(), action.wave()));
            assert_eq!(crate::model::actions::Gap::from(priority.explained_by), action.gap(), "{}", action.item());
        }
        let follow_ups = FollowUp::all(&project);
        let by_item = |code: &str| follow_ups.iter().find(|f| f.item == code).unwrap();
        let (check_in, rooms, breakfast) = (by_item("RES2"), by_item("REL4"), by_item("EMP2"));
        assert_eq!((check_in.verdict, check_in.closed), (Verdict::Improved, Some(false)), "{check_in:?}");
        assert_eq!((rooms.verdict, rooms.closed), (Verdict::NoChange, Some(false)), "{rooms:?}");
        assert_eq!((breakfast.verdict, breakfast.closed), (Verdict::Improved, Some(true)), "{breakfast:?}");
        assert_eq!(breakfast.to.as_deref(), Some("2026 Q3"));
    }

    #[test]
    fn a_swedish_demo_speaks_swedish_with_the_same_figures() {
        use crate::i18n::{install, Lang};
        let english = hotel();
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/i18n/sv/core-analysis.json");
        let pack = std::fs::read_to_string(path).expect("the Swedish pack of the demo's texts");
        // The language is per thread, and each test has its own.
        install(Lang::Sv, Some(&pack)).unwrap();
        let swedish = hotel();
        install(Lang::En, None).unwrap();
        assert_eq!(swedish.name, "Hotell Fjordgården (demo)");
        assert_eq!(swedish.journey.stages[0].name, "Bokning");
        assert_eq!(swedish.item("RES2").unwrap().text, "Kunderna blir snabbt betjänade.");
        assert!(swedish.responses[0].segments.contains_key("kanal"));
        let ids = |p: &Project| p.responses.iter().map(|r| r.id_str().to_owned()).collect::<Vec<_>>();
        assert_eq!(ids(&swedish), ids(&english));
        for filter in [Filter::all(), Filter::wave("2026 Q3")] {
            let (en, sv) = (Results::for_project(&english, &filter), Results::for_project(&swedish, &filter));
            assert_eq!((&sv.items, &sv.dimensions, &sv.overall), (&en.items, &en.dimensions, &en.overall));
            assert_eq!((&sv.priorities, &sv.delivery, &sv.trends), (&en.priorities, &en.delivery, &en.trends));
        }
    }
}
