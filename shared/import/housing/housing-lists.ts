// The housing lists the model reads (housing.md): the case list, one row per approach, and the temporary
// accommodation (TA) list, one row per placement. Only these columns are ever stored: names, addresses,
// reasons and outcomes in free text are never read past the header row. Aliases are normalised headers
// (normaliseHeader: case, spacing and punctuation do not matter).
import { housingLists, type HousingList } from '../../dataset/housing.ts';
import type { FieldSpec, TableCatalogue, TableSpec } from '../list-catalogue.ts';
import { readArea, readDuty, readHouseholdKind, readTaType } from './housing-words.ts';

const caseId: FieldSpec = {
  key: 'caseId',
  header: 'Case ID',
  kind: 'id',
  required: true,
  aliases: ['caseid', 'casereference', 'caseref', 'casenumber', 'caseno', 'householdid', 'householdreference', 'householdref', 'applicationid', 'applicationreference', 'applicationnumber', 'hclicid', 'casecode', 'id'],
};

export const housingCatalogue: Readonly<Record<HousingList, TableSpec<HousingList>>> = {
  cases: {
    id: 'cases',
    name: 'Case list',
    keyDate: 'approachDate',
    sheetHints: [/\bcases?\b|approach|applica|homeless/i],
    fields: [
      caseId,
      {
        key: 'approachDate',
        header: 'Date of approach',
        kind: 'date',
        required: true,
        aliases: ['dateofapproach', 'approachdate', 'dateofapplication', 'applicationdate', 'dateapproached', 'approacheddate', 'initialcontactdate', 'dateofinitialapproach', 'casestartdate', 'dateopened', 'caseopeneddate'],
      },
      { key: 'household', header: 'Household type', kind: 'choice', required: false, choice: readHouseholdKind, aliases: ['householdtype', 'typeofhousehold', 'householdcomposition', 'household', 'householdstructure', 'housholdtype'] },
      { key: 'children', header: 'Number of children', kind: 'count', required: false, aliases: ['numberofchildren', 'noofchildren', 'children', 'dependentchildren', 'numberofdependentchildren', 'numberofdependantchildren', 'childreninhousehold', 'childcount'] },
      { key: 'duty', header: 'Duty owed', kind: 'choice', required: false, choice: readDuty, aliases: ['dutyowed', 'duty', 'dutytype', 'typeofduty', 'initialduty', 'initialdutyowed', 'assessmentoutcome'] },
      { key: 'startDate', header: 'Duty start date', kind: 'date', required: false, aliases: ['dutystartdate', 'datedutystarted', 'dutystart', 'dateofduty', 'datedutyowed', 'dutyoweddate'] },
      { key: 'endDate', header: 'Duty end date', kind: 'date', required: false, aliases: ['dutyenddate', 'datedutyended', 'dutyend', 'dutyendeddate', 'datedutyendeddischarged', 'dutydischargedate'] },
    ],
  },
  ta: {
    id: 'ta',
    name: 'Temporary accommodation list',
    keyDate: 'startDate',
    sheetHints: [/\bta\b|temporary|placements?|accommodation/i],
    fields: [
      caseId,
      {
        key: 'startDate',
        header: 'Date placed',
        kind: 'date',
        required: true,
        aliases: ['dateplaced', 'tastartdate', 'placementstartdate', 'dateofplacement', 'placeddate', 'startdate', 'datein', 'movedindate', 'dateenteredta', 'tastart', 'placementdate'],
      },
      { key: 'endDate', header: 'Date left', kind: 'date', required: false, aliases: ['dateleft', 'taenddate', 'placementenddate', 'dateout', 'enddate', 'movedoutdate', 'dateleftta', 'taend', 'datevacated', 'leftdate'] },
      { key: 'taType', header: 'Type of temporary accommodation', kind: 'choice', required: false, choice: readTaType, aliases: ['typeoftemporaryaccommodation', 'tatype', 'typeofta', 'accommodationtype', 'temporaryaccommodationtype', 'placementtype', 'typeofaccommodation', 'tacategory'] },
      { key: 'outOfArea', header: 'In or out of area', kind: 'choice', required: false, choice: readArea, aliases: ['inoroutofarea', 'outofarea', 'inoutofarea', 'area', 'inoroutofborough', 'outofborough', 'location', 'inarea'] },
      { key: 'nightlyCost', header: 'Nightly cost', kind: 'money', required: false, aliases: ['nightlycost', 'costpernight', 'nightlyrate', 'ratepernight', 'nightlycharge', 'grossnightlycost'] },
    ],
  },
};

// The headers writeHousingLists (and housing.md) give, in order, to read rows pasted without their header row.
const housingTemplateHeaders: Readonly<Record<HousingList, readonly string[]>> = {
  cases: ['Case ID', 'Date of approach', 'Household type', 'Number of children', 'Reason for homelessness', 'Duty owed', 'Duty start date', 'Duty end date', 'Duty outcome'],
  ta: ['Case ID', 'Date placed', 'Date left', 'Type of temporary accommodation', 'In or out of area', 'Nightly cost'],
};

export const housingTableCatalogue: TableCatalogue<HousingList> = {
  lists: housingLists.map((list) => housingCatalogue[list]),
  idField: caseId,
  otherLists: [],
  templateHeaders: housingTemplateHeaders,
};
