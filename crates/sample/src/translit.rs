//! Romanisation for email addresses and domains: folds Latin diacritics and transliterates
//! Russian Cyrillic into lowercase ASCII (Chinese words carry their own pinyin instead).

/// Appends the lowercase ASCII form of `text` to `out`. Letters and digits are kept; any run
/// of other characters (spaces, punctuation, quotes) becomes a single `sep` (or is dropped when
/// `sep` is `None`), and no separator is written at the start or end.
pub(crate) fn push_ascii(out: &mut String, text: &str, sep: Option<char>) {
    let start = out.len();
    let mut pending = false;
    let mut lower = [0u8; 4];
    for ch in text.chars() {
        let latin = match fold(ch) {
            Some(latin) => latin,
            None if ch.is_ascii_alphanumeric() => ch.to_ascii_lowercase().encode_utf8(&mut lower),
            None => {
                pending = true;
                continue;
            }
        };
        if latin.is_empty() {
            continue;
        }
        if let Some(sep) = sep.filter(|_| pending && out.len() > start) {
            out.push(sep);
        }
        pending = false;
        out.push_str(latin);
    }
}

/// The lowercase ASCII form of `text`, words joined by `sep`.
#[cfg(test)]
pub(crate) fn ascii(text: &str, sep: Option<char>) -> String {
    let mut out = String::with_capacity(text.len());
    push_ascii(&mut out, text, sep);
    out
}

/// Romanises one non-ASCII letter; `None` for ASCII and for characters that are separators.
fn fold(ch: char) -> Option<&'static str> {
    let lower = if ('А'..='Я').contains(&ch) {
        char::from_u32(ch as u32 + 32).unwrap_or(ch)
    } else {
        ch
    };
    Some(match lower {
        'á' | 'à' | 'ä' | 'â' | 'Á' => "a",
        'é' | 'è' | 'ë' | 'ê' | 'É' => "e",
        'í' | 'ï' | 'Í' => "i",
        'ó' | 'ö' | 'ô' | 'Ó' => "o",
        'ú' | 'ü' | 'Ú' | 'Ü' => "u",
        'ñ' | 'Ñ' => "n",
        'ç' => "c",
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' => "g",
        'д' => "d",
        'е' | 'ё' | 'Ё' | 'э' => "e",
        'ж' => "zh",
        'з' => "z",
        'и' => "i",
        'й' | 'ы' => "y",
        'к' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' => "u",
        'ф' => "f",
        'х' => "kh",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "shch",
        'ъ' | 'ь' => "",
        'ю' => "yu",
        'я' => "ya",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn russian_names_become_readable_latin() {
        assert_eq!(ascii("Иван Смирнов", Some('.')), "ivan.smirnov");
        assert_eq!(ascii("Соловьёв", None), "solovev");
        assert_eq!(
            ascii("«Северная логистика»", Some('-')),
            "severnaya-logistika"
        );
        assert_eq!(ascii("Щукин-Юрьев", Some('-')), "shchukin-yurev");
    }

    #[test]
    fn spanish_accents_fold_to_plain_letters() {
        assert_eq!(ascii("María José Núñez", Some('.')), "maria.jose.nunez");
        assert_eq!(
            ascii("Construcciones Hernández S.L.", Some('-')),
            "construcciones-hernandez-s-l"
        );
    }
}
