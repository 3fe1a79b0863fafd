/**
 * Module boundaries (see ../shared/DESIGN.md): a lib is used only through its public entry
 * `@kassa/<lib>` (libs/<lib>/src/index.ts), libs never reach into apps, and nothing is circular.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Cycles make boundaries meaningless and init order fragile.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'lib-deep-import',
      severity: 'error',
      comment: 'Import another lib only through @kassa/<lib>, its index.ts.',
      from: { path: '^libs/([^/]+)/' },
      to: { path: '^libs/([^/]+)/', pathNot: ['^libs/$1/', '^libs/[^/]+/src/index\\.ts$'] },
    },
    {
      name: 'app-deep-import',
      severity: 'error',
      comment: 'Apps assemble libs through their public entries only.',
      from: { path: '^(apps|scripts|bench)/' },
      to: { path: '^libs/', pathNot: '^libs/[^/]+/src/index\\.ts$' },
    },
    {
      name: 'lib-imports-app',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'Deep @kassa/<lib>/... paths do not resolve by design.',
      from: { path: '^(apps|libs)/' },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // The storefront's Vite config is build tooling, like admin/ (not cruised): vite resolves only as ESM.
    exclude: { path: '(^|/)(node_modules|dist)/|^apps/storefront/vite\\.config\\.ts$' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.json'] },
  },
};
