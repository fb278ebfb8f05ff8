import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
export default {
  preprocess: vitePreprocess(),
  kit: {
    adapter: adapter({ fallback: undefined, strict: true }),
    alias: { $components: 'components' },
    prerender: { entries: ['*'], handleHttpError: 'fail' },
    typescript: {
      // components/ and tests/ live outside src/; type-check them with the rest.
      config: (config) => {
        config.include.push(
          '../components/**/*.ts',
          '../components/**/*.svelte',
          '../tests/**/*.ts',
          '../scripts/**/*.ts',
          '../*.ts'
        );
        // AssemblyScript, compiled to wasm by `npm run wasm` and type-checked by its compiler (v128, load<f32>, …).
        config.exclude.push('../src/lib/train/kernels/assembly/**');
      }
    }
  }
};
