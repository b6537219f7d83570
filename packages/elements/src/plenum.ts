/**
 * The embed bundle: `<script type="module" src="https://your-server/plenum.js">`. Elements
 * talk to the server the script came from unless they name another. Import order matters:
 * the default server is known before any element upgrades.
 */
import './embed-origin.js';
import './define.js';
