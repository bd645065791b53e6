//! One pseudo-terminal harness for the end-to-end tests: it starts a program (the real
//! `hearsay` binary by default) in a portable-pty terminal with its own config and data
//! folders (never the developer's), parses what it draws with vt100, keeps every raw byte it
//! wrote, and lets a test send keys, wait for screens, resize the terminal and wait for exit.

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::ffi::{OsStr, OsString};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The `hearsay` binary cargo built for these tests.
pub const BIN: &str = env!("CARGO_BIN_EXE_hearsay");

/// How a [`Session`] is started: program, arguments, terminal size, folders, environment.
pub struct Launch {
    program: OsString,
    args: Vec<OsString>,
    cols: u16,
    rows: u16,
    home: Option<PathBuf>,
    cwd: Option<PathBuf>,
    env: Vec<(OsString, OsString)>,
    timeout: Duration,
}

/// Starts describing a run of `hearsay` with `args`: 80x24, a fresh temporary HOME, the
/// crate root as working folder, 20 s for every wait.
pub fn hearsay<S: AsRef<OsStr>>(args: &[S]) -> Launch {
    Launch {
        program: BIN.into(),
        args: args.iter().map(|a| a.as_ref().to_owned()).collect(),
        cols: 80,
        rows: 24,
        home: None,
        cwd: None,
        env: Vec::new(),
        timeout: Duration::from_secs(20),
    }
}

impl Launch {
    /// Runs `program` instead of hearsay (e.g. `sh` to redirect standard input).
    pub fn program(mut self, program: impl AsRef<OsStr>) -> Launch {
        self.program = program.as_ref().to_owned();
        self
    }

    /// The terminal size.
    pub fn size(mut self, cols: u16, rows: u16) -> Launch {
        self.cols = cols;
        self.rows = rows;
        self
    }

    /// Uses `home` as HOME (config and data folders below it) instead of a temporary one.
    pub fn home(mut self, home: &Path) -> Launch {
        self.home = Some(home.to_owned());
        self
    }

    /// The working folder (default: the crate root).
    pub fn cwd(mut self, cwd: &Path) -> Launch {
        self.cwd = Some(cwd.to_owned());
        self
    }

    /// Sets one more environment variable.
    pub fn env(mut self, key: &str, value: &str) -> Launch {
        self.env.push((key.into(), value.into()));
        self
    }

    /// How long every wait may take before the test fails.
    pub fn timeout(mut self, timeout: Duration) -> Launch {
        self.timeout = timeout;
        self
    }

    /// Starts the program in the pseudo-terminal.
    pub fn start(self) -> Session {
        let pair = native_pty_system()
            .openpty(pty_size(self.cols, self.rows))
            .expect("a pseudo-terminal");
        let (home, temp_home) = match self.home {
            Some(home) => (home, None),
            None => {
                let temp = tempfile::tempdir().expect("temp dir");
                (temp.path().to_owned(), Some(temp))
            }
        };
        let mut cmd = CommandBuilder::new(&self.program);
        cmd.args(&self.args);
        cmd.cwd(
            self.cwd
                .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR"))),
        );
        cmd.env("TERM", "xterm-256color");
        cmd.env("HOME", &home);
        cmd.env("XDG_CONFIG_HOME", home.join("config"));
        cmd.env("XDG_DATA_HOME", home.join("data"));
        cmd.env_remove("HEARSAY_CONFIG");
        for (k, v) in &self.env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("the program starts");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let writer = pair.master.take_writer().expect("pty writer");
        let parser = Arc::new(Mutex::new(vt100::Parser::new(self.rows, self.cols, 0)));
        let bytes = Arc::new(Mutex::new(Vec::new()));
        let done = Arc::new(AtomicBool::new(false));
        let (p, b, d) = (Arc::clone(&parser), Arc::clone(&bytes), Arc::clone(&done));
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                if let Ok(mut bytes) = b.lock() {
                    bytes.extend_from_slice(&buf[..n]);
                }
                if let Ok(mut parser) = p.lock() {
                    parser.process(&buf[..n]);
                }
            }
            d.store(true, Ordering::SeqCst);
        });
        Session {
            master: pair.master,
            parser,
            bytes,
            reader_done: done,
            writer,
            child,
            timeout: self.timeout,
            _home: temp_home,
        }
    }
}

fn pty_size(cols: u16, rows: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

/// Copies the bundled sample article into `dir` (its highlights are saved beside it) and
/// returns the copy.
pub fn copy_sample(dir: &Path) -> PathBuf {
    let article = dir.join("sample.txt");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample.txt"),
        &article,
    )
    .expect("copy the sample");
    article
}

/// The highlights files hearsay keeps in its data folder under `home` (reading positions
/// of articles without a highlights file beside them).
pub fn kept_reading_files(home: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(home.join("data/hearsay/highlights"))
        .expect("the data folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect()
}

/// Whether hearsay's sidebar shows the finished analysis ("20 quotes · 15 speakers"). Not
/// just "quotes ·": the status bar's key hint ("] quotes · tab speakers") says that from
/// the first frame, before the analysis is done.
pub fn analysis_shown(screen: &str) -> bool {
    screen
        .match_indices(" quotes · ")
        .any(|(i, _)| screen[..i].ends_with(|c: char| c.is_ascii_digit()))
}

/// A running program in a pseudo-terminal, killed on drop if it is still running.
pub struct Session {
    master: Box<dyn portable_pty::MasterPty + Send>,
    parser: Arc<Mutex<vt100::Parser>>,
    bytes: Arc<Mutex<Vec<u8>>>,
    reader_done: Arc<AtomicBool>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    timeout: Duration,
    _home: Option<tempfile::TempDir>,
}

impl Session {
    /// The screen's text, row by row.
    pub fn screen(&self) -> String {
        self.with_screen(|s| s.contents())
    }

    /// Runs `f` on the parsed screen (cells, colours, modes).
    pub fn with_screen<R>(&self, f: impl FnOnce(&vt100::Screen) -> R) -> R {
        f(self.parser.lock().expect("parser").screen())
    }

    /// Whether the program has the terminal in the alternate screen.
    pub fn alternate_screen(&self) -> bool {
        self.with_screen(|s| s.alternate_screen())
    }

    /// The last row of the screen (hearsay's status bar).
    pub fn status_line(&self) -> String {
        self.screen().lines().last().unwrap_or_default().to_string()
    }

    /// Every byte the program wrote to the terminal so far.
    pub fn bytes(&self) -> Vec<u8> {
        self.bytes.lock().expect("bytes").clone()
    }

    /// Waits until the screen satisfies `ok`, or fails with the screen shown.
    pub fn wait_for(&self, what: &str, ok: impl Fn(&str) -> bool) {
        let deadline = Instant::now() + self.timeout;
        loop {
            let s = self.screen();
            if ok(&s) {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {what}; screen:\n{s}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// The process id of the program.
    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("a process id")
    }

    /// Sends the program a signal (`TERM`, `HUP`, …) with kill(1).
    pub fn signal(&self, name: &str) {
        let status = std::process::Command::new("kill")
            .arg(format!("-{name}"))
            .arg(self.pid().to_string())
            .status()
            .expect("kill runs");
        assert!(status.success(), "kill -{name} failed");
    }

    /// Types `bytes` into the terminal.
    pub fn send(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).expect("write keys");
        self.writer.flush().expect("flush keys");
    }

    /// Resizes the terminal (the child gets SIGWINCH) and the screen model with it.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.parser
            .lock()
            .expect("parser")
            .screen_mut()
            .set_size(rows, cols);
        self.master
            .resize(pty_size(cols, rows))
            .expect("resize the pty");
    }

    /// Asserts that the program gave the terminal back: main screen, no mouse capture,
    /// cursor shown.
    pub fn assert_restored(&self) {
        self.with_screen(|screen| {
            assert!(!screen.alternate_screen(), "left the alternate screen");
            assert_eq!(
                screen.mouse_protocol_mode(),
                vt100::MouseProtocolMode::None,
                "mouse capture is off"
            );
            assert!(!screen.hide_cursor(), "the cursor is visible");
        });
    }

    /// Waits for the process to end and for its last bytes to be read; returns its success.
    pub fn wait_exit(&mut self) -> bool {
        let deadline = Instant::now() + self.timeout;
        let status = loop {
            if let Some(status) = self.child.try_wait().expect("child status") {
                break status;
            }
            assert!(Instant::now() < deadline, "hearsay did not quit");
            std::thread::sleep(Duration::from_millis(20));
        };
        // the reader thread ends at the end of the output; give it a moment, at least 100 ms
        let drained = Instant::now() + Duration::from_secs(2);
        std::thread::sleep(Duration::from_millis(100));
        while !self.reader_done.load(Ordering::SeqCst) && Instant::now() < drained {
            std::thread::sleep(Duration::from_millis(20));
        }
        status.success()
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
        }
    }
}
