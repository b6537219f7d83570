import { css, html, nothing } from 'lit';
import type { HostRoom } from './host-room.js';
import type { RoomView, Screen } from '@plenum/protocol';
import { ta } from './activity-strings.js';
import { ConsoleElement } from './console-element.js';
import { t } from './i18n.js';
import { sameScreen } from './screen-button.js';

/** A long text, shortened for one line of the console. */
const brief = (text: string) => (text.length > 80 ? `${text.slice(0, 79)}…` : text);

/**
 * @summary The host's control of the big screen, above every tab: what it shows now, its three
 * screens of its own (join, blank, top questions), and a notice when the highlighted question
 * is not what it shows, with one action to show it. Polls and questions have their own
 * "show on screen" buttons in their lists.
 */
export class PlenumConsoleScreenControl extends ConsoleElement {
  static override properties = {
    connection: { attribute: false },
    state: { attribute: false },
  };
  declare connection: HostRoom | undefined;
  declare state: RoomView | undefined;

  static override styles = [
    ...ConsoleElement.styles,
    css`
      :host {
        display: block;
      }
      section {
        padding: 0.6rem 1rem;
      }
      h2 {
        font-size: 1rem;
        margin: 0 0 0.25rem;
      }
      .now {
        margin: 0 0 0.5rem;
      }
      .note {
        margin: 0.5rem 0 0;
      }
    `,
  ];

  override render() {
    const s = t();
    const state = this.state;
    if (!state) return nothing;
    const own: { screen: Screen; label: string }[] = [
      { screen: { show: 'join' }, label: s.screenJoin },
      { screen: { show: 'blank' }, label: s.screenBlank },
      { screen: { show: 'questions' }, label: s.screenQuestions },
    ];
    const highlighted = state.questions.find((question) => question.highlighted);
    const offScreen =
      highlighted && !sameScreen(state.screen, { show: 'question', question: highlighted.id });
    return html`<section class="panel" aria-labelledby="screen-heading">
      <h2 id="screen-heading">${s.screenControl}</h2>
      <p class="now" role="status">${s.screenNow(this.#describe(state))}</p>
      <div class="row" role="group" aria-labelledby="screen-heading">
        ${own.map(
          ({ screen, label }) =>
            html`<plenum-console-screen-button
              .connection=${this.connection}
              .state=${state}
              .screen=${screen}
              label=${label}
            ></plenum-console-screen-button>`,
        )}
      </div>
      ${
        offScreen
          ? html`<div class="note row">
              <span>${s.highlightedOffScreen(brief(highlighted.text))}</span>
              <plenum-console-screen-button
                .connection=${this.connection}
                .state=${state}
                .screen=${{ show: 'question', question: highlighted.id }}
                label=${s.showHighlighted}
              ></plenum-console-screen-button>
            </div>`
          : nothing
      }
    </section>`;
  }

  #describe(state: RoomView): string {
    const s = t();
    const screen = state.screen;
    switch (screen.show) {
      case 'join':
        return s.screenJoin;
      case 'blank':
        return s.screenBlank;
      case 'questions':
        return s.screenQuestions;
      case 'poll': {
        const poll = state.polls.find((item) => item.id === screen.poll);
        return poll ? s.screenPoll(brief(poll.title)) : s.screenGone;
      }
      case 'question': {
        const question = state.questions.find((item) => item.id === screen.question);
        return question ? s.screenQuestion(brief(question.text)) : s.screenGone;
      }
      case 'quiz': {
        const quiz = state.quizzes?.find((item) => item.id === screen.quiz);
        return quiz ? ta().screenQuiz(brief(quiz.title)) : s.screenGone;
      }
      case 'survey': {
        const survey = state.surveys?.find((item) => item.id === screen.survey);
        return survey ? ta().screenSurvey(brief(survey.title), screen.question + 1) : s.screenGone;
      }
    }
  }
}
