/** Every test runs in ESM mode against a real PostgreSQL (see test/support/global-setup.mjs). */
const swc = {
  jsc: {
    target: 'es2022',
    parser: { syntax: 'typescript', decorators: true, tsx: false },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    keepClassNames: true,
  },
  module: { type: 'es6' },
};

export default {
  rootDir: '.',
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', swc] },
  moduleNameMapper: {
    '^@oms/core$': '<rootDir>/libs/core/src/index.ts',
    '^@oms/access$': '<rootDir>/libs/access/src/index.ts',
    '^@oms/catalog$': '<rootDir>/libs/catalog/src/index.ts',
    '^@oms/inventory$': '<rootDir>/libs/inventory/src/index.ts',
    '^@oms/orders$': '<rootDir>/libs/orders/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testMatch: ['<rootDir>/{apps,libs,test}/**/*.{spec,int-spec,e2e-spec}.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  globalSetup: '<rootDir>/test/support/global-setup.mjs',
  globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
  testTimeout: 60000,
  maxWorkers: 2,
};
