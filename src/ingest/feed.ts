// RSS 2.0 and Atom feeds: each item becomes an entry with its link, title, date, author and any content it carries.
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { isoDate, splitAuthors } from "./html.js";

export interface FeedItem {
  title: string | null;
  link: string | null;
  published: string | null;
  authors: string[];
  /** HTML or text content carried by the feed itself, if any. */
  content: string | null;
}

export interface Feed {
  title: string | null;
  items: FeedItem[];
}

export function looksLikeFeed(text: string): boolean {
  const head = text.slice(0, 3000);
  return /<rss[\s>]|<feed[\s>][^]*?xmlns=["']http:\/\/www\.w3\.org\/2005\/Atom|<rdf:RDF[\s>]/i.test(head);
}

const asArray = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);

function str(x: unknown): string | null {
  if (x === undefined || x === null) return null;
  if (typeof x === "string" || typeof x === "number") return String(x).trim() || null;
  if (typeof x === "object" && "#text" in (x as Record<string, unknown>)) return str((x as Record<string, unknown>)["#text"]);
  return null;
}

/** Parses a feed; throws an Error naming the problem when it is not a well-formed RSS or Atom document. */
export function parseFeed(xml: string): Feed {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new Error(`malformed feed: ${valid.err.msg} (line ${valid.err.line})`);
  }
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", textNodeName: "#text", processEntities: true, htmlEntities: true });
  const data = parser.parse(xml) as Record<string, any>;
  if (data.rss?.channel || data["rdf:RDF"]) {
    const channel = data.rss?.channel ?? data["rdf:RDF"]?.channel ?? {};
    const items = asArray(data.rss?.channel?.item ?? data["rdf:RDF"]?.item);
    return {
      title: str(channel.title),
      items: items.map((it: Record<string, any>) => ({
        title: str(it.title),
        link: str(it.link) ?? str(it.guid),
        published: isoDate(str(it.pubDate) ?? str(it["dc:date"])),
        authors: splitAuthors(str(it["dc:creator"]) ?? str(it.author) ?? ""),
        content: str(it["content:encoded"]) ?? str(it.description),
      })),
    };
  }
  if (data.feed) {
    const f = data.feed;
    return {
      title: str(f.title),
      items: asArray(f.entry).map((e: Record<string, any>) => {
        const links = asArray(e.link) as Record<string, string>[];
        const link = links.find((l) => !l["@rel"] || l["@rel"] === "alternate")?.["@href"] ?? null;
        return {
          title: str(e.title),
          link,
          published: isoDate(str(e.published) ?? str(e.updated)),
          authors: asArray(e.author)
            .map((a: Record<string, unknown>) => str(a?.name))
            .filter((a): a is string => !!a),
          content: str(e.content) ?? str(e.summary),
        };
      }),
    };
  }
  throw new Error("malformed feed: neither an RSS channel nor an Atom feed");
}
