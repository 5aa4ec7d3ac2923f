export * from './seriesTypes';
export * from './carriedFields';
export * from './carryOver';
