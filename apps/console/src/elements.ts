/** Registers the console's elements (once, even if the module is loaded twice); no styles of the page. */
import { PlenumConsole } from './console-app.js';
import { PlenumCopyField } from './copy-field.js';
import { PlenumHome } from './home-view.js';
import { PlenumHost } from './host-view.js';
import { PlenumJoin } from './join-view.js';
import { PlenumModeration } from './moderation-view.js';
import { PlenumPollForm } from './poll-form.js';
import { PlenumPolls } from './polls-view.js';
import { PlenumPresent } from './present-view.js';
import { PlenumReport } from './report-view.js';
import { PlenumScreenButton } from './screen-button.js';
import { PlenumScreenControl } from './screen-control.js';
import { PlenumShare } from './share-view.js';

const elements = {
  'plenum-console': PlenumConsole,
  'plenum-copy-field': PlenumCopyField,
  'plenum-home': PlenumHome,
  'plenum-host': PlenumHost,
  'plenum-join': PlenumJoin,
  'plenum-moderation': PlenumModeration,
  'plenum-poll-form': PlenumPollForm,
  'plenum-polls': PlenumPolls,
  'plenum-present': PlenumPresent,
  'plenum-report': PlenumReport,
  'plenum-screen-button': PlenumScreenButton,
  'plenum-screen-control': PlenumScreenControl,
  'plenum-share': PlenumShare,
};

for (const [tag, element] of Object.entries(elements)) {
  if (!customElements.get(tag)) customElements.define(tag, element);
}

declare global {
  interface HTMLElementTagNameMap {
    'plenum-console': PlenumConsole;
    'plenum-copy-field': PlenumCopyField;
    'plenum-home': PlenumHome;
    'plenum-host': PlenumHost;
    'plenum-join': PlenumJoin;
    'plenum-moderation': PlenumModeration;
    'plenum-poll-form': PlenumPollForm;
    'plenum-polls': PlenumPolls;
    'plenum-present': PlenumPresent;
    'plenum-report': PlenumReport;
    'plenum-screen-button': PlenumScreenButton;
    'plenum-screen-control': PlenumScreenControl;
    'plenum-share': PlenumShare;
  }
}
