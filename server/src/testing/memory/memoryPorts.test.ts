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
import { runRatingStoreContract } from '../contracts/ratingStoreContract';
import { openMemoryRatingStore } from './memoryRatingStore';

runSeriesStoreContract('memory', { storage: () => new Map<string, Series>(), open: async (all) => openMemorySeriesStore(all) });
runFollowThroughIndexContract('memory', async () => new MemoryFollowThroughIndex());
runProjectionStoreContract('memory', async () => new MemoryProjectionStore());
runAuditLogContract('memory', { storage: () => [] as Array<AuditRecord & { id: number }>, open: async (entries) => openMemoryAuditLog(entries) });
runRatingStoreContract('memory', { storage: () => new Map<string, Map<string, number>>(), open: async (votes) => openMemoryRatingStore(votes) });
