import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig, type Plugin, type PreviewServer, type ViteDevServer } from 'vite';
import { notebooks } from './src/build/notebook-plugin.ts';
import { wasmThreads } from './src/build/wasm-threads-plugin.ts';

// Cross-origin isolation gives pages SharedArrayBuffer, which tfjs's wasm backend needs to train on several threads
// (src/lib/train/backend.ts). Everything the site loads is same-origin, so require-corp blocks nothing. Static hosts
// that cannot set headers get them from the service worker (src/service-worker.ts).
const crossOriginIsolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp'
};

/**
 * Vite's `server.headers` and `preview.headers` reach only the files Vite serves itself, not the pages SvelteKit
 * renders or prerendered, so this middleware (added before Vite's and SvelteKit's) sets them on every response.
 */
function isolateEveryResponse(): Plugin {
  const addHeaders = (server: ViteDevServer | PreviewServer) => {
    server.middlewares.use((_request, response, next) => {
      for (const [name, value] of Object.entries(crossOriginIsolation)) response.setHeader(name, value);
      next();
    });
  };
  return { name: 'cross-origin-isolation', configureServer: addHeaders, configurePreviewServer: addHeaders };
}

export default defineConfig({
  plugins: [isolateEveryResponse(), wasmThreads(), notebooks(), sveltekit()],
  server: { fs: { allow: ['notebooks', 'components'] } },
  // The training worker imports tfjs and our kernels as ES modules (with code splitting).
  worker: { format: 'es', plugins: () => [wasmThreads()] }
});
