//! Front matter: a YAML (`---`) or TOML (`+++`) block at the top of a
//! Markdown or text file with the article's metadata.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::model::Meta;

/// Where the front matter ends and what it said.
#[derive(Debug)]
pub struct FrontMatter {
    /// Byte offset where the body starts.
    pub body_start: usize,
    pub meta: Meta,
}

/// Reads the front matter at the top of `source` (after an optional BOM).
/// `Ok(None)` when there is none; `Err` names what is wrong with it.
pub fn read(source: &str) -> Result<Option<FrontMatter>, String> {
    let bom = if source.starts_with('\u{FEFF}') { 3 } else { 0 };
    let rest = &source[bom..];
    let fence = if rest.starts_with("---") {
        "---"
    } else if rest.starts_with("+++") {
        "+++"
    } else {
        return Ok(None);
    };
    let first_nl = match rest.find('\n') {
        Some(i) if rest[..i].trim_end() == fence => i + 1,
        _ => return Ok(None),
    };
    let mut pos = first_nl;
    let mut close = None;
    for line in rest[first_nl..].split_inclusive('\n') {
        if line.trim_end() == fence {
            close = Some((pos, pos + line.len()));
            break;
        }
        pos += line.len();
    }
    let Some((block_end, body_start)) = close else {
        return Err(format!(
            "front matter opened with `{fence}` on line 1 is never closed"
        ));
    };
    let block = &rest[first_nl..block_end];
    let fields: BTreeMap<String, Value> = if fence == "---" {
        serde_saphyr::from_str(block).map_err(|e| format!("front matter is not valid YAML: {e}"))?
    } else {
        toml::from_str(block).map_err(|e| format!("front matter is not valid TOML: {e}"))?
    };
    Ok(Some(FrontMatter {
        body_start: bom + body_start,
        meta: meta_from(&fields),
    }))
}

fn field(fields: &BTreeMap<String, Value>, keys: &[&str]) -> Option<String> {
    keys.iter().find_map(|k| {
        fields
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case(k))
            .and_then(|(_, v)| match v {
                Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
                Value::Number(n) => Some(n.to_string()),
                // TOML's unquoted dates arrive as a one-field object.
                Value::Object(o) if o.len() == 1 => o
                    .values()
                    .next()
                    .and_then(Value::as_str)
                    .map(str::to_string),
                Value::Array(items) => {
                    let names: Vec<&str> = items.iter().filter_map(Value::as_str).collect();
                    (!names.is_empty()).then(|| names.join(", "))
                }
                _ => None,
            })
    })
}

/// Metadata from loosely named fields.
#[must_use]
pub fn meta_from(fields: &BTreeMap<String, Value>) -> Meta {
    Meta {
        outlet: field(
            fields,
            &[
                "outlet",
                "source",
                "publication",
                "site",
                "site_name",
                "publisher",
            ],
        ),
        title: field(fields, &["title", "headline"]),
        author: field(fields, &["author", "authors", "byline"]),
        url: field(fields, &["url", "link", "canonical"]),
        published: field(
            fields,
            &[
                "published",
                "date",
                "published_at",
                "datePublished",
                "pubdate",
            ],
        )
        .and_then(|d| parse_iso_prefix(&d)),
    }
}

/// The date at the start of an ISO date or date-time string.
#[must_use]
pub fn parse_iso_prefix(s: &str) -> Option<jiff::civil::Date> {
    s.trim().get(..10)?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_front_matter() {
        let src = "---\noutlet: Harbour Ledger\ntitle: \"Truce begins\"\npublished: 2025-01-19\nauthor: [A. One, B. Two]\n---\nBody\n";
        let fm = read(src).unwrap().unwrap();
        assert_eq!(&src[fm.body_start..], "Body\n");
        assert_eq!(fm.meta.outlet.as_deref(), Some("Harbour Ledger"));
        assert_eq!(fm.meta.published, Some(jiff::civil::date(2025, 1, 19)));
        assert_eq!(fm.meta.author.as_deref(), Some("A. One, B. Two"));
    }

    #[test]
    fn toml_front_matter() {
        let src = "+++\ntitle = \"T\"\ndate = \"2025-01-20T08:15:00Z\"\n+++\nBody";
        let fm = read(src).unwrap().unwrap();
        assert_eq!(fm.meta.published, Some(jiff::civil::date(2025, 1, 20)));
    }

    #[test]
    fn broken_front_matter_is_explained() {
        assert!(
            read("---\ntitle: [unclosed\n---\nBody")
                .unwrap_err()
                .contains("YAML")
        );
        assert!(
            read("---\ntitle: x\nBody")
                .unwrap_err()
                .contains("never closed")
        );
        assert!(read("--- not a fence\n").unwrap().is_none());
    }
}
