// The Annex A lists the model reads, and the columns it keeps from each. Only these columns are ever
// stored: names, teams, workers, postcodes and the rest are never read past the header row.
// Aliases are compared after normaliseHeader(), so case, spacing, punctuation and quotes do not matter.

import type { Cell } from './cells.ts';

export type ListId = 'referrals' | 'cpp' | 'cla';

export type FieldKind = 'id' | 'date' | 'age' | 'count' | 'money' | 'yes-no' | 'code' | 'choice';

/** A word read into one of a few values; a word it does not know falls back (e.g. to "other") with a note. */
export type ChoiceParse = { ok: true; value: string } | { ok: false; value: string | null; message: string };

export interface FieldSpec {
  key: string;
  /** The exact header of the official template, used in messages. */
  header: string;
  kind: FieldKind;
  required: boolean;
  /** Normalised header aliases. */
  aliases: readonly string[];
  /** Normalised prefixes for long headers that files abbreviate or mangle at the end. */
  prefixes?: readonly string[];
  /** For kind 'code': which code list normalises it. */
  codeList?: 'abuse-category' | 'legal-status' | 'placement-type' | 'placement-provider' | 'reason-ceased' | 'need-category' | 'referral-source';
  /** For kind 'choice': how a cell is read. */
  choice?: (cell: Cell) => ChoiceParse;
}

/** A list read by its headers: the Annex A lists, and the housing case and TA lists. */
export interface TableSpec<Id extends string = string> {
  id: Id;
  name: string; // as users call it
  /** The key date: a row without it cannot be used. */
  keyDate: string;
  fields: readonly FieldSpec[];
  sheetHints: readonly RegExp[];
}

export interface ListSpec extends TableSpec<ListId> {
  number: 3 | 7 | 8;
  templateTitle: string;
}

/** Lists recognised so that a file holding them is reported, not mistaken for a list the model reads. */
export interface OtherList {
  number: number;
  name: string;
  signatures: readonly string[];
  sheetHints: readonly RegExp[];
}

/** The lists of one service, as detect-table searches a grid's header rows for them. */
export interface TableCatalogue<Id extends string = string> {
  lists: readonly TableSpec<Id>[];
  /** The ID column every list has: a header row naming it is a list's, not prose. */
  idField: FieldSpec;
  otherLists: readonly OtherList[];
  /** Each list's headers in order, to read rows pasted without their header row. */
  templateHeaders: Readonly<Record<Id, readonly string[]>>;
}

export function normaliseHeader(raw: string): string {
  return raw
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[\u2018\u2019\u201b\u2032`´]/g, "'")
    .replace(/[^a-z0-9]/g, '');
}

const childId: FieldSpec = {
  key: 'childId',
  header: 'Child Unique ID',
  kind: 'id',
  required: true,
  aliases: ['childuniqueid', 'childid', 'childuid', 'uniqueid', 'uniquechildid', 'childuniqueidentifier', 'childidentifier', 'personid', 'personuniqueid', 'clientid', 'lachildid', 'childref', 'childreference', 'personref', 'id', 'cuid'],
};
const dateOfBirth: FieldSpec = {
  key: 'dateOfBirth',
  header: 'Date of Birth',
  kind: 'date',
  required: false,
  aliases: ['dateofbirth', 'dob', 'birthdate', 'childdateofbirth', 'childdob', 'persondateofbirth', 'personbirthdate', 'dateofbirthddmmyyyy'],
};
const age: FieldSpec = {
  key: 'age',
  header: 'Age of Child (Years)',
  kind: 'age',
  required: false,
  aliases: ['ageofchildyears', 'ageofchild', 'age', 'ageyears', 'childage', 'ageinyears'],
};

export const listCatalogue: Readonly<Record<ListId, ListSpec>> = {
  referrals: {
    id: 'referrals',
    number: 3,
    name: 'Referrals (List 3)',
    templateTitle: 'List 3: Referral',
    keyDate: 'referralDate',
    sheetHints: [/\blist[\s_-]*0?3\b/i, /referr/i],
    fields: [
      childId,
      dateOfBirth,
      age,
      {
        key: 'referralDate',
        header: 'Date of referral',
        kind: 'date',
        required: true,
        aliases: ['dateofreferral', 'referraldate', 'datereferralreceived', 'referralreceiveddate', 'referralstartdate', 'datereferred', 'referraldatetime'],
      },
      { key: 'referralSource', header: 'Referral Source', kind: 'code', required: false, codeList: 'referral-source', aliases: ['referralsource', 'sourceofreferral', 'referralsourcecode', 'source'] },
      { key: 'referralNfa', header: 'Referral NFA?', kind: 'yes-no', required: false, aliases: ['referralnfa', 'nfa', 'referralnofurtheraction', 'nofurtheraction'] },
      {
        key: 'referralsInLast12Months',
        header: 'Number of Referrals in Last 12 Months',
        kind: 'count',
        required: false,
        aliases: ['numberofreferralsinlast12months', 'referralsinlast12months', 'noofreferralsinlast12months', 'numberofreferralsinthelast12months', 'referralslast12months'],
      },
    ],
  },
  cpp: {
    id: 'cpp',
    number: 7,
    name: 'Child protection plans (List 7)',
    templateTitle: 'List 7: Child protection',
    keyDate: 'startDate',
    sheetHints: [/\blist[\s_-]*0?7\b/i, /child[\s_-]*protection|\bcpp?\b/i],
    fields: [
      childId,
      dateOfBirth,
      age,
      {
        key: 'startDate',
        header: 'Child Protection Plan Start Date',
        kind: 'date',
        required: true,
        aliases: ['childprotectionplanstartdate', 'cppstartdate', 'cpstartdate', 'planstartdate', 'cppstart', 'cpplanstartdate', 'protectionplanstartdate'],
      },
      {
        key: 'endDate',
        header: 'Child Protection Plan End Date',
        kind: 'date',
        required: false,
        aliases: ['childprotectionplanenddate', 'cppenddate', 'cpenddate', 'planenddate', 'cppend', 'cpplanenddate', 'protectionplanenddate'],
      },
      { key: 'initialCategory', header: 'Initial Category of Abuse', kind: 'code', required: false, codeList: 'abuse-category', aliases: ['initialcategoryofabuse', 'initialcategory', 'initialabusecategory'] },
      { key: 'latestCategory', header: 'Latest Category of Abuse', kind: 'code', required: false, codeList: 'abuse-category', aliases: ['latestcategoryofabuse', 'latestcategory', 'categoryofabuse', 'latestabusecategory'] },
      {
        key: 'previousPlans',
        header: 'Number of Previous Child Protection Plans',
        kind: 'count',
        required: false,
        aliases: ['numberofpreviouschildprotectionplans', 'previouschildprotectionplans', 'numberofpreviousplans', 'previousplans', 'previouscpps', 'noofpreviouscpps'],
      },
    ],
  },
  cla: {
    id: 'cla',
    number: 8,
    name: 'Children in care (List 8)',
    templateTitle: 'List 8: Children in care',
    keyDate: 'startDate',
    sheetHints: [/\blist[\s_-]*0?8\b/i, /children[\s_-]*in[\s_-]*care|looked[\s_-]*after|\bcla\b|\bcic\b|\blac\b/i],
    fields: [
      childId,
      dateOfBirth,
      age,
      {
        key: 'uasc',
        header: 'Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)',
        kind: 'yes-no',
        required: false,
        aliases: ['uasc', 'unaccompaniedasylumseekingchild', 'uascyn'],
        prefixes: ['unaccompaniedasylumseekingchild'],
      },
      {
        key: 'startDate',
        header: 'Date Started to be Looked After',
        kind: 'date',
        required: true,
        aliases: ['datestartedtobelookedafter', 'datestartedlookedafter', 'dateenteredcare', 'datecameintocare', 'lookedafterstartdate', 'clastartdate', 'periodofcarestartdate', 'pocstartdate', 'pocstart', 'cinstartedcare', 'startedtobelookedafter', 'datestartedtobelookedafterddmmyyyy'],
      },
      {
        key: 'endDate',
        header: 'Date Ceased to be Looked After ',
        kind: 'date',
        required: false,
        aliases: ['dateceasedtobelookedafter', 'dateceasedlookedafter', 'dateleftcare', 'lookedafterenddate', 'claenddate', 'periodofcareenddate', 'pocenddate', 'pocend', 'ceasedtobelookedafter', 'dateceased'],
      },
      { key: 'reasonCeased', header: 'Reason Ceased to be Looked After', kind: 'code', required: false, codeList: 'reason-ceased', aliases: ['reasonceasedtobelookedafter', 'reasonceased', 'reasonforceasing', 'reasonceasedlookedafter', 'rec'] },
      { key: 'legalStatus', header: "Child's Legal Status", kind: 'code', required: false, codeList: 'legal-status', aliases: ['childslegalstatus', 'legalstatus', 'childlegalstatus', 'currentlegalstatus'] },
      { key: 'categoryOfNeed', header: "Child's Category of Need", kind: 'code', required: false, codeList: 'need-category', aliases: ['childscategoryofneed', 'categoryofneed', 'childcategoryofneed', 'cin', 'needcode'] },
      { key: 'placementType', header: 'Placement Type', kind: 'code', required: false, codeList: 'placement-type', aliases: ['placementtype', 'placement', 'currentplacementtype', 'placementtypecode'] },
      { key: 'placementProvider', header: 'Placement Provider', kind: 'code', required: false, codeList: 'placement-provider', aliases: ['placementprovider', 'provider', 'placementprovidercode'] },
      { key: 'placementStartDate', header: 'Start Date of Most Recent Placement', kind: 'date', required: false, aliases: ['startdateofmostrecentplacement', 'placementstartdate', 'currentplacementstartdate', 'dateofcurrentplacement', 'latestplacementstartdate'] },
    ],
  },
};

/** Lists the model does not use yet, recognised so that a file holding them is reported, not mistaken. */
export const otherLists: readonly OtherList[] = [
  { number: 1, name: 'Contacts (List 1)', signatures: ['dateofcontact', 'contactsource', 'contactdate'], sheetHints: [/\blist[\s_-]*0?1\b/i, /contact/i] },
  { number: 2, name: 'Early help (List 2)', signatures: ['organisationcompletingassessment'], sheetHints: [/\blist[\s_-]*0?2\b/i, /early[\s_-]*help/i] },
  { number: 4, name: 'Assessments (List 4)', signatures: ['continuousassessmentstartdate', 'continuousassessmentdateofauthorisation'], sheetHints: [/\blist[\s_-]*0?4\b/i, /assessment/i] },
  {
    number: 5,
    name: 'Section 47 enquiries (List 5)',
    signatures: ['strategydiscussioninitiatingsection47enquirystartdate', 'dateofinitialchildprotectionconference', 'numberofsection47enquiriesinthelast12months'],
    sheetHints: [/\blist[\s_-]*0?5\b/i, /s(ection)?[\s_-]*47/i],
  },
  { number: 6, name: 'Children in need (List 6)', signatures: ['cinstartdate', 'cinclosuredate', 'primaryneedcode'], sheetHints: [/\blist[\s_-]*0?6\b/i, /children[\s_-]*in[\s_-]*need/i] },
  { number: 9, name: 'Care leavers (List 9)', signatures: ['inreceiptofcareleaversupport', 'latestpathwayplanreviewdate', 'allocatedpersonaladvisor', 'typeofaccommodation'], sheetHints: [/\blist[\s_-]*0?9\b/i, /care[\s_-]*leaver/i] },
  { number: 10, name: 'Adoption (List 10)', signatures: ['dateofdecisionthatchildshouldbeplacedforadoption', 'dateofmatchingchildandprospectiveadopters'], sheetHints: [/\blist[\s_-]*10\b/i, /adoption/i] },
  { number: 11, name: 'Adopters (List 11)', signatures: ['individualadopteridentifier', 'datestage1started'], sheetHints: [/\blist[\s_-]*11\b/i, /adopters/i] },
];

export function fieldMatches(field: FieldSpec, normalisedHeader: string): boolean {
  if (field.aliases.includes(normalisedHeader)) return true;
  return (field.prefixes ?? []).some((prefix) => normalisedHeader.startsWith(prefix));
}
