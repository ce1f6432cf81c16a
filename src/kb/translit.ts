// A transliteration key for personal names: spellings of one Russian, Kazakh, Kyrgyz, Tajik or Turkmen name in the
// several romanisations English news uses reduce to the same key ("Kassym-Jomart" and "Kasym-Zhomart",
// "Mirziyoyev" and "Mirziyoev", "Rakhmon" and "Rahmon", "Berdymukhamedov" and "Berdimuhamedow").
import { foldLower } from "./normalize.js";

/** Rewrites applied in order to a folded, letters-only name word. */
const REWRITES: readonly [RegExp, string][] = [
  [/dzh|dj|zh/g, "j"], // Dzhaksybekov / Jaksybekov / Zhaksybekov, Zhomart / Jomart
  [/kh|gh/g, "h"], // Rakhmon / Rahmon
  [/q|ck/g, "k"], // Qurbonov / Kurbonov
  [/x/g, "ks"],
  [/w/g, "v"], // Berdimuhamedow / Berdymukhamedov
  [/y/g, "i"], // Dmitriy / Dmitry, Berdymukhamedov / Berdimuhamedov
  [/ij/g, "i"],
  [/(.)\1+/g, "$1"], // Kassym / Kasym, Emomalii / Emomali, Zelenskyy / Zelensky
  [/ie/g, "e"], // Mirziyoyev / Mirziyoev, Tokayev / Tokaev
];

/** The key of one name word: folded, letters only, transliteration variants rewritten. */
export function translitKey(word: string): string {
  let s = foldLower(word).replace(/[^\p{L}]/gu, "");
  for (const [re, to] of REWRITES) s = s.replace(re, to);
  return s;
}

/** The key of a name of several words (hyphens split words: "Kassym-Jomart" is two). */
export function translitNameKey(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter(Boolean)
    .map(translitKey)
    .join(" ");
}
