//! `triage eval` as a stream: each case read, decided and written one at a
//! time, in bounded memory, a bad line or element an error in its place.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::Value;
use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdout, ExitStatus};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

mod common;
use common::{spawn_triage as spawn, NOW};

/// Runs `triage eval` on `stdin` (bytes, written from a thread so that a
/// large input and a large output cannot block each other).
fn eval_bytes(args: &[&str], stdin: Vec<u8>) -> (i32, String, String) {
    let mut child = spawn(&[&["eval", "--now", NOW], args].concat());
    let mut input = child.stdin.take().unwrap();
    let writer = thread::spawn(move || {
        let _ = input.write_all(&stdin);
    });
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap();
    (
        output.status.code().expect("triage exits, not killed"),
        String::from_utf8(output.stdout).expect("the output is UTF-8"),
        String::from_utf8(output.stderr).expect("standard error is UTF-8"),
    )
}

/// One JSON value per output line.
fn lines(stdout: &str) -> Vec<Value> {
    stdout
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|_| panic!("not JSON: {line}")))
        .collect()
}

#[test]
fn a_line_that_is_not_utf8_is_an_error_in_place_and_the_others_are_decided() {
    let mut input = b"{\"product\":\"azure\",\"impact\":\"moderate\"}\n".to_vec();
    input.extend(b"{\"product\":\"azure\",\"description\":\"caf\xE9 \xFF\"}\n");
    input.extend(b"{\"product\":\"ems\",\"impact\":\"minimal\"}\n");
    let (code, stdout, stderr) = eval_bytes(&[], input);
    assert_eq!(code, 2, "{stderr}");
    let decisions = lines(&stdout);
    assert_eq!(decisions.len(), 3, "{stdout}");
    assert_eq!(decisions[0]["severity"], "B");
    let message = decisions[1]["error"]["message"].as_str().unwrap();
    assert!(message.starts_with("line 2: not UTF-8"), "{message}");
    assert_eq!(decisions[2]["severity"], "C");
    assert!(
        stderr.starts_with("triage: line 2: not UTF-8: invalid byte 0xE9 at column 38"),
        "{stderr}"
    );
}

#[test]
fn a_malformed_first_line_leaves_the_later_lines_decided() {
    for first in [
        "{\"product\": ",
        "{\"product\":\"azure\",}",
        "not json at all",
    ] {
        let input = format!(
            "{first}\n{{\"product\":\"azure\",\"impact\":\"critical\"}}\n{{\"product\":\"ems\"}}\n"
        );
        let (code, stdout, stderr) = eval_bytes(&[], input.into_bytes());
        assert_eq!(code, 2, "{first}: {stderr}");
        let decisions = lines(&stdout);
        assert_eq!(decisions.len(), 3, "{first}: {stdout}");
        assert!(
            decisions[0]["error"]["message"]
                .as_str()
                .unwrap()
                .starts_with("line 1: malformed JSON"),
            "{first}: {stdout}"
        );
        assert_eq!(decisions[1]["severity"], "B", "{first}");
        assert_eq!(decisions[2]["contract"], "1", "{first}");
        assert!(
            stderr.starts_with("triage: line 1: malformed JSON") && stderr.lines().count() == 1,
            "{first}: {stderr}"
        );
    }
}

#[test]
fn a_utf8_byte_order_mark_is_skipped() {
    let case = r#"{"product":"azure","impact":"critical","commit_24x7":true}"#;
    let (code, stdout, stderr) = eval_bytes(&[], format!("\u{feff}{case}\n").into_bytes());
    assert_eq!(code, 0, "{stderr}");
    let decision: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(decision["severity"], "A");
    // Files joined with `cat` each bring their own mark: one a line is skipped too.
    let input = format!("\u{feff}{case}\n\u{feff}{case}\r\n");
    let (code, stdout, stderr) = eval_bytes(&[], input.into_bytes());
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(lines(&stdout).len(), 2);
    let (code, stdout, _) = eval_bytes(&[], format!("\u{feff}[{case}]").into_bytes());
    assert_eq!(code, 0);
    let decisions: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(decisions[0]["severity"], "A");
}

#[test]
fn utf16_input_is_refused_with_a_clear_message() {
    let case = r#"{"product":"azure"}"#;
    let mut with_mark = vec![0xFF, 0xFE];
    let mut without_mark = Vec::new();
    for unit in case.encode_utf16() {
        with_mark.extend(unit.to_le_bytes());
        without_mark.extend(unit.to_le_bytes());
    }
    for input in [with_mark, without_mark] {
        let (code, stdout, stderr) = eval_bytes(&[], input);
        assert_eq!(code, 2, "{stderr}");
        assert!(stdout.is_empty());
        assert!(
            stderr.contains("UTF-16") && stderr.contains("triage reads UTF-8"),
            "{stderr}"
        );
    }
}

#[test]
fn pretty_printed_cases_one_after_another_are_each_decided() {
    let one = serde_json::json!({"product": "azure", "impact": "critical", "commit_24x7": true});
    let two =
        serde_json::json!({"product": "ems", "impact": "minimal", "holidays": ["2026-12-25"]});
    let input = format!(
        "{}\n{}\n",
        serde_json::to_string_pretty(&one).unwrap(),
        serde_json::to_string_pretty(&two).unwrap()
    );
    let (code, stdout, stderr) = eval_bytes(&[], input.into_bytes());
    assert_eq!(code, 0, "{stderr}");
    let decisions = lines(&stdout);
    assert_eq!(decisions.len(), 2, "{stdout}");
    assert_eq!(decisions[0]["severity"], "A");
    assert_eq!(decisions[1]["severity"], "C");
}

#[test]
fn a_broken_pretty_printed_case_is_one_error_named_by_its_first_line() {
    let input = "{\n  \"product\": \"azure\",\n  \"impact\": severe,\n  \"plan\": \"unified\"\n}\n{\n  \"product\": \"ems\"\n}\n";
    let (code, stdout, stderr) = eval_bytes(&[], input.as_bytes().to_vec());
    assert_eq!(code, 2);
    let decisions = lines(&stdout);
    assert_eq!(decisions.len(), 2, "{stdout}");
    assert_eq!(
        decisions[0]["error"]["message"],
        "line 1: malformed JSON: expected value at line 3 column 13"
    );
    assert_eq!(decisions[1]["contract"], "1");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
}

#[test]
fn an_array_with_a_malformed_element_keeps_the_decisions_before_it() {
    let input = r#"[{"product":"azure","impact":"minimal"}, {"product":"ems","impact":"moderate"}, {"product": oops}, {"product":"azure"}]"#;
    let (code, stdout, stderr) = eval_bytes(&[], input.as_bytes().to_vec());
    assert_eq!(code, 2, "{stderr}");
    let decisions: Value = serde_json::from_str(&stdout).expect("the output array is closed");
    let decisions = decisions.as_array().unwrap();
    assert_eq!(decisions.len(), 3, "{stdout}");
    assert_eq!(decisions[0]["severity"], "C");
    assert_eq!(decisions[1]["severity"], "B");
    let message = decisions[2]["error"]["message"].as_str().unwrap();
    assert!(
        message.starts_with("malformed JSON: expected value at line 1 column 93")
            && message.ends_with("the rest of the input is not read"),
        "{message}"
    );
    assert!(
        stderr.starts_with("triage: case 3 (index 2): malformed JSON"),
        "{stderr}"
    );
    // Invalid UTF-8 in an element, in the indented array.
    let input = b"[\n  {\"product\":\"azure\"},\n  {\"product\":\"a\xFFb\"}\n]\n".to_vec();
    let (code, stdout, stderr) = eval_bytes(&[], input);
    assert_eq!(code, 2);
    let decisions: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(decisions[0]["contract"], "1");
    assert!(
        decisions[1]["error"]["message"]
            .as_str()
            .unwrap()
            .starts_with("not UTF-8"),
        "{stdout}"
    );
    assert!(
        stderr.starts_with("triage: case 2 (index 1): not UTF-8"),
        "{stderr}"
    );
}

#[test]
fn a_case_larger_than_16_mib_is_refused_unread_and_the_next_is_decided() {
    let mut input = br#"{"product":"azure","description":""#.to_vec();
    input.resize(input.len() + (17 << 20), b'a');
    input.extend(b"\"}\n{\"product\":\"ems\"}\n");
    let (code, stdout, stderr) = eval_bytes(&[], input);
    assert_eq!(code, 2, "{stderr}");
    let decisions = lines(&stdout);
    assert_eq!(decisions.len(), 2);
    assert_eq!(
        decisions[0]["error"]["message"],
        "line 1: the case is larger than 16 MiB, the most one case may take"
    );
    assert_eq!(decisions[1]["contract"], "1");
}

/// Reads lines of `stdout` in a thread until one satisfies `last`; `None`
/// when it did not come within `wait`. The pipe is handed back.
fn read_until_within(
    stdout: ChildStdout,
    wait: Duration,
    last: fn(&str) -> bool,
) -> Option<(String, ChildStdout)> {
    let (send, receive) = mpsc::channel();
    thread::spawn(move || {
        let mut reader = BufReader::new(stdout);
        let mut line = String::new();
        loop {
            line.clear();
            match reader.read_line(&mut line) {
                Ok(0) | Err(_) => break,
                Ok(_) if last(&line) => break,
                Ok(_) => {}
            }
        }
        let _ = send.send((line, reader.into_inner()));
    });
    receive.recv_timeout(wait).ok()
}

fn read_line_within(stdout: ChildStdout, wait: Duration) -> Option<(String, ChildStdout)> {
    read_until_within(stdout, wait, |_| true)
}

fn wait_within(child: &mut Child, wait: Duration) -> Option<ExitStatus> {
    let start = Instant::now();
    while start.elapsed() < wait {
        if let Some(status) = child.try_wait().unwrap() {
            return Some(status);
        }
        thread::sleep(Duration::from_millis(20));
    }
    let _ = child.kill();
    let _ = child.wait();
    None
}

#[test]
fn each_decision_is_written_while_the_input_is_still_open() {
    let case = r#"{"product":"azure","impact":"critical","commit_24x7":true}"#;
    // JSON lines: the first decision waits for the second case (one case
    // alone is answered indented), then each comes at once.
    let mut child = spawn(&["eval", "--now", NOW]);
    let mut stdin = child.stdin.take().unwrap();
    writeln!(stdin, "{case}\n{case}").unwrap();
    stdin.flush().unwrap();
    let stdout = child.stdout.take().unwrap();
    let answered = read_line_within(stdout, Duration::from_secs(10));
    drop(stdin);
    let _ = wait_within(&mut child, Duration::from_secs(10));
    let (line, _) = answered.expect("no decision while the input was open");
    let decision: Value = serde_json::from_str(&line).unwrap();
    assert_eq!(decision["severity"], "A");

    // An array: the first element, down to its last field.
    let mut child = spawn(&["eval", "--now", NOW]);
    let mut stdin = child.stdin.take().unwrap();
    writeln!(stdin, "[{case},").unwrap();
    stdin.flush().unwrap();
    let stdout = child.stdout.take().unwrap();
    let answered = read_until_within(stdout, Duration::from_secs(10), |line| {
        line.starts_with("    \"unknown\"")
    });
    drop(stdin);
    let _ = wait_within(&mut child, Duration::from_secs(10));
    let (line, _) = answered.expect("no element while the input was open");
    assert!(line.starts_with("    \"unknown\""), "{line}");
}

#[test]
fn a_reader_that_stops_early_ends_eval_before_the_input_ends() {
    let mut child = spawn(&["eval", "--now", NOW]);
    let mut stdin = child.stdin.take().unwrap();
    // An endless producer: it stops when triage is gone.
    let writer = thread::spawn(move || {
        let line = b"{\"product\":\"dynamics365\",\"impact\":\"moderate\"}\n".repeat(100);
        while stdin.write_all(&line).is_ok() {}
    });
    let stdout = child.stdout.take().unwrap();
    let (first, stdout) =
        read_line_within(stdout, Duration::from_secs(10)).expect("triage printed nothing");
    assert!(first.starts_with("{\"contract\""), "{first}");
    drop(stdout);
    let status = wait_within(&mut child, Duration::from_secs(20))
        .expect("triage kept reading after its reader left");
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    assert_eq!(status.code(), Some(0), "{status:?}: {stderr}");
    assert!(stderr.is_empty(), "{stderr}");
    writer.join().unwrap();
}

/// The peak resident memory of a running process, in bytes (Linux).
#[cfg(target_os = "linux")]
fn peak_memory(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|line| line.starts_with("VmHWM:"))?;
    let kilobytes: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kilobytes * 1024)
}

/// A batch of varied cases, one a line.
fn cases(count: usize) -> Vec<u8> {
    let products = [
        "azure",
        "dynamics365",
        "power_platform",
        "microsoft365",
        "ems",
    ];
    let impacts = ["critical", "moderate", "minimal"];
    let locations = ["japan", "north_america", "other"];
    let descriptions = [
        "the invoice is wrong",
        "production is down since this morning",
        "cannot sign in to the admin portal",
        "本番環境でエラーが発生しています",
    ];
    let mut out = Vec::new();
    for index in 0..count {
        let case = serde_json::json!({
            "product": products[index % products.len()],
            "impact": impacts[index % impacts.len()],
            "description": format!("{} (case {index})", descriptions[index % descriptions.len()]),
            "location": locations[index % locations.len()],
        });
        serde_json::to_writer(&mut out, &case).unwrap();
        out.push(b'\n');
    }
    out
}

#[cfg(target_os = "linux")]
#[test]
fn a_hundred_thousand_cases_stream_in_bounded_memory() {
    const CASES: usize = 100_000;
    const LIMIT: u64 = 100 << 20;
    let input = cases(CASES);
    let mut child = spawn(&["eval", "--now", NOW]);
    let pid = child.id();
    let mut stdin = child.stdin.take().unwrap();
    let writer = thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let stdout = child.stdout.take().unwrap();
    let reader = thread::spawn(move || {
        let mut count = 0;
        for line in BufReader::new(stdout).lines() {
            let line = line.unwrap();
            assert!(line.starts_with("{\"contract\":\"1\""), "{line}");
            count += 1;
        }
        count
    });
    let start = Instant::now();
    let mut peak = 0;
    let status = loop {
        if let Some(bytes) = peak_memory(pid) {
            peak = peak.max(bytes);
        }
        if peak > LIMIT || start.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "{} MB after {:?}: triage holds the batch",
                peak >> 20,
                start.elapsed()
            );
        }
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        thread::sleep(Duration::from_millis(10));
    };
    writer.join().unwrap();
    assert_eq!(reader.join().unwrap(), CASES);
    assert!(status.success(), "{status:?}");
    assert!(peak > 0, "the peak was never read");
    eprintln!(
        "{CASES} cases in {:?}, peak {} MB",
        start.elapsed(),
        peak >> 20
    );
}
