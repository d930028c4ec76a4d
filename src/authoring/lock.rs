//! An exclusive advisory lock on a records folder, so that two `docket new` running at once
//! take turns choosing a number and writing the file. Writes stay create-new underneath, so a
//! writer that takes no lock still cannot clobber a record.

use std::fs::File;
use std::path::Path;

use crate::error::{Error, Result};

/// The lock file used where a folder itself cannot be locked (not Unix). It is never deleted:
/// deleting it would let a later process lock a new file while another holds the old one.
#[cfg(not(unix))]
const LOCK_FILE: &str = ".docket-new.lock";

/// An exclusive lock on a records folder, held until dropped.
#[derive(Debug)]
pub(crate) struct FolderLock {
    /// The open handle the lock belongs to; closing it releases the lock.
    _file: Option<File>,
}

impl FolderLock {
    /// Waits for and takes the lock on `dir`. Where the file system cannot lock at all, the
    /// lock is skipped and create-new writes remain the only guard.
    pub(crate) fn acquire(dir: &Path) -> Result<FolderLock> {
        let file = open(dir).map_err(|source| Error::Io {
            path: dir.to_path_buf(),
            source,
        })?;
        match file.lock() {
            Ok(()) => Ok(FolderLock { _file: Some(file) }),
            Err(err) if err.kind() == std::io::ErrorKind::Unsupported => {
                Ok(FolderLock { _file: None })
            }
            Err(source) => Err(Error::Io {
                path: dir.to_path_buf(),
                source,
            }),
        }
    }
}

/// On Unix the folder itself is opened read-only and locked, leaving no file behind.
#[cfg(unix)]
fn open(dir: &Path) -> std::io::Result<File> {
    File::open(dir)
}

/// Elsewhere a folder cannot be opened as a file, so a lock file inside it stands in.
#[cfg(not(unix))]
fn open(dir: &Path) -> std::io::Result<File> {
    std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(dir.join(LOCK_FILE))
}

#[cfg(all(test, unix))]
mod tests {
    use super::FolderLock;

    #[test]
    fn a_folder_lock_is_exclusive_and_released_on_drop() {
        let dir = tempfile::tempdir().unwrap();
        let held = FolderLock::acquire(dir.path()).unwrap();
        let other = std::fs::File::open(dir.path()).unwrap();
        assert!(
            other.try_lock().is_err(),
            "a second lock while the first is held"
        );
        drop(held);
        assert!(other.try_lock().is_ok(), "free once the first is dropped");
    }
}
