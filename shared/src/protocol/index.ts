/**
 * The wire protocol alone (`@suishin/shared/protocol`): constants and types with no Yjs behind
 * them, so pages that only talk REST (the meetings list, sign-in) don't pull Yjs into their chunk.
 */
export * from './access';
export * from './archive';
export * from './audit';
export * from './closing';
export * from './closeCodes';
export * from './dashboard';
export * from './errors';
export * from './health';
export * from './home';
export * from './limits';
export * from './meetings';
export * from './messages';
export * from './paging';
export * from './registers';
export * from './search';
export * from './time';
export * from './trash';
export * from './trackers';
export * from './workspace';
export * from './series';
export * from './bodies';
