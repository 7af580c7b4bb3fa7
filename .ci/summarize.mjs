// Prints the plain closing line CI reads ("N passed, N failed") from vitest JSON reports.
import { readFileSync } from 'node:fs';

const [label, ...files] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of files) {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + (report.numTodoTests ?? 0);
}
if (passed + failed === 0) {
  console.error(`${label}: no test ran`);
  process.exit(1);
}
console.log(`${label}: ${passed} passed, ${failed} failed, ${skipped} skipped`);
