// Trunk's post-build hook: joins the classifier's vocabulary lists (one a
// language in src/engine/classify/vocabulary/, where people edit them) into
// the one file the widget fetches, vocabulary/lists.txt. One file gzips to
// about 11 KB where ten gzip to about 14 (they share their section names),
// and costs one request instead of ten. The lists are read in the order of
// SHIPPED_NAMES in vocabulary.rs, the order the native build reads them in,
// so the browser's vocabulary is the native one: where two lists give the
// same phrase different weights, the first list's wins in both
// (tests/classify.rs, `the_joined_lists_are_the_same_vocabulary`).
import { readFile, writeFile, rm } from "node:fs/promises";
import { join, resolve } from "node:path";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error("bundle-vocabulary.mjs: TRUNK_STAGING_DIR is not set; run it from trunk's post_build hook");
  process.exit(1);
}
const root = resolve(import.meta.dirname, "..");
const source = await readFile(join(root, "src/engine/classify/vocabulary.rs"), "utf8");
const declared = source.match(/SHIPPED_NAMES: &\[&str\] = &\[([^\]]*)\]/);
if (!declared) {
  console.error("bundle-vocabulary.mjs: SHIPPED_NAMES not found in src/engine/classify/vocabulary.rs");
  process.exit(1);
}
const names = [...declared[1].matchAll(/"([^"]+)"/g)].map((m) => m[1]);
const dir = join(staging, "vocabulary");
// Cue sections ([negation…], [not case]) and language sections are kept
// whole and in their lists' order: each list's are its language's own
// ([not negation] belongs to the [language] before it). A phrase section
// of every list goes into one section of its heading, its lines sorted:
// the phrases are sorted when read anyway (Vocabulary::sort in
// vocabulary.rs), and like lines together gzip 0.5 KB smaller than ten
// languages' sections one after another.
const own = [];
const phrases = new Map();
// A phrase a list repeats for a section an earlier list already gave it is
// dropped (0.2 KB less gzip): the vocabulary keeps only the first listing
// of a phrase for a target.
const given = new Set();
let section = "";
let lines = own;
const keep = (line) => {
  if (line.startsWith("[")) {
    section = line.trim();
    if (/^\[(negation|language|not negation|not case)/.test(section)) {
      own.push(line);
      lines = own;
    } else {
      if (!phrases.has(section)) phrases.set(section, []);
      lines = phrases.get(section);
    }
    return;
  }
  if (lines !== own) {
    // The phrase as vocabulary.rs reads it: before the last "=", no stars.
    const phrase = line.includes("=") ? line.slice(0, line.lastIndexOf("=")) : line;
    const key = `${section} ${phrase.trim().replace(/^\*+|\*+$/g, "")}`;
    if (given.has(key)) return;
    given.add(key);
  }
  lines.push(line);
};
for (const name of names) {
  const path = join(dir, `${name}.txt`);
  // Comments and blank lines are for the people who edit the lists: the
  // widget fetches the phrases alone (1.6 KB less gzip).
  const text = await readFile(path, "utf8");
  text
    .split("\n")
    .filter((line) => line.trim() && !line.trim().startsWith("#"))
    // "phrase = 2" is sent as "phrase=2" (0.1 KB less gzip), and "phrase = 1",
    // the default weight, as "phrase" (65 bytes less gzip).
    .map((line) => line.replace(/ = /, "=").replace(/=1$/, ""))
    .forEach(keep);
  await rm(path);
}
const joined = [...own, ...[...phrases].flatMap(([heading, lines]) => [heading, ...lines.sort()])];
await rm(join(dir, "README.md"), { force: true });
await writeFile(join(dir, "lists.txt"), joined.map((line) => `${line}\n`).join(""));
