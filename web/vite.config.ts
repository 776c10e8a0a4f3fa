// Builds the viewer: sources in web/, one bundle in web/dist that the server serves as static files.
// No inline script or style, so the page runs under the server's `default-src 'self'` policy.

import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "./",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1024,
    modulePreload: { polyfill: false },
  },
});
