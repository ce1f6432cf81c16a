// What kind of organisation a name denotes, read from the words of the name itself. Used to choose
// between holds_position and affiliated_with, and between located_in and member_of.
import type { EntityRef } from "../../types.js";

/** Intergovernmental bodies: states are members of them, they are not located in one state. */
const INTERGOVERNMENTAL =
  /\b(?:Organi[sz]ation|Union|Nations|Treaty|Alliance|Cooperation|Community|Commonwealth|Bloc|Mechanism|Conference|Partnership|Group of|Association of|Council of|Summit|Assembly|Security Council|Bank for Reconstruction)\b|^(?:UN|EU|NATO|SCO|CSTO|EAEU|ASEAN|OSCE|BRICS|OPEC|G7|G20|CIS|WTO|IMF|QCCM|C5|C\+C5|AIIB|ADB|EBRD)\b/;

/** Bodies of one state: ministries, parties, armed forces, state companies, agencies. */
const NATIONAL_BODY =
  /\b(?:Ministry|Ministries|Party|Army|Navy|Air Force|Armed Forces|Police|Guard|Gendarmerie|Parliament|Congress|Senate|Duma|Majlis|Mazhilis|Cabinet|Government|Presidency|Administration|Committee|Directorate|Bureau|Agency|Department|Service|Services|Office|Commission|Corporation|Company|Corp|Group|Holding|Holdings|Railways|Airlines|Petroleum|Oil|Gas|Energy|Power|Bank|Invest|Fund|Customs|Border Service|Intelligence|Court|Procuracy|Prosecutor)\b/;

/** Non-governmental: universities, think tanks, media, companies, NGOs. */
const NON_GOVERNMENTAL =
  /\b(?:University|Universit[àa]|College|School|Institute|Institution|Centre|Center|Foundation|Studies|Programme|Program|Project|Initiatives?|Society|Academy|Think|IDEAS|Forum|Review|Times|Post|News|Press|Journal|Herald|Telegraph|Guardian|Economist|Television|TV|Radio|Broadcasting|Media|Agency|Reuters|Bloomberg|Analyst|Monitor|Observer|Watch|Chatham|Brookings|Carnegie|RAND|Corporation|Company|Group|Ltd|Inc|LLC|Bank|Fund|Capital|Partners|Consulting|Associates)\b/;

const MEDIA =
  /\b(?:Times|Post|News|Press|Journal|Herald|Telegraph|Guardian|Television|TV|Radio|Broadcasting|Media|Reuters|Bloomberg|Xinhua|Tass|TASS|RIA|CCTV|CGTN|BBC|CNN|AP|AFP)\b/;

const COMPANY =
  /\b(?:Corporation|Company|Corp|Group|Holding|Holdings|Ltd|Inc|LLC|PLC|JSC|Petroleum|Railways|Airlines|Energy|Power|Mining|Motors|Telecom|Technologies|Bank|Capital)\b|China$/;

export const orgName = (e: EntityRef): string => e.name;

export function isIntergovernmental(e: EntityRef): boolean {
  return e.type === "organization" && INTERGOVERNMENTAL.test(e.name);
}

export function isNationalBody(e: EntityRef): boolean {
  return e.type === "organization" && !isIntergovernmental(e) && NATIONAL_BODY.test(e.name) && !/Embassy/.test(e.name);
}

/** A university, think tank, outlet, company or NGO (where people are affiliated, not office-holders). */
export function isNonGovernmental(e: EntityRef): boolean {
  if (e.type !== "organization" || isIntergovernmental(e)) return false;
  if (/\b(?:Ministry|Party|Army|Navy|Police|Parliament|Government|Committee|Directorate)\b/.test(e.name)) return false;
  return NON_GOVERNMENTAL.test(e.name) || MEDIA.test(e.name);
}

export function isCompany(e: EntityRef): boolean {
  return e.type === "organization" && COMPANY.test(e.name) && !isIntergovernmental(e);
}
