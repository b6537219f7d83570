import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ActivityHost } from '@plenum/client';
import { emptyRoom, FakeRoom } from '@plenum/elements';
import { $, $$ } from '@plenum/elements/testing';
import type { RoomView } from '@plenum/protocol';
import './elements.js';
import type { PlenumConsolePresent } from './present-view.js';
import type { PlenumConsoleQuizzes } from './quizzes-view.js';
import type { PlenumConsoleSurveys } from './surveys-view.js';

const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

function hostRoom(): FakeRoom {
  return new FakeRoom({ host: true, state: emptyRoom({ lang: 'en' }) });
}

/** A view that follows the room's state as the host view hands it down. */
async function view<T extends HTMLElement & { state: RoomView | undefined }>(
  room: FakeRoom,
  template: ReturnType<typeof html>,
): Promise<T> {
  const element = await fixture<T>(template);
  element.state = room.$state.get();
  room.$state.listen((state) => (element.state = state));
  await (element as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  return element;
}

const quizzes = (room: FakeRoom) =>
  view<PlenumConsoleQuizzes>(
    room,
    html`<plenum-console-quizzes .connection=${room}></plenum-console-quizzes>`,
  );
const surveys = (room: FakeRoom) =>
  view<PlenumConsoleSurveys>(
    room,
    html`<plenum-console-surveys .connection=${room}></plenum-console-surveys>`,
  );

const press = async (keys: string[]) => {
  for (const key of keys) await sendKeys({ press: key });
};

const capital = {
  text: 'What is the capital of Germany?',
  kind: 'single' as const,
  options: ['Bonn', 'Berlin'],
  correct: [1],
};

describe('console: quizzes', () => {
  it('is accessible: empty, the form, a quiz under way', async () => {
    const room = hostRoom();
    const el = await quizzes(room);
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '#new-quiz').click();
    await waitUntil(() => $(el, 'form'), 'the form opens');
    await expect(el).to.be.accessible();
    const id = await new ActivityHost(room.host!).createQuiz({ title: 'Warm-up', questions: [capital] });
    await new ActivityHost(room.host!).startQuestion(id, 0);
    await waitUntil(() => $(el, 'plenum-console-countdown'), 'runs');
    await expect(el).to.be.accessible();
  });

  it('writes a quiz by keyboard: question, options, the right one, saved as a draft', async () => {
    const room = hostRoom();
    const el = await quizzes(room);
    $<HTMLButtonElement>(el, '#new-quiz').focus();
    await press(['Enter']);
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'quiz-title', 'focus in the title');
    await sendKeys({ type: 'Warm-up' });
    await press(['Tab', 'Tab']); // speed points (on), the question
    await sendKeys({ type: 'What is the capital of Germany?' });
    await press(['Tab', 'Tab', 'Tab', 'Tab']); // kind, time limit, the right option, option 1
    await sendKeys({ type: 'Bonn' });
    await press(['Tab']);
    await sendKeys({ type: 'Berlin' });
    // Back to the radio group: the second option is the right one.
    await press(['Shift+Tab', 'Shift+Tab', 'ArrowDown']);
    await press(['Tab', 'Tab', 'Tab', 'Tab']); // option 2, add option, add question, save
    expect(text(el.shadowRoot!.activeElement)).to.equal('Save draft');
    await press(['Enter']);
    await waitUntil(() => $(el, 'li.quiz'), 'the quiz is listed');
    const quiz = room.$state.get()!.quizzes![0]!;
    expect(quiz).to.include({ title: 'Warm-up', status: 'draft', speedPoints: true });
    expect(
      quiz.questions.map(({ text, kind, options, correct, timeLimit }) => ({
        text,
        kind,
        options,
        correct,
        timeLimit,
      })),
    ).to.deep.equal([{ ...capital, timeLimit: 20 }]);
    expect(el.shadowRoot!.activeElement?.id).to.equal('new-quiz');
  });

  it('edits a draft: its questions come back into the form, the change is saved', async () => {
    const room = hostRoom();
    const el = await quizzes(room);
    await new ActivityHost(room.host!).createQuiz({
      title: 'Warm-up',
      questions: [capital],
      speedPoints: false,
    });
    await waitUntil(() => $(el, 'li.quiz'), 'listed');
    $$<HTMLButtonElement>(el, 'li.quiz button')
      .find((b) => text(b) === 'Edit')!
      .click();
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'quiz-title', 'the form, focus in the title');
    expect($<HTMLInputElement>(el, '#q0-text').value).to.equal(capital.text);
    expect($<HTMLInputElement>(el, '#speed').checked).to.equal(false);
    expect($<HTMLInputElement>(el, '#q0-correct-1').checked).to.equal(true);
    await sendKeys({ press: 'End' });
    await sendKeys({ type: ' (rehearsal)' });
    $<HTMLButtonElement>(el, 'form button[type="submit"]').click();
    await waitUntil(() => room.$state.get()!.quizzes![0]!.title === 'Warm-up (rehearsal)', 'saved');
    expect(room.$state.get()!.quizzes![0]!.speedPoints).to.equal(false);
  });

  it('runs a quiz: open, start, reveal, leaderboard; resets after asking', async () => {
    const room = hostRoom();
    const el = await quizzes(room);
    const id = await new ActivityHost(room.host!).createQuiz({ title: 'Warm-up', questions: [capital] });
    await waitUntil(() => $(el, 'li.quiz'), 'listed');
    const button = (label: string) =>
      $$<HTMLButtonElement>(el, 'li.quiz button').find((b) => text(b) === label);
    const click = async (label: string) => {
      const target = button(label);
      expect(target !== undefined, label).to.equal(true);
      target!.focus();
      await press(['Enter']);
      await el.updateComplete;
    };
    await click('Open');
    await waitUntil(() => button('Start question 1'), 'open, in the lobby');
    expect(text($(el, '.phase'))).to.contain('nobody has a question yet');
    await click('Start question 1');
    await waitUntil(() => button('Reveal the answer'), 'the question runs');
    expect(text($(el, '.phase'))).to.equal('Question 1 of 1: taking answers');
    // A participant answers (the fake room's participant).
    await room.send({ type: 'quiz-answer', quiz: id, question: 0, choice: 1 });
    await waitUntil(() => text($(el, '.current')).includes('1 response'), 'the answer counts');
    await click('Reveal the answer');
    await waitUntil(() => button('Show the leaderboard'), 'revealed');
    expect(text($(el, '.current li.right'))).to.contain('✓ Berlin (right)');
    expect(text($(el, '.current'))).to.contain('1 of 1 answered right');
    await click('Show the leaderboard');
    await waitUntil(() => $(el, '.board li'), 'the leaderboard');
    expect(text($(el, '.board li'))).to.match(/^1\. Participant 1 · [\d,]+ points$/);
    // Reset: it asks first, with focus on "Cancel"; then removes every answer.
    const reset = $(el, 'plenum-console-reset-button');
    $<HTMLButtonElement>(reset, 'button.reset').focus();
    await press(['Enter']);
    await waitUntil(() => $(reset, '.confirm'), 'asks');
    expect(text($(reset, '#reset-question'))).to.equal(
      'Remove all 1 answer of “Warm-up”? Use this after a rehearsal: the report will say when and how many were removed.',
    );
    expect(reset.shadowRoot!.activeElement).to.equal($(reset, '.cancel'));
    await press(['Shift+Tab', 'Enter']);
    await waitUntil(() => text($(reset, '[role="status"]')), 'done');
    expect(text($(reset, '[role="status"]'))).to.equal('The answers of “Warm-up” were removed.');
    expect(reset.shadowRoot!.activeElement).to.equal($(reset, 'button.reset'));
    const after = room.$state.get()!.quizzes![0]!;
    expect(after.questions.every((q) => q.responses === 0)).to.equal(true);
    expect(after.current).to.equal(null);
  });
});

describe('console: surveys', () => {
  it('is accessible, and runs a survey: open, answers in, results shared, one question on screen, reset', async () => {
    const room = hostRoom();
    const el = await surveys(room);
    await expect(el).to.be.accessible();
    const host = new ActivityHost(room.host!);
    const id = await host.createSurvey({
      title: 'Feedback',
      questions: [
        { text: 'How was it?', kind: 'rating' },
        { text: 'Best part?', kind: 'single', options: ['Talks', 'Coffee'] },
      ],
    });
    await waitUntil(() => $(el, 'li.survey'), 'listed');
    const open = $$<HTMLButtonElement>(el, 'li.survey button').find((b) => text(b) === 'Open')!;
    open.focus();
    await press(['Enter']);
    await waitUntil(() => room.$state.get()!.surveys![0]!.status === 'open', 'open');
    await room.send({ type: 'survey-answer', survey: id, answers: [5, 1] });
    await waitUntil(() => text($(el, 'li.survey')).includes('1 response'), 'the answer arrives');
    expect(text($(el, '.result'))).to.contain('100 %');
    await expect(el).to.be.accessible();
    const screen = $$(el, 'plenum-console-screen-button')[1]!;
    $<HTMLButtonElement>(screen, 'button').click();
    await waitUntil(() => room.$state.get()!.screen.show === 'survey', 'on screen');
    expect(room.$state.get()!.screen).to.deep.equal({ show: 'survey', survey: id, question: 1 });
    const reset = $(el, 'plenum-console-reset-button');
    $<HTMLButtonElement>(reset, 'button.reset').click();
    await waitUntil(() => $(reset, '.confirm'), 'asks');
    $<HTMLButtonElement>(reset, '.confirm').click();
    await waitUntil(() => room.$state.get()!.surveys![0]!.responses === 0, 'reset');
  });
});

describe('console: the big screen shows a quiz and a survey', () => {
  async function present(room: FakeRoom) {
    const el = await fixture<PlenumConsolePresent>(
      html`<plenum-console-present room="demo" .connection=${room}></plenum-console-present>`,
    );
    await el.updateComplete;
    return el;
  }

  it('the question with its countdown, the revealed answer, the top 10', async () => {
    const host = hostRoom();
    const activity = new ActivityHost(host.host!);
    const id = await activity.createQuiz({ title: 'Warm-up', questions: [capital] });
    await activity.updateQuiz(id, { status: 'open' });
    await activity.startQuestion(id, 0);
    await host.host!.showOnScreen({ show: 'quiz', quiz: id });
    const el = await present(host);
    await waitUntil(() => $(el, '[data-present="quiz-question"]'), 'the question');
    expect(text($(el, 'h1 .visually-hidden'))).to.equal('What is the capital of Germany?');
    const countdown = $(el, 'plenum-console-countdown');
    await waitUntil(() => text($(countdown, '[role="timer"]')).endsWith('seconds left'), 'counts down');
    expect(Number(text($(countdown, '.seconds')))).to.be.within(18, 20);
    await expect(el).to.be.accessible();
    await host.send({ type: 'quiz-answer', quiz: id, question: 0, choice: 1 });
    await activity.revealAnswer(id);
    await waitUntil(() => $(el, '.bars li.right'), 'revealed');
    expect(text($(el, '.bars li.right .label .visually-hidden'))).to.equal('Berlin (right)');
    await activity.showLeaderboard(id);
    await waitUntil(() => $(el, '[data-present="leaderboard"]'), 'the leaderboard');
    expect(text($(el, '.board li .text'))).to.match(/^1\. Participant 1/);
    await expect(el).to.be.accessible();
  });

  it('one survey question at a time, its results once shared', async () => {
    const host = hostRoom();
    const activity = new ActivityHost(host.host!);
    const id = await activity.createSurvey({
      title: 'Feedback',
      questions: [{ text: 'Best part?', kind: 'single', options: ['Talks', 'Coffee'] }],
    });
    await activity.updateSurvey(id, { status: 'open' });
    await host.send({ type: 'survey-answer', survey: id, answers: [0] });
    await host.host!.showOnScreen({ show: 'survey', survey: id, question: 0 });
    const el = await present(host);
    await waitUntil(() => $(el, '[data-present="survey"]'), 'the survey question');
    expect(text($(el, 'h1 .visually-hidden'))).to.equal('Best part?');
    expect(text($(el, '.bars'))).to.contain('Talks');
    await expect(el).to.be.accessible();
  });

  it('a ranking poll from the top down, with Borda points and average ranks', async () => {
    const host = hostRoom();
    const id = await host.host!.createPoll({
      title: 'First to digitise?',
      kind: 'ranking',
      options: ['Parking', 'Building', 'Registration'],
    });
    await host.host!.updatePoll(id, { status: 'open', resultsVisible: true });
    await host.vote(id, [1, 2, 0]);
    await host.host!.showOnScreen({ show: 'poll', poll: id });
    const el = await present(host);
    await waitUntil(() => $(el, '.bars li'), 'the ranking');
    expect($$(el, '.bars li .label .visually-hidden').map(text)).to.deep.equal([
      '1. Building',
      '2. Registration',
      '3. Parking',
    ]);
    expect(text($(el, '.bars li .number'))).to.equal('average rank 1.0 · 2 points');
    await expect(el).to.be.accessible();
  });
});

describe('console: the poll form', () => {
  it('offers ranking polls, with at most 10 options', async () => {
    const el = await fixture(html`<plenum-console-poll-form></plenum-console-poll-form>`);
    const kind = $<HTMLSelectElement>(el, '#poll-kind');
    expect([...kind.options].map((o) => o.value)).to.include('ranking');
    kind.value = 'ranking';
    kind.dispatchEvent(new Event('change'));
    await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(text($(el, '#ranking-hint'))).to.contain('at most 10 options');
    const add = () => $$<HTMLButtonElement>(el, 'fieldset button').find((b) => text(b) === 'Add option')!;
    while (!add().disabled) {
      add().click();
      await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    }
    expect($$(el, 'input[name="option"]')).to.have.length(10);
    await expect(el).to.be.accessible();
  });
});
