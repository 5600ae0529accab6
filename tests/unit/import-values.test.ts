import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../shared/import/text/decode.ts';
import { parseDelimited, sniffDelimiter } from '../../shared/import/text/delimited.ts';
import { codeLists, normaliseCode, parseYesNo, type CodeListId } from '../../shared/import/values/codes.ts';
import { completedYears, dayNumber, isoFromExcelSerial, parseDateCell } from '../../shared/import/values/dates.ts';
import { parseAge, parseCount } from '../../shared/import/values/numbers.ts';
import { encodeWindows1252 } from '../../shared/synthetic/write-annex-a.ts';
import { utf8Bytes } from '../../shared/text/utf8.ts';

const iso = (cell: Parameters<typeof parseDateCell>[0]) => {
  const r = parseDateCell(cell);
  return r.ok ? r.iso : `error: ${r.message}`;
};

describe('dates', () => {
  it.each([
    ['03/04/2024', '2024-04-03'],
    ['3/4/2024', '2024-04-03'],
    ['03-04-2024', '2024-04-03'],
    ['03.04.2024', '2024-04-03'],
    ['3/4/24', '2024-04-03'],
    ['2024-04-03', '2024-04-03'],
    ['2024-04-03T00:00:00', '2024-04-03'],
    ['2024-04-03 13:45:00.000', '2024-04-03'],
    ['2024/04/03', '2024-04-03'],
    ['3 Apr 2024', '2024-04-03'],
    ['03-Apr-2024', '2024-04-03'],
    ['3rd April 2024', '2024-04-03'],
    ['20240403', '2024-04-03'],
    ['45385', '2024-04-03'],
    ['\u00a003/04/2024 ', '2024-04-03'],
  ])('reads %j day first as %s', (text, expected) => {
    expect(iso(text)).toBe(expected);
  });

  it('never reads month first unless told: 13/01/2024 is 13 January, and 01/13/2024 is refused, saying why', () => {
    expect(iso('13/01/2024')).toBe('2024-01-13');
    expect(iso('01/13/2024')).toBe('error: 01/13/2024 only makes sense month first (13 January 2024), but this column is read day first; check the date');
  });

  it.each([['31/02/2024'], ['29/02/2023'], ['00/01/2024'], ['hello'], ['2024-13-01']])('refuses %j with a message', (text) => {
    expect(iso(text)).toMatch(/^error: /);
  });

  it('reads Excel serials in the 1900 system, leap-year quirk included', () => {
    expect(isoFromExcelSerial(1)).toBe('1900-01-01');
    expect(isoFromExcelSerial(59)).toBe('1900-02-28');
    expect(isoFromExcelSerial(60)).toBeNull(); // Excel's 29 February 1900 never existed
    expect(isoFromExcelSerial(61)).toBe('1900-03-01');
    expect(isoFromExcelSerial(43831)).toBe('2020-01-01');
    expect(isoFromExcelSerial(43831.75)).toBe('2020-01-01');
    expect(iso(44090)).toBe('2020-09-16');
    expect(iso(new Date(Date.UTC(2021, 1, 3)))).toBe('2021-02-03');
  });

  it('counts completed years as a birthday does', () => {
    expect(completedYears('2006-09-30', '2024-09-29')).toBe(17);
    expect(completedYears('2006-09-30', '2024-09-30')).toBe(18);
  });
});

describe('day numbers', () => {
  it('are the days Date.UTC counts from 1970-01-01, for every day of four centuries and for odd texts', () => {
    const byDate = (text: string) => Math.round(Date.UTC(+text.slice(0, 4), +text.slice(5, 7) - 1, +text.slice(8, 10)) / 86_400_000);
    const two = (n: number) => String(n).padStart(2, '0');
    for (let year = 1800; year <= 2200; year++) {
      // Month 0 and 13, day 0, 31 of short months and 32 too: Date.UTC rolls them over, and so must this.
      for (let month = 0; month <= 13; month++) for (let day = 0; day <= 32; day++) expect(dayNumber(`${year}-${two(month)}-${two(day)}`)).toBe(byDate(`${year}-${two(month)}-${two(day)}`));
    }
    for (const text of ['1000-01-01', '9999-12-31', '0999-12-31', '0100-03-01', '0050-01-01', '2024-1-05', '2024-01-5', '2024-01', '2024', '', '2024/01/05', '2024-01-05T10:00', ' 2024-01-05', '2024-0a-05']) {
      expect(dayNumber(text)).toBe(byDate(text));
    }
  });
});

describe('numbers', () => {
  it('reads fractional ages and -1 for unborn children', () => {
    expect(parseAge(16.659822039698838)).toEqual({ ok: true, value: 16.659822039698838 });
    expect(parseAge('-1')).toEqual({ ok: true, value: -1 });
    expect(parseAge('12.5')).toEqual({ ok: true, value: 12.5 });
    expect(parseAge('-3').ok).toBe(false);
    expect(parseAge('twelve').ok).toBe(false);
  });
  it('reads counts as whole numbers', () => {
    expect(parseCount('2')).toEqual({ ok: true, value: 2 });
    expect(parseCount(1.5).ok).toBe(false);
  });
});

describe('text decoding', () => {
  it('reads UTF-8 with and without a byte-order mark, Windows-1252 and UTF-16', () => {
    const text = 'Child’s Legal Status,Café';
    expect(decodeText(utf8Bytes(text))).toEqual({ text, encoding: 'utf-8' });
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8Bytes(text)]))).toEqual({ text, encoding: 'utf-8' });
    expect(decodeText(encodeWindows1252(text))).toEqual({ text, encoding: 'windows-1252' });
    const utf16 = Uint8Array.from([0xff, 0xfe, ...[...text].flatMap((c) => [c.charCodeAt(0) & 255, c.charCodeAt(0) >> 8])]);
    expect(decodeText(utf16)).toEqual({ text, encoding: 'utf-16le' });
  });
});

describe('delimited text (Excel clipboard, CSV, TSV)', () => {
  it('reads quoted cells holding tabs, line breaks and doubled quotes, and keeps the starting line', () => {
    const text = 'ID\tNote\tDate\r\n1\t"two\tcells? no: one"\t01/02/2024\r\n2\t"line one\nline two"\t"03/02/2024"\r\n3\t"say ""hi"""\t\r\n';
    expect(parseDelimited(text)).toEqual([
      { line: 1, cells: ['ID', 'Note', 'Date'] },
      { line: 2, cells: ['1', 'two\tcells? no: one', '01/02/2024'] },
      { line: 3, cells: ['2', 'line one\nline two', '03/02/2024'] },
      { line: 5, cells: ['3', 'say "hi"', ''] },
    ]);
  });
  it('tells tabs, commas and semicolons apart', () => {
    expect(sniffDelimiter('a\tb,c')).toBe('\t');
    expect(sniffDelimiter('"a,b";c;d')).toBe(';');
    expect(sniffDelimiter('a,b,c')).toBe(',');
  });
  it('keeps a last line without a line break and does not invent one after a final break', () => {
    expect(parseDelimited('a,b\n1,2')).toHaveLength(2);
    expect(parseDelimited('a,b\n1,2\n')).toHaveLength(2);
  });
});

describe('codes', () => {
  it.each([
    ['placement-type', 'd) U4: Foster placement - long term', 'U4'],
    ['placement-type', 'U4', 'U4'],
    ['placement-type', 'H3 - Homes and hostels inside LA boundary', 'K2'],
    ['placement-type', 'Foster placement with relative or friend who is also an approved adopter', 'U'],
    ['placement-type', 'Placed for adoption with consent with current foster carer', 'A'],
    ['legal-status', 'C2: FCO', 'C2'],
    ['legal-status', 'C2 - FCO', 'C2'],
    ['legal-status', 'CLA - E1 - Placement order granted AND C2 - Full Care Order', 'E1'],
    ['legal-status', 'V4: Short term breaks, agreements recorded', 'V4'],
    ['placement-provider', 'e) PR4: Private provision', 'PR4'],
    ['placement-provider', '[PR1] Own provision (by local authority)', 'PR1'],
    ['reason-ceased', 'e) E4A: Returned home to live with parents or relatives - part of planning', 'E4A'],
    ['abuse-category', 'NEG', 'neglect'],
    ['abuse-category', 'NYNN', 'physical'],
    ['abuse-category', 'YNNY', 'multiple'],
    ['abuse-category', 'Physical abuse', 'physical'],
    ['need-category', 'N1 - Abuse or neglect', 'N1'],
    ['referral-source', 'q) 6: Police', '6'],
  ])('%s: %j is %s', (list, raw, code) => {
    expect(normaliseCode(list as CodeListId, raw)).toEqual({ ok: true, code });
  });

  it('says so when a code is unknown rather than guessing', () => {
    expect(normaliseCode('placement-type', 'Banana')).toEqual({ ok: false, message: 'a name or other text where a code belongs' });
  });

  it.each([['a) Yes', true], ['Y', true], ['1', true], ['b) No', false], ['no', false], ['N', false], ['NFA', true], ['Non-UASC', false]])('yes/no: %j', (raw, value) => {
    expect(parseYesNo(raw)).toEqual({ ok: true, value });
  });

  // ../shared/reference/annex-a/value-aliases.json: raw values seen in real LA files, with what they mean.
  describe('against raw values seen in real authorities’ files', () => {
    const columns = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../../shared/reference/annex-a/value-aliases.json'), 'utf8')).columns;
    const groupOf = (label: string) => label.toLowerCase().replace(/^[a-z]{1,2}\)\s*/, '').trim();
    const placementGroup = (c: string) =>
      c.startsWith('U') ? 'foster placement' : c.startsWith('A') ? 'placed for adoption' : c.startsWith('T') ? 'temporary placement'
        : ({ P1: 'placed with parents', P2: 'independent living', P3: 'residential employment', H5: 'residential accommodation', K1: 'secure children’s homes', K2: 'children’s homes', R1: 'residential care home', R2: 'nhs/health trust', R3: 'family centre or mother and baby unit', R5: 'young offender institution', S1: 'residential school', Z1: 'other placements' } as Record<string, string>)[c];
    const legalGroup = (c: string) =>
      ({ C1: 'interim care orders', C2: 'full care orders', D1: 'freed for  adoption', E1: 'placement order granted', V2: 'accommodated under s20', V3: 'zzcodeerror', V4: 'zzcodeerror' } as Record<string, string>)[c] ??
      (c.startsWith('L') ? 'detained on child protection grounds in la accommodation' : 'youth justice legal statuses');
    const abuseGroup = (c: string) => ({ neglect: 'neglect', physical: 'physical abuse', sexual: 'sexual abuse', emotional: 'emotional abuse', multiple: 'multiple' } as Record<string, string>)[c];
    const providerGroup = (c: string) => (c === 'PR1' ? 'own la' : c === 'PR4' ? 'private' : 'other');
    const cases: Array<[string, CodeListId, (code: string) => string | undefined, number]> = [
      ['list_8 :: Placement Type', 'placement-type', placementGroup, 0.9],
      ["list_8 :: Child's Legal Status", 'legal-status', legalGroup, 0.85],
      ['list_7 :: Initial Category of Abuse', 'abuse-category', abuseGroup, 0.95],
      ['list_8 :: Placement Provider', 'placement-provider', providerGroup, 0.9],
    ];
    it.each(cases)('%s: most raw values mean what the authorities meant', (column, list, group, share) => {
      let right = 0;
      let total = 0;
      for (const category of columns[column].categories) {
        for (const raw of category.raw_values as string[]) {
          total++;
          const parsed = normaliseCode(list, raw);
          const want = groupOf(String(category.code));
          if (parsed.ok && (group(parsed.code) === want || (want.startsWith('j') && group(parsed.code) === 'youth justice legal statuses'))) right++;
        }
      }
      expect(total).toBeGreaterThan(100);
      expect(right / total).toBeGreaterThanOrEqual(share);
    });

    it('every template code of the model’s coded columns is recognised exactly', () => {
      for (const [list, entries] of Object.entries(codeLists)) {
        for (const e of entries) {
          if (!/^[A-Z]\d/.test(e.code)) continue;
          expect(normaliseCode(list as CodeListId, `${e.code}: ${e.label}`), `${list} ${e.code}`).toEqual({ ok: true, code: e.code });
        }
      }
    });
  });
});
