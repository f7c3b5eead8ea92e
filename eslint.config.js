// Lint: the layer arrows of docs/architecture as ALLOW-lists (what each layer may import), over every
// way to load a module and the globals a layer must not touch; no import cycles; TypeScript rules,
// the promise and switch rules with type information.
//
// A layer is a folder (main/domain/**, renderer/**, ...), never a file, so modules can move inside it.
// tests/lint/fixtures/<layer folder>/ is linted as that layer by tests/lint/layerRules.test.ts, which
// holds one probe for each illegal import; `eslint .` and tsc leave the fixtures out.
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

const ROOT = import.meta.dirname;
const FIXTURES = 'tests/lint/fixtures';
const CODE = '**/*.{ts,tsx}';

/**
 * What each layer may import: its own folder and the folders below it, npm packages by name, and
 * whether Node's built-in modules are allowed. Anything else, resolved to its real path, is refused.
 */
const LAYERS = [
  {
    folder: 'main/domain',
    imports: [],
    packages: ['zod', 'papaparse'],
    node: false,
    message: 'main/domain is pure: no Node, no DOM, no I/O, no other layer; it may import zod and papaparse.',
  },
  {
    folder: 'main/core',
    imports: ['main/domain'],
    packages: ['docx', 'lowdb', 'image-size', 'papaparse', 'zod'],
    node: true,
    message: 'main/core runs under plain Node: it imports main/domain and its own packages, never Electron, React, the shell, the command line or the screen.',
  },
  {
    folder: 'main/cli',
    imports: ['main/core', 'main/domain'],
    packages: [],
    node: true,
    message: 'The command line runs under plain Node on the core: it imports main/core and main/domain only.',
  },
  {
    folder: 'main/electron',
    imports: ['main/core', 'main/domain'],
    packages: ['electron', 'electron-store', 'zod'],
    node: true,
    message: 'The Electron shell imports main/core, main/domain, Electron and electron-store; never the command line or the screen.',
  },
  {
    folder: 'preload',
    imports: ['main/domain'],
    packages: ['electron'],
    node: false,
    message: 'The preload script only bridges the contract (main/domain/api) to the page through Electron.',
  },
  {
    folder: 'renderer',
    imports: ['main/domain'],
    packages: ['react', 'react-dom', '@tiptap/react', '@tiptap/pm', '@tiptap/starter-kit', '@tiptap/extension-table', 'zod'],
    node: false,
    message: 'The renderer is a web page: it imports main/domain, React and the editor, and reaches the core only through renderer/api/client.',
  },
];

/** The layer's files, and its mirror under the lint fixtures. */
const filesOf = (folder) => [`${folder}/${CODE}`, `${FIXTURES}/${folder}/${CODE}`];

/** One zone per layer: everything in the repository (node_modules included) except what it may import. */
const zoneOf = (layer) => ({
  target: filesOf(layer.folder).map((glob) => glob.replace(CODE, '**/*')),
  from: '.',
  except: [
    ...[layer.folder, ...layer.imports].flatMap((folder) => [folder, `${FIXTURES}/${folder}`]),
    ...layer.packages.map((name) => `node_modules/${name}`),
  ].map((path) => `./${path}`),
  message: layer.message,
});

// Globals that would reach Node from the page or the pure model, and the page from Node.
const NODE_GLOBALS = ['process', 'Buffer', 'global', 'require', 'module', 'exports', '__dirname', '__filename', 'setImmediate', 'clearImmediate'];
const PAGE_GLOBALS = [
  'window',
  'document',
  'navigator',
  'location',
  'history',
  'localStorage',
  'sessionStorage',
  'indexedDB',
  'self',
  'parent',
  'top',
  'frames',
  'alert',
  'confirm',
  'prompt',
  'XMLHttpRequest',
];
// I/O the pure model never does (Node has these too, so main/core may).
const IO_GLOBALS = ['fetch', 'WebSocket', 'EventSource'];
// ESM has no `require`; these are not needed by an ESM layer in any form.
const MODULE_SYSTEM = ['require', 'module', 'exports', '__dirname', '__filename'];

const restrictedGlobals = (names, why) => names.map((name) => ({ name, message: `${name}: ${why}` }));
const restrictedProperties = (names, why) =>
  ['globalThis', 'window', 'self', 'global'].flatMap((object) => names.map((property) => ({ object, property, message: `${object}.${property}: ${why}` })));

// Every way to load a module that the import rules below cannot follow, refused in every layer.
const LOADING = [
  { selector: "CallExpression[callee.name='require']", message: 'require() is CommonJS: use import, which the layer rule checks.' },
  { selector: "CallExpression[callee.property.name='require']", message: 'require() is CommonJS: use import, which the layer rule checks.' },
  {
    selector: "ImportSpecifier[imported.name='createRequire'], MemberExpression[property.name='createRequire'], CallExpression[callee.name='createRequire']",
    message: 'createRequire() loads modules the layer rule cannot see: use import.',
  },
  {
    selector: "TSImportEqualsDeclaration[moduleReference.type='TSExternalModuleReference']",
    message: 'import x = require() is CommonJS: use import, which the layer rule checks.',
  },
  { selector: "ImportExpression[source.type!='Literal']", message: 'import() of a computed name cannot be checked against the layer rule: name the module.' },
];

const APP = ['main', 'preload', 'renderer'].flatMap(filesOf);

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'bench-results/**', 'docs/**', `${FIXTURES}/**`] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },

  // Type-aware rules: each file is checked in the program its nearest tsconfig.json makes.
  {
    files: [CODE],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: ROOT } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
    },
  },
  // Plain JavaScript, the few declarations for the domain's own program, and the fixtures are in no program.
  { files: ['**/*.{js,mjs,cjs}', 'types/**', `${FIXTURES}/**`], ...tseslint.configs.disableTypeChecked },

  // The layer rule: imports (static, export-from, import(), require, import = require) resolved to files.
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.d.ts', '.mjs', '.js', '.json'] })],
      'import-x/extensions': ['.ts', '.tsx', '.mjs', '.js'],
    },
  },
  {
    files: APP,
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: ROOT, zones: LAYERS.map(zoneOf) }],
      // An import that resolves to nothing would pass the zones unchecked.
      'import-x/no-unresolved': 'error',
      // Any cycle of imports that run (an `import type` is erased, so it makes none) fails the lint.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'no-restricted-syntax': ['error', ...LOADING],
      'no-restricted-globals': ['error', ...restrictedGlobals(MODULE_SYSTEM, 'the app is ES modules; import what you need.')],
    },
  },

  // No Node in the pure model, the preload script or the page: no built-in modules, no Node globals.
  {
    files: ['main/domain', 'preload', 'renderer'].flatMap(filesOf),
    rules: {
      'import-x/no-nodejs-modules': 'error',
      'no-restricted-globals': ['error', ...restrictedGlobals(NODE_GLOBALS, 'Node is not here (the page and the pure model have no Node).')],
      'no-restricted-properties': ['error', ...restrictedProperties(NODE_GLOBALS, 'Node is not here (the page and the pure model have no Node).')],
    },
  },
  // No page in the pure model or under Node.
  {
    files: ['main/domain', 'main/core', 'main/cli'].flatMap(filesOf),
    rules: {
      'no-restricted-globals': [
        'error',
        ...restrictedGlobals(PAGE_GLOBALS, 'there is no page here (main/domain is pure, main/core and main/cli run under plain Node).'),
        ...restrictedGlobals(MODULE_SYSTEM, 'the app is ES modules; import what you need.'),
      ],
      'no-restricted-properties': [
        'error',
        ...restrictedProperties(PAGE_GLOBALS, 'there is no page here (main/domain is pure, main/core and main/cli run under plain Node).'),
      ],
    },
  },
  // The pure model has neither: no Node globals and no page globals.
  {
    files: filesOf('main/domain'),
    rules: {
      'no-restricted-globals': [
        'error',
        ...restrictedGlobals([...NODE_GLOBALS, ...PAGE_GLOBALS, ...IO_GLOBALS], 'main/domain is pure: no Node, no DOM, no I/O.'),
      ],
      'no-restricted-properties': [
        'error',
        ...restrictedProperties([...NODE_GLOBALS, ...PAGE_GLOBALS, ...IO_GLOBALS], 'main/domain is pure: no Node, no DOM, no I/O.'),
      ],
    },
  },

  // Outside the app: tools and tests may import any layer, but never the Electron shell (only its own
  // tests) and never the command line (only bin/ and tests).
  {
    files: ['scripts/**/*.{ts,mjs,js}', 'tests/!(electron|lint)/**/*.{ts,tsx}'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          basePath: ROOT,
          zones: [
            {
              target: ['scripts/**/*', 'tests/!(electron|lint)/**/*'],
              from: './main/electron',
              message: 'Only the Electron shell and tests/electron import main/electron.',
            },
            { target: 'scripts/**/*', from: './main/cli', message: 'Only bin/ and the tests import main/cli.' },
          ],
        },
      ],
    },
  },
  {
    files: ['bin/**/*.js'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          basePath: ROOT,
          zones: [
            {
              target: 'bin/**/*',
              from: '.',
              except: ['./bin', './main/cli', './node_modules/tsx'],
              message: 'bin/ starts the command line (main/cli) and nothing else.',
            },
          ],
        },
      ],
    },
  },
);
