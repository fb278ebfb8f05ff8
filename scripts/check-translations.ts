/**
 * npm run check:translations: checks every notebooks/zh/*.md against its English original, the same check
 * the build runs, without building the site (handy while translating). Exits 1 with file, line and cell id.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { compileNotebookModule } from '../src/lib/notebook/module.js';

let failed = false;
for (const name of readdirSync('notebooks/zh').filter((f) => f.endsWith('.md'))) {
  const file = `notebooks/zh/${name}`;
  const original = `notebooks/${name}`;
  try {
    if (!existsSync(original)) throw new Error(`${file}: no English notebook ${original}`);
    compileNotebookModule(readFileSync(file, 'utf8'), file, readFileSync(original, 'utf8'));
    console.log(`ok    ${file}`);
  } catch (error) {
    failed = true;
    console.error(`DRIFT ${error instanceof Error ? error.message : error}`);
  }
}
process.exit(failed ? 1 : 0);
