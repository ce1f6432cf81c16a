// A relation read as a sentence in the page, its ends as given (links, the dossier's own name); the words come from
// src/api/relation-words.ts, which the API's plain-text labels use too.
import { type RelationLike, relationWords } from "../../src/api/relation-words.js";
import { type Child, h } from "./dom.js";

/** Subject, words, object and the unsaid attributes, ready for h(). */
export function relationSentence(subject: Child, r: RelationLike, object: Child): Child[] {
  const { verb, rest } = relationWords(r);
  return [subject, ` ${verb} `, object, rest ? h("span", { class: "attrs" }, rest) : null];
}
