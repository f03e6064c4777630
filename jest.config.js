/**
 * Two projects: unit specs beside the code, and e2e specs in test/ that boot the
 * real app against the sandbox. Type checking is `npm run typecheck`; jest only transpiles.
 */
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.jest.json' }];

module.exports = {
  testTimeout: 60000,
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      roots: ['<rootDir>/src'],
      testMatch: ['**/*.spec.ts'],
      transform: { '^.+\\.ts$': tsJest },
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.e2e-spec.ts'],
      transform: { '^.+\\.ts$': tsJest },
      slowTestThreshold: 30,
    },
  ],
};
