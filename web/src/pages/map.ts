// The map: countries shaded by how involved they are, drawn offline from world-atlas with d3-geo, and the places
// of events as circles (placed by the server's gazetteer, /api/map/places).
import type { GeoPermissibleObjects } from "d3-geo";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import type { Topology } from "topojson-specification";
import { api, type CountryInvolvement, type EntitySummary, type MapPlaces, type PlacedPlace } from "../api.js";
import { entityLink, muted, pageHeader, section } from "../components.js";
import { clear, h, svg } from "../dom.js";
import { plural } from "../format.js";
import { COUNTRY_CODES } from "../map/country-codes.js";
import { pointsThatMatter } from "../map/framing.js";
import { entityPicker } from "../picker.js";
import { link, navigate, positiveInt, type Route } from "../router.js";
import { dataTable } from "../table.js";
import type { View } from "../view.js";

type Metric = "involvement" | "mentions" | "documents" | "events" | "relations" | "shared";
const METRICS: Record<Metric, string> = {
  involvement: "Events and relations",
  events: "Events",
  relations: "Relations",
  mentions: "Mentions",
  documents: "Documents",
  shared: "Shared with the chosen entity",
};

const value = (c: CountryInvolvement, m: Metric) => (m === "involvement" ? c.events + c.relations : c[m]);

const norm = (s: string) =>
  s
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z]+/g, " ")
    .trim();

/** world-atlas ids are ISO 3166 numeric codes; entities carry alpha-3 in their key, or at least a name. */
function atlasIdFinder(features: Feature[]): (c: CountryInvolvement) => string | null {
  const byA3 = new Map(COUNTRY_CODES.map(([a3, n3]) => [a3, n3]));
  const byName = new Map<string, string>();
  for (const [, n3, names] of COUNTRY_CODES) for (const n of names) byName.set(norm(n), n3);
  const atlasByName = new Map<string, string>();
  for (const f of features) {
    const name = (f.properties as { name?: string } | null)?.name;
    if (name) atlasByName.set(norm(name), String(f.id ?? `name:${name}`));
  }
  return (c) => {
    const a3 = /^country\/([A-Z]{3})$/.exec(c.key)?.[1];
    return (a3 && byA3.get(a3)) || byName.get(norm(c.name)) || atlasByName.get(norm(c.name)) || null;
  };
}

/** A country's English name from its key (country/KAZ → Kazakhstan). */
function countryName(key: string): string {
  const a3 = key.replace(/^country\//, "");
  return COUNTRY_CODES.find(([code]) => code === a3)?.[2][0] ?? a3;
}

const centroidOf = ([lon, lat]: [number, number]) => ({ lon, lat });

const NO_PLACES: MapPlaces = { focus: null, places: [], unplaced: [] };

/** Circle radius in map units (the map is 960 wide): 5 for one event up to 16 for the busiest place. */
const radius = (events: number, max: number) => 5 + 11 * Math.sqrt(Math.max(0, events) / Math.max(1, max));

const placeCounts = (p: PlacedPlace) =>
  `${plural(p.events, "event")} · ${plural(p.mentions, "mention")} in ${plural(p.documents, "document")}`;

/** Light to dark teal, on a square-root scale so one dominant country does not wash out the rest. */
function shade(v: number, max: number): string {
  if (v <= 0 || max <= 0) return "#eef0f2";
  const t = Math.sqrt(v / max);
  const from = [214, 234, 236];
  const to = [20, 62, 80];
  const c = from.map((f, i) => Math.round(f + ((to[i] as number) - f) * t));
  return `rgb(${c.join(",")})`;
}

/** Names joined, the first 20 of a long list and a count of the rest. */
function listNames(names: string[]): string {
  const shown = names.slice(0, 20).join(", ");
  return names.length > 20 ? `${shown} and ${names.length - 20} more` : shown;
}

export async function mapView(route: Route): Promise<View> {
  const q = route.query;
  const focusId = positiveInt(q.get("entity"));
  const [
    { geoCentroid, geoNaturalEarth1, geoPath, geoGraticule10 },
    { feature, merge },
    atlasUrl,
    data,
    focus,
    placeData,
  ] = await Promise.all([
    import("d3-geo"),
    import("topojson-client"),
    import("world-atlas/countries-110m.json?url"),
    api.map({ entity: focusId }),
    focusId ? api.dossier(focusId).then((d) => d.entity as EntitySummary) : Promise.resolve(null),
    // The countries still draw if the places cannot be read.
    api.mapPlaces({ entity: focusId }).catch(() => NO_PLACES),
  ]);
  // Busiest first, so smaller circles are drawn over larger ones.
  const places = [...placeData.places].sort((a, b) => b.events - a.events || a.name.localeCompare(b.name));
  const maxEvents = Math.max(1, ...places.map((p) => p.events));
  const topo = (await fetch(atlasUrl.default).then((r) => r.json())) as Topology;
  const world = feature(topo, topo.objects.countries as never) as unknown as FeatureCollection<Geometry>;
  const findId = atlasIdFinder(world.features);
  const countries = data.countries;
  const requested = q.get("metric") as Metric | null;
  let metric: Metric = requested && requested in METRICS ? requested : focus ? "shared" : "involvement";
  if (!requested && metric === "involvement" && countries.every((c) => value(c, "involvement") === 0))
    metric = "mentions";
  const byAtlas = new Map<string, CountryInvolvement>();
  const unplaced: CountryInvolvement[] = [];
  // Former states have no shape of their own: they are outlined over their successors and listed apart.
  const historical = countries.filter((c) => c.successors?.length && c.mentions > 0);
  for (const c of countries) {
    if (c.successors?.length) continue;
    const id = findId(c);
    if (id) byAtlas.set(id, c);
    else unplaced.push(c);
  }
  const max = Math.max(0, ...countries.map((c) => value(c, metric)));
  const fitData = q.get("fit") !== "world";
  const W = 960;
  const H = 500;
  const withData = world.features.filter((f) => {
    const c = byAtlas.get(String(f.id));
    return c && value(c, metric) > 0;
  });
  const projection = geoNaturalEarth1();
  const worldScale = projection
    .fitExtent(
      [
        [10, 10],
        [W - 10, H - 10],
      ],
      { type: "Sphere" },
    )
    .scale();
  const focusFeature = focus ? world.features.find((f) => byAtlas.get(String(f.id))?.id === focus.id) : undefined;
  // Countries and places weighted by the metric (places by their events); far ones of little weight are not framed.
  const { framed, left: outOfFrame } = pointsThatMatter([
    ...withData.map((f) => {
      const [lon, lat] = geoCentroid(f);
      const c = byAtlas.get(String(f.id)) as CountryInvolvement;
      return { lon, lat, weight: value(c, metric), keep: f === focusFeature, feature: f, name: c.name };
    }),
    ...(focusFeature && !withData.includes(focusFeature)
      ? [{ ...centroidOf(geoCentroid(focusFeature)), weight: 0, keep: true, feature: focusFeature, name: "" }]
      : []),
    ...places.map((p) => ({ lon: p.lon, lat: p.lat, weight: p.events, keep: p.id === focus?.id, name: p.name })),
  ]);
  const fitSet = framed.flatMap((p) => ("feature" in p && p.feature ? [p.feature] : []));
  if (fitData && framed.length) {
    // Fit to the countries' centres, not their outlines: Russia's outline spans the antimeridian. Places count too.
    const centres = framed.map((p) => [p.lon, p.lat] as [number, number]);
    const lon =
      (Math.atan2(
        centres.reduce((a, c) => a + Math.sin((c[0] * Math.PI) / 180), 0),
        centres.reduce((a, c) => a + Math.cos((c[0] * Math.PI) / 180), 0),
      ) *
        180) /
      Math.PI;
    // Centre on the countries' longitude unless they wrap half the globe (then a split shape would show twice).
    const spread = Math.max(...centres.map((c) => Math.abs(((c[0] - lon + 540) % 360) - 180)));
    projection.rotate([spread < 100 ? -lon : 0, 0]);
    const one = fitSet.length === 1 && framed.length === 1;
    const target: GeoPermissibleObjects = one ? (fitSet[0] as Feature) : { type: "MultiPoint", coordinates: centres };
    const inset = one ? 0.3 : 0.27;
    projection.fitExtent(
      [
        [W * inset, H * inset],
        [W * (1 - inset), H * (1 - inset)],
      ],
      target,
    );
    const scale = Math.min(Math.max(projection.scale(), worldScale), worldScale * 8);
    if (scale !== projection.scale()) {
      // Keep the countries centred when the zoom is capped.
      projection.scale(scale);
      const [[x0, y0], [x1, y1]] = geoPath(projection).bounds(target);
      const [tx, ty] = projection.translate();
      projection.translate([tx + W / 2 - (x0 + x1) / 2, ty + H / 2 - (y0 + y1) / 2]);
    }
    // No empty band beside the globe: centre it where it is smaller than the frame, else keep the frame filled.
    const [[sx0, sy0], [sx1, sy1]] = geoPath(projection).bounds({ type: "Sphere" });
    const shift = (lo: number, hi: number, size: number) =>
      hi - lo < size ? size / 2 - (lo + hi) / 2 : lo > 0 ? -lo : hi < size ? size - hi : 0;
    const [tx, ty] = projection.translate();
    projection.translate([tx + shift(sx0, sx1, W), ty + shift(sy0, sy1, H)]);
  }
  const path = geoPath(projection);
  const info = h(
    "div",
    { class: "map-info" },
    muted("Point at a country or a place to see its figures; click to open its dossier."),
  );
  const describe = (name: string, c: CountryInvolvement | undefined) => {
    clear(info);
    if (!c) {
      info.append(h("strong", null, name), h("p", { class: "muted" }, "Not in the knowledge base."));
      return;
    }
    info.append(
      h("strong", null, entityLink(c)),
      h(
        "p",
        { class: "muted" },
        `${plural(c.events, "event")} · ${plural(c.relations, "relation")} · ${plural(c.mentions, "mention")} in ${plural(c.documents, "document")}`,
        focus ? ` · ${c.shared} shared with ${focus.name}` : "",
      ),
    );
  };
  const map = svg("svg", {
    viewBox: `0 0 ${W} ${H}`,
    class: "world-map",
    role: "img",
    "aria-label": `World map shaded by ${METRICS[metric].toLowerCase()}`,
  });
  map.append(
    svg("path", { d: path({ type: "Sphere" }) ?? "", class: "sphere" }),
    svg("path", { d: path(geoGraticule10()) ?? "", class: "graticule" }),
  );
  for (const f of world.features) {
    const name = (f.properties as { name?: string } | null)?.name ?? "";
    const c = byAtlas.get(String(f.id));
    const v = c ? value(c, metric) : 0;
    const shape = svg("path", {
      d: path(f) ?? "",
      fill: shade(v, max),
      class: `country${c ? " known" : ""}${c && focus && c.id === focus.id ? " focus" : ""}`,
      "data-country": c?.key ?? "",
    });
    shape.append(svg("title", {}, c ? `${c.name}: ${v} (${METRICS[metric].toLowerCase()})` : name));
    shape.addEventListener("mouseenter", () => describe(name, c));
    if (c) {
      shape.setAttribute("tabindex", "0");
      shape.addEventListener("focus", () => describe(name, c));
      shape.addEventListener("click", () => navigate(`entity/${c.id}`));
    }
    map.append(shape);
  }
  for (const c of historical) {
    const atlasIds = new Set((c.successors ?? []).map((k) => findId({ ...c, key: k, name: "" })));
    const shapes = (topo.objects.countries as unknown as { geometries: { id?: string | number }[] }).geometries.filter(
      (g) => atlasIds.has(String(g.id)),
    );
    if (!shapes.length) continue;
    const outline = svg("path", {
      d: path(merge(topo, shapes as never) as GeoPermissibleObjects) ?? "",
      class: "historical",
      "data-historical": c.key,
    });
    outline.append(svg("title", {}, `${c.name} (historical): ${plural(c.mentions, "mention")}`));
    map.append(outline);
  }
  const describePlace = (p: PlacedPlace) => {
    clear(info);
    info.append(
      h("strong", null, entityLink({ ...p, type: "location", qid: null })),
      h("p", { class: "muted" }, placeCounts(p)),
    );
  };
  for (const p of places) {
    const at = projection([p.lon, p.lat]);
    if (!at) continue;
    const mark = svg("circle", {
      cx: at[0].toFixed(1),
      cy: at[1].toFixed(1),
      r: radius(p.events, maxEvents).toFixed(1),
      class: `place${focus && p.id === focus.id ? " focus" : ""}`,
      fill: "#c2571a",
      "fill-opacity": "0.75",
      stroke: focus && p.id === focus.id ? "#b8860b" : "#ffffff",
      "stroke-width": focus && p.id === focus.id ? "2.5" : "1.2",
      cursor: "pointer",
      tabindex: "0",
      "data-place": p.key,
    });
    mark.append(svg("title", {}, `${p.name}: ${placeCounts(p)}`));
    mark.addEventListener("mouseenter", () => describePlace(p));
    mark.addEventListener("focus", () => describePlace(p));
    mark.addEventListener("click", () => navigate(`entity/${p.id}`));
    map.append(mark);
  }
  const legend = svg("svg", { viewBox: "0 0 220 34", class: "map-legend", "aria-hidden": "true" });
  const grad = svg("linearGradient", { id: "legend-gradient" });
  for (let i = 0; i <= 10; i++) {
    grad.append(svg("stop", { offset: `${i * 10}%`, "stop-color": shade(max * (i / 10) ** 2, max) }));
  }
  legend.append(
    svg("defs", {}, grad),
    svg("rect", { x: 0, y: 0, width: 220, height: 12, fill: "url(#legend-gradient)" }),
    svg("text", { x: 0, y: 28 }, "0"),
    svg("text", { x: 220, y: 28, "text-anchor": "end" }, String(max)),
  );
  const controls = h(
    "form",
    { class: "filters", onsubmit: (e: Event) => e.preventDefault() },
    h(
      "div",
      { class: "filter-row" },
      h(
        "label",
        { class: "field" },
        h("span", null, "Involvement with"),
        entityPicker(focus, (e) => navigate("map", { entity: e?.id ?? null, fit: q.get("fit") }), "Anyone"),
      ),
      h(
        "label",
        { class: "field" },
        h("span", null, "Shade by"),
        h(
          "select",
          {
            onchange: (e: Event) =>
              navigate("map", { entity: focusId, metric: (e.target as HTMLSelectElement).value, fit: q.get("fit") }),
          },
          (Object.keys(METRICS) as Metric[])
            .filter((m) => m !== "shared" || focus)
            .map((m) => h("option", { value: m, selected: m === metric }, METRICS[m])),
        ),
      ),
      h(
        "label",
        { class: "field inline" },
        h("input", {
          type: "checkbox",
          checked: fitData,
          onchange: (e: Event) =>
            navigate("map", {
              entity: focusId,
              metric: requested,
              fit: (e.target as HTMLInputElement).checked ? null : "world",
            }),
        }),
        " zoom to the countries involved",
      ),
    ),
  );
  const involved = countries.filter((c) => value(c, metric) > 0).sort((a, b) => value(b, metric) - value(a, metric));
  const el = h(
    "div",
    { class: "map-page" },
    pageHeader(
      focus ? ["Map: involvement with ", entityLink(focus)] : "Map",
      `${plural(involved.length, "country", "countries")} involved, shaded by ${METRICS[metric].toLowerCase()}`,
    ),
    controls,
    h("section", { class: "card map-card" }, map, h("div", { class: "map-foot" }, info, legend)),
    places.length
      ? h(
          "p",
          { class: "muted map-places-legend" },
          svg(
            "svg",
            { viewBox: "0 0 12 12", width: "12", height: "12", "aria-hidden": "true" },
            svg("circle", { cx: "6", cy: "6", r: "5", fill: "#c2571a", "fill-opacity": "0.75" }),
          ),
          ` ${plural(places.length, "place")} of events, sized by their events (towns from GeoNames).`,
        )
      : null,
    fitData && outOfFrame.length
      ? h(
          "p",
          { class: "muted map-out-of-frame" },
          `Zoomed to where the weight lies; out of frame: ${listNames(outOfFrame.map((p) => p.name))} `,
          h("a", { href: link("map", { entity: focusId, metric: requested, fit: "world" }) }, "show the world"),
          ".",
        )
      : null,
    historical.length
      ? h(
          "p",
          { class: "muted map-historical" },
          "Historical states, outlined dashed over the states on their former territory: ",
          historical.map((c, i) => [
            i ? "; " : "",
            entityLink(c),
            ` (${plural(c.mentions, "mention")}; now ${listNames((c.successors ?? []).map(countryName))})`,
          ]),
          ".",
        )
      : null,
    unplaced.length
      ? muted(`Not placed on the map (no matching shape): ${unplaced.map((c) => c.name).join(", ")}.`)
      : null,
    placeData.unplaced.length
      ? muted(
          `Places of events not on the map (regions, or not in the gazetteer): ${listNames(placeData.unplaced.map((p) => p.name))}.`,
        )
      : null,
    section(
      "Countries",
      dataTable({
        name: focus ? `${focus.name}-countries` : "countries",
        rows: involved.length ? involved : countries,
        empty: "No country entities yet.",
        columns: [
          { label: "Country", cell: (c) => entityLink(c), value: (c) => c.name },
          { label: "key", value: (c) => c.key, csvOnly: true },
          { label: "Events", cell: (c) => String(c.events), value: (c) => c.events, numeric: true },
          { label: "Relations", cell: (c) => String(c.relations), value: (c) => c.relations, numeric: true },
          { label: "Mentions", cell: (c) => String(c.mentions), value: (c) => c.mentions, numeric: true },
          { label: "Documents", cell: (c) => String(c.documents), value: (c) => c.documents, numeric: true },
          ...(focus
            ? [
                {
                  label: `Shared with ${focus.name}`,
                  cell: (c: CountryInvolvement) => String(c.shared),
                  value: (c: CountryInvolvement) => c.shared,
                  numeric: true,
                },
              ]
            : []),
        ],
      }),
    ),
  );
  return { title: focus ? `Map: ${focus.name}` : "Map", el };
}
