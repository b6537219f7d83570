/** Registers the console's elements (once, even if the module is loaded twice); no styles of the page. */
import { PlenumConsole } from './console-app.js';
import { PlenumConsoleCopyField } from './copy-field.js';
import { PlenumConsoleCountdown } from './countdown.js';
import { PlenumConsoleHome } from './home-view.js';
import { PlenumConsoleHost } from './host-view.js';
import { PlenumConsoleJoin } from './join-view.js';
import { PlenumConsoleModeration } from './moderation-view.js';
import { PlenumConsolePollForm } from './poll-form.js';
import { PlenumConsolePolls } from './polls-view.js';
import { PlenumConsolePresent } from './present-view.js';
import { PlenumConsoleQuizzes } from './quizzes-view.js';
import { PlenumConsoleReport } from './report-view.js';
import { PlenumConsoleResetButton } from './reset-button.js';
import { PlenumConsoleScreenButton } from './screen-button.js';
import { PlenumConsoleScreenControl } from './screen-control.js';
import { PlenumConsoleShare } from './share-view.js';
import { PlenumConsoleSurveys } from './surveys-view.js';

const elements = {
  'plenum-console': PlenumConsole,
  'plenum-console-copy-field': PlenumConsoleCopyField,
  'plenum-console-countdown': PlenumConsoleCountdown,
  'plenum-console-home': PlenumConsoleHome,
  'plenum-console-host': PlenumConsoleHost,
  'plenum-console-join': PlenumConsoleJoin,
  'plenum-console-moderation': PlenumConsoleModeration,
  'plenum-console-poll-form': PlenumConsolePollForm,
  'plenum-console-polls': PlenumConsolePolls,
  'plenum-console-present': PlenumConsolePresent,
  'plenum-console-quizzes': PlenumConsoleQuizzes,
  'plenum-console-report': PlenumConsoleReport,
  'plenum-console-reset-button': PlenumConsoleResetButton,
  'plenum-console-screen-button': PlenumConsoleScreenButton,
  'plenum-console-screen-control': PlenumConsoleScreenControl,
  'plenum-console-share': PlenumConsoleShare,
  'plenum-console-surveys': PlenumConsoleSurveys,
  // Console-private tags under their own prefix, apart from the public widgets (`plenum-poll`…).
} satisfies Record<`plenum-console${string}`, CustomElementConstructor>;

for (const [tag, element] of Object.entries(elements)) {
  if (!customElements.get(tag)) customElements.define(tag, element);
}

declare global {
  interface HTMLElementTagNameMap {
    'plenum-console': PlenumConsole;
    'plenum-console-copy-field': PlenumConsoleCopyField;
    'plenum-console-countdown': PlenumConsoleCountdown;
    'plenum-console-home': PlenumConsoleHome;
    'plenum-console-host': PlenumConsoleHost;
    'plenum-console-join': PlenumConsoleJoin;
    'plenum-console-moderation': PlenumConsoleModeration;
    'plenum-console-poll-form': PlenumConsolePollForm;
    'plenum-console-polls': PlenumConsolePolls;
    'plenum-console-present': PlenumConsolePresent;
    'plenum-console-quizzes': PlenumConsoleQuizzes;
    'plenum-console-report': PlenumConsoleReport;
    'plenum-console-reset-button': PlenumConsoleResetButton;
    'plenum-console-screen-button': PlenumConsoleScreenButton;
    'plenum-console-screen-control': PlenumConsoleScreenControl;
    'plenum-console-share': PlenumConsoleShare;
    'plenum-console-surveys': PlenumConsoleSurveys;
  }
}
