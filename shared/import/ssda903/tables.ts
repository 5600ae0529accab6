// The tables of an SSDA903 return, recognised by their columns (file names vary: "episodes.csv",
// "SSDA903_2024_episodes.csv", "Episodes 2024.csv"). Only the header and episodes tables feed the model;
// the others are recognised so that the analyst is told they were seen and left aside.

export type Ssda903TableId = 'header' | 'episodes';

export interface Ssda903Column {
  name: string;
  required: boolean;
}

/** The columns read from each table the model uses. UPN, postcodes and the rest are never read. */
export const ssda903Columns: Readonly<Record<Ssda903TableId, readonly Ssda903Column[]>> = {
  header: [
    { name: 'CHILD', required: true },
    { name: 'DOB', required: true },
  ],
  episodes: [
    { name: 'CHILD', required: true },
    { name: 'DECOM', required: true },
    { name: 'DEC', required: true },
    { name: 'PLACE', required: true },
    { name: 'RNE', required: false },
    { name: 'LS', required: false },
    { name: 'CIN', required: false },
    { name: 'PLACE_PROVIDER', required: false },
    { name: 'REC', required: false },
  ],
};

/** The other tables of the return, each by a column only it has. */
const otherTables: ReadonlyArray<{ name: string; columns: readonly string[] }> = [
  { name: 'UASC table (unaccompanied asylum-seeking children)', columns: ['DUC'] },
  { name: 'OC2 table (outcomes of children looked after for a year)', columns: ['SDQ_SCORE', 'CONVICTED', 'HEALTH_CHECK'] },
  { name: 'OC3 table (care leavers)', columns: ['IN_TOUCH', 'ACTIV', 'ACCOM'] },
  { name: 'Reviews table', columns: ['REVIEW', 'REVIEW_CODE'] },
  { name: 'Missing table (missing or absent from placement)', columns: ['MISSING', 'MIS_START', 'MIS_END'] },
  { name: 'Previous permanence table', columns: ['PREV_PERM', 'LA_PERM', 'DATE_PERM'] },
  { name: 'AD1 table (adoptions)', columns: ['DATE_INT', 'DATE_MATCH', 'FOSTER_CARE', 'NB_ADOPTR'] },
  { name: 'Placed for adoption table', columns: ['DATE_PLACED', 'DATE_PLACED_CEASED', 'REASON_PLACED_CEASED'] },
];

export type RecognisedTable =
  | { kind: 'model'; table: Ssda903TableId; columns: Map<string, number>; missing: string[] }
  | { kind: 'other'; name: string }
  | { kind: 'unrecognised' };

/** Header names as the DfE writes them: upper case, underscores; files may use any case and spacing. */
export function normaliseColumn(raw: string): string {
  return raw.replace(/^\ufeff/, '').trim().toUpperCase().replace(/[\s-]+/g, '_');
}

export function recogniseTable(headerCells: readonly string[]): RecognisedTable {
  const columns = new Map<string, number>();
  headerCells.forEach((cell, i) => {
    const name = normaliseColumn(cell);
    if (name && !columns.has(name)) columns.set(name, i);
  });
  const has = (name: string) => columns.has(name);
  const episodeMarks = ['DECOM', 'RNE', 'LS', 'PLACE', 'DEC', 'REC', 'PLACE_PROVIDER', 'REASON_PLACE_CHANGE'].filter(has).length;
  const modelTable = (table: Ssda903TableId): RecognisedTable => ({
    kind: 'model',
    table,
    columns,
    missing: ssda903Columns[table].filter((c) => c.required && !has(c.name)).map((c) => c.name),
  });
  if (episodeMarks >= 3) return modelTable('episodes');
  for (const other of otherTables) if (other.columns.some(has)) return { kind: 'other', name: other.name };
  if (has('CHILD') && ['SEX', 'DOB', 'ETHNIC', 'UPN', 'MOTHER', 'MC_DOB'].filter(has).length >= 2) return modelTable('header');
  return { kind: 'unrecognised' };
}
