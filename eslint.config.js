import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const SERVICES = ['users', 'pools', 'ledger', 'alerts', 'reports', 'gateway'];

/** An import pattern that refuses every service's package but `own`. */
const serviceImports = (who, own) => {
  const others = SERVICES.filter((name) => name !== own);
  return {
    group: others.flatMap((name) => [`@poolgraph/${name}`, `@poolgraph/${name}/*`]),
    message: `${who[0].toUpperCase()}${who.slice(1)} must not import another service's code.`,
  };
};

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/__generated__/**', '**/dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-console': ['error', { allow: ['error'] }],
    },
  },
  // Boundaries (docs/CONTRIBUTING.md): shared packages never import a service; resolvers never
  // touch the database (SQL lives in data/); a service reaches another only through GraphQL or
  // events, never its code.
  {
    files: ['packages/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [serviceImports('a package')] }] },
  },
  {
    files: ['subgraphs/*/src/resolvers/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['drizzle-orm', 'drizzle-orm/*', 'mysql2', 'mysql2/*'],
              message: 'Resolvers never touch the database: queries live in data/.',
            },
            serviceImports('a resolver'),
          ],
        },
      ],
    },
  },
  ...SERVICES.map((service) => ({
    files: [service === 'gateway' ? 'gateway/src/**' : `subgraphs/${service}/src/**`],
    ignores: ['subgraphs/*/src/resolvers/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [serviceImports(`the ${service} service`, service)] },
      ],
    },
  })),
  {
    files: [
      'scripts/**',
      'bench/**',
      'sdk/*/scripts/**',
      'sdk/*/example.ts',
      'deploy/**',
      'client/scripts/**',
    ],
    rules: { 'no-console': 'off' },
  },
  {
    // The web app and the bundled explorer run in the browser.
    files: ['client/src/**', 'gateway/explorer/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
