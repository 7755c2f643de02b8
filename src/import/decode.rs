//! Bytes to text: which character encoding a file is in, and whether it is text at all.
//!
//! Spreadsheet programs save "CSV" in several encodings. Gaplens reads, in this order:
//!
//! 1. a UTF-16 byte-order mark (LE `FF FE` or BE `FE FF`): UTF-16 ("Unicode text" in Excel);
//! 2. a UTF-8 byte-order mark, or bytes that are valid UTF-8: UTF-8 ("CSV UTF-8");
//! 3. no mark, but every other byte zero in the first kilobytes: UTF-16 without a mark;
//! 4. anything else that looks like text: Windows-1252, what Excel on Windows writes for "CSV"
//!    in Western and Nordic locales (å ä ö æ ø are single bytes there).
//!
//! Known binary formats (a ZIP such as an `.xlsx` workbook, an old `.xls`, images, PDF) and
//! content with NUL or other control bytes are rejected before any of that, with a message
//! that says what the file looks like and what to do.

use std::borrow::Cow;
use std::fmt;

/// The character encoding a file was read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum TextEncoding {
    /// UTF-8, with or without a byte-order mark.
    Utf8,
    /// UTF-16, little-endian (with a byte-order mark, or detected without one).
    Utf16Le,
    /// UTF-16, big-endian (with a byte-order mark, or detected without one).
    Utf16Be,
    /// Windows-1252 (Western European): bytes that are not UTF-8 but look like text.
    Windows1252,
}

impl TextEncoding {
    /// The encoding's name as shown to users.
    pub fn as_str(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Utf16Le => "UTF-16 LE",
            TextEncoding::Utf16Be => "UTF-16 BE",
            TextEncoding::Windows1252 => "Windows-1252",
        }
    }
}

impl fmt::Display for TextEncoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A binary format recognised by its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum BinaryFormat {
    /// A ZIP archive: an Excel workbook (`.xlsx`), an OpenDocument spreadsheet, or another ZIP.
    Zip,
    /// An OLE compound file: an Excel 97–2003 workbook (`.xls`) or another Office document.
    OldOffice,
    /// A PDF document.
    Pdf,
    /// An image (PNG, JPEG or GIF).
    Image,
}

impl BinaryFormat {
    /// Recognises a format from the file's first bytes.
    pub fn sniff(bytes: &[u8]) -> Option<BinaryFormat> {
        const SIGNATURES: &[(&[u8], BinaryFormat)] = &[
            (b"PK\x03\x04", BinaryFormat::Zip),
            (b"PK\x05\x06", BinaryFormat::Zip), // an empty ZIP
            (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", BinaryFormat::OldOffice),
            (b"%PDF-", BinaryFormat::Pdf),
            (b"\x89PNG\r\n\x1A\n", BinaryFormat::Image),
            (b"\xFF\xD8\xFF", BinaryFormat::Image),
            (b"GIF87a", BinaryFormat::Image),
            (b"GIF89a", BinaryFormat::Image),
        ];
        SIGNATURES.iter().find(|(magic, _)| bytes.starts_with(magic)).map(|&(_, format)| format)
    }

    /// What the file looks like and what to do, as a sentence starting "this looks like", in
    /// the interface language.
    pub fn advice(self) -> &'static str {
        match self {
            BinaryFormat::Zip => t!(
                "this looks like an Excel workbook (.xlsx) or another ZIP file, not CSV text: open it in Excel, \
                 use File › Save As › \"CSV UTF-8 (Comma delimited)\", and import that file"
            ),
            BinaryFormat::OldOffice => t!(
                "this looks like an old Excel workbook (.xls), not CSV text: open it in Excel, use File › Save As › \
                 \"CSV UTF-8 (Comma delimited)\", and import that file"
            ),
            BinaryFormat::Pdf => {
                t!("this looks like a PDF document, not CSV text: export the data from the program that made it as CSV")
            }
            BinaryFormat::Image => t!("this looks like an image, not CSV text: choose the survey's CSV file instead"),
        }
    }
}

/// Why bytes could not be read as text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecodeError {
    /// A known binary format.
    Binary(BinaryFormat),
    /// Binary content (a NUL or other control byte) at this byte offset.
    NotText {
        /// Offset of the first offending byte, counted from 0.
        byte: usize,
    },
}

/// Text read from a file, without any byte-order mark.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded<'a> {
    /// The text; borrowed from the bytes when they were UTF-8.
    pub text: Cow<'a, str>,
    /// The encoding it was read in.
    pub encoding: TextEncoding,
}

/// How many leading bytes the UTF-16 and binary heuristics look at.
const SNIFF_BYTES: usize = 4096;

/// Reads `bytes` as text in the encoding they appear to be in (see the module docs).
///
/// # Errors
/// [`DecodeError::Binary`] for a recognised binary format; [`DecodeError::NotText`] at the
/// first NUL byte in UTF-8 or Windows-1252 content, at the first control byte of content that
/// is neither UTF-8 nor UTF-16 and holds many of them, or at the first broken UTF-16 unit.
/// Empty input decodes to empty UTF-8 text.
pub fn decode(bytes: &[u8]) -> Result<Decoded<'_>, DecodeError> {
    if let Some(format) = BinaryFormat::sniff(bytes) {
        return Err(DecodeError::Binary(format));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return decode_utf16(rest, 2, TextEncoding::Utf16Le);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return decode_utf16(rest, 2, TextEncoding::Utf16Be);
    }
    let (body, offset) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => (rest, 3),
        None => (bytes, 0),
    };
    if let Ok(text) = std::str::from_utf8(body) {
        if let Some(byte) = text.bytes().position(|b| b == 0) {
            // UTF-16 without a mark is ASCII-compatible UTF-8 with a NUL in every other byte.
            if offset == 0 {
                if let Some(encoding) = unmarked_utf16(body) {
                    return decode_utf16(body, 0, encoding);
                }
            }
            return Err(DecodeError::NotText { byte: offset + byte });
        }
        return Ok(Decoded { text: Cow::Borrowed(text), encoding: TextEncoding::Utf8 });
    }
    if offset == 0 {
        if let Some(encoding) = unmarked_utf16(body) {
            return decode_utf16(body, 0, encoding);
        }
    }
    if let Some(byte) = binary_content(body) {
        return Err(DecodeError::NotText { byte: offset + byte });
    }
    Ok(Decoded { text: Cow::Owned(decode_windows_1252(body)), encoding: TextEncoding::Windows1252 })
}

/// Windows-1252 as the WHATWG Encoding Standard defines it (what browsers and `encoding_rs`
/// do): Latin-1, except bytes 0x80–0x9F, which hold € ‚ ƒ „ … and friends.
///
/// `encoding_rs::WINDOWS_1252.decode…` would do the same, but its decoder dispatches over
/// every encoding and brings all of their tables into the web build (about 100 KB brotli,
/// measured); its Latin-1 routine plus this 32-entry table costs about 1 KB. The unit tests
/// check all 256 bytes against `encoding_rs::WINDOWS_1252`.
fn decode_windows_1252(bytes: &[u8]) -> String {
    /// Code points of bytes 0x80–0x9F; the five unassigned bytes map to the C1 control of
    /// the same number, as in the standard.
    const HIGH: [char; 32] = [
        '\u{20AC}', '\u{0081}', '\u{201A}', '\u{0192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}',
        '\u{02C6}', '\u{2030}', '\u{0160}', '\u{2039}', '\u{0152}', '\u{008D}', '\u{017D}', '\u{008F}',
        '\u{0090}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}',
        '\u{02DC}', '\u{2122}', '\u{0161}', '\u{203A}', '\u{0153}', '\u{009D}', '\u{017E}', '\u{0178}',
    ];
    let latin1 = encoding_rs::mem::decode_latin1(bytes);
    if !bytes.iter().any(|b| (0x80..=0x9F).contains(b)) {
        return latin1.into_owned();
    }
    latin1
        .chars()
        .map(|c| match u32::from(c) {
            code @ 0x80..=0x9F => HIGH[(code - 0x80) as usize],
            _ => c,
        })
        .collect()
}

/// UTF-16 without a byte-order mark: in the first bytes, nearly every byte at one parity is
/// zero and nearly none at the other (true of text in Latin scripts).
fn unmarked_utf16(bytes: &[u8]) -> Option<TextEncoding> {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    let pairs = head.len() / 2;
    if pairs < 2 {
        return None;
    }
    let zeros_at = |parity: usize| head.iter().skip(parity).step_by(2).take(pairs).filter(|&&b| b == 0).count();
    let (even, odd) = (zeros_at(0), zeros_at(1));
    let mostly = |n: usize| n * 10 >= pairs * 9;
    let few = |n: usize| n * 10 <= pairs;
    if mostly(odd) && few(even) {
        Some(TextEncoding::Utf16Le)
    } else if mostly(even) && few(odd) {
        Some(TextEncoding::Utf16Be)
    } else {
        None
    }
}

/// Decodes UTF-16 units; `offset` is where `bytes` start in the file (for error positions).
fn decode_utf16(bytes: &[u8], offset: usize, encoding: TextEncoding) -> Result<Decoded<'static>, DecodeError> {
    let big_endian = encoding == TextEncoding::Utf16Be;
    let units = bytes.chunks(2).map(|pair| match (pair, big_endian) {
        ([a, b], false) => u16::from_le_bytes([*a, *b]),
        ([a, b], true) => u16::from_be_bytes([*a, *b]),
        // An odd last byte: not a whole unit, so not UTF-16 text. 0xDC00 is an unpaired
        // surrogate, which decode_utf16 reports at this position.
        _ => 0xDC00,
    });
    let mut text = String::with_capacity(bytes.len() / 2);
    let mut units_read = 0usize;
    for decoded in char::decode_utf16(units) {
        match decoded {
            Ok('\0') => return Err(DecodeError::NotText { byte: offset + units_read * 2 }),
            Ok(c) => {
                units_read += c.len_utf16();
                text.push(c);
            }
            Err(_) => return Err(DecodeError::NotText { byte: offset + units_read * 2 }),
        }
    }
    // A byte-order mark written twice (some tools do) is not part of the text.
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_owned(),
        None => text,
    };
    Ok(Decoded { text: Cow::Owned(text), encoding })
}

/// Content that is not UTF-8 and not UTF-16 is binary when it holds a NUL byte, or when
/// more than 1 in 100 of its first bytes are control bytes that text files do not hold.
/// Returns the offset of the first such byte.
fn binary_content(bytes: &[u8]) -> Option<usize> {
    // Tab, line feed, form feed, carriage return and the DOS end-of-file mark occur in text.
    let is_control = |b: u8| matches!(b, 0x00..=0x08 | 0x0B | 0x0E..=0x19 | 0x1B..=0x1F | 0x7F);
    if let Some(byte) = bytes.iter().position(|&b| b == 0) {
        return Some(byte);
    }
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    let controls = head.iter().filter(|&&b| is_control(b)).count();
    if controls * 100 > head.len() {
        return head.iter().position(|&b| is_control(b));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
        let mut out = Vec::new();
        let units = bom.then_some(0xFEFF_u16).into_iter().chain(text.encode_utf16());
        for unit in units {
            out.extend(if big_endian { unit.to_be_bytes() } else { unit.to_le_bytes() });
        }
        out
    }

    #[test]
    fn utf8_with_and_without_bom_is_borrowed() {
        let plain = decode("id;segment:ort\n1;Malmö\n".as_bytes()).unwrap();
        assert_eq!(plain.encoding, TextEncoding::Utf8);
        assert!(matches!(plain.text, Cow::Borrowed("id;segment:ort\n1;Malmö\n")));
        let bom = decode("\u{feff}id\nÅ\n".as_bytes()).unwrap();
        assert_eq!((bom.text.as_ref(), bom.encoding), ("id\nÅ\n", TextEncoding::Utf8));
        assert_eq!(decode(b"").unwrap().text, "");
    }

    #[test]
    fn utf16_little_and_big_endian_with_bom() {
        let text = "id;comment\n1;Smörgås, æble og øl\n";
        for (big_endian, encoding) in [(false, TextEncoding::Utf16Le), (true, TextEncoding::Utf16Be)] {
            let bytes = utf16(text, big_endian, true);
            let decoded = decode(&bytes).unwrap();
            assert_eq!((decoded.text.as_ref(), decoded.encoding), (text, encoding));
        }
    }

    #[test]
    fn utf16_without_bom_is_recognised_by_its_zero_bytes() {
        let text = "id,comment\n1,Tack så mycket\n";
        let (little, big) = (utf16(text, false, false), utf16(text, true, false));
        let decoded = decode(&little).unwrap();
        assert_eq!((decoded.text.as_ref(), decoded.encoding), (text, TextEncoding::Utf16Le));
        let decoded = decode(&big).unwrap();
        assert_eq!((decoded.text.as_ref(), decoded.encoding), (text, TextEncoding::Utf16Be));
    }

    #[test]
    fn broken_utf16_is_not_text_at_the_broken_unit() {
        // BOM, "a", an unpaired high surrogate.
        let bytes = [0xFF, 0xFE, b'a', 0, 0x00, 0xD8, b'b', 0];
        assert_eq!(decode(&bytes), Err(DecodeError::NotText { byte: 4 }));
        // An odd number of bytes after the mark.
        assert_eq!(decode(&[0xFF, 0xFE, b'a', 0, b'b']), Err(DecodeError::NotText { byte: 4 }));
        // A NUL character inside UTF-16 text.
        assert_eq!(decode(&[0xFE, 0xFF, 0, b'a', 0, 0]), Err(DecodeError::NotText { byte: 4 }));
    }

    #[test]
    fn windows_1252_nordic_letters() {
        // "Malmö;Århus;Ærø;Søren;€" in Windows-1252.
        let bytes = b"Malm\xF6;\xC5rhus;\xC6r\xF8;S\xF8ren;\x80\r\n";
        let decoded = decode(bytes).unwrap();
        assert_eq!(decoded.encoding, TextEncoding::Windows1252);
        assert_eq!(decoded.text, "Malmö;Århus;Ærø;Søren;€\r\n");
        assert_eq!(TextEncoding::Windows1252.to_string(), "Windows-1252");
    }

    #[test]
    fn windows_1252_agrees_with_encoding_rs_on_every_byte() {
        let every_byte: Vec<u8> = (0u8..=255).collect();
        let (expected, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&every_byte);
        assert_eq!(decode_windows_1252(&every_byte), expected);
        assert_eq!(decode_windows_1252(b"plain \xE5\xE4\xF6"), "plain åäö");
    }

    #[test]
    fn known_binary_formats_are_named() {
        assert_eq!(decode(b"PK\x03\x04\x14\x00\x06\x00"), Err(DecodeError::Binary(BinaryFormat::Zip)));
        assert_eq!(decode(b"\x89PNG\r\n\x1A\n\0\0\0\rIHDR"), Err(DecodeError::Binary(BinaryFormat::Image)));
        assert_eq!(decode(b"%PDF-1.7\n"), Err(DecodeError::Binary(BinaryFormat::Pdf)));
        assert_eq!(
            decode(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0"),
            Err(DecodeError::Binary(BinaryFormat::OldOffice))
        );
        assert!(BinaryFormat::Zip.advice().contains("Excel"));
    }

    #[test]
    fn nul_and_control_bytes_are_binary() {
        assert_eq!(decode(b"id\n1\0\n"), Err(DecodeError::NotText { byte: 4 }));
        assert_eq!(decode(b"\xEF\xBB\xBFid\0"), Err(DecodeError::NotText { byte: 5 }));
        // Not UTF-8 (0xF6) and a NUL: binary, not Windows-1252.
        assert_eq!(decode(b"Malm\xF6\0x"), Err(DecodeError::NotText { byte: 5 }));
        // Not UTF-8 and full of control bytes.
        let noise: Vec<u8> = (0u8..=255).filter(|&b| b != 0).cycle().take(2000).collect();
        assert!(matches!(decode(&noise), Err(DecodeError::NotText { byte: 0 })));
        // A stray control byte in otherwise plain Windows-1252 text is still text.
        let mut text = b"comment\n".repeat(50);
        text.extend(b"Malm\xF6\x0B\n");
        assert_eq!(decode(&text).unwrap().encoding, TextEncoding::Windows1252);
    }
}
