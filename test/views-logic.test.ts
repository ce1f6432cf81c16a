// The pure parts of the graph and timeline views: communities, label fitting, the timeline's axis and its volume
// curves (the views themselves are tested in Chromium: e2e-graph-timeline.test.ts).
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { communities } from "../web/src/graph/communities.js";
import { fitLabels } from "../web/src/graph/labels.js";
import { timeDomain } from "../web/src/timeline/domain.js";
import { volume } from "../web/src/timeline/volume.js";

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

describe("communities", () => {
  test("two triangles joined by one link are two communities, the larger first", () => {
    const links = [
      [1, 2],
      [2, 3],
      [1, 3],
      [4, 5],
      [5, 6],
      [4, 6],
      [6, 7],
      [4, 7],
      [3, 4],
    ].map(([a, b]) => ({ a: a as number, b: b as number, w: 1 }));
    const c = communities([1, 2, 3, 4, 5, 6, 7, 8], links);
    assert.equal(c.get(1), c.get(2));
    assert.equal(c.get(2), c.get(3));
    assert.equal(c.get(4), c.get(7));
    assert.notEqual(c.get(1), c.get(4));
    assert.equal(c.get(4), 0, "the four-node group is the largest");
    assert.ok(![c.get(1), c.get(4)].includes(c.get(8)), "a node without links is a community of its own");
  });
});

describe("fitLabels", () => {
  const box = (x: number, y: number, w = 40, hgt = 10) => ({ x1: x, y1: y, x2: x + w, y2: y + hgt });
  test("places labels in order, each where it covers no placed label or labelled node, or nowhere", () => {
    const placed = fitLabels([
      { key: "a", labels: [box(0, 10)], body: box(15, 0, 10, 10) },
      { key: "b", labels: [box(30, 12), box(30, -20)], body: box(45, 2, 10, 10) }, // below: over a's label
      { key: "c", labels: [box(100, 10)], body: box(115, 0, 10, 10) },
      { key: "d", labels: [box(200, 10)], body: box(118, 15, 10, 10) }, // its node sits on c's label
      { key: "e", labels: [box(0, 12), box(20, 8)], body: box(300, 0, 10, 10) }, // nowhere free
    ]);
    assert.deepEqual(
      [...placed],
      [
        ["a", 0],
        ["b", 1],
        ["c", 0],
      ],
    );
  });
});

describe("timeDomain", () => {
  test("runs from the first to the last date", () => {
    const d = timeDomain(["2023-05-17", "2023-09", "2024-07-04"]);
    assert.deepEqual(d, { start: day("2023-05-17"), end: day("2024-07-05") });
  });
  test("leaves far-off background and plans out of the axis, and dates known only to the year", () => {
    const dates = [
      "2012",
      "2013-09",
      "2021",
      "2025",
      ...Array.from({ length: 12 }, (_, i) => `2022-${String(i + 1).padStart(2, "0")}-15`),
      "2024-10-06",
    ];
    const d = timeDomain(dates);
    assert.deepEqual(d, { start: day("2022-01-15"), end: day("2024-10-07") });
  });
  test("keeps two comparable clusters", () => {
    const d = timeDomain(["2023-05", "2023-05-17", "2023-09-01", "2024-02-09", "2024-07-04"]);
    assert.equal(d?.start, day("2023-05-01"));
    assert.equal(d?.end, day("2024-07-05"));
  });
  test("a typed range is the axis; one typed bound replaces the computed one", () => {
    assert.deepEqual(timeDomain(["2023-05-17"], "2022", "2024-02"), {
      start: day("2022-01-01"),
      end: day("2024-03-01"),
    });
    assert.deepEqual(timeDomain(["2023-05-17", "2023-06-01"], "2023-05"), {
      start: day("2023-05-01"),
      end: day("2023-06-02"),
    });
    assert.equal(timeDomain([]), null);
  });
  test("years alone still make an axis", () => {
    assert.deepEqual(timeDomain(["2019", "2020"]), { start: day("2019-01-01"), end: day("2021-01-01") });
  });
});

describe("volume", () => {
  test("counts each event once, spreading a month over the weeks it covers", () => {
    const d = { start: day("2023-05-01"), end: day("2023-07-01") };
    const v = volume(
      [
        { date: "2023-05-17", quad: "verbal-cooperation" },
        { date: "2023-06", quad: "verbal-cooperation" },
        { date: "2023-06-02", quad: "material-conflict" },
        { date: "2024-01-01", quad: "material-conflict" },
      ],
      d,
    );
    assert.equal(v.unit, "week");
    const sum = (q: string) => (v.counts.get(q) ?? []).reduce((s, n) => s + n, 0);
    assert.ok(Math.abs(sum("verbal-cooperation") - 2) < 1e-9);
    assert.ok(Math.abs(sum("material-conflict") - 1) < 1e-9, "the event off the axis is not counted");
    assert.equal(v.edges[0], day("2023-05-01"), "weeks start on Monday");
  });
});
