// Checks that a workbook file has every table and column its format version promises, before anything
// reads it: a file damaged by another program (a table dropped, a column renamed) is refused in words at
// open, instead of failing later with a raw SQLite error on the first screen that needs the missing part.
import Database from 'better-sqlite3';
import { migrations } from './migrations.ts';

type Shape = Map<string, string[]>;

const shapeCache = new Map<number, Shape>();

function shapeOf(db: Database.Database): Shape {
  const shape: Shape = new Map();
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
  for (const table of tables) shape.set(table, (db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[]));
  return shape;
}

/** The tables and columns a file at this format version must have: the migrations up to it, applied to an empty database. */
function expectedShape(version: number): Shape {
  let shape = shapeCache.get(version);
  if (!shape) {
    const db = new Database(':memory:');
    try {
      for (const m of migrations) if (m.version <= version) db.exec(m.sql);
      shape = shapeOf(db);
    } finally {
      db.close();
    }
    shapeCache.set(version, shape);
  }
  return shape;
}

// The parts of a workbook as a person knows them.
const tableWords: Readonly<Record<string, string>> = {
  workbook: 'its title and pseudonym key',
  extracts: 'its list of extracts',
  referrals: 'its referrals (List 3)',
  cpp: 'its child protection plans (List 7)',
  cla: 'its children in care (List 8)',
  import_report: 'its import report',
  scenarios: 'its scenarios',
  settings: 'its settings',
  ssda903_extracts: 'its SSDA903 returns',
  ssda903_care: 'its periods of care from the SSDA903 returns',
  ssda903_placements: 'its placements from the SSDA903 returns',
  ssda903_report: 'its SSDA903 import report',
  housing_cases: 'its case list (housing)',
  housing_ta: 'its temporary accommodation list (housing)',
};

const describeTable = (table: string) => tableWords[table] ?? `its "${table}" table`;

/** What is missing from the file, in words ("its children in care (List 8)"); empty when it is whole. */
export function missingParts(db: Database.Database, version: number): string[] {
  const have = shapeOf(db);
  const missing: string[] = [];
  for (const [table, columns] of expectedShape(version)) {
    const present = have.get(table);
    if (!present) {
      missing.push(describeTable(table));
      continue;
    }
    const lost = columns.filter((c) => !present.includes(c));
    if (lost.length) missing.push(`part of ${describeTable(table)} (${lost.join(', ')})`);
  }
  if (missing.length === 0 && version >= 1) {
    const row = db.prepare('SELECT count(*) FROM workbook WHERE id = 1').pluck().get() as number;
    if (row === 0) missing.push(describeTable('workbook'));
  }
  return missing;
}
