// Tests for the plain-text ingest stage: cleaning, metadata, damage detection, post splitting, articles.
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { readArticles } from "../src/ingest/text/article.js";
import { cleanText } from "../src/ingest/text/clean.js";
import { readTextMetadata } from "../src/ingest/text/metadata.js";
import { detectDamage } from "../src/ingest/text/quality.js";
import { splitPosts } from "../src/ingest/text/split.js";

// ---- fixtures, all written for these tests -------------------------------------------------------------------

/** A clean English article of about 560 words. */
const ARTICLE = `Ministers from the three river states met in the border town of Velsk on Tuesday, hoping to settle a dispute that has been simmering since the new dam began filling last spring.

The downstream farmers say they are losing their harvests. Water levels in the lower valley have fallen by nearly a third, and the irrigation canals that feed the cotton fields are running dry for weeks at a time. Local officials have been warning for months that the region could face shortages of drinking water by the end of the year.

The upstream government insists that the reservoir is being filled according to the schedule agreed in an earlier treaty, and that the flow will return to normal once the turbines are running. Its engineers argue that the new plant will supply electricity to millions of homes and will allow the country to stop importing power from its neighbours.

Diplomats involved in the talks said the meeting was tense but constructive. According to one participant, the delegations spent most of the first morning arguing about the figures, because each side had brought its own measurements and neither would accept the readings of the other. By the afternoon, they had agreed to ask an independent panel of hydrologists to review the data.

The dispute is being watched closely by the larger powers in the region. Both the development bank that financed the dam and the companies building the transmission lines have an interest in a quick settlement, and several foreign ministries have offered to host further rounds of negotiations. Analysts note that water is becoming a more frequent source of friction across the continent as glaciers shrink and demand keeps rising.

Farmers in the valley are not waiting for the diplomats. Many have started digging wells, and some are switching from cotton to crops that need less water, such as sorghum and sunflowers. Others are leaving for the cities, adding to the pressure on housing and jobs there. A cooperative leader said that the villages were feeling abandoned by both governments and that people were losing patience with promises.

The next round of talks is expected in the autumn. Officials on both sides said they were willing to consider a temporary sharing arrangement, under which the reservoir would release more water during the planting season in exchange for compensation paid to the power company. Such arrangements have worked elsewhere, but they depend on trust, which is in short supply after a year of accusations and counter-accusations.

For now, the only thing the ministers could agree on was the need to keep talking. In a short joint statement, they promised to meet again, to share their data openly and to avoid steps that could make the situation worse. Whether that is enough to save this year's harvest is far from certain, and the farmers who gathered outside the meeting hall were not celebrating.

Some of them had travelled through the night to be there. They carried banners asking for water and held a silent vigil until the ministers left. Police watched from a distance but did not intervene, and the crowd dispersed peacefully before dark.`;

/** A text of names and numbers, with almost no prose. */
const RESULTS = `Election results, District 4 (turnout 61.2%)
Anna Kovacs (Green Alliance) 12,431
Peter Lindqvist (National Union) 11,902
Maria Oduya (Independent) 4,388
Tomasz Wren (Labour Front) 3,120
Jonas Albrecht (Liberal Centre) 2,870
District 5 (turnout 58.9%)
Sofia Brandt (National Union) 14,002
Ibrahim Tall (Green Alliance) 13,761
Karl Moen (Independent) 1,950
Lena Varga (Labour Front) 1,602
District 6 (turnout 55.0%)
Oskar Nilsen (Liberal Centre) 9,880
Greta Holm (National Union) 9,431
Milan Petrov (Green Alliance) 7,210
Erik Sand (Independent) 2,004
Paula Ruiz (Labour Front) 1,733
District 7 (turnout 63.4%)
Hanna Berg (Green Alliance) 15,120
David Olsen (National Union) 12,645
Marek Novak (Liberal Centre) 3,412
Ida Lund (Independent) 1,299
Ola Strand (Labour Front) 1,076
Totals: Green Alliance 48,522; National Union 47,980; Liberal Centre 16,162; Independent 9,641; Labour Front 7,531`;

/** Drops every occurrence of a letter sequence, as a bad scrape might. */
const drop = (text: string, ...seqs: string[]): string => seqs.reduce((t, s) => t.split(s).join(""), text);

// ---- cleanText ---------------------------------------------------------------------------------------------

const FURNISHED = `Globe Herald - Small Logo
Globe Herald - Small Logo

Mira Santos

June 2nd, 2023

River Talks Stall Again

0 comments

Estimated reading time: 4 minutes

Mira Santos

June 2nd, 2023

River Talks Stall Again

0 comments

Estimated reading time: 4 minutes

Follow: Google News Icon
  • share
null | Image: self
Advertisement

Ministers met in Velsk on Tuesday to discuss the dam.\u00a0The\u00a0talks lasted six hours.

Advertisement

Soldiers guard the dam site in a file photo. Image: Twitter

Map: Screengrab / Example News

Illustration: Jane Roe, Daily Example

The ministry banned an advertisement for bottled water that mocked the farmers.

(Photo by Tom Hale/AFP via Getty Images)

Officials said the weekly newsletter of the water agency had stopped reporting the readings.

___

* * *

  • Farmers want compensation.
  • Engineers want more time.

Nobody answered.

Copyright law was also on the agenda.

Follow-up talks are planned for May.

Do you have questions about the biggest stories of the week? Get the answers with Herald Plus, our new platform of explainers and analysis.

This story first ran in the Valley Times. Click here to subscribe to the newsletter.

Subscribe to our newsletter for weekly updates

Click to Read More and View Comments

Click to Hide

Share this:

Twitter

Facebook

Email

Print

Like this:

Related

Posted in Politics | Tagged Asia, Water | Leave a comment

Leave a Reply

Your email address will not be published. Required fields are marked *

© 2023 Globe Herald Media

Copyright 2021 Example Ltd. All rights reserved.



Please read our comment policy before commenting.`;

test("cleanText removes furniture lines and keeps content that merely mentions furniture words", () => {
  const out = cleanText(FURNISHED);
  const lines = out.split("\n").filter((l) => l !== "");
  assert.deepEqual(lines, [
    "Mira Santos",
    "June 2nd, 2023",
    "River Talks Stall Again",
    "Ministers met in Velsk on Tuesday to discuss the dam. The talks lasted six hours.",
    "Soldiers guard the dam site in a file photo.",
    "The ministry banned an advertisement for bottled water that mocked the farmers.",
    "Officials said the weekly newsletter of the water agency had stopped reporting the readings.",
    "Farmers want compensation.",
    "Engineers want more time.",
    "Nobody answered.",
    "Copyright law was also on the agenda.",
    "Follow-up talks are planned for May.",
    "This story first ran in the Valley Times.",
  ]);
});

test("cleanText separates paragraphs by one blank line and keeps list lines together", () => {
  const out = cleanText(FURNISHED);
  assert.ok(!/\n{3,}/.test(out), "no run of blank lines");
  assert.ok(out.includes("Farmers want compensation.\nEngineers want more time.\n\nNobody answered."));
  assert.equal(out, out.trim());
});

test("cleanText normalises non-breaking and zero-width characters and strips bullets", () => {
  const out = cleanText("  •\u00a0First\u200b point\u00a0here  \n\n\n\n  ◦ Second\u200d point\r\n- Third point\n");
  assert.equal(out, "First point here\n\nSecond point\nThird point");
});

test("cleanText keeps a repeated header block once, and repeated captions once", () => {
  const out = cleanText("Title Here\n\nTitle Here\n\nBody sentence one is here.\n\nA caption.\nA caption.\n\nEnd.");
  assert.equal(out, "Title Here\n\nBody sentence one is here.\n\nA caption.\n\nEnd.");
});

test("cleanText strips credits after captions but keeps the caption", () => {
  assert.equal(cleanText("Troops leave the base. Photo: Reuters"), "Troops leave the base.");
  assert.equal(cleanText("Troops leave the base. PHOTO: AFP"), "Troops leave the base.");
  assert.equal(cleanText("Troops leave the base.   © Reuters"), "Troops leave the base.");
  assert.equal(cleanText("Troops leave the base. (Handout photo from the ministry)"), "Troops leave the base.");
});

test("cleanText keeps sentences that only look like furniture", () => {
  const kept = [
    "The photo agency said its archive is licensed under a new deal with the ministry.",
    "Ministry Unveils New Emblem for the Water Board",
    "Related talks will follow in May.",
    "Home ministers from both states will attend.",
    "Join the protests, the activists urged readers of their newsletter.",
    "Source of the dispute: a treaty signed in 1998.",
  ];
  for (const line of kept) assert.equal(cleanText(line), line);
});

test("cleanText removes a blog post footer and social names alone on a line", () => {
  const out = cleanText(
    "A real paragraph about the talks.\n\nPosted in Asia | Tagged Water, Dams | 3 Comments\n\nFiled under: Asia\n\nTwitter\nLinkedIn\nWhatsApp",
  );
  assert.equal(out, "A real paragraph about the talks.");
});

// ---- readTextMetadata --------------------------------------------------------------------------------------

test("readTextMetadata reads a byline, a date and the title", () => {
  const meta = readTextMetadata(`River Talks Stall Again\n\nBy Jane Doe and John Roe\n\nJan. 14, 2022\n\n${ARTICLE}`);
  assert.deepEqual(meta, {
    title: "River Talks Stall Again",
    authors: ["Jane Doe", "John Roe"],
    outlet: null,
    published: "2022-01-14",
  });
});

test("readTextMetadata understands the usual header date shapes", () => {
  const cases: [string, string][] = [
    ["Published 07:50 IST, January 14th 2022", "2022-01-14"],
    ["January 14th, 2022", "2022-01-14"],
    ["- Friday, September 30, 2022", "2022-09-30"],
    ["14 January 2022", "2022-01-14"],
    ["2022-01-14", "2022-01-14"],
    ["Jan. 14, 2022", "2022-01-14"],
    ["Posted on March 3, 2023", "2023-03-03"],
    ["Updated: 2023-03-05 10:30 GMT", "2023-03-05"],
    ["By Jane Doe | March 3, 2023", "2023-03-03"],
    ["March 2023", "2023-03"],
  ];
  for (const [line, iso] of cases) {
    assert.equal(readTextMetadata(`Headline of the Day\n\n${line}\n\n${ARTICLE}`).published, iso, line);
  }
});

test("readTextMetadata prefers the published date over the updated one", () => {
  const meta = readTextMetadata(`Updated: March 5, 2023\nPublished: March 3, 2023\n\n${ARTICLE}`);
  assert.equal(meta.published, "2023-03-03");
});

test("readTextMetadata takes no date from a sentence, and no outlet from a republication note", () => {
  const meta = readTextMetadata(
    `This was published by the Valley Institute on 14 January 2022 and is shared with permission.\n\n${ARTICLE}`,
  );
  assert.equal(meta.published, null);
  assert.equal(meta.outlet, null);
  assert.equal(meta.title, null);
});

test("readTextMetadata: hints win over the text", () => {
  const meta = readTextMetadata(`River Talks Stall Again\n\nBy Jane Doe\n\nJanuary 3, 2023\n\n${ARTICLE}`, {
    title: "Talks Stall",
    outlet: "Globe Herald",
    published: "2023-01-02",
    authors: ["Staff Writer"],
  });
  assert.deepEqual(meta, {
    title: "Talks Stall",
    authors: ["Staff Writer"],
    outlet: "Globe Herald",
    published: "2023-01-02",
  });
});

test("readTextMetadata finds lone name lines around the date, not as the title", () => {
  const meta = readTextMetadata(
    `Site Logo\n\nMira Santos\n\nTomas Lindgren\n\nJune 2nd, 2023\n\nRiver Talks Stall Again\n\n${ARTICLE}`,
  );
  assert.equal(meta.title, "River Talks Stall Again");
  assert.deepEqual(meta.authors, ["Mira Santos", "Tomas Lindgren"]);
});

test("readTextMetadata reads closing author bios and About-the-author sections", () => {
  const bio = readTextMetadata(
    `${ARTICLE}\n\n  • Lina Okafor, a former water negotiator, is founder and president of the Basin Dialogue Initiative.`,
  );
  assert.deepEqual(bio.authors, ["Lina Okafor"]);
  const about = readTextMetadata(
    `${ARTICLE}\n\nAbout the author\n\nSamuel Ortiz is a researcher with a long interest in mountain rivers.`,
  );
  assert.deepEqual(about.authors, ["Samuel Ortiz"]);
});

test("readTextMetadata does not take a person in a closing sentence for an author", () => {
  const meta = readTextMetadata(
    `${ARTICLE}\n\nNadia Ferrow is the president of the upstream republic and will attend.`,
  );
  assert.deepEqual(meta.authors, []);
});

test("readTextMetadata skips archive headers, dates and furniture when looking for the title", () => {
  const meta = readTextMetadata(`Posts Tagged ‘Water’\n\nAdvertisement\n\n3 June 2023\n\n${ARTICLE}`);
  assert.equal(meta.title, null);
  assert.equal(meta.published, "2023-06-03");
});

// ---- detectDamage ------------------------------------------------------------------------------------------

test("detectDamage leaves a clean article alone", () => {
  const report = detectDamage(ARTICLE);
  assert.equal(report.damaged, false, report.reason ?? "");
  assert.equal(report.reason, null);
});

test("detectDamage never judges short texts", () => {
  assert.deepEqual(detectDamage(drop("The talks at the dam were tense, and the farmers were angry.", "the")), {
    damaged: false,
    score: 0,
    reason: null,
  });
});

test("detectDamage leaves texts of names and numbers alone", () => {
  assert.equal(detectDamage(RESULTS).damaged, false);
});

test("detectDamage flags a text that lost 'the' and 'ad' everywhere", () => {
  const report = detectDamage(drop(ARTICLE, "the", "The", "ad"));
  assert.equal(report.damaged, true);
  assert.match(report.reason ?? "", /the/);
});

for (const seq of ["ing", "and", "er", "ion", "th"]) {
  test(`detectDamage flags a text that lost every "${seq}"`, () => {
    const report = detectDamage(drop(ARTICLE, seq));
    assert.equal(report.damaged, true, `score ${report.score}`);
    assert.ok(report.score >= 0.5);
  });
}

test("detectDamage flags words cut out of lines (double spaces, lower-case sentence starts)", () => {
  const cut = ARTICLE.replace(/\b(?:the|The|a|an|in|of) /g, "  ");
  assert.equal(detectDamage(cut).damaged, true);
});

// ---- splitPosts --------------------------------------------------------------------------------------------

const [P1, P2, P3, P4, P5, P6, P7] = ARTICLE.split("\n\n") as [string, string, string, string, string, string, string];

const TAG_PAGE = `Posts Tagged ‘Water’

Catching up on a backlog, this time a piece I wrote for the Valley Review about the dam talks.

Talks on the River Stall Again

${P1}

${P2}

Mira Santos is a senior fellow at the Basin Institute.

Another short piece, this time for my regular column in the Herald, looking at the farmers.

Why the Valley Is Losing Patience

${P6}

${P7}

A longer paper from last month, here in full for those who missed it.

What the Hydrologists Found

Mira Santos

${P3}

${P4}

${P5}`;

test("splitPosts splits a tag page at each blogger's note followed by a headline", () => {
  const posts = splitPosts(TAG_PAGE);
  assert.deepEqual(
    posts.map((p) => p.title),
    ["Talks on the River Stall Again", "Why the Valley Is Losing Patience", "What the Hydrologists Found"],
  );
  for (const p of posts) assert.equal(TAG_PAGE.slice(p.start, p.end), p.text);
  assert.ok(posts[0]?.text.startsWith("Catching up on a backlog"));
  assert.ok(posts[0]?.text.endsWith("Basin Institute."));
  assert.ok(!posts.some((p) => p.text.includes("Posts Tagged")));
});

test("splitPosts splits posts separated by blog footers", () => {
  const page = [
    `Dam Talks Stall\n\nMarch 3, 2023\n\n${P1}\n\n${P2}\n\nPosted in Asia | Tagged Water | Leave a comment`,
    `Farmers Dig Wells\n\nMarch 1, 2023\n\n${P6}\n\nPosted in Asia | Tagged Farming | 2 Comments`,
    `A Vigil at the Hall\n\nFebruary 27, 2023\n\n${P7}\n\n${ARTICLE.split("\n\n")[8]}\n\nPosted in Asia | Tagged Protest | Leave a comment`,
    "Older posts",
  ].join("\n\n");
  const posts = splitPosts(page);
  assert.deepEqual(
    posts.map((p) => p.title),
    ["Dam Talks Stall", "Farmers Dig Wells", "A Vigil at the Hall"],
  );
  assert.ok(posts[1]?.text.startsWith("Farmers Dig Wells"));
  assert.ok(posts[1]?.text.endsWith("2 Comments"));
});

test("splitPosts splits an archive page of headlines with date lines", () => {
  const page = `Category Archives: Water\n\nDam Talks Stall\n\nMarch 3, 2023\n\n${P1}\n\n${P2}\n\nFarmers Dig Wells\n\nMarch 1, 2023\n\n${P6}\n\n${P7}`;
  const posts = splitPosts(page);
  assert.deepEqual(
    posts.map((p) => p.title),
    ["Dam Talks Stall", "Farmers Dig Wells"],
  );
  assert.ok(posts[1]?.text.endsWith(P7));
});

test("splitPosts splits an archive page of excerpts ending in Read more", () => {
  const page = `Tag Archives: Water\n\nDam Talks Stall\n\n${P3}\n\nRead more »\n\nFarmers Dig Wells\n\n${P6}\n\nContinue reading →\n\nOlder posts`;
  const posts = splitPosts(page);
  assert.deepEqual(
    posts.map((p) => p.title),
    ["Dam Talks Stall", "Farmers Dig Wells"],
  );
  assert.ok(!posts.some((p) => p.text.includes("Older posts")));
});

test("splitPosts keeps a normal article whole, with headings, a note about a piece and one footer", () => {
  const article = `River Talks Stall Again\n\nBy Jane Doe\n\nMarch 3, 2023\n\nIn this piece I look at the talks, here in brief.\n\nThe Dispute\n\n${P1}\n\n${P2}\n\nWhat Comes Next\n\n${P6}\n\nPosted in Asia | Tagged Water | Leave a comment`;
  const posts = splitPosts(article);
  assert.equal(posts.length, 1);
  assert.deepEqual(posts[0], { text: article, title: null, start: 0, end: article.length });
});

// ---- readArticles ------------------------------------------------------------------------------------------

test("readArticles cleans a single article and reads its metadata", () => {
  const [article, ...rest] = readArticles(FURNISHED, { outlet: "Globe Herald" });
  assert.equal(rest.length, 0);
  assert.equal(article?.title, "River Talks Stall Again");
  assert.deepEqual(article?.authors, ["Mira Santos"]);
  assert.equal(article?.published, "2023-06-02");
  assert.equal(article?.outlet, "Globe Herald");
  assert.equal(article?.text, cleanText(FURNISHED));
});

test("readArticles gives each post of a tag page its own title, and the page's author where it has none", () => {
  const articles = readArticles(TAG_PAGE, { outlet: "Valley Blog", published: "2023-06-01" });
  assert.equal(articles.length, 3);
  assert.deepEqual(
    articles.map((a) => [a.title, a.authors, a.outlet, a.published]),
    [
      ["Talks on the River Stall Again", ["Mira Santos"], "Valley Blog", null],
      ["Why the Valley Is Losing Patience", ["Mira Santos"], "Valley Blog", null],
      ["What the Hydrologists Found", ["Mira Santos"], "Valley Blog", null],
    ],
  );
  assert.ok(articles.every((a) => a.text === cleanText(a.text)));
});

test("readArticles returns nothing for a page of furniture only", () => {
  assert.deepEqual(readArticles("Advertisement\n\nShare this:\n\nTwitter\n\nLeave a Reply"), []);
});

// ---- the seed corpus (../shared) ---------------------------------------------------------------------------

const seedDir = new URL("../../shared/corpus/seeds/", import.meta.url);
const seedsMissing = existsSync(seedDir) ? false : "../shared/corpus/seeds not found";
const seeds = (): { name: string; text: string }[] =>
  readdirSync(seedDir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((name) => ({ name, text: readFileSync(fileURLToPath(new URL(name, seedDir)), "utf8") }));
const seed = (prefix: string): string => {
  const found = seeds().find((s) => s.name.startsWith(prefix));
  assert.ok(found, `seed ${prefix} not found`);
  return found.text;
};

/** Furniture that must not survive cleaning, written independently of clean.ts's own patterns. */
const FURNITURE_CHECKS: RegExp[] = [
  /^advertisement$/i,
  /^follow:/i,
  /^(?:•\s*)?share$/i,
  /\blogo$/i,
  /^(?:null \| )?(?:image|photo|map|illustration|credit)s?:/i,
  /\b(?:image|photo):\s*[\w /,]+$/i,
  /\(photo by\b/i,
  /^leave a (?:reply|comment)/i,
  /^\d+ comments?$/i,
  /reading time/i,
  /subscribe to (?:the|our) newsletter/i,
  /our new platform/i,
  /click (?:here )?to\b/i,
  /^(?:©|copyright\s*©)/i,
  /all rights reserved/i,
  /^[_*\s-]{3,}$/,
  /^posted in\b/i,
  /\|\s*tagged\b/i,
  /^(?:share|like) this:?$/i,
  /^(?:related|twitter|facebook|email|print)$/i,
  /your email address will not be published/i,
  /comment policy/i,
  /^• /,
  /\u00a0|\u200b/,
];
const furnitureIn = (text: string): string[] =>
  text.split("\n").filter((line) => FURNITURE_CHECKS.some((re) => re.test(line.trim())));

test("seeds: no furniture line survives cleaning, and cleaning twice changes nothing", { skip: seedsMissing }, () => {
  for (const { name, text } of seeds()) {
    const cleaned = cleanText(text);
    assert.deepEqual(furnitureIn(cleaned), [], name);
    assert.equal(cleanText(cleaned), cleaned, name);
    for (const article of readArticles(text)) assert.deepEqual(furnitureIn(article.text), [], name);
  }
});

test("seeds: only the tag page splits, into its ten posts with titles", { skip: seedsMissing }, () => {
  for (const { name, text } of seeds()) {
    const posts = splitPosts(text);
    if (!name.startsWith("004_")) {
      assert.equal(posts.length, 1, name);
      continue;
    }
    assert.equal(posts.length, 10);
    const lines = new Set(text.split("\n").map((l) => l.trim()));
    for (const p of posts) {
      assert.equal(text.slice(p.start, p.end), p.text);
      assert.ok(p.title && lines.has(p.title), `title ${p.title} is a line of the page`);
    }
    assert.equal(new Set(posts.map((p) => p.title)).size, 10);
    const articles = readArticles(text);
    assert.equal(articles.length, 10);
    assert.ok(articles.every((a) => a.authors.length > 0 && a.title !== null));
  }
});

test("seeds: titles, authors and dates", { skip: seedsMissing }, () => {
  const [a001] = readArticles(seed("001_"));
  assert.equal(a001?.title, "Beijing’s ‘Wait and See’ Approach in Kazakhstan");
  assert.deepEqual(a001?.authors, ["Lukas Fiala", "Hugo Jones"]);
  assert.equal(a001?.published, "2022-01-14");
  assert.equal(readArticles(seed("002_"))[0]?.published, "2022-01-14");
  assert.equal(readArticles(seed("003_"))[0]?.published, "2022-09-30");
  assert.equal(readArticles(seed("001_"))[0]?.outlet, null, "a republication note is not the outlet");
});

test("seeds: only the AP seed is flagged as damaged", { skip: seedsMissing }, () => {
  for (const { name, text } of seeds()) {
    for (const article of readArticles(text)) {
      const report = detectDamage(article.text);
      assert.equal(report.damaged, name.startsWith("002_"), `${name}: ${report.score} ${report.reason}`);
    }
  }
});
