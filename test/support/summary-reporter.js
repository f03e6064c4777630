/**
 * Jest reporter that ends every run with one plain line, `N passed, N failed`,
 * which CI reads. Suites that fail to load count as failures too.
 */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    process.stderr.write(`\n${results.numPassedTests} passed, ${failed} failed\n`);
  }
}

module.exports = SummaryReporter;
