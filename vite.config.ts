import { defineConfig } from 'vite';

// The back office is a single-page app served by the Marsad server under /app/.
export default defineConfig({
  root: 'src/web',
  base: '/app/',
  build: { outDir: '../../dist/web', emptyOutDir: true, sourcemap: false },
  server: { proxy: { '/api': 'http://localhost:8080' } },
});
