/** GB 32100-2015 §4.2: 31 characters, digits and capitals without I, O, Z, S, V. */
export const USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
/** GB 32100-2015 Annex B: weight of position i is 3^i mod 31. */
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** The check character the first 17 characters call for (GB 32100-2015 Annex B), or undefined on a bad character. */
export function usccCheckCharacter(first17: string): string | undefined {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_CHARSET.indexOf(first17.charAt(i));
    if (v < 0) return undefined;
    sum += v * (WEIGHTS[i] as number);
  }
  return USCC_CHARSET.charAt((31 - (sum % 31)) % 31);
}

/** GB 11714-1997 organisation-code check character for characters 9–17 of a USCC; undefined when not computable. */
export function organisationCodeCheck(first8: string): string | undefined {
  const w = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = first8.charAt(i);
    const v = /\d/.test(c) ? Number(c) : /[A-Z]/.test(c) ? c.charCodeAt(0) - 55 : -1;
    if (v < 0) return undefined;
    sum += v * (w[i] as number);
  }
  const r = 11 - (sum % 11);
  return r === 10 ? "X" : r === 11 ? "0" : String(r);
}

interface Authority {
  readonly zh: string;
  readonly en: string;
  readonly categories: Readonly<Record<string, readonly [zh: string, en: string]>>;
}

/** GB 32100-2015 Annex A: registration-authority codes (登记管理部门代码) and organisation categories (机构类别代码). */
export const AUTHORITIES: Readonly<Record<string, Authority>> = {
  "1": { zh: "机构编制", en: "institutional staffing (机构编制)", categories: { "1": ["机关", "government organ"], "2": ["事业单位", "public institution"], "3": ["中央编办直接管理机构编制的群众团体", "mass organisation under the central staffing office"], "9": ["其他", "other"] } },
  "2": { zh: "外交", en: "foreign affairs", categories: { "1": ["外国常驻新闻机构", "resident foreign news agency"], "9": ["其他", "other"] } },
  "3": { zh: "司法行政", en: "justice administration", categories: { "1": ["律师执业机构", "law firm"], "2": ["公证处", "notary office"], "3": ["基层法律服务所", "grassroots legal service"], "4": ["司法鉴定机构", "forensic appraisal institution"], "5": ["仲裁委员会", "arbitration commission"], "9": ["其他", "other"] } },
  "4": { zh: "文化", en: "culture", categories: { "1": ["外国在华文化中心", "foreign cultural centre"], "9": ["其他", "other"] } },
  "5": { zh: "民政", en: "civil affairs", categories: { "1": ["社会团体", "social organisation"], "2": ["民办非企业单位", "private non-enterprise unit"], "3": ["基金会", "foundation"], "9": ["其他", "other"] } },
  "6": { zh: "旅游", en: "tourism", categories: { "1": ["外国旅游部门常驻代表机构", "foreign tourism office"], "2": ["港澳台地区旅游部门常驻内地（大陆）代表机构", "HK/Macao/Taiwan tourism office"], "9": ["其他", "other"] } },
  "7": { zh: "宗教", en: "religious affairs", categories: { "1": ["宗教活动场所", "place of religious activity"], "2": ["宗教院校", "religious college"], "9": ["其他", "other"] } },
  "8": { zh: "工会", en: "trade unions", categories: { "1": ["基层工会", "grassroots trade union"], "9": ["其他", "other"] } },
  "9": { zh: "工商", en: "market regulation (工商)", categories: { "1": ["企业", "enterprise"], "2": ["个体工商户", "individual business"], "3": ["农民专业合作社", "farmers' cooperative"] } },
  A: { zh: "中央军委改革和编制办公室", en: "CMC reform and staffing office", categories: { "1": ["军队事业单位", "military public institution"], "9": ["其他", "other"] } },
  N: { zh: "农业", en: "agriculture", categories: { "1": ["组级集体经济组织", "group-level collective"], "2": ["村级集体经济组织", "village-level collective"], "3": ["乡镇级集体经济组织", "township-level collective"], "9": ["其他", "other"] } },
  Y: { zh: "其他", en: "other", categories: { "1": ["其他", "other"] } },
};

/**
 * GB 32100-2015 Annex A in brief: each registration authority's assigned organisation categories, without their
 * names, for {@link isValidUscc} (a validity check that bundles no names and no messages). Equal to the keys of
 * {@link AUTHORITIES} (test/ids/uscc.test.ts checks it).
 */
export const ASSIGNED_CATEGORIES: Readonly<Record<string, string>> = { "1": "1239", "2": "19", "3": "123459", "4": "19", "5": "1239", "6": "129", "7": "129", "8": "19", "9": "123", A: "19", N: "1239", Y: "1" };
