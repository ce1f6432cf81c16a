// Every quote and every figure in the store, newest first: the lists behind the home page's count cards.
import { api, type QuantityView } from "../api.js";
import { muted, pageHeader, pager, section } from "../components.js";
import { h } from "../dom.js";
import { FIGURE_COLUMNS, quoteItem } from "../fact-items.js";
import { plural } from "../format.js";
import type { Route } from "../router.js";
import { dataTable } from "../table.js";
import type { View } from "../view.js";

const PAGE = 100;

const pageOf = (route: Route) => Math.max(0, Number(route.query.get("page") ?? 0) || 0);

export async function quotesView(route: Route): Promise<View> {
  const pageNo = pageOf(route);
  const quotes = await api.quotes({ limit: PAGE, offset: pageNo * PAGE });
  const el = h(
    "div",
    { class: "quotes-page" },
    pageHeader("Quotes", plural(quotes.total, "quote")),
    section(
      "Who said what",
      quotes.items.length
        ? h(
            "ul",
            { class: "quotes" },
            quotes.items.map((q) => quoteItem(q, true)),
          )
        : muted("No quotes yet."),
    ),
    pager("quotes", route.query, pageNo, Math.ceil(quotes.total / PAGE)),
  );
  return { title: "Quotes", el };
}

export async function figuresView(route: Route): Promise<View> {
  const pageNo = pageOf(route);
  const figures = await api.quantities({ limit: PAGE, offset: pageNo * PAGE });
  const el = h(
    "div",
    { class: "figures-page" },
    pageHeader("Figures", plural(figures.total, "figure")),
    section(
      "Figures and what they measure",
      dataTable<QuantityView>({
        name: "figures",
        rows: figures.items,
        empty: "No figures yet.",
        columns: FIGURE_COLUMNS,
      }),
    ),
    pager("figures", route.query, pageNo, Math.ceil(figures.total / PAGE)),
  );
  return { title: "Figures", el };
}
