/**
 * Loads `<plenum-word-cloud>` the first time something asks for it: a separate file next to
 * the bundle, so pages without a cloud never download it and plenum.js stays in budget.
 */
let loading: Promise<unknown> | undefined;

/** Resolves once the element is defined; rejects (and may be retried) when loading fails. */
export function loadWordCloud(): Promise<unknown> {
  loading ??= import('./word-cloud.js').catch((failure: unknown) => {
    loading = undefined;
    throw failure;
  });
  return loading;
}

/** Whether the element is ready to render. */
export const wordCloudReady = (): boolean => customElements.get('plenum-word-cloud') !== undefined;
