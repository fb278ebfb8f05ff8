/** Serves the built site once for all browser tests; its URL reaches the tests through `inject('baseUrl')`. */
import { preview } from 'vite';
import type { TestProject } from 'vitest/node';

export default async function setup(project: TestProject) {
  const server = await preview({ preview: { port: 0 }, logLevel: 'silent' });
  project.provide('baseUrl', server.resolvedUrls!.local[0].replace(/\/$/, ''));
  return () => server.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
