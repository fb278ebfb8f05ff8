import { describe, expect, it } from 'vitest';
import { applyEdits } from './export.js';
import { parseNotebook } from './parse.js';

const markdown = `---
title: T
---
Intro.

\`\`\`js id=a echo
const a = 1
\`\`\`

Between.

\`\`\`js id=b
a * 2
\`\`\`
`;

describe('applyEdits()', () => {
  const { cells } = parseNotebook(markdown, '01-t.md');

  it('applyEdits() puts an edited cell’s code inside its fence and keeps the rest', () => {
    const out = applyEdits(markdown, cells, { b: 'a * 3\n// tripled' });
    expect(out).toContain('```js id=b\na * 3\n// tripled\n```');
    expect(out).toContain('```js id=a echo\nconst a = 1\n```');
    expect(out.startsWith('---\ntitle: T\n---\nIntro.')).toBe(true);
  });

  it('applyEdits() round-trips: the exported file parses to the edited sources', () => {
    const out = applyEdits(markdown, cells, { a: 'const a = 10\nconst z = 0', b: 'a + z' });
    expect(parseNotebook(out, '01-t.md').cells.map((c) => c.source)).toEqual([
      'const a = 10\nconst z = 0',
      'a + z'
    ]);
  });

  it('applyEdits() returns the original when nothing is edited', () => {
    expect(applyEdits(markdown, cells, {})).toBe(markdown);
  });
});
