// The housing dataset the engine reads: a council's case list (one row per approach) and temporary
// accommodation (TA) list (one row per placement), as pseudonymised, validated records (housing.md).
// Nothing here identifies a household: case IDs are keyed pseudonyms; names and addresses are never read.
import type { ExtractInfo, IsoDate } from './types.ts';

/** TA types as the published TA1 table groups them (cli-contract.md). */
export const taTypes = ['bedAndBreakfast', 'nightlyPaid', 'hostel', 'privateLeased', 'socialHousing', 'other'] as const;
export type TaType = (typeof taTypes)[number];

export const taTypeWords: Readonly<Record<TaType, string>> = {
  bedAndBreakfast: 'Bed and breakfast',
  nightlyPaid: 'Nightly paid, privately managed',
  hostel: 'Hostel',
  privateLeased: 'Private sector leased',
  socialHousing: 'Council or housing association stock',
  other: 'Other',
};

/** Household types as H-CLIC groups them, with a place for the rest. */
export const householdKinds = ['singleAdult', 'withChildren', 'adultsWithoutChildren', 'other'] as const;
export type HouseholdKind = (typeof householdKinds)[number];

export const householdKindWords: Readonly<Record<HouseholdKind, string>> = {
  singleAdult: 'Single adult',
  withChildren: 'Couple or single parent with dependent children',
  adultsWithoutChildren: 'Couple or other adults without children',
  other: 'Other household',
};

export const dutyKinds = ['prevention', 'relief', 'none'] as const;
export type DutyKind = (typeof dutyKinds)[number];

export interface HousingCaseRecord {
  caseId: string; // pseudonym
  approachDate: IsoDate;
  household: HouseholdKind;
  children: number | null;
  /** Null where the list does not say (not yet assessed). */
  duty: DutyKind | null;
  dutyStart: IsoDate | null;
  dutyEnd: IsoDate | null;
  extract: number; // ExtractInfo.id
}

export interface TaPlacementRecord {
  caseId: string; // pseudonym, the same key as the case list's
  placed: IsoDate;
  left: IsoDate | null; // null while still there
  taType: TaType;
  outOfArea: boolean | null;
  /** Pounds a night, where the list gives it. */
  nightlyCost: number | null;
  extract: number;
}

export interface HousingDataset {
  service: 'housing';
  extracts: ExtractInfo[];
  cases: HousingCaseRecord[];
  /** Every placement open on or after the export's start, including households placed before it whose case is not in the case list. */
  ta: TaPlacementRecord[];
}

/** The two housing lists, by the names the result JSON's import counts use (cli-contract.md). */
export const housingLists = ['cases', 'ta'] as const;
export type HousingList = (typeof housingLists)[number];
