// Lint for the whole workspace: a few rules that catch real bugs, and the import boundaries
// each package README states. `npx pnpm@12.4.2 lint` runs it; scripts/test.sh fails on any finding.
// Syntax only (no type information): it stays fast on two cores, and `tsc` checks the types.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';


const tests = ['**/*.test.ts', '**/*.test.tsx'];
const testHelpers = ['server/src/testing/**', 'shared/src/testing/**', 'shared/src/export/fixtures/**'];

// Import specifiers, matched as written. Relative paths that climb out of a package (`../../client/…`)
// are caught by the folder they land in; a package is also caught by its name.
const react = '(^|[/@])react([-/]|$)'; // react, react-dom, react-aria-components, @react-aria/*, @tiptap/react
const clientCode = (who) => [
  { regex: '^@suishin/client(/|$)', message: `${who} never imports client code.` },
  { regex: '^(\\.\\./)+client/', message: `${who} never imports client code.` },
];
const serverCode = (who) => [
  { regex: '^@suishin/server(/|$)', message: `${who} never imports server code.` },
  { regex: '^(\\.\\./)+server/', message: `${who} never imports server code.` },
];

/**
 * One rule per boundary, each typescript-eslint's `no-restricted-imports` under its own name, so
 * that the boundaries add up (a file may be under several) and each finding names the boundary it
 * breaks. It checks imports (type-only ones too) and re-exports, not a dynamic `import()`.
 */
const boundaries = {
  'shared-stands-alone': {
    files: ['shared/**'],
    paths: builtinModules.map((name) => ({ name, message: 'shared/ runs in the browser and on the server: no Node-only modules.' })),
    patterns: [
      { regex: '^node:', message: 'shared/ runs in the browser and on the server: no Node-only modules.' },
      { regex: react, message: 'shared/ knows nothing of React: hooks over the model live in client/src/meeting.' },
      ...clientCode('shared/'),
      ...serverCode('shared/'),
    ],
  },
  'server-without-react-or-client': {
    files: ['server/**'],
    patterns: [{ regex: react, message: 'The server never imports React.' }, ...clientCode('The server')],
  },
  'client-without-server': {
    files: ['client/**'],
    patterns: serverCode('The client'),
  },
  'yjs-only-in-meeting-and-editor': {
    files: ['client/**'],
    ignores: ['client/src/meeting/**', 'client/src/editor/**'],
    patterns: [
      {
        regex: '^(yjs|y-[\\w.-]+|@tiptap/y-tiptap)(/|$)',
        message: 'Only client/src/meeting (the typed model\'s hooks) and client/src/editor touch Yjs; use the hooks in meeting/hooks.',
      },
    ],
  },
  'client-api-stays-light': {
    files: ['client/src/api/**'],
    patterns: [
      {
        regex: '^@suishin/shared($|/(?!protocol$))',
        message: 'client/src/api is in the entry chunk: from shared it imports @suishin/shared/protocol only (no zod, no Yjs).',
      },
      { regex: react, message: 'client/src/api is the HTTP layer: no React.' },
    ],
  },
  'sqlite-only-in-sqlite-folders': {
    files: ['server/**'],
    // Tests and their helpers may look at the tables themselves.
    ignores: ['server/src/persistence/sqlite/**', 'server/src/projections/sqlite/**', ...tests, ...testHelpers],
    paths: [
      {
        name: 'better-sqlite3',
        message: 'SQL lives behind the ports in server/src/persistence/sqlite and server/src/projections/sqlite; use the port.',
      },
    ],
  },
  'no-test-code-in-shipped-source': {
    files: ['shared/src/**', 'server/src/**', 'client/src/**', 'client/build/**'],
    ignores: [...tests, ...testHelpers],
    patterns: [
      { regex: '^(vitest|@playwright/test)(/|$)', message: 'Shipped source never imports a test runner; tests, benches and e2e may.' },
      {
        regex: '^@suishin/shared/(testing|export/testing)$|^\\.\\.?/(.*/)?(testing|fixtures)(/|$)',
        message: 'Shipped source never imports test helpers (server/src/testing, shared/src/testing, shared/src/export/fixtures).',
      },
    ],
  },
  'e2e-through-the-app': {
    files: ['e2e/**'],
    // Benchmarks may seed a workspace through the server's own ports (far faster than HTTP); the reads they time go through the app.
    ignores: ['e2e/bench/**'],
    patterns: [...clientCode('e2e/ drives the built app and'), ...serverCode('e2e/ starts the real server and')],
  },
};

export default defineConfig(
  { ignores: ['**/node_modules/**', '**/dist/**', '**/test-results/**', '**/playwright-report/**', '**/coverage/**', 'data/**'] },
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    rules: {
      // `_name` marks a binding kept on purpose (a dropped property, an unused parameter).
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      // A `let` assigned once after a closure that reads it (wiring two objects to each other).
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      // Japanese comments use the full-width space.
      'no-irregular-whitespace': ['error', { skipComments: true }],
    },
  },
  {
    // Tests read JSON bodies as `any`; shipped source does not.
    files: [...tests, ...testHelpers],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['client/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    // One way to the REST API (client/src/api/request.ts: ApiError, the 401 announcement). meeting/
    // fetches the document's bytes and the server clock by itself (see serverClock.ts).
    files: ['client/src/**/*.{ts,tsx}'],
    ignores: ['client/src/api/**', 'client/src/meeting/**', ...tests],
    rules: {
      'no-restricted-globals': ['error', { name: 'fetch', message: 'Call the API through client/src/api/request.ts (one ApiError, one 401 announcement).' }],
    },
  },
  {
    plugins: {
      boundaries: { rules: Object.fromEntries(Object.keys(boundaries).map((name) => [name, tseslint.plugin.rules['no-restricted-imports']])) },
    },
  },
  ...Object.entries(boundaries).map(([name, { files, ignores = [], paths = [], patterns = [] }]) => ({
    files,
    ignores,
    rules: { [`boundaries/${name}`]: ['error', { paths, patterns }] },
  })),
);
