import { LazyElement, once, type ViewModule } from '../lazy-element.js';
import { styles } from '../poll/poll.styles.js';

const load = once(() => import('./quiz-view.js'));

/**
 * @tag plenum-quiz
 * @summary A live quiz: a nickname for the leaderboard, each question against the clock,
 * the right answer, then one's own score and rank and the top 10.
 *
 * What it shows loads on demand, the first time the tag appears on a page. The countdown
 * runs on the server's clock: the question's start time from the server and the offset
 * between this device's clock and the server's, measured when joining. The time left is a
 * number, announced at 10 and 5 seconds and when time is up.
 *
 * @fires plenum-answer - The participant answered a quiz question. detail: { room, quiz, question, choice }
 * @fires plenum-nickname - The participant chose a nickname. detail: { room, nickname }
 * @csspart base - The wrapper.
 * @csspart form - The nickname form and the answer form.
 * @csspart label - The question.
 * @csspart input - The nickname field.
 * @csspart button - Every button.
 * @csspart timer - The time left.
 * @csspart list - The answers' distribution; the leaderboard.
 * @csspart item - One answer; one leaderboard row.
 * @csspart bar - One answer's bar.
 * @csspart count - An answer's percentage and count; a score.
 * @csspart score - The participant's own score and rank.
 * @cssprop --plenum-accent - Bars, the time left, primary buttons.
 * @cssprop --plenum-muted - Secondary text.
 */
export class PlenumQuiz extends LazyElement {
  static override styles = styles;

  static override properties = {
    quiz: { type: String, reflect: true },
  };

  /** A quiz id; by default the quiz the host is running. */
  declare quiz: string | undefined;

  protected override loadView(): Promise<ViewModule> {
    return load();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'plenum-quiz': PlenumQuiz;
  }
}
