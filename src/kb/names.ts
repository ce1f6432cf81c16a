// Personal-name knowledge: which words put the family name first (Chinese, Korean and Vietnamese family names), and
// which words are given names (a closed list of common ones, English given names from data/names, plus the first
// names of the KB's persons). General reference knowledge, lower case and folded; no list here comes from any one
// text.

import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const set = (words: string): ReadonlySet<string> => new Set(words.trim().split(/\s+/));

/** Common Chinese (pinyin and older romanisations), Korean and Vietnamese family names, folded lower case. */
export const EAST_ASIAN_FAMILY_NAMES = set(`
  ai an ao bai ban bao bei bi bian bo bu cai cao cen chai chang chao chen cheng chi chou chu chuang cui dai deng di
  ding dong dou du duan fan fang fei feng fu gan gao ge geng gong gu guan guo han hao he hong hou hu hua huang hui ji
  jia jian jiang jiao jin jing kang ke kong kou kuang lai lan lang lao lei leng li lian liang liao lin ling liu long lou
  lu luo lv lyu ma mai man mao mei meng mi miao min ming mo mou mu ni nie ning niu ou pan pang pei peng pi ping pu qi
  qian qiao qin qing qiu qu quan ran ren rong ruan shan shang shao she shen sheng shi shu si song su sun tai tan tang
  tao teng tian tong tu wan wang wei wen weng wu xi xia xian xiang xiao xie xin xing xiong xu xuan xue yan yang yao ye
  yi yin ying yong you yu yuan yue yun zang zeng zhai zhan zhang zhao zhen zheng zhong zhou zhu zhuang zhuo zong zou
  zuo tsai tseng tsang chiang hsu hsieh kuo teng wong cheung leung chan lam ng tse yeung kwok
  kim lee park choi jung jeong kang cho yoon yun jang lim han shin seo kwon hwang ahn song yoo hong jeon moon
  nguyen tran le pham hoang huynh phan vu vo dang bui do ngo duong
`);

/** Common given names across the languages of international news, folded lower case. */
const COMMON_GIVEN_NAMES = set(`
  aaron abdul abdullah abdulla abdulaziz abdurrahman adam adrian ahmad ahmed aidan akhmed alan albert alex alexander
  alexandra alexei alexey ali alice alina alisher amanda amir ana anatoly andrea andrei andrew andrey angela ann anna
  anne anthony anton antony arkady arman arthur asif askar ayesha azamat bakhyt barack benjamin bernard bill bob boris
  brian bruce carl carlos caroline catherine charles charlotte chris christian christina christine christopher claire
  daniel daniil dariga david deborah dennis dmitri dmitry donald douglas edward elena elizabeth ellen emily emma
  emmanuel eric erik evgeny fatima fedor felix francis frank fyodor gary gennady george georgy gerhard grace gregory
  gulnara hamid hans hassan helen henry hillary hugh hussein ian igor ilya irina isaac ivan jack jacob james jane janet
  jason jean jeffrey jordan jennifer jeremy jessica joan joe johann john jonathan jose joseph joshua julia julian justin karen
  karim kate katherine kevin khalid konstantin laura lawrence leonid liam linda lisa louis lucy ludmila lyudmila
  madina mahmoud maria marie mark marat martin mary matthew maxim michael michel mikhail mohammad mohammed muhammad
  murat mustafa nadia nancy natalia natalya nathan nicholas nick nikita nikolai nikolay nina nurlan oleg olga omar oscar
  patricia patrick paul peter philip pierre rachel rahul ralph raymond rebecca richard robert roman rustam ruslan ryan
  sam samuel sarah sardor sebastian sergei sergey serik sharon simon sofia sophie stanislav stephen steve steven susan
  svetlana tatiana tatyana thomas timothy timur tom tony valentina valery vasily victor viktor vincent vladimir
  vladislav vyacheslav walter wendy william yekaterina yelena yerlan yevgeny yulia yuri yury zhanna
  alessandro alexandros andreas angelo anders antonio bernd carlo christoph dimitri dimitris emmanuelle enrico erich
  fabian federico francesco franz friedrich giorgio giovanni giuseppe gunther hakan hugo jakob jan jens joachim jorge
  juan jurgen karl klaus lars lorenzo luca lucas luis lukas manuel marco marcus mario markus matteo mehmet miguel
  nikos olaf pablo pedro pietro raffaello recep sergio stefan stefano thierry ulrich wolfgang yannis
  abdulhaq abdul-haq abdurahman ahmet akbar ali-akbar amina anwar asad bilal faisal farid farhad hamza hasan hussain
  ibrahim imran ismail jamal kamal khaled mahmud mansur mehdi mohamed muhammed nasser rashid
  saleem salim sami tamim tariq usman waleed yasin yusuf zahir
`);

/** Is this (folded, lower-case) word a family name that comes first in an East Asian name? */
export function isEastAsianFamilyName(word: string): boolean {
  return EAST_ASIAN_FAMILY_NAMES.has(word);
}

/**
 * Which word of a person's name is the family name, given the words of the name and whether the person's country
 * puts the family name first: "Xi Jinping" -> 0, but "Nur Bekri" or "William Lai" (Western order) -> the last word.
 */
export function familyNameIndex(words: readonly string[], familyFirst: boolean): number {
  if (words.length < 2) return 0;
  const first = (words[0] as string)
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "");
  if (familyFirst && isEastAsianFamilyName(first)) return 0;
  return words.length - 1;
}

/** One to three pinyin-like syllables ("jinping", "haijiang", "ying-jeou"): the given name of a Chinese-order name. */
const SYLLABLES = /^(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?[aeiouv]{1,3}(?:ng|n|r)?){1,3}$/;

/** Do the words after an East Asian family name read as a romanised given name? ("Wang Haijiang", not "Kim Darroch") */
export function familyFirstShape(words: readonly string[]): boolean {
  if (words.length < 2 || words.length > 3) return false;
  const fold = (w: string) =>
    w
      .toLowerCase()
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "");
  if (!isEastAsianFamilyName(fold(words[0] as string))) return false;
  return words.slice(1).every((w) =>
    fold(w)
      .split("-")
      .every((p) => p !== "" && SYLLABLES.test(p)),
  );
}

/**
 * A romanised Chinese name in either order: two or three words of pinyin-like syllables, the first or the last a
 * Chinese family name ("Feng Biao", "Xin Liu", "Yun Yi Bai"). Strong enough to make a name a person's by itself.
 */
export function chineseNameShape(words: readonly string[]): boolean {
  if (words.length < 2 || words.length > 3) return false;
  const folded = words.map((w) =>
    w
      .toLowerCase()
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, ""),
  );
  if (!folded.every((w) => w.split("-").every((p) => p !== "" && SYLLABLES.test(p)))) return false;
  return isEastAsianFamilyName(folded[0] as string) || isEastAsianFamilyName(folded[folded.length - 1] as string);
}

/** data/names/given-names.txt beside the package (built by scripts/build-given-names.ts): English given names. */
const GIVEN_NAMES_FILE = fileURLToPath(new URL("../../data/names/given-names.txt", import.meta.url));
let listedGivenNames: ReadonlySet<string> | undefined;

/** The shipped given-name list, read once (empty when the file is missing: the short list above still works). */
function givenNameList(): ReadonlySet<string> {
  if (!listedGivenNames) {
    listedGivenNames = existsSync(GIVEN_NAMES_FILE)
      ? new Set(readFileSync(GIVEN_NAMES_FILE, "utf8").split("\n").filter(Boolean))
      : new Set();
  }
  return listedGivenNames;
}

/**
 * Is this word on the short list of given names common in international news? Stricter tests want it rather than
 * isCommonGivenName, whose long English list also holds many family names ("carney", "davis", "pavel").
 */
export function isListedGivenName(word: string): boolean {
  return COMMON_GIVEN_NAMES.has(word);
}

/** Is this (folded, lower-case) word a common given name? (The KB adds its persons' first names.) */
export function isCommonGivenName(word: string): boolean {
  return COMMON_GIVEN_NAMES.has(word) || givenNameList().has(word);
}
