// Lint: the layer arrows of docs/architecture (imports only point downwards), plus TypeScript rules.
// renderer → main/domain only; main/domain → nothing with I/O; main/core → never Electron.
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

// Every Node built-in by its exact name (builtinModules lists sub-paths such as fs/promises too),
// and anything with the node: prefix. Exact names, because a pattern "domain/*" would also match
// our own main/domain folder.
const NODE = 'NODE';

function restrict(patterns, message) {
  const withNode = patterns.includes(NODE);
  const group = patterns.filter((pattern) => pattern !== NODE).concat(withNode ? ['node:*'] : []);
  const paths = withNode ? builtinModules.map((name) => ({ name, message })) : [];
  return { 'no-restricted-imports': ['error', { paths, patterns: [{ group, message }] }] };
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
    rules: restrict(['electron', 'lowdb', 'lowdb/*', 'docx', 'electron-store', 'react', 'react-dom', '**/core/**', '**/electron/**', '**/renderer/**', NODE], 'main/domain is pure: no Node, no Electron, no I/O, and it imports no other layer.'),
  },
  {
    files: ['main/core/**/*.ts'],
    rules: restrict(['electron', 'electron-store', '**/electron/**', '**/renderer/**', '**/preload/**'], 'main/core runs under plain Node: it never imports Electron, the shell or the screen.'),
  },
  {
    files: ['main/cli/**/*.ts'],
    rules: restrict(['electron', 'electron-store', '**/electron/**', '**/renderer/**', '**/preload/**'], 'The command line runs under plain Node on the core: it never imports Electron, the shell or the screen.'),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: restrict(['electron', 'electron-store', 'lowdb', 'lowdb/*', NODE, '**/main/core/**', '**/main/electron/**', '**/preload/**'], 'The renderer has no Node and no Electron: it imports main/domain and reaches the core only through the API client.'),
  },
  {
    files: ['preload/**/*.ts'],
    rules: restrict([NODE, '**/main/core/**', '**/main/electron/**', '**/renderer/**'], 'The preload script only bridges the contract to the page.'),
  },
);
