/**
 * What every printable document we export (minutes, the management report) shares: fonts that
 * have Japanese glyphs on the reader's machine, an A4 page, the base text size. Each document
 * adds its own layout after it.
 */
export function printPageStyles(language: 'ja' | 'en'): string {
  const fonts =
    language === 'ja'
      ? '"Hiragino Kaku Gothic ProN", "Hiragino Sans", "Yu Gothic", "Meiryo", "Noto Sans CJK JP", "Noto Sans JP", sans-serif'
      : 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif';
  return `
@page { size: A4 portrait; margin: 15mm 15mm 18mm; }
* { box-sizing: border-box; }
html { color: #111; background: #fff; }
body { margin: 0; font-family: ${fonts}; font-size: 10.5pt; line-height: 1.6; }`;
}
