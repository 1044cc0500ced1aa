// Each bounded context declares in libs/<context>/tables.json the tables it owns (it alone creates
// their entities and changes their rows, but for what it lists under `writes`) and the tables of
// other contexts it reads. SQL naming any other table fails `npm run lint`: the coupling that raw SQL
// hides from imports, made visible.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const LIBS = 'libs';
// Schema (migrations), a generated document and test helpers: none is a context's SQL.
const NOT_CONTEXTS = new Set(['database', 'api-contract', 'testing']);

const filesUnder = (dir) => readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? filesUnder(join(dir, name)) : [join(dir, name)]));
const withoutComments = (source) => source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

const tables = new Set(
  filesUnder(join(LIBS, 'database/src/migrations')).flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/CREATE TABLE (?:IF NOT EXISTS )?"?([a-z_]+)/g)].map((m) => m[1])),
);

const problems = [];
const owners = new Map();
for (const context of readdirSync(LIBS).filter((name) => !NOT_CONTEXTS.has(name)).sort()) {
  const declarationFile = join(LIBS, context, 'tables.json');
  const declared = existsSync(declarationFile) ? JSON.parse(readFileSync(declarationFile, 'utf8')) : { owns: [], reads: [], writes: [] };
  const owns = new Set(declared.owns ?? []);
  const allowed = new Set([...owns, ...(declared.reads ?? []), ...(declared.writes ?? [])]);
  const writable = new Set([...owns, ...(declared.writes ?? [])]);
  for (const table of allowed) if (!tables.has(table)) problems.push(`${declarationFile} names "${table}", which no migration creates`);
  for (const table of owns) {
    if (owners.has(table)) problems.push(`"${table}" is owned by both ${owners.get(table)} and ${context}`);
    owners.set(table, context);
  }
  const used = new Set();
  for (const file of filesUnder(join(LIBS, context, 'src')).filter((name) => name.endsWith('.ts') && !/[.-]spec\.ts$/.test(name))) {
    const source = withoutComments(readFileSync(file, 'utf8'));
    for (const [, table] of source.matchAll(/@Entity\('([a-z_]+)'/g)) if (!owns.has(table)) problems.push(`${file}: an entity of "${table}", which ${context} does not own`);
    for (const [, table] of source.matchAll(/\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\s+"?([a-z_]+)/g)) {
      if (!tables.has(table)) continue;
      used.add(table);
      if (!allowed.has(table)) problems.push(`${file}: SQL names "${table}", which ${context} neither owns nor declares (${declarationFile})`);
    }
    for (const [, table] of source.matchAll(/\b(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?([a-z_]+)/g)) {
      if (tables.has(table) && allowed.has(table) && !writable.has(table)) problems.push(`${file}: changes "${table}", which ${context} reads but does not declare under "writes"`);
    }
  }
  for (const table of [...(declared.reads ?? []), ...(declared.writes ?? [])]) if (!used.has(table)) problems.push(`${declarationFile} declares "${table}", which its SQL never names`);
}
for (const table of tables) if (!owners.has(table)) problems.push(`"${table}" has no owning context: add it to one context's tables.json`);

if (problems.length > 0) {
  console.error(`Table ownership:\n${problems.map((problem) => `  ${problem}`).join('\n')}`);
  process.exit(1);
}
console.log(`Table ownership: ${tables.size} tables, each owned by one context; every context's SQL names only what it declares.`);
