// One build tool for all three bundles: the main process, the sandboxed preload script, the renderer.
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve('main/electron/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot load other files: everything it needs is bundled into one CommonJS file.
      externalizeDeps: false,
      rollupOptions: { input: { index: resolve('preload/index.ts') }, output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react()],
    // One bundle is right for an offline desktop app (nothing is fetched over a network), so the web-page size warning is raised.
    build: { outDir: 'out/renderer', minify: true, chunkSizeWarningLimit: 2000, rollupOptions: { input: { index: resolve('renderer/index.html') } } },
  },
});
