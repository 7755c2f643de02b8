//! Plain-language explanations of every figure Gaplens shows: what it measures and how it is
//! computed, how to read it, and a short worked example. The pages show them behind a "What is
//! this?" disclosure next to the figure; the glossary lists them all. Pure: the texts go
//! through `t!`, so they follow the interface language.

/// A figure or concept with an explanation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Topic {
    /// Gap 1: management's idea of what customers expect vs what they expect.
    KnowledgeGap,
    /// Gap 2: importance-weighted coverage of items by service standards.
    StandardsGap,
    /// Gap 3: share of measurements meeting their standard's target.
    DeliveryGap,
    /// Gap 4: perception against what was promised.
    CommunicationGap,
    /// Gap 5: perception minus expectation.
    PerceptionGap,
    /// The 80/8 gap: customers' top box vs management's.
    ExperienceGap,
    /// The importance-weighted perception gap.
    WeightedScore,
    /// Net Promoter Score.
    Nps,
    /// Customer satisfaction share.
    Csat,
    /// Customer effort score.
    Ces,
    /// The 95 % confidence interval.
    ConfidenceInterval,
    /// n < 30.
    Indicative,
    /// n < 10.
    TooFewAnswers,
    /// n ≥ 10 and p < 0.05 (Holm for items).
    Finding,
    /// The 100-point allocation over dimensions.
    Importance,
    /// Importance–performance analysis quadrants.
    ImportancePerformance,
    /// What to fix first.
    Priorities,
    /// Trend vs event across waves.
    Trend,
    /// The journey heat map.
    JourneyMap,
    /// Cronbach's alpha.
    Reliability,
    /// Spearman's rank correlation of E and M orders.
    RankAgreement,
    /// Cohen's d_z.
    EffectSize,
    /// Follow-up of an action in the next wave.
    FollowUp,
    /// Top-box share.
    TopBox,
    /// A measurement wave.
    Wave,
}

/// One explanation, in the interface language.
#[derive(Clone, Debug, PartialEq)]
pub struct Explanation {
    /// The figure's name.
    pub title: &'static str,
    /// What it measures and how it is computed.
    pub measures: &'static str,
    /// How to read it.
    pub reading: &'static str,
    /// A short worked example.
    pub example: &'static str,
}

impl Topic {
    /// Every topic, in the order the glossary groups them (gaps first).
    pub const ALL: [Topic; 25] = [
        Topic::PerceptionGap,
        Topic::KnowledgeGap,
        Topic::StandardsGap,
        Topic::DeliveryGap,
        Topic::CommunicationGap,
        Topic::ExperienceGap,
        Topic::WeightedScore,
        Topic::TopBox,
        Topic::Nps,
        Topic::Csat,
        Topic::Ces,
        Topic::ConfidenceInterval,
        Topic::Finding,
        Topic::Indicative,
        Topic::TooFewAnswers,
        Topic::EffectSize,
        Topic::Importance,
        Topic::ImportancePerformance,
        Topic::Priorities,
        Topic::Trend,
        Topic::Wave,
        Topic::JourneyMap,
        Topic::Reliability,
        Topic::RankAgreement,
        Topic::FollowUp,
    ];

    /// A stable name for anchors and test ids ("perception-gap").
    pub fn slug(self) -> &'static str {
        match self {
            Topic::KnowledgeGap => "knowledge-gap",
            Topic::StandardsGap => "standards-gap",
            Topic::DeliveryGap => "delivery-gap",
            Topic::CommunicationGap => "communication-gap",
            Topic::PerceptionGap => "perception-gap",
            Topic::ExperienceGap => "experience-gap",
            Topic::WeightedScore => "weighted-score",
            Topic::Nps => "nps",
            Topic::Csat => "csat",
            Topic::Ces => "ces",
            Topic::ConfidenceInterval => "confidence-interval",
            Topic::Indicative => "indicative",
            Topic::TooFewAnswers => "too-few-answers",
            Topic::Finding => "finding",
            Topic::Importance => "importance",
            Topic::ImportancePerformance => "importance-performance",
            Topic::Priorities => "priorities",
            Topic::Trend => "trend",
            Topic::JourneyMap => "journey-map",
            Topic::Reliability => "reliability",
            Topic::RankAgreement => "rank-agreement",
            Topic::EffectSize => "effect-size",
            Topic::FollowUp => "follow-up",
            Topic::TopBox => "top-box",
            Topic::Wave => "wave",
        }
    }

    /// The topic for a slug.
    pub fn from_slug(slug: &str) -> Option<Topic> {
        Topic::ALL.into_iter().find(|t| t.slug() == slug)
    }

    /// The topic that explains one of the Dashboard's gaps.
    pub fn of_gap(gap: crate::analysis::dashboard::Gap) -> Topic {
        use crate::analysis::dashboard::Gap;
        match gap {
            Gap::Knowledge => Topic::KnowledgeGap,
            Gap::Standards => Topic::StandardsGap,
            Gap::Delivery => Topic::DeliveryGap,
            Gap::Communication => Topic::CommunicationGap,
            Gap::Perception => Topic::PerceptionGap,
            Gap::Experience => Topic::ExperienceGap,
        }
    }

    /// The explanation, in the interface language.
    pub fn explain(self) -> Explanation {
        match self {
            Topic::PerceptionGap => Explanation {
                title: t!("Perception gap (gap 5)"),
                measures: t!("How far what customers experienced (P) falls short of what they expected (E). For every customer who answered both, Gaplens takes P − E on the item, then averages over those customers. For a dimension, a touchpoint or the whole survey, each customer's gaps on its items are averaged first, then over the customers."),
                reading: t!("Below zero means customers got less than they expected; above zero, more. The interval shows where the true gap lies with 95 % confidence: “−0.6 (−0.9 to −0.4)” means the true gap lies between −0.9 and −0.4. If the whole interval is below zero, the shortfall is real, not chance."),
                example: t!("Customers expect invoices they can read at a glance (E = 6.2) but find them hard to read (P = 5.1). The gap is −1.1: the invoice is one of the first things to fix."),
            },
            Topic::KnowledgeGap => Explanation {
                title: t!("Knowledge gap (gap 1)"),
                measures: t!("How well management knows what customers expect: management's estimate of customers' expectation (M) minus customers' own expectation (E), per item. Gaplens also checks whether management ranks the items in the same order as customers (rank agreement)."),
                reading: t!("Below zero: customers expect more than management thinks, so the business may aim too low. Above zero: management overestimates what customers ask for, and may spend effort where it is not needed."),
                example: t!("Management thinks customers care little about a quick reply to e-mails (M = 4.0); customers rate it 6.1. The gap of −2.1 says that what the front line hears does not reach management."),
            },
            Topic::StandardsGap => Explanation {
                title: t!("Standards gap (gap 2)"),
                measures: t!("Whether the business has set service standards for what matters to customers: the share of customers' importance that lies on items with a standard. Each item counts with its dimension's importance points, shared among the dimension's items; without importance points, every item counts the same."),
                reading: t!("100 % means every item has a standard. A low share means important things are left to chance. The lists show important items without a standard and standards on items customers find less important."),
                example: t!("Customers give reliability 35 of 100 points, but only the opening hours have a standard. The coverage is low: write a standard such as “invoices are correct the first time”."),
            },
            Topic::DeliveryGap => Explanation {
                title: t!("Delivery gap (gap 3)"),
                measures: t!("Whether the business delivers its own standards: for each standard with a measured KPI, the share of measurements that meet the target, and how far the measurements lie from the target on average, in the KPI's unit."),
                reading: t!("100 % means every measurement met the target. A lower share means the standard exists on paper but is not delivered. The mean deviation says how far from the target the measurements lie on average; below zero means short of it."),
                example: t!("The standard says the phone is answered within 30 seconds. 14 of 20 measured calls met it: 70 %. The mean deviation is −5 seconds: a few long waits outweigh the quick answers."),
            },
            Topic::CommunicationGap => Explanation {
                title: t!("Communication gap (gap 4)"),
                measures: t!("Whether customers experience what marketing promises: customers' perception (P) minus the level the promise sets, per item with a promise, tested against that level."),
                reading: t!("Below zero: the promise is bigger than what customers get. Either deliver more or promise less; both close the gap."),
                example: t!("The website promises “delivery the next day”, set as level 6 on the 7-point scale. Customers rate delivery speed 4.8: the gap is −1.2."),
            },
            Topic::ExperienceGap => Explanation {
                title: t!("Experience gap (CX gap)"),
                measures: t!("The difference between the customers' picture and management's: the share of customers' ratings (P) in the top box minus the share of management's own ratings of the service (S) in the top box, in percentage points. Per item, it is the customers' mean P minus management's mean S."),
                reading: t!("Below zero: management believes it delivers a better experience than customers get. In a well-known study, 80 % of executives believed they delivered a superior experience, while 8 % of their customers agreed: a gap of −72 percentage points."),
                example: t!("Managers put 90 % of their ratings of the check-in in the top box, guests 55 %: the experience gap is −35 percentage points."),
            },
            Topic::WeightedScore => Explanation {
                title: t!("Weighted score"),
                measures: t!("One overall perception gap that counts each dimension by how important customers find it: the gap of each dimension times its share of the importance points, added up."),
                reading: t!("Read it like the perception gap. Because important dimensions weigh more, it says how much the shortfall matters to customers, not only how big it is."),
                example: t!("Reliability has a gap of −0.8 and 30 % of the importance; tangibles −0.4 and 10 %. Together they add −0.24 − 0.04 = −0.28 to the score."),
            },
            Topic::TopBox => Explanation {
                title: t!("Top box"),
                measures: t!("The share of answers in the best points of the scale: the top two of a 7-point or 10-point scale, the top one of a 5-point scale."),
                reading: t!("It shows how many are truly pleased, which an average can hide."),
                example: t!("Answers 7, 6, 6, 4 and 3 on a 7-point scale: three of five are in the top box, 60 %."),
            },
            Topic::Nps => Explanation {
                title: t!("Net Promoter Score (NPS)"),
                measures: t!("How likely customers are to recommend you, 0 to 10. The share who answer 9 or 10 (promoters) minus the share who answer 0 to 6 (detractors)."),
                reading: t!("From −100 to +100. Above zero means more promoters than detractors. Compare it with your own earlier waves rather than with other industries."),
                example: t!("Of 50 guests, 25 answer 9–10 and 10 answer 0–6: 50 % − 20 % = NPS 30."),
            },
            Topic::Csat => Explanation {
                title: t!("Customer satisfaction (CSAT)"),
                measures: t!("The share of customers who answer 4 or 5 on a 1–5 satisfaction scale."),
                reading: t!("Higher is better. It says how many are satisfied, not how satisfied they are."),
                example: t!("Of 40 answers, 30 are 4 or 5: CSAT is 75 %."),
            },
            Topic::Ces => Explanation {
                title: t!("Customer effort (CES)"),
                measures: t!("How much effort customers had to put in to get what they needed, as the mean on a 1–7 scale: 1 is very little effort, 7 a great deal."),
                reading: t!("Lower is better. Effort that customers notice often matters more to their loyalty than delight does."),
                example: t!("After a complaint, customers rate how much effort it took to get it solved: a mean of 5.2 says the process is hard work for them."),
            },
            Topic::ConfidenceInterval => Explanation {
                title: t!("Confidence interval (95 %)"),
                measures: t!("The range in which the true value lies with 95 % confidence, given how many answered and how much their answers differ. Computed from the mean, the standard error and Student's t distribution."),
                reading: t!("Narrow means precise; wide means more answers are needed. When the interval of a gap lies entirely below zero, the shortfall is not down to chance."),
                example: t!("A gap of −0.6 with the interval −0.9 to −0.4: the true gap lies between −0.9 and −0.4 with 95 % confidence, so it is a real shortfall, not chance."),
            },
            Topic::Finding => Explanation {
                title: t!("Finding"),
                measures: t!("A figure Gaplens stands behind: at least 10 answers, and a test that says the gap is very unlikely to be chance (p below 0.05). For items, the p is adjusted for testing many items at once (Holm's method), so that testing 22 items at once does not produce findings by luck."),
                reading: t!("Act on findings first. A gap that is not a finding may still be real, but the answers are not yet enough to say so."),
                example: t!("The invoice gap is −1.1 with 48 answers and an adjusted p below 0.001: a finding. The parking gap is −0.3 with p = 0.4: not a finding."),
            },
            Topic::Indicative => Explanation {
                title: t!("Indicative"),
                measures: t!("A figure based on fewer than 30 answers."),
                reading: t!("It points in a direction but can move a lot with the next answers. Use it to decide what to look at, not to decide alone."),
                example: t!("Twelve guests answered about the spa: the gap of −0.7 is indicative. Collect more answers before investing."),
            },
            Topic::TooFewAnswers => Explanation {
                title: t!("Too few answers"),
                measures: t!("A figure based on fewer than 10 answers."),
                reading: t!("Gaplens never calls it a finding and does not rank it among the priorities: with so few answers, one unhappy customer changes the picture."),
                example: t!("Four guests answered about the airport shuttle. Their mean is shown, but only as “too few answers”."),
            },
            Topic::EffectSize => Explanation {
                title: t!("Effect size (d)"),
                measures: t!("How large a perception gap is compared with how much customers differ: the mean of P − E divided by the standard deviation of P − E (Cohen's d_z)."),
                reading: t!("Around 0.2 is small, 0.5 medium and 0.8 large. Unlike p, it does not grow just because more people answered."),
                example: t!("A gap of −0.5 where customers' gaps vary with a standard deviation of 1.0 gives d = −0.5: a medium shortfall."),
            },
            Topic::Importance => Explanation {
                title: t!("Importance"),
                measures: t!("How customers divide 100 points between the dimensions of service, by what matters most to them. Gaplens uses the mean points per dimension as weights. Without points, the importance–performance chart derives importance from how closely each item's rating follows the customer's overall rating, and there is no weighted score."),
                reading: t!("The more points, the more a gap in that dimension costs you. Answers whose points do not add up to 100 are rescaled at import, and the import says how many."),
                example: t!("Guests give reliability 30 points, responsiveness 25, assurance 20, empathy 15 and tangibles (premises, equipment, printed material) 10."),
            },
            Topic::ImportancePerformance => Explanation {
                title: t!("Importance and performance"),
                measures: t!("Each item placed by importance (across) and performance, the mean P (up). The lines are the averages of all items, which split the chart into four quadrants."),
                reading: t!("Concentrate here: important and below average. Keep up the good work: important and above average. Low priority: less important and below average. Possible overkill: less important but above average, where effort could move elsewhere."),
                example: t!("Correct invoices are important but rated low: concentrate here. The welcome drink is rated high but matters little: possible overkill."),
            },
            Topic::Priorities => Explanation {
                title: t!("Priorities"),
                measures: t!("Shortfall findings, ranked by the size of the gap times the item's importance (its dimension's points, shared among the dimension's items). Each priority names the gap that most explains it and what usually closes that gap."),
                reading: t!("Start at the top. Only findings are ranked, so a priority is backed by enough answers."),
                example: t!("Invoices (−1.1, reliability 30 points) rank above parking (−1.2, tangibles 5 points): the invoice gap costs more."),
            },
            Topic::Trend => Explanation {
                title: t!("Trend"),
                measures: t!("The mean per wave with its confidence interval. A change from one wave to the next is marked when a test (Welch's t-test) says it is unlikely to be chance."),
                reading: t!("A shortfall that is a finding in two or more waves in a row is a trend, a lasting problem. A shortfall in one wave only is an event. The dashboard leads with trends."),
                example: t!("The check-in gap was −0.8 in spring and −0.9 in autumn: a trend. The breakfast gap was −1.0 only in the wave when the kitchen was rebuilt: an event."),
            },
            Topic::Wave => Explanation {
                title: t!("Wave"),
                measures: t!("One round of measurement, such as “2026 Q1”. Each answer belongs to one wave, so rounds can be compared."),
                reading: t!("Compare waves to see whether actions worked. Choose a wave to see its figures alone."),
                example: t!("The hotel asks its guests every spring and autumn; each round is a wave."),
            },
            Topic::JourneyMap => Explanation {
                title: t!("Journey map"),
                measures: t!("The perception gap of every touchpoint of the customer journey, stage by stage, with the number of complaints at each touchpoint. Critical touchpoints, where a failure weighs most, carry a star."),
                reading: t!("Look for critical touchpoints with a shortfall and many complaints: that is where customers are lost. The cells say the figure in words and numbers, not by colour alone."),
                example: t!("Check-out shows a gap of −1.0 and 12 complaints about the invoice: the problem sits at one moment of the journey, and has one owner."),
            },
            Topic::Reliability => Explanation {
                title: t!("Reliability (Cronbach's alpha)"),
                measures: t!("Whether the items of a dimension measure the same thing: how consistently customers answer them, from customers who answered every item of the dimension."),
                reading: t!("0.7 or more is usually good enough to read the dimension as a whole. Lower means the items measure different things; read them one by one."),
                example: t!("The four tangibles items, about the premises, equipment and printed material, give alpha 0.82: together they describe one impression."),
            },
            Topic::RankAgreement => Explanation {
                title: t!("Rank agreement"),
                measures: t!("Whether management puts the items in the same order of expectation as customers (Spearman's rank correlation of E and M)."),
                reading: t!("Close to 1: management knows what matters most to customers, even if the levels differ. Close to 0 or below: management's priorities are not the customers'."),
                example: t!("Customers rank “correct invoices” first; management ranks it tenth. The agreement falls, and so does the chance of fixing the right thing."),
            },
            Topic::FollowUp => Explanation {
                title: t!("Follow-up of an action"),
                measures: t!("The gap of the item an action targets, in the wave of the decision and in the next wave with answers, compared with Welch's t-test."),
                reading: t!("Improved significantly: the gap shrank and the test says it is not chance. No significant change: it may have improved, but the answers cannot show it yet. Gap closed: the new 95 % interval reaches zero, so the shortfall is no longer a finding. Each wave needs at least 10 answers for a verdict."),
                example: t!("After a new invoice layout, the invoice gap went from −1.1 to −0.3 (p = 0.002), and its new interval, −0.6 to 0.0, reaches zero: improved significantly, and the gap is closed."),
            },
        }
    }
}

/// The labels of an explanation's parts, in the interface language.
pub fn part_labels() -> [&'static str; 3] {
    [t!("What it measures"), t!("How to read it"), t!("Example")]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_topic_is_listed_once_and_has_all_parts() {
        let mut slugs: Vec<&str> = Topic::ALL.iter().map(|t| t.slug()).collect();
        slugs.sort_unstable();
        slugs.dedup();
        assert_eq!(slugs.len(), Topic::ALL.len());
        for topic in Topic::ALL {
            let e = topic.explain();
            assert!(!e.title.is_empty() && !e.measures.is_empty() && !e.reading.is_empty() && !e.example.is_empty());
            assert_eq!(Topic::from_slug(topic.slug()), Some(topic));
        }
    }

    #[test]
    fn the_reading_of_an_interval_is_spelled_out() {
        assert!(Topic::ConfidenceInterval.explain().example.contains("lies between −0.9 and −0.4 with 95 % confidence"));
    }
}
