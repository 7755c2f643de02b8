//! Numbers and dates as Gaplens writes them for people: the pages, the charts' labels and the
//! follow-up texts all use these, so a figure reads the same everywhere. They follow the
//! interface language (`crate::i18n`): "−0.25" in English, "−0,25" in the Nordic languages.
//! Files (CSV, JSON) never use these; they keep their own machine formats.

use crate::i18n::{lang, Lang};

/// A figure with `decimals` decimals and a true minus sign; "–" when missing or not finite.
/// "−0.00" never appears: it would read as a shortfall that is not there. The decimal mark
/// is the interface language's; figures of 10 000 and more have their thousands grouped.
pub fn number(value: Option<f64>, decimals: usize) -> String {
    number_in(lang(), value, decimals)
}

/// [`number`] in a given language.
pub fn number_in(lang: Lang, value: Option<f64>, decimals: usize) -> String {
    match value {
        Some(v) if v.is_finite() => {
            let text = format!("{v:.decimals$}");
            let zero = format!("{:.decimals$}", 0.0);
            let (negative, digits) = match text.strip_prefix('-') {
                Some(rest) if rest == zero => (false, zero.as_str().to_owned()),
                Some(rest) => (true, rest.to_owned()),
                None => (false, text),
            };
            let (whole, fraction) = digits.split_once('.').unwrap_or((&digits, ""));
            let mut out = String::with_capacity(digits.len() + 4);
            if negative {
                out.push('−');
            }
            out.push_str(&group(whole, lang.group_separator()));
            if !fraction.is_empty() {
                out.push(lang.decimal_separator());
                out.push_str(fraction);
            }
            out
        }
        _ => "–".to_owned(),
    }
}

/// A whole-number string with its thousands grouped, from 10 000 up (four digits stay whole,
/// as both English and Nordic house styles write years and small counts).
fn group(whole: &str, separator: &str) -> String {
    if whole.len() < 5 {
        return whole.to_owned();
    }
    let mut out = String::with_capacity(whole.len() + whole.len() / 3 * separator.len());
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push_str(separator);
        }
        out.push(c);
    }
    out
}

/// A percentage: the figure, a no-break space and "%" ("61 %", "61,5 %"), as SI and the
/// Nordic languages write it; "–" when missing.
pub fn percent(value: Option<f64>, decimals: usize) -> String {
    match value {
        Some(v) if v.is_finite() => format!("{}\u{a0}%", number(Some(v), decimals)),
        _ => "–".to_owned(),
    }
}

/// A whole count ("1,234" / "1 234").
pub fn count(value: usize) -> String {
    number(Some(value as f64), 0)
}

/// An ISO date ("2026-11-28") as the interface language writes it: "28 Nov 2026" in English,
/// "2026-11-28" in Swedish, "28.11.2026" in Danish and Norwegian, "28.11.2026" with no leading
/// zeros in Finnish ("5.3.2026"). Text that is not
/// an ISO date is returned as it is.
pub fn date(iso: &str) -> String {
    date_in(lang(), iso)
}

/// [`date`] in a given language.
pub fn date_in(lang: Lang, iso: &str) -> String {
    let parts: Vec<&str> = iso.get(..10).unwrap_or("").split('-').collect();
    let (Some(year), Some(month), Some(day)) = (
        parts.first().filter(|y| y.len() == 4).and_then(|y| y.parse::<u32>().ok()),
        parts.get(1).filter(|m| m.len() == 2).and_then(|m| m.parse::<u32>().ok()).filter(|m| (1..=12).contains(m)),
        parts.get(2).filter(|d| d.len() == 2).and_then(|d| d.parse::<u32>().ok()).filter(|d| (1..=31).contains(d)),
    ) else {
        return iso.to_owned();
    };
    if iso.len() != 10 {
        return iso.to_owned();
    }
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    match lang {
        Lang::En => format!("{day} {} {year}", MONTHS[month as usize - 1]),
        Lang::Sv => iso.to_owned(),
        Lang::Da | Lang::Nb => format!("{day:02}.{month:02}.{year}"),
        Lang::Fi => format!("{day}.{month}.{year}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_use_a_true_minus_and_never_show_minus_zero() {
        assert_eq!(number(Some(-0.254), 2), "−0.25");
        assert_eq!(number(Some(-0.001), 2), "0.00");
        assert_eq!(number(Some(-1.5), 1), "−1.5");
        assert_eq!(number(Some(1.5), 1), "1.5");
        assert_eq!(number(None, 2), "–");
        assert_eq!(number(Some(f64::NAN), 2), "–");
    }

    #[test]
    fn the_nordic_languages_write_a_decimal_comma_and_group_with_a_thin_space() {
        assert_eq!(number_in(Lang::Sv, Some(-0.254), 2), "−0,25");
        assert_eq!(number_in(Lang::Fi, Some(4.0), 1), "4,0");
        assert_eq!(number_in(Lang::En, Some(12345.5), 1), "12,345.5");
        assert_eq!(number_in(Lang::Da, Some(-1234567.0), 0), "−1\u{202F}234\u{202F}567");
        assert_eq!(number_in(Lang::Nb, Some(2026.0), 0), "2026");
        assert_eq!(number_in(Lang::Sv, Some(-0.001), 2), "0,00");
        assert_eq!(percent(Some(61.0), 0), "61\u{a0}%");
    }

    #[test]
    fn dates_follow_the_language_and_other_text_passes_through() {
        assert_eq!(date_in(Lang::En, "2026-11-28"), "28 Nov 2026");
        assert_eq!(date_in(Lang::Sv, "2026-11-28"), "2026-11-28");
        assert_eq!(date_in(Lang::Fi, "2026-03-05"), "5.3.2026");
        assert_eq!(date_in(Lang::Da, "2026-03-05"), "05.03.2026");
        assert_eq!(date_in(Lang::Nb, "2026-3-5"), "2026-3-5");
        assert_eq!(date_in(Lang::Da, "spring"), "spring");
        assert_eq!(date_in(Lang::En, "2026-13-01"), "2026-13-01");
    }
}
