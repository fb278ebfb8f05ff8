import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/**
 * The layers import only downwards (routes → components → src/runtime → src/lib): these rules make an
 * upward import a lint error. Paths are matched as written, so both `$components/…` and `../../components/…`.
 */
const importsFrom = (layers, message) =>
  layers.map((layer) => ({ regex: `^(\\$${layer}(/|$)|(\\.\\./)+${layer}(/|$))`, message }));

const pureLib = 'src/lib is pure TypeScript: it imports nothing from the layers above it, and no Svelte.';
const noDom = 'src/lib has no DOM: take what you need as an argument.';
const layerRules = {
  lib: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...importsFrom(['components', 'runtime', 'routes', 'build', 'app'], pureLib),
          { regex: '^(svelte|@sveltejs/)', message: pureLib }
        ]
      }
    ],
    'no-restricted-globals': [
      'error',
      { name: 'document', message: noDom },
      { name: 'window', message: noDom }
    ]
  },
  runtime: {
    'no-restricted-imports': [
      'error',
      {
        patterns: importsFrom(
          ['components', 'routes'],
          'src/runtime never imports a component: the page hands it what it needs.'
        )
      }
    ]
  },
  components: {
    'no-restricted-imports': [
      'error',
      { patterns: importsFrom(['routes'], 'Components never import a page.') }
    ]
  }
};

export default ts.config(
  { ignores: ['build/', '.svelte-kit/', 'node_modules/', 'static/', '.scratch/'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } }
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: {
        projectService: true,
        extraFileExtensions: ['.svelte'],
        parser: ts.parser,
        svelteConfig
      }
    }
  },
  {
    rules: {
      // Cell bodies are real functions with varied signatures; `Function`-like types are deliberate there.
      '@typescript-eslint/no-unsafe-function-type': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // We render our own build-time HTML (prose, highlighted code), never reader input.
      'svelte/no-at-html-tags': 'off'
    }
  },
  { files: ['src/lib/**/*.ts'], ignores: ['src/lib/**/*.test.ts'], rules: layerRules.lib },
  { files: ['src/runtime/**/*.ts'], rules: layerRules.runtime },
  { files: ['components/**/*.ts', 'components/**/*.svelte'], rules: layerRules.components }
);
