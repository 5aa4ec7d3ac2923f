export * from './seriesTypes';
export * from './carriedFields';
export * from './carryOver';
export * from './seriesTexts';
export * from './nextSchedule';
export * from './meetingBody';
export * from './bodyTemplates';
export * from './issueCarryOver';
