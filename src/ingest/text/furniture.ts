// Page furniture: the vocabulary and line shapes of ads, share bars, credits, comment prompts and pitches.

/** Characters that become a plain space, and characters that vanish. */
const SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\t\f\v]/g;
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;

/** Normalises spaces and invisible characters and line ends; keeps every line. */
export function normaliseSpaces(text: string): string {
  return text.replace(/\r\n?/g, "\n").replace(INVISIBLE, "").replace(SPACES, " ");
}

/** A line without its list bullet or Markdown heading marks, trimmed, inner spaces collapsed. */
export function tidyLine(line: string): string {
  return line
    .trim()
    .replace(/^(?:[•◦▪▫●○‣∙·]\s*|[-*+]\s+|#{1,6}\s+)/u, "")
    .replace(/ {2,}/g, " ")
    .trim();
}

const wordsOf = (s: string): number => s.match(/\S+/g)?.length ?? 0;

const SOCIAL =
  "twitter|facebook|email|e-mail|mail|print|linkedin|whatsapp|reddit|telegram|pinterest|tumblr|pocket|flipboard|messenger|mastodon|threads|bluesky|instagram|youtube|tiktok|weibo|wechat|copy link|copy|more|share|x|sms";

/** Lines that are furniture whatever their context; matched on the tidied line without final punctuation. */
const WHOLE_LINE: RegExp[] = [
  // advertising
  /^(?:advertisement|advertising|advert|ads?|sponsored(?: content)?|paid content|promoted(?: content)?|(?:story|article) continues (?:below|after)(?: (?:this|the) )?(?:advertisement|ad)?|continue reading (?:below|the main story)|scroll (?:down )?to continue(?: with content)?)$/i,
  // share bars, follow prompts, reactions
  new RegExp(`^(?:(?:${SOCIAL})(?:\\s*[|,/•·]\\s*|\\s+))*(?:${SOCIAL})$`, "i"),
  /^(?:share|tweet|like|email|print)(?: (?:this|the))?(?: (?:article|story|post|page|on \w+))?$/i,
  /^(?:like this|like loading|loading|likes?|reactions?)$/i,
  /^follow(?: us)?(?: on| at| via)?\s*(?::|\b(?:us|twitter|facebook|google news|instagram|linkedin|telegram|youtube|x)\b).{0,40}$/i,
  /^(?:click|tap) to (?:share|email|print|tweet|like)\b.{0,60}$/i,
  // related and navigation
  /^(?:related|related (?:articles?|posts?|stories|content|coverage|reading|topics?)|more (?:stories|on this story|from [\w ]{1,30})|you (?:may|might) also like|recommended(?: for you)?|read next|up next|trending(?: now)?|most (?:read|popular|viewed)|see also|also read)$/i,
  /^(?:read more|continue reading|keep reading|read the (?:full|whole) (?:story|article|post)|read full (?:story|article)|view comments|show comments|hide comments|click to hide|back to top|skip to (?:main )?content|next (?:post|article|story)|previous (?:post|article|story)|older posts|newer posts|next|previous|menu|search|home|sign in|log ?in|subscribe(?: now)?|close)\b\s*(?:[:»›>→].{0,150})?$/i,
  /^(?:click|tap)(?: here)? (?:to|for)\b.{0,80}$/i,
  // logos and image credits
  /^(?:[^.!?]{0,40}\s[-–|:]\s*)?(?:[\p{L}&.'’]+\s){0,2}logo$/iu,
  /^(?:null|undefined)\s*\|.*$/i,
  /^(?:null|undefined|nan)$/i,
  /^(?:main |featured |header |top |lead |cover )?(?:image|photo|picture|photograph|map|illustration|graphic|video|credit|file photo|source)s?(?: credits?)?\s*[:|]\s*[^.!?]{0,80}$/i,
  /^\((?:[a-z]+ )?(?:photo|image|picture|illustration|photograph)s?\b[^)]{0,100}\)$/i,
  /^©.{0,80}$/,
  /^.{0,200}\b(?:image|photo|picture|photograph|illustration)\b.{0,200}\blicen[cs]ed under (?:a |the )?(?:CC\b|creative commons).{0,40}$/i,
  // comments and comment forms
  /^(?:leave a (?:reply|comment)|\d+ (?:comments?|responses?|replies)|no (?:comments|responses)(?: yet)?|comments? (?:off|closed)|comments are closed|add (?:a )?comment|post a comment|join the (?:conversation|discussion)|cancel reply|reply|comments)$/i,
  /\byour email address will not be published\b/i,
  /\brequired fields are marked\b/i,
  /^(?:please )?(?:read|see) our comment(?:ing)? (?:policy|guidelines)\b.{0,60}$/i,
  /^(?:name|email|website|comment)\s*\*$/i,
  // reading time
  /^(?:estimated )?(?:reading|read) time\s*:?\s*(?:about |less than )?\d+\s*(?:min|mins|minutes?)\b.{0,20}$/i,
  /^\d+\s*(?:min|mins|minutes?)\s+read$/i,
  // copyright
  /^(?:copyright\s*(?:©|\(c\)|\d{4}|by\b|:)|\(c\)\s*\d{4}).{0,200}$/i,
  /^.{0,150}\ball rights reserved$/i,
  // blog post footers and tag lines
  /^(?:posted|filed) (?:in|under)\s*:.{0,300}$/i,
  /^(?:posted|filed) (?:in|under)\b[^.!?]{0,150}$/i,
  /^(?:tags?|tagged(?: with| as)?|categories|category|topics?|filed under)\s*:.{0,300}$/i,
  /^[^.!?]{0,200}\|\s*(?:tagged\b|leave a comment|\d+ comments?|comments? off|no comments)[^.!?]{0,200}$/i,
];

/** Subscription and newsletter pitches: a call to action about a subscription. */
const PITCH_START =
  /^(?:click|tap|subscribe|sign up|sign-up|get|join|register|want|enjoy(?:ed)?|like what you|don't miss|never miss|stay (?:informed|up to date)|support|become|follow|download|try|listen|to receive|receive)\b/i;
const PITCH_TOPIC =
  /\b(?:subscribe|subscription|subscriber|newsletters?|sign up|sign-up|inbox|our (?:new )?(?:app|platform|podcast|service|website|site|membership|briefing|digest))\b/i;

const PITCH_AUDIENCE = /\b(?:our|your|you|free|here|today|now|daily|weekly)\b/i;

/** Does this (tidied) line carry no article content at all? */
export function isFurnitureLine(line: string): boolean {
  const t = tidyLine(line);
  if (t === "") return false;
  if (!/[\p{L}\p{N}]/u.test(t)) return true; // separators: "___", "* * *", "—"
  const bare = t.replace(/[\s:.…»›>→|]+$/u, "");
  if (WHOLE_LINE.some((re) => re.test(bare))) return true;
  return isPitch(t);
}

/**
 * A short paragraph that sells a newsletter, subscription or the outlet's own product: a call to action about it
 * ("Subscribe to our newsletter", "Get the answers with X, our new platform"), with nothing else in the paragraph
 * but other calls to action and questions to the reader. A paragraph that also reports something stays (its
 * closing call to action is cut by stripInlineFurniture).
 */
export function isPitch(paragraph: string): boolean {
  if (wordsOf(paragraph) > 80 || !PITCH_TOPIC.test(paragraph)) return false;
  const sentences = paragraph.split(/(?<=[.!?])\s+/).map((s) => s.replace(/^["“']/, ""));
  const pitch = (s: string) => PITCH_START.test(s) && PITCH_TOPIC.test(s) && PITCH_AUDIENCE.test(s);
  const toReader = (s: string) => PITCH_START.test(s) || /\b(?:you|your)\b/i.test(s);
  return sentences.some(pitch) && sentences.every((s) => pitch(s) || toReader(s));
}

/**
 * Removes furniture embedded in a content line: a photo credit after a caption, "(Photo by ...)",
 * "© Agency" after a caption, "Main image credit" before one, and link sentences ("Click here to ...",
 * "Subscribe to our newsletter") closing a paragraph.
 */
export function stripInlineFurniture(line: string): string {
  let out = line
    .replace(
      /(?<!\s)\s*\((?:[\p{L}-]+ )?(?:photo|image|picture|illustration|photograph)s?\s*(?:by|from|:|credits?|courtesy(?: of)?|via)\b[^()]{0,100}\)/giu,
      "",
    )
    .replace(/(?<!\s)\s+©\s*[\p{L}\p{N} .,&/'’-]{1,60}$/u, "")
    .replace(
      /([.!?”"’)])\s+(?:photo|image|picture|photograph|map|illustration|graphic|credit)s?\s*:\s*[^.!?]{1,80}$/i,
      "$1",
    )
    .replace(/^(?:main |featured |header |top |lead )?image credit\s*:?\s+(?=\S+(?:\s+\S+){4})/i, "");
  // Closing link sentences; repeated, as a paragraph may end with two.
  for (;;) {
    const next = out.replace(
      /(^|[.!?”"’)]\s+)(?:(?:click|tap) here\b[^.!?]*|(?:subscribe|sign up)\b[^.!?]*\b(?:newsletter|inbox|updates|here)\b[^.!?]*)[.!?]?\s*$/i,
      "$1",
    );
    if (next === out) break;
    out = next;
  }
  return out.trim();
}
