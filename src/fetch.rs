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
    let dir = opts
        .archive
        .join(&hex(&Sha256::digest(url.as_bytes()))[..32]);
    let record_path = dir.join("record.json");
    if !opts.refetch
        && let Ok(text) = std::fs::read_to_string(&record_path)
        && let Ok(record) = serde_json::from_str::<Record>(&text)
        && dir.join(&record.file).is_file()
    {
        return Ok(dir.join(record.file));
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
}
