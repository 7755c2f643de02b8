//! The demo project: "Hotel Fjordgården", SERVQUAL items, two waves of customer answers and
//! three managers. Generated from a fixed seed, so every browser shows the same figures.

use crate::model::{Answer, Project, ProjectId, RespondentId, Response, Source, Wave};
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
}

/// The true perception gap per item code in the demo: most items close, a few clearly short.
fn item_shortfall(code: &str, wave: usize) -> f64 {
    match (code, wave) {
        ("REL4", _) => -1.6,              // late deliveries, in both waves: a trend
        ("RES2", 0) => -1.3,              // slow service, improved in the second wave
        ("RES2", _) => -0.5,
        ("REL5", _) => -0.9,              // invoice errors
        ("EMP2", 1) => -1.1,              // opening hours: a new event in wave two
        ("TAN2", _) => 0.4,
        ("ASS3", _) => 0.3,
        _ => -0.25,
    }
}

fn rating(value: f64) -> f64 {
    value.round().clamp(1.0, 7.0)
}

/// Builds the demo project.
pub fn hotel() -> Project {
    let mut rng = Rng(0x6761_706c_656e_7321);
    let waves = [("2026 Q1", "2026-03-31", 64), ("2026 Q2", "2026-06-30", 58)];
    let mut project = Project::new(
        ProjectId::new(DEMO_ID).expect("constant id is valid"),
        "Hotel Fjordgården (demo)",
        crate::model::Scale::SEVEN,
        SERVQUAL.dimensions(),
        SERVQUAL.items(),
    )
    .expect("constant name is valid");
    project.waves = waves.iter().map(|(name, date, _)| Wave { name: (*name).into(), date: Some((*date).into()) }).collect();
    project.current_wave = Some(waves[1].0.to_owned());
    let items = project.items.clone();
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
            for item in &items {
                let expectation = rating(expectation_level + rng.noise(0.6));
                let shortfall = item_shortfall(item.code.as_str(), wave_index);
                let perception = rating(expectation_level + shortfall + mood + rng.noise(0.8));
                let missing = rng.next();
                let answer = Answer {
                    expectation: (missing > 0.04).then_some(expectation),
                    perception: (missing < 0.96).then_some(perception),
                };
                response.answers.insert(item.code.clone(), answer);
            }
            project.responses.push(response);
        }
        for manager in 1..=if wave_index == 0 { 2 } else { 1 } {
            let mut response = Response {
                id: RespondentId::new(&format!("M{}-{manager}", wave_index + 1)).ok(),
                source: Source::Management,
                wave: Some((*wave).to_owned()),
                ..Response::default()
            };
            for item in &items {
                let answer = Answer {
                    expectation: Some(rating(5.6 + rng.noise(0.6))),
                    perception: Some(rating(6.3 + rng.noise(0.5))),
                };
                response.answers.insert(item.code.clone(), answer);
            }
            project.responses.push(response);
        }
    }
    project
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Results;

    #[test]
    fn demo_is_deterministic_and_shows_findings() {
        let project = hotel();
        assert_eq!(project, hotel());
        assert_eq!(project.items_with_data().len(), 22);
        let results = Results::for_project(&project, &crate::analysis::Filter::wave("2026 Q1"));
        let rel4 = results.item("REL4").unwrap();
        assert!(rel4.perception_gap.finding, "REL4 should be a finding: {rel4:?}");
        assert!(rel4.perception_gap.gap().unwrap() < -1.0);
    }
}
