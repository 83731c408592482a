import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import type { Plugin } from 'vite'

// The typed API is imported as @contract everywhere (tsconfig paths say the same to tsc and tsx).
const alias = { '@contract': resolve(__dirname, 'src-main/contract') }

// ESM-only dependencies are bundled into main so the CommonJS main bundle never has to
// require() an ES module.
const bundledDeps = [
  'p-queue',
  'p-throttle',
  'p-retry',
  'postal-mime',
  'openai',
  '@googleapis/gmail',
  'google-auth-library',
  'drizzle-orm',
  'zod',
  'html-to-text',
  'iconv-lite',
  'snowball-stemmers',
]

// The page's CSP forbids inline scripts; Vite's dev server (npm run dev) injects React
// Refresh's preamble inline and talks to its HMR socket. Only the dev server gets the looser
// policy: built pages keep the strict one.
function devServerCsp(): Plugin {
  return {
    name: 'replybase-dev-server-csp',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html
        .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
        .replace("connect-src 'self'", "connect-src 'self' ws://localhost:* http://localhost:*"),
  }
}

export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      externalizeDeps: { exclude: bundledDeps },
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src-main/app/main.ts'),
          // Sync decoding runs on worker threads (core/sync/decode-pool.ts looks for this file).
          'sync-decode-worker': resolve(__dirname, 'src-main/core/sync/decode-worker.ts'),
          // The command line (package.json "bin", and the app's own `--cli`).
          cli: resolve(__dirname, 'src-main/cli/bin.ts'),
        },
        output: {
          // Shared chunks sit beside the entries: code in them finds the decode worker and
          // drizzle/ by __dirname exactly as the entries do.
          chunkFileNames: '[name]-[hash].js',
          banner: (chunk) => (chunk.isEntry && chunk.name === 'cli' ? '#!/usr/bin/env node' : ''),
        },
      },
    },
  },
  preload: {
    resolve: { alias },
    build: {
      // A sandboxed preload can only require a few Electron modules: bundle everything.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src-preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src-renderer'),
    base: './',
    resolve: { alias },
    plugins: [react(), devServerCsp()],
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'src-renderer/index.html') } },
    },
  },
})
