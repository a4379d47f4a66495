// mocha's spec reporter plus the plain "N passed, N failed" line that CI reads.
const Mocha = require('mocha');

class SummaryReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    const label = options?.reporterOption?.label || 'tests';
    runner.once('end', () => {
      const s = runner.stats;
      console.log(`${label}: ${s.passes} passed, ${s.failures} failed`);
    });
  }
}
module.exports = SummaryReporter;
