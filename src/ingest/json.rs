//! JSON articles: one object or an array of them, with `title`,
//! `text`/`body`/`content`, `published`/`date`, `outlet`/`source`, `url`.
//! The body string is decoded with a map back to its escapes in the file.

use std::collections::{BTreeMap, HashMap};

use serde_json::Value;
use serde_json::value::RawValue;

use super::frontmatter::meta_from;
use crate::model::{Meta, TextBuilder};

/// One article read from JSON.
#[derive(Debug)]
pub struct JsonArticle {
    pub meta: Meta,
    /// Mapped to offsets in `item`.
    pub body: TextBuilder,
    /// The article's bytes in the file: the whole file for one object, the
    /// item for each object of an array.
    pub item: std::ops::Range<usize>,
}

const BODY_KEYS: &[&str] = &["text", "body", "content", "articleBody", "article"];

/// Reads every article in a JSON document; one error per article that
/// cannot be used, in order.
pub fn read(source: &str) -> Result<Vec<Result<JsonArticle, String>>, String> {
    let bom = if source.starts_with('\u{FEFF}') { 3 } else { 0 };
    let doc = &source[bom..];
    let trimmed = doc.trim_start();
    let array = trimmed.starts_with('[');
    let objects: Vec<&RawValue> = if array {
        serde_json::from_str(doc).map_err(|e| format!("not valid JSON: {e}"))?
    } else {
        vec![serde_json::from_str(doc).map_err(|e| format!("not valid JSON: {e}"))?]
    };
    Ok(objects
        .into_iter()
        .enumerate()
        .map(|(n, raw)| {
            let item = if array {
                let start = raw.get().as_ptr() as usize - source.as_ptr() as usize;
                start..start + raw.get().len()
            } else {
                0..source.len()
            };
            article(source, item, raw).map_err(|e| {
                if array {
                    format!("item {}: {e}", n + 1)
                } else {
                    e
                }
            })
        })
        .collect())
}

fn article(
    source: &str,
    item: std::ops::Range<usize>,
    raw: &RawValue,
) -> Result<JsonArticle, String> {
    let fields: HashMap<String, &RawValue> = serde_json::from_str(raw.get())
        .map_err(|_| "expected an object with a `text` or `body` field".to_string())?;
    let (key, body) = BODY_KEYS
        .iter()
        .find_map(|k| fields.get(*k).map(|v| (*k, *v)))
        .ok_or_else(|| "no `text` or `body` field".to_string())?;
    let literal = body.get();
    if !literal.starts_with('"') {
        return Err(format!("field `{key}` must be a string"));
    }
    let offset = literal.as_ptr() as usize - source.as_ptr() as usize - item.start;
    let body = decode(literal, offset)
        .ok_or_else(|| format!("field `{key}` is not a valid JSON string"))?;
    let scalars: BTreeMap<String, Value> = fields
        .iter()
        .filter(|(k, _)| !BODY_KEYS.contains(&k.as_str()))
        .filter_map(|(k, v)| {
            serde_json::from_str::<Value>(v.get())
                .ok()
                .map(|v| (k.clone(), v))
        })
        .map(|(k, v)| match v {
            // "source": {"name": "Reuters"} is common in news APIs.
            Value::Object(o) => (k, o.get("name").cloned().unwrap_or(Value::Null)),
            v => (k, v),
        })
        .collect();
    Ok(JsonArticle {
        meta: meta_from(&scalars),
        body,
        item,
    })
}

/// Decodes a JSON string literal found at byte `offset` of the file,
/// mapping each escape back to its bytes.
fn decode(literal: &str, offset: usize) -> Option<TextBuilder> {
    let inner = literal.strip_prefix('"')?.strip_suffix('"')?;
    let base = offset + 1;
    let mut b = TextBuilder::default();
    let mut plain_start = 0;
    let mut i = 0;
    let bytes = inner.as_bytes();
    while i < bytes.len() {
        if bytes[i] != b'\\' {
            i += 1;
            continue;
        }
        if plain_start < i {
            b.verbatim(&inner[plain_start..i], base + plain_start);
        }
        let (ch, len) = escape(&inner[i..])?;
        let mut buf = [0u8; 4];
        b.decoded(ch.encode_utf8(&mut buf), base + i, len);
        i += len;
        plain_start = i;
    }
    if plain_start < inner.len() {
        b.verbatim(&inner[plain_start..], base + plain_start);
    }
    Some(b)
}

/// One escape sequence at the start of `s`: the character and its length.
fn escape(s: &str) -> Option<(char, usize)> {
    let c = s.as_bytes().get(1)?;
    let simple = match c {
        b'"' => '"',
        b'\\' => '\\',
        b'/' => '/',
        b'b' => '\u{8}',
        b'f' => '\u{c}',
        b'n' => '\n',
        b'r' => '\r',
        b't' => '\t',
        b'u' => return unicode(s),
        _ => return None,
    };
    Some((simple, 2))
}

fn unicode(s: &str) -> Option<(char, usize)> {
    let hi = u32::from_str_radix(s.get(2..6)?, 16).ok()?;
    if (0xD800..0xDC00).contains(&hi) && s.get(6..8) == Some("\\u") {
        let lo = u32::from_str_radix(s.get(8..12)?, 16).ok()?;
        let c = char::from_u32(0x10000 + ((hi - 0xD800) << 10) + (lo.wrapping_sub(0xDC00) & 0x3FF));
        return Some((c.unwrap_or('\u{FFFD}'), 12));
    }
    Some((char::from_u32(hi).unwrap_or('\u{FFFD}'), 6))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_map_back_to_the_file() {
        let src = r#"{"title": "T", "published": "2025-05-11", "source": {"name": "Wire"}, "text": "Line one \"quoted\".\nCaf\u00e9 two."}"#;
        let items = read(src).unwrap();
        let a = items.into_iter().next().unwrap().unwrap();
        assert_eq!(a.body.text, "Line one \"quoted\".\nCafé two.");
        assert_eq!(a.meta.outlet.as_deref(), Some("Wire"));
        assert_eq!(a.meta.published, Some(jiff::civil::date(2025, 5, 11)));
        let at = a.body.text.find("quoted").unwrap();
        let span = a.body.map.to_source(at - 1..at + 7);
        assert_eq!(&src[span.range()], r#"\"quoted\""#);
        let cafe = a.body.text.find("Café").unwrap();
        assert_eq!(
            &src[a.body.map.to_source(cafe..cafe + 5).range()],
            r"Caf\u00e9"
        );
    }

    #[test]
    fn wrong_types_are_per_item_errors() {
        let src = r#"[{"text": 5}, {"body": "Fine."}, 3]"#;
        let items = read(src).unwrap();
        assert_eq!(
            items[0].as_ref().err().unwrap(),
            "item 1: field `text` must be a string"
        );
        assert!(items[1].is_ok());
        assert!(items[2].is_err());
        assert!(read("{oops").unwrap_err().contains("not valid JSON"));
    }
}
