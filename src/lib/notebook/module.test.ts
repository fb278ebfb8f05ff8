import { describe, expect, it } from 'vitest';
import { compileNotebookModule } from './module.js';
import { NotebookError } from './parse.js';

const notebook = (body: string) => `---\ntitle: Test\nsummary: A test\n---\n${body}`;

/** Loads the generated module source as a real module. */
async function load(source: string) {
  return import(`data:text/javascript,${encodeURIComponent(source)}`);
}

describe('compileNotebookModule()', () => {
  it('compileNotebookModule() emits meta, blocks and cells with real functions', async () => {
    const mod = await load(
      compileNotebookModule(notebook('# Hi\n\n```js id=a\n1 + 2\n```\n'), 'notebooks/03-demo.md')
    );
    expect(mod.meta).toEqual({ title: 'Test', summary: 'A test', slug: 'demo', order: 3, locale: 'en' });
    expect(mod.blocks.map((b: { type: string }) => b.type)).toEqual(['prose', 'cell']);
    const [cell] = mod.cells;
    expect(cell).toMatchObject({ id: 'a', inputs: [], outputs: [], autodisplay: true, line: 8 });
    expect(cell.body(null, null, null)).toBe(3);
    expect(cell.code).toContain('tok-number');
  });

  it('compileNotebookModule() gives a translation its original’s heading ids and checks its cells', async () => {
    const original = notebook('## The block\n\n```js id=a\nconst a = 1 // one\n```\n');
    const translated = notebook('## 模块\n\n```js id=a\nconst a = 1 // 一\n```\n');
    const mod = await load(compileNotebookModule(translated, 'notebooks/zh/03-demo.md', original));
    expect(mod.meta).toMatchObject({ slug: 'demo', locale: 'zh' });
    expect(mod.headings).toEqual([{ level: 2, text: '模块', id: 'the-block' }]);
    const drifted = notebook('## 模块\n\n```js id=a\nconst a = 2\n```\n');
    expect(() => compileNotebookModule(drifted, 'notebooks/zh/03-demo.md', original)).toThrow(
      /Cell "a" differs from the English notebook's code/
    );
  });

  it.each([
    ['a syntax error', '\n```js id=a\nconst x = 1\nconst = 2\n```\n', 8, /Cell "a": Unexpected token/],
    ['a duplicate cell id', '```js id=a\n1\n```\n\n```js id=a\n2\n```\n', 9, /Two cells have the id "a"/],
    [
      'a name defined twice',
      '```js id=a\nconst x = 1\n```\n\n```js id=b\nconst x = 2\n```\n',
      10,
      /already defines/
    ],
    [
      'a circular definition',
      '```js id=a\nconst x = y\n```\n\n```js id=b\nconst y = x\n```\n',
      6,
      /circular definition/
    ],
    ['a bad cell flag', '```js id=a show\n1\n```\n', 5, /Unknown cell flag "show"/]
  ])('compileNotebookModule() fails on %s with the line in the file', (_, body, line, message) => {
    let error: NotebookError | undefined;
    try {
      compileNotebookModule(notebook(body), 'notebooks/01-x.md');
    } catch (e) {
      error = e as NotebookError;
    }
    expect(error).toBeInstanceOf(NotebookError);
    expect(error?.message).toMatch(message);
    expect(error?.line).toBe(line);
  });
});
