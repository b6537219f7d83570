import { LitElement } from 'lit';
import { $lang } from './i18n.js';
import { StoreController } from '@plenum/elements';
import { shared } from './styles.js';

/** Every console element re-renders when the language changes and shares the base styles. */
export class ConsoleElement extends LitElement {
  static override styles = [shared];

  constructor() {
    super();
    new StoreController(this, $lang);
  }
}
