// node --import tsx scripts/bench/profile-summary.ts FILE.cpuprofile: where a bot's CPU went
// during `npm run bench -- --cpu-prof` (profiles in logs/bench-profiles/), self time by package.
import { readFileSync } from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

/** node_modules/<package> (scoped too), our own src/ folder, or Node's internals. */
function bucket(url: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  if (pkg) return pkg;
  const own = /\/(src\/[^/]+(?:\/[^/]+)?)\//.exec(url)?.[1];
  if (own) return own;
  if (url.startsWith('node:') || url === '') return url === '' ? '(native / idle / gc)' : 'node internals';
  return url.replace(/^.*\/work\/main\//, '');
}

const profile = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<string, number>();
const fns = new Map<string, number>();
profile.samples.forEach((id, i) => {
  const node = byId.get(id)!;
  const dt = profile.timeDeltas[i] ?? 0;
  if (node.callFrame.functionName === '(idle)') return;
  const b = bucket(node.callFrame.url);
  self.set(b, (self.get(b) ?? 0) + dt);
  const fn = `${node.callFrame.functionName || '(anonymous)'} ${b}`;
  fns.set(fn, (fns.get(fn) ?? 0) + dt);
});
const total = [...self.values()].reduce((a, b) => a + b, 0);
const top = (m: Map<string, number>, n: number) =>
  [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${((100 * v) / total).toFixed(1).padStart(5)} %  ${(v / 1000).toFixed(0).padStart(7)} ms  ${k}`);
console.log(`busy ${(total / 1e6).toFixed(1)} s\n\nby package:\n${top(self, 15).join('\n')}\n\nby function:\n${top(fns, 20).join('\n')}`);
