//! The one rule for every file a command writes: check first, write
//! whole or not at all.
//!
//! A command that signs something and then writes a file must never sign
//! and then fail on the file (a card recorded but its code never shown,
//! an attestation recorded but not printed). So every `--out` is checked
//! up front, before the ledger is touched, by `OutputFile::check` and
//! `OutputDir::check`: not a directory where a file goes (or the other
//! way round), not already there unless replacing is allowed, its folder
//! present and writable.
//!
//! Then the bytes go to an unnamed file in the same folder, are flushed
//! to the disk, and only then get their final name in one step:
//!
//! - On Linux the temporary file is made with `O_TMPFILE`: it has no name
//!   at all while it is written, so a run killed with `kill -9` leaves
//!   nothing behind (the kernel frees the inode). It is given its name
//!   with `linkat` through `/proc/self/fd`: straight to the final name
//!   when nothing may be replaced (the kernel refuses if a file appeared
//!   meanwhile), or to a short-lived `.akker-tmp-PID-NAME` then `rename`d
//!   over the old file when replacing is allowed.
//! - Where `O_TMPFILE` is not available (FAT-formatted USB sticks, some
//!   network shares, other systems) the temporary file is named
//!   `.akker-tmp-PID-NAME` from the start. A run killed in the middle can
//!   leave such a file; every later write into the same folder removes
//!   the `.akker-tmp-` files whose process is gone.
//!
//! The folder itself is synced after the rename, so a power cut after the
//! command reported success cannot lose the name.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::CliError;

/// Every temporary file starts with this, so stale ones can be found.
const TEMP_PREFIX: &str = ".akker-tmp-";

/// A file a command will write, checked before anything is signed.
#[derive(Debug, Clone)]
pub struct OutputFile {
    path: PathBuf,
    replace: bool,
    /// The option that named it (`--out`), for messages.
    flag: &'static str,
}

/// Where a document goes: a checked file, or standard output for "-".
#[derive(Debug, Clone)]
pub enum Output {
    Stdout,
    File(OutputFile),
}

impl Output {
    /// `-` is standard output; anything else a file checked by `OutputFile::check`.
    pub fn check(path: &Path, replace: bool, flag: &'static str) -> Result<Output, CliError> {
        if path.as_os_str() == "-" {
            return Ok(Output::Stdout);
        }
        OutputFile::check(path, replace, flag).map(Output::File)
    }

    /// Writes the bytes; true when they went to a file.
    pub fn write(&self, bytes: &[u8]) -> Result<bool, CliError> {
        match self {
            Output::Stdout => {
                io::stdout().write_all(bytes)?;
                Ok(false)
            }
            Output::File(file) => file.write(bytes).map(|()| true),
        }
    }
}

impl OutputFile {
    /// Checks that `path` can become a new file: it is not a directory,
    /// it is not there yet unless `replace`, and its folder exists and can
    /// be written. Nothing is created.
    pub fn check(path: &Path, replace: bool, flag: &'static str) -> Result<OutputFile, CliError> {
        let shown = path.display();
        if path.as_os_str().is_empty() {
            return Err(refused(format!("{flag} is empty; give a file name")));
        }
        match fs::metadata(path) {
            Ok(meta) if meta.is_dir() => {
                return Err(refused(format!(
                    "{shown} is a directory; give {flag} a file name, like {}",
                    path.join("file").display()
                )))
            }
            // A device, pipe or socket (/dev/stdout, /dev/full): the
            // rename that puts a finished file in place would replace it
            // (as root, a device of the whole system).
            Ok(meta) if !meta.is_file() => {
                return Err(refused(format!(
                    "{shown} is not a regular file (a device or a pipe); give {flag} a file name, or - for standard output"
                )))
            }
            Ok(_) if !replace => {
                return Err(refused(format!(
                    "{shown} already exists; choose another {flag}, or give --force to replace it"
                )))
            }
            Ok(_) | Err(_) => {}
        }
        let folder = folder_of(path);
        check_writable_folder(&folder, flag)?;
        Ok(OutputFile {
            path: path.to_path_buf(),
            replace,
            flag,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Writes `bytes` whole under the final name, or nothing.
    pub fn write(&self, bytes: &[u8]) -> Result<(), CliError> {
        let mut pending = self.begin()?;
        pending.write_all(bytes).map_err(|e| self.failed(e))?;
        pending.commit()
    }

    /// Starts writing: the returned file has no final name until `commit`.
    pub fn begin(&self) -> Result<PendingFile, CliError> {
        let folder = folder_of(&self.path);
        remove_stale_temporaries(&folder);
        let temp = TempFile::create(&folder, &self.path).map_err(|e| self.failed(e))?;
        Ok(PendingFile {
            target: self.clone(),
            temp: Some(temp),
            buffer: Vec::new(),
        })
    }

    fn failed(&self, err: io::Error) -> CliError {
        refused(format!(
            "cannot write {}: {}; nothing was written under that name",
            self.path.display(),
            super::error::describe_io(&err)
        ))
    }
}

/// A file being written. Dropped without `commit`, it disappears.
pub struct PendingFile {
    target: OutputFile,
    temp: Option<TempFile>,
    /// Writes are buffered here and handed to the file in large pieces.
    buffer: Vec<u8>,
}

const BUFFER_BYTES: usize = 256 * 1024;

impl Write for PendingFile {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.buffer.extend_from_slice(bytes);
        if self.buffer.len() >= BUFFER_BYTES {
            self.flush()?;
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if let Some(temp) = &mut self.temp {
            temp.file.write_all(&self.buffer)?;
        }
        self.buffer.clear();
        Ok(())
    }
}

impl PendingFile {
    /// Flushes to the disk and gives the file its final name.
    pub fn commit(mut self) -> Result<(), CliError> {
        let target = self.target.clone();
        self.flush().map_err(|e| target.failed(e))?;
        let temp = self
            .temp
            .take()
            .expect("a pending file has its temporary file");
        temp.persist(&target.path, target.replace)
            .map_err(|e| match e.kind() {
                io::ErrorKind::AlreadyExists => refused(format!(
                    "{} appeared while it was being written; choose another {}, or give --force to replace it",
                    target.path.display(),
                    target.flag
                )),
                _ => target.failed(e),
            })?;
        sync_folder(&folder_of(&target.path));
        Ok(())
    }
}

/// A folder a command writes several files into, checked before anything
/// is signed. It is created when the files are written.
#[derive(Debug, Clone)]
pub struct OutputDir {
    path: PathBuf,
    flag: &'static str,
}

impl OutputDir {
    /// Checks that `path` is a directory that can be written, or does
    /// not exist yet and can be created (its nearest existing parent is a
    /// writable directory).
    pub fn check(path: &Path, flag: &'static str) -> Result<OutputDir, CliError> {
        if path.as_os_str().is_empty() {
            return Err(refused(format!("{flag} is empty; give a directory")));
        }
        match fs::metadata(path) {
            Ok(meta) if !meta.is_dir() => {
                return Err(refused(format!(
                "{} is a file, not a directory; give {flag} a directory (it is created if missing)",
                path.display()
            )))
            }
            Ok(_) => check_writable_folder(path, flag)?,
            Err(_) => {
                let mut parent = folder_of(path);
                while fs::metadata(&parent).is_err() {
                    match parent.parent() {
                        Some(up) if !up.as_os_str().is_empty() => parent = up.to_path_buf(),
                        _ => {
                            parent = PathBuf::from(".");
                            break;
                        }
                    }
                }
                if !parent.is_dir() {
                    return Err(refused(format!(
                        "{} cannot be created: {} is a file, not a directory; choose another {flag}",
                        path.display(),
                        parent.display()
                    )));
                }
                check_writable_folder(&parent, flag)?;
            }
        }
        Ok(OutputDir {
            path: path.to_path_buf(),
            flag,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// A file inside, checked like any `--out` file (when the directory
    /// is not there yet, no file in it can be in the way).
    pub fn file(&self, name: &str, replace: bool) -> Result<OutputFile, CliError> {
        let path = self.path.join(name);
        if self.path.is_dir() {
            return OutputFile::check(&path, replace, self.flag);
        }
        Ok(OutputFile {
            path,
            replace,
            flag: self.flag,
        })
    }

    /// Creates the directory (and its parents) if it is missing.
    pub fn create(&self) -> Result<(), CliError> {
        fs::create_dir_all(&self.path).map_err(|e| {
            refused(format!(
                "cannot create the directory {}: {}; nothing was written",
                self.path.display(),
                super::error::describe_io(&e)
            ))
        })
    }
}

fn refused(message: String) -> CliError {
    CliError::Refused(message)
}

/// The folder a file goes into ("." for a bare file name).
fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

fn check_writable_folder(folder: &Path, flag: &'static str) -> Result<(), CliError> {
    match fs::metadata(folder) {
        Err(_) => Err(refused(format!(
            "the folder {} does not exist; create it first, or choose another {flag}",
            folder.display()
        ))),
        Ok(meta) if !meta.is_dir() => Err(refused(format!(
            "{} is a file, not a folder; choose another {flag}",
            folder.display()
        ))),
        Ok(_) if !may_write(folder) => Err(refused(format!(
            "the folder {} cannot be written (read-only, or not yours); choose another {flag}",
            folder.display()
        ))),
        Ok(_) => Ok(()),
    }
}

/// Whether this process may create files in `folder`: access(2), which
/// also answers "no" on a read-only mount, without writing anything.
#[cfg(unix)]
fn may_write(folder: &Path) -> bool {
    use std::os::unix::ffi::OsStrExt;
    let Ok(c_path) = std::ffi::CString::new(folder.as_os_str().as_bytes()) else {
        return false;
    };
    // SAFETY: c_path is a valid NUL-terminated string for the whole call.
    unsafe { libc::access(c_path.as_ptr(), libc::W_OK | libc::X_OK) == 0 }
}

#[cfg(not(unix))]
fn may_write(folder: &Path) -> bool {
    fs::metadata(folder).is_ok_and(|m| !m.permissions().readonly())
}

/// A temporary file in the target's folder: unnamed (Linux `O_TMPFILE`)
/// or named `.akker-tmp-PID-NAME`.
struct TempFile {
    file: File,
    folder: PathBuf,
    /// The temporary name, when the file has one.
    named: Option<PathBuf>,
}

impl TempFile {
    fn create(folder: &Path, target: &Path) -> io::Result<TempFile> {
        #[cfg(target_os = "linux")]
        if let Some(file) = linux::open_unnamed(folder)? {
            return Ok(TempFile {
                file,
                folder: folder.to_path_buf(),
                named: None,
            });
        }
        let named = temp_name(folder, target);
        let file = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&named)?;
        Ok(TempFile {
            file,
            folder: folder.to_path_buf(),
            named: Some(named),
        })
    }

    /// Syncs the bytes and gives them the final name.
    fn persist(mut self, target: &Path, replace: bool) -> io::Result<()> {
        self.file.sync_all()?;
        let named = match self.named.take() {
            Some(named) => named,
            #[cfg(target_os = "linux")]
            None => {
                if !replace {
                    // The kernel refuses if the name exists: no clobbering,
                    // even of a file that appeared while we wrote.
                    return linux::link_to(&self.file, target);
                }
                let named = temp_name(&self.folder, target);
                linux::link_to(&self.file, &named)?;
                named
            }
            #[cfg(not(target_os = "linux"))]
            None => unreachable!("only Linux makes unnamed temporary files"),
        };
        let result = if replace {
            fs::rename(&named, target)
        } else {
            // A hard link refuses an existing name; a folder that cannot
            // hold hard links (FAT) falls back to a check and a rename.
            match fs::hard_link(&named, target) {
                Ok(()) => fs::remove_file(&named),
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(e),
                Err(_) if target.exists() => Err(io::ErrorKind::AlreadyExists.into()),
                Err(_) => fs::rename(&named, target),
            }
        };
        if result.is_err() {
            let _ = fs::remove_file(&named);
        }
        result
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if let Some(named) = &self.named {
            let _ = fs::remove_file(named);
        }
    }
}

fn temp_name(folder: &Path, target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map_or_else(|| "out".into(), |n| n.to_string_lossy().into_owned());
    folder.join(format!("{TEMP_PREFIX}{}-{name}", std::process::id()))
}

/// Removes `.akker-tmp-PID-*` files left by runs that were killed: their
/// process no longer exists. Files of running processes are left alone.
fn remove_stale_temporaries(folder: &Path) {
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(rest) = name.to_str().and_then(|n| n.strip_prefix(TEMP_PREFIX)) else {
            continue;
        };
        let Some(pid) = rest.split('-').next().and_then(|p| p.parse::<u32>().ok()) else {
            continue;
        };
        if !process_alive(pid) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

#[cfg(unix)]
fn process_alive(pid: u32) -> bool {
    if pid == std::process::id() {
        return true;
    }
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return false;
    };
    // SAFETY: signal 0 only asks whether the process exists.
    let result = unsafe { libc::kill(pid, 0) };
    result == 0 || io::Error::last_os_error().raw_os_error() != Some(libc::ESRCH)
}

#[cfg(not(unix))]
fn process_alive(_pid: u32) -> bool {
    true
}

/// Makes a rename in `folder` durable. Best effort: some filesystems
/// cannot sync a directory, and the file itself is already synced.
fn sync_folder(folder: &Path) {
    #[cfg(unix)]
    if let Ok(dir) = File::open(folder) {
        let _ = dir.sync_all();
    }
    #[cfg(not(unix))]
    let _ = folder;
}

#[cfg(target_os = "linux")]
mod linux {
    use std::ffi::CString;
    use std::fs::File;
    use std::io;
    use std::os::fd::{AsRawFd, FromRawFd};
    use std::os::unix::ffi::OsStrExt;
    use std::path::Path;

    fn c_path(path: &Path) -> io::Result<CString> {
        CString::new(path.as_os_str().as_bytes())
            .map_err(|_| io::Error::new(io::ErrorKind::InvalidInput, "a NUL byte in the path"))
    }

    /// An unnamed file in `folder`, or None where the filesystem cannot
    /// make one (the caller then uses a named temporary file).
    pub fn open_unnamed(folder: &Path) -> io::Result<Option<File>> {
        // Without /proc (a bare container) the file could never be given
        // its name: use a named temporary file instead.
        if !Path::new("/proc/self/fd").is_dir() {
            return Ok(None);
        }
        let path = c_path(folder)?;
        // SAFETY: path is a valid C string; the returned descriptor is
        // owned by the File from here on.
        let fd = unsafe {
            libc::open(
                path.as_ptr(),
                libc::O_TMPFILE | libc::O_WRONLY | libc::O_CLOEXEC,
                0o666 as libc::c_uint,
            )
        };
        if fd >= 0 {
            // SAFETY: fd is a fresh descriptor nobody else owns.
            return Ok(Some(unsafe { File::from_raw_fd(fd) }));
        }
        let err = io::Error::last_os_error();
        match err.raw_os_error() {
            Some(libc::EOPNOTSUPP | libc::EISDIR | libc::EINVAL | libc::ENOSYS) => Ok(None),
            _ => Err(err),
        }
    }

    /// Gives an unnamed file a name; fails with AlreadyExists if taken.
    pub fn link_to(file: &File, name: &Path) -> io::Result<()> {
        let proc_path = c_path(Path::new(&format!("/proc/self/fd/{}", file.as_raw_fd())))?;
        let target = c_path(name)?;
        // SAFETY: both are valid C strings for the duration of the call.
        let result = unsafe {
            libc::linkat(
                libc::AT_FDCWD,
                proc_path.as_ptr(),
                libc::AT_FDCWD,
                target.as_ptr(),
                libc::AT_SYMLINK_FOLLOW,
            )
        };
        if result == 0 {
            Ok(())
        } else {
            Err(io::Error::last_os_error())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dir() -> PathBuf {
        let dir = std::env::temp_dir().join(format!(
            "akker-output-test-{}-{}",
            std::process::id(),
            rand::random::<u32>()
        ));
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_file_is_written_whole_and_nothing_else_remains() {
        let dir = dir();
        let out = OutputFile::check(&dir.join("a.txt"), false, "--out").unwrap();
        out.write(b"hello").unwrap();
        assert_eq!(fs::read(dir.join("a.txt")).unwrap(), b"hello");
        assert_eq!(names(&dir), vec!["a.txt"]);
        assert!(OutputFile::check(&dir.join("a.txt"), false, "--out").is_err());
        let again = OutputFile::check(&dir.join("a.txt"), true, "--out").unwrap();
        again.write(b"bye").unwrap();
        assert_eq!(fs::read(dir.join("a.txt")).unwrap(), b"bye");
        assert_eq!(names(&dir), vec!["a.txt"]);
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn a_dropped_file_leaves_nothing() {
        let dir = dir();
        let out = OutputFile::check(&dir.join("b.txt"), false, "--out").unwrap();
        let mut pending = out.begin().unwrap();
        pending.write_all(b"half").unwrap();
        drop(pending);
        assert!(names(&dir).is_empty());
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn stale_temporaries_of_dead_processes_are_removed() {
        let dir = dir();
        // PIDs are below 2^22 on Linux, so this one cannot be running.
        fs::write(dir.join(".akker-tmp-4294967-old.pdf"), b"x").unwrap();
        OutputFile::check(&dir.join("c.txt"), false, "--out")
            .unwrap()
            .write(b"c")
            .unwrap();
        assert_eq!(names(&dir), vec!["c.txt"]);
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn checks_refuse_directories_missing_folders_and_files_for_dirs() {
        let dir = dir();
        assert!(OutputFile::check(&dir, true, "--out").is_err());
        assert!(OutputFile::check(&dir.join("no/such/x.pdf"), false, "--out").is_err());
        fs::write(dir.join("f"), b"").unwrap();
        assert!(OutputDir::check(&dir.join("f"), "--out").is_err());
        assert!(OutputDir::check(&dir.join("f/sub"), "--out").is_err());
        assert!(OutputDir::check(&dir.join("new/sub"), "--out").is_ok());
        fs::remove_dir_all(dir).unwrap();
    }
}
