// Lint: the layer arrows of docs/architecture (imports only point downwards), plus TypeScript rules.
// renderer → main/domain only; main/domain → nothing with I/O; main/core → never Electron.
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['fs', 'fs/*', 'path', 'os', 'child_process', 'http', 'https', 'net', 'crypto', 'zlib', 'util', 'stream', 'worker_threads', 'node:*'];

function restrict(patterns, message) {
  return { 'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }] };
}

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'docs/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['main/domain/**/*.ts'],
    rules: restrict(['electron', 'lowdb', 'lowdb/*', 'docx', 'electron-store', 'react', 'react-dom', '**/core/**', '**/electron/**', '**/renderer/**', ...nodeBuiltins], 'main/domain is pure: no Node, no Electron, no I/O, and it imports no other layer.'),
  },
  {
    files: ['main/core/**/*.ts'],
    rules: restrict(['electron', 'electron-store', '**/electron/**', '**/renderer/**', '**/preload/**'], 'main/core runs under plain Node: it never imports Electron, the shell or the screen.'),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: restrict(['electron', 'electron-store', 'lowdb', 'lowdb/*', ...nodeBuiltins, '**/main/core/**', '**/main/electron/**', '**/preload/**'], 'The renderer has no Node and no Electron: it imports main/domain and reaches the core only through the API client.'),
  },
  {
    files: ['preload/**/*.ts'],
    rules: restrict([...nodeBuiltins, '**/main/core/**', '**/main/electron/**', '**/renderer/**'], 'The preload script only bridges the contract to the page.'),
  },
);
