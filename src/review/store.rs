//! Session files on disk: found by the set of articles, read strictly,
//! written atomically (a temporary file beside it, flushed to disk, then
//! renamed over it), and never overwritten when they cannot be understood.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::{SessionFile, VERSION};

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

/// Reads a session file; `None` when there is none yet.
pub fn load(path: &Path) -> Result<Option<SessionFile>, SessionError> {
    let shown = path.display().to_string();
    let bytes = match fs::read(path) {
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
/// new one, never half of either.
pub fn save(path: &Path, file: &SessionFile) -> Result<(), SessionError> {
    let io = |source| SessionError::Io {
        path: path.display().to_string(),
        source,
    };
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    fs::create_dir_all(dir).map_err(io)?;
    let mut json = serde_json::to_string_pretty(file).map_err(|e| io(e.into()))?;
    json.push('\n');
    let name = path
        .file_name()
        .map_or_else(|| "session".into(), |n| n.to_string_lossy().into_owned());
    let temp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let written = (|| {
        let mut f = File::create(&temp)?;
        f.write_all(json.as_bytes())?;
        f.sync_all()?;
        fs::rename(&temp, path)?;
        // The rename itself must reach the disk too.
        if let Ok(d) = File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    if written.is_err() {
        let _ = fs::remove_file(&temp);
    }
    written.map_err(io)
}

/// The session file for a set of inputs when `--session` is not given:
/// one per set of article paths, under the user data directory (or
/// `$PARALLAX_DATA_DIR`).
#[must_use]
pub fn default_path(inputs: &[PathBuf]) -> Option<PathBuf> {
    let base = match std::env::var_os("PARALLAX_DATA_DIR") {
        Some(d) => PathBuf::from(d),
        None => directories::ProjectDirs::from("", "", "parallax")?
            .data_dir()
            .to_path_buf(),
    };
    Some(base.join("sessions").join(file_name(inputs)))
}

/// `NAME-HASH.json`: the first input's name, readable, and a hash of all
/// the inputs' absolute paths in order-free form, unique.
fn file_name(inputs: &[PathBuf]) -> String {
    if inputs.is_empty() {
        return "sample-story.json".to_string();
    }
    let mut paths: Vec<String> = inputs
        .iter()
        .map(|p| {
            fs::canonicalize(p)
                .unwrap_or_else(|_| p.clone())
                .display()
                .to_string()
        })
        .collect();
    paths.sort();
    paths.dedup();
    let stem: String = inputs[0]
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
    let hash = crate::text::stable_hash(paths.iter().map(String::as_str));
    format!(
        "{}-{:012x}.json",
        if stem.is_empty() { "articles" } else { &stem },
        hash & 0xffff_ffff_ffff
    )
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
            }],
        }
    }

    #[test]
    fn saves_and_loads() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("deep/er/s.json");
        assert!(load(&path).unwrap().is_none());
        save(&path, &session()).unwrap();
        assert_eq!(load(&path).unwrap(), Some(session()));
        // No temporary file is left behind.
        let names: Vec<_> = fs::read_dir(path.parent().unwrap()).unwrap().collect();
        assert_eq!(names.len(), 1);
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
        let ab = file_name(&[a.clone(), b.clone()]);
        let ba = file_name(&[b.clone(), a.clone()]);
        assert_eq!(ab[ab.find('-').unwrap()..], ba[ba.find('-').unwrap()..]);
        assert_ne!(file_name(std::slice::from_ref(&a)), file_name(&[a, b]));
        assert_eq!(file_name(&[]), "sample-story.json");
    }
}
