// The views in Debian's Chromium: search facets and sorting, every mention of an entity, the dossier read as
// sentences, the home page's types and count cards, the source comparison's sticky header, the map's framing and
// historical states, and every page on a 390 px screen. Screenshots go to test-artifacts/views-*.png.
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { BrowserContext, Page } from "playwright-core";
import { type RunningServer, startApiServer } from "../src/api/server.js";
import { launch, NEEDS_CHROMIUM, screenshot, watchProblems } from "./e2e/browser.js";
import { buildFixtureStore, type Fixture } from "./e2e/fixture.js";
import { storeWideWorldArticle } from "./e2e/wide-world.js";
import { tempDir } from "./helpers.js";

if (NEEDS_CHROMIUM) console.log(`# ${NEEDS_CHROMIUM}`);

const WIDE = { width: 1366, height: 900 };
const NARROW = { width: 390, height: 844 };

describe("views in Chromium", { skip: NEEDS_CHROMIUM }, () => {
  const tmp = tempDir("heartland-e2e-views-");
  const db = join(tmp.dir, "views.db");
  let fx: Fixture;
  let server: RunningServer;
  let browser: BrowserContext;
  let problems: string[] = [];

  before(async () => {
    fx = await buildFixtureStore(db);
    await storeWideWorldArticle(db);
    server = await startApiServer({ db, port: 0 });
    browser = await launch(join(tmp.dir, "profile"));
    problems = watchProblems(await page());
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    tmp.cleanup();
  });

  async function page(): Promise<Page> {
    return browser.pages()[0] ?? (await browser.newPage());
  }

  /** Opens a view and waits until it has rendered (the loading line is gone). */
  async function open(hash: string, viewport = WIDE): Promise<Page> {
    const p = await page();
    await p.setViewportSize(viewport);
    await p.goto(`${server.url}${hash}`);
    await p.waitForSelector("#view > :not(.loading)");
    await p.waitForLoadState("networkidle");
    return p;
  }

  const texts = async (p: Page, selector: string) =>
    (await p.locator(selector).allTextContents()).map((t) => t.replace(/\s+/g, " ").trim());

  test("search: facets count the matches by entity, type, outlet and month; a facet narrows; sort by date", async () => {
    const p = await open("#/search?q=Kazakhstan&kind=sentence");
    await p.waitForSelector(".facets");
    assert.deepEqual(await texts(p, ".facet[data-facet=outlet] li"), [
      "Steppe Ledger9",
      "Caspian Wire3",
      "Eurasia Review Desk2",
    ]);
    assert.deepEqual(await texts(p, ".facet[data-facet=month] li"), [
      "Aug 20242",
      "Jul 20242",
      "Feb 20243",
      "May 20237",
    ]);
    assert.ok((await texts(p, ".facet[data-facet=type] li")).some((t) => /^person\d+$/.test(t)));
    assert.match((await texts(p, ".facet[data-facet=entity] li"))[0] ?? "", /^country Kazakhstan14$/);
    await screenshot(p, "views-1-search-facets");

    await p.click(".facet[data-facet=month] a:has-text('May 2023')");
    await p.waitForSelector(".facet[data-facet=month] a.active");
    assert.equal(await p.locator(".results-sentences h2").textContent(), "7 sentences");
    await p.click(".facet[data-facet=month] a.active");
    await p.waitForSelector(".facet[data-facet=month] a:not(.active) >> nth=3");
    assert.equal(await p.locator(".results-sentences h2").textContent(), "14 sentences", "the facet lifts again");

    await p.selectOption("select[name=sort]", "date");
    await p.waitForFunction(() => location.hash.includes("sort=date"));
    await p.waitForSelector(".sentence-hits li");
    const dates = await texts(p, ".sentence-hits .hit-meta .muted");
    assert.match(dates[0] ?? "", /1 Aug 2024$/, "newest first");
    assert.match(dates.at(-1) ?? "", /2023$/);
    await screenshot(p, "views-2-search-by-date");
  });

  test('the dossier\'s "Mentions" finds every sentence naming the entity, under any name', async () => {
    const p = await open(`#/entity/${fx.entity.CHN}`);
    await p.click('.page-header a.btn:text-is("Mentions")');
    await p.waitForSelector(".sentence-hits li");
    assert.match((await p.locator(".active-filters").textContent()) ?? "", /mentioning China under any name/);
    const marked = new Set(await texts(p, ".sentence-hits mark"));
    assert.ok(marked.has("Beijing"), [...marked].join(", "));
    assert.ok(marked.has("China"));
    assert.equal(await p.locator(".page-header h1").textContent(), "Mentions");
    await screenshot(p, "views-3-mentions");
    await open("#/search");
    assert.equal(await p.locator(".page-header h1").textContent(), "Search", "an empty search is a search");
  });

  test("dossier: relations read as sentences; also called lists aliases, not a capital", async () => {
    const p = await open(`#/entity/${fx.entity.TOKAYEV}`);
    const facts = await texts(p, ".relation-group .fact-main");
    assert.ok(facts.includes("Kassym-Jomart Tokayev is president of Kazakhstan"), facts.join(" | "));
    const csto = await open(`#/entity/${fx.entity.CSTO}`);
    const member = await texts(csto, ".relation-group .fact-main");
    assert.ok(
      member.includes("China is not a member of Collective Security Treaty Organization denied"),
      member.join(" | "),
    );
    assert.ok(member.includes("Kazakhstan is a member of Collective Security Treaty Organization"));
    const alsoCalled = async () =>
      csto.locator("dl.identity dt:text-is('Also called') + dd").textContent() as Promise<string>;
    assert.equal(await alsoCalled(), "CSTO");
    await screenshot(csto, "views-4-dossier");
    await open(`#/entity/${fx.entity.CHN}`);
    assert.equal(await alsoCalled(), "—", "Beijing stands for China in the text; it is not another name of it");
  });

  test("home: every entity type surfaces, facilities and initiatives too; every count card opens its list", async () => {
    const p = await open("#/");
    await p.waitForSelector("dl.by-type");
    assert.match((await p.locator("dd[data-type=facility]").textContent()) ?? "", /Khorgos Gateway/);
    assert.match((await p.locator("dd[data-type=initiative]").textContent()) ?? "", /Belt and Road Initiative/);
    assert.match((await p.locator("dd[data-type=person]").textContent()) ?? "", /all 48$/);
    const cards = await p
      .locator(".stats .stat")
      .evaluateAll((els) => els.map((e) => ({ tag: e.tagName, href: e.getAttribute("href"), label: e.textContent })));
    assert.ok(
      cards.every((c) => c.tag === "A" && c.href),
      JSON.stringify(cards),
    );
    await screenshot(p, "views-5-home");

    await p.click(".stats a.stat:has-text('quotes')");
    await p.waitForSelector(".quotes-page li.quote");
    assert.equal(await p.locator(".quotes-page li.quote").count(), 3);
    assert.match((await p.locator(".quotes-page").textContent()) ?? "", /bridge rather than a wall/);
    await open("#/");
    await p.click(".stats a.stat:has-text('figures')");
    await p.waitForSelector(".figures-page table.data tbody tr");
    assert.equal(await p.locator(".figures-page table.data tbody tr").count(), 3);
  });

  test("the source comparison keeps its header row and fact column in view while its marks scroll", async () => {
    const p = await open(`#/entity/${fx.entity.KAZ}/sources`, { width: 390, height: 600 });
    await p.waitForSelector("table.matrix td.mark a");
    const wrap = p.locator(".matrix-wrap");
    await wrap.evaluate((el) => {
      el.scrollTop = 240;
      el.scrollLeft = 300;
    });
    const scrolled = await wrap.evaluate((el) => ({ top: el.scrollTop, left: el.scrollLeft }));
    assert.ok(scrolled.top > 0 && scrolled.left > 0, `the table scrolls in its frame: ${JSON.stringify(scrolled)}`);
    const frame = await wrap.evaluate((el) => el.getBoundingClientRect().toJSON());
    const header = await p.locator("table.matrix thead th >> nth=3").evaluate((el) => el.getBoundingClientRect().top);
    const fact = await p
      .locator("table.matrix tbody tr >> nth=8")
      .locator("td >> nth=0")
      .evaluate((el) => el.getBoundingClientRect().left);
    assert.ok(Math.abs(header - frame.top) <= 2, `header row at ${header}, frame top ${frame.top}`);
    assert.ok(Math.abs(fact - frame.left) <= 2, `fact column at ${fact}, frame left ${frame.left}`);
    await screenshot(p, "views-6-compare-sticky");
  });

  test("map: zoom to involved frames the countries that matter; the Soviet Union is outlined over its successors", async () => {
    const p = await open("#/map");
    await p.waitForSelector("svg.world-map path.country.known");
    const box = (key: string) =>
      p.locator(`svg.world-map path.country[data-country='${key}']`).evaluate((el) => {
        const b = (el as SVGGraphicsElement).getBBox();
        return { x0: b.x, y0: b.y, x1: b.x + b.width, y1: b.y + b.height };
      });
    const inView = (b: { x0: number; y0: number; x1: number; y1: number }) =>
      b.x1 > 0 && b.x0 < 960 && b.y1 > 0 && b.y0 < 500;
    assert.ok(inView(await box("country/KAZ")), "Kazakhstan is framed");
    assert.ok(inView(await box("country/UZB")), "Uzbekistan is framed");
    assert.ok(
      !inView(await box("country/BRA")),
      `Brazil, one event far away, is not: ${JSON.stringify(await box("country/BRA"))}`,
    );
    assert.match((await p.locator(".map-out-of-frame").textContent()) ?? "", /out of frame: Brazil/);
    const kazWidth = await box("country/KAZ").then((b) => b.x1 - b.x0);
    assert.ok(kazWidth > 60, `zoomed in: Kazakhstan is ${kazWidth} units wide of 960`);

    const soviet = p.locator("svg.world-map path.historical[data-historical='country/SUN']");
    assert.equal(await soviet.count(), 1, "the Soviet Union is outlined over its successor states");
    assert.match(
      (await p.locator(".map-historical").textContent()) ?? "",
      /Soviet Union \(1 mention; now Armenia, .*Kazakhstan.*Uzbekistan\)/,
    );
    assert.doesNotMatch((await p.locator(".map-page").textContent()) ?? "", /no matching shape\): [^.]*Soviet Union/);
    await screenshot(p, "views-7-map");

    await p.click(".map-out-of-frame a");
    await p.waitForFunction(() => location.hash.includes("fit=world"));
    await p.waitForSelector("svg.world-map path.country.known");
    assert.ok(inView(await box("country/BRA")), "the whole world on request");
  });

  test("no page overflows a 390 px screen", async () => {
    const pages: [string, string][] = [
      ["home", "#/"],
      ["search", "#/search?q=Kazakhstan"],
      ["mentions", `#/search?entity=${fx.entity.KAZ}&kind=sentence`],
      ["entities", "#/entities"],
      ["dossier", `#/entity/${fx.entity.KAZ}`],
      ["sources", `#/entity/${fx.entity.KAZ}/sources`],
      ["graph", `#/graph/${fx.entity.KAZ}`],
      ["timeline", `#/timeline?entity=${fx.entity.KAZ}`],
      ["map", "#/map"],
      ["documents", "#/documents"],
      ["reader", `#/doc/${fx.docs[0]}`],
      ["quotes", "#/quotes"],
      ["figures", "#/figures"],
    ];
    const overflowing: string[] = [];
    for (const [name, hash] of pages) {
      const p = await open(hash, NARROW);
      const width = await p.evaluate(() => document.documentElement.scrollWidth);
      if (width > NARROW.width) {
        const wide = await p.evaluate(
          (limit) =>
            Array.from(document.querySelectorAll("#view *, .topbar *"))
              .filter((e) => e.getBoundingClientRect().right > limit + 0.5)
              .slice(0, 4)
              .map((e) => `${e.tagName.toLowerCase()}.${Array.from(e.classList).join(".")}`),
          NARROW.width,
        );
        overflowing.push(`${hash}: ${width}px (${wide.join(", ")})`);
      }
      await screenshot(p, `views-390-${name}`);
    }
    assert.deepEqual(overflowing, [], "pages wider than the screen");
  });

  test("no view logged an error or a Content-Security-Policy refusal", () => {
    assert.deepEqual(problems, []);
  });
});
