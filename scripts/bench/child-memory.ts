// Loaded into every benchmark child, the floor and the bots alike, which all run with
// --expose-gc. On SIGUSR2 it collects all garbage and prints the process's memory, so the
// benchmark compares what each process keeps, not how much garbage it happened to hold when
// read: the floor alone read 109 MiB in one run and 146 MiB in the next on the same code.
export const MEMORY_MARKER = 'bench-memory ';

const collect = (globalThis as { gc?: () => void }).gc;
if (collect) {
  process.on('SIGUSR2', () => {
    // Twice: the first full collection runs finalizers whose objects the second one frees.
    collect();
    collect();
    const { rss, heapUsed } = process.memoryUsage();
    process.stdout.write(`${MEMORY_MARKER}${JSON.stringify({ rss, heapUsed })}\n`);
  });
}
