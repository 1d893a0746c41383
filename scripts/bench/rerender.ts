// node --import tsx scripts/bench/rerender.ts [DIR]: writes DIR/benchmarks.md (default docs) again
// from DIR/benchmarks.json, e.g. after the findings (why a target is missed) were revised, without
// measuring again. The figures and the judgement against the targets are the run's own.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { writeReport, type Report } from './report.ts';

const dir = resolve(process.argv[2] ?? 'docs');
const report = JSON.parse(readFileSync(join(dir, 'benchmarks.json'), 'utf8')) as Report;
writeReport(dir, report);
console.log(`wrote ${dir}/benchmarks.md from ${dir}/benchmarks.json`);
