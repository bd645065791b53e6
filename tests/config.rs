//! The config file from the command line and in the reader: every mistake said with its
//! file, line and column, the valid settings kept, `hearsay config check`, a `--config`
//! that cannot be read refused, and ctrl-c quitting whatever the file binds.

mod common;

use common::pty::{self, BIN};
use common::run_in;
use std::path::Path;
use std::process::Command;

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Four mistakes (an unknown setting, a bad colour, a bad key name, an unknown action) among
/// valid settings.
const FOUR_MISTAKES: &str = "measure = 60
[theme]
titel = \"red\"
caption = \"grey-ish\"
body = \"cyan\"
[keys.article]
\"jj\" = \"top\"
\"x\" = \"explode\"
\"y\" = \"bottom\"
[sidebar]
side = \"left\"
";

#[test]
fn config_check_lists_every_mistake_whole_with_its_place() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("c.toml"), FOUR_MISTAKES).expect("write");
    let out = run_in(dir.path(), &["config", "check", "c.toml"]);
    assert_eq!(out.status.code(), Some(1), "mistakes: exit status 1");
    let listed = text(&out.stdout);
    let lines: Vec<&str> = listed.lines().collect();
    assert_eq!(lines.len(), 4, "{listed}");
    for (line, place) in lines.iter().zip([
        "c.toml:3:1: ",
        "c.toml:4:11: ",
        "c.toml:7:1: ",
        "c.toml:8:7: ",
    ]) {
        assert!(line.starts_with(place), "{line:?} starts with {place:?}");
    }
    assert!(lines[0].contains("'titel'") && lines[0].ends_with("did you mean 'title'?"));
    assert!(lines[1].contains("'grey-ish' is not a colour"));
    assert!(lines[2].contains("'jj' is not a key name"));
    // whole, never cut: the list of action names runs to its last one
    assert!(
        lines[3].contains("'explode'") && lines[3].ends_with("'quit'"),
        "{}",
        lines[3]
    );
    let err = text(&out.stderr);
    assert_eq!(
        err.trim_end(),
        "hearsay: 4 mistakes in 'c.toml'; hearsay ignores those settings and uses the others"
    );
}

#[test]
fn config_check_of_a_clean_file_of_no_file_and_of_the_file_hearsay_reads() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = run_in(dir.path(), &["config", "check"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        text(&out.stdout).contains("built-in defaults"),
        "{}",
        text(&out.stdout)
    );

    std::fs::write(
        dir.path().join("ok.toml"),
        "measure = 70\n[sidebar]\nside = \"left\"\n",
    )
    .expect("write");
    let out = run_in(dir.path(), &["config", "check", "ok.toml"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "ok.toml: no mistakes\n");
    // without a path: the --config file, else the user's file
    std::fs::write(dir.path().join("bad.toml"), "measure = 5\n").expect("write");
    let out = run_in(dir.path(), &["--config", "bad.toml", "config", "check"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stdout).starts_with("bad.toml:1:11: "),
        "{}",
        text(&out.stdout)
    );
    std::fs::create_dir_all(dir.path().join("config/hearsay")).expect("mkdir");
    std::fs::write(
        dir.path().join("config/hearsay/config.toml"),
        "colours = true\n",
    )
    .expect("write");
    let out = run_in(dir.path(), &["config", "check"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stdout).contains("hearsay/config.toml:1:1: unknown field 'colours'"),
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn a_config_that_cannot_be_read_is_a_usage_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("story.txt"), "A title\n\nSome text here.\n").expect("write");
    for args in [
        &["config", "check", "missing.toml"][..],
        &["config", "check", "."],
        &["--config", "missing.toml", "story.txt"],
        &["--config", "missing.toml", "highlights", "story.txt"],
        &["export", "story.txt", "--config", "missing.toml"],
        &["--config", "missing.toml", "config", "check"],
    ] {
        let out = run_in(dir.path(), args);
        assert_eq!(
            out.status.code(),
            Some(2),
            "{args:?}: {}",
            text(&out.stderr)
        );
        let err = text(&out.stderr);
        assert!(
            err.starts_with("hearsay: cannot read the config file '"),
            "{args:?}: {err}"
        );
        assert_eq!(err.lines().count(), 1, "{err}");
    }
    for args in [
        &["config"][..],
        &["config", "check", "a.toml", "b.toml"],
        &["config", "fix"],
    ] {
        assert_eq!(run_in(dir.path(), args).status.code(), Some(2), "{args:?}");
    }
}

#[test]
fn an_unreadable_user_file_is_said_and_the_defaults_used() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("story.txt"), "A title\n\nSome text here.\n").expect("write");
    let out = Command::new(BIN)
        .args(["highlights", "story.txt"])
        .current_dir(dir.path())
        .env("HOME", dir.path())
        .env("XDG_CONFIG_HOME", dir.path().join("config"))
        .env("XDG_DATA_HOME", dir.path().join("data"))
        .env("HEARSAY_CONFIG", dir.path().join("gone.toml"))
        .output()
        .expect("hearsay runs");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let err = text(&out.stderr);
    assert!(
        err.contains("gone.toml") && err.contains("using the default configuration"),
        "{err}"
    );
}

#[test]
fn config_check_warns_that_ctrl_c_always_quits() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("c.toml"),
        "[keys.global]\n\"q\" = \"top\"\n\"ctrl-c\" = \"bottom\"\n",
    )
    .expect("write");
    let out = run_in(dir.path(), &["config", "check", "c.toml"]);
    assert_eq!(out.status.code(), Some(0), "a warning is not a mistake");
    let listed = text(&out.stdout);
    assert!(
        listed.starts_with("c.toml:3:1: warning: 'ctrl-c' always quits hearsay"),
        "{listed}"
    );
    assert!(
        listed.ends_with("c.toml: no mistakes (1 warning)\n"),
        "{listed}"
    );
}

#[test]
fn escape_sequences_in_a_config_file_stay_out_of_the_check() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("c.toml"),
        "\"\x1b]0;pwned\x07\" = 1\n[keys.article]\n\"\x1b[2J\" = \"top\"\nmeasure = \"\u{9b}31m\"\n",
    )
    .expect("write");
    let out = run_in(dir.path(), &["config", "check", "c.toml"]);
    assert_eq!(out.status.code(), Some(1));
    let all = [out.stdout, out.stderr].concat();
    for bad in ["\x1b", "\x07", "\u{9b}"] {
        assert!(
            !text(&all).contains(bad),
            "{bad:?} reached the terminal: {}",
            text(&all)
        );
    }
}

/// The reader on the sample at 100x30 with `config` written to `dir/c.toml` as `--config`.
fn reader_with_config(dir: &Path, config: &str) -> pty::Session {
    let cfg = dir.join("c.toml");
    std::fs::write(&cfg, config).expect("write");
    pty::hearsay(&[
        "--config",
        cfg.to_str().expect("utf-8"),
        "assets/sample.txt",
    ])
    .size(100, 30)
    .start()
}

#[test]
fn the_reader_keeps_the_valid_settings_and_says_every_mistake() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut s = reader_with_config(dir.path(), FOUR_MISTAKES);
    s.wait_for("the reader with the config's mistakes", |t| {
        t.contains("config setting ignored") && t.contains("c.toml:3:1")
    });
    // side = "left" was kept: the sidebar's first box opens at the left edge
    s.wait_for("the sidebar on the left", |t| {
        t.lines().next().is_some_and(|l| l.starts_with('╭'))
    });
    s.send("q");
    assert!(s.wait_exit());
    // every mistake was also printed before the terminal UI started, so it is still there
    let screen = s.screen();
    for place in [
        "c.toml:3:1: ",
        "c.toml:4:11: ",
        "c.toml:7:1: ",
        "c.toml:8:7: ",
    ] {
        assert!(screen.contains(place), "{place} in:\n{screen}");
    }
    assert!(screen.contains("the others are used"), "{screen}");
}

#[test]
fn ctrl_c_quits_even_when_the_config_binds_it_and_q_elsewhere() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut s = reader_with_config(
        dir.path(),
        "[keys.global]\n\"q\" = \"top\"\n\"ctrl-c\" = \"top\"\n\
         [keys.article]\n\"q\" = \"top\"\n\"ctrl-c\" = \"bottom\"\n",
    );
    s.wait_for("the sample", |t| t.contains("Harbor city weighed"));
    s.send("q");
    std::thread::sleep(std::time::Duration::from_millis(200));
    assert!(
        s.alternate_screen(),
        "q is bound to 'top' and does not quit"
    );
    s.send("\x03");
    assert!(s.wait_exit(), "ctrl-c quits");
    s.assert_restored();
}

#[test]
fn config_is_found_through_xdg_config_home_and_hearsay_config() {
    let home = tempfile::tempdir().expect("temp dir");
    let xdg = home.path().join("xdg");
    std::fs::create_dir_all(xdg.join("hearsay")).expect("mkdir");
    std::fs::write(xdg.join("hearsay/config.toml"), "colours = true\n").expect("write");
    let other = home.path().join("other.toml");
    std::fs::write(&other, "[theme]\nbody = \"plaid\"\n").expect("write");
    let run = |env_config: Option<&Path>| {
        let mut cmd = Command::new(BIN);
        cmd.arg(home.path().join("missing.txt"))
            .env("HOME", home.path())
            .env("XDG_CONFIG_HOME", &xdg)
            .env_remove("HEARSAY_CONFIG");
        if let Some(p) = env_config {
            cmd.env("HEARSAY_CONFIG", p);
        }
        text(&cmd.output().expect("hearsay runs").stderr)
    };
    let err = run(None);
    assert!(
        err.contains("hearsay/config.toml:1:1: unknown field 'colours'"),
        "{err}"
    );
    assert!(err.contains("did you mean 'colors'?"), "{err}");
    assert!(err.contains("the others are used"), "{err}");
    let err = run(Some(&other));
    assert!(
        err.contains("other.toml:2:8: 'plaid' is not a colour"),
        "{err}"
    );
}
