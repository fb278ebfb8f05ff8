// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
  namespace App {}
}

declare module '*.md' {
  import type { NotebookModule } from './runtime/types';
  const notebook: NotebookModule;
  export default notebook;
  export const meta: NotebookModule['meta'];
}

export {};
