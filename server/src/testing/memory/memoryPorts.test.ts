import type { AuditRecord } from '../../audit/auditLog';
import { runAuditLogContract } from '../contracts/auditLogContract';
import { openMemoryAuditLog } from './memoryAuditLog';
import { runFollowThroughIndexContract } from '../contracts/followThroughIndexContract';
import { runSeriesStoreContract } from '../contracts/seriesStoreContract';
import type { Series } from '@suishin/shared';
import { MemoryFollowThroughIndex } from './memoryFollowThroughIndex';
import { MemoryProjectionStore } from './memoryProjectionStore';
import { runProjectionStoreContract } from '../contracts/projectionStoreContract';
import { openMemorySeriesStore } from './memorySeriesStore';

runSeriesStoreContract('memory', { storage: () => new Map<string, Series>(), open: async (all) => openMemorySeriesStore(all) });
runFollowThroughIndexContract('memory', async () => new MemoryFollowThroughIndex());
runProjectionStoreContract('memory', async () => new MemoryProjectionStore());
runAuditLogContract('memory', { storage: () => [] as Array<AuditRecord & { id: number }>, open: async (entries) => openMemoryAuditLog(entries) });
