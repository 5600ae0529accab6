// The dependency rule, enforced: renderer -> shared <- electron.
//   shared/   imports only shared/ and pure packages: no DOM, Node, Electron, React or charting.
//   renderer/ imports renderer/, shared/ and browser packages: never electron/, Electron or Node.
//   electron/ imports electron/, shared/ and Node: never renderer/.
// Globals are covered separately: shared/ is typechecked without DOM or Node typings.
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type Part = 'shared' | 'renderer' | 'electron';

export interface Violation {
  file: string;
  line: number;
  specifier: string;
  rule: string;
}

const nodeBuiltins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
const sharedPackages = new Set(['zod', 'mathjs', '@e965/xlsx', 'fflate']);
const browserOnlyPackages = new Set(['react', 'react-dom', 'chart.js', 'react-chartjs-2']);
const nodeOnlyPackages = new Set(['electron', 'better-sqlite3']);

/** Removes comments while keeping string contents and line numbers, so `'http://x'` is not a comment. */
export function stripComments(source: string): string {
  let out = '';
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    const next = source[i + 1];
    if (c === '/' && next === '/') {
      while (i < source.length && source[i] !== '\n') i++;
    } else if (c === '/' && next === '*') {
      i += 2;
      while (i < source.length && !(source[i] === '*' && source[i + 1] === '/')) {
        if (source[i] === '\n') out += '\n';
        i++;
      }
      i += 2;
    } else if (c === '"' || c === "'" || c === '`') {
      const quote = c;
      out += c;
      i++;
      while (i < source.length && source[i] !== quote) {
        if (source[i] === '\\') {
          out += source[i]!;
          i++;
        }
        if (i < source.length) out += source[i]!;
        i++;
      }
      if (i < source.length) out += source[i]!;
      i++;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

// Static forms only count at the start of a statement, so an import written inside a string does not.
const importPatterns = [
  /(?:^|[;}])\s*import\s+(?:type\s+)?[\w*{}\s,$]*?\s*from\s*['"]([^'"]+)['"]/gm,
  /(?:^|[;}])\s*export\s+(?:type\s+)?[\w*{}\s,$]*?\s*from\s*['"]([^'"]+)['"]/gm,
  /(?:^|[;}])\s*import\s*['"]([^'"]+)['"]/gm,
  /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
];

export function importsOf(source: string): Array<{ specifier: string; line: number }> {
  const code = stripComments(source);
  const found: Array<{ specifier: string; line: number; index: number }> = [];
  for (const pattern of importPatterns) {
    for (const match of code.matchAll(pattern)) {
      const index = match.index + Math.max(0, match[0].search(/\b(import|export|require)\b/));
      found.push({ specifier: match[1]!, index, line: code.slice(0, index).split('\n').length });
    }
  }
  return found.sort((a, b) => a.index - b.index).map(({ specifier, line }) => ({ specifier, line }));
}

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** Checks one import of a file in `part`. `target` is the project-relative path it resolves to, if relative. */
export function checkImport(part: Part, specifier: string, target: string | null): string | null {
  if (target !== null) {
    const targetPart = target.split('/')[0];
    if (target.startsWith('..')) return 'imports a file outside the project';
    if (targetPart === 'tests' || targetPart === 'scripts') return `${part}/ must not import ${targetPart}/`;
    if (part === 'shared' && targetPart !== 'shared') return `shared/ must not import ${targetPart}/`;
    if (part === 'renderer' && targetPart === 'electron') return 'renderer/ must not import electron/';
    if (part === 'electron' && targetPart === 'renderer') return 'electron/ must not import renderer/';
    return null;
  }
  const name = packageName(specifier);
  if (nodeBuiltins.has(specifier) || nodeBuiltins.has(name)) {
    return part === 'electron' ? null : `${part}/ must not import Node's ${specifier}`;
  }
  if (part === 'shared' && !sharedPackages.has(name)) return `shared/ may import only pure packages (${[...sharedPackages].join(', ')}), not ${name}`;
  if (part === 'renderer' && nodeOnlyPackages.has(name)) return `renderer/ must not import ${name}`;
  if (part === 'electron' && browserOnlyPackages.has(name)) return `electron/ must not import the browser package ${name}`;
  return null;
}

function sourceFiles(dir: string): string[] {
  const entries = readdirSync(dir, { withFileTypes: true });
  return entries.flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(full);
    return /\.(ts|tsx|mts|cts|js|mjs|cjs|jsx)$/.test(entry.name) ? [full] : [];
  });
}

export function findBoundaryViolations(projectRoot: string): Violation[] {
  const violations: Violation[] = [];
  for (const part of ['shared', 'renderer', 'electron'] as const) {
    for (const file of sourceFiles(path.join(projectRoot, part))) {
      const relativeFile = path.relative(projectRoot, file).split(path.sep).join('/');
      for (const { specifier, line } of importsOf(readFileSync(file, 'utf8'))) {
        const target = specifier.startsWith('.')
          ? path.relative(projectRoot, path.resolve(path.dirname(file), specifier)).split(path.sep).join('/')
          : null;
        const rule = checkImport(part, specifier, target);
        if (rule) violations.push({ file: relativeFile, line, specifier, rule });
      }
    }
  }
  return violations;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const violations = findBoundaryViolations(root);
  for (const v of violations) console.error(`${v.file}:${v.line}: ${v.rule} (import '${v.specifier}')`);
  console.log(violations.length ? `${violations.length} boundary violation(s)` : 'No boundary violations.');
  process.exit(violations.length ? 1 : 0);
}
