// Vite builds the UI into dist/ (hashed files under dist/assets), which `headway serve --web-dir` serves.
import { defineConfig } from 'vitest/config';

// `npm run dev` forwards the API to a local `headway serve`; the server checks Origin on writes,
// so the proxy presents the server's own origin.
const env = (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env ?? {};
const apiTarget = env.HEADWAY_API ?? 'http://127.0.0.1:8080';

export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    emptyOutDir: true,
    // The CSP has no 'unsafe-inline'; keep every script and stylesheet a file of its own.
    assetsInlineLimit: 0,
    sourcemap: false,
    target: 'es2022',
  },
  server: {
    proxy: {
      '/api': {
        target: apiTarget,
        changeOrigin: true,
        headers: { origin: apiTarget },
      },
    },
  },
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
  },
});
