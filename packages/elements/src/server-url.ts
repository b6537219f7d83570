let defaultServer: string | undefined;

/** The embed bundle calls this with the origin it was loaded from. */
export function setDefaultServer(url: string): void {
  defaultServer ??= new URL(url).origin;
}

/** The element's `server` attribute, else where plenum.js came from, else this page's origin. */
export function resolveServer(attribute: string | undefined): string {
  return attribute || defaultServer || location.origin;
}
