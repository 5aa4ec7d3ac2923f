// Worker entry: loads the TypeScript backup through tsx (as sqliteWriter.boot.mjs does).
import { tsImport } from 'tsx/esm/api';

await tsImport('./backupWorker.ts', import.meta.url);
