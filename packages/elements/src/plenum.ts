/**
 * The embed bundle: `<script type="module" src="https://your-server/plenum.js">`. Elements
 * talk to the server the script came from unless they name another. The default is set in
 * the entry itself: a bare side-effect import would be dropped under the package's
 * `sideEffects` list. Lit renders in a microtask, so it is known before any element connects.
 */
import { setDefaultServer } from './server-url.js';
import './define.js';

setDefaultServer(import.meta.url);
