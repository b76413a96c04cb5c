import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is built once to static files; both runtimes (Electron's app:// protocol and the
// loopback web server) serve the same build. Relative base so it works under either origin.
export default defineConfig({
  root: 'src-renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../dist/renderer', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 2000 },
});
