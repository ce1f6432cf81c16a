// Expands what the user named (files, folders, "-" for standard input, URLs) into raw items to read.
// Every read is bounded by maxBytes as the bytes arrive (a stat size can lie: standard input, devices, files
// that grow); what is neither a regular file nor a folder is refused before it is opened.
import { constants, type Dirent, type Stats } from "node:fs";
import { open, readdir, stat } from "node:fs/promises";
import { extname, join, resolve } from "node:path";
import { decodeText } from "./decode.js";
import { type FetchOptions, fetchUrl, isUrl } from "./fetch.js";
import { describeByExtension, NOT_ARTICLE_EXTENSIONS, needsContent, notAnArticle } from "./structured.js";

export interface RawItem {
  /** Where it came from: an absolute path, a URL, or "stdin". */
  uri: string;
  bytes: Uint8Array;
  /** A media type: declared by a server, or guessed from the file name. */
  contentType: string;
}

export interface InputFailure {
  input: string;
  reason: string;
}

export type ReadResult = { ok: true; item: RawItem } | { ok: false; failure: InputFailure };

export const TEXT_EXTENSIONS: Record<string, string> = {
  ".txt": "text/plain",
  ".text": "text/plain",
  ".md": "text/markdown",
  ".markdown": "text/markdown",
  ".html": "text/html",
  ".htm": "text/html",
  ".xhtml": "text/html",
  ".xml": "application/xml",
  ".rss": "application/rss+xml",
  ".atom": "application/atom+xml",
};

export interface SourceOptions extends FetchOptions {
  /** Reads standard input, at most `maxBytes` of it: throws InputRefused as soon as there is more. */
  readStdin: (maxBytes: number) => Promise<Uint8Array>;
  /**
   * Only http(s) URLs ("http://host/..."): every other input is refused without a look at the file system or
   * standard input. The API's path: no string it is given can reach a file, a folder or standard input.
   */
  urlsOnly?: boolean;
}

/** A unit of work: either one file/URL/stdin, ready to read, or an input already known to fail. */
export type Task = { input: string; read: () => Promise<ReadResult> };

/** An input refused for a reason to be shown as it is (over the size limit, not a regular file). */
export class InputRefused extends Error {}

const fail = (input: string, reason: string): ReadResult => ({ ok: false, failure: { input, reason } });

const ERRNO_REASONS: Record<string, string> = {
  EACCES: "permission denied",
  EPERM: "permission denied",
  ENOENT: "no such file or directory",
  ENOTDIR: "not a directory",
  EISDIR: "is a directory",
  ELOOP: "too many levels of symbolic links",
};
const errnoReason = (err: unknown) =>
  ERRNO_REASONS[(err as NodeJS.ErrnoException).code ?? ""] ?? (err as Error).message;

/**
 * Reads a stream to its end, counting bytes as they arrive; once past `maxBytes` it stops reading (the stream
 * is destroyed) and throws InputRefused naming `what`.
 */
export async function readStreamLimited(
  stream: AsyncIterable<Uint8Array | string> & { destroy?: () => void },
  maxBytes: number,
  what: string,
): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    size += buf.length;
    if (size > maxBytes) {
      stream.destroy?.();
      throw new InputRefused(`${what} is over the ${maxBytes}-byte limit (--max-bytes)`);
    }
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

/** What a file that is neither regular nor a folder is, for the refusal. */
function fileKind(st: Stats): string {
  if (st.isFIFO()) return "a FIFO";
  if (st.isCharacterDevice()) return "a character device";
  if (st.isBlockDevice()) return "a block device";
  if (st.isSocket()) return "a socket";
  return "an unknown kind of file";
}

/** Collects the article files under `dir`; a folder that cannot be listed goes to `failed`, the walk goes on. */
async function walk(dir: string, out: string[], failed: InputFailure[]): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    failed.push({ input: dir, reason: `cannot read folder: ${errnoReason(err)}` });
    return;
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    if (e.name.startsWith(".")) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) await walk(p, out, failed);
    else if (e.isFile() && extname(e.name).toLowerCase() in TEXT_EXTENSIONS) out.push(p);
  }
}

/**
 * Reads a regular file, never more than maxBytes + 1 bytes of it whatever its size said. Opened non-blocking
 * (a FIFO put in its place after the check cannot block the open) and checked again on the open descriptor.
 */
export async function readRegularFile(path: string, maxBytes: number): Promise<Uint8Array> {
  const named = await stat(path);
  if (named.isDirectory()) throw new InputRefused("is a directory");
  if (!named.isFile()) throw new InputRefused(`not a regular file (${fileKind(named)})`);
  if (named.size > maxBytes) {
    throw new InputRefused(`file is ${named.size} bytes, over the ${maxBytes}-byte limit (--max-bytes)`);
  }
  const handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const st = await handle.stat();
    if (!st.isFile()) throw new InputRefused(`not a regular file (${fileKind(st)})`);
    // Room for one byte past the limit, to tell "at the limit" from "over it".
    const cap = maxBytes + 1;
    // Sized to the file when its size is known; files that report 0 (/proc) or grow get room as they read.
    let buf = Buffer.allocUnsafe(Math.min(cap, st.size > 0 ? st.size + 1 : 64 * 1024));
    let size = 0;
    for (;;) {
      if (size === buf.length) {
        if (buf.length >= cap) break;
        const grown = Buffer.allocUnsafe(Math.min(cap, buf.length * 2));
        buf.copy(grown, 0, 0, size);
        buf = grown;
      }
      const { bytesRead } = await handle.read(buf, size, buf.length - size, null);
      if (bytesRead === 0) break;
      size += bytesRead;
    }
    if (size > maxBytes) throw new InputRefused(`file is over the ${maxBytes}-byte limit (--max-bytes)`);
    return buf.subarray(0, size);
  } finally {
    await handle.close();
  }
}

/**
 * The refusal of a file named for a format that is not an article (.json, .csv, .pdf, ...; folder walks never
 * pick these up, but a user can name one). JSON and tables are read, so the reason can say what they hold.
 */
async function notArticleFile(path: string, ext: string, maxBytes: number): Promise<string> {
  if (!needsContent(ext)) {
    const st = await stat(path);
    if (st.isDirectory()) throw new InputRefused("is a directory");
    return notAnArticle(describeByExtension(ext, null));
  }
  const decoded = decodeText(await readRegularFile(path, maxBytes));
  // Decoding already names JSON and most tables; a small or irregular one is still what its name says.
  if (!decoded.ok && /^not an article/.test(decoded.reason)) return decoded.reason;
  return notAnArticle(describeByExtension(ext, decoded.ok ? decoded.text : null));
}

function readFileTask(path: string, input: string, opts: SourceOptions): Task {
  return {
    input,
    read: async () => {
      try {
        const ext = extname(path).toLowerCase();
        if (ext in NOT_ARTICLE_EXTENSIONS) return fail(input, await notArticleFile(path, ext, opts.maxBytes));
        const bytes = await readRegularFile(path, opts.maxBytes);
        const type = TEXT_EXTENSIONS[extname(path).toLowerCase()] ?? "text/plain";
        return { ok: true, item: { uri: path, bytes, contentType: type } };
      } catch (err) {
        return fail(input, err instanceof InputRefused ? err.message : errnoReason(err));
      }
    },
  };
}

function urlTask(input: string, opts: SourceOptions): Task {
  return {
    input,
    read: async () => {
      const r = await fetchUrl(input, opts);
      return r.ok
        ? { ok: true, item: { uri: r.url, bytes: r.bytes, contentType: r.contentType } }
        : fail(input, r.reason);
    },
  };
}

function stdinTask(opts: SourceOptions): Task {
  return {
    input: "-",
    read: async () => {
      try {
        const bytes = await opts.readStdin(opts.maxBytes);
        return { ok: true, item: { uri: "stdin", bytes, contentType: "text/plain" } };
      } catch (err) {
        return fail(
          "-",
          err instanceof InputRefused ? err.message : `reading standard input failed: ${(err as Error).message}`,
        );
      }
    },
  };
}

/** Turns the inputs into tasks; folders are expanded here, so the caller knows the total up front. */
export async function planInputs(inputs: string[], opts: SourceOptions): Promise<Task[]> {
  const tasks: Task[] = [];
  const failed = (input: string, reason: string) => tasks.push({ input, read: async () => fail(input, reason) });
  for (const input of inputs) {
    if (isUrl(input)) {
      tasks.push(urlTask(input, opts));
      continue;
    }
    if (opts.urlsOnly) {
      failed(input, "not an http(s) URL: only http:// and https:// URLs are read here");
      continue;
    }
    if (input === "-") {
      tasks.push(stdinTask(opts));
      continue;
    }
    const path = resolve(input);
    let isDir = false;
    try {
      isDir = (await stat(path)).isDirectory();
    } catch (err) {
      failed(input, errnoReason(err));
      continue;
    }
    if (isDir) {
      const files: string[] = [];
      const unreadable: InputFailure[] = [];
      await walk(path, files, unreadable);
      for (const u of unreadable) failed(u.input, u.reason);
      if (files.length === 0 && unreadable.length === 0) {
        failed(input, "folder holds no .txt, .md, .html or feed files");
      }
      for (const f of files) tasks.push(readFileTask(f, f, opts));
    } else {
      tasks.push(readFileTask(path, input, opts));
    }
  }
  return tasks;
}
