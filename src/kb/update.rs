//! `kb update`, the part with files and network: the query sent to a
//! SPARQL endpoint page by page (timeouts, retries with backoff, a
//! User-Agent naming Parallax), or a saved results file read instead; the
//! user KB written beside the other user data, atomically, so that a
//! failed update leaves the previous file as it was.

use std::path::{Path, PathBuf};
use std::time::Duration;

use super::model::{Kb, KbError};
use super::wikidata::{self, Row, Summary};

/// The public Wikidata query service.
pub const WIKIDATA_ENDPOINT: &str = "https://query.wikidata.org/sparql";

/// The user KB's file name under the data directory.
const USER_KB: &str = "kb/wikidata.toml";

/// The user KB file: `kb/wikidata.toml` under `$PARALLAX_DATA_DIR` or the
/// user data directory (where sessions and archived pages are kept).
#[must_use]
pub fn user_kb_path() -> PathBuf {
    crate::files::data_dir().join(USER_KB)
}

/// How the endpoint is asked.
#[derive(Clone, Debug)]
pub struct Endpoint {
    pub url: String,
    /// One request, connection to last byte. The public service stops a
    /// query after 60 s; a little more covers the transfer.
    pub timeout: Duration,
    /// Further attempts after a timeout, a dropped connection, 429 or 5xx.
    pub retries: u32,
    /// The first wait before retrying; doubled each time (unless the
    /// server says how long with Retry-After).
    pub backoff: Duration,
    /// Rows per request.
    pub page: usize,
    /// Largest answer accepted, per page.
    pub max_bytes: u64,
}

impl Default for Endpoint {
    fn default() -> Self {
        Endpoint {
            url: WIKIDATA_ENDPOINT.to_string(),
            timeout: Duration::from_secs(75),
            retries: 4,
            backoff: Duration::from_secs(2),
            page: 10_000,
            max_bytes: 256 * 1024 * 1024,
        }
    }
}

/// Every row of `query`, page by page: LIMIT/OFFSET appended until a page
/// comes back short. `progress` hears the rows so far. Also returns the
/// rows skipped (dates that cannot be placed).
pub fn fetch_rows(
    endpoint: &Endpoint,
    query: &str,
    mut progress: impl FnMut(usize),
) -> Result<(Vec<Row>, usize), KbError> {
    let agent = agent(endpoint);
    let mut rows = Vec::new();
    let mut skipped = 0;
    let mut offset = 0;
    loop {
        let page = format!(
            "{query}\nORDER BY ?office ?holder ?start ?statement\nLIMIT {} OFFSET {offset}",
            endpoint.page
        );
        let body = with_retries(endpoint, || get(&agent, endpoint, &page))?;
        let name = format!("{} (rows from {offset})", endpoint.url);
        let (got, skip) = wikidata::parse_results(&name, &body)?;
        // A page is full when every binding in it came back, placed or not.
        let n = got.len() + skip;
        rows.extend(got);
        skipped += skip;
        progress(rows.len());
        if n < endpoint.page {
            return Ok((rows, skipped));
        }
        offset += endpoint.page;
    }
}

fn agent(endpoint: &Endpoint) -> ureq::Agent {
    ureq::Agent::config_builder()
        .timeout_global(Some(endpoint.timeout))
        .max_redirects(5)
        // The service's policy asks for a User-Agent that names the tool.
        .user_agent(concat!(
            "Parallax/",
            env!("CARGO_PKG_VERSION"),
            " (news cross-checker; `parallax kb update`) ureq"
        ))
        .http_status_as_error(false)
        .build()
        .into()
}

/// Why one request failed, and whether asking again may help.
struct Failure {
    message: String,
    retry: bool,
    /// The wait the server asked for (Retry-After, seconds).
    wait: Option<Duration>,
}

fn with_retries(
    endpoint: &Endpoint,
    mut attempt: impl FnMut() -> Result<String, Failure>,
) -> Result<String, KbError> {
    let mut wait = endpoint.backoff;
    let mut tries = 0;
    loop {
        match attempt() {
            Ok(body) => return Ok(body),
            Err(f) if f.retry && tries < endpoint.retries => {
                tries += 1;
                tracing::warn!("{}: {}; retrying ({tries})", endpoint.url, f.message);
                std::thread::sleep(f.wait.unwrap_or(wait).min(Duration::from_mins(2)));
                wait *= 2;
            }
            Err(f) => {
                let after = if tries > 0 {
                    format!(" (after {} attempts)", tries + 1)
                } else {
                    String::new()
                };
                return Err(KbError {
                    file: endpoint.url.clone(),
                    message: format!("{}{after}", f.message),
                });
            }
        }
    }
}

fn get(agent: &ureq::Agent, endpoint: &Endpoint, query: &str) -> Result<String, Failure> {
    let failed = |message: String, retry: bool| Failure {
        message,
        retry,
        wait: None,
    };
    let mut response = agent
        .get(&endpoint.url)
        .query("query", query)
        .query("format", "json")
        .header("Accept", "application/sparql-results+json")
        .call()
        .map_err(|e| match e {
            ureq::Error::Timeout(_) => failed(
                format!("no answer within {} s", endpoint.timeout.as_secs()),
                true,
            ),
            e => failed(format!("cannot ask the endpoint: {e}"), true),
        })?;
    let status = response.status();
    if !status.is_success() {
        let wait = response
            .headers()
            .get("retry-after")
            .and_then(|v| v.to_str().ok()?.trim().parse().ok())
            .map(Duration::from_secs);
        let retry = status.as_u16() == 429 || status.is_server_error();
        let detail = response
            .body_mut()
            .with_config()
            .limit(4096)
            .read_to_string()
            .unwrap_or_default();
        let first = detail.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
        return Err(Failure {
            message: format!("the endpoint answered {status}: {first}"),
            retry,
            wait,
        });
    }
    response
        .body_mut()
        .with_config()
        .limit(endpoint.max_bytes)
        .read_to_string()
        .map_err(|e| match e {
            ureq::Error::Timeout(_) => failed(
                format!(
                    "the answer did not arrive within {} s",
                    endpoint.timeout.as_secs()
                ),
                true,
            ),
            e => failed(format!("cannot read the answer: {e}"), true),
        })
}

/// Where `kb update` takes its rows from.
pub enum Source<'a> {
    Endpoint(&'a Endpoint),
    /// A results file saved from the endpoint (SPARQL JSON).
    File(&'a Path),
}

/// `parallax kb update`: the rows, the user KB built from them over the
/// hand-written built-in files, complete to `as_of` (the day the results were taken),
/// written to `target` atomically. A failure anywhere leaves `target` as
/// it was.
pub fn update(
    from: &Source<'_>,
    target: &Path,
    as_of: jiff::civil::Date,
    progress: impl FnMut(usize),
) -> Result<Summary, KbError> {
    let base = Kb::handwritten();
    let (rows, skipped, source) = match from {
        Source::Endpoint(endpoint) => {
            let (rows, skipped) = fetch_rows(endpoint, &wikidata::query_for(base), progress)?;
            let source = format!(
                "Wikidata, {} (assets/kb/wikidata/office-holders.rq)",
                endpoint.url
            );
            (rows, skipped, source)
        }
        Source::File(path) => {
            let name = path.display().to_string();
            let text = crate::files::read_regular(path, super::MAX_KB_FILE)
                .and_then(|b| {
                    String::from_utf8(b)
                        .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))
                })
                .map_err(|e| KbError {
                    file: name.clone(),
                    message: format!("cannot read the results file: {e}"),
                })?;
            let (rows, skipped) = wikidata::parse_results(&name, &text)?;
            let source = format!(
                "Wikidata results saved in {} (assets/kb/wikidata/office-holders.rq)",
                path.file_name()
                    .map_or(name.clone(), |n| n.to_string_lossy().into_owned())
            );
            (rows, skipped, source)
        }
    };
    if rows.is_empty() {
        return Err(KbError {
            file: source,
            message: "no office holders in the results; the user KB was left as it was".into(),
        });
    }
    let (text, summary) = wikidata::build(rows, skipped, base, as_of, &source);
    // What was written must load over the KB it was matched against.
    let name = target.display().to_string();
    let kb = Kb::handwritten_with(&[(name.as_str(), text.as_str())])?;
    crate::files::write_atomically(target, text.as_bytes()).map_err(|e| KbError {
        file: target.display().to_string(),
        message: format!("cannot write the user knowledge base: {e}"),
    })?;
    if target == user_kb_path() {
        // The next run reads this instead of parsing the file.
        super::save_snapshot(&kb, target);
    }
    Ok(summary)
}
