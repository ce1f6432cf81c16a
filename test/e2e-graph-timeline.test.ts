// The graph and timeline views in Debian's Chromium: the graph's legend, its filters (link kind, weight, dates),
// event links off until asked for, sizing and community colours, labels that never overlap, and hundreds of nodes
// that settle and move smoothly; the timeline's axis over the selection's own dates with a volume curve per quad
// class. Screenshots go to test-artifacts/.
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { BrowserContext, Page } from "playwright-core";
import { type RunningServer, startApiServer } from "../src/api/server.js";
import { ARTIFACTS, launch, NEEDS_CHROMIUM, watchProblems } from "./e2e/browser.js";
import { buildDenseStore, type DenseGraph } from "./e2e/dense-graph.js";
import { ARTICLES, type ArticleDef, buildFixtureStore, type Fixture } from "./e2e/fixture.js";
import { tempDir } from "./helpers.js";

if (NEEDS_CHROMIUM) console.log(`# ${NEEDS_CHROMIUM}`);

/** Background and a plan far from the rest: the 2012 exit and a summit planned for 2030. */
const FAR_OFF: ArticleDef = {
  source: "fixtures/eurasia-review/csto-history.txt",
  title: "A short history of the CSTO in Central Asia",
  outlet: "Eurasia Review Desk",
  published: "2024-03-01",
  text: [
    "A short history of the CSTO in Central Asia",
    "Uzbekistan suspended its membership of the Collective Security Treaty Organization in 2012.",
    "Kazakhstan plans to host a CSTO summit in 2030.",
  ].join("\n\n"),
  names: { UZB: ["Uzbekistan"], KAZ: ["Kazakhstan"], CSTO: ["CSTO", "Collective Security Treaty Organization"] },
  events: [
    {
      type: "16",
      actors: ["UZB"],
      targets: ["CSTO"],
      date: "2012",
      at: "suspended its membership",
      trigger: "suspended",
    },
    {
      type: "04",
      actors: ["KAZ"],
      targets: ["CSTO"],
      date: "2030",
      hypothetical: true,
      at: "plans to host",
      trigger: "host",
    },
  ],
};

/** The running cytoscape instance of the graph page (cytoscape registers it on its container). */
const CY = "document.querySelector('.graph-canvas')._cyreg.cy";

describe("graph and timeline views in Chromium", { skip: NEEDS_CHROMIUM }, () => {
  const tmp = tempDir("heartland-e2e-views-");
  let fx: Fixture;
  let dense: DenseGraph;
  let server: RunningServer;
  let denseServer: RunningServer;
  let browser: BrowserContext;
  let problems: string[] = [];

  before(async () => {
    fx = await buildFixtureStore(join(tmp.dir, "views.db"), [...ARTICLES, FAR_OFF]);
    dense = await buildDenseStore(join(tmp.dir, "dense.db"));
    server = await startApiServer({ db: join(tmp.dir, "views.db"), port: 0 });
    denseServer = await startApiServer({ db: join(tmp.dir, "dense.db"), port: 0 });
    browser = await launch(join(tmp.dir, "profile"));
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    await denseServer?.close();
    tmp.cleanup();
  });

  async function open(url: string): Promise<Page> {
    const page = browser.pages()[0] ?? (await browser.newPage());
    await page.goto("about:blank");
    problems = watchProblems(page);
    await page.goto(url);
    return page;
  }

  /** A screenshot of the top of the page down to the chart (the page's long tables below it left out). */
  async function screenshot(page: Page, name: string, upTo: string): Promise<void> {
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.evaluate(() => window.scrollTo(0, 0));
    const bottom = await page.locator(upTo).evaluate((el) => el.getBoundingClientRect().bottom + window.scrollY);
    const width = page.viewportSize()?.width ?? 1366;
    await page.screenshot({
      path: join(ARTIFACTS, `${name}.png`),
      fullPage: true,
      clip: { x: 0, y: 0, width, height: Math.ceil(bottom + 16) },
    });
  }

  /** Polls from here (the page's CSP forbids the string evaluation waitForFunction would need). */
  async function until(ok: () => Promise<boolean>, ms = 5000): Promise<void> {
    for (const end = Date.now() + ms; !(await ok()); ) {
      if (Date.now() > end) throw new Error(`not so after ${ms} ms`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  const visibleEdges = (page: Page) =>
    page.evaluate(`${CY}.edges(':visible').map((e) => ({ id: e.id(), kind: e.data('kind') }))`) as Promise<
      { id: string; kind: string }[]
    >;

  /** Pairs of shown node labels whose boxes overlap, and how many labels are shown. */
  const labelOverlaps = (page: Page) =>
    page.evaluate(`(() => {
      const cy = ${CY};
      const boxes = cy.nodes(':visible').filter((n) => !n.hasClass('label-hidden'))
        .map((n) => n.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false }));
      let overlaps = 0;
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i], b = boxes[j];
          if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) overlaps++;
        }
      return { shown: boxes.length, overlaps, nodes: cy.nodes(':visible').length };
    })()`) as Promise<{ shown: number; overlaps: number; nodes: number }>;

  test("graph: a legend of entity types and link kinds, event links off by default, filters that hide links", async () => {
    const page = await open(`${server.url}#/graph/${fx.entity.KAZ}?depth=2`);
    await page.waitForSelector('.graph-canvas[data-ready="1"]');

    const types = await page
      .locator(".graph-legend [data-legend='nodes'] li")
      .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.type));
    for (const t of ["country", "organization", "person"]) assert.ok(types.includes(t), `legend lists ${t}: ${types}`);
    const kinds = await page
      .locator(".graph-legend [data-legend='edges'] li")
      .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.kind));
    for (const k of ["member_of", "trade_partner", "holds_position"]) assert.ok(kinds.includes(k), `legend: ${kinds}`);

    assert.equal(await page.locator("form.filters input[name='events']").isChecked(), false);
    assert.ok(!kinds.includes("events"), "no event links unless asked for");
    const all = await visibleEdges(page);
    assert.ok(all.length >= 8, `${all.length} links drawn`);
    assert.ok(
      all.every((e) => e.kind === "relation"),
      "every drawn link is a relation",
    );

    // Switching a kind off in the legend hides its links, at once and without a reload.
    await page.uncheck(".graph-legend li[data-kind='member_of'] input");
    const noMember = await visibleEdges(page);
    assert.ok(noMember.length < all.length, `${noMember.length} < ${all.length}`);
    const memberIds = (await page.evaluate(
      `${CY}.edges('[kind = "relation"]').filter((e) => e.data('label').includes('member of')).map((e) => e.id())`,
    )) as string[];
    assert.ok(memberIds.length > 0 && noMember.every((e) => !memberIds.includes(e.id)), "no membership is drawn");
    assert.match(page.url(), /hide=member_of/, "the choice is kept in the address");
    await page.check(".graph-legend li[data-kind='member_of'] input");
    assert.equal((await visibleEdges(page)).length, all.length);

    // Dates: the links reported in 2024 (the SCO summit, Moscow's warning) and nothing from 2023.
    await page.fill(".graph-tools input[name='from']", "2024");
    await page.press(".graph-tools input[name='from']", "Enter");
    const recent = await visibleEdges(page);
    assert.ok(recent.length > 0 && recent.length < all.length, `${recent.length} of ${all.length} links from 2024`);
    const lastDates = (await page.evaluate(
      `(async () => (await (await fetch('/api/entities/${fx.entity.KAZ}/graph?depth=2&events=false')).json()).edges)()`,
    )) as { id: string; last: string | null }[];
    for (const e of recent) {
      assert.ok((lastDates.find((d) => d.id === e.id)?.last ?? "") >= "2024", `${e.id} was reported in 2024`);
    }
    await screenshot(page, "views-1-graph-filtered", ".graph-grid");

    // Sizes follow the links shown: the centre, with the most links, is the largest node.
    await page.fill(".graph-tools input[name='from']", "");
    await page.press(".graph-tools input[name='from']", "Enter");
    const sizes = (await page.evaluate(
      `Object.fromEntries(${CY}.nodes().map((n) => [n.data('entity'), n.data('size')]))`,
    )) as Record<string, number>;
    assert.equal(Math.max(...Object.values(sizes)), sizes[fx.entity.KAZ], "Kazakhstan has the most links");

    // Event links only when asked for, and then listed in the legend.
    await page.check("form.filters input[name='events']");
    await page.click("form.filters button[type='submit']");
    await page.waitForURL(/events=true/);
    await page.waitForSelector(".graph-legend li[data-kind='events']");
    await page.waitForSelector('.graph-canvas[data-ready="1"]');
    const withEvents = await visibleEdges(page);
    assert.ok(withEvents.some((e) => e.kind === "event"));
    await screenshot(page, "views-2-graph-events", ".graph-grid");
    assert.deepEqual(problems, [], "no console errors and no Content-Security-Policy refusals");
  });

  test("graph: hundreds of nodes settle quickly, labels never overlap, weight and communities", async (t) => {
    const started = Date.now();
    const page = await open(`${denseServer.url}#/graph/${dense.root}?depth=2&nodes=400`);
    await page.waitForSelector('.graph-canvas[data-ready="1"]', { timeout: 30_000 });
    const settled = Date.now() - started;
    const labels = await labelOverlaps(page);
    assert.ok(labels.nodes >= 250, `${labels.nodes} nodes drawn`);
    assert.ok(settled < 20_000, `laid out and drawn in ${settled} ms`);
    assert.equal(labels.overlaps, 0, `${labels.shown} labels shown, none over another`);
    assert.ok(labels.shown >= 8, `${labels.shown} labels fit`);

    // Zooming in makes room for more labels, still without overlaps.
    await page.evaluate(
      `(() => { const cy = ${CY}; cy.zoom({ level: cy.zoom() * 3, renderedPosition: { x: 300, y: 300 } }); })()`,
    );
    await until(async () => (await labelOverlaps(page)).shown > labels.shown);
    const zoomed = await labelOverlaps(page);
    assert.equal(zoomed.overlaps, 0);
    assert.ok(zoomed.shown > labels.shown, `${zoomed.shown} labels once zoomed in, ${labels.shown} before`);

    // Smooth: panning redraws well within a frame budget a person notices.
    const frame = (await page.evaluate(`(async () => {
      const cy = ${CY};
      const times = [];
      for (let i = 0; i < 20; i++) {
        const t = performance.now();
        cy.panBy({ x: 7, y: 3 });
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      return times[10];
    })()`)) as number;
    assert.ok(frame < 120, `median ${frame.toFixed(1)} ms per panned frame`);
    t.diagnostic(
      `${labels.nodes} nodes drawn in ${settled} ms; ${labels.shown} labels; ${frame.toFixed(1)} ms per panned frame`,
    );
    await page.click(".page-header button:text-is('Fit')");
    await page.waitForTimeout(400); // labels are placed again once the zoom settles
    await screenshot(page, "views-3-graph-dense", ".graph-grid");

    // Least weight 2: only the memberships restated a year on (two independent sources) stay.
    const before = (await visibleEdges(page)).length;
    await page.locator(".graph-tools input[name='min']").fill("2");
    const heavy = (await visibleEdges(page)).length;
    assert.ok(heavy > 0 && heavy < before, `${heavy} of ${before} links have two sources`);
    await page.locator(".graph-tools input[name='min']").fill("1");

    // Communities: each bloc's members share a colour, and the legend names the communities.
    await page.selectOption(".graph-tools select[name='colour']", "community");
    await page.waitForSelector(".graph-legend li[data-community]");
    const communities = await page.locator(".graph-legend li[data-community]").count();
    assert.ok(communities >= 4, `${communities} communities in the legend`);
    const share = (await page.evaluate(`(() => {
      const cy = ${CY};
      const blocs = new Map();
      for (const e of cy.edges().filter((e) => e.data('label') === 'member of')) {
        const bloc = e.target().id();
        if (!blocs.has(bloc)) blocs.set(bloc, new Map());
        const colours = blocs.get(bloc);
        const c = e.source().data('colour');
        colours.set(c, (colours.get(c) || 0) + 1);
      }
      let same = 0, all = 0;
      for (const colours of blocs.values()) {
        same += Math.max(...colours.values());
        for (const n of colours.values()) all += n;
      }
      return same / all;
    })()`)) as number;
    assert.ok(share > 0.8, `${Math.round(share * 100)}% of members share their bloc's colour`);
    const again = await labelOverlaps(page);
    assert.equal(again.overlaps, 0);
    await screenshot(page, "views-4-graph-communities", ".graph-grid");
    assert.deepEqual(problems, [], "no console errors and no Content-Security-Policy refusals");
  });

  test("timeline: the axis runs over the selection's own dates, far-off events sit beside it", async () => {
    const page = await open(`${server.url}#/timeline`);
    await page.waitForSelector("svg.timeline-axis .event-mark");
    const axis = page.locator("svg.timeline-axis");
    const [start, end] = [await axis.getAttribute("data-start"), await axis.getAttribute("data-end")];
    // The fixture's dated events run from May 2023 to July 2024, with one in 2012 and a plan for 2030.
    assert.ok(start && start >= "2023-05-01" && start <= "2023-05-17", `axis starts ${start}`);
    assert.ok(end && end >= "2024-07-04" && end <= "2024-07-31", `axis ends ${end}`);
    const ticks = await page.locator("svg.timeline-axis .tick-label").allTextContents();
    assert.ok(!ticks.some((t) => /2012|2030/.test(t)), `no tick in the far-off years: ${ticks.join(" ")}`);
    // The far-off events are still there, to the sides, and still lead to their entries.
    assert.deepEqual(
      await page
        .locator("svg.timeline-axis .gutter + text")
        .evaluateAll((els) => els.map((e) => e.firstChild?.textContent)),
      ["earlier", "later"],
    );
    const outside = page.locator("svg.timeline-axis .event-mark.outside");
    assert.equal(await outside.count(), 2);
    await outside.first().click();
    await page.waitForSelector(".timeline-item.picked");

    // A volume curve per quad class above the marks, for each class with events on the axis.
    const curves = await page
      .locator("svg.timeline-axis path.volume")
      .evaluateAll((els) =>
        els.map((e) => ({ quad: e.getAttribute("data-quad"), total: Number(e.getAttribute("data-total")) })),
      );
    const quads = await page
      .locator("svg.timeline-axis .event-mark:not(.outside)")
      .evaluateAll((els) => [...new Set(els.map((e) => /quad-([a-z-]+)/.exec(e.getAttribute("class") ?? "")?.[1]))]);
    assert.equal(quads.length, 3, "the fixture has verbal cooperation and both kinds of conflict");
    assert.deepEqual(curves.map((c) => c.quad).sort(), quads.sort());
    const onAxis = await page.locator("svg.timeline-axis .event-mark:not(.outside)").count();
    const total = curves.reduce((s, c) => s + c.total, 0);
    assert.ok(Math.abs(total - onAxis) < 0.01, `the curves count the ${onAxis} events on the axis (${total})`);
    const bandBottom = await page.locator("svg.timeline-axis .volume-band").evaluate((r) => {
      const b = (r as SVGGraphicsElement).getBBox();
      return b.y + b.height;
    });
    const firstMark = await page
      .locator("svg.timeline-axis .event-mark")
      .evaluateAll((els) => Math.min(...els.map((e) => (e as SVGGraphicsElement).getBBox().y)));
    assert.ok(bandBottom <= firstMark, "the curves sit above the marks");
    await screenshot(page, "views-5-timeline", ".chart-card");

    // A typed range is the axis; the denied and hypothetical switches work as before.
    await page.goto(`${server.url}#/timeline?from=2023-09&to=2024-02&negated=false&hypothetical=false`);
    await page.waitForSelector("svg.timeline-axis .event-mark");
    assert.equal(await axis.getAttribute("data-start"), "2023-09-01");
    assert.equal(await axis.getAttribute("data-end"), "2024-02-29");
    assert.equal(await page.locator(".event-mark.negated, .event-mark.hypothetical").count(), 0);
    assert.equal(await page.locator("form.filters input[name='denied']").isChecked(), false);
    assert.equal(await page.locator("form.filters input[name='hypothetical']").isChecked(), false);
    await screenshot(page, "views-6-timeline-range", ".chart-card");
    assert.deepEqual(problems, [], "no console errors and no Content-Security-Policy refusals");
  });
});
