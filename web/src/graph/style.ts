// How the graph looks: colours of entity types, relation types and communities, and the cytoscape stylesheet.
import type { StylesheetJson } from "cytoscape";

export const TYPE_COLOURS: Record<string, string> = {
  country: "#2a6f97",
  person: "#c1666b",
  organization: "#6a4c93",
  location: "#4d908e",
  facility: "#d68c45",
  initiative: "#7d8a3c",
};

export const RELATION_COLOURS: Record<string, string> = {
  member_of: "#6a4c93",
  holds_position: "#c1666b",
  affiliated_with: "#b5838d",
  located_in: "#4d908e",
  borders: "#8d99ae",
  trade_partner: "#2a9d8f",
  supplies: "#e9c46a",
  invests_in: "#f4a261",
  allied_with: "#2a6f97",
  opposes: "#c1432e",
  operates: "#d68c45",
  participates_in: "#7d8a3c",
  created: "#577590",
};

export const EVENT_EDGE_COLOUR = "#9aa5b1";
export const DENIED_COLOUR = "#c1432e";

/** Ten colours told apart easily (Tableau 10); communities past the tenth share a grey. */
const COMMUNITY_COLOURS = [
  "#4e79a7",
  "#f28e2b",
  "#59a14f",
  "#e15759",
  "#76b7b2",
  "#edc948",
  "#b07aa1",
  "#ff9da7",
  "#9c755f",
  "#bab0ac",
];

export function communityColour(c: number): string {
  return COMMUNITY_COLOURS[c] ?? "#9aa0a6";
}

export const STYLESHEET: StylesheetJson = [
  {
    selector: "node",
    style: {
      "background-color": "data(colour)",
      label: "data(label)",
      width: "data(size)",
      height: "data(size)",
      "font-size": 11,
      "font-family": "system-ui, sans-serif",
      color: "#1d2733",
      "text-valign": "bottom",
      "text-margin-y": 3,
      "text-outline-color": "#ffffff",
      "text-outline-width": 2,
      "text-wrap": "wrap",
      "text-max-width": "110px",
      "border-width": 2,
      "border-color": "#ffffff",
      "z-index": 2,
    },
  },
  { selector: "node.label-hidden", style: { label: "", "z-index": 1 } },
  { selector: "node.label-top", style: { "text-valign": "top", "text-margin-y": -3 } },
  { selector: "node.label-right", style: { "text-valign": "center", "text-halign": "right", "text-margin-y": 0 } },
  { selector: "node.label-left", style: { "text-valign": "center", "text-halign": "left", "text-margin-y": 0 } },
  { selector: "node[root = 1]", style: { "border-color": "#f2c14e", "border-width": 4, "font-weight": "bold" } },
  { selector: "node:selected", style: { "border-color": "#1d2733", "border-width": 3 } },
  { selector: "node.hover", style: { label: "data(label)", "z-index": 20 } },
  {
    selector: "edge",
    style: {
      width: "data(width)",
      "line-color": "data(colour)",
      "target-arrow-color": "data(colour)",
      "target-arrow-shape": "triangle",
      "arrow-scale": 0.8,
      "curve-style": "bezier",
      opacity: 0.8,
      "font-size": 9,
      color: "#4a5563",
      "text-rotation": "autorotate",
      "text-background-color": "#ffffff",
      "text-background-opacity": 0.8,
      "text-background-padding": "1px",
    },
  },
  { selector: "edge[kind = 'event']", style: { "line-style": "dotted" } },
  { selector: "edge[negated = 1]", style: { "line-style": "dashed" } },
  { selector: "edge:selected, edge.hover", style: { opacity: 1, label: "data(label)", "z-index": 10 } },
  { selector: ".filtered", style: { display: "none" } },
];
