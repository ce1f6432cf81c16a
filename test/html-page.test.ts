// Real-shaped news pages (written for these tests, not copied): titles without the site's suffix, the stated
// publication date, the outlet the page names, and no article body lost between Readability and the stored text.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { readHtml } from "../src/ingest/html.js";
import { articlesOf } from "../src/ingest/pipeline.js";
import { readDateline } from "../src/ingest/text/dates.js";
import { readTextMetadata } from "../src/ingest/text/metadata.js";

const PARAGRAPHS = [
  "Kazakhstan and Uzbekistan agreed on Tuesday to build a second rail line across their shared border, officials in both capitals said, in a deal meant to double freight traffic by the end of the decade.",
  "The agreement, signed by the two transport ministers in a hall decorated with both flags, commits each side to finance the track on its own territory and to share the cost of a new customs terminal near the crossing.",
  "Traders have long complained of queues at the existing crossing, where lorries wait for days in summer and rail wagons are reloaded because of paperwork that neither government has managed to simplify.",
  "Economists who follow the region said the line would matter most for cotton, grain and fertiliser, which today move slowly and at high cost toward ports on the Caspian Sea and beyond to markets in Europe.",
  "The two governments did not say how much the line would cost, but an earlier study by the regional development bank put the figure at several hundred million dollars over five years of building.",
  "Officials said construction could begin next spring once engineers finish surveys of the route, which crosses steppe, irrigated farmland and two rivers that flood in the melting season each year.",
];

const BODY = PARAGRAPHS.map((p) => `<p>${p}</p>`).join("\n");
const NAV = `<header class="site-header"><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/business">Business</a></li><li><a href="/opinion">Opinion</a></li></ul></nav>
<time datetime="2026-12-07">Monday, 7 December 2026</time></header>`;
const FOOTER = `<footer><p>© 2026 Steppe Herald Media. All rights reserved.</p><ul><li><a href="/about">About us</a></li>
<li><a href="/contact">Contact</a></li><li><a href="/privacy">Privacy</a></li></ul></footer>`;

function page(opts: { head?: string; title?: string; article?: string; before?: string }): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>${opts.title ?? "Rail deal"}</title>
${opts.head ?? ""}
</head><body>${NAV}${opts.before ?? ""}
<main><article>${opts.article ?? `<h1>Kazakhstan and Uzbekistan agree a second rail line</h1>\n${BODY}`}</article></main>
${FOOTER}</body></html>`;
}

const words = (s: string) => s.match(/\S+/g)?.length ?? 0;

describe("titles lose the site's name, never a part of the headline", () => {
  test("a ' - Site' suffix matching og:site_name is stripped", () => {
    const html = page({
      title: "Kazakhstan and Uzbekistan agree a second rail line - Steppe Herald",
      head: `<meta property="og:site_name" content="Steppe Herald">`,
    });
    assert.equal(readHtml(html).meta.title, "Kazakhstan and Uzbekistan agree a second rail line");
  });

  test("a ' | Site' suffix on og:title matching the JSON-LD publisher is stripped", () => {
    const html = page({
      head: `<meta property="og:title" content="Kazakhstan and Uzbekistan agree a second rail line | Caspian Wire">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Kazakhstan and Uzbekistan agree a second rail line","publisher":{"@type":"Organization","name":"Caspian Wire"}}</script>`,
    });
    assert.equal(readHtml(html).meta.title, "Kazakhstan and Uzbekistan agree a second rail line");
  });

  test("a suffix matching the URL host is stripped (no site name in the page)", () => {
    const html = page({ title: "Kazakhstan and Uzbekistan agree a second rail line - SteppeHerald" });
    assert.equal(
      readHtml(html, "https://www.steppeherald.com/2025/03/rail.html").meta.title,
      "Kazakhstan and Uzbekistan agree a second rail line",
    );
  });

  test("an encyclopedia-style ' - Wikipedia' suffix matches the canonical link's host", () => {
    const html = page({
      title: "Trans-Caspian International Transport Route - Wikipedia",
      head: `<link rel="canonical" href="https://en.wikipedia.org/wiki/Trans-Caspian_International_Transport_Route">`,
    });
    assert.equal(readHtml(html).meta.title, "Trans-Caspian International Transport Route");
  });

  test("a 'Site: ' prefix matching the site name is stripped", () => {
    const html = page({
      title: "Steppe Herald: Kazakhstan and Uzbekistan agree a second rail line",
      head: `<meta name="application-name" content="Steppe Herald">`,
    });
    assert.equal(readHtml(html).meta.title, "Kazakhstan and Uzbekistan agree a second rail line");
  });

  test("a dash inside a headline with no site-name match stays", () => {
    const html = page({
      title: "Uzbekistan - the quiet reformer of Central Asia",
      head: `<meta property="og:site_name" content="Steppe Herald">`,
    });
    assert.equal(readHtml(html).meta.title, "Uzbekistan - the quiet reformer of Central Asia");
    const colon = page({
      title: "Tokayev: reform will not wait - Steppe Herald",
      head: `<meta property="og:site_name" content="Steppe Herald">`,
    });
    assert.equal(readHtml(colon).meta.title, "Tokayev: reform will not wait");
  });
});

test("a headline that merely starts with the site's name keeps it", () => {
  const html = page({ title: "Herald editor resigns: what comes next - Herald News" });
  assert.equal(readHtml(html, "https://www.herald.example/a").meta.title, "Herald editor resigns: what comes next");
});

describe("the publication date the page states", () => {
  test("schema.org datePublished inside a JSON-LD @graph, not the nav's date", () => {
    const html = page({
      head: `<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
{"@type":"WebSite","name":"Steppe Herald","url":"https://steppeherald.example/"},
{"@type":"Organization","name":"Steppe Herald Media"},
{"@type":["NewsArticle"],"headline":"Rail deal","datePublished":"2025-03-14T08:30:00+05:00","dateModified":"2025-03-15T10:00:00+05:00"}]}</script>`,
    });
    assert.equal(readHtml(html).meta.published, "2025-03-14");
  });

  test("og:/article: variants and dateCreated meta", () => {
    for (const head of [
      `<meta property="og:article:published_time" content="2024-11-02T06:00:00Z">`,
      `<meta property="article:published" content="2024-11-02">`,
      `<meta name="dateCreated" content="2024-11-02T09:15:00+01:00">`,
    ]) {
      assert.equal(readHtml(page({ head })).meta.published, "2024-11-02", head);
    }
  });

  test("a <time datetime> in the byline wins over one in the site header", () => {
    const html = page({
      article: `<h1>Rail deal</h1><div class="byline">By Aigerim Sadykova · <time datetime="2025-01-05T11:00:00+06:00">5 January 2025</time></div>${BODY}`,
    });
    assert.equal(readHtml(html).meta.published, "2025-01-05");
  });

  test("a byline date in words", () => {
    const html = page({
      article: `<h1>Rail deal</h1><p class="byline-date">Published 14 March 2025, 09:10 GMT</p>${BODY}`,
    });
    assert.equal(readHtml(html).meta.published, "2025-03-14");
  });
});

describe("the outlet the page names", () => {
  test("JSON-LD publisher.name when there is no og:site_name", () => {
    const html = page({
      head: `<script type="application/ld+json">[{"@context":"https://schema.org","@type":"BlogPosting","headline":"Rail deal","datePublished":"2025-02-01","publisher":{"@type":"Organization","name":"Caspian Wire"}}]</script>`,
    });
    const { meta } = readHtml(html, "https://news.example.org/rail");
    assert.equal(meta.outlet, "Caspian Wire");
    assert.equal(meta.published, "2025-02-01");
  });

  test("og:site_name first; else the URL host without www.", () => {
    assert.equal(
      readHtml(page({ head: `<meta property="og:site_name" content="Steppe Herald">` }), "https://x.example/a").meta
        .outlet,
      "Steppe Herald",
    );
    assert.equal(readHtml(page({}), "https://www.steppeherald.example/a").meta.outlet, "steppeherald.example");
  });
});

describe("no article body lost", () => {
  test("text in a block with inline links and no <p> is kept", () => {
    const article = `<h1>Rail deal</h1>${PARAGRAPHS.map((p) => `<div class="story-text">${p.replace("officials", '<a href="/o">officials</a>')} <span>More</span> text follows.</div>`).join("")}`;
    const [a] = articlesOf(page({ article }), "text/html", "rail.html");
    assert.ok(a);
    for (const p of PARAGRAPHS) assert.ok(a.text.includes(p.slice(0, 60)), `missing: ${p.slice(0, 60)}`);
  });

  test("paragraphs held as text beside links in <section>s are kept, one paragraph each", () => {
    const article = `<h1>Rail deal</h1>${PARAGRAPHS.map((p, i) => `<section class="story-part">${p} <a href="/more/${i}">Background</a> and the reaction in the region.</section>`).join("")}`;
    const { text } = readHtml(page({ article }));
    const paras = text.split("\n\n");
    for (const p of PARAGRAPHS) {
      assert.ok(
        paras.some((q) => q === `${p} Background and the reaction in the region.`),
        `missing: ${p.slice(0, 60)}`,
      );
    }
  });

  test("a body inside a container whose class mentions sharing is not stripped away", () => {
    const article = `<h1>Rail deal</h1><div class="article-body shareable-content">${BODY}</div>`;
    const [a] = articlesOf(page({ article }), "text/html", "rail.html");
    assert.ok(a);
    assert.ok(words(a.text) >= words(PARAGRAPHS.join(" ")), `kept ${words(a.text)} words`);
  });
});

describe("datelines give the publication date when nothing else does", () => {
  const body = PARAGRAPHS.slice(1).join("\n\n");
  test("'TASHKENT, 14 March 2025 —'", () => {
    const text = `Rail deal agreed\n\nTASHKENT, 14 March 2025 — ${PARAGRAPHS[0]}\n\n${body}`;
    assert.equal(readTextMetadata(text).published, "2025-03-14");
  });
  test("'MOSCOW, Jan 5, 2025 (Reuters) -'", () => {
    const text = `Rail deal agreed\n\nMOSCOW, Jan 5, 2025 (Reuters) - ${PARAGRAPHS[0]}\n\n${body}`;
    assert.equal(readTextMetadata(text).published, "2025-01-05");
  });
  test("a stated date wins over the dateline; a dateline without a date gives none", () => {
    const text = `Rail deal agreed\n\nPublished 2 February 2025\n\nTASHKENT, 14 March 2025 — ${PARAGRAPHS[0]}\n\n${body}`;
    assert.equal(readTextMetadata(text).published, "2025-02-02");
    assert.equal(readTextMetadata(`Rail deal\n\nALMATY (AP) — ${PARAGRAPHS[0]}\n\n${body}`).published, null);
  });
  test("a date in a later sentence is not a dateline", () => {
    const text = `Rail deal agreed\n\n${PARAGRAPHS[0]}\n\nThe ministers first met on 14 March 2025 in Tashkent.\n\n${body}`;
    assert.equal(readTextMetadata(text).published, null);
  });
});

test("readDateline: the place and the date a dateline states; none for a date without a year", () => {
  assert.deepEqual(readDateline("TASHKENT, 14 March 2025 — The ministers met."), {
    place: "TASHKENT",
    date: "2025-03-14",
  });
  assert.deepEqual(readDateline("MOSCOW, Jan 5 (Reuters) - The ministers met."), { place: "MOSCOW", date: null });
  assert.deepEqual(readDateline("ALMATY (AP) — The ministers met."), { place: "ALMATY", date: null });
  assert.equal(readDateline("Uzbekistan - the quiet reformer"), null);
  assert.equal(readDateline("The ministers met on 14 March 2025 — in Tashkent."), null);
});
