// Common English words: the lower-cased lexemes of the installed wink English model, loaded once. A capitalised
// word that is also a common word ("Recent", "Soft") is a name only with other evidence.
import { createRequire } from "node:module";

let words: ReadonlySet<string> | undefined;

/** Lower-case English word forms known to the wink model (empty when its data file cannot be read). */
export function commonWords(): ReadonlySet<string> {
  if (words) return words;
  try {
    const require = createRequire(import.meta.url);
    // The JSON wink-nlp itself loads, so Node's module cache shares it.
    const core = require("wink-eng-lite-web-model/dist/languages/cur/models/eng-core-web-model.json") as {
      features?: { lexeme?: { list?: unknown } };
    };
    const list = core.features?.lexeme?.list;
    words = new Set(
      Array.isArray(list) ? list.filter((w): w is string => typeof w === "string" && /^[a-z][a-z'-]*$/.test(w)) : [],
    );
  } catch {
    words = new Set();
  }
  return words;
}

/** Is this (lower-case) word a common English word? */
export function isCommonWord(lower: string): boolean {
  return commonWords().has(lower);
}
