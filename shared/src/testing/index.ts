export { cloneDoc, syncDocs } from './syncDocs';
export { randomEdit, seededRandom } from './randomEdits';
