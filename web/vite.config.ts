// Builds the viewer: sources in web/, one bundle in web/dist that the server serves as static files.
// No inline script or style, so the page runs under the server's `default-src 'self'` policy.

import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "./",
  // `npx vite --config web/vite.config.ts` serves the sources with reload, asking `hf-lineage serve` for the API.
  server: { proxy: { "/api": "http://127.0.0.1:8787" } },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1024,
    modulePreload: { polyfill: false },
  },
});
