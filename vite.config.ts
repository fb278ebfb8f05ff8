import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';
import { notebooks } from './src/build/notebook-plugin.ts';

export default defineConfig({
  plugins: [notebooks(), sveltekit()],
  server: { fs: { allow: ['notebooks', 'components'] } }
});
