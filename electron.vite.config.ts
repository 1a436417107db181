import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        // The browser host is a second Node entry that mounts the same services.
        input: {
          index: resolve('src/main/index.ts'),
          'browser-host': resolve('src/main/host/browser-host-cli.ts'),
          // Library indexing runs in a worker thread, loaded from its own file.
          'library-worker': resolve('src/main/services/library/library-worker.ts'),
          // EPUB packing (synchronous in its library) runs in a worker thread too.
          'epub-worker': resolve('src/main/services/export/epub-worker.ts'),
          // The details panel's entity tagger: seconds of blocking work to load, kept off main.
          'entity-worker': resolve('src/main/services/entity-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload cannot load ES modules: emit one CommonJS file with nothing external.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('src/preload/electron-preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src/renderer',
    base: './',
    plugins: [svelte()],
    build: {
      // Fonts as files, never data: URLs, so the CSP can stay `font-src 'self'`.
      assetsInlineLimit: 0,
      rollupOptions: {
        input: {
          index: resolve('src/renderer/index.html'),
          'browser-preload': resolve('src/preload/browser-preload.ts'),
        },
        output: {
          // The browser host injects this file by its fixed name before the app's module.
          entryFileNames: (chunk) =>
            chunk.name === 'browser-preload' ? 'browser-preload.js' : 'assets/[name]-[hash].js',
        },
      },
    },
  },
});
