// The "may import" table of docs/architecture.md, enforced: each layer lists what it must not
// import. The per-layer tsconfig projects (tsconfig.shared/core/main/renderer.json) enforce the
// other half (no Node types in shared/ and the renderer, no DOM in shared/ and src-main/).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const nodeBuiltins = {
  group: ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'url', 'http', 'https', 'net', 'stream', 'zlib', 'util', 'worker_threads'],
  message: 'Node is not available in this layer.',
};
const electron = { group: ['electron', 'electron/*'], message: 'Only src-main/electron/ may import electron.' };
const srcMain = { regex: '(^|/)src-main(/|$)', message: 'This layer must not import from src-main/.' };
const srcRenderer = { regex: '(^|/)src-renderer(/|$)', message: 'Only the renderer imports the renderer.' };
const react = { group: ['react', 'react/*', 'react-dom', 'react-dom/*', '@tanstack/*'], message: 'shared/ is plain TypeScript: no React.' };
// From src-main/core/** a relative path that climbs out of core into a runtime folder.
const runtimes = {
  regex: '^(\\.\\./)+(electron|web|cli)(/|$)|(^|/)src-main/(electron|web|cli)(/|$)',
  message: 'The core never imports a runtime (electron, web, cli): the runtimes import the core.',
};

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'coverage/**', 'reports/**', '.stryker-tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // A disable comment that no longer suppresses anything fails the lint: none may go stale.
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    languageOptions: { ecmaVersion: 2024, sourceType: 'module' },
    rules: {
      // An unused leading parameter is the usual handler signature `(db, input)`.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // TypeScript itself reports undefined names (with the layer's own lib/types).
      'no-undef': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [nodeBuiltins, electron, react, srcMain, srcRenderer] }],
      'no-restricted-globals': ['error',
        ...['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'location', 'fetch'].map((name) => ({ name, message: 'shared/ runs without a DOM.' })),
        ...['process', 'Buffer', 'require', '__dirname', '__filename', 'global'].map((name) => ({ name, message: 'shared/ runs without Node.' })),
      ],
    },
  },
  {
    files: ['src-main/core/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [electron, srcRenderer, runtimes] }] },
  },
  {
    files: ['src-main/electron/**/*.ts', 'src-main/web/**/*.ts', 'src-main/cli/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [srcRenderer] }] },
  },
  {
    files: ['src-main/web/**/*.ts', 'src-main/cli/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [electron, srcRenderer] }] },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      'no-restricted-imports': ['error', { patterns: [nodeBuiltins, electron, srcMain] }],
    },
  },
  // TanStack Virtual's useVirtualizer returns functions the React Compiler cannot memoize; the
  // compiler then skips this one component, which is what we want (a known library limitation).
  {
    files: ['src-renderer/attendance/AttendanceTab.tsx'],
    rules: { 'react-hooks/incompatible-library': 'off' },
  },
);
