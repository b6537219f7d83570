import { LazyElement, once, type ViewModule } from '../lazy-element.js';
import { styles } from '../poll/poll.styles.js';

const load = once(() => import('./survey-view.js'));

/**
 * @tag plenum-survey
 * @summary A survey (ratings, single and multiple choice, open answers) answered at one's
 * own pace and sent together; changeable while the survey is open.
 *
 * What it shows loads on demand, the first time the tag appears on a page. Answers sent
 * while offline wait in the outbox and go out when the connection is back.
 *
 * @fires plenum-submit - The participant sent the survey's answers. detail: { room, survey, answers }
 * @csspart base - The wrapper.
 * @csspart form - The survey form.
 * @csspart label - The survey's title and each question.
 * @csspart input - An open answer field.
 * @csspart button - The send button.
 * @csspart list - A question's results.
 * @csspart item - One result.
 * @csspart bar - One result bar.
 * @csspart count - A result's percentage and count.
 * @cssprop --plenum-accent - Stars, bars and the send button.
 * @cssprop --plenum-muted - Secondary text.
 */
export class PlenumSurvey extends LazyElement {
  static override styles = styles;

  static override properties = {
    survey: { type: String, reflect: true },
  };

  /** A survey id; by default the survey the host opened last. */
  declare survey: string | undefined;

  protected override loadView(): Promise<ViewModule> {
    return load();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'plenum-survey': PlenumSurvey;
  }
}
