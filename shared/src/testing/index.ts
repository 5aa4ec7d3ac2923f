export { cloneDoc, syncDocs } from './syncDocs';
