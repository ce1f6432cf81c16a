// Common English words: the lower-cased lexemes of the installed wink English model, loaded once, less those its
// lexicon tags a proper noun ("nasa", "florida", "afghanistan"; months and weekdays stay). A capitalised word
// that is also a common word ("Recent", "Soft") is a name only with other evidence.
import { createRequire } from "node:module";

let words: ReadonlySet<string> | undefined;

/** Lower-case English word forms known to the wink model (empty when its data file cannot be read). */
export function commonWords(): ReadonlySet<string> {
  if (words) return words;
  try {
    const require = createRequire(import.meta.url);
    // The JSON wink-nlp itself loads, so Node's module cache shares it.
    const core = require("wink-eng-lite-web-model/dist/languages/cur/models/eng-core-web-model.json") as WinkCore;
    const list = core.features?.lexeme?.list;
    const proper = properNounLexemes(core);
    words = new Set(
      Array.isArray(list)
        ? list.filter(
            (w, i): w is string =>
              typeof w === "string" && /^[a-z][a-z'-]*$/.test(w) && (!proper.has(i) || CALENDAR_WORD.test(w)),
          )
        : [],
    );
  } catch {
    words = new Set();
  }
  return words;
}

/** Months and weekdays (and "mid-May"): wink tags them proper nouns, but they name no entity. */
const CALENDAR_WORD =
  /^(?:mid-)?(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|inc)$/;

interface WinkCore {
  features?: { lexeme?: { list?: unknown }; pos?: { list?: unknown } };
  packing?: { size?: number; layout?: { pos?: number[] } };
  lexicon?: unknown;
}

/**
 * Indexes of the lexemes whose prior part of speech in wink's packed lexicon is PROPN. The lexicon is base64 of
 * 32-bit words, `packing.size` a lexeme; `packing.layout.pos` gives [word, mask, shift] of the POS index. Any
 * surprise in that layout yields no proper nouns, never an error.
 */
function properNounLexemes(core: WinkCore): Set<number> {
  const out = new Set<number>();
  const size = core.packing?.size;
  const [word, mask, shift] = core.packing?.layout?.pos ?? [];
  const tags = core.features?.pos?.list;
  if (typeof core.lexicon !== "string" || !size || word === undefined || mask === undefined || shift === undefined) {
    return out;
  }
  const propn = Array.isArray(tags) ? tags.indexOf("PROPN") : -1;
  if (propn < 0) return out;
  const bytes = Buffer.from(core.lexicon, "base64");
  const lexicon = new Uint32Array(bytes.buffer, bytes.byteOffset, Math.floor(bytes.byteLength / 4));
  for (let i = 0; i * size + word < lexicon.length; i++) {
    if (((lexicon[i * size + word] as number) & mask) >>> shift === propn) out.add(i);
  }
  return out;
}

/** Is this (lower-case) word a common English word? */
export function isCommonWord(lower: string): boolean {
  return commonWords().has(lower);
}
