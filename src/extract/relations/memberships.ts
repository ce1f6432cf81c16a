// Who belongs to a few small, well-known groupings of states: reference knowledge a reader brings to an article
// that names the grouping and one of its members ("India and the SCO"). Only groupings whose membership is short,
// stable and part of what they are; not the UN, NATO or the EU, whose members an article names for other reasons.
// Dates are ISO and as precise as written (src/kb/roles.ts `roleHoldsOn`); a missing end means still a member.

interface Membership {
  member: string;
  start?: string;
  end?: string;
}

const since = (start: string | undefined, ...members: string[]): Membership[] =>
  members.map((m) => ({ member: `country/${m}`, start }));

/** KB organisation id -> its member states. */
export const MEMBERSHIPS: Record<string, Membership[]> = {
  "org/sco": [
    ...since("2001-06", "CHN", "KAZ", "KGZ", "RUS", "TJK", "UZB"),
    ...since("2017-06", "IND", "PAK"),
    ...since("2023-07", "IRN"),
    ...since("2024-07", "BLR"),
  ],
  "org/csto": [...since("1992-05", "RUS", "BLR", "ARM", "KAZ", "KGZ", "TJK")],
  "org/eaeu": [...since("2015-01", "RUS", "BLR", "KAZ", "ARM"), ...since("2015-08", "KGZ")],
  "org/brics": [
    ...since("2006", "BRA", "RUS", "IND", "CHN"),
    ...since("2011", "ZAF"),
    ...since("2024-01", "EGY", "ETH", "IRN", "ARE"),
    ...since("2025-01", "IDN"),
  ],
  "org/g7": [...since("1976", "USA", "GBR", "FRA", "DEU", "ITA", "JPN", "CAN")],
  "org/asean": [
    ...since("1967", "IDN", "MYS", "PHL", "SGP", "THA"),
    ...since("1984", "BRN"),
    ...since("1995", "VNM"),
    ...since("1997", "LAO", "MMR"),
    ...since("1999", "KHM"),
    ...since("2025-10", "TLS"),
  ],
  "org/gcc": [...since("1981", "SAU", "ARE", "KWT", "QAT", "BHR", "OMN")],
  "org/ots": [...since("2009", "TUR", "AZE", "KAZ", "KGZ"), ...since("2019", "UZB")],
  "org/quad": [...since("2007", "USA", "JPN", "IND", "AUS")],
  "org/aukus": [...since("2021-09", "AUS", "GBR", "USA")],
  // The five permanent members only: elected members change every two years.
  "org/unsc": [...since("1971-10", "CHN"), ...since("1945", "FRA", "GBR", "USA"), ...since("1991-12", "RUS")],
};
