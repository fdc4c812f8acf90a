//! The due time as a calendar event (RFC 5545 iCalendar), made in the
//! browser and saved as a file: nothing is sent anywhere. Written by hand:
//! one event of four properties does not earn an iCalendar crate's bytes.

use chrono::{DateTime, Datelike, Duration, Timelike, Utc};

/// An `.ics` file with one event at `due`, lasting a quarter of an hour, with
/// a reminder 15 minutes before. `stamp` is when the file is made; `title`
/// and `details` are plain text in any language.
pub fn event(due: DateTime<Utc>, stamp: DateTime<Utc>, title: &str, details: &str) -> String {
    // By hand: chrono's strftime machinery would be compiled into the widget.
    let time = |at: DateTime<Utc>| {
        format!(
            "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
            at.year(),
            at.month(),
            at.day(),
            at.hour(),
            at.minute(),
            at.second()
        )
    };
    let lines = [
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        "PRODID:-//support-triage//widget//EN".to_owned(),
        "CALSCALE:GREGORIAN".to_owned(),
        "METHOD:PUBLISH".to_owned(),
        "BEGIN:VEVENT".to_owned(),
        // Unique enough for one visitor's calendar: the due time and the stamp.
        format!("UID:{}-{}@support-triage", time(due), time(stamp)),
        format!("DTSTAMP:{}", time(stamp)),
        format!("DTSTART:{}", time(due)),
        format!("DTEND:{}", time(due + Duration::minutes(15))),
        format!("SUMMARY:{}", escape(title)),
        format!("DESCRIPTION:{}", escape(details)),
        "BEGIN:VALARM".to_owned(),
        "ACTION:DISPLAY".to_owned(),
        format!("DESCRIPTION:{}", escape(title)),
        "TRIGGER:-PT15M".to_owned(),
        "END:VALARM".to_owned(),
        "END:VEVENT".to_owned(),
        "END:VCALENDAR".to_owned(),
    ];
    let mut out = String::new();
    for line in lines {
        fold_into(&mut out, &line);
    }
    out
}

/// A TEXT value: backslash, semicolon, comma and line breaks escaped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends a content line, folded so that no line exceeds 75 octets (a
/// continuation starts with a space), never inside a character, ended by
/// CRLF.
fn fold_into(out: &mut String, line: &str) {
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
}
