// One closing line for the four test layers together, read from Vitest's JSON reports:
// "unit 15, component 9, integration 12, e2e 3 — tests: 30 passed, 0 failed".
import { existsSync, readFileSync } from 'node:fs';

interface Report {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
}

const layers = ['unit', 'component', 'integration', 'e2e'];
let passed = 0;
let failed = 0;
let skipped = 0;
const parts: string[] = [];
for (const layer of layers) {
  const file = `test-output/${layer}.json`;
  if (!existsSync(file)) {
    console.error(`No results for the ${layer} tests (${file} is missing).`);
    process.exitCode = 1;
    continue;
  }
  const report = JSON.parse(readFileSync(file, 'utf8')) as Report;
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests;
  parts.push(`${layer} ${report.numPassedTests + report.numFailedTests}`);
}
console.log(parts.join(', '));
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
if (failed > 0 || passed === 0) process.exitCode = 1;
