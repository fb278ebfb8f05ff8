/**
 * npm run check:translations: checks every notebooks/zh/*.md against its English original, the same checks
 * the build runs (same code; written from the English as it is now), without building the site. Exits 1
 * with file, line and cell id.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { checkStamp } from '../src/build/translation-stamp.js';
import { compileNotebookModule } from '../src/lib/notebook/module.js';

let failed = false;
for (const name of readdirSync('notebooks/zh').filter((f) => f.endsWith('.md'))) {
  const file = `notebooks/zh/${name}`;
  const original = `notebooks/${name}`;
  try {
    if (!existsSync(original)) throw new Error(`${file}: no English notebook ${original}`);
    const [text, english] = [readFileSync(file, 'utf8'), readFileSync(original, 'utf8')];
    checkStamp(text, english, original);
    compileNotebookModule(text, file, english);
    console.log(`ok    ${file}`);
  } catch (error) {
    failed = true;
    const line = (error as { line?: number }).line;
    console.error(
      `DRIFT ${file}${line ? `:${line}` : ''}: ${error instanceof Error ? error.message : error}`
    );
  }
}
process.exit(failed ? 1 : 0);
