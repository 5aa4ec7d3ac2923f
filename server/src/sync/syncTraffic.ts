/**
 * Frames and bytes through the sync sockets, counted where they pass (connection.ts) as plain
 * numbers: an increment per frame, nothing allocated; /metrics reads them when it is scraped.
 */
export interface SyncTraffic {
  messagesIn: number;
  messagesOut: number;
  bytesIn: number;
  bytesOut: number;
}

export const createSyncTraffic = (): SyncTraffic => ({ messagesIn: 0, messagesOut: 0, bytesIn: 0, bytesOut: 0 });
