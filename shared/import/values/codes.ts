// Coded values to the template's codes. Real files write the same code many ways: "a) U1: Foster placement
// - relatives", "U1", "U1 - Foster placement with relative", "Foster placement with relative or friend".
// Each code list first looks for the code itself (U1, C2, PR4, E11, N1, 3A...), then for the words of its
// meaning. A value that matches nothing is reported, never guessed.
import { cellText, type Cell } from '../cells.ts';
import type { FieldSpec } from '../list-catalogue.ts';
import { describeCell, quoted } from './describe-cell.ts';

export type CodeListId = NonNullable<FieldSpec['codeList']>;

interface CodeEntry {
  /** The code stored in the dataset, e.g. 'U1', 'C2', 'neglect'. */
  code: string;
  /** Plain-English meaning, for reports and exports. */
  label: string;
  /** Patterns matching the code as written on its own (after prefix stripping). */
  tokens?: readonly RegExp[];
  /** Patterns matching the words of its meaning. */
  words?: readonly RegExp[];
}

const entry = (code: string, label: string, tokens: readonly RegExp[] = [], words: readonly RegExp[] = []): CodeEntry => ({ code, label, tokens, words });
const token = (code: string) => new RegExp(`(^|[^a-z0-9])${code}($|[^a-z0-9])`, 'i');

const placementTypes: CodeEntry[] = [
  ...['U1', 'U2', 'U3', 'U4', 'U5', 'U6'].map((c) => entry(c, 'Foster placement', [token(c)])),
  ...['A3', 'A4', 'A5', 'A6'].map((c) => entry(c, 'Placed for adoption', [token(c)])),
  entry('A', 'Placed for adoption (code not given)', [token('A1'), token('A2')], [/placed for adoption/i]),
  entry('P1', 'Placed with parents', [token('P1')], [/placed with (own )?parent|with parents|parent(al)? resp/i]),
  entry('P2', 'Independent living', [token('P2')], [/independent living|living independently|lodgings/i]),
  entry('P3', 'Residential employment', [token('P3')], [/residential employment/i]),
  entry('H5', 'Residential accommodation not subject to children’s homes regulations', [token('H5')], [/residential accommodation|hostel|supported (accommodation|lodgings)/i]),
  entry('K3', 'Supported accommodation (regulated)', [token('K3')]),
  entry('K4', 'Supported accommodation (regulated, with a children’s home provider)', [token('K4')]),
  entry('K1', 'Secure children’s home', [token('K1'), token('H1'), token('H2')], [/secure/i]),
  entry('K2', 'Children’s home', [token('K2'), token('H3'), token('H4')], [/children'?s'? homes?|childrens home|homes? and hostels/i]),
  entry('R1', 'Residential care home', [token('R1')], [/residential care home|nursing home/i]),
  entry('R2', 'NHS or health trust', [token('R2')], [/nhs|health trust|medical or nursing/i]),
  entry('R3', 'Family centre or mother and baby unit', [token('R3')], [/mother (and|&) baby|family centre/i]),
  entry('R5', 'Young offender institution or prison', [token('R5')], [/young offender|prison|custod/i]),
  entry('S1', 'Residential school', [token('S1')], [/residential school/i]),
  entry('Z1', 'Other placement', [token('Z1')], [/other placement/i]),
  ...['T0', 'T1', 'T2', 'T3', 'T4'].map((c) => entry(c, 'Temporary placement', [token(c)])),
  entry('T', 'Temporary placement (code not given)', [], [/temporary|short break|respite/i]),
  entry('U', 'Foster placement (code not given)', [/(^|[^a-z0-9])(F[1-6]|Q[12])($|[^a-z0-9])/i], [/foster|\bfp\b/i]),
  entry('A', 'Placed for adoption (code not given)', [], [/adopt/i]),
];

/** Groups of placement types used for costs: what an authority budgets by. */
export const placementGroups = {
  foster: 'Fostering',
  adoption: 'Placed for adoption',
  parents: 'Placed with parents',
  independent: 'Independent and semi-independent living',
  residential: 'Children’s homes and residential settings',
  secure: 'Secure units and custody',
  other: 'Other and temporary placements',
} as const;
export type PlacementGroup = keyof typeof placementGroups;

export function placementGroupOf(code: string): PlacementGroup {
  if (code.startsWith('U')) return 'foster';
  if (code.startsWith('A')) return 'adoption';
  if (code === 'P1') return 'parents';
  if (code === 'P2' || code === 'H5' || code === 'K3' || code === 'K4') return 'independent';
  if (code === 'K1' || code === 'R5') return 'secure';
  if (code === 'K2' || code === 'R1' || code === 'R2' || code === 'R3' || code === 'S1' || code === 'P3') return 'residential';
  return 'other';
}

const legalStatuses: CodeEntry[] = [
  entry('C1', 'Interim care order', [token('C1')], [/interim care order|\bico\b/i]),
  entry('E1', 'Placement order', [token('E1'), /^PO$/i], [/placement order/i]),
  entry('C2', 'Full care order', [token('C2')], [/care order|\bfco\b|ward(ship| of court)/i]),
  entry('D1', 'Freeing order', [token('D1')], [/freeing|freed for adoption/i]),
  entry('V3', 'Short breaks, episodes recorded', [token('V3')]),
  entry('V4', 'Short breaks, agreements recorded', [token('V4')], [/short[- ]term breaks?|short breaks?/i]),
  entry('V2', 'Accommodated under section 20', [token('V2'), token('V1')], [/s(ection|ec)?\.? ?20|accommodated|voluntary/i]),
  entry('L1', 'Police protection', [token('L1')], [/police protection/i]),
  entry('L2', 'Emergency protection order', [token('L2')], [/emergency protection|\bepo\b/i]),
  entry('L3', 'Child assessment order', [token('L3')], [/child assessment order/i]),
  entry('J1', 'Remanded to local authority or youth detention', [token('J1')], [/remand/i]),
  entry('J2', 'Detained under PACE', [token('J2')], [/pace/i]),
  entry('J3', 'Youth rehabilitation or supervision order', [token('J3')], [/youth rehabilitation|supervision order|cypa/i]),
];

const placementProviders: CodeEntry[] = [
  entry('PR0', 'Parents or others with parental responsibility', [/(^|[^a-z0-9])PR ?0($|[^0-9])/i], [/parent/i]),
  entry('PR1', 'Own provision (by the local authority)', [/(^|[^a-z0-9])PR ?1($|[^0-9])/i], [/own (la |local authority )?provision|own la|in[- ]house/i]),
  entry('PR2', 'Other local authority provision', [/(^|[^a-z0-9])PR ?2($|[^0-9])/i], [/other (la|local authority)/i]),
  entry('PR3', 'Other public provision', [/(^|[^a-z0-9])PR ?3($|[^0-9])/i], [/other public/i]),
  entry('PR4', 'Private provision', [/(^|[^a-z0-9])PR ?4($|[^0-9])/i], [/private|\bifa\b|independent fostering/i]),
  entry('PR5', 'Voluntary or third sector provision', [/(^|[^a-z0-9])PR ?5($|[^0-9])/i], [/voluntary|third sector|charit/i]),
];

const reasonsCeased: CodeEntry[] = [
  ...['E11', 'E12'].map((c) => entry(c, 'Adopted', [token(c)])),
  entry('E2', 'Died', [token('E2')], [/died|death/i]),
  entry('E3', 'Care taken by another local authority', [token('E3')], [/(another|other) (la|local authority)/i]),
  entry('E4A', 'Returned home to live with parents or relatives (planned)', [token('E4A')]),
  entry('E4B', 'Returned home to live with parents or relatives (not planned)', [token('E4B')]),
  entry('E4', 'Returned home to live with parents or relatives', [token('E4')], [/ret(urn)?(ed)? home|returned to (live with )?parent|with parent.*with (pr|parental resp)/i]),
  entry('E13', 'Left care to live with parents, relatives or others without parental responsibility', [token('E13')], [/left care to live with|no (pr|parental resp)/i]),
  entry('E17', 'Aged 18 or over and stayed with current carers', [token('E17')], [/staying put|remained with (current )?carers/i]),
  entry('E41', 'Residence or child arrangements order', [token('E41')], [/residence order|child arrangements? order/i]),
  ...['E45', 'E46', 'E47', 'E48'].map((c) => entry(c, 'Special guardianship order', [token(c)])),
  entry('E43', 'Special guardianship order (code not given)', [token('E42'), token('E43'), token('E44')], [/special guardianship|\bsgo\b/i]),
  entry('E5', 'Moved into independent living with support', [token('E5')]),
  entry('E6', 'Moved into independent living without support', [token('E6')], [/independent living/i]),
  entry('E7', 'Transferred to adult social care', [token('E7')], [/adult social (care|services)|adult ss/i]),
  entry('E9', 'Sentenced to custody', [token('E9')], [/sentenced|custody/i]),
  entry('E14', 'Accommodation on remand ended', [token('E14')], [/remand/i]),
  entry('E15', 'Age assessment found the young person was 18 or over', [token('E15')], [/age assess/i]),
  entry('E16', 'Moved abroad', [token('E16')], [/abroad/i]),
  entry('E8', 'Care ceased for any other reason', [token('E8')], [/any other reason|other reason/i]),
  entry('E1', 'Adopted (code not given)', [], [/adopt/i]),
  entry('X1', 'Episode ended and a new one began the same day', [token('X1')], [/new episode|same day/i]),
];

const needCategories: CodeEntry[] = [
  entry('N1', 'Abuse or neglect', [/(^|[^a-z0-9])N ?1[a-z]?($|[^a-z0-9])/i, /^1[a-z]?\b/i], [/abuse|neglect|^abs_/i]),
  entry('N2', 'Child’s disability', [/(^|[^a-z0-9])N ?2[a-z]?($|[^a-z0-9])/i, /^2[a-z]?\b/i], [/disab/i]),
  entry('N3', 'Parental illness or disability', [/(^|[^a-z0-9])N ?3[a-z]?($|[^a-z0-9])/i, /^3[a-z]?\b/i], [/parent\w* (illness|disability)|ill parent/i]),
  entry('N4', 'Family in acute stress', [/(^|[^a-z0-9])N ?4[a-z]?($|[^a-z0-9])/i, /^4[a-z]?\b/i], [/acute stress/i]),
  entry('N5', 'Family dysfunction', [/(^|[^a-z0-9])N ?5[a-z]?($|[^a-z0-9])/i, /^5[a-z]?\b/i], [/dysfunction/i]),
  entry('N6', 'Socially unacceptable behaviour', [/(^|[^a-z0-9])N ?6[a-z]?($|[^a-z0-9])/i, /^6[a-z]?\b/i], [/socially unacceptable|offending/i]),
  entry('N7', 'Low income', [/(^|[^a-z0-9])N ?7[a-z]?($|[^a-z0-9])/i, /^7[a-z]?\b/i], [/low income/i]),
  entry('N8', 'Absent parenting', [/(^|[^a-z0-9])N ?8[a-z]?($|[^a-z0-9])/i, /^8[a-z]?\b/i], [/absent parent/i]),
  entry('N9', 'Cases other than children in need', [token('N9')], [/other than child(ren)? in need|not cin/i]),
  entry('N0', 'Not stated', [token('N0')], [/not stated/i]),
];

const abuseCategories: CodeEntry[] = [
  entry('multiple', 'Multiple', [/^(MUL|MULT|MULTI)$/i], [/multiple/i]),
  entry('neglect', 'Neglect', [/^NEG$/i], [/neglect/i]),
  entry('physical', 'Physical abuse', [/^(PHY|PA|PHYSAB)$/i], [/physical/i]),
  entry('sexual', 'Sexual abuse', [/^(SAB|SA|SEX)$/i], [/sexual/i]),
  entry('emotional', 'Emotional abuse', [/^(EMO|EA)$/i], [/emotion/i]),
];

const referralSources: CodeEntry[] = [
  entry('1', 'Individual', [/^1[a-d]?\b/i, /(^|[^a-z0-9])1[a-d]($|[^a-z0-9])/i], [/individual|parent|carer|relative|family|self|neighbour|acquaintance|public|brother|sister|aunt|uncle|daughter|\bson\b|grand|friend|community|councillor|mother|father/i]),
  entry('2A', 'Schools', [/^2a\b/i, token('2A')], [/school(?!.*nurse)/i]),
  entry('2B', 'Education services', [/^2b\b/i, token('2B')], [/education|nursery|pre-?school/i]),
  entry('3', 'Health services', [/^3[a-f]?\b/i, /(^|[^a-z0-9])3[a-f]($|[^a-z0-9])/i], [/health|gp|hospital|midwi|a ?& ?e|nurse|camhs|\bmed\b|doctor|paediatric|dentist/i]),
  entry('4', 'Housing', [/^4\b/i], [/housing/i]),
  entry('5', 'Local authority services', [/^5[a-d]?\b/i, /(^|[^a-z0-9])5[a-d]($|[^a-z0-9])/i], [/la services|local authority|social care|youth offending|adult|early help|children'?s services/i]),
  entry('6', 'Police', [/^6\b/i], [/police/i]),
  entry('7', 'Other legal agency', [/^7\b/i], [/legal|court|probation|cafcass|prison|immigration/i]),
  entry('8', 'Other', [/^8\b/i], [/other|voluntary|children'?s cent/i]),
  entry('9', 'Anonymous', [/^9\b/i], [/anonymous/i]),
  entry('10', 'Unknown', [/^10\b/i], [/unknown|not known/i]),
];

export const codeLists: Readonly<Record<CodeListId, readonly CodeEntry[]>> = {
  'placement-type': placementTypes,
  'legal-status': legalStatuses,
  'placement-provider': placementProviders,
  'reason-ceased': reasonsCeased,
  'need-category': needCategories,
  'abuse-category': abuseCategories,
  'referral-source': referralSources,
};

/** Strips the template's list prefix ("a) ", "zz) ", "p1) ", "a. "), quotes, and bracketed extras. */
export function stripCodePrefix(text: string): string {
  return text
    .replace(/^[\u2018\u2019'"]+/, '')
    .replace(/^\(?[a-z]{1,2}\d?[).]\s+/i, '')
    .replace(/^\(?[a-z]{1,2}\)\s*/i, '')
    .trim();
}

// Census-style flag strings for abuse categories: Y/N for Neglect, Physical, Sexual, Emotional.
function abuseFromFlags(text: string): string | null {
  if (!/^[YN]{4}$/i.test(text)) return null;
  const flags = text.toUpperCase().split('');
  const order = ['neglect', 'physical', 'sexual', 'emotional'];
  const yes = order.filter((_, i) => flags[i] === 'Y');
  return yes.length === 1 ? yes[0]! : yes.length > 1 ? 'multiple' : null;
}

function abuseFromWords(text: string): string | null {
  const found = ['neglect', 'physical', 'sexual', 'emotion'].filter((w) => text.toLowerCase().includes(w));
  if (found.length > 1) return 'multiple';
  return null;
}

export type CodeParse = { ok: true; code: string } | { ok: false; message: string };

// A list holds the same few hundred spellings thousands of times: remember each answer, code list by
// code list (the cell's text is the key as it is: no key is built per cell).
const memos = new Map<CodeListId, Map<string, CodeParse>>();
const memoLimit = 50_000;

export function normaliseCode(list: CodeListId, cell: Cell): CodeParse {
  let memo = memos.get(list);
  if (!memo) memos.set(list, (memo = new Map()));
  const key = typeof cell === 'string' ? cell : cellText(cell);
  let parsed = memo.get(key);
  if (parsed === undefined) {
    parsed = normaliseCodeUncached(list, cell);
    if (memo.size >= memoLimit) memo.clear();
    memo.set(key, parsed);
  }
  return parsed;
}

function normaliseCodeUncached(list: CodeListId, cell: Cell): CodeParse {
  const raw = cellText(cell);
  const text = stripCodePrefix(raw);
  if (list === 'abuse-category') {
    const special = abuseFromFlags(text) ?? abuseFromWords(text);
    if (special) return { ok: true, code: special };
  }
  const entries = codeLists[list];
  // The code itself wins over words: "K1 - Residential Placement" is K1 whatever the words say. Of
  // several codes, the one written first wins ("E1 - Placement order and C2" is E1).
  let best: { code: string; at: number } | null = null;
  for (const e of entries) {
    for (const pattern of e.tokens ?? []) {
      const m = pattern.exec(text);
      if (m && (!best || m.index < best.at)) best = { code: e.code, at: m.index };
    }
  }
  if (best) return { ok: true, code: best.code };
  for (const e of entries) if ((e.words ?? []).some((w) => w.test(text))) return { ok: true, code: e.code };
  const shown = quoted(raw);
  return { ok: false, message: shown ? `${shown} is not a code Demand Workbook recognises` : describeCell(raw, 'a code') };
}

export type YesNoParse = { ok: true; value: boolean } | { ok: false; message: string };

const yesWords = new Set(['yes', 'y', '1', 'true', 't', '1 - yes', 'nfa', 'no further action', 'uasc']);
const noWords = new Set(['no', 'n', '0', 'false', 'f', '0 - no', 'fa', 'further action', 'non-uasc', 'not uasc']);

// Like codes, the same few spellings repeat on every row.
const yesNoMemo = new Map<string, YesNoParse>();

export function parseYesNo(cell: Cell): YesNoParse {
  if (typeof cell === 'boolean') return { ok: true, value: cell };
  if (typeof cell !== 'string') return parseYesNoUncached(cell);
  let parsed = yesNoMemo.get(cell);
  if (parsed === undefined) {
    parsed = parseYesNoUncached(cell);
    if (yesNoMemo.size >= memoLimit) yesNoMemo.clear();
    yesNoMemo.set(cell, parsed);
  }
  return parsed;
}

function parseYesNoUncached(cell: Cell): YesNoParse {
  const raw = cellText(cell);
  const text = stripCodePrefix(raw).toLowerCase().replace(/\s+/g, ' ');
  if (yesWords.has(text)) return { ok: true, value: true };
  if (noWords.has(text)) return { ok: true, value: false };
  const shown = quoted(raw);
  return { ok: false, message: shown ? `${shown} is not yes or no` : describeCell(raw, 'yes or no') };
}
