import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', '.data/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-unsafe-function-type': 'off',
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[object.name='process'][property.name='env']", message: 'Read settings through the app config class, not process.env.' },
      ],
    },
  },
  {
    // Config loading and the test, bench and tool harnesses are where the environment is read.
    files: ['libs/config/src/**', 'libs/testing/src/**', 'test/**', 'bench/**', 'tools/**'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
