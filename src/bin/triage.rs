//! `triage`: the command-line door to the decision engine.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use chrono::{DateTime, Utc};
    use serde::de::{self, SeqAccess, Visitor};
    use serde::Serialize;
    use serde_json::error::Category;
    use std::borrow::Cow;
    use std::cell::{Cell, RefCell};
    use std::fmt;
    use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};
    use std::process::ExitCode;
    use std::rc::Rc;
    use support_triage::engine::contract::language::{interface_locale, interface_tags};
    use support_triage::engine::contract::raw::quoted_excerpt;
    use support_triage::engine::contract::rule_id::RuleId;
    use support_triage::engine::messages::{self, Catalogue};
    use support_triage::engine::policy::rules::{rule, Rule, RULES};
    use support_triage::engine::time::zone::TzDatabase;
    use support_triage::engine::{evaluate, Decision, InputError, Raw, Ruleset};

    const HELP: &str = "\
triage: decide a support case: category, severity, response deadline and submission path.

USAGE:
    triage eval [--now RFC3339] [--locale TAG] [--compact]   < cases.json
    triage rules [--locale TAG] [RULE-ID ...]
    triage --help | --version

COMMANDS:
    eval    Read cases as JSON on standard input and print decisions on standard output,
            each as soon as it is decided. Input is one case (a JSON object), many (a JSON
            array of objects), or a stream of them: JSON lines (one object per line) or
            pretty-printed objects one after another. The output has the same shape: an
            object, an array, or one decision per line. The case and decision fields are
            those of contract.md; `product` is the only required field.
    rules   Print policy rules, all of them or the IDs given (in any case): what the
            source documents say, with the documents, and, labelled \"design\", what the
            project decided itself where the documents are silent.

OPTIONS:
    --now RFC3339   The instant that stands in for a missing `submitted_at` (default: now).
    --locale TAG    The language of the texts (notices, trace, path steps) for cases that
                    do not give `locale`, and of `rules`: en, ja, id, es, fr, de, it, pt,
                    zh-Hans, zh-Hant (regional tags such as ja-JP or pt-BR map to them).
    --compact       One line per decision instead of indented JSON.

INPUT:
    UTF-8, read and decided one case at a time, in bounded memory. A UTF-8 byte-order mark
    is skipped (at the start, and at the start of a line, as `cat` joins files); UTF-16 is
    refused: convert it first (`iconv -f UTF-16 -t UTF-8`). A case larger than 16 MiB is
    refused unread. The first character that is not white space chooses the shape:
    [     an array, read element by element. A malformed element (bad JSON, bytes that are
          not UTF-8) becomes an error in its place and ENDS the reading: where the next
          element would begin cannot be known. The decisions before it stay written.
    else  a stream. A case ends where a line ends with its brackets closed, and a line
          that begins with { always begins a new case. A line that is not UTF-8 or not
          JSON becomes an error in its place, and reading resumes at the next line that
          begins with neither white space nor } ] , (the rest of a broken pretty-printed
          case is skipped). The first decision waits for the second case or the end of
          the input: one case alone is answered indented, as an object.

ERRORS:
    Each error names the field and what is allowed, on standard error. In a batch it also
    says which case, counted from 1 the way a person counts them:
        a stream:  triage: line 3: impact: ...           (the line the case begins on)
        an array:  triage: case 3 (index 2): impact: ... (3rd element, JSON index 2)
    and the case's decision is replaced by {\"error\": {\"path\", \"message\", \"allowed\"}};
    input that is not JSON or not UTF-8 has an empty path and the message says where:
        {\"error\": {\"path\": \"\", \"message\": \"line 3: malformed JSON: expected value at column 9\"}}

EXIT STATUS:
    0  every case was decided
    2  bad input or usage: any case that was bad (the others are still decided), an
       empty input, or input that is not UTF-8
    1  an I/O failure: standard input could not be read, or standard output written
    A reader that stops early (`triage eval ... | head -1`, `triage rules | head`) ends
    triage quietly, with the status above: a closed pipe is not an error.

EXAMPLE:
    echo '{\"product\":\"azure\",\"role\":\"partner_for_customer\",\"plan\":\"csp\",\"impact\":\"critical\",\"commit_24x7\":true}' | triage eval
";

    pub fn main() -> ExitCode {
        let args: Vec<String> = std::env::args().skip(1).collect();
        match args.first().map(String::as_str) {
            None | Some("-h" | "--help" | "help") => print(|out| out.write_all(HELP.as_bytes())),
            Some("-V" | "--version") => {
                print(|out| writeln!(out, "triage {}", env!("CARGO_PKG_VERSION")))
            }
            Some("eval") => match EvalOptions::parse(&args[1..]) {
                Ok(options) => eval(options),
                Err(message) => usage_error(&message),
            },
            Some("rules") => rules(&args[1..]),
            Some(other) => usage_error(&format!(
                "unknown command {}; the commands are eval and rules",
                quoted_excerpt(other)
            )),
        }
    }

    /// Writes a line to standard error. Nothing is left to tell when standard
    /// error itself is gone, so a failure there is ignored rather than fatal.
    fn warn(message: fmt::Arguments) {
        let _ = writeln!(io::stderr().lock(), "triage: {message}");
    }

    fn usage_error(message: &str) -> ExitCode {
        warn(format_args!("{message}\nRun `triage --help` for usage."));
        ExitCode::from(2)
    }

    /// Runs `write` on a buffered, locked standard output, then flushes it.
    /// Every byte `triage` prints goes through here: `print!` would panic (and
    /// abort, in release) when the reader has closed the pipe.
    fn write_stdout(write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> io::Result<()> {
        let mut out = BufWriter::new(io::stdout().lock());
        write(&mut out)?;
        out.flush()
    }

    /// What a failed write to standard output means for the exit status: a
    /// reader that stopped reading (`| head`) is no failure of ours, so
    /// `quiet` stands; anything else is an I/O failure.
    fn after_write(result: io::Result<()>, quiet: ExitCode) -> ExitCode {
        match result {
            Ok(()) => quiet,
            Err(error) if error.kind() == io::ErrorKind::BrokenPipe => quiet,
            Err(error) => {
                warn(format_args!("cannot write standard output: {error}"));
                ExitCode::FAILURE
            }
        }
    }

    fn print(write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> ExitCode {
        after_write(write_stdout(write), ExitCode::SUCCESS)
    }

    struct EvalOptions {
        now: DateTime<Utc>,
        compact: bool,
        /// The `locale` of cases that give none.
        locale: Option<&'static str>,
    }

    impl EvalOptions {
        fn parse(args: &[String]) -> Result<Self, String> {
            let mut options = EvalOptions {
                now: DateTime::<Utc>::from(std::time::SystemTime::now()),
                compact: false,
                locale: None,
            };
            let mut args = args.iter();
            while let Some(arg) = args.next() {
                match arg.as_str() {
                    "--compact" => options.compact = true,
                    "--locale" => options.locale = Some(locale_option(args.next())?),
                    "--now" => {
                        let value = args
                            .next()
                            .ok_or("--now needs an RFC 3339 instant, e.g. 2026-11-18T03:15:00Z")?;
                        options.now = DateTime::parse_from_rfc3339(value)
                            .map_err(|_| {
                                format!(
                                    "--now {} is not an RFC 3339 instant; write e.g. 2026-11-18T03:15:00Z",
                                    quoted_excerpt(value)
                                )
                            })?
                            .with_timezone(&Utc);
                    }
                    other => {
                        return Err(format!(
                            "eval does not take {}; it takes --now, --locale and --compact",
                            quoted_excerpt(other)
                        ))
                    }
                }
            }
            Ok(options)
        }
    }

    /// The most one case may take in the input, in bytes: a line (or the
    /// lines of a pretty-printed case) or an array element. Past it the case
    /// is refused unread, so that memory stays bounded whatever comes in.
    const MAX_CASE_BYTES: usize = 16 << 20;
    const MAX_CASE_TEXT: &str = "16 MiB";

    const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

    /// `triage eval`: reads standard input as bytes, one case at a time, and
    /// writes each decision as soon as it is made. The first byte that is
    /// not white space chooses the shape: `[` an array, read element by
    /// element; anything else a stream of cases, one a line or pretty-printed
    /// over several.
    fn eval(options: EvalOptions) -> ExitCode {
        let output = Rc::new(RefCell::new(Output::new()));
        let meter = Rc::new(Meter::default());
        let mut input = Input {
            inner: BufReader::with_capacity(64 * 1024, io::stdin().lock()),
            output: Rc::clone(&output),
            meter: Rc::clone(&meter),
        };
        let start = match Start::read(&mut input) {
            Ok(Ok(start)) => start,
            Ok(Err(message)) => return usage_error(&message),
            Err(error) => {
                warn(format_args!("cannot read standard input: {error}"));
                return ExitCode::FAILURE;
            }
        };
        let mut run = Run {
            ruleset: Ruleset::shipped(),
            options,
            output,
            bad_input: false,
            read_failed: false,
            cases: 0,
            held: None,
            scratch: Vec::new(),
            array: false,
        };
        if start.array {
            read_array(&mut run, input, meter, &start);
        } else {
            read_stream(&mut run, &mut input, &start);
        }
        run.finish()
    }

    /// Where the input's first value begins, past an optional UTF-8
    /// byte-order mark and white space: its line and, on that line, the
    /// bytes already read.
    struct Start {
        line: usize,
        column: usize,
        array: bool,
    }

    impl Start {
        /// The start, or (inner `Err`) why the input cannot be read at all.
        fn read(input: &mut Input) -> io::Result<Result<Start, String>> {
            let head = input.fill_buf()?;
            if head.starts_with(b"\xFF\xFE") || head.starts_with(b"\xFE\xFF") {
                return Ok(Err(not_utf8("it begins with a UTF-16 byte-order mark")));
            }
            if head.len() >= 2 && (head[0] == 0 || head[1] == 0) {
                return Ok(Err(not_utf8("it has NUL bytes among its first characters")));
            }
            if head.starts_with(UTF8_BOM) {
                input.consume(UTF8_BOM.len());
            }
            let mut start = Start {
                line: 1,
                column: 0,
                array: false,
            };
            loop {
                let buffer = input.fill_buf()?;
                if buffer.is_empty() {
                    return Ok(Err(
                        "no input: pipe a case (a JSON object) into `triage eval`".into(),
                    ));
                }
                let blank = buffer
                    .iter()
                    .take_while(|byte| byte.is_ascii_whitespace())
                    .count();
                for &byte in &buffer[..blank] {
                    if byte == b'\n' {
                        start.line += 1;
                        start.column = 0;
                    } else {
                        start.column += 1;
                    }
                }
                if blank < buffer.len() {
                    start.array = buffer[blank] == b'[';
                    input.consume(blank);
                    return Ok(Ok(start));
                }
                input.consume(blank);
            }
        }
    }

    fn not_utf8(why: &str) -> String {
        format!(
            "the input looks like UTF-16 ({why}); triage reads UTF-8 only: convert it first, \
             e.g. `iconv -f UTF-16 -t UTF-8 cases.json | triage eval`"
        )
    }

    /// Standard output, buffered. A failed write is kept, not returned: the
    /// run stops at the next case and the exit status says what it means.
    struct Output {
        out: BufWriter<io::StdoutLock<'static>>,
        failed: Option<io::Error>,
    }

    impl Output {
        fn new() -> Self {
            Output {
                out: BufWriter::with_capacity(64 * 1024, io::stdout().lock()),
                failed: None,
            }
        }

        fn write(&mut self, bytes: &[u8]) {
            if self.failed.is_none() {
                if let Err(error) = self.out.write_all(bytes) {
                    self.failed = Some(error);
                }
            }
        }

        fn flush(&mut self) {
            if self.failed.is_none() {
                if let Err(error) = self.out.flush() {
                    self.failed = Some(error);
                }
            }
        }
    }

    /// The bytes read so far and the most that may be read before the case
    /// in hand is too large (array elements; lines have their own check).
    struct Meter {
        read: Cell<u64>,
        limit: Cell<u64>,
        over: Cell<bool>,
    }

    impl Default for Meter {
        fn default() -> Self {
            Meter {
                read: Cell::new(0),
                limit: Cell::new(u64::MAX),
                over: Cell::new(false),
            }
        }
    }

    /// Standard input. Before it waits for more bytes it flushes standard
    /// output, so that every decision made so far is out while triage waits:
    /// `tail -f cases.jsonl | triage eval` answers each line as it comes.
    struct Input {
        inner: BufReader<io::StdinLock<'static>>,
        output: Rc<RefCell<Output>>,
        meter: Rc<Meter>,
    }

    impl BufRead for Input {
        fn fill_buf(&mut self) -> io::Result<&[u8]> {
            if self.inner.buffer().is_empty() {
                self.output.borrow_mut().flush();
            }
            self.inner.fill_buf()
        }

        fn consume(&mut self, amount: usize) {
            self.inner.consume(amount);
            self.meter.read.set(self.meter.read.get() + amount as u64);
        }
    }

    impl Read for Input {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let room = self.meter.limit.get().saturating_sub(self.meter.read.get());
            if room == 0 {
                self.meter.over.set(true);
                return Err(io::Error::other("the case is too large"));
            }
            let available = self.fill_buf()?;
            let amount = available
                .len()
                .min(buf.len())
                .min(usize::try_from(room).unwrap_or(usize::MAX));
            buf[..amount].copy_from_slice(&available[..amount]);
            self.consume(amount);
            Ok(amount)
        }
    }

    /// Input that could not be read as a JSON value: where its case begins,
    /// what is wrong and where.
    struct Malformed {
        /// The line the case begins on.
        start: usize,
        /// What is wrong, e.g. `malformed JSON: expected value`.
        what: String,
        /// The line and column (bytes, from 1) where it went wrong.
        at: Option<(usize, usize)>,
        /// What follows the position, e.g. `; line 4 begins a new case`.
        then: String,
    }

    impl Malformed {
        fn json(start: usize, error: &serde_json::Error, origin: (usize, usize)) -> Self {
            let text = error.to_string();
            let suffix = format!(" at line {} column {}", error.line(), error.column());
            let mut message = text.strip_suffix(&suffix).unwrap_or(&text).to_owned();
            if message == "invalid unicode code point" {
                message = "not UTF-8: a string holds bytes that are not UTF-8".into();
            } else {
                message.insert_str(0, "malformed JSON: ");
            }
            // serde_json counts from where it began reading: `origin`.
            let line = origin.0 + error.line().saturating_sub(1);
            let column = if error.line() <= 1 {
                origin.1 + error.column()
            } else {
                error.column()
            };
            Malformed {
                start,
                what: message,
                at: Some((line, column)),
                then: String::new(),
            }
        }

        /// The text of the error. `on_line` for a case among others in a
        /// stream, named by its first line; otherwise the position is the
        /// input's own line and column.
        fn message(&self, on_line: bool) -> String {
            let at = match self.at {
                None => String::new(),
                Some((line, column)) if on_line && line == self.start => {
                    format!(" at column {column}")
                }
                Some((line, column)) => format!(" at line {line} column {column}"),
            };
            let prefix = if on_line {
                format!("line {}: ", self.start)
            } else {
                String::new()
            };
            format!("{prefix}{}{at}{}", self.what, self.then)
        }
    }

    /// Why a case has no decision.
    enum Failure {
        Invalid(InputError),
        Malformed(Malformed),
    }

    /// A case read, or why it could not be read.
    type Parsed = Result<Raw, Malformed>;

    /// The state of one `triage eval`: what is written, what went wrong.
    struct Run {
        options: EvalOptions,
        ruleset: Ruleset,
        output: Rc<RefCell<Output>>,
        bad_input: bool,
        read_failed: bool,
        /// Cases read so far.
        cases: usize,
        /// A stream's first case, with its line, until a second one shows
        /// whether the output is one decision or one per line.
        held: Option<(usize, Result<Decision, Failure>)>,
        scratch: Vec<u8>,
        /// Whether the input is an array (its brackets are written).
        array: bool,
    }

    impl Run {
        fn stopped(&self) -> bool {
            self.output.borrow().failed.is_some()
        }

        fn decide(&self, case: Parsed) -> Result<Decision, Failure> {
            let mut raw = case.map_err(Failure::Malformed)?;
            if let (Some(locale), Raw::Object(entries)) = (self.options.locale, &mut raw) {
                if !entries.iter().any(|(key, _)| key == "locale") {
                    entries.push(("locale".to_owned(), Raw::Text(locale.to_owned())));
                }
            }
            evaluate(&raw, self.options.now, &self.ruleset, &TzDatabase).map_err(Failure::Invalid)
        }

        /// Tells standard error about a bad case, naming where it stands
        /// (`position`; none for a case alone), and gives the error that takes
        /// its place.
        fn report(&mut self, position: Option<&str>, failure: Failure) -> InputError {
            self.bad_input = true;
            match failure {
                Failure::Invalid(error) => {
                    match position {
                        Some(position) => warn(format_args!(
                            "{position}: {}",
                            printable(&error.to_string())
                        )),
                        None => warn(format_args!("{}", printable(&error.to_string()))),
                    }
                    error
                }
                Failure::Malformed(malformed) => {
                    // A stream's line is part of the message; an array's
                    // element is named by the position.
                    let on_line = position.is_some() && !self.array;
                    let message = malformed.message(on_line);
                    match position {
                        Some(position) if self.array => warn(format_args!("{position}: {message}")),
                        _ => warn(format_args!("{message}")),
                    }
                    InputError::new("", message)
                }
            }
        }

        /// Writes a decision, or the error object in its place: compact or
        /// `pretty`, and with every line `indent`ed by two spaces (an
        /// element of an indented array).
        fn write(&mut self, outcome: Result<Decision, InputError>, pretty: bool, indent: bool) {
            self.scratch.clear();
            let written = match (&outcome, pretty) {
                (Ok(decision), false) => serde_json::to_writer(&mut self.scratch, decision),
                (Ok(decision), true) => serde_json::to_writer_pretty(&mut self.scratch, decision),
                (Err(error), false) => {
                    serde_json::to_writer(&mut self.scratch, &ErrorObject { error })
                }
                (Err(error), true) => {
                    serde_json::to_writer_pretty(&mut self.scratch, &ErrorObject { error })
                }
            };
            if let Err(error) = written {
                // Serializing into memory fails only for a map with non-string
                // keys, which the decision has not.
                warn(format_args!("cannot write a decision: {error}"));
                self.bad_input = true;
                return;
            }
            let mut output = self.output.borrow_mut();
            if indent {
                for (number, line) in self.scratch.split(|&byte| byte == b'\n').enumerate() {
                    output.write(if number == 0 { b"  " } else { b"\n  " });
                    output.write(line);
                }
            } else {
                output.write(&self.scratch);
            }
        }

        /// One element of an array: written at once, in its place.
        fn array_case(&mut self, index: usize, case: Parsed) {
            let outcome = self.decide(case);
            self.cases += 1;
            let outcome = outcome.map_err(|failure| {
                self.report(
                    Some(&format!("case {} (index {index})", index + 1)),
                    failure,
                )
            });
            let separator: &[u8] = match (index, self.options.compact) {
                (0, true) => b"",
                (0, false) => b"\n",
                (_, true) => b",",
                (_, false) => b",\n",
            };
            self.output.borrow_mut().write(separator);
            let pretty = !self.options.compact;
            self.write(outcome, pretty, pretty);
        }

        /// One case of a stream, named by the line it begins on.
        fn stream_case(&mut self, line: usize, case: Parsed) {
            let outcome = self.decide(case);
            self.cases += 1;
            if let Some((first_line, first)) = self.held.take() {
                self.line_out(first_line, first);
            }
            if self.cases == 1 {
                self.held = Some((line, outcome));
            } else {
                self.line_out(line, outcome);
            }
        }

        fn line_out(&mut self, line: usize, outcome: Result<Decision, Failure>) {
            let outcome =
                outcome.map_err(|failure| self.report(Some(&format!("line {line}")), failure));
            self.write(outcome, false, false);
            self.output.borrow_mut().write(b"\n");
        }

        /// Ends the output: the array's closing bracket, or a stream's only
        /// case (one decision, indented unless `--compact`; an error is on
        /// standard error alone), and says how it went.
        fn finish(mut self) -> ExitCode {
            if self.array {
                let close: &[u8] = match (self.cases, self.options.compact) {
                    (0, _) | (_, true) => b"]\n",
                    (_, false) => b"\n]\n",
                };
                self.output.borrow_mut().write(close);
            } else if let Some((_, only)) = self.held.take() {
                match only {
                    Ok(decision) => {
                        let pretty = !self.options.compact;
                        self.write(Ok(decision), pretty, false);
                        self.output.borrow_mut().write(b"\n");
                    }
                    Err(failure) => {
                        self.report(None, failure);
                    }
                }
            }
            let mut output = self.output.borrow_mut();
            output.flush();
            let status = if self.read_failed {
                ExitCode::FAILURE
            } else if self.bad_input {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
            match output.failed.take() {
                None => status,
                Some(error) => after_write(Err(error), status),
            }
        }
    }

    #[derive(Serialize)]
    struct ErrorObject<'a> {
        error: &'a InputError,
    }

    /// A message for standard error with any control character escaped, so
    /// that no input can drive the terminal.
    fn printable(text: &str) -> Cow<'_, str> {
        if !text.chars().any(char::is_control) {
            return Cow::Borrowed(text);
        }
        Cow::Owned(
            text.chars()
                .map(|c| {
                    if c.is_control() {
                        format!("\\u{{{:x}}}", u32::from(c))
                    } else {
                        c.to_string()
                    }
                })
                .collect(),
        )
    }

    /// Reads an array element by element, deciding and writing each as it is
    /// parsed. A malformed element ends the reading: where the next element
    /// would begin cannot be known in general.
    fn read_array(run: &mut Run, input: Input, meter: Rc<Meter>, start: &Start) {
        run.array = true;
        run.output.borrow_mut().write(b"[");
        let too_large = Cell::new(false);
        let mut parser = serde_json::Deserializer::from_reader(input);
        let elements = Elements {
            run: &mut *run,
            meter: &meter,
            too_large: &too_large,
        };
        let result = serde::Deserializer::deserialize_seq(&mut parser, elements);
        if run.stopped() {
            return;
        }
        let origin = (start.line, start.column);
        let error = match result {
            Ok(()) => match parser.end() {
                Ok(()) => return,
                Err(error) if error.is_io() => error,
                Err(error) => {
                    let trailing = Malformed::json(0, &error, origin);
                    run.bad_input = true;
                    warn(format_args!(
                        "after the array: {}; the input is one array, or one case a line",
                        trailing.message(false)
                    ));
                    return;
                }
            },
            Err(error) => error,
        };
        let index = run.cases;
        let malformed = if too_large.get() {
            Malformed {
                start: 0,
                what: format!(
                    "the case is larger than {MAX_CASE_TEXT}, the most one case may take"
                ),
                at: None,
                then: String::new(),
            }
        } else if error.is_io() {
            warn(format_args!("cannot read standard input: {error}"));
            run.read_failed = true;
            return;
        } else {
            Malformed::json(0, &error, origin)
        };
        run.array_case(
            index,
            Err(Malformed {
                then: "; the rest of the input is not read".into(),
                ..malformed
            }),
        );
    }

    struct Elements<'r> {
        run: &'r mut Run,
        meter: &'r Meter,
        too_large: &'r Cell<bool>,
    }

    impl<'de> Visitor<'de> for Elements<'_> {
        type Value = ();

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("an array of cases")
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
            let meter = self.meter;
            loop {
                if self.run.stopped() {
                    meter.limit.set(meter.read.get());
                    return Err(de::Error::custom("standard output is closed"));
                }
                meter
                    .limit
                    .set(meter.read.get().saturating_add(MAX_CASE_BYTES as u64));
                match seq.next_element::<Raw>() {
                    Ok(Some(raw)) => {
                        let index = self.run.cases;
                        self.run.array_case(index, Ok(raw));
                    }
                    Ok(None) => {
                        meter.limit.set(u64::MAX);
                        return Ok(());
                    }
                    Err(error) => {
                        self.too_large.set(meter.over.get());
                        // Nothing more is read: serde_json would look for the
                        // closing bracket.
                        meter.limit.set(meter.read.get());
                        return Err(error);
                    }
                }
            }
        }
    }

    /// Reads a stream of cases: one a line (JSON lines), several on a line,
    /// or one over several lines (pretty-printed). A case is parsed when a
    /// line ends with its brackets closed; a line that begins with `{` always
    /// begins a new case, so that an unfinished line cannot take the next
    /// one with it. A bad case becomes an error in its place and reading
    /// resumes at the next line that begins with anything but white space,
    /// `}`, `]` or `,` (the rest of a broken pretty-printed case is skipped).
    fn read_stream(run: &mut Run, input: &mut Input, start: &Start) {
        let mut line = Vec::new();
        let mut pending = Pending::default();
        let mut skipping = false;
        let mut number = start.line - 1;
        loop {
            if run.stopped() {
                return;
            }
            let over = match read_line(input, &mut line, MAX_CASE_BYTES) {
                Ok(Some(over)) => over,
                Ok(None) => break,
                Err(error) => {
                    warn(format_args!("cannot read standard input: {error}"));
                    run.read_failed = true;
                    return;
                }
            };
            number += 1;
            let offset = if number == start.line {
                start.column
            } else {
                0
            };
            if line.last() == Some(&b'\r') {
                line.pop();
            }
            let mut bytes = &line[..];
            if pending.lines > 0
                && bytes
                    .strip_prefix(UTF8_BOM)
                    .unwrap_or(bytes)
                    .starts_with(b"{")
            {
                parse_pending(run, &mut pending, Some(number));
            }
            if pending.lines == 0 {
                bytes = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
                let Some(&first) = bytes.iter().find(|byte| !byte.is_ascii_whitespace()) else {
                    continue;
                };
                if skipping && (bytes[0].is_ascii_whitespace() || b"}],".contains(&first)) {
                    continue;
                }
                skipping = false;
                pending.start = number;
                pending.offset = offset;
            }
            let failure = if over || pending.text.len() + bytes.len() >= MAX_CASE_BYTES {
                Some(Malformed {
                    start: pending.start,
                    what: format!(
                        "the case is larger than {MAX_CASE_TEXT}, the most one case may take"
                    ),
                    at: None,
                    then: String::new(),
                })
            } else {
                match std::str::from_utf8(bytes) {
                    Ok(text) => {
                        if pending.lines > 0 {
                            pending.text.push('\n');
                        }
                        pending.text.push_str(text);
                        pending.lines += 1;
                        pending.scan.feed(text.as_bytes());
                        None
                    }
                    Err(error) => {
                        let at = error.valid_up_to();
                        let what = match error.error_len() {
                            Some(_) => format!("not UTF-8: invalid byte 0x{:02X}", bytes[at]),
                            None => "not UTF-8: the line ends inside a character".into(),
                        };
                        Some(Malformed {
                            start: pending.start,
                            what,
                            at: Some((number, offset + at + 1)),
                            then: String::new(),
                        })
                    }
                }
            };
            if let Some(malformed) = failure {
                run.stream_case(pending.start, Err(malformed));
                pending.clear();
                skipping = true;
            } else if !pending.scan.open() {
                skipping = !parse_pending(run, &mut pending, None);
            }
        }
        if pending.lines > 0 {
            parse_pending(run, &mut pending, None);
        }
    }

    /// The lines of a case read so far.
    #[derive(Default)]
    struct Pending {
        text: String,
        lines: usize,
        /// The line it begins on and the bytes before it on that line.
        start: usize,
        offset: usize,
        scan: Scan,
    }

    impl Pending {
        fn clear(&mut self) {
            self.text.clear();
            self.lines = 0;
            self.scan = Scan::default();
        }
    }

    /// Decides the cases of the pending lines, or gives the error that takes
    /// their place; `cut` is the line that began a new case before they were
    /// finished. Whether they were read.
    fn parse_pending(run: &mut Run, pending: &mut Pending, cut: Option<usize>) -> bool {
        let mut values = Vec::new();
        let mut error = None;
        for value in serde_json::Deserializer::from_str(&pending.text).into_iter::<Raw>() {
            match value {
                Ok(value) => values.push(value),
                Err(failure) => {
                    error = Some(failure);
                    break;
                }
            }
        }
        let start = pending.start;
        let origin = (start, pending.offset);
        pending.clear();
        match error {
            None => {
                for value in values {
                    run.stream_case(start, Ok(value));
                }
                true
            }
            Some(error) => {
                let mut malformed = Malformed::json(start, &error, origin);
                if let (Some(next), Category::Eof) = (cut, error.classify()) {
                    malformed.then = format!("; line {next} begins a new case");
                }
                run.stream_case(start, Err(malformed));
                false
            }
        }
    }

    /// Follows brackets and strings through the lines of a case, to tell
    /// when it may be complete.
    #[derive(Default)]
    struct Scan {
        depth: usize,
        in_string: bool,
        escaped: bool,
        /// A bracket closed that was never opened, or a string left open at
        /// the end of a line (JSON strings never span lines).
        broken: bool,
    }

    impl Scan {
        fn feed(&mut self, line: &[u8]) {
            for &byte in line {
                if self.in_string {
                    if self.escaped {
                        self.escaped = false;
                    } else if byte == b'\\' {
                        self.escaped = true;
                    } else if byte == b'"' {
                        self.in_string = false;
                    }
                    continue;
                }
                match byte {
                    b'"' => self.in_string = true,
                    b'{' | b'[' => self.depth += 1,
                    b'}' | b']' => match self.depth.checked_sub(1) {
                        Some(depth) => self.depth = depth,
                        None => self.broken = true,
                    },
                    _ => {}
                }
            }
            if self.in_string {
                self.broken = true;
            }
        }

        /// Whether the case goes on past the line read last.
        fn open(&self) -> bool {
            self.depth > 0 && !self.broken
        }
    }

    /// Reads one line into `line` without its `\n`, keeping at most `limit`
    /// bytes of it: `None` at the end of the input, else whether the line
    /// was longer than `limit` (the rest is read and dropped).
    fn read_line(
        input: &mut impl BufRead,
        line: &mut Vec<u8>,
        limit: usize,
    ) -> io::Result<Option<bool>> {
        line.clear();
        let mut any = false;
        let mut over = false;
        loop {
            let available = match input.fill_buf() {
                Ok(available) => available,
                Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
                Err(error) => return Err(error),
            };
            if available.is_empty() {
                return Ok(any.then_some(over));
            }
            any = true;
            let end = available.iter().position(|&byte| byte == b'\n');
            let chunk = &available[..end.unwrap_or(available.len())];
            let room = limit.saturating_sub(line.len());
            over |= chunk.len() > room;
            line.extend_from_slice(&chunk[..chunk.len().min(room)]);
            match end {
                Some(end) => {
                    input.consume(end + 1);
                    return Ok(Some(over));
                }
                None => {
                    let amount = available.len();
                    input.consume(amount);
                }
            }
        }
    }

    /// `--locale TAG`'s value: an interface language.
    fn locale_option(value: Option<&String>) -> Result<&'static str, String> {
        let tags = interface_tags().join(", ");
        let value = value.ok_or_else(|| format!("--locale needs a language: one of {tags}"))?;
        interface_locale(value).ok_or_else(|| {
            format!(
                "--locale {} is not an interface language; use one of {tags}",
                quoted_excerpt(value)
            )
        })
    }

    fn rules(args: &[String]) -> ExitCode {
        let mut chosen: Vec<&Rule> = Vec::new();
        let mut locale = "en";
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            if arg == "--locale" {
                match locale_option(args.next()) {
                    Ok(tag) => locale = tag,
                    Err(message) => return usage_error(&message),
                }
                continue;
            }
            match RuleId::parse(arg) {
                Some(id) => chosen.push(rule(id)),
                None => {
                    return usage_error(&format!(
                        "no rule {}; `triage rules` lists them all",
                        quoted_excerpt(arg)
                    ))
                }
            }
        }
        if chosen.is_empty() {
            chosen.extend(RULES);
        }
        let text = messages::for_locale(locale);
        let why = messages::why_for(locale).unwrap_or_else(|| messages::for_locale("en"));
        print(|out| {
            for rule in chosen {
                write_rule(out, rule, text, why)?;
            }
            Ok(())
        })
    }

    /// One rule: the sentence its sources say and the sources, each with its
    /// own words (Japanese or Indonesian), then, labelled as such, the
    /// sentence that is the project's own design; either may be absent.
    ///
    /// ```text
    /// SEV-3: Choosing 24x7 for a B commits ...
    ///     source: 003 (Dynamics 365 / Power Platform support overview)
    ///         «Memilih 24x7 ...»
    ///     design (the project's own decision): When 24x7 is asked for a B ...
    /// CLS-0: design (the project's own decision): Free text in the description ...
    /// ```
    fn write_rule(
        out: &mut dyn Write,
        rule: &Rule,
        text: &Catalogue,
        why: &Catalogue,
    ) -> io::Result<()> {
        let design_label = text.format("ui.design-decision", &[]);
        let id = rule.id.as_str();
        let Some(sourced) = rule.sourced_text(why) else {
            let design = rule.design_text(why).unwrap_or_default();
            return writeln!(out, "{id}: {design_label}: {design}");
        };
        writeln!(out, "{id}: {sourced}")?;
        let source_label = text.format("ui.source", &[]);
        for source in rule.sources {
            writeln!(
                out,
                "    {source_label}: {} ({})",
                source.code(),
                source.title(why)
            )?;
            if let Some(quote) = messages::quotes().and_then(|quotes| source.quote(rule.id, quotes))
            {
                writeln!(out, "        {}", text.format("quote", &[("text", quote)]))?;
            }
        }
        if let Some(design) = rule.design_text(why) {
            writeln!(out, "    {design_label}: {design}")?;
        }
        Ok(())
    }
}
