import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import type { MineView, QuizQuestionView, QuizView } from '@plenum/protocol';
import '../define.js';
import { setStrings, strings } from '../i18n.js';
import { StubRoom } from '../stub-room.js';
import type { PlenumQuiz } from './quiz.js';

/** The server's clock in these tests: an hour ahead of this machine's, which must not matter. */
const serverStart = Date.now() + 3_600_000;

const question = (fields: Partial<QuizQuestionView> = {}): QuizQuestionView => ({
  index: 0,
  text: 'Which year did the Online Access Act pass?',
  kind: 'single',
  options: ['2013', '2017', '2021'],
  timeLimit: 20,
  startedAt: serverStart,
  endsAt: serverStart + 20_000,
  responses: 0,
  ...fields,
});

const quiz = (fields: Partial<QuizView> = {}): QuizView => ({
  id: 'z1',
  title: 'Opening quiz',
  status: 'open',
  speedPoints: true,
  questionCount: 3,
  questions: [],
  current: null,
  phase: null,
  players: 0,
  createdAt: 1,
  ...fields,
});

const running = quiz({ questions: [question()], current: 0, phase: 'question' });
const revealed = quiz({
  current: 0,
  phase: 'revealed',
  questions: [
    question({
      correct: [1],
      responses: 4,
      results: { counts: [1, 3, 0], percentages: [25, 75, 0], responses: 4, correctResponses: 3 },
    }),
  ],
});
const board = quiz({
  current: 0,
  phase: 'leaderboard',
  players: 4,
  questions: revealed.questions,
  leaderboard: [
    { rank: 1, player: 3, nickname: 'Ada', score: 912 },
    { rank: 1, player: 9, score: 912 },
    { rank: 3, player: 17, nickname: 'Grace', score: 640 },
    { rank: 4, player: 2, score: 0 },
  ],
});
const played: Partial<MineView> = {
  player: { number: 17, nickname: 'Grace' },
  quizzes: {
    z1: {
      answers: { 0: { choice: 1, ms: 7200, points: 640, correct: true } },
      score: 640,
      rank: 3,
      players: 4,
    },
  },
};

async function quizElement(room: StubRoom, attributes: { lang?: string; theme?: string } = {}) {
  const el = await fixture<PlenumQuiz>(
    html`<plenum-quiz
      .connection=${room}
      lang=${attributes.lang ?? 'en'}
      theme=${attributes.theme ?? 'light'}
    ></plenum-quiz>`,
  );
  el.announcer.interval = 0;
  // What it shows loads on demand: wait for the file.
  await waitUntil(() => !el.shadowRoot!.querySelector('[aria-busy="true"]'), 'the quiz view loads');
  return el;
}

const $ = <T extends Element = HTMLElement>(el: PlenumQuiz, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector)!;
const $$ = <T extends Element = HTMLElement>(el: PlenumQuiz, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<T>(selector),
];
const text = (node: Element | null) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const live = (el: PlenumQuiz) => text($(el, '[aria-live="polite"]'));

describe('<plenum-quiz>', () => {
  const cases: [string, StubRoom][] = [
    ['the lobby with the nickname form', new StubRoom({ quizzes: [quiz()] })],
    ['a question against the clock', stubAt(running, serverStart + 3000)],
    ['the revealed answer', new StubRoom({ quizzes: [revealed] }, played)],
    ['the leaderboard', new StubRoom({ quizzes: [board] }, played)],
    ['no quiz', new StubRoom()],
  ];
  for (const [name, room] of cases) {
    it(`is accessible: ${name}, in light and dark themes`, async () => {
      await expect(await quizElement(room)).to.be.accessible();
      await expect(await quizElement(room, { theme: 'dark' })).to.be.accessible();
    });
  }

  it('nickname: an optional, length-limited field, saved by keyboard; a taken one is an alert', async () => {
    const room = new StubRoom({ quizzes: [quiz()] });
    const el = await quizElement(room);
    const field = $<HTMLInputElement>(el, '#nickname');
    expect(text($(el, 'label[for="nickname"]'))).to.equal('Your nickname for the leaderboard (optional)');
    expect(field.maxLength).to.equal(24);
    expect(field.getAttribute('aria-describedby')).to.equal('nickname-hint');
    room.fail('taken');
    field.focus();
    await sendKeys({ type: 'Ada' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(el, '#nickname-error'), 'the refusal shows');
    expect(text($(el, '#nickname-error'))).to.contain('Someone in this room has that nickname already');
    expect($(el, '#nickname').getAttribute('aria-invalid')).to.equal('true');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#nickname'));
    // The server says yes this time, and the participant plays as Ada.
    room.answer = () => room.update({}, { player: { number: 5, nickname: 'Ada Lovelace' } });
    await sendKeys({ type: ' Lovelace' });
    const fired = oneEvent(el, 'plenum-nickname');
    await sendKeys({ press: 'Enter' });
    expect((await fired).detail).to.deep.equal({ room: 'dsn', nickname: 'Ada Lovelace' });
    await waitUntil(() => $(el, 'button.change'), 'saved');
    expect(room.sent.at(-1)).to.deep.equal({ type: 'nickname', nickname: 'Ada Lovelace' });
    expect(text($(el, '.nickname [role="status"]'))).to.equal('Saved: you appear as “Ada Lovelace”.');
    expect(el.shadowRoot!.activeElement).to.equal($(el, 'button.change'));
  });

  it('speaks German', async () => {
    const el = await quizElement(new StubRoom({ quizzes: [quiz()] }), { lang: 'de' });
    expect(text($(el, 'label[for="nickname"]'))).to.equal('Ihr Spitzname für die Bestenliste (optional)');
    expect(text($(el, 'button[type="submit"]'))).to.equal('Spitznamen speichern');
    expect(text($(el, '.note:not(#nickname-hint)'))).to.contain('Das Quiz beginnt gleich');
  });

  it('takes the page’s words for some strings and keeps the built-in rest', async () => {
    const before = strings('en');
    setStrings('en', { quiz: { answer: 'Lock in' } });
    try {
      const el = await quizElement(stubAt(running, serverStart));
      expect(text($(el, 'button[type="submit"]'))).to.equal('Lock in');
      expect(text($(el, '.head .note'))).to.equal('Question 1 of 3');
    } finally {
      setStrings('en', { ...before, quiz: undefined });
    }
  });

  it('answers by keyboard: arrows choose, Enter sends; the answer is in', async () => {
    const room = stubAt(running, serverStart + 2000);
    const el = await quizElement(room);
    expect(text($(el, 'legend'))).to.equal('Which year did the Online Access Act pass?');
    expect(text($(el, '.head .note'))).to.equal('Question 1 of 3');
    room.answer = () =>
      room.update(
        {},
        { quizzes: { z1: { answers: { 0: { choice: 1, ms: 2100 } }, score: 0, rank: 1, players: 1 } } },
      );
    const radios = $$<HTMLInputElement>(el, 'input[type="radio"]');
    radios[0]!.focus();
    await sendKeys({ press: 'ArrowDown' });
    expect(radios[1]!.checked).to.equal(true);
    const fired = oneEvent(el, 'plenum-answer');
    await sendKeys({ press: 'Enter' });
    expect((await fired).detail).to.deep.equal({ room: 'dsn', quiz: 'z1', question: 0, choice: 1 });
    await waitUntil(() => $(el, '#answered'), 'the answer is in');
    expect(room.sent).to.deep.equal([{ type: 'quiz-answer', quiz: 'z1', question: 0, choice: 1 }]);
    expect(text($(el, '#answered'))).to.equal('Your answer is in. The right answer comes next.');
    expect(text($(el, '.bars'))).to.equal('2017 (your answer)');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#answered'));
  });

  it('multiple choice: Space ticks boxes; nothing chosen is an alert, not a send', async () => {
    const multiple = quiz({
      current: 0,
      phase: 'question',
      questions: [
        question({
          kind: 'multiple',
          text: 'Which are EU member states?',
          options: ['Norway', 'Austria', 'Malta'],
        }),
      ],
    });
    const room = stubAt(multiple, serverStart);
    const el = await quizElement(room);
    expect(text($(el, '#choose-all'))).to.equal('Choose every right answer.');
    const boxes = $$<HTMLInputElement>(el, 'input[type="checkbox"]');
    boxes[0]!.focus();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(el, '[role="alert"]'), 'asks for a choice');
    expect(room.sent).to.deep.equal([]);
    boxes[1]!.focus();
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    const fired = oneEvent(el, 'plenum-answer');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    expect((await fired).detail.choice).to.deep.equal([1, 2]);
  });

  it('counts down by the server’s clock, as a number, announced at 10 s, 5 s and time up only', async () => {
    const room = stubAt(running, serverStart + 8_400);
    const el = await quizElement(room);
    const seconds = () => text($(el, '[part="timer"]'));
    // 11.6 s left by the server's clock (this machine's is an hour behind): 12 shown.
    expect(seconds()).to.equal('12 seconds left');
    expect($(el, '[part="timer"]').getAttribute('role')).to.equal('timer');
    expect(live(el)).to.equal('Question 1 of 3, 12 seconds: Which year did the Online Access Act pass?');
    const heard: string[] = [];
    const region = $(el, '[aria-live="polite"]');
    const observer = new MutationObserver(() => heard.push(text(region)));
    observer.observe(region, { childList: true, characterData: true, subtree: true });
    for (const [at, shown] of [
      [10_500, '10 seconds left'],
      [12_200, '8 seconds left'],
      [15_100, '5 seconds left'],
      [18_500, '2 seconds left'],
    ] as const) {
      room.now = serverStart + at;
      await waitUntil(() => seconds() === shown, `${shown} shows`);
    }
    room.now = serverStart + 20_001;
    await waitUntil(() => seconds() === 'Time is up.', 'time is up');
    observer.disconnect();
    expect(heard.filter(Boolean)).to.deep.equal(['10 seconds left.', '5 seconds left.', 'Time is up.']);
    // Time is up: the form is gone, no answer can be sent.
    expect($(el, 'form[part="form"] fieldset')).to.equal(null);
  });

  it('keeps counting down when the element is moved in the page', async () => {
    const room = stubAt(running, serverStart + 1000);
    const el = await quizElement(room);
    const elsewhere = document.createElement('div');
    document.body.append(elsewhere);
    elsewhere.append(el);
    room.now = serverStart + 14_500;
    await waitUntil(() => text($(el, '[part="timer"]')) === '6 seconds left', 'the clock runs on');
    elsewhere.remove();
  });

  it('after the reveal: the distribution with the right option marked, and one’s own result', async () => {
    const el = await quizElement(new StubRoom({ quizzes: [revealed] }, played));
    const rows = $$(el, '.bars li').map((li) => text(li.querySelector('.visually-hidden')));
    expect(rows).to.deep.equal([
      '2013: 25 %, 1 answer',
      '2017 (correct, your answer): 75 %, 3 answers',
      '2021: 0 %, 0 answers',
    ]);
    expect(text($(el, '.outcome'))).to.equal('The right answer: 2017. Right! +640 points.');
    expect($$(el, '.bars li .mark')).to.have.length(1);
    expect(text($(el, '[part="score"]'))).to.equal('You: 640 points, rank 3 of 4');
  });

  it('the leaderboard: own score and rank, the top places with shared ranks and nicknames only', async () => {
    const el = await quizElement(new StubRoom({ quizzes: [board] }, played));
    expect(text($(el, '[part="score"]'))).to.equal('You: 640 points, rank 3 of 4');
    const rows = $$(el, '.board li').map(text);
    expect(rows).to.deep.equal([
      'Rank 1: 1. Ada 912 points',
      'Rank 1: 1. Participant 9 912 points',
      'Rank 3: 3. Grace (you) 640 points',
      'Rank 4: 4. Participant 2 0 points',
    ]);
    expect($(el, '.board').getAttribute('aria-labelledby')).to.equal('board-title');
  });

  it('in forced colors, draws the answers’ bars and the clock in Highlight', async () => {
    await emulateMedia({ forcedColors: 'active' });
    try {
      const probe = document.createElement('span');
      probe.style.cssText = 'forced-color-adjust: none; background-color: Highlight';
      document.body.append(probe);
      const highlight = getComputedStyle(probe).backgroundColor;
      probe.remove();
      const shown = await quizElement(new StubRoom({ quizzes: [revealed] }, played));
      expect(getComputedStyle($(shown, '[part="bar"]')).backgroundColor).to.equal(highlight);
      const clock = await quizElement(stubAt(running, serverStart + 5000));
      expect(getComputedStyle($(clock, '.clock span')).backgroundColor).to.equal(highlight);
    } finally {
      await emulateMedia({ forcedColors: 'none' });
    }
  });

  it('a new question takes focus when the quiz had it, and starts afresh', async () => {
    const room = stubAt(running, serverStart + 1000);
    const el = await quizElement(room);
    $<HTMLInputElement>(el, 'input[type="radio"]').focus();
    await sendKeys({ press: 'ArrowDown' });
    const next = question({
      index: 1,
      text: 'Second?',
      startedAt: serverStart + 30_000,
      endsAt: serverStart + 50_000,
    });
    room.now = serverStart + 31_000;
    room.update({
      quizzes: [quiz({ current: 1, phase: 'question', questions: [running.questions[0]!, next] })],
    });
    await waitUntil(() => text($(el, 'legend')) === 'Second?', 'the next question shows');
    await el.updateComplete;
    const radios = $$<HTMLInputElement>(el, 'input[type="radio"]');
    expect(radios.map((r) => r.checked)).to.deep.equal([false, false, false]);
    expect(el.shadowRoot!.activeElement).to.equal(radios[0]);
  });
});

function stubAt(view: QuizView, now: number): StubRoom {
  const room = new StubRoom({ quizzes: [view] });
  room.now = now;
  return room;
}
