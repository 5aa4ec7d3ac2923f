export { cloneDoc, syncDocs } from './syncDocs';
export { randomEdit, seededRandom } from './randomEdits';
export { versionOneMeeting, VERSION_ONE_VIA_MEETING } from './versionOneMeeting';
