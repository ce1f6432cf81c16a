// The explorer's shell: top bar, navigation and the router that puts one page at a time on screen.
import "./styles.css";
import { api } from "./api.js";
import { errorBox, loading, setVocabulary } from "./components.js";
import { clear, h } from "./dom.js";
import { compareView } from "./pages/compare.js";
import { documentsView } from "./pages/documents.js";
import { entitiesView } from "./pages/entities.js";
import { entityView } from "./pages/entity.js";
import { graphView } from "./pages/graph.js";
import { homeView } from "./pages/home.js";
import { mapView } from "./pages/map.js";
import { figuresView, quotesView } from "./pages/quotes-figures.js";
import { readerView } from "./pages/reader.js";
import { searchView } from "./pages/search.js";
import { timelineView } from "./pages/timeline.js";
import { currentRoute, link, navigate, type Route } from "./router.js";
import type { View } from "./view.js";

type PageFn = (route: Route) => Promise<View>;

const PAGES: Record<string, PageFn> = {
  "": homeView,
  search: searchView,
  entities: entitiesView,
  entity: (r) => (r.parts[2] === "sources" ? compareView(r) : entityView(r)),
  graph: graphView,
  timeline: timelineView,
  map: mapView,
  documents: documentsView,
  quotes: quotesView,
  figures: figuresView,
  doc: readerView,
};

const NAV: [string, string][] = [
  ["search", "Search"],
  ["entities", "Entities"],
  ["timeline", "Timeline"],
  ["graph", "Graph"],
  ["map", "Map"],
  ["documents", "Documents"],
];

function shell(): { view: HTMLElement; nav: HTMLElement; search: HTMLInputElement } {
  const search = h("input", {
    type: "search",
    name: "q",
    placeholder: 'Search names and sentences ("exact phrase", prefix*)',
    "aria-label": "Search",
    autocomplete: "off",
  });
  const nav = h(
    "nav",
    { "aria-label": "Main" },
    NAV.map(([path, label]) => h("a", { href: link(path), "data-nav": path }, label)),
  );
  const form = h(
    "form",
    {
      class: "quick-search",
      role: "search",
      onsubmit: (e: Event) => {
        e.preventDefault();
        if (search.value.trim()) navigate("search", { q: search.value.trim() });
      },
    },
    search,
  );
  const view = h("main", { id: "view", tabindex: "-1" });
  const app = document.getElementById("app") as HTMLElement;
  clear(app);
  app.append(
    h(
      "header",
      { class: "topbar" },
      h("a", { class: "brand", href: "#/" }, h("span", { class: "logo" }), "Heartland"),
      nav,
      form,
    ),
    view,
    h(
      "footer",
      { class: "footer" },
      "Every fact links to the sentence it was read from. JSON API: ",
      h("a", { href: "/api/openapi.json" }, "/api/openapi.json"),
    ),
  );
  return { view, nav, search };
}

async function start(): Promise<void> {
  const { view, nav, search } = shell();
  try {
    setVocabulary(await api.vocabulary());
  } catch (err) {
    view.append(errorBox(err));
    return;
  }
  let token = 0;
  let current: View | null = null;
  const render = async () => {
    const mine = ++token;
    const route = currentRoute();
    const page = PAGES[route.parts[0] ?? ""];
    for (const a of nav.querySelectorAll("a")) {
      a.classList.toggle(
        "active",
        a.getAttribute("data-nav") === (route.parts[0] === "entity" ? "entities" : route.parts[0]),
      );
    }
    if (route.parts[0] === "search") search.value = route.query.get("q") ?? "";
    current?.unmount?.();
    current = null;
    clear(view);
    view.append(loading());
    let next: View;
    try {
      if (!page) throw new Error(`There is no page at ${location.hash}.`);
      next = await page(route);
    } catch (err) {
      next = { title: "Error", el: errorBox(err) };
    }
    if (mine !== token) {
      next.unmount?.();
      return;
    }
    clear(view);
    view.append(next.el);
    document.title = `${next.title} — Heartland`;
    current = next;
    window.scrollTo(0, 0);
    next.mounted?.();
  };
  window.addEventListener("hashchange", () => void render());
  await render();
}

void start();
