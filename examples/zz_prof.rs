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
        for l in &mut lines {
            let case: serde_json::Value = serde_json::from_str(l.next().unwrap()).unwrap();
            text.push_str(case["text"].as_str().unwrap());
            text.push(' ');
            if text.chars().count() >= 2000 {
                break 'fill;
            }
        }
    }
    let text: String = text.chars().take(2000).collect();
    let n: usize = std::env::args()
        .nth(1)
        .map(|a| a.parse().unwrap())
        .unwrap_or(100000);
    let t = std::time::Instant::now();
    let mut k = 0;
    for _ in 0..n {
        k += classify(std::hint::black_box(&text)).suggestions.len();
    }
    println!("{k} {:?}/call", t.elapsed() / n as u32);
}
