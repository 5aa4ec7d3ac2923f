import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { en } from './en';
import { GLOSSARY } from './glossary';
import { ja } from './ja';

/** Every message as [key path, text]. */
function leaves(tree: unknown, path = ''): Array<[string, string]> {
  if (typeof tree === 'string') return [[path, tree]];
  if (tree === null || typeof tree !== 'object') return [];
  return Object.entries(tree).flatMap(([key, value]) => leaves(value, path ? `${path}.${key}` : key));
}

const wholeWord = (term: string) => new RegExp(`\\b${term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i');

function offending(texts: Array<[string, string]>, language: 'ja' | 'en'): string[] {
  const found: string[] = [];
  for (const term of GLOSSARY) {
    for (const avoid of term.avoid[language]) {
      const matches = language === 'ja' ? (text: string) => text.includes(avoid) : (text: string) => wholeWord(avoid).test(text);
      for (const [where, text] of texts) if (matches(text)) found.push(`${where}: "${avoid}" (say "${term[language]}" for ${term.concept})`);
    }
  }
  return found;
}

/** The Japanese texts that shared/ generates (export labels and files, minutes, series texts): its string literals, comments left out. */
function sharedJapaneseLiterals(): Array<[string, string]> {
  const root = fileURLToPath(new URL('../../../../shared/src/', import.meta.url));
  const files = [
    ...readdirSync(join(root, 'export')).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).map((f) => `export/${f}`),
    'closing/minutes.ts',
    'closing/checklist.ts',
    'series/seriesTexts.ts',
    'series/bodyTemplates.ts',
  ];
  return files.flatMap((file) => {
    const code = readFileSync(join(root, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
    return [...code.matchAll(/'([^'\n]*)'|`([^`]*)`|"([^"\n]*)"/g)].map((m): [string, string] => [`shared/src/${file}`, m[1] ?? m[2] ?? m[3] ?? '']);
  });
}

describe('glossary: one term per concept per language', () => {
  it('the Japanese messages use no avoided synonym', () => {
    expect(offending(leaves(ja), 'ja')).toEqual([]);
  });

  it('the English messages use no avoided synonym', () => {
    expect(offending(leaves(en), 'en')).toEqual([]);
  });

  it("shared/'s Japanese texts (minutes, export files, series) use no avoided synonym", () => {
    const literals = sharedJapaneseLiterals();
    expect(literals.length).toBeGreaterThan(50);
    expect(offending(literals, 'ja')).toEqual([]);
  });

  it('flags a synonym when one slips in (the check can fail)', () => {
    expect(offending([['room.add', 'アクションを追加']], 'ja')).toEqual(['room.add: "アクション" (say "宿題" for action item)']);
    expect(offending([['room.add', 'Add a task']], 'en')).toHaveLength(1);
    expect(offending([['room.add', 'Multitasking']], 'en')).toEqual([]);
  });

  it('each term is used, in both languages', () => {
    const jaText = leaves(ja).map(([, text]) => text).join('\n');
    const enText = leaves(en).map(([, text]) => text).join('\n').toLowerCase();
    for (const term of GLOSSARY) {
      expect(jaText, term.concept).toContain(term.ja);
      expect(enText, term.concept).toContain(term.en);
    }
  });
});
