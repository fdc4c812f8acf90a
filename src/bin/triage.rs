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
    use serde_json::json;
    use std::io::{Read, Write};
    use std::process::ExitCode;
    use support_triage::engine::rules::{rule, RULES, SOURCES};
    use support_triage::engine::zone::TzDatabase;
    use support_triage::engine::{evaluate, InputError, Raw, Ruleset};

    const HELP: &str = "\
triage: decide a support case: category, severity, response deadline and submission path.

USAGE:
    triage eval [--now RFC3339] [--compact]   < cases.json
    triage rules [RULE-ID ...]
    triage --help | --version

COMMANDS:
    eval    Read cases as JSON on standard input and print decisions on standard output.
            Input is one case (a JSON object), many (a JSON array of objects), or
            JSON lines (one object per line). The output has the same shape: an object, an
            array, or one decision per line. The case and decision fields are those of
            contract.md; `product` is the only required field.
    rules   Print policy rules with their source documents: all of them, or the IDs given.

OPTIONS:
    --now RFC3339   The instant that stands in for a missing `submitted_at` (default: now).
    --compact       One line per decision instead of indented JSON.

EXIT STATUS:
    0  every case was decided
    2  bad input: the error names the field and what is allowed; in a batch, each bad
       case yields {\"error\": {...}} in its place and the others are still decided
    1  an I/O failure

EXAMPLE:
    echo '{\"product\":\"azure\",\"role\":\"partner_for_customer\",\"plan\":\"csp\",\"impact\":\"critical\",\"commit_24x7\":true}' | triage eval
";

    pub fn main() -> ExitCode {
        let args: Vec<String> = std::env::args().skip(1).collect();
        match args.first().map(String::as_str) {
            None | Some("-h" | "--help" | "help") => {
                print!("{HELP}");
                ExitCode::SUCCESS
            }
            Some("-V" | "--version") => {
                println!("triage {}", env!("CARGO_PKG_VERSION"));
                ExitCode::SUCCESS
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

    fn usage_error(message: &str) -> ExitCode {
        eprintln!("triage: {message}\nRun `triage --help` for usage.");
        ExitCode::from(2)
    }

    struct EvalOptions {
        now: DateTime<Utc>,
        compact: bool,
    }

    impl EvalOptions {
        fn parse(args: &[String]) -> Result<Self, String> {
            let mut options = EvalOptions {
                now: DateTime::<Utc>::from(std::time::SystemTime::now()),
                compact: false,
            };
            let mut args = args.iter();
            while let Some(arg) = args.next() {
                match arg.as_str() {
                    "--compact" => options.compact = true,
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
        Lines(Vec<Result<Raw, String>>),
    }

    fn read_batch(input: &str) -> Result<Batch, String> {
        if input.trim().is_empty() {
            return Err("no input: pipe a case (a JSON object) into `triage eval`".into());
        }
        match serde_json::from_str::<Raw>(input) {
            Ok(Raw::List(items)) => Ok(Batch::Array(items)),
            Ok(value) => Ok(Batch::One(value)),
            Err(whole_error) => {
                let lines: Vec<&str> = input
                    .lines()
                    .filter(|line| !line.trim().is_empty())
                    .collect();
                let first_line_is_a_value = lines
                    .first()
                    .is_some_and(|line| serde_json::from_str::<Raw>(line).is_ok());
                if lines.len() > 1 && first_line_is_a_value {
                    Ok(Batch::Lines(
                        input
                            .lines()
                            .enumerate()
                            .filter(|(_, line)| !line.trim().is_empty())
                            .map(|(number, line)| {
                                serde_json::from_str::<Raw>(line).map_err(|error| {
                                    format!("line {}: malformed JSON: {error}", number + 1)
                                })
                            })
                            .collect(),
                    ))
                } else {
                    Err(format!("malformed JSON: {whole_error}"))
                }
            }
        }
    }

    fn eval(options: EvalOptions) -> ExitCode {
        let mut input = String::new();
        if let Err(error) = std::io::stdin().read_to_string(&mut input) {
            eprintln!("triage: cannot read standard input: {error}");
            return ExitCode::FAILURE;
        }
        let batch = match read_batch(&input) {
            Ok(batch) => batch,
            Err(message) => return usage_error(&message),
        };
        let ruleset = Ruleset::shipped();
        let decide = |raw: &Raw| evaluate(raw, options.now, &ruleset, &TzDatabase);
        let mut bad_input = false;
        let mut report = |position: Option<usize>, error: &InputError| {
            bad_input = true;
            match position {
                Some(index) => eprintln!("triage: case {index}: {error}"),
                None => eprintln!("triage: {error}"),
            }
            json!({ "error": error })
        };
        let out = match batch {
            Batch::One(raw) => match decide(&raw) {
                Ok(decision) => vec![serde_json::to_value(decision)],
                Err(error) => {
                    report(None, &error);
                    vec![]
                }
            },
            Batch::Array(items) => {
                let decisions: Vec<_> = items
                    .iter()
                    .enumerate()
                    .map(|(index, raw)| match decide(raw) {
                        Ok(decision) => serde_json::to_value(decision).unwrap_or_default(),
                        Err(error) => report(Some(index), &error),
                    })
                    .collect();
                vec![Ok(serde_json::Value::Array(decisions))]
            }
            Batch::Lines(lines) => lines
                .iter()
                .enumerate()
                .map(|(index, line)| {
                    Ok(match line {
                        Ok(raw) => match decide(raw) {
                            Ok(decision) => serde_json::to_value(decision).unwrap_or_default(),
                            Err(error) => report(Some(index), &error),
                        },
                        Err(message) => report(Some(index), &InputError::new("", message.clone())),
                    })
                })
                .collect(),
        };
        let compact = options.compact || out.len() > 1;
        let mut stdout = std::io::stdout().lock();
        for value in out {
            let value = value.unwrap_or_default();
            let text = if compact {
                serde_json::to_string(&value)
            } else {
                serde_json::to_string_pretty(&value)
            };
            if writeln!(stdout, "{}", text.unwrap_or_default()).is_err() {
                return ExitCode::FAILURE;
            }
        }
        if bad_input {
            ExitCode::from(2)
        } else {
            ExitCode::SUCCESS
        }
    }

    fn rules(ids: &[String]) -> ExitCode {
        let chosen: Vec<_> = if ids.is_empty() {
            RULES.iter().collect()
        } else {
            let mut chosen = Vec::new();
            for id in ids {
                match rule(&id.to_ascii_uppercase()) {
                    Some(found) => chosen.push(found),
                    None => {
                        return usage_error(&format!(
                            "no rule {id:?}; `triage rules` lists them all"
                        ))
                    }
                }
            }
            chosen
        };
        for rule in chosen {
            let sources: Vec<String> = rule
                .sources
                .iter()
                .map(|code| {
                    let title = SOURCES
                        .iter()
                        .find(|(c, _)| c == code)
                        .map_or("", |(_, t)| t);
                    format!("{code} ({title})")
                })
                .collect();
            let design = if rule.design { " (design)" } else { "" };
            println!("{}{design}: {}", rule.id, rule.text);
            if !sources.is_empty() {
                println!("    source: {}", sources.join("; "));
            }
        }
        ExitCode::SUCCESS
    }
}
