// End to end in Debian's Chromium: search → entity page → graph → timeline → evidence in the document reader,
// with a screenshot of each page in test-artifacts/; and hostile articles that must not run anything.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { BrowserContext, Page } from "playwright-core";
import { type RunningServer, startApiServer } from "../src/api/server.js";
import { launch, NEEDS_CHROMIUM, screenshot, watchProblems } from "./e2e/browser.js";
import { buildFixtureStore, type Fixture } from "./e2e/fixture.js";
import { HOSTILE_ENTITY_NAME, storeHostileArticle, writeHostileFiles } from "./e2e/hostile.js";
import { runCli, tempDir } from "./helpers.js";

if (NEEDS_CHROMIUM) console.log(`# ${NEEDS_CHROMIUM}`);

describe("explorer in Chromium", { skip: NEEDS_CHROMIUM }, () => {
  const tmp = tempDir("heartland-e2e-");
  const db = join(tmp.dir, "e2e.db");
  let fx: Fixture;
  let hostile: { doc: string; entity: number };
  let server: RunningServer;
  let browser: BrowserContext;

  before(async () => {
    fx = await buildFixtureStore(db);
    hostile = await storeHostileArticle(db);
    const ingest = await runCli(["--db", db, "ingest", ...writeHostileFiles(tmp.dir)]);
    assert.equal(ingest.code, 0, ingest.stdout + ingest.stderr);
    server = await startApiServer({ db, port: 0 });
    browser = await launch(join(tmp.dir, "profile"));
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    tmp.cleanup();
  });

  async function open(hash: string): Promise<Page> {
    const page = browser.pages()[0] ?? (await browser.newPage());
    await page.goto(`${server.url}${hash}`);
    return page;
  }

  test("search → entity page → graph → timeline → evidence in the reader", async () => {
    const page = await open("#/");
    const problems = watchProblems(page);
    await page.reload();
    await page.waitForSelector(".hero");

    await page.fill(".quick-search input", "Kazakhstan");
    await page.press(".quick-search input", "Enter");
    await page.waitForSelector(".results-entities a.entity-hit");
    await page.waitForSelector(".sentence-hits mark");
    await screenshot(page, "e2e-1-search");

    await page.click(`.results-entities a.entity-hit[data-entity="${fx.entity.KAZ}"]`);
    await page.waitForSelector(".entity-page .relation-group");
    assert.match((await page.locator(".entity-page h1").textContent()) ?? "", /Kazakhstan/);
    const groups = await page.locator(".relation-group h3").allTextContents();
    assert.ok(
      groups.some((g) => /member of/.test(g)),
      groups.join(" | "),
    );
    assert.ok((await page.locator(".entity-page .evidence-link").count()) > 5, "facts link to their evidence");
    await screenshot(page, "e2e-2-entity");

    await page.click('.page-header a.btn:text-is("Graph")');
    await page.waitForSelector('.graph-canvas[data-ready="1"]');
    await page.waitForSelector(".graph-canvas canvas");
    const download = page.waitForEvent("download");
    await page.click(".page-header button[data-csv]");
    const csv = readFileSync((await (await download).path()) as string, "utf8");
    assert.match(csv.split("\r\n")[0] ?? "", /^id,kind,type,source_id,source,target_id,target/);
    assert.match(csv, /member_of/);
    await page.click('button[data-edge^="r"] >> nth=0');
    await page.waitForSelector(".graph-side .evidence-link");
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, "e2e-3-graph");

    await page.click('.page-header a.btn:text-is("Timeline")');
    await page.waitForSelector("svg.timeline-axis .event-mark");
    const items = await page.locator(".timeline-item").count();
    assert.ok(items >= 6, `${items} events on Kazakhstan's timeline`);
    await screenshot(page, "e2e-4-timeline");

    const evidence = page.locator(".timeline-item .evidence-link").first();
    const sentence = (await evidence.getAttribute("title")) ?? "";
    assert.ok(sentence.length > 20);
    await evidence.click();
    await page.waitForSelector("#reader-target");
    const marked = (await page.locator(".reader-text .ev.target").allTextContents()).join("");
    assert.equal(
      marked.replace(/\s+/g, " ").trim(),
      sentence.replace(/\s+/g, " ").trim(),
      "the opened span is the evidence",
    );
    const box = await page.locator("#reader-target").boundingBox();
    const viewport = page.viewportSize();
    assert.ok(box && viewport && box.y >= 0 && box.y < viewport.height, "the reader scrolled to the evidence");
    await page.waitForSelector(".selection li.fact");
    await screenshot(page, "e2e-5-reader");

    await page.goto(`${server.url}#/map`);
    await page.waitForSelector("svg.world-map path.country.known");
    assert.ok((await page.locator("svg.world-map path.country.known").count()) >= 5, "every fixture country is placed");
    // Places of events as circles over the countries: the fixture's event in Osh is placed; Astana is not in the
    // gazetteer under that name (it lists Nur-Sultan) and the fixture's entity has no knowledge-base aliases.
    const osh = page.locator("svg.world-map circle.place[data-place='location/osh']");
    await osh.waitFor();
    assert.match((await osh.locator("title").textContent()) ?? "", /^Osh: \d+ events?/);
    assert.match((await page.locator(".map-places-legend").textContent()) ?? "", /places? of events/);
    await screenshot(page, "e2e-6-map");

    await page.goto(`${server.url}#/entity/${fx.entity.KAZ}/sources`);
    await page.waitForSelector("table.matrix td.mark a");
    await screenshot(page, "e2e-7-sources");

    assert.deepEqual(problems, [], "no console errors and no Content-Security-Policy refusals");
  });

  test('an event dated by its report\'s publication reads "reported on" on the timeline', async () => {
    const page = await open("#/timeline");
    await page.waitForSelector(".timeline-item time");
    const dates = await page.locator(".timeline-item time").allTextContents();
    assert.ok(dates.includes("reported on 4 Jul 2024"), dates.join(" | "));
    assert.ok(dates.includes("17 May 2023"), "a date the text states reads as a date");
  });

  test("hostile article text, titles and names never run", async () => {
    const page = await open("#/");
    const problems = watchProblems(page);
    const dialogs: string[] = [];
    page.on("dialog", async (d) => {
      dialogs.push(d.message());
      await d.dismiss();
    });
    const pwned = () => page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);
    const injected = () =>
      page.evaluate(
        () =>
          document.querySelectorAll(
            "#view script, #view iframe, #view img, #view svg [onload], #view [onerror], #view [onload], #view [onmouseover], a[href^='javascript:' i], a[href^='data:' i]",
          ).length,
      );

    await page.goto("about:blank");
    const response = await page.goto(`${server.url}#/doc/${hostile.doc}`);
    assert.match(response?.headers()["content-security-policy"] ?? "", /script-src 'self'/);
    await page.waitForSelector(".reader-text p");
    const text = (await page.locator(".reader-text").textContent()) ?? "";
    assert.match(text, /<script>window\.__pwned = "script"<\/script>/, "markup shows as text");
    assert.match(text, /onerror="window\.__pwned='img'"/);
    assert.match((await page.locator(".page-header h1").textContent()) ?? "", /<script>/);
    await page.hover(".reader-text >> text=hover here");
    await page.click(".reader-text >> text=click here");
    await page.click(".ev >> nth=0");
    assert.equal(await injected(), 0);

    const ingested = await page.evaluate(async () => {
      const r = await fetch("/api/documents?source=hostile");
      return ((await r.json()) as { items: { id: string; title: string }[] }).items;
    });
    assert.equal(ingested.length, 3, "the .txt, .md and .html files went through `heartland ingest`");
    for (const d of ingested) {
      await page.goto(`${server.url}#/doc/${d.id}`);
      await page.waitForSelector(".reader-text p");
      await page.click(".reader-text p >> nth=0");
      assert.equal(await injected(), 0, d.title);
    }

    for (const hash of [
      `#/entity/${hostile.entity}`,
      `#/entity/${hostile.entity}/sources`,
      `#/graph/${hostile.entity}`,
      `#/timeline?entity=${hostile.entity}`,
      "#/search?q=pwned",
      "#/documents",
      "#/entities",
      "#/",
    ]) {
      await page.goto(`${server.url}${hash}`);
      await page.waitForSelector("#view > :not(.loading)");
      await page.waitForLoadState("networkidle");
      assert.equal(await injected(), 0, hash);
    }
    await page.goto(`${server.url}#/entity/${hostile.entity}`);
    await page.waitForSelector(".entity-page h1");
    const heading = (await page.locator(".entity-page h1").textContent()) ?? "";
    assert.ok(heading.includes(HOSTILE_ENTITY_NAME), "the hostile name shows as text");

    assert.equal(await pwned(), undefined, "no payload ran");
    assert.deepEqual(dialogs, [], "no dialog opened");
    assert.deepEqual(
      problems.filter((p) => !/favicon/.test(p)),
      [],
      "nothing was even attempted: no CSP refusals or errors",
    );
    await screenshot(page, "e2e-8-hostile-entity");
    await page.goto(`${server.url}#/doc/${hostile.doc}`);
    await page.waitForSelector(".reader-text p");
    await screenshot(page, "e2e-9-hostile-reader");
  });
});
