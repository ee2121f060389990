//! Runs the binary on a pseudo-terminal, the way a treasurer meets it.
//!
//! akker asks for secrets (passphrase, PIN, card code) only when its
//! standard input is a terminal, and reads them from /dev/tty with echo
//! off. To show and check those prompts as a volunteer sees them, the
//! child gets a new session whose controlling terminal is the slave side
//! of a pseudo-terminal; we read the prompts from the master side and type
//! each answer once akker has turned echo off for it. Standard output and
//! standard error stay pipes, so they are compared apart from the prompts.
//!
//! This is a few calls of the C library (openpty, setsid, TIOCSCTTY,
//! tcgetattr, poll) rather than a pty crate: the test needs nothing else,
//! and libc is already a dependency.

use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// What one command did, in the order a terminal shows it: the output
/// printed before each prompt, each prompt, then the rest.
pub struct Outcome {
    /// One piece per prompt and one after the last: what standard output
    /// and standard error held when the prompt appeared (or at the end),
    /// and the prompt itself (None for the last piece).
    pub pieces: Vec<Piece>,
    pub code: i32,
}

#[derive(Default)]
pub struct Piece {
    pub stdout: String,
    pub stderr: String,
    pub prompt: Option<String>,
}

/// How long one command may take, prompts included (Argon2id unlocks the
/// treasurer's key on purpose slowly; a debug build on a busy machine
/// takes a few seconds).
const COMMAND_TIMEOUT: Duration = Duration::from_secs(120);

/// Runs `command` with a terminal as its standard input, typing `answers`
/// in order, each at the next prompt.
///
/// Standard output and error are pipes, read in the same loop as the
/// terminal. akker writes a line of output with one write() before it
/// writes a prompt, so when a prompt is seen, everything printed before
/// it is already in the pipes: draining them then puts each line before
/// or after the prompt exactly as on a terminal.
pub fn run(mut command: Command, answers: &[String]) -> Outcome {
    let (master, slave) = open_pty();
    let stdin_fd = slave.try_clone().expect("duplicate the terminal");
    command
        .stdin(Stdio::from(stdin_fd))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    // SAFETY: between fork and exec the closure only makes async-signal-safe
    // calls (setsid, ioctl) on the child's own descriptors.
    unsafe {
        command.pre_exec(|| {
            if libc::setsid() < 0 {
                return Err(std::io::Error::last_os_error());
            }
            if libc::ioctl(0, libc::TIOCSCTTY as _, 0) < 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let mut child = command.spawn().expect("start the akker binary");
    drop(command);
    drop(slave);
    let stdout: OwnedFd = child.stdout.take().expect("piped stdout").into();
    let stderr: OwnedFd = child.stderr.take().expect("piped stderr").into();
    set_nonblocking(&stdout);
    set_nonblocking(&stderr);

    let mut tty = Vec::new();
    let mut pieces = Vec::new();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let mut typed = 0usize;
    let started = Instant::now();
    let code = loop {
        read_available(&master, &mut tty, 20);
        read_available(&stdout, &mut out, 0);
        read_available(&stderr, &mut err, 0);
        if let Some(status) = child.try_wait().expect("wait for akker") {
            read_available(&master, &mut tty, 0);
            break status.code().unwrap_or(-1);
        }
        if started.elapsed() > COMMAND_TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            break -1;
        }
        if waiting_for_answer(&master, &tty, typed) {
            read_available(&stdout, &mut out, 0);
            read_available(&stderr, &mut err, 0);
            let prompt = tty.rsplit(|&b| b == b'\n').next().unwrap_or(&[]);
            pieces.push(Piece {
                stdout: text(&std::mem::take(&mut out)),
                stderr: text(&std::mem::take(&mut err)),
                prompt: Some(text(prompt)),
            });
            // Enter is a carriage return on a terminal. With no answer
            // left in the guide, Ctrl-D ends the question as a volunteer
            // who does not know the answer would.
            let keys = match answers.get(typed) {
                Some(answer) => format!("{answer}\r"),
                None => "\u{4}".to_string(),
            };
            write_all(&master, keys.as_bytes());
            typed += 1;
        }
    };
    // The child has exited: what is left in the pipes is all there is.
    read_to_end(&stdout, &mut out);
    read_to_end(&stderr, &mut err);
    pieces.push(Piece {
        stdout: text(&out),
        stderr: text(&err),
        prompt: None,
    });
    Outcome { pieces, code }
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).replace("\r\n", "\n")
}

fn set_nonblocking(fd: &OwnedFd) {
    // SAFETY: reads and sets the flags of a descriptor we own.
    unsafe {
        let flags = libc::fcntl(fd.as_raw_fd(), libc::F_GETFL);
        libc::fcntl(fd.as_raw_fd(), libc::F_SETFL, flags | libc::O_NONBLOCK);
    }
}

fn read_to_end(fd: &OwnedFd, into: &mut Vec<u8>) {
    let mut buf = [0u8; 4096];
    loop {
        // SAFETY: reads into a buffer of the length given.
        let n = unsafe { libc::read(fd.as_raw_fd(), buf.as_mut_ptr().cast(), buf.len()) };
        if n > 0 {
            into.extend_from_slice(&buf[..n as usize]);
            continue;
        }
        if n < 0 && std::io::Error::last_os_error().kind() == std::io::ErrorKind::Interrupted {
            continue;
        }
        if n < 0 && std::io::Error::last_os_error().kind() == std::io::ErrorKind::WouldBlock {
            // A writer is still alive (it cannot be akker, which exited):
            // wait a little for it rather than spin.
            std::thread::sleep(Duration::from_millis(5));
            continue;
        }
        return;
    }
}

/// A prompt is waiting when echo is off (akker reads a secret), every
/// answer typed so far was read (akker prints a newline after each), and
/// the text after the last newline is a new prompt.
fn waiting_for_answer(master: &OwnedFd, tty: &[u8], typed: usize) -> bool {
    let newlines = tty.iter().filter(|&&b| b == b'\n').count();
    let after_last = tty.rsplit(|&b| b == b'\n').next().unwrap_or(&[]);
    newlines == typed && !after_last.is_empty() && !echo_on(master)
}

fn echo_on(master: &OwnedFd) -> bool {
    let mut term = std::mem::MaybeUninit::<libc::termios>::uninit();
    // SAFETY: tcgetattr fills the termios it is given; on Linux, asked on
    // the master side it reports the terminal settings of the slave side.
    let term = unsafe {
        if libc::tcgetattr(master.as_raw_fd(), term.as_mut_ptr()) != 0 {
            return true;
        }
        term.assume_init()
    };
    term.c_lflag & libc::ECHO != 0
}

fn open_pty() -> (OwnedFd, OwnedFd) {
    let (mut master, mut slave) = (0, 0);
    // SAFETY: openpty writes two new descriptors into the integers given;
    // the name, settings and size pointers may be null.
    let rc = unsafe {
        libc::openpty(
            &mut master,
            &mut slave,
            std::ptr::null_mut(),
            std::ptr::null(),
            std::ptr::null(),
        )
    };
    assert_eq!(rc, 0, "openpty: {}", std::io::Error::last_os_error());
    // SAFETY: both descriptors are new and owned by nothing else.
    unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) }
}

/// Reads whatever the terminal has, waiting at most `wait_ms` for it.
fn read_available(master: &OwnedFd, into: &mut Vec<u8>, wait_ms: i32) {
    let mut timeout = wait_ms;
    loop {
        let mut pollfd = libc::pollfd {
            fd: master.as_raw_fd(),
            events: libc::POLLIN,
            revents: 0,
        };
        // SAFETY: one valid pollfd, for the duration of the call.
        let ready = unsafe { libc::poll(&mut pollfd, 1, timeout) };
        if ready <= 0 || pollfd.revents & libc::POLLIN == 0 {
            return;
        }
        let mut buf = [0u8; 4096];
        // SAFETY: reads into a buffer of the length given.
        let n = unsafe { libc::read(master.as_raw_fd(), buf.as_mut_ptr().cast(), buf.len()) };
        if n <= 0 {
            return;
        }
        into.extend_from_slice(&buf[..n as usize]);
        timeout = 0;
    }
}

fn write_all(master: &OwnedFd, mut bytes: &[u8]) {
    while !bytes.is_empty() {
        // SAFETY: writes from a buffer of the length given.
        let n = unsafe { libc::write(master.as_raw_fd(), bytes.as_ptr().cast(), bytes.len()) };
        assert!(
            n > 0,
            "type on the terminal: {}",
            std::io::Error::last_os_error()
        );
        bytes = &bytes[n as usize..];
    }
}
