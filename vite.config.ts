/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

const rcComponent = /[\\/]node_modules[\\/]@rc-component[\\/][^\\/]+[\\/]es[\\/]/;
const formLibraries = /[\\/]node_modules[\\/](?:@jsonforms|ajv|ajv-formats|fast-uri|json-schema-traverse|fast-deep-equal|@marcbachmann[\\/]cel-js|lodash)[\\/]/;
const formSources = /[\\/](?:runtime[\\/](?:form|expression)|studio[\\/](?:forms|renderers|vendor))[\\/]/;
// Renderers and widgets a form loads only when it has such a field (studio/renderers/index.ts), and the
// designer's preview with the index that exports it: not part of every form.
const formOnDemand = /[\\/]studio[\\/](?:renderers[\\/](?:ArrayTableControl|BooleanControl|CategorizationLayout|CellEditor|DateControl|DatePickerField|IntegerControl|MultiEnumControl|NumberControl|NumberInput|ObjectControl|RatingControl|SelectField|TagsControl|UploadField)\.tsx|forms[\\/]FormPreview\.tsx|forms[\\/]index\.ts)$/;
const isFormModule = (id: string) => (formLibraries.test(id) || formSources.test(id)) && !formOnDemand.test(id);

// One config for the studio build and for vitest, so tests see the same resolution as the app.
export default defineConfig(({ command }) => ({
  root: 'studio',
  plugins: [react()],
  resolve: {
    alias: [
      // JSON Forms' only two lodash/fp calls, without the fp machinery (see studio/vendor/lodash-fp-set.js).
      { find: /^lodash\/fp\/set$/, replacement: here('./studio/vendor/lodash-fp-set.js') },
      { find: /^lodash\/fp\/unset$/, replacement: here('./studio/vendor/lodash-fp-unset.js') },
      // JSON Forms pins ajv-formats 2 for the ajv it creates but never uses here (validationMode
      // NoValidation; runtime/form validates): one copy, the runtime's 3.x, not two.
      { find: /^ajv-formats$/, replacement: here('./node_modules/ajv-formats/dist/index.js') },
      // react-router's package exports name its development build only; the studio ships the production one.
      ...(command === 'build'
        ? [
            { find: /^react-router$/, replacement: here('./node_modules/react-router/dist/production/index.mjs') },
            { find: /^react-router\/dom$/, replacement: here('./node_modules/react-router/dist/production/dom-export.mjs') },
          ]
        : []),
    ],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      // antd is imported through its index: without this, every antd component the app uses anywhere
      // counts as part of the first screen's dependency chain (the `$initial` group below) via that index.
      experimental: { lazyBarrel: true },
      // antd's @rc-component packages are plain ES modules with no side effects, but do not say so: their
      // index files then keep every component they attach (antd's Input brings all of @rc-component/form,
      // about 13 KB gzipped, for one context provider).
      treeshake: { moduleSideEffects: (id: string) => (rcComponent.test(id) ? false : undefined) },
      output: {
        // Fewer, larger files compress better and cost fewer round trips on a phone: everything the first
        // screen needs (React, antd's core, the router, the Chinese catalog, login and shell) is one file,
        // and what a form needs besides (JSON Forms, ajv, CEL, runtime/form, the common renderers) another.
        // What loads on demand (pages, the rarer renderers, the date picker, Select) stays apart. Only the
        // modules named here are grouped, not all they import, or the first screen's file would take in
        // whatever else its imports reach.
        codeSplitting: {
          includeDependenciesRecursively: false,
          groups: [
            { name: 'app', tags: ['$initial'], priority: 2 },
            { name: 'form', test: isFormModule, priority: 1 },
          ],
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8787' } },
  test: {
    root: '.',
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    exclude: ['**/node_modules/**', 'tests/bench/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    globalSetup: ['tests/global-setup.ts'],
  },
}));
