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
  return /<rss[\s>]|<feed[\s>][\s\S]*?xmlns=["']http:\/\/www\.w3\.org\/2005\/Atom|<rdf:RDF[\s>]/i.test(head);
}

const asArray = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);

function str(x: unknown): string | null {
  if (x === undefined || x === null) return null;
  if (typeof x === "string" || typeof x === "number") return String(x).trim() || null;
  if (typeof x === "object" && "#text" in (x as Record<string, unknown>))
    return str((x as Record<string, unknown>)["#text"]);
  return null;
}

type Node = Record<string, unknown>;
const node = (x: unknown): Node => (x && typeof x === "object" && !Array.isArray(x) ? (x as Node) : {});

/** Parses a feed; throws an Error naming the problem when it is not a well-formed RSS or Atom document. */
export function parseFeed(xml: string): Feed {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new Error(`malformed feed: ${valid.err.msg} (line ${valid.err.line})`);
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@",
    textNodeName: "#text",
    processEntities: true,
    htmlEntities: true,
  });
  const data = node(parser.parse(xml));
  const rss = node(data.rss);
  const rdf = node(data["rdf:RDF"]);
  if (data.rss !== undefined || data["rdf:RDF"] !== undefined) {
    const channel = node(rss.channel ?? rdf.channel);
    const items = asArray(channel.item ?? rdf.item).map(node);
    return {
      title: str(channel.title),
      items: items.map((it) => ({
        title: str(it.title),
        link: str(it.link) ?? str(it.guid),
        published: isoDate(str(it.pubDate) ?? str(it["dc:date"])),
        authors: splitAuthors(str(it["dc:creator"]) ?? str(it.author) ?? ""),
        content: str(it["content:encoded"]) ?? str(it.description),
      })),
    };
  }
  if (data.feed !== undefined) {
    const f = node(data.feed);
    return {
      title: str(f.title),
      items: asArray(f.entry)
        .map(node)
        .map((e) => {
          const links = asArray(e.link).map(node);
          const alt = links.find((l) => !l["@rel"] || l["@rel"] === "alternate");
          return {
            title: str(e.title),
            link: str(alt?.["@href"]),
            published: isoDate(str(e.published) ?? str(e.updated)),
            authors: asArray(e.author)
              .map((a) => str(node(a).name))
              .filter((a): a is string => !!a),
            content: str(e.content) ?? str(e.summary),
          };
        }),
    };
  }
  throw new Error("malformed feed: neither an RSS channel nor an Atom feed");
}
