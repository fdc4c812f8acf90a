//! Classifies each line of standard input and prints the suggestions.
fn main() {
    use std::io::BufRead;
    for line in std::io::stdin().lock().lines().map_while(Result::ok) {
        let result = support_triage::engine::classify::classify(&line);
        println!(
            "{line}\n  -> {:?} {:?}",
            result.confident,
            result
                .suggestions
                .iter()
                .map(|s| (s.category.as_str(), s.score, s.matched.clone()))
                .collect::<Vec<_>>()
        );
        if !result.signals.is_empty() {
            println!("  signals {:?}", result.signals);
        }
    }
}
