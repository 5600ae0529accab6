// The dataset the engine reads: the three lists as pseudonymised, validated records, plus where they came
// from. Nothing here identifies a child: IDs are keyed pseudonyms and births are kept to the month.
import type { PlacementGroup } from '../import/values/codes.ts';

export type IsoDate = string; // YYYY-MM-DD
export type IsoMonth = string; // YYYY-MM

export interface ExtractInfo {
  id: number;
  label: string;
  extractDate: IsoDate;
  extractDateSource: 'given' | 'inferred';
  /** Rows dated after this day are complete. Default: six months before the extract date (Annex A). */
  windowStart?: IsoDate;
}

interface ChildRecord {
  child: string; // pseudonym
  birthMonth: IsoMonth | null;
  extract: number; // ExtractInfo.id of the extract the kept row came from
}

export interface ReferralRecord extends ChildRecord {
  referralDate: IsoDate;
  ageYears: number | null;
  source: string | null;
  nfa: boolean | null;
  referralsInLast12Months: number | null;
}

export interface CppRecord extends ChildRecord {
  startDate: IsoDate;
  endDate: IsoDate | null;
  initialCategory: string | null;
  latestCategory: string | null;
  previousPlans: number | null;
}

export interface ClaRecord extends ChildRecord {
  startDate: IsoDate;
  endDate: IsoDate | null;
  uasc: boolean | null;
  reasonCeased: string | null;
  legalStatus: string | null;
  categoryOfNeed: string | null;
  placementType: string | null;
  placementGroup: PlacementGroup | null;
  placementProvider: string | null;
  /** Start of the current placement (List 8's "Start Date of Most Recent Placement"), where given. */
  placementStartDate?: IsoDate | null;
}

/** In-house = PR0-PR3 (parents, own, other authority, other public); private = PR4-PR5 (private, voluntary). */
export type ProviderKind = 'inHouse' | 'private';

/** One placement of a child in care (an SSDA903 episode, or List 8's current placement). */
export interface PlacementEpisode {
  child: string; // pseudonym
  birthMonth: IsoMonth | null;
  extract: number;
  startDate: IsoDate;
  endDate: IsoDate | null;
  /** When the period of care this placement belongs to began. */
  periodStart: IsoDate;
  placementType: string | null;
  placementGroup: PlacementGroup;
  provider: ProviderKind | null;
}

export interface Dataset {
  extracts: ExtractInfo[];
  referrals: ReferralRecord[];
  cpp: CppRecord[];
  cla: ClaRecord[];
  /** Placements by date, where SSDA903 returns (or List 8's placement start dates) give them. */
  placements?: PlacementEpisode[];
}

export type ListRecord = { referrals: ReferralRecord; cpp: CppRecord; cla: ClaRecord };
