import type { Plugin, Rolldown } from 'vite';
import { MEETING_PATH } from '../src/app/meetingPath.ts';

type OutputBundle = Rolldown.OutputBundle;
type OutputChunk = Rolldown.OutputChunk;

/** What a meeting room needs at once, by source module (Vite's facade module ids end with these). */
const ROOM_MODULES = [
  'src/features/room/MeetingRoomPage.tsx',
  'src/features/access/RoomAccess.tsx',
  'src/editor/NotesEditor.tsx',
  // Run after the room's first render (OutcomesPanel), downloaded with the rest.
  'src/features/decisions/DecisionsPanel.tsx',
  'src/features/actionItems/ActionItemsPanel.tsx',
  'src/features/actionItems/ActionItemDialog.tsx',
];

/**
 * Opening a meeting link starts downloading the room's code while the page is still parsing.
 *
 * Without this, the room's chunks are requested only once the entry chunk has been downloaded and
 * run (main.tsx asks for them): on a cold load that is a few hundred milliseconds of an idle
 * network and an idle second core. The build knows the room's chunk files (their names carry
 * content hashes), so it writes them into index.html, and a few lines of inline script add
 * `modulepreload` links for them when the path is a meeting's. Other pages prefetch them (into the
 * cache, not run) when a pointer or focus reaches a meeting link or `[data-prefetch-room]`.
 * Each link is `crossorigin` like the tags Vite itself loads them with: a preload whose
 * credentials mode differs is not used, and the file is downloaded a second time.
 */
export function roomPreloads(): Plugin {
  return {
    name: 'suishin:room-preloads',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        if (!ctx.bundle || !ctx.chunk) return;
        const files = roomFiles(ctx.bundle, ctx.chunk).map((file) => `/${file}`);
        if (files.length === 0) return;
        // A meeting's page: modulepreload now (downloaded and parsed for the room). Any other
        // page: rel=prefetch as soon as someone shows they are about to open a meeting (a pointer
        // or focus on a meeting link, a pointer on or typing in what creates one, `data-prefetch-room`): downloaded
        // into the cache, never run, and never competing with the page's own loading, so the page
        // carries none of the room's JavaScript (a phone's main thread, "unused JavaScript").
        const script =
          `(function(f){function add(r){f.forEach(function(h){var l=document.createElement('link');` +
          `if(r==='prefetch'){l.rel='prefetch';l.as=/\\.css$/.test(h)?'style':'script'}` +
          `else if(/\\.css$/.test(h)){l.rel='preload';l.as='style'}else{l.rel='modulepreload'}` +
          `l.crossOrigin='';l.href=h;document.head.appendChild(l)})}` +
          `if(${MEETING_PATH}.test(location.pathname))add('preload');` +
          // focusin only on links: the new-meeting form's title field takes focus when home opens.
          `else{var done=0;function go(e){var t=e.target;if(done||!t||!t.closest)return;` +
          `if(!t.closest('a[href^="/meetings/"]')&&(e.type==='focusin'||!t.closest('[data-prefetch-room]')))return;` +
          `done=1;add('prefetch')}['pointerover','touchstart','focusin','input'].forEach(function(n){addEventListener(n,go,{capture:true,passive:true})})}` +
          `})(${JSON.stringify(files)})`;
        return [{ tag: 'script', children: script, injectTo: 'head-prepend' }];
      },
    },
  };
}

/** The room's chunks and CSS, with their static imports, minus what the entry already loads. */
function roomFiles(bundle: OutputBundle, entry: OutputChunk): string[] {
  const chunks = Object.values(bundle).filter((c): c is OutputChunk => c.type === 'chunk');
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  const closure = (roots: OutputChunk[]) => {
    const seen = new Set<string>();
    const visit = (chunk: OutputChunk) => {
      if (seen.has(chunk.fileName)) return;
      seen.add(chunk.fileName);
      for (const imported of chunk.imports) {
        const next = byFile.get(imported);
        if (next) visit(next);
      }
    };
    roots.forEach(visit);
    return seen;
  };
  const alreadyLoaded = closure([entry]);
  const roots = ROOM_MODULES.map((m) => chunks.find((c) => c.facadeModuleId?.endsWith(m))).filter((c): c is OutputChunk => c !== undefined);
  const files: string[] = [];
  for (const file of closure(roots)) {
    if (alreadyLoaded.has(file)) continue;
    files.push(file);
    const css = (byFile.get(file) as OutputChunk & { viteMetadata?: { importedCss: Set<string> } }).viteMetadata?.importedCss;
    for (const sheet of css ?? []) files.push(sheet);
  }
  return [...new Set(files)];
}
