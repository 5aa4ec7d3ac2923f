/** The path of a meeting room: /meetings/<id>. Read by main.tsx and by the build (index.html preloads). */
export const MEETING_PATH = /^\/meetings\/([^/]+)$/;
