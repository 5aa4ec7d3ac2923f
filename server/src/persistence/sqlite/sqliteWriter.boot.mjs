// Worker entry: loads the TypeScript writer through tsx (worker threads do not inherit the
// main thread's loader on Node 20, and this also works under the test runner).
import { tsImport } from 'tsx/esm/api';

await tsImport('./sqliteWriter.ts', import.meta.url);
