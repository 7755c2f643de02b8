//! Numbers as people type them in spreadsheets: `5`, `5.5`, `5,5`, `-1`.

/// Parses a plain decimal number with a decimal point or a decimal comma.
///
/// # Remarks
/// Leading and trailing spaces are ignored. Thousands separators (`1.234,5`, `1 234`),
/// exponents, `NaN` and `inf` are not numbers here: a spreadsheet answer never needs them
/// and accepting them would hide mistakes. Returns `None` for anything else.
pub fn parse_number(text: &str) -> Option<f64> {
    let text = text.trim();
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    let mut separators = 0;
    let mut digit_count = 0;
    for c in digits.chars() {
        match c {
            '0'..='9' => digit_count += 1,
            '.' | ',' => separators += 1,
            _ => return None,
        }
    }
    if digit_count == 0 || separators > 1 || digits.starts_with(['.', ',']) || digits.ends_with(['.', ',']) {
        return None;
    }
    text.replace(',', ".").parse::<f64>().ok().filter(|v| v.is_finite())
}

#[cfg(test)]
mod tests {
    use super::parse_number;

    #[test]
    fn accepts_point_and_comma() {
        assert_eq!(parse_number("5"), Some(5.0));
        assert_eq!(parse_number(" 5.5 "), Some(5.5));
        assert_eq!(parse_number("5,5"), Some(5.5));
        assert_eq!(parse_number("-1"), Some(-1.0));
    }

    #[test]
    fn rejects_what_is_not_a_plain_number() {
        for text in ["", "abc", "1.234,5", "1 234", "1e3", "NaN", "inf", ".5", "5.", "--1", "5,5,5"] {
            assert_eq!(parse_number(text), None, "{text:?}");
        }
    }
}
