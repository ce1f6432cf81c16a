// Bytes to text: BOMs, UTF-8, UTF-16 without a BOM, Windows-1252 and other legacy encodings.
// Binary and empty inputs are refused with a reason, and so is text that is data rather than an article
// (JSON, JSON Lines, a CSV/TSV table: src/ingest/structured.ts), whatever its name or media type said.
import chardet from "chardet";
import iconv from "iconv-lite";
import { describeStructured, notAnArticle } from "./structured.js";

export type Decoded = { ok: true; text: string; encoding: string } | { ok: false; reason: string };

function looksUtf16(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  // ASCII text in UTF-16 has a zero in every other byte.
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero / pairs > 0.6 && evenZero / pairs < 0.05) return "utf-16le";
  if (evenZero / pairs > 0.6 && oddZero / pairs < 0.05) return "utf-16be";
  return null;
}

/** Share of bytes that never occur in text (NUL and most C0 controls). */
function binaryShare(bytes: Uint8Array): number {
  const n = Math.min(bytes.length, 8192);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] as number;
    if (b === 0 || (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 27)) bad++;
  }
  return n ? bad / n : 0;
}

export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, reason: "empty file" };
  const b0 = bytes[0];
  const b1 = bytes[1];
  let text: string;
  let encoding: string;
  if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf) {
    encoding = "utf-8";
    text = new TextDecoder("utf-8").decode(bytes.subarray(3));
  } else if (b0 === 0xff && b1 === 0xfe) {
    encoding = "utf-16le";
    text = iconv.decode(Buffer.from(bytes.subarray(2)), "utf-16le");
  } else if (b0 === 0xfe && b1 === 0xff) {
    encoding = "utf-16be";
    text = iconv.decode(Buffer.from(bytes.subarray(2)), "utf-16be");
  } else {
    const utf16 = looksUtf16(bytes);
    if (utf16) {
      encoding = utf16;
      text = iconv.decode(Buffer.from(bytes), utf16);
    } else {
      if (binaryShare(bytes) > 0.01) return { ok: false, reason: "binary content, not text" };
      try {
        text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
        encoding = "utf-8";
      } catch {
        // Not UTF-8: a legacy single-byte encoding. chardet guesses; Windows-1252 is the usual answer.
        const guess = chardet.detect(bytes);
        encoding = guess && iconv.encodingExists(guess) && !/^UTF/i.test(guess) ? guess.toLowerCase() : "windows-1252";
        if (encoding === "iso-8859-1") encoding = "windows-1252"; // a superset, and what browsers use
        text = iconv.decode(Buffer.from(bytes), encoding);
      }
    }
  }
  text = text.replace(/\r\n?/g, "\n");
  if (!text.trim()) return { ok: false, reason: "empty file (only white space)" };
  const data = describeStructured(text);
  if (data) return { ok: false, reason: notAnArticle(data) };
  return { ok: true, text, encoding };
}
