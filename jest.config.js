/** @type {import('jest').Config} */
const swc = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  },
];

module.exports = {
  rootDir: '.',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/{apps,libs,test}/**/*.{spec,int-spec,e2e-spec}.ts'],
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper: {
    '^@kassa/migrations$': '<rootDir>/migrations',
    '^@kassa/([^/]+)$': '<rootDir>/libs/$1/src',
  },
  testTimeout: 60_000,
  maxWorkers: 2,
  // Each e2e file boots the app on its own database; keep their output quiet.
  setupFiles: ['<rootDir>/test/support/jest.setup.ts'],
};
