import { noChange } from 'lit';
import { Directive, directive, PartType, type AttributePart, type PartInfo } from 'lit/directive.js';

/**
 * Like Lit's `styleMap`, but always through the CSSOM. `styleMap` writes a `style`
 * attribute on first render, which a page's strict Content-Security-Policy
 * (`style-src` without 'unsafe-inline') blocks; `style.setProperty` is never blocked.
 * Property names are CSS names: `animation-delay`, `--rows` (a camelCase name such as
 * `fontSize` would be ignored by `setProperty`, so the type refuses it).
 */
type Styles = Record<Lowercase<string>, string>;

class InlineStyle extends Directive {
  #previous = new Set<string>();

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ATTRIBUTE || info.name !== 'style') {
      throw new Error('inlineStyle() belongs in a style= binding.');
    }
  }

  render(_styles: Styles): unknown {
    return noChange;
  }

  override update(part: AttributePart, [styles]: [Styles]): unknown {
    const style = (part.element as HTMLElement).style;
    for (const name of this.#previous) if (!(name in styles)) style.removeProperty(name);
    for (const [name, value] of Object.entries(styles)) style.setProperty(name, value);
    this.#previous = new Set(Object.keys(styles));
    return noChange;
  }
}

export const inlineStyle = directive(InlineStyle);
