//! Session files on disk: found by the set of articles, read strictly,
//! written atomically (a temporary file beside it, flushed to disk, then
//! renamed over it), and never overwritten when they cannot be understood.

use std::collections::{BTreeMap, BTreeSet};
use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::{Decision, SessionFile, VERSION};

/// A session file that cannot be used. The file is left as it is.
#[derive(Debug, thiserror::Error)]
pub enum SessionError {
    #[error(
        "{path}: not a Parallax session file ({message}); it was left untouched. \
         Hint: move it away, or pass --session with another file"
    )]
    Damaged { path: String, message: String },
    #[error(
        "{path}: written by a newer Parallax (session format {found}, this one reads up to {VERSION}); \
         it was left untouched. Hint: use a newer parallax, or pass --session with another file"
    )]
    Newer { path: String, found: u32 },
    #[error("{path}: {source}")]
    Io {
        path: String,
        #[source]
        source: io::Error,
    },
}

/// Largest session file read: far above any review's, far below memory.
const MAX_SESSION: u64 = 512 * 1024 * 1024;

/// Reads a session file; `None` when there is none yet.
pub fn load(path: &Path) -> Result<Option<SessionFile>, SessionError> {
    let shown = path.display().to_string();
    let bytes = match crate::files::read_regular(path, MAX_SESSION) {
        Ok(b) => b,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(source) => {
            return Err(SessionError::Io {
                path: shown,
                source,
            });
        }
    };
    let damaged = |message: String| SessionError::Damaged {
        path: shown.clone(),
        message,
    };
    // The version first, so a newer file is named as such rather than as
    // damaged when its fields have moved on.
    let versioned: Versioned =
        serde_json::from_slice(&bytes).map_err(|e| damaged(e.to_string()))?;
    if versioned.version > VERSION {
        return Err(SessionError::Newer {
            path: shown,
            found: versioned.version,
        });
    }
    if versioned.version < VERSION {
        // No older format exists yet. When one does, copy the file aside
        // (`backup`) before migrating it.
        return Err(damaged(format!(
            "unknown session format {}",
            versioned.version
        )));
    }
    serde_json::from_slice(&bytes)
        .map(Some)
        .map_err(|e| damaged(e.to_string()))
}

#[derive(serde::Deserialize)]
struct Versioned {
    version: u32,
}

/// Copies a file aside before it is changed in a way older builds could
/// not read: `NAME.vN.bak`, never overwriting an earlier copy.
pub fn backup(path: &Path, version: u32) -> io::Result<PathBuf> {
    let mut n = 0;
    loop {
        let suffix = if n == 0 {
            format!("v{version}.bak")
        } else {
            format!("v{version}.{n}.bak")
        };
        let copy = path.with_extension(format!(
            "{}.{suffix}",
            path.extension().and_then(|e| e.to_str()).unwrap_or("json")
        ));
        if !copy.exists() {
            fs::copy(path, &copy)?;
            return Ok(copy);
        }
        n += 1;
    }
}

/// Writes a session file atomically: a crash leaves the old file or the
/// new one, never half of either. See [`save_merged`], which every caller
/// that holds a review uses.
pub fn save(path: &Path, file: &SessionFile) -> Result<(), SessionError> {
    save_merged(path, file, None, &BTreeSet::new()).map(|_| ())
}

/// Writes `ours` to the session file at `path` (through a symbolic link,
/// to its target), merged under an advisory lock with what the file holds
/// now, so that verdicts other processes wrote since `base` (the file as
/// this one last read or wrote it) are kept. Returns the file as written.
///
/// The temporary file is created anew (no symbolic link followed) beside
/// the target and takes the target's mode and owner; temporary files left
/// by crashed writers are removed.
pub fn save_merged(
    path: &Path,
    ours: &SessionFile,
    base: Option<&SessionFile>,
    dropped: &BTreeSet<String>,
) -> Result<SessionFile, SessionError> {
    let target = link_target(path);
    let io = |source| SessionError::Io {
        path: target.display().to_string(),
        source,
    };
    let dir = target
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .to_path_buf();
    fs::create_dir_all(&dir).map_err(io)?;
    let name = target
        .file_name()
        .map_or_else(|| "session".into(), |n| n.to_string_lossy().into_owned());
    let lock_file = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(dir.join(format!(".{name}.lock")))
        .map_err(io)?;
    let mut lock = fd_lock::RwLock::new(lock_file);
    let _held = lock.write().map_err(io)?;
    remove_stale_temps(&dir, &name);
    let theirs = load(&target)?;
    let merged = merge(base, ours, theirs.as_ref(), dropped);
    let mut json = serde_json::to_string_pretty(&merged).map_err(|e| io(e.into()))?;
    json.push('\n');
    let mut temp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".tmp")
        .tempfile_in(&dir)
        .map_err(io)?;
    keep_mode_and_owner(&target, temp.as_file()).map_err(io)?;
    temp.write_all(json.as_bytes()).map_err(io)?;
    temp.as_file().sync_all().map_err(io)?;
    temp.persist(&target).map_err(|e| io(e.error))?;
    // The rename itself must reach the disk too.
    if let Ok(d) = File::open(&dir) {
        let _ = d.sync_all();
    }
    Ok(merged)
}

/// Where a path leads through symbolic links (a dangling link included):
/// a save replaces the file the link points to, not the link.
#[must_use]
pub fn link_target(path: &Path) -> PathBuf {
    let mut at = path.to_path_buf();
    for _ in 0..40 {
        match fs::symlink_metadata(&at) {
            Ok(m) if m.file_type().is_symlink() => match fs::read_link(&at) {
                Ok(next) => {
                    at = match at.parent() {
                        Some(dir) if next.is_relative() => dir.join(next),
                        _ => next,
                    };
                }
                Err(_) => break,
            },
            _ => break,
        }
    }
    at
}

/// Gives the new file the mode and owner of the file it replaces, so that
/// private notes stay private. Changing the owner needs privileges a
/// reviewer seldom has: that failure is not an error.
fn keep_mode_and_owner(target: &Path, temp: &File) -> io::Result<()> {
    let Ok(old) = fs::metadata(target) else {
        return Ok(());
    };
    temp.set_permissions(old.permissions())?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let _ = std::os::unix::fs::fchown(temp, Some(old.uid()), Some(old.gid()));
    }
    Ok(())
}

/// Temporary files of this session left by writers that died: only a
/// writer holding the lock makes one, and this one holds it now.
fn remove_stale_temps(dir: &Path, name: &str) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let prefix = format!(".{name}.");
    for e in entries.flatten() {
        let file = e.file_name();
        let file = file.to_string_lossy();
        if file.starts_with(&prefix)
            && file.ends_with(".tmp")
            && e.file_type().is_ok_and(|t| t.is_file())
        {
            let _ = fs::remove_file(e.path());
        }
    }
}

/// A three-way merge of decisions by finding id. A decision only one side
/// changed since `base` takes that side's version; one both changed takes
/// the later (`at`, then reviewer, verdict and note as a stable tie
/// rule); one both hold stays; one only `theirs` holds is kept unless this
/// side dropped it on purpose (`dropped`), and a deletion never beats a
/// change. Our order first, then what arrived.
#[must_use]
pub fn merge(
    base: Option<&SessionFile>,
    ours: &SessionFile,
    theirs: Option<&SessionFile>,
    dropped: &BTreeSet<String>,
) -> SessionFile {
    let Some(theirs) = theirs else {
        return ours.clone();
    };
    let by_id = |f: Option<&SessionFile>| -> BTreeMap<String, Decision> {
        f.map(|f| {
            f.decisions
                .iter()
                .map(|d| (d.finding.clone(), d.clone()))
                .collect()
        })
        .unwrap_or_default()
    };
    let (b, t) = (by_id(base), by_id(Some(theirs)));
    let mut out = ours.clone();
    for d in &mut out.decisions {
        if let Some(x) = t.get(&d.finding)
            && x != d
        {
            let we_changed = b.get(&d.finding) != Some(d);
            let they_changed = b.get(&d.finding) != Some(x);
            if !we_changed || (they_changed && later(x, d)) {
                *d = x.clone();
            }
        }
    }
    for x in &theirs.decisions {
        let here = out.decisions.iter().any(|d| d.finding == x.finding);
        let unchanged_since_base = b.get(&x.finding) == Some(x);
        let we_removed = dropped.contains(&x.finding) && unchanged_since_base;
        if !here && !we_removed {
            out.decisions.push(x.clone());
        }
    }
    out.created = ours.created.clone().min(theirs.created.clone());
    out.updated = ours.updated.clone().max(theirs.updated.clone());
    for (k, v) in &theirs.other {
        out.other.entry(k.clone()).or_insert_with(|| v.clone());
    }
    out
}

/// Whether decision `x` is the later of two, by time then a stable rule.
fn later(x: &Decision, y: &Decision) -> bool {
    let key = |d: &Decision| {
        (
            d.at.parse::<jiff::Timestamp>().ok(),
            d.at.clone(),
            d.reviewer.clone(),
            d.verdict.map(super::Verdict::as_str),
            d.note.clone(),
        )
    };
    key(x) > key(y)
}

/// The session file for a set of inputs when `--session` is not given:
/// one per set of article paths, under the user data directory (or
/// `$PARALLAX_DATA_DIR`). Standard input has no path: its articles are
/// known by their content (see [`stdin_hash`]).
#[must_use]
pub fn default_path(inputs: &[PathBuf], analysis: &crate::analysis::Analysis) -> Option<PathBuf> {
    let base = match std::env::var_os("PARALLAX_DATA_DIR") {
        Some(d) => PathBuf::from(d),
        None => directories::ProjectDirs::from("", "", "parallax")?
            .data_dir()
            .to_path_buf(),
    };
    let name = file_name(inputs, stdin_hash(analysis));
    Some(base.join("sessions").join(name))
}

/// A hash of the text of the articles read from standard input (`-`, or
/// `-#2` for the second of a JSON array), so that two stories piped in
/// get two sessions and the same story piped twice gets one.
fn stdin_hash(analysis: &crate::analysis::Analysis) -> u64 {
    let from_stdin = |path: &str| path == "-" || path.starts_with("-#");
    crate::text::stable_hash(
        analysis
            .articles
            .iter()
            .filter(|a| from_stdin(&a.article.path))
            .map(|a| a.article.source.as_str()),
    )
}

/// `NAME-HASH.json`: the first input's name, readable, and a hash of all
/// the inputs' absolute paths in order-free form, unique. Standard input
/// counts by `stdin`, the hash of what it held; it is named `stdin`, as a
/// name that starts with `-` reads as an option to the shell commands
/// that handle the file.
fn file_name(inputs: &[PathBuf], stdin: u64) -> String {
    if inputs.is_empty() {
        return "sample-story.json".to_string();
    }
    let is_stdin = |p: &PathBuf| p.as_os_str() == "-";
    let mut paths: Vec<String> = inputs
        .iter()
        .map(|p| {
            if is_stdin(p) {
                return format!("stdin:{stdin:016x}");
            }
            fs::canonicalize(p)
                .unwrap_or_else(|_| p.clone())
                .display()
                .to_string()
        })
        .collect();
    paths.sort();
    paths.dedup();
    let stem: String = if is_stdin(&inputs[0]) {
        "stdin".to_string()
    } else {
        readable_stem(&inputs[0])
    };
    let hash = crate::text::stable_hash(paths.iter().map(String::as_str));
    format!(
        "{}-{:012x}.json",
        if stem.is_empty() { "articles" } else { &stem },
        hash & 0xffff_ffff_ffff
    )
}

/// A file's stem with only letters, digits, `-` and `_`, at most 40 of
/// them, and never a leading `-`.
fn readable_stem(path: &Path) -> String {
    let stem: String = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .take(40)
        .collect();
    stem.trim_start_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::FindingKind;
    use crate::review::{ArticleRecord, Decision, Verdict};

    fn session() -> SessionFile {
        SessionFile {
            version: VERSION,
            reviewer: "ana".into(),
            created: "2026-11-21T10:00:00Z".into(),
            updated: "2026-11-21T10:00:00Z".into(),
            articles: vec![ArticleRecord {
                path: "a.txt".into(),
                hash: "fnv1a64:0000000000000001".into(),
            }],
            decisions: vec![Decision {
                finding: "nv-0123456789ab".into(),
                kind: FindingKind::NameVariant,
                summary: "a summary".into(),
                evidence: vec!["Anthony Blinkin".into()],
                articles: vec!["a.txt".into()],
                verdict: Some(Verdict::Accept),
                note: Some("two\nlines".into()),
                reviewer: "ana".into(),
                at: "2026-11-21T10:00:00Z".into(),
                other: serde_json::Map::new(),
            }],
            other: serde_json::Map::new(),
        }
    }

    /// `session()` with its one decision given another verdict and time.
    fn decided(id: &str, verdict: Verdict, at: &str) -> Decision {
        Decision {
            finding: id.into(),
            verdict: Some(verdict),
            at: at.into(),
            ..session().decisions[0].clone()
        }
    }

    fn with(decisions: Vec<Decision>) -> SessionFile {
        SessionFile {
            decisions,
            ..session()
        }
    }

    #[test]
    fn a_merge_keeps_what_either_side_changed() {
        let (a, b) = ("nv-aaaaaaaaaaaa", "nv-bbbbbbbbbbbb");
        let base = with(vec![decided(a, Verdict::Accept, "2026-11-21T10:00:00Z")]);
        // We decided b; they changed a: both kept.
        let ours = with(vec![
            decided(a, Verdict::Accept, "2026-11-21T10:00:00Z"),
            decided(b, Verdict::Reject, "2026-11-21T11:00:00Z"),
        ]);
        let theirs = with(vec![decided(a, Verdict::Reject, "2026-11-21T10:30:00Z")]);
        let m = merge(Some(&base), &ours, Some(&theirs), &BTreeSet::new());
        let verdicts: Vec<_> = m
            .decisions
            .iter()
            .map(|d| (d.finding.as_str(), d.verdict))
            .collect();
        assert_eq!(
            verdicts,
            [(a, Some(Verdict::Reject)), (b, Some(Verdict::Reject))]
        );
        // Both changed a: the later wins, whichever side it is on; a
        // millisecond counts.
        let ours = with(vec![decided(a, Verdict::Skip, "2026-11-21T10:30:00.001Z")]);
        let m = merge(Some(&base), &ours, Some(&theirs), &BTreeSet::new());
        assert_eq!(m.decisions[0].verdict, Some(Verdict::Skip));
        let ours = with(vec![decided(a, Verdict::Skip, "2026-11-21T10:29:59.999Z")]);
        let m = merge(Some(&base), &ours, Some(&theirs), &BTreeSet::new());
        assert_eq!(m.decisions[0].verdict, Some(Verdict::Reject));
    }

    #[test]
    fn a_merge_drops_only_what_this_side_removed_unchanged() {
        let (a, b) = ("nv-aaaaaaaaaaaa", "nv-bbbbbbbbbbbb");
        let base = with(vec![
            decided(a, Verdict::Accept, "2026-11-21T10:00:00Z"),
            decided(b, Verdict::Accept, "2026-11-21T10:00:00Z"),
        ]);
        let ours = with(Vec::new());
        let dropped: BTreeSet<String> = [a.to_string()].into();
        // They changed b since: a deletion never beats a change.
        let theirs = with(vec![
            decided(a, Verdict::Accept, "2026-11-21T10:00:00Z"),
            decided(b, Verdict::Reject, "2026-11-21T12:00:00Z"),
        ]);
        let m = merge(Some(&base), &ours, Some(&theirs), &dropped);
        let ids: Vec<_> = m.decisions.iter().map(|d| d.finding.as_str()).collect();
        assert_eq!(ids, [b]);
    }

    #[test]
    fn saves_and_loads() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("deep/er/s.json");
        assert!(load(&path).unwrap().is_none());
        save(&path, &session()).unwrap();
        assert_eq!(load(&path).unwrap(), Some(session()));
        // No temporary file is left behind; the lock file stays, as
        // removing it would race with a writer opening it.
        let names: Vec<String> = fs::read_dir(path.parent().unwrap())
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.as_str() != ".s.json.lock")
            .collect();
        assert_eq!(names, ["s.json"]);
    }

    #[test]
    fn garbage_is_named_and_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.json");
        fs::write(&path, b"{\"version\": 1, \"reviewer\": ").unwrap();
        let err = load(&path).unwrap_err().to_string();
        assert!(
            err.contains("s.json") && err.contains("not a Parallax session"),
            "{err}"
        );
        assert_eq!(fs::read(&path).unwrap(), b"{\"version\": 1, \"reviewer\": ");
    }

    #[test]
    fn a_newer_format_is_named_as_newer() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.json");
        fs::write(&path, b"{\"version\": 7, \"whatever\": []}").unwrap();
        let err = load(&path).unwrap_err().to_string();
        assert!(err.contains("newer") && err.contains("format 7"), "{err}");
    }

    #[test]
    fn backups_never_overwrite() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.json");
        fs::write(&path, "one").unwrap();
        let first = backup(&path, 1).unwrap();
        fs::write(&path, "two").unwrap();
        let second = backup(&path, 1).unwrap();
        assert_ne!(first, second);
        assert_eq!(fs::read_to_string(first).unwrap(), "one");
        assert_eq!(fs::read_to_string(second).unwrap(), "two");
    }

    #[test]
    fn default_names_depend_on_the_set_of_inputs_not_their_order() {
        let a = PathBuf::from("/tmp/x/one.txt");
        let b = PathBuf::from("/tmp/x/two.txt");
        let ab = file_name(&[a.clone(), b.clone()], 0);
        let ba = file_name(&[b.clone(), a.clone()], 0);
        assert_eq!(ab[ab.find('-').unwrap()..], ba[ba.find('-').unwrap()..]);
        assert_ne!(
            file_name(std::slice::from_ref(&a), 0),
            file_name(&[a, b], 0)
        );
        assert_eq!(file_name(&[], 0), "sample-story.json");
    }

    #[test]
    fn standard_input_is_named_stdin_and_known_by_its_content() {
        let stdin = [PathBuf::from("-")];
        let one = file_name(&stdin, 1);
        assert!(one.starts_with("stdin-"), "{one}");
        assert_ne!(one, file_name(&stdin, 2));
        assert_eq!(one, file_name(&stdin, 1));
        let dashed = file_name(&[PathBuf::from("--x.txt")], 0);
        assert!(dashed.starts_with("x-"), "{dashed}");
    }
}
