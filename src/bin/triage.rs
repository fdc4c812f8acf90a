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
    use serde_json::{json, Value};
    use std::fmt;
    use std::io::{self, BufWriter, Read, Write};
    use std::process::ExitCode;
    use support_triage::engine::contract::language::{interface_locale, interface_tags};
    use support_triage::engine::contract::rule_id::RuleId;
    use support_triage::engine::messages::{self, Catalogue};
    use support_triage::engine::policy::rules::{rule, Rule, RULES};
    use support_triage::engine::time::zone::TzDatabase;
    use support_triage::engine::{evaluate, InputError, Raw, Ruleset};

    const HELP: &str = "\
triage: decide a support case: category, severity, response deadline and submission path.

USAGE:
    triage eval [--now RFC3339] [--locale TAG] [--compact]   < cases.json
    triage rules [--locale TAG] [RULE-ID ...]
    triage --help | --version

COMMANDS:
    eval    Read cases as JSON on standard input and print decisions on standard output.
            Input is one case (a JSON object), many (a JSON array of objects), or
            JSON lines (one object per line). The output has the same shape: an object, an
            array, or one decision per line. The case and decision fields are those of
            contract.md; `product` is the only required field.
    rules   Print policy rules, all of them or the IDs given (in any case): what the
            source documents say, with the documents, and, labelled \"design\", what the
            project decided itself where the documents are silent.

OPTIONS:
    --now RFC3339   The instant that stands in for a missing `submitted_at` (default: now).
    --locale TAG    The language of the texts (notices, trace, path steps) for cases that
                    do not give `locale`, and of `rules`: en, ja, id, es, fr, de, it, pt,
                    zh-Hans, zh-Hant (regional tags such as ja-JP or pt-BR map to them).
    --compact       One line per decision instead of indented JSON.

ERRORS:
    Each error names the field and what is allowed, on standard error. In a batch it also
    says which case, counted from 1 the way a person counts them:
        JSON lines:  triage: line 3: impact: ...           (the line of the input)
        an array:    triage: case 3 (index 2): impact: ... (3rd element, JSON index 2)
    and the case's decision is replaced by {\"error\": {\"path\", \"message\", \"allowed\"}}.

EXIT STATUS:
    0  every case was decided
    2  bad input or usage; in a batch the other cases are still decided
    1  an I/O failure
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
                "unknown command {other:?}; the commands are eval and rules"
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
                            .map_err(|_| format!("--now {value:?} is not an RFC 3339 instant; write e.g. 2026-11-18T03:15:00Z"))?
                            .with_timezone(&Utc);
                    }
                    other => {
                        return Err(format!(
                            "eval does not take {other:?}; it takes --now and --compact"
                        ))
                    }
                }
            }
            Ok(options)
        }
    }

    /// How the cases arrived, which is how the decisions leave.
    enum Batch {
        One(Raw),
        Array(Vec<Raw>),
        /// Each non-blank line with its line number in the input (from 1).
        Lines(Vec<(usize, Result<Raw, String>)>),
    }

    fn read_batch(input: &str) -> Result<Batch, String> {
        if input.trim().is_empty() {
            return Err("no input: pipe a case (a JSON object) into `triage eval`".into());
        }
        match serde_json::from_str::<Raw>(input) {
            Ok(Raw::List(items)) => Ok(Batch::Array(items)),
            Ok(value) => Ok(Batch::One(value)),
            Err(whole_error) => {
                let lines: Vec<(usize, &str)> = input
                    .lines()
                    .enumerate()
                    .map(|(index, line)| (index + 1, line))
                    .filter(|(_, line)| !line.trim().is_empty())
                    .collect();
                let first_line_is_a_value = lines
                    .first()
                    .is_some_and(|(_, line)| serde_json::from_str::<Raw>(line).is_ok());
                if lines.len() > 1 && first_line_is_a_value {
                    Ok(Batch::Lines(
                        lines
                            .into_iter()
                            .map(|(number, line)| {
                                let case = serde_json::from_str::<Raw>(line).map_err(|error| {
                                    format!("line {number}: {}", malformed_line(&error))
                                });
                                (number, case)
                            })
                            .collect(),
                    ))
                } else {
                    Err(format!("malformed JSON: {whole_error}"))
                }
            }
        }
    }

    /// serde_json's message for one line of JSON lines, positioned by column
    /// alone: its own "line 1" would contradict the line of the input.
    fn malformed_line(error: &serde_json::Error) -> String {
        let text = error.to_string();
        let position = format!(" at line {} column {}", error.line(), error.column());
        let message = text.strip_suffix(&position).unwrap_or(&text);
        format!("malformed JSON: {message} at column {}", error.column())
    }

    fn eval(options: EvalOptions) -> ExitCode {
        let mut input = String::new();
        if let Err(error) = io::stdin().read_to_string(&mut input) {
            warn(format_args!("cannot read standard input: {error}"));
            return ExitCode::FAILURE;
        }
        let batch = match read_batch(&input) {
            Ok(batch) => batch,
            Err(message) => return usage_error(&message),
        };
        let ruleset = Ruleset::shipped();
        let decide = |raw: &Raw| match (options.locale, raw) {
            (Some(locale), Raw::Object(entries)) if !entries.iter().any(|(k, _)| k == "locale") => {
                let mut entries = entries.clone();
                entries.push(("locale".to_owned(), Raw::Text(locale.to_owned())));
                evaluate(&Raw::Object(entries), options.now, &ruleset, &TzDatabase)
            }
            _ => evaluate(raw, options.now, &ruleset, &TzDatabase),
        };
        let mut bad_input = false;
        // Tells standard error about a bad case, naming where it stands in the
        // batch, and gives the error object that takes its place.
        let mut report = |position: Option<&str>, error: &InputError| {
            bad_input = true;
            match position {
                Some(position) => warn(format_args!("{position}: {error}")),
                None => warn(format_args!("{error}")),
            }
            json!({ "error": error })
        };
        let out: Vec<Value> = match batch {
            Batch::One(raw) => match decide(&raw) {
                Ok(decision) => vec![serde_json::to_value(decision).unwrap_or_default()],
                Err(error) => {
                    report(None, &error);
                    vec![]
                }
            },
            Batch::Array(items) => {
                let decisions: Vec<Value> = items
                    .iter()
                    .enumerate()
                    .map(|(index, raw)| match decide(raw) {
                        Ok(decision) => serde_json::to_value(decision).unwrap_or_default(),
                        Err(error) => {
                            report(Some(&format!("case {} (index {index})", index + 1)), &error)
                        }
                    })
                    .collect();
                vec![Value::Array(decisions)]
            }
            Batch::Lines(lines) => lines
                .iter()
                .map(|(number, line)| match line {
                    Ok(raw) => match decide(raw) {
                        Ok(decision) => serde_json::to_value(decision).unwrap_or_default(),
                        Err(error) => report(Some(&format!("line {number}")), &error),
                    },
                    // The message already says which line.
                    Err(message) => report(None, &InputError::new("", message.clone())),
                })
                .collect(),
        };
        let compact = options.compact || out.len() > 1;
        let written = write_stdout(|stdout| {
            for value in &out {
                if compact {
                    serde_json::to_writer(&mut *stdout, value)?;
                } else {
                    serde_json::to_writer_pretty(&mut *stdout, value)?;
                }
                stdout.write_all(b"\n")?;
            }
            Ok(())
        });
        let status = if bad_input {
            ExitCode::from(2)
        } else {
            ExitCode::SUCCESS
        };
        after_write(written, status)
    }

    /// `--locale TAG`'s value: an interface language.
    fn locale_option(value: Option<&String>) -> Result<&'static str, String> {
        let tags = interface_tags().join(", ");
        let value = value.ok_or_else(|| format!("--locale needs a language: one of {tags}"))?;
        interface_locale(value).ok_or_else(|| {
            format!("--locale {value:?} is not an interface language; use one of {tags}")
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
                    return usage_error(&format!("no rule {arg:?}; `triage rules` lists them all"))
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
