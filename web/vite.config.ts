// Builds the web UI into web/dist: hashed, bundled assets only (no CDN, nothing inline), served by `heartland serve`.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "/",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    // Inline nothing: the Content-Security-Policy allows only files served by Heartland itself.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 1024,
  },
  server: {
    // `npx vite web` during development talks to a running `heartland serve` on port 8080.
    proxy: { "/api": "http://127.0.0.1:8080" },
  },
});
