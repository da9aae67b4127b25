//! Reading files with bounds: a regular file, at most so many bytes,
//! whatever size the file system reports. Every file Parallax reads (an
//! article, a `--kb` file, a session, `keys.toml`) is read this way; and
//! the user data directory they are kept in.

use std::io::Read;
use std::path::{Path, PathBuf};

/// Reads a regular file of at most `max` bytes, whatever size it reports
/// (`/proc` files report 0). Devices, FIFOs and sockets are refused: they
/// may never end (`/dev/zero`) or never start (a FIFO nobody writes).
pub fn read_regular(path: &Path, max: u64) -> std::io::Result<Vec<u8>> {
    use std::io::{Error, ErrorKind};
    let regular = |meta: std::fs::Metadata| {
        if meta.is_file() {
            return Ok(());
        }
        let what = if meta.is_dir() {
            "a directory"
        } else {
            "not a regular file (a device, FIFO or socket)"
        };
        Err(Error::new(ErrorKind::InvalidInput, what))
    };
    // Asked before opening: opening a FIFO waits for a writer.
    regular(std::fs::metadata(path)?)?;
    let file = std::fs::File::open(path)?;
    regular(file.metadata()?)?;
    let mut bytes = Vec::new();
    file.take(max.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max {
        return Err(Error::new(
            ErrorKind::InvalidData,
            format!("over the {max} byte limit (raise it with --max-size)"),
        ));
    }
    Ok(bytes)
}

/// The user data directory (`$PARALLAX_DATA_DIR` when set): archived
/// pages, the user knowledge base.
#[must_use]
pub fn data_dir() -> PathBuf {
    match std::env::var_os("PARALLAX_DATA_DIR") {
        Some(d) => PathBuf::from(d),
        None => directories::ProjectDirs::from("", "", "parallax").map_or_else(
            || PathBuf::from(".parallax"),
            |p| p.data_dir().to_path_buf(),
        ),
    }
}

/// Writes a temporary file beside `path`, then renames it over `path`.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write as _;
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}
