/** Bundled into plenum.js, `import.meta.url` is the script's own address: its origin is the server. */
import { setDefaultServer } from './server-url.js';

setDefaultServer(import.meta.url);
