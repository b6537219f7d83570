import { describe, expect, it } from 'vitest';
import { squish } from './squish.js';

describe('squish', () => {
  it('drops the indentation in html and css templates, not in others', () => {
    const code =
      'const a = html`<p>\n    hi\n  </p>`;\nconst b = css`:host {\n  color: red;\n}`;\nconst c = `\n  kept`;';
    expect(squish(code)).toBe(
      'const a = html`<p>\nhi\n</p>`;\nconst b = css`:host {\ncolor: red;\n}`;\nconst c = `\n  kept`;',
    );
  });

  it('leaves the code inside ${…} alone, nested templates squished', () => {
    const code = 'html`<ul>\n  ${items.map((i) => html`<li>\n    ${i}</li>`)}\n</ul>`';
    expect(squish(code)).toBe('html`<ul>\n${items.map((i) => html`<li>\n${i}</li>`)}\n</ul>`');
  });

  it('is not fooled by a backtick in a string or a comment', () => {
    const code =
      "const tick = '`';\nconst t = html`<b>\n  x</b>`;\n// a ` in a comment\nconst u = css`a {\n  b: c;\n}`;";
    expect(squish(code)).toBe(
      "const tick = '`';\nconst t = html`<b>\nx</b>`;\n// a ` in a comment\nconst u = css`a {\nb: c;\n}`;",
    );
  });

  it('is not fooled by quotes in comments, regular expressions or escaped strings', () => {
    const code =
      "html`<i>\n  ${s.replace(/'/g, '’') /* don't */}\n  ${'it\\'s'}\n  ${\"say \\\"hi\\\"\"}</i>`;\nconst v = `\n  z`;";
    expect(squish(code)).toBe(
      "html`<i>\n${s.replace(/'/g, '’') /* don't */}\n${'it\\'s'}\n${\"say \\\"hi\\\"\"}</i>`;\nconst v = `\n  z`;",
    );
  });

  it('keeps an escaped backtick and ${ in the text', () => {
    const code = 'css`a::after {\n  content: "\\`\\${";\n}`';
    expect(squish(code)).toBe('css`a::after {\ncontent: "\\`\\${";\n}`');
  });
});
