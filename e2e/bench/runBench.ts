/**
 * How every e2e bench script ends: run `main`, exit 0 when it is done, 1 with the error when it
 * fails, and 1 when it takes longer than `timeoutMs` (a bench must stay bounded in time, as CI and
 * `pnpm bench` expect).
 */
export function runBench(name: string, main: () => Promise<void>, timeoutMs: number): void {
  const deadline = setTimeout(() => {
    console.error(`${name}: gave up after ${timeoutMs} ms`);
    process.exit(1);
  }, timeoutMs);
  main().then(
    () => {
      clearTimeout(deadline);
      process.exit(0);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
