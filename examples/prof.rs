use support_triage::engine::classify::classify;
fn main() {
    let corpora = [
        include_str!("../tests/corpus/train/en.jsonl"),
        include_str!("../tests/corpus/train/ja.jsonl"),
        include_str!("../tests/corpus/train/id.jsonl"),
        include_str!("../tests/corpus/train/de.jsonl"),
        include_str!("../tests/corpus/train/zh-Hans.jsonl"),
        include_str!("../tests/corpus/train/fr.jsonl"),
    ];
    let mut lines: Vec<_> = corpora.iter().map(|c| c.lines()).collect();
    let mut text = String::new();
    'fill: loop {
        for lines in &mut lines {
            let line = lines.next().unwrap();
            let case: serde_json::Value = serde_json::from_str(line).unwrap();
            text.push_str(case["text"].as_str().unwrap());
            text.push(' ');
            if text.chars().count() >= 2000 {
                break 'fill;
            }
        }
    }
    let text: String = text.chars().take(2000).collect();
    let mut n = 0;
    let start = std::time::Instant::now();
    for _ in 0..100_000 {
        n += classify(std::hint::black_box(&text)).suggestions.len();
    }
    println!("{n} {:?}", start.elapsed() / 100_000);
}
