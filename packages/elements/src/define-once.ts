/** `customElements.define` throws the second time: a page may load a widget script twice. */
export function defineOnce(tag: string, element: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, element);
}
