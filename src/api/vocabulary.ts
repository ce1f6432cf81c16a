// The closed vocabularies a client may filter by: entity types, relation types, CAMEO roots.
import { ENTITY_TYPES, type EntityType, type RelationType } from "../types.js";
import { CAMEO_ROOTS } from "./cameo.js";

export const RELATION_TYPES: readonly RelationType[] = [
  "member_of",
  "holds_position",
  "affiliated_with",
  "located_in",
  "borders",
  "trade_partner",
  "supplies",
  "invests_in",
  "allied_with",
  "opposes",
  "operates",
  "participates_in",
  "created",
];

export const SEARCH_KINDS = ["entity", "sentence"] as const;

export interface Vocabulary {
  entityTypes: readonly EntityType[];
  relationTypes: readonly RelationType[];
  cameo: typeof CAMEO_ROOTS;
}

export const VOCABULARY: Vocabulary = {
  entityTypes: ENTITY_TYPES,
  relationTypes: RELATION_TYPES,
  cameo: CAMEO_ROOTS,
};
