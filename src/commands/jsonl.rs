//! `hearsay analyze --jsonl -`: JSON Lines in, JSON Lines out, one article at a time.
//!
//! Each input line is an object `{"id": …, "text": "…"}` (other keys are ignored; `id` may
//! be any JSON value and is echoed back unchanged). Each line gets one output line, in the
//! same order and as soon as it is analysed: the `analyze --json` object with `id` first.
//! That lets any engine that pipes (Spark's `RDD.pipe`, GNU parallel, a shell loop) drive
//! the binary with no Python at all; run one process per core.
//!
//! A line that cannot be analysed (not JSON, no `text`, an empty or binary text) still gets
//! its line, `{"id": …, "error": "…"}`, so the output stays aligned with the input; the
//! message is also said on standard error, the other lines are analysed, and the exit status
//! says that something failed. Blank lines are not inputs and get no output.

use crate::commands::{complain, read_input};
use color_eyre::eyre::{Result, WrapErr};
use hearsay::document::decode::MAX_INPUT;
use hearsay::document::{Format, open};
use hearsay::printable::escaped;
use hearsay::report::Report;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};

/// One input line.
#[derive(Deserialize)]
struct Input {
    /// The caller's id for the article, echoed back.
    #[serde(default)]
    id: Value,
    /// The article: plain text, HTML or Markdown (sniffed, or `--format`).
    text: String,
}

/// One output line for an analysed article.
#[derive(Serialize)]
struct Analysed<'a> {
    id: &'a Value,
    #[serde(flatten)]
    report: &'a Report,
}

/// One output line for an input that could not be analysed.
#[derive(Serialize)]
struct Failed<'a> {
    id: &'a Value,
    error: &'a str,
}

/// Counts of what happened, for the exit status.
#[derive(Default)]
struct Tally {
    lines: usize,
    failed: usize,
}

/// Runs `hearsay analyze --jsonl FILE…` (`-` is standard input).
pub fn run(files: &[PathBuf], format: Option<Format>) -> Result<()> {
    let mut out = std::io::stdout().lock();
    let mut tally = Tally::default();
    for path in files {
        let more = if path.as_os_str() == "-" {
            let stdin = std::io::stdin().lock();
            each_line(stdin, "standard input", format, &mut out, &mut tally)?
        } else {
            let file = open_jsonl(path)?;
            let name = format!("'{}'", path.display());
            each_line(file, &name, format, &mut out, &mut tally)?
        };
        if !more {
            return Ok(()); // standard output closed: the reader has seen enough
        }
    }
    if tally.failed > 0 {
        color_eyre::eyre::bail!(
            "{} of {} lines could not be analysed",
            tally.failed,
            tally.lines
        );
    }
    Ok(())
}

fn open_jsonl(path: &Path) -> Result<std::io::BufReader<std::fs::File>> {
    if path.is_dir() {
        // the same refusal as an article path gets
        read_input(path)?;
    }
    let file = std::fs::File::open(path)
        .wrap_err_with(|| format!("could not read '{}'", path.display()))?;
    Ok(std::io::BufReader::new(file))
}

/// Analyses every line of `input`; `Ok(false)` when standard output was closed.
fn each_line(
    mut input: impl BufRead,
    name: &str,
    format: Option<Format>,
    out: &mut impl Write,
    tally: &mut Tally,
) -> Result<bool> {
    let mut buf = Vec::new();
    let mut number = 0usize;
    loop {
        buf.clear();
        number += 1;
        let line = match read_line(&mut input, &mut buf)
            .wrap_err_with(|| format!("could not read {name}"))?
        {
            None => return Ok(true),
            Some(Line::Complete) => Ok(buf.as_slice()),
            Some(Line::TooLong) => Err(format!(
                "the line is over the {} MB limit",
                MAX_INPUT / (1024 * 1024)
            )),
        };
        let line = line.map(|l| l.trim_ascii());
        if line.as_ref().is_ok_and(|l| l.is_empty()) {
            continue;
        }
        tally.lines += 1;
        let printed = match line.and_then(|l| analyse(l, format)) {
            Ok(json) => json,
            Err(message) => {
                tally.failed += 1;
                let id = line_id(&buf);
                complain(&format!("{name} line {number}: {message}"));
                serde_json::to_string(&Failed {
                    id: &id,
                    error: &message,
                })?
            }
        };
        let written = out
            .write_all(escaped(&printed).as_bytes())
            .and_then(|()| out.write_all(b"\n"))
            .and_then(|()| out.flush());
        match written {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(false),
            r => r.wrap_err("could not write to standard output")?,
        }
    }
}

/// The output line for one input line, or the message saying why there is none.
fn analyse(line: &[u8], format: Option<Format>) -> Result<String, String> {
    let input: Input = serde_json::from_slice(line)
        .map_err(|e| format!("not a JSON object with a \"text\" string: {e}"))?;
    let doc = open(input.text.as_bytes(), None, format).map_err(|e| e.to_string())?;
    let report = Report::new(&doc);
    serde_json::to_string(&Analysed {
        id: &input.id,
        report: &report,
    })
    .map_err(|e| e.to_string())
}

/// The `id` of a line that failed, when it is readable at all (else `null`).
fn line_id(line: &[u8]) -> Value {
    #[derive(Deserialize)]
    struct Id {
        #[serde(default)]
        id: Value,
    }
    serde_json::from_slice::<Id>(line.trim_ascii()).map_or(Value::Null, |i| i.id)
}

/// How a line ended.
enum Line {
    /// At a newline or the end of the input.
    Complete,
    /// Over [`MAX_INPUT`]: `buf` holds its start, the rest was skipped.
    TooLong,
}

/// Reads one line into `buf` (without its newline), never holding more than [`MAX_INPUT`]
/// bytes of it; `None` at the end of the input.
fn read_line(input: &mut impl BufRead, buf: &mut Vec<u8>) -> std::io::Result<Option<Line>> {
    let limit = MAX_INPUT as u64 + 1;
    let n = std::io::Read::take(&mut *input, limit).read_until(b'\n', buf)?;
    if n == 0 {
        return Ok(None);
    }
    if buf.last() == Some(&b'\n') {
        buf.pop();
        return Ok(Some(Line::Complete));
    }
    if (n as u64) < limit {
        return Ok(Some(Line::Complete)); // the last line, without a newline
    }
    // skip the rest of the line without keeping it
    loop {
        let chunk = input.fill_buf()?;
        if chunk.is_empty() {
            break;
        }
        match chunk.iter().position(|&b| b == b'\n') {
            Some(i) => {
                input.consume(i + 1);
                break;
            }
            None => {
                let len = chunk.len();
                input.consume(len);
            }
        }
    }
    Ok(Some(Line::TooLong))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &str) -> (Vec<Value>, Tally) {
        let mut out = Vec::new();
        let mut tally = Tally::default();
        let more = each_line(input.as_bytes(), "test", None, &mut out, &mut tally).unwrap();
        assert!(more);
        let values = String::from_utf8(out)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        (values, tally)
    }

    #[test]
    fn one_line_out_per_line_in_with_the_id_first() {
        let input = concat!(
            r#"{"id": "a", "text": "Title\n\n“We will rebuild,” Ana Ruiz said.\n"}"#,
            "\n\n",
            r#"{"id": 7, "text": "", "url": "ignored"}"#,
            "\n",
            "not json\n",
            r#"{"text": "Headline\n\nThe dam will hold, engineers said."}"#,
        );
        let (out, tally) = lines(input);
        assert_eq!(out.len(), 4, "{out:?}");
        assert_eq!((tally.lines, tally.failed), (4, 2));
        assert_eq!(out[0]["id"], "a");
        assert_eq!(out[0]["speakers"][0]["name"], "Ana Ruiz");
        assert_eq!(out[0]["claims"][0]["kind"], "direct");
        assert_eq!(out[1]["id"], 7);
        assert_eq!(
            out[1]["error"],
            "the input is empty: there is no article to read"
        );
        assert_eq!(out[2]["id"], Value::Null);
        assert!(out[2]["error"].as_str().unwrap().starts_with("not a JSON"));
        assert_eq!(out[3]["id"], Value::Null);
        assert_eq!(out[3]["claims"][0]["text"], "The dam will hold");
    }

    #[test]
    fn the_object_is_the_analyze_json_one_plus_the_id() {
        let text = "Title\n\n“We will rebuild,” Ana Ruiz said.\n";
        let input = serde_json::json!({"id": "x", "text": text}).to_string();
        let (out, _) = lines(&input);
        let doc = open(text.as_bytes(), None, None).unwrap();
        // as `analyze --json` prints it (an f32 confidence printed, not widened to f64)
        let expected: Value =
            serde_json::from_str(&serde_json::to_string(&Report::new(&doc)).unwrap()).unwrap();
        let mut got = out[0].clone();
        assert_eq!(got.as_object_mut().unwrap().remove("id").unwrap(), "x");
        assert_eq!(got, expected);
    }

    #[test]
    fn a_line_without_newline_at_the_end_is_read() {
        let mut input: &[u8] = b"one\ntwo";
        let mut buf = Vec::new();
        assert!(matches!(
            read_line(&mut input, &mut buf).unwrap(),
            Some(Line::Complete)
        ));
        assert_eq!(buf, b"one");
        buf.clear();
        assert!(matches!(
            read_line(&mut input, &mut buf).unwrap(),
            Some(Line::Complete)
        ));
        assert_eq!(buf, b"two");
        buf.clear();
        assert!(read_line(&mut input, &mut buf).unwrap().is_none());
    }
}
