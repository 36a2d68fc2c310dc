import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

// One Node build holds every Node entry (Electron main, the holdout CLI with its browser-mode server, worker
// threads) so they share chunks and land side by side in out/main/, where the back end finds its workers.
export default defineConfig({
  main: {
    build: {
      // comlink's package entry is UMD; bundling it gives Node the ES module build.
      externalizeDeps: { exclude: ['comlink'] },
      outDir: 'out/main',
      sourcemap: true,
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          cli: resolve(__dirname, 'src/cli/index.ts'),
          'dataset.worker': resolve(__dirname, 'workers/dataset.worker.ts'),
          'backtest.worker': resolve(__dirname, 'workers/backtest.worker.ts'),
          'study.worker': resolve(__dirname, 'workers/study.worker.ts'),
          'analysis.worker': resolve(__dirname, 'workers/analysis.worker.ts'),
        },
        output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        // A sandboxed preload cannot be an ES module.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      chunkSizeWarningLimit: 6000,
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
  },
});
