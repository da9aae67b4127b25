//! Web pages as inputs: a URL is fetched once, kept as an archived copy
//! (the exact bytes, the final URL, when it was fetched, a content hash) in
//! the user data directory, and read from there, so that a report and a
//! review session always refer to the copy that was checked. `--refetch`
//! gets a new copy.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

use sha2::{Digest, Sha256};

/// How pages are fetched.
#[derive(Clone, Debug)]
pub struct FetchOptions {
    /// Where archived copies are kept (`archive/` under the data directory).
    pub archive: PathBuf,
    /// Fetch again even when a copy is archived.
    pub refetch: bool,
    /// The whole exchange, connection to last byte.
    pub timeout: Duration,
    /// Largest page accepted, in bytes.
    pub max_bytes: u64,
}

impl FetchOptions {
    /// The archive under `$PARALLAX_DATA_DIR` or the user data directory.
    #[must_use]
    pub fn new(max_bytes: u64, refetch: bool) -> Self {
        Self {
            archive: crate::files::data_dir().join("archive"),
            refetch,
            timeout: Duration::from_secs(30),
            max_bytes,
        }
    }
}

/// Whether an input names a web page rather than a file.
#[must_use]
pub fn is_url(input: &str) -> bool {
    let lower = input.get(..8).unwrap_or(input).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// What is recorded beside an archived page.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub struct Record {
    pub url: String,
    pub final_url: String,
    pub fetched_at: String,
    pub content_type: String,
    pub sha256: String,
    /// The archived page, a file in the same directory.
    pub file: String,
}

/// The archived copy of a page, fetched first when there is none (or with
/// `refetch`). The error names what went wrong; the caller names the URL.
pub fn archived(url: &str, opts: &FetchOptions) -> Result<PathBuf, String> {
    // The fragment is never sent to the server: "page#comments" is "page".
    let url = url.split_once('#').map_or(url, |(page, _)| page);
    let dir = opts
        .archive
        .join(&hex(&Sha256::digest(url.as_bytes()))[..32]);
    if !opts.refetch
        && let Some(copy) = archived_copy(&dir, url)
    {
        return Ok(copy);
    }
    let (bytes, final_url, content_type) = fetch(url, opts)?;
    let ext = extension(&content_type)
        .ok_or_else(|| format!("not a web page or text: the server sent {content_type}"))?;
    let record = Record {
        url: url.to_string(),
        final_url,
        fetched_at: jiff::Timestamp::now().to_string(),
        content_type,
        sha256: hex(&Sha256::digest(&bytes)),
        file: format!("page.{ext}"),
    };
    store(&dir, &record, &bytes)
        .map_err(|e| format!("fetched, but cannot archive it in {}: {e}", dir.display()))?;
    Ok(dir.join(record.file))
}

/// The page archived in `dir` for `url`, if its record is whole and names
/// a page file beside it (a record edited or damaged by hand is fetched
/// anew, never followed out of the archive).
fn archived_copy(dir: &Path, url: &str) -> Option<PathBuf> {
    let text = std::fs::read_to_string(dir.join("record.json")).ok()?;
    let record = serde_json::from_str::<Record>(&text).ok()?;
    let plain_name = record
        .file
        .strip_prefix("page.")
        .is_some_and(|ext| ["html", "txt", "md", "json"].contains(&ext));
    let copy = dir.join(&record.file);
    (record.url == url && plain_name && copy.is_file()).then_some(copy)
}

/// The bytes, the final URL after redirects and the content type.
fn fetch(url: &str, opts: &FetchOptions) -> Result<(Vec<u8>, String, String), String> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(opts.timeout))
        .max_redirects(10)
        .user_agent(concat!(
            "parallax/",
            env!("CARGO_PKG_VERSION"),
            " (news cross-checker)"
        ))
        .http_status_as_error(false)
        .build()
        .into();
    let mut response = agent.get(url).call().map_err(|e| match e {
        ureq::Error::Timeout(_) => format!(
            "no answer within {} s (offline, or the server is slow)",
            opts.timeout.as_secs()
        ),
        e => format!("cannot fetch: {e}"),
    })?;
    let status = response.status();
    if !status.is_success() {
        return Err(format!("the server answered {status}"));
    }
    let final_url = ureq::ResponseExt::get_uri(&response).to_string();
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("text/html")
        .to_string();
    let bytes = response
        .body_mut()
        .with_config()
        .limit(opts.max_bytes)
        .read_to_vec()
        .map_err(|e| match e {
            ureq::Error::BodyExceedsLimit(_) => format!(
                "the page is over the {} byte limit (raise it with --max-size)",
                opts.max_bytes
            ),
            ureq::Error::Timeout(_) => format!(
                "the page did not arrive within {} s",
                opts.timeout.as_secs()
            ),
            e => format!("cannot read the page: {e}"),
        })?;
    Ok((bytes, final_url, content_type))
}

/// The file extension Parallax reads a content type with.
fn extension(content_type: &str) -> Option<&'static str> {
    let mime = content_type.split(';').next()?.trim().to_ascii_lowercase();
    match mime.as_str() {
        "text/html" | "application/xhtml+xml" => Some("html"),
        "text/plain" => Some("txt"),
        "text/markdown" => Some("md"),
        "application/json" => Some("json"),
        _ => None,
    }
}

/// Writes the page, then its record, each atomically.
fn store(dir: &Path, record: &Record, bytes: &[u8]) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let write = |name: &str, data: &[u8]| -> std::io::Result<()> {
        let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
        tmp.write_all(data)?;
        tmp.persist(dir.join(name)).map_err(|e| e.error)?;
        Ok(())
    };
    write(&record.file, bytes)?;
    let json = serde_json::to_vec_pretty(record).map_err(std::io::Error::other)?;
    write("record.json", &json)
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    bytes.iter().fold(String::new(), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_and_content_types() {
        assert!(is_url("https://example.com/a"));
        assert!(is_url("HTTP://example.com"));
        assert!(!is_url("example.com"));
        assert!(!is_url("./https:/x"));
        assert_eq!(extension("text/html; charset=utf-8"), Some("html"));
        assert_eq!(extension("image/png"), None);
    }

    #[test]
    fn an_archived_copy_is_read_only_from_a_whole_record() {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = "https://example.com/story";
        let record = |file: &str, url: &str| {
            let record = Record {
                url: url.to_string(),
                final_url: url.to_string(),
                fetched_at: "2026-12-01T00:00:00Z".to_string(),
                content_type: "text/html".to_string(),
                sha256: String::new(),
                file: file.to_string(),
            };
            std::fs::write(
                dir.path().join("record.json"),
                serde_json::to_vec(&record).expect("json"),
            )
            .expect("write record");
        };
        std::fs::write(dir.path().join("page.html"), "<p>Hi</p>").expect("write page");
        std::fs::write(dir.path().join("other.txt"), "elsewhere").expect("write other");
        record("page.html", url);
        assert_eq!(
            archived_copy(dir.path(), url),
            Some(dir.path().join("page.html"))
        );
        // Another URL's record, a file that is not the page, a broken record.
        assert_eq!(archived_copy(dir.path(), "https://example.com/other"), None);
        record("other.txt", url);
        assert_eq!(archived_copy(dir.path(), url), None);
        record("../page.html", url);
        assert_eq!(archived_copy(dir.path(), url), None);
        std::fs::write(dir.path().join("record.json"), "{").expect("write");
        assert_eq!(archived_copy(dir.path(), url), None);
    }
}
