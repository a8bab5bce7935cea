//! A file's bytes as text: UTF-8 with or without its byte-order mark, UTF-16 by its mark, else
//! the legacy encoding the bytes look like (GB18030 for GBK exports from Chinese software, Big5,
//! Windows-1251, Windows-1252), or the one the importer names.

use encoding_rs::{Encoding, GB18030, GBK, UTF_8};

use crate::said::{Reason, Said};

/// A file read as text, and how.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    pub text: String,
    /// The encoding's name (`UTF-8`, `gb18030`, `Big5`, `windows-1251`, …).
    pub encoding: &'static str,
    /// Whether some bytes were not valid in that encoding (shown as U+FFFD).
    pub replaced: bool,
}

/// Reads `bytes` as text in `chosen` (an encoding's label, such as `gbk` or `cp1251`), or in the
/// encoding they are detected to be in.
pub fn decode(bytes: &[u8], chosen: Option<&str>) -> Result<Decoded, Said> {
    if let Some(label) = chosen.map(str::trim).filter(|l| !l.is_empty()) {
        let encoding = Encoding::for_label(label.as_bytes())
            .ok_or_else(|| Said::new(Reason::UnknownEncoding).with("value", label))?;
        return Ok(with(encoding, bytes));
    }
    if let Some((encoding, mark)) = Encoding::for_bom(bytes) {
        return Ok(with(encoding, &bytes[mark..]));
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        if text.contains('\0') {
            return Err(Said::new(Reason::NotText));
        }
        return Ok(Decoded {
            text: text.to_owned(),
            encoding: UTF_8.name(),
            replaced: false,
        });
    }
    if looks_binary(bytes) {
        return Err(Said::new(Reason::NotText));
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let guess = detector.guess(None, true);
    // GB18030 reads everything GBK does, and the characters GBK lacks.
    let encoding = if guess == GBK { GB18030 } else { guess };
    Ok(with(encoding, bytes))
}

fn with(encoding: &'static Encoding, bytes: &[u8]) -> Decoded {
    let (text, replaced) = encoding.decode_without_bom_handling(bytes);
    Decoded {
        text: text.into_owned(),
        encoding: encoding.name(),
        replaced,
    }
}

/// Whether `bytes` hold what no text file holds: NUL bytes, or many control characters (an
/// image or an archive renamed `.csv`).
fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(8192)];
    let control = sample
        .iter()
        .filter(|b| **b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c))
        .count();
    sample.contains(&0) || control * 20 > sample.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chinese_export_in_gbk_is_read_as_gb18030() {
        let (bytes, _, _) = GBK.encode(
            "客户名称,联系电话\n济南亿东,13800138000\n济南亿东科技有限公司,0531-88886666\n",
        );
        let d = decode(&bytes, None).unwrap();
        assert_eq!(d.encoding, "gb18030");
        assert!(d.text.starts_with("客户名称,联系电话"), "{}", d.text);
        assert!(!d.replaced);
    }

    #[test]
    fn utf8_with_or_without_its_mark_and_utf16_by_its_mark() {
        let plain = decode("nombre;teléfono\n".as_bytes(), None).unwrap();
        assert_eq!(
            (plain.encoding, plain.text.as_str()),
            ("UTF-8", "nombre;teléfono\n")
        );
        let marked = decode(b"\xEF\xBB\xBFname\n", None).unwrap();
        assert_eq!(marked.text, "name\n");
        let utf16 = decode(b"\xFF\xFEn\0a\0", None).unwrap();
        assert_eq!((utf16.encoding, utf16.text.as_str()), ("UTF-16LE", "na"));
    }

    #[test]
    fn cyrillic_and_latin_legacy_files_are_recognised_or_named() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(
            "Название компании;Телефон\nООО Ромашка;+7 495 123-45-67\nЗАО Север;8 812 000-00-00\n",
        );
        let d = decode(&bytes, None).unwrap();
        assert_eq!(d.encoding, "windows-1251");
        assert!(d.text.contains("ООО Ромашка"));
        let (latin, _, _) = encoding_rs::WINDOWS_1252.encode("Compañía;Teléfono\n");
        let named = decode(&latin, Some("latin1")).unwrap();
        assert_eq!(named.text, "Compañía;Teléfono\n");
    }

    #[test]
    fn a_binary_file_or_an_unknown_encoding_is_refused() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01";
        assert_eq!(decode(png, None).unwrap_err().reason, Reason::NotText);
        let refused = decode(b"a,b\n", Some("klingon")).unwrap_err();
        assert_eq!(refused.reason, Reason::UnknownEncoding);
    }
}
