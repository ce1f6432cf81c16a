// Small articles written for the tests (original wording; never copied from any source).
export const ARTICLE_A = `Steppe Pipeline Talks Resume in Astana

By Dana Serikova

March 3rd, 2023

Officials from Kazakhstan and China met in Astana on Tuesday to discuss a second line for the gas pipeline that crosses the border at Khorgos. The talks, the first in eighteen months, ended without an agreement on price.

Kazakh Energy Minister Almasadam Satkaliyev said the country wanted a larger share of transit revenue. "We are a partner, not a corridor," he said after the meeting.

Analysts in Almaty expect a deal before the summer, when demand in northern China peaks and Beijing looks for new suppliers.
`;

export const ARTICLE_B = `Uzbekistan Opens Rail Link to Kyrgyzstan

By Timur Rakhimov

- Friday, September 30, 2022

Uzbekistan and Kyrgyzstan opened a freight rail link on Friday that planners hope will one day reach Kashgar in western China. The first train carried cotton and fertiliser to Osh.

Kyrgyz President Sadyr Japarov called the line a gateway for the whole Fergana Valley. Funding for the mountain section across the Tian Shan has not yet been agreed, and officials in Bishkek said talks with Chinese lenders would continue next month.
`;

/** A longer clean article, for near-copy and damage checks. */
export const ARTICLE_LONG = `Caspian Ports Compete for the Middle Corridor

By Leyla Karimova

Published 10:05 IST, May 9th 2023

Freight companies moving goods between China and Europe have been looking again at the route across the Caspian Sea since the war in Ukraine made the northern rail line through Russia harder to insure. The ports of Aktau and Kuryk in Kazakhstan and Alat in Azerbaijan all say they can handle more containers than they did two years ago, and each has asked its government for money to dredge berths and build warehouses.

The numbers are still small. A single container train from Xi'an to Duisburg through Russia carries more boxes than the Caspian ferries move in a week, and the crossing adds days to the journey. But shippers say the time matters less than the certainty, and several logistics firms in Almaty have opened offices in Baku over the past year.

Officials in Astana describe the corridor as a way to avoid depending on a single neighbour. The government has promised to cut the time trains wait at the border with China, and customs officers at Dostyk now work in shifts through the night. Critics say the promises are not new and that paperwork, not distance, is what slows the trade.

Georgia and Turkey are also part of the route, which ends at Black Sea and Mediterranean ports. Planners in Tbilisi hope a new deep-water port at Anaklia will one day take the largest ships, although the project has stalled twice since it was first announced.
`;
