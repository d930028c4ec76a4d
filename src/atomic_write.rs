//! Every file docket writes goes through here: a temp file in the same folder, then a rename,
//! so a reader never sees half a file.

use std::io::Write;
use std::path::Path;

use crate::error::{Error, Result};

/// Writes `bytes` to `path` atomically.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    write_with(path, bytes, true, |tmp, path| std::fs::rename(tmp, path))
}

/// Writes `bytes` to `path` atomically unless the file already holds exactly these bytes;
/// returns whether it wrote. For output that a rebuild makes again (the site): a reader
/// still never sees half a file, but the temp file is not flushed to disk before the rename,
/// because one flush per page made a 10,000-page build wait on the disk for minutes.
pub fn write_atomic_if_changed(path: &Path, bytes: &[u8]) -> Result<bool> {
    let same = std::fs::metadata(path).is_ok_and(|m| m.len() == bytes.len() as u64)
        && std::fs::read(path).is_ok_and(|old| old == bytes);
    if same {
        return Ok(false);
    }
    write_with(path, bytes, false, |tmp, path| std::fs::rename(tmp, path))?;
    Ok(true)
}

/// Writes `bytes` to `path` atomically, only if `path` does not exist: the temp file is
/// hard-linked into place, which fails rather than replace a file, even one that appears
/// while the temp file is written ([`Error::Exists`]).
pub fn write_atomic_new(path: &Path, bytes: &[u8]) -> Result<()> {
    if path.exists() {
        return Err(Error::Exists {
            path: path.to_path_buf(),
        });
    }
    write_with(path, bytes, true, |tmp, path| {
        let linked = std::fs::hard_link(tmp, path);
        let _ = std::fs::remove_file(tmp);
        linked
    })
    .map_err(|err| match err {
        Error::Io { source, .. } if source.kind() == std::io::ErrorKind::AlreadyExists => {
            Error::Exists {
                path: path.to_path_buf(),
            }
        }
        other => other,
    })
}

/// Writes a temp file beside `path` (flushed to disk when `sync`), then moves it into place
/// with `finish`.
fn write_with(
    path: &Path,
    bytes: &[u8],
    sync: bool,
    finish: impl FnOnce(&Path, &Path) -> std::io::Result<()>,
) -> Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let name = path
        .file_name()
        .map_or_else(|| "out".into(), |n| n.to_string_lossy().into_owned());
    let tmp = dir.join(format!(".{name}.docket-tmp-{}", std::process::id()));
    let result = (|| {
        let mut file = std::fs::File::create(&tmp)?;
        file.write_all(bytes)?;
        if sync {
            file.sync_all()?;
        }
        finish(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.map_err(io)
}
