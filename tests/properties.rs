//! Property tests of the pure core (DESIGN.md, "The figures, exactly" and "Statistics every
//! figure carries") over small random projects: 1–7 scale, 2–8 items in 1–3 dimensions,
//! 0–40 customers with missing answers, 0–3 managers, 1–3 waves, optional promises,
//! importance points, NPS/CSAT/CES answers and a standard with measurements.
//!
//! Projects are built in memory, not through the CSV import, so a property can move answers
//! off the scale (the shift by c) and still be about the maths.
//!
//! Cases per property: 96 by default (the CSV one 3×), `PROPTEST_CASES=N cargo test --test
//! properties` for more. Native only: proptest is not a wasm32 dependency.

#![cfg(not(target_arch = "wasm32"))]

use gaplens::analysis::reliability::Alpha;
use gaplens::analysis::stats::GapTest;
use gaplens::analysis::{Filter, Results};
use gaplens::import::{parse_responses, ImportOptions, ItemPolicy};
use gaplens::model::{
    Answer, Channel, Dimension, DimensionCode, Direction, Item, ItemCode, Kpi, Measurement,
    Project, ProjectId, Promise, RespondentId, Response, Scale, Source, Standard, Wave,
};
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use std::collections::{BTreeMap, HashSet};

const DEFAULT_CASES: u32 = 96;

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(DEFAULT_CASES);
    ProptestConfig { cases, ..ProptestConfig::default() }
}

// ------------------------------------------------------------------------------------------
// Random projects

/// One respondent: wave index, per item `None` (no answer at all) or `(E, P)` with either
/// part possibly missing, segment, importance points per dimension, NPS/CSAT/CES.
#[derive(Debug, Clone)]
struct RespondentSpec {
    wave: usize,
    answers: Vec<Option<(Option<u8>, Option<u8>)>>,
    web: bool,
    importance: Option<Vec<u8>>,
    nps: Option<u8>,
    csat: Option<u8>,
    ces: Option<u8>,
}

/// A standard on one item with a KPI and measurements `(wave, value)`.
#[derive(Debug, Clone)]
struct StandardSpec {
    item: usize,
    target: f64,
    at_most: bool,
    measurements: Vec<(usize, f64)>,
}

#[derive(Debug, Clone)]
struct ProjectSpec {
    dimensions: usize,
    waves: usize,
    /// Dimension index of each item.
    item_dimensions: Vec<usize>,
    customers: Vec<RespondentSpec>,
    managers: Vec<RespondentSpec>,
    /// `(item, promised level)`.
    promises: Vec<(usize, u8)>,
    standard: Option<StandardSpec>,
}

fn point() -> impl Strategy<Value = Option<u8>> {
    prop::option::weighted(0.85, 1u8..=7)
}

fn respondent(items: usize, dimensions: usize, waves: usize) -> impl Strategy<Value = RespondentSpec> {
    (
        0..waves,
        prop::collection::vec(prop::option::weighted(0.9, (point(), point())), items),
        any::<bool>(),
        prop::option::weighted(0.3, prop::collection::vec(0u8..=100, dimensions)),
        prop::option::weighted(0.3, 0u8..=10),
        prop::option::weighted(0.3, 1u8..=5),
        prop::option::weighted(0.3, 1u8..=7),
    )
        .prop_map(|(wave, answers, web, importance, nps, csat, ces)| RespondentSpec {
            wave,
            answers,
            web,
            importance,
            nps,
            csat,
            ces,
        })
}

fn project_spec() -> impl Strategy<Value = ProjectSpec> {
    (1usize..=3, 2usize..=8, 1usize..=3).prop_flat_map(|(dimensions, items, waves)| {
        let standard = (
            0..items,
            0.0f64..100.0,
            any::<bool>(),
            prop::collection::vec((0..waves, 0.0f64..200.0), 0..6),
        )
            .prop_map(|(item, target, at_most, measurements)| StandardSpec { item, target, at_most, measurements });
        (
            prop::collection::vec(0..dimensions, items),
            prop::collection::vec(respondent(items, dimensions, waves), 0..=40),
            prop::collection::vec(respondent(items, dimensions, waves), 0..=3),
            prop::collection::vec((0..items, 1u8..=7), 0..=2),
            prop::option::of(standard),
        )
            .prop_map(move |(item_dimensions, customers, managers, promises, standard)| ProjectSpec {
                dimensions,
                waves,
                item_dimensions,
                customers,
                managers,
                promises,
                standard,
            })
    })
}

fn item_code(i: usize) -> ItemCode {
    ItemCode::new(&format!("I{i}")).expect("item code")
}

fn dimension_code(d: usize) -> DimensionCode {
    DimensionCode::new(&format!("d{d}")).expect("dimension code")
}

fn wave_name(w: usize) -> String {
    format!("W{}", w + 1)
}

fn response(spec: &RespondentSpec, id: String, source: Source) -> Response {
    let answers: BTreeMap<ItemCode, Answer> = spec
        .answers
        .iter()
        .enumerate()
        .filter_map(|(i, answer)| {
            let (e, p) = (*answer)?;
            Some((item_code(i), Answer { expectation: e.map(f64::from), perception: p.map(f64::from) }))
        })
        .collect();
    let importance: BTreeMap<DimensionCode, f64> = spec
        .importance
        .iter()
        .flatten()
        .enumerate()
        .map(|(d, points)| (dimension_code(d), f64::from(*points)))
        .collect();
    let segments: BTreeMap<String, String> =
        [("channel".to_owned(), if spec.web { "web" } else { "shop" }.to_owned())].into_iter().collect();
    Response {
        id: Some(RespondentId::new(&id).expect("respondent id")),
        source,
        wave: Some(wave_name(spec.wave)),
        answers,
        segments,
        importance,
        nps: spec.nps,
        csat: spec.csat,
        ces: spec.ces,
        ..Response::default()
    }
}

fn build(spec: &ProjectSpec) -> Project {
    let dimensions = (0..spec.dimensions)
        .map(|d| Dimension { code: dimension_code(d), name: format!("Dimension {d}") })
        .collect();
    let items = spec
        .item_dimensions
        .iter()
        .enumerate()
        .map(|(i, d)| Item { code: item_code(i), dimension: dimension_code(*d), text: format!("Item {i}"), touchpoint: None })
        .collect();
    let mut project = Project::new(ProjectId::new("props").expect("id"), "Property test", Scale::SEVEN, dimensions, items)
        .expect("project");
    project.waves = (0..spec.waves).map(|w| Wave { name: wave_name(w), date: None }).collect();
    project.current_wave = project.waves.last().map(|w| w.name.clone());
    let customers = spec.customers.iter().enumerate().map(|(i, r)| response(r, format!("c{i}"), Source::Customer));
    let managers = spec.managers.iter().enumerate().map(|(i, r)| response(r, format!("m{i}"), Source::Management));
    project.responses = customers.chain(managers).collect();
    project.promises = spec
        .promises
        .iter()
        .map(|(item, level)| Promise {
            item: item_code(*item),
            text: "We promise".to_owned(),
            channel: Channel::default(),
            level: f64::from(*level),
        })
        .collect();
    if let Some(standard) = &spec.standard {
        project.standards = vec![Standard {
            id: "s1".to_owned(),
            text: "A standard".to_owned(),
            item: Some(item_code(standard.item)),
            touchpoint: None,
            kpi: Some(Kpi {
                target: standard.target,
                unit: "s".to_owned(),
                direction: if standard.at_most { Direction::AtMost } else { Direction::AtLeast },
            }),
        }];
        project.measurements = standard
            .measurements
            .iter()
            .map(|(wave, value)| Measurement { standard: "s1".to_owned(), wave: wave_name(*wave), value: *value })
            .collect();
    }
    project
}

/// Every view a property looks at: all waves, each wave, and a segment filter.
fn filters(project: &Project) -> Vec<Filter> {
    let mut filters = vec![Filter::all()];
    filters.extend(project.waves.iter().map(|w| Filter::wave(&w.name)));
    filters.push(Filter { segment: Some(("channel".to_owned(), "web".to_owned())), ..Filter::all() });
    filters
}

/// Applies `change` to every customer answer.
fn map_customer_answers(project: &Project, change: impl Fn(&mut Answer)) -> Project {
    let mut changed = project.clone();
    for response in changed.responses.iter_mut().filter(|r| r.source == Source::Customer) {
        for answer in response.answers.values_mut() {
            change(answer);
        }
    }
    changed
}

// ------------------------------------------------------------------------------------------
// Comparisons

/// Equal within 1e-9, relative above 1 (DESIGN.md's tolerance).
fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

fn same(what: &str, a: Option<f64>, b: Option<f64>) -> Result<(), TestCaseError> {
    match (a, b) {
        (None, None) => Ok(()),
        (Some(x), Some(y)) if close(x, y) => Ok(()),
        _ => Err(TestCaseError::fail(format!("{what}: {a:?} vs {b:?}"))),
    }
}

/// The perception gaps of two results, item by item, dimension by dimension, overall and
/// per wave in the trends.
fn perception_gaps(results: &Results) -> Vec<(String, GapTest)> {
    let mut gaps: Vec<(String, GapTest)> =
        results.items.iter().map(|i| (format!("item {}", i.code), i.perception_gap)).collect();
    gaps.extend(results.dimensions.iter().map(|d| (format!("dimension {}", d.code), d.perception_gap)));
    gaps.push(("overall".to_owned(), results.overall.perception_gap));
    for (w, test) in results.trends.overall.iter().enumerate() {
        gaps.push((format!("trend overall wave {w}"), *test));
    }
    for item in &results.trends.items {
        for (w, test) in item.waves.iter().enumerate() {
            gaps.push((format!("trend item {} wave {w}", item.code), *test));
        }
    }
    gaps
}

fn paired_gaps(a: &Results, b: &Results) -> Result<Vec<(String, GapTest, GapTest)>, TestCaseError> {
    let (ga, gb) = (perception_gaps(a), perception_gaps(b));
    prop_assert_eq!(ga.len(), gb.len(), "different shapes");
    Ok(ga
        .into_iter()
        .zip(gb)
        .map(|((name, x), (name_b, y))| {
            debug_assert_eq!(name, name_b);
            (name, x, y)
        })
        .collect())
}

fn neg(x: Option<f64>) -> Option<f64> {
    x.map(|v| -v)
}

// ------------------------------------------------------------------------------------------
// A serializer that finds non-finite floats. serde_json writes NaN and ±inf as `null`, so a
// NaN that slipped through would look like "not computable" in the JSON; this catches it
// before serde_json can hide it, and names the field.

mod finite {
    use serde::ser::{self, Serialize};
    use std::fmt;

    #[derive(Debug)]
    pub struct Never(String);

    impl fmt::Display for Never {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(&self.0)
        }
    }

    impl std::error::Error for Never {}

    impl ser::Error for Never {
        fn custom<T: fmt::Display>(msg: T) -> Self {
            Never(msg.to_string())
        }
    }

    /// Walks a value and lists the path of every NaN or infinite float.
    #[derive(Default)]
    pub struct Finder {
        path: Vec<String>,
        pub bad: Vec<String>,
    }

    impl Finder {
        fn float(&mut self, value: f64) -> Result<(), Never> {
            if !value.is_finite() {
                let path: String = self
                    .path
                    .iter()
                    .enumerate()
                    .map(|(i, key)| if i == 0 || key.starts_with('[') { key.clone() } else { format!(".{key}") })
                    .collect();
                self.bad.push(format!("{path} = {value}"));
            }
            Ok(())
        }

        fn nested<T: ?Sized + Serialize>(&mut self, key: String, value: &T) -> Result<(), Never> {
            self.path.push(key);
            let result = value.serialize(&mut *self);
            self.path.pop();
            result
        }
    }

    /// The non-finite floats in `value`, by path.
    pub fn non_finite<T: Serialize>(value: &T) -> Vec<String> {
        let mut finder = Finder::default();
        value.serialize(&mut finder).expect("the finder never fails");
        finder.bad
    }

    pub struct Compound<'a> {
        finder: &'a mut Finder,
        index: usize,
        key: String,
    }

    impl<'a> Compound<'a> {
        fn new(finder: &'a mut Finder) -> Self {
            Compound { finder, index: 0, key: String::new() }
        }

        fn element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Never> {
            let key = format!("[{}]", self.index);
            self.index += 1;
            self.finder.nested(key, value)
        }
    }

    macro_rules! ignore {
        ($($method:ident($ty:ty)),* $(,)?) => {
            $(fn $method(self, _: $ty) -> Result<(), Never> { Ok(()) })*
        };
    }

    impl<'a> ser::Serializer for &'a mut Finder {
        type Ok = ();
        type Error = Never;
        type SerializeSeq = Compound<'a>;
        type SerializeTuple = Compound<'a>;
        type SerializeTupleStruct = Compound<'a>;
        type SerializeTupleVariant = Compound<'a>;
        type SerializeMap = Compound<'a>;
        type SerializeStruct = Compound<'a>;
        type SerializeStructVariant = Compound<'a>;

        ignore!(
            serialize_bool(bool), serialize_i8(i8), serialize_i16(i16), serialize_i32(i32),
            serialize_i64(i64), serialize_u8(u8), serialize_u16(u16), serialize_u32(u32),
            serialize_u64(u64), serialize_char(char), serialize_str(&str), serialize_bytes(&[u8]),
            serialize_unit_struct(&'static str),
        );

        fn serialize_f32(self, v: f32) -> Result<(), Never> {
            self.float(f64::from(v))
        }
        fn serialize_f64(self, v: f64) -> Result<(), Never> {
            self.float(v)
        }
        fn serialize_none(self) -> Result<(), Never> {
            Ok(())
        }
        fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<(), Never> {
            value.serialize(self)
        }
        fn serialize_unit(self) -> Result<(), Never> {
            Ok(())
        }
        fn serialize_unit_variant(self, _: &'static str, _: u32, _: &'static str) -> Result<(), Never> {
            Ok(())
        }
        fn serialize_newtype_struct<T: ?Sized + Serialize>(self, _: &'static str, value: &T) -> Result<(), Never> {
            value.serialize(self)
        }
        fn serialize_newtype_variant<T: ?Sized + Serialize>(
            self,
            _: &'static str,
            _: u32,
            variant: &'static str,
            value: &T,
        ) -> Result<(), Never> {
            self.nested(variant.to_owned(), value)
        }
        fn serialize_seq(self, _: Option<usize>) -> Result<Compound<'a>, Never> {
            Ok(Compound::new(self))
        }
        fn serialize_tuple(self, _: usize) -> Result<Compound<'a>, Never> {
            Ok(Compound::new(self))
        }
        fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Compound<'a>, Never> {
            Ok(Compound::new(self))
        }
        fn serialize_tuple_variant(self, _: &'static str, _: u32, _: &'static str, _: usize) -> Result<Compound<'a>, Never> {
            Ok(Compound::new(self))
        }
        fn serialize_map(self, _: Option<usize>) -> Result<Compound<'a>, Never> {
            Ok(Compound::new(self))
        }
        fn serialize_struct(self, _: &'static str, _: usize) -> Result<Compound<'a>, Never> {
            Ok(Compound::new(self))
        }
        fn serialize_struct_variant(self, _: &'static str, _: u32, _: &'static str, _: usize) -> Result<Compound<'a>, Never> {
            Ok(Compound::new(self))
        }
    }

    macro_rules! elements {
        ($($trait:ident :: $method:ident),* $(,)?) => {
            $(impl ser::$trait for Compound<'_> {
                type Ok = ();
                type Error = Never;
                fn $method<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Never> {
                    self.element(value)
                }
                fn end(self) -> Result<(), Never> {
                    Ok(())
                }
            })*
        };
    }

    elements!(
        SerializeSeq::serialize_element,
        SerializeTuple::serialize_element,
        SerializeTupleStruct::serialize_field,
        SerializeTupleVariant::serialize_field,
    );

    impl ser::SerializeMap for Compound<'_> {
        type Ok = ();
        type Error = Never;
        fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<(), Never> {
            let text = serde_json::to_string(key).unwrap_or_else(|_| "?".to_owned());
            self.key = text.trim_matches('"').to_owned();
            self.finder.nested(format!("<key {}>", self.key), key)
        }
        fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Never> {
            let key = std::mem::take(&mut self.key);
            self.finder.nested(key, value)
        }
        fn end(self) -> Result<(), Never> {
            Ok(())
        }
    }

    macro_rules! fields {
        ($($trait:ident),* $(,)?) => {
            $(impl ser::$trait for Compound<'_> {
                type Ok = ();
                type Error = Never;
                fn serialize_field<T: ?Sized + Serialize>(&mut self, key: &'static str, value: &T) -> Result<(), Never> {
                    self.finder.nested(key.to_owned(), value)
                }
                fn end(self) -> Result<(), Never> {
                    Ok(())
                }
            })*
        };
    }

    fields!(SerializeStruct, SerializeStructVariant);
}

/// Every number in `value` is finite; every object with `mean`, `ci_low` and `ci_high`
/// numbers has its mean inside its CI. Returns the offences by path.
fn walk_json(path: &str, value: &serde_json::Value, offences: &mut Vec<String>) {
    use serde_json::Value;
    match value {
        Value::Number(n) => {
            if !n.as_f64().is_some_and(f64::is_finite) {
                offences.push(format!("{path}: {n} is not a finite number"));
            }
        }
        Value::Array(values) => {
            for (i, v) in values.iter().enumerate() {
                walk_json(&format!("{path}[{i}]"), v, offences);
            }
        }
        Value::Object(map) => {
            let number = |key: &str| map.get(key).and_then(Value::as_f64);
            if let (Some(mean), Some(low), Some(high)) = (number("mean"), number("ci_low"), number("ci_high")) {
                if !(low <= mean && mean <= high) {
                    offences.push(format!("{path}: mean {mean} outside its CI [{low}, {high}]"));
                }
            }
            for (key, v) in map {
                walk_json(&format!("{path}.{key}"), v, offences);
            }
        }
        Value::String(_) | Value::Bool(_) | Value::Null => {}
    }
}

// ------------------------------------------------------------------------------------------
// Properties of the figures

proptest! {
    #![proptest_config(config())]

    /// Swapping E and P in every customer answer turns P − E into E − P: every perception-gap
    /// mean, t, d_z and CI flips sign; n, SD, SE, df and p (raw and Holm) stay.
    #[test]
    fn swapping_e_and_p_flips_every_perception_gap(spec in project_spec()) {
        let project = build(&spec);
        let swapped = map_customer_answers(&project, |a| std::mem::swap(&mut a.expectation, &mut a.perception));
        for filter in filters(&project) {
            let (a, b) = (Results::for_project(&project, &filter), Results::for_project(&swapped, &filter));
            for (name, x, y) in paired_gaps(&a, &b)? {
                let what = |field: &str| format!("{filter:?} {name} {field}");
                prop_assert_eq!(x.summary.n, y.summary.n, "{}", what("n"));
                same(&what("mean"), x.summary.mean, neg(y.summary.mean))?;
                same(&what("t"), x.t, neg(y.t))?;
                same(&what("dz"), x.dz.flatten(), neg(y.dz.flatten()))?;
                same(&what("ci_low"), x.summary.ci_low, neg(y.summary.ci_high))?;
                same(&what("ci_high"), x.summary.ci_high, neg(y.summary.ci_low))?;
                same(&what("sd"), x.summary.sd, y.summary.sd)?;
                same(&what("se"), x.summary.se, y.summary.se)?;
                same(&what("df"), x.df, y.df)?;
                same(&what("p"), x.p, y.p)?;
                same(&what("p_holm"), x.p_holm.flatten(), y.p_holm.flatten())?;
                prop_assert_eq!(x.finding, y.finding, "{}", what("finding"));
            }
            // The customers' E and P summaries trade places.
            for (x, y) in a.items.iter().zip(&b.items) {
                prop_assert_eq!(x.expectation, y.perception, "{:?} item {}", filter, x.code);
                prop_assert_eq!(x.perception, y.expectation, "{:?} item {}", filter, x.code);
            }
        }
    }

    /// Adding c to every P shifts every perception-gap mean (and its CI) by c and leaves n,
    /// SD, SE and Cronbach's alpha alone. c is a multiple of 1/8 in −5…5: answers stay exact
    /// binary fractions, so "SD = 0" and "alpha has no variance" are decided exactly alike
    /// before and after, and the property is about the maths, not about rounding at 0.
    #[test]
    fn shifting_p_shifts_the_gap_and_nothing_else(spec in project_spec(), eighths in -40i32..=40) {
        let c = f64::from(eighths) / 8.0;
        let project = build(&spec);
        let shifted = {
            let mut shifted = project.clone();
            for answer in shifted.responses.iter_mut().flat_map(|r| r.answers.values_mut()) {
                answer.perception = answer.perception.map(|p| p + c);
            }
            shifted
        };
        for filter in filters(&project) {
            let (a, b) = (Results::for_project(&project, &filter), Results::for_project(&shifted, &filter));
            for (name, x, y) in paired_gaps(&a, &b)? {
                let what = |field: &str| format!("{filter:?} c={c} {name} {field}");
                prop_assert_eq!(x.summary.n, y.summary.n, "{}", what("n"));
                same(&what("mean"), x.summary.mean.map(|m| m + c), y.summary.mean)?;
                same(&what("ci_low"), x.summary.ci_low.map(|m| m + c), y.summary.ci_low)?;
                same(&what("ci_high"), x.summary.ci_high.map(|m| m + c), y.summary.ci_high)?;
                same(&what("sd"), x.summary.sd, y.summary.sd)?;
                same(&what("se"), x.summary.se, y.summary.se)?;
                same(&what("df"), x.df, y.df)?;
            }
            for (x, y) in a.items.iter().zip(&b.items) {
                same(&format!("{filter:?} c={c} item {} perception mean", x.code), x.perception.mean.map(|m| m + c), y.perception.mean)?;
                same(&format!("{filter:?} c={c} item {} perception sd", x.code), x.perception.sd, y.perception.sd)?;
                prop_assert_eq!(x.expectation, y.expectation);
            }
            for (x, y) in a.dimensions.iter().zip(&b.dimensions) {
                let what = format!("{filter:?} c={c} dimension {} alpha", x.code);
                match (x.alpha, y.alpha) {
                    (None, None) => {}
                    (Some(Alpha { value: va, items: ka, cases: na }), Some(Alpha { value: vb, items: kb, cases: nb })) => {
                        prop_assert_eq!((ka, na), (kb, nb), "{}", what);
                        prop_assert!(close(va, vb), "{}: {} vs {}", what, va, vb);
                    }
                    (x, y) => prop_assert!(false, "{}: {:?} vs {:?}", what, x, y),
                }
            }
        }
    }

    /// Holm never lowers a p, stays at most 1, is null exactly where p is, and keeps the
    /// order of the raw p-values, in each of the four item families of every view.
    #[test]
    fn holm_is_at_least_p_and_monotone(spec in project_spec()) {
        let project = build(&spec);
        for filter in filters(&project) {
            let results = Results::for_project(&project, &filter);
            type Pick = fn(&gaplens::analysis::ItemResult) -> Option<&GapTest>;
            let families: [(&str, Pick); 4] = [
                ("perception", |i| Some(&i.perception_gap)),
                ("knowledge", |i| i.knowledge_gap.as_ref()),
                ("communication", |i| i.communication_gap.as_ref()),
                ("experience", |i| i.experience_gap.as_ref()),
            ];
            for (family, pick) in families {
                let pairs: Vec<(f64, f64)> = results
                    .items
                    .iter()
                    .filter_map(pick)
                    .filter_map(|test| {
                        let holm = test.p_holm.expect("items carry p_holm");
                        assert_eq!(test.p.is_some(), holm.is_some(), "{family}: p_holm null exactly where p is");
                        Some((test.p?, holm?))
                    })
                    .collect();
                for &(p, holm) in &pairs {
                    prop_assert!(holm >= p, "{:?} {}: Holm {} below raw {}", filter, family, holm, p);
                    prop_assert!(holm <= 1.0, "{:?} {}: Holm {} above 1", filter, family, holm);
                }
                for &(p1, h1) in &pairs {
                    for &(p2, h2) in &pairs {
                        if p1 <= p2 {
                            prop_assert!(h1 <= h2, "{:?} {}: p {} ≤ {} but Holm {} > {}", filter, family, p1, p2, h1, h2);
                        }
                    }
                }
            }
        }
    }

    /// compute never panics, no figure is NaN or infinite (checked before serde_json could
    /// turn it into null), the JSON is valid, and every CI holds its mean. Covers views with
    /// every project item (items without data too) and the touchpoint filter.
    #[test]
    fn figures_are_finite_and_cis_hold_their_means(spec in project_spec()) {
        let project = build(&spec);
        let all_items: Vec<&Item> = project.items.iter().collect();
        let mut views: Vec<Results> = filters(&project).iter().map(|f| Results::for_project(&project, f)).collect();
        views.push(Results::compute(&project, &Filter::all(), &all_items));
        views.push(Results::compute(&project, &Filter { touchpoint: Some("none".to_owned()), ..Filter::all() }, &all_items));
        for results in &views {
            let label = format!("wave={:?} segment={:?}", results.wave, results.segment);
            let bad = finite::non_finite(results);
            prop_assert!(bad.is_empty(), "{}: non-finite figures:\n{}", label, bad.join("\n"));
            let json = gaplens::export::results_json(results);
            let value: serde_json::Value = serde_json::from_str(&json).map_err(|e| TestCaseError::fail(format!("{label}: {e}")))?;
            let mut offences = Vec::new();
            walk_json("$", &value, &mut offences);
            prop_assert!(offences.is_empty(), "{}:\n{}", label, offences.join("\n"));
        }
        // The CI property, directly on the types too (every item, dimension and overall).
        for results in &views {
            let summaries = results
                .items
                .iter()
                .flat_map(|i| [i.expectation, i.perception])
                .chain(perception_gaps(results).into_iter().map(|(_, t)| t.summary));
            for s in summaries {
                if let (Some(m), Some(lo), Some(hi)) = (s.mean, s.ci_low, s.ci_high) {
                    prop_assert!(lo <= m && m <= hi, "mean {} outside [{}, {}]", m, lo, hi);
                }
            }
        }
    }
}

/// The NaN finder is not blind: a NaN in a flattened summary and one in a plain field are
/// both named (serde_json alone would print them as null).
#[test]
fn the_finder_names_non_finite_figures() {
    let spec = ProjectSpec {
        dimensions: 1,
        waves: 1,
        item_dimensions: vec![0, 0],
        customers: Vec::new(),
        managers: Vec::new(),
        promises: Vec::new(),
        standard: None,
    };
    let mut results = Results::for_project(&build(&spec), &Filter::all());
    assert!(finite::non_finite(&results).is_empty());
    results.overall.perception_gap.summary.mean = Some(f64::NAN);
    results.overall.weighted_perception_gap = Some(f64::INFINITY);
    assert_eq!(
        finite::non_finite(&results),
        ["overall.perception_gap.mean = NaN", "overall.weighted_perception_gap = inf"]
    );
    assert!(gaplens::export::results_json(&results).contains("\"weighted_perception_gap\": null"));
}

// ------------------------------------------------------------------------------------------
// The CSV import on hostile input

/// Pieces CSV files are made of, good and bad, so random files get past the first checks.
const TOKENS: &[&str] = &[
    "id", "source", "wave", "date", "E:TAN1", "P:TAN1", "E:REL1", "P:rel1", "P:XYZ", "E:", "I:tan",
    "I:zzz", "segment:channel", "segment:", "nps", "csat", "ces", "comment", "customer",
    "management", "W1", "2026-03-31", "2026-13-45", ",", ",", ",", ";", "\t", "\n", "\n", "\r\n",
    "\"", "\"\"", "1", "4", "7", "8", "0", "-1", "5,5", "\"5,5\"", "3.5", "1e3", "NaN", "inf", "-",
    "", " ", "\u{feff}", "é", "x", "100", "50", "10", "11", "a1", "a1",
];

fn csv_like() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(prop::sample::select(TOKENS), 0..80).prop_map(|tokens| tokens.concat().into_bytes())
}

fn mutated_valid() -> impl Strategy<Value = Vec<u8>> {
    let valid = "id,source,wave,E:TAN1,P:TAN1,E:REL1,P:REL1,I:tan,nps\n\
                 a,customer,W1,5,6,7,4,60,9\n\
                 b,management,W1,6,6,,5,,\n\
                 c,,W2,3,2,4,4,40,10\n";
    (prop::collection::vec((0..valid.len(), any::<u8>()), 0..6), any::<bool>()).prop_map(move |(edits, insert)| {
        let mut bytes = valid.as_bytes().to_vec();
        for (at, byte) in edits {
            let at = at.min(bytes.len().saturating_sub(1));
            if insert {
                bytes.insert(at, byte);
            } else if !bytes.is_empty() {
                bytes[at] = byte;
            }
        }
        bytes
    })
}

fn any_file() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![prop::collection::vec(any::<u8>(), 0..400), csv_like(), mutated_valid()]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: config().cases * 3, ..config() })]

    /// `parse_responses` never panics; it returns a file whose answers are all on the scale,
    /// or an error with at least one problem, each a non-empty sentence.
    #[test]
    fn csv_import_never_panics_and_explains_itself(bytes in any_file(), project_items in any::<bool>()) {
        let no_ids = HashSet::new();
        let stored: HashSet<String> = ["a".to_owned()].into_iter().collect();
        let items = gaplens::template::SERVQUAL.items();
        let policies = [
            (ItemPolicy::TemplateAndUnknown, &no_ids),
            (if project_items { ItemPolicy::Project(&items) } else { ItemPolicy::ProjectIgnoringUnknown(&items) }, &stored),
        ];
        for (policy, existing_ids) in policies {
            let options = ImportOptions {
                scale: Scale::SEVEN,
                items: policy,
                existing_ids,
                default_wave: Some("W0"),
                id_prefix: "row-",
            };
            match parse_responses(&bytes, &options) {
                Ok(file) => {
                    for response in &file.responses {
                        for (code, answer) in &response.answers {
                            for value in [answer.expectation, answer.perception].into_iter().flatten() {
                                prop_assert!(Scale::SEVEN.contains(value), "{} = {} accepted off the scale", code, value);
                            }
                        }
                    }
                    let ids: HashSet<&str> = file.responses.iter().map(Response::id_str).collect();
                    prop_assert_eq!(ids.len(), file.responses.len(), "duplicate ids accepted");
                }
                Err(error) => {
                    prop_assert!(!error.problems.is_empty(), "an error with no problem listed");
                    for problem in &error.problems {
                        let sentence = problem.to_string();
                        prop_assert!(
                            !sentence.trim().is_empty() && sentence.chars().any(char::is_alphabetic),
                            "problem {:?} displays as {:?}", problem, sentence
                        );
                    }
                    prop_assert!(!error.to_string().trim().is_empty());
                }
            }
        }
    }
}
