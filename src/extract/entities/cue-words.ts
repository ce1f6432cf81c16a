// The closed vocabularies the recogniser types names by: head nouns of organisation, place, facility and initiative
// names, cue verbs of speakers, prepositions of place. General English newswire usage, lower case.

const set = (words: string): ReadonlySet<string> => new Set(words.trim().split(/\s+/));

/** Last word of an organisation's name: "... Bank", "... Institute", "... Party". */
export const ORG_HEADS = set(`
  bank bancorp institute institution university college school academy party ministry department agency bureau office
  council committee commission assembly parliament congress senate duma court tribunal corporation corp company co inc
  ltd llc plc gmbh ag sa group holdings holding fund foundation association society union league federation
  confederation alliance organization organisation forum service services army navy force forces guard guards police
  militia movement front brigade brigades battalion network center centre club times post news journal review herald
  tribune gazette daily press radio television tv channel broadcasting mechanism directorate secretariat authority board
  trust airlines airways railways petroleum energy telecom motors exchange mission embassy consulate cabinet command
  corps regiment fleet monitor watch international partners industries enterprises systems technologies laboratory
  laboratories labs media magazine weekly telegraph guardian caucus coalition jamaat brotherhood chamber initiatives
  united rovers wanderers athletic albion fc afc hotspur
`);

/** First word of an organisation's name when "of"/"for" follows: "Ministry of ...", "University of ...". */
export const ORG_PREFIXES = set(`
  ministry department university institute bank office bureau council committee commission academy school college agency
  organization organisation federation union association embassy consulate court house board church order league society
  center centre party army government chamber fund foundation club museum library people's
`);

/** Last word of a place name: "... Province", "... River". */
export const LOCATION_HEADS = set(`
  province region district county prefecture oblast krai raion governorate municipality city town village valley river
  lake sea ocean mountains mountain range hills desert basin plateau peninsula island islands isles strait straits gulf
  bay coast corridor steppe delta plain plains square street avenue territory territories heights highlands lowlands
  archipelago canyon gorge oasis borough
`);

/** First word of a place name: "Lake ...", "Gulf of ...". */
export const LOCATION_PREFIXES = set(`lake mount mt gulf sea bay strait straits cape isle river`);

/** Last word of a facility's name (built things and projects): "... Pipeline", "... Airport". */
export const FACILITY_HEADS = set(`
  pipeline pipelines airport port base airbase station dam bridge plant mine field oilfield gasfield hotel stadium tower
  palace railway railroad highway canal terminal refinery reactor complex farm prison camp tunnel cosmodrome spaceport
  shipyard harbour harbor mosque cathedral temple monastery block project hydropower crossing checkpoint
`);

/** Last word of an initiative's name: policies, programmes, treaties, doctrines. */
export const INITIATIVE_HEADS = set(`
  initiative program programme plan strategy doctrine treaty agreement accord accords convention charter pact
  protocol declaration act policy campaign vision framework roadmap
`);

/** First word of an initiative's name when "of"/"on" follows: "Treaty of ...", "Charter of ...". */
export const INITIATIVE_PREFIXES = set(
  `treaty charter convention declaration protocol agreement programme program plan`,
);

/** Last word of a named event, prize or other thing that is a name but no entity (tagged MISC). */
export const MISC_HEADS = set(`
  war wars cup championship championships games olympics olympiad prize award awards festival tournament marathon
  revolution uprising crisis summit expo massacre attack attacks bombing bombings incident riots protests coup
`);

/** Lower-case nouns after a name that make the whole a facility: "the Kashagan oil field". */
export const FACILITY_NOUNS = set(`
  pipeline pipelines airport port base airbase station dam bridge plant mine field oilfield hotel stadium refinery
  terminal railway highway canal reactor complex farm project block crossing checkpoint
`);

/** Lower-case words that may stand between a name and a facility noun: "oil", "copper", "train". */
export const FACILITY_MODIFIERS = set(`
  oil gas copper gold coal iron uranium lithium hydroelectric hydropower power nuclear solar wind train railway rail
  air naval military bus sea river dry deep-water deepwater logistics industrial
`);

/** Lower-case nouns after a place name: "Badakhshan province". */
export const LOCATION_NOUNS = set(`
  province region district county prefecture oblast city town village valley river lake mountains area governorate
  municipality
`);

/** Lower-case nouns after a name that make the whole an initiative: "the Strike Hard campaign". */
export const INITIATIVE_NOUNS = set(`campaign initiative programme program doctrine strategy`);

/** Lower-case words before a name that make it a place: "the river Ile". */
export const LOCATION_NOUNS_BEFORE = set(`river lake mount`);

/** Verbs that make the name before them a speaker: "X said". */
export const SPEECH_VERBS = set(`
  said says told tells added adds noted notes argued argues wrote writes explained explains stated warned warns
  believes believed thinks thought insisted insists claimed claims asked asks replied replies acknowledged acknowledges
  admitted admits suggested suggests recalled recalls continued concluded commented comments emphasized emphasised
  stressed stresses tweeted posted urged urges recounted remarked observed observes predicted predicts cautioned
  conceded declared
`);

/** Nouns after "X, a/an/the ..." (possibly behind adjectives) that make X a person. */
export const PERSON_NOUNS = set(`
  expert analyst professor director fellow researcher scholar journalist correspondent spokesman spokeswoman
  spokesperson author editor founder chairman chairwoman chief head president minister official adviser advisor
  ambassador diplomat economist historian lecturer commentator reporter writer leader member candidate student
  associate coordinator specialist manager executive lawyer activist officer commander general colonel deputy
  secretary senator lawmaker mayor governor politician entrepreneur businessman businesswoman billionaire banker
  engineer doctor scientist teacher blogger militant fighter cleric imam mullah dissident citizen resident worker
  farmer soldier pilot athlete player coach striker midfielder defender goalkeeper captain veteran ex-president
  sociologist anthropologist academic investor trader partner consultant strategist observer negotiator envoy
  premier king queen prince princess son daughter wife husband brother sister father mother grandson widow nephew
  assistant survivor anchor presenter host co-author
`);

/** Occupations written right before a name: "analyst X", "spokesperson X". */
export const PERSON_NOUNS_BEFORE = set(`
  analyst expert journalist correspondent reporter researcher scholar professor economist historian lawyer activist
  blogger envoy commander spokesman spokeswoman spokesperson director author writer editor columnist commentator
  photographer diplomat politician lawmaker senator governor mayor minister president premier chairman ambassador
  businessman billionaire tycoon dissident cleric preacher ideologue leader founder colleague adviser advisor
  anchor presenter
`);

/** Prepositions of place: "in X", "near X". */
export const LOCATIVE_PREPOSITIONS = set(`in at near outside inside around across throughout within into`);

/** Words of movement that make a following "to X"/"from X" a place. */
export const MOVEMENT_WORDS = set(`
  travel travels travelled traveled travelling traveling flew fly flies flown flight flights trip trips visit visits
  visited visiting arrive arrives arrived arriving return returns returned returning went go goes come comes came head
  heads headed heading moved move moves journey relocated fled flee flees deported deportation route routes road roads
  railway rail shipped exported imported
`);

/** Words joining the parts of one name: "Bank of China", "Abu Bakr al-Baghdadi". */
export const NAME_CONNECTORS = set(
  `of for and & on de del della da di du la le van von der den al el bin ibn ul ud y the`,
);

/** Connectors that only organisation, place, facility and initiative names use (a person's name never does). */
export const ORG_ONLY_CONNECTORS = set(`of for and & on the`);

/** Words that form names with a possessive: "People's Liberation Army", "Workers' Party". */
export const POSSESSIVE_NAME_WORDS = set(
  `people people's women men workers children farmers veterans citizens nations`,
);

/** Capitalised words that are never names by themselves. */
export const NEVER_NAMES = set(`
  january february march april may june july august september october november december jan feb mar apr jun jul aug
  sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow mr mrs ms dr
  prof sir madam i i'm i've i'd i'll we you he she they it this that these those there here what why how when where who
  which whose while if but and or so yet for nor the a an of in on at to by as from with however also meanwhile
  moreover furthermore although though because since after before during until unless whether both either neither
  each every all some any many much more most other another such no not yes one two three four five six seven eight
  nine ten first second third last next new old our your their his her its my me us them him photo image images
  video map source sources credit credits advertisement share tweet email print click subscribe read more comments
  reply posted tags tagged updated published follow like www http https
  ok okay please thanks thank sorry hello hi
`);

/** Upper-case abbreviations that are no organisation: "GDP", "CEO". */
export const NON_ORG_ACRONYMS = set(`
  GDP GNP CEO CFO COO CTO LNG LPG CO2 COVID AIDS HIV SARS MERS FAQ FAQS USD EUR RMB CNY GBP JPY RUB KZT PDF UTC GMT
  BC AD AM PM TV OK ID IT AI VR AR EV UAV UAVS IED IEDS ICBM ICBMS SAM MP MPS PR HQ PHD MA MSC BA BSC MBA VIP DIY
  FY Q1 Q2 Q3 Q4 II III IV VI VII VIII IX XI XII XX XXI DNA RNA GPS SMS URL HTML API USB CD DVD NB PS RIP ASAP
  IST EST EDT PST PDT CET CEST BST JST MSK KST AEST HKT SGT CC BY NC SA ND BBQ FYI LOL OMG KM KG MW GW KW MWH GWH BCM TCF MT MMT BPD BOE
`);

/** Honorifics: a name follows. */
export const HONORIFICS = set(`mr mr. mrs mrs. ms ms. miss dr dr. prof prof. sir dame lord lady madame monsieur herr`);

/** Peoples, faiths and movements: names, but of no entity in the ontology (tagged MISC). Plurals are derived. */
export const GROUP_NAMES = set(`
  uyghur uighur uygur kurd kurdish pashtun pashtuns hazara baloch baluch tibetan han hui tatar chechen rohingya yazidi
  druze sunni shia shiite muslim christian jewish jew buddhist hindu sikh catholic orthodox protestant islamist jihadist
  salafi salafist wahhabi sufi alawite maoist marxist leninist turkic slavic cossack roma latino hispanic bedouin berber
  sinhalese tamil karen kachin shan bamar igbo yoruba hausa zulu maori aboriginal dungan uzbeks kazakhs kyrgyz tajiks
  islamic
`);
