//! Finds the interface languages: one catalogue file per language in
//! `src/locales/` (`<tag>.txt`, its own name on the line `language.self =`),
//! so that adding a language is adding one file. Its "Why?" texts may stand
//! in that file or, fetched only when the panel opens, in `why/<tag>.txt`.
//! Writes two lists for the
//! crate: the languages (tag and own name) and, for native builds, their
//! texts; the browser build carries English alone and fetches the others.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/locales");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut languages: Vec<(String, String, String)> = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("src/locales is readable") {
        let path = entry.expect("src/locales lists").path();
        let Some(tag) = path
            .file_name()
            .and_then(|name| name.to_str())
            .and_then(|name| name.strip_suffix(".txt"))
        else {
            continue;
        };
        println!("cargo:rerun-if-changed={}", path.display());
        if tag == "sources" {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("a catalogue is UTF-8");
        let name = text
            .lines()
            .find_map(|line| line.trim().strip_prefix("language.self = "))
            .unwrap_or(tag)
            .trim()
            .to_owned();
        languages.push((tag.to_owned(), name, path.display().to_string()));
    }
    // English first: it is built in everywhere and every other falls back to it.
    languages.sort_by_key(|(tag, _, _)| (tag != "en", tag.clone()));
    let mut list = String::from("/// The interface languages: tag and own name, English first.\n");
    list.push_str("pub const INTERFACE_LANGUAGES: &[(&str, &str)] = &[\n");
    for (tag, name, _) in &languages {
        writeln!(list, "    ({tag:?}, {name:?}),").unwrap();
    }
    list.push_str("];\n");
    let mut texts = String::from(
        "/// The catalogues compiled into native builds, in `INTERFACE_LANGUAGES` order.\n",
    );
    texts.push_str("#[cfg(not(target_arch = \"wasm32\"))]\npub const BUILT_IN: &[&str] = &[\n");
    for (_, _, path) in &languages {
        writeln!(texts, "    include_str!({path:?}),").unwrap();
    }
    texts.push_str("];\n");
    // The "Why?" texts (rule sentences, document titles): one file per
    // language in `src/locales/why/`, fetched when the panel opens.
    texts.push_str("/// The \"Why?\" catalogues compiled into native builds, in `INTERFACE_LANGUAGES` order.\n");
    texts.push_str("#[cfg(not(target_arch = \"wasm32\"))]\npub const BUILT_IN_WHY: &[&str] = &[\n");
    for (tag, _, _) in &languages {
        let why = dir.join("why").join(format!("{tag}.txt"));
        match why.exists() {
            true => writeln!(texts, "    include_str!({:?}),", why.display().to_string()).unwrap(),
            false => texts.push_str("    \"\",\n"),
        }
    }
    texts.push_str("];\n");
    let sources = dir.join("sources.txt");
    if sources.exists() {
        writeln!(
            texts,
            "/// The sources' own sentences (native builds).\n#[cfg(not(target_arch = \"wasm32\"))]\npub const QUOTES: Option<&str> = Some(include_str!({:?}));",
            sources.display().to_string()
        )
        .unwrap();
    } else {
        texts.push_str(
            "#[cfg(not(target_arch = \"wasm32\"))]\npub const QUOTES: Option<&str> = None;\n",
        );
    }
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(Path::new(&out).join("languages.rs"), list).unwrap();
    std::fs::write(Path::new(&out).join("catalogues.rs"), texts).unwrap();
}
