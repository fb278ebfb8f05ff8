import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';
import { notebooks } from './src/build/notebook-plugin.ts';

export default defineConfig({
  plugins: [notebooks(), sveltekit()],
  server: { fs: { allow: ['notebooks', 'components'] } },
  // The training worker imports tfjs and our kernels as ES modules (with code splitting).
  worker: { format: 'es' }
});
