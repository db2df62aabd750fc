// Nest 12 ships ESM only; Jest 30 on Node 20 loads it through @swc/jest compiled to CommonJS
// (see shared STACK-FACTS). ts-jest cannot do this: it leaves `import.meta` in place.
const esmPackages = [
  '@nestjs',
  'uid',
  'file-type',
  'strtok3',
  'token-types',
  '@tokenizer',
  'load-esm',
  'content-disposition',
];

const swc = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2023',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  },
];

const shared = {
  transform: { '^.+\\.(t|mj|j)s$': swc },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleNameMapper: {
    '^@sutwxapp/contracts$': '<rootDir>/libs/contracts/src/index.ts',
    '^@sutwxapp/wechat$': '<rootDir>/libs/wechat/src/index.ts',
    '^@sutwxapp/wechat-sandbox$': '<rootDir>/libs/wechat-sandbox/src/index.ts',
    '^@sutwxapp/api-client$': '<rootDir>/libs/api-client/src/index.ts',
  },
  testEnvironment: 'node',
};

/** @type {import('jest').Config} */
module.exports = {
  // per-project testTimeout is ignored by Jest; this one applies to every project
  testTimeout: 60000,
  // the default summary, then the skipped suites and what each one requires
  reporters: ['default', '<rootDir>/test/jest/skipped-reporter.js'],
  // `npm run test:cov`: what our code covers, summed up in the terminal; details in coverage/
  collectCoverageFrom: [
    'apps/api/src/**/*.ts',
    'libs/*/src/**/*.ts',
    '!**/*.spec.ts',
    '!libs/api-client/src/generated/**',
    '!apps/api/src/database/migrations/**',
  ],
  coverageReporters: ['text-summary', 'lcov', 'json-summary'],
  // V8's own coverage: works with the @swc/jest transform (babel-istanbul would need babel)
  coverageProvider: 'v8',
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/apps/**/*.spec.ts', '<rootDir>/libs/**/*.spec.ts'],
    },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/apps/api/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/apps/api/test/global-setup.ts',
      globalTeardown: '<rootDir>/apps/api/test/global-teardown.ts',
      testTimeout: 60000,
    },
    {
      ...shared,
      displayName: 'miniprogram',
      // The node environment, not jsdom: these tests boot the real API in-process, which needs
      // Node's globals and export conditions. setup.ts gives miniprogram-simulate its jsdom
      // window/document and WeChat's App/Page globals.
      testMatch: ['<rootDir>/miniprogram/test/**/*.test.ts'],
      setupFiles: ['<rootDir>/miniprogram/test/support/setup.ts'],
      // bare imports inside the packed npm components (TDesign's `tslib`) resolve the way WeChat
      // resolves them: the nearest miniprogram_npm folder
      moduleDirectories: ['node_modules', 'miniprogram_npm'],
      globalSetup: '<rootDir>/miniprogram/test/support/global-setup.ts',
      testTimeout: 60000,
    },
  ],
};
