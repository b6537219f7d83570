import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { MineView, RoomView } from '@plenum/protocol';
import '../define.js';
import { emptyRoom, FakeRoom, fakeQuestion } from '../fake-room.js';
import { $, $$, settle } from '../testing.js';
import type { PlenumQuestions } from './questions.js';

const t0 = Date.UTC(2021, 9, 1, 9);

function busyRoom(overrides: Partial<RoomView> = {}): RoomView {
  return emptyRoom({
    room: 'dsn',
    questions: [
      fakeQuestion({ id: 'a', text: 'Popular but old', upvotes: 5, createdAt: t0 }),
      fakeQuestion({ id: 'b', text: 'Newest', name: 'Lena', upvotes: 1, createdAt: t0 + 3000 }),
      fakeQuestion({ id: 'c', text: 'On stage', upvotes: 0, highlighted: true, createdAt: t0 + 1000 }),
      fakeQuestion({ id: 'd', text: 'Pinned one', upvotes: 0, pinned: true, createdAt: t0 + 2000 }),
      fakeQuestion({ id: 'e', text: 'Mine, waiting', status: 'review', createdAt: t0 + 4000 }),
      fakeQuestion({
        id: 'f',
        text: 'Answered one',
        status: 'answered',
        reply: 'Yes, slides follow.',
        answeredAt: t0 + 9000,
        createdAt: t0,
      }),
    ],
    ...overrides,
  });
}

const mine: MineView = { questions: ['e', 'b'], upvoted: ['a'], votes: {} };

async function questions(
  room = new FakeRoom({ state: busyRoom(), mine }),
  attributes: { lang?: string; theme?: string; sort?: string; askName?: boolean } = {},
): Promise<PlenumQuestions> {
  return fixture<PlenumQuestions>(
    html`<plenum-questions
      .connection=${room}
      lang=${attributes.lang ?? 'en'}
      theme=${attributes.theme ?? 'light'}
      sort=${attributes.sort ?? 'popular'}
      ?ask-name=${attributes.askName ?? false}
    ></plenum-questions>`,
  );
}

const items = (el: PlenumQuestions) =>
  $$(el, 'li').map((li) => li.querySelector('.text')!.textContent!.trim());

describe('<plenum-questions>', () => {
  it('is accessible in light and dark themes, loading, empty and full', async () => {
    await expect(await questions(undefined, { theme: 'light' })).to.be.accessible();
    await expect(await questions(undefined, { theme: 'dark' })).to.be.accessible();
    await expect(await questions(new FakeRoom(), { theme: 'dark' })).to.be.accessible();
    await expect(await questions(new FakeRoom({ state: emptyRoom() }))).to.be.accessible();
    const answered = await questions(undefined, { theme: 'dark' });
    $(answered, '#tab-answered').click();
    await settle(answered);
    await expect(answered).to.be.accessible();
  });

  it('lists live questions: highlighted first, pinned next, then popular or recent', async () => {
    const el = await questions();
    expect($(el, 'ul').getAttribute('part')).to.equal('list');
    expect(items(el)).to.deep.equal(['On stage', 'Pinned one', 'Popular but old', 'Newest', 'Mine, waiting']);
    const recent = $$(el, '.sort button')[1]!;
    expect(recent.textContent!.trim()).to.equal('Recent');
    recent.click();
    await settle(el);
    expect(el.getAttribute('sort')).to.equal('recent');
    expect(recent.getAttribute('aria-pressed')).to.equal('true');
    expect(items(el)).to.deep.equal(['On stage', 'Pinned one', 'Mine, waiting', 'Newest', 'Popular but old']);
  });

  it('says each status in words and marks own questions', async () => {
    const el = await questions();
    const text = (i: number) => $$(el, 'li')[i]!.textContent!.replace(/\s+/g, ' ');
    expect(text(0)).to.contain('On stage now');
    expect(text(1)).to.contain('Pinned');
    expect(text(3)).to.contain('Your question').and.contain('Lena');
    expect(text(4)).to.contain('Awaiting moderation').and.contain('Your question');
    expect(text(2)).to.contain('Anonymous');
    expect($$(el, 'li')[3]!.querySelector('[aria-label="Edit your question"]')).not.to.equal(null);
    expect($$(el, 'li')[2]!.querySelector('[aria-label="Edit your question"]')).to.equal(null);
  });

  it('shows answered questions with the host reply in their own tab (arrow keys switch tabs)', async () => {
    const el = await questions();
    expect($(el, '#tab-live').textContent!.trim()).to.equal('Live (5)');
    $(el, '#tab-live').focus();
    await sendKeys({ press: 'ArrowRight' });
    await settle(el);
    expect($(el, '#tab-answered').getAttribute('aria-selected')).to.equal('true');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#tab-answered'));
    const item = $(el, 'li');
    expect(item.textContent)
      .to.contain('Answered one')
      .and.contain('Answered')
      .and.contain('Yes, slides follow.');
    expect(item.querySelector('.upvote')).to.equal(null);
  });

  it('shows loading and empty states', async () => {
    const room = new FakeRoom();
    const el = await questions(room);
    expect($(el, '[role="tabpanel"]').textContent).to.contain('Loading questions…');
    expect($(el, '[role="tabpanel"]').getAttribute('aria-busy')).to.equal('true');
    expect($(el, 'form')).to.equal(null);
    room.set(emptyRoom());
    await settle(el);
    expect($(el, '[role="tabpanel"]').textContent).to.contain('No questions yet');
    expect($(el, 'form')).not.to.equal(null);
  });

  it('asks with the keyboard only: type, Tab to the button, Enter', async () => {
    const room = new FakeRoom({ state: emptyRoom({ room: 'dsn' }) });
    const el = await questions(room);
    $(el, 'textarea').focus();
    await sendKeys({ type: 'Will the slides be online?' });
    await settle(el);
    expect($(el, '#ask-count').textContent).to.equal(`${500 - 26} characters left`);
    expect($(el, 'textarea').getAttribute('aria-describedby')).to.equal('ask-count');
    expect($(el, 'textarea').getAttribute('maxlength')).to.equal('500');
    const fired = oneEvent(el, 'plenum-ask');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    const event = await fired;
    expect(event.detail).to.deep.equal({ room: 'dsn', text: 'Will the slides be online?' });
    expect(event.bubbles && event.composed).to.equal(true);
    await settle(el);
    expect($(el, '.success').textContent).to.contain('Your question is now live');
    expect($<HTMLTextAreaElement>(el, 'textarea').value).to.equal('');
    expect(items(el)).to.deep.equal(['Will the slides be online?']);
    expect($(el, 'li').textContent).to.contain('Your question');
  });

  it('offers a name field with ask-name and sends the name', async () => {
    const room = new FakeRoom({ state: emptyRoom({ room: 'dsn', moderation: 'pre' }) });
    const el = await questions(room, { askName: true });
    const name = $<HTMLInputElement>(el, '#name');
    expect(name.getAttribute('maxlength')).to.equal('60');
    expect($(el, 'label[for="name"]').textContent).to.equal('Your name (optional)');
    $(el, 'textarea').focus();
    await sendKeys({ type: 'Hello?' });
    name.focus();
    await sendKeys({ type: 'Ada' });
    const fired = oneEvent(el, 'plenum-ask');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    expect((await fired).detail).to.deep.equal({ room: 'dsn', text: 'Hello?', name: 'Ada' });
    await settle(el);
    expect(room.calls[0]).to.deep.equal({ action: 'ask', args: ['Hello?', { name: 'Ada' }] });
    expect($(el, '.success').textContent).to.contain('once a moderator approves it');
    expect($(el, 'li').textContent).to.contain('Awaiting moderation').and.contain('Ada');
  });

  it('turns error codes into human messages', async () => {
    const room = new FakeRoom({ state: emptyRoom() });
    const el = await questions(room);
    $<HTMLFormElement>(el, 'form').requestSubmit();
    await settle(el);
    expect($(el, '[role="alert"]').textContent).to.equal('Please write something first.');
    expect($(el, 'textarea').getAttribute('aria-invalid')).to.equal('true');
    expect(room.calls).to.have.length(0);

    room.fail('rate_limited');
    $(el, 'textarea').focus();
    await sendKeys({ type: 'Again' });
    $<HTMLFormElement>(el, 'form').requestSubmit();
    await settle(el);
    expect($(el, '[role="alert"]').textContent).to.equal('Slow down a little.');
    expect($<HTMLTextAreaElement>(el, 'textarea').value).to.equal('Again');

    room.fail('internal');
    $<HTMLFormElement>(el, 'form').requestSubmit();
    await settle(el);
    expect($(el, '[role="alert"]').textContent).to.equal('Something went wrong. Please try again.');
  });

  it('upvotes with the keyboard: aria-pressed, count and event', async () => {
    const room = new FakeRoom({ state: busyRoom(), mine: { ...mine, questions: ['e'] } });
    const el = await questions(room);
    const button = () => $$(el, 'li')[3]!.querySelector<HTMLButtonElement>('.upvote')!;
    expect(button().getAttribute('aria-pressed')).to.equal('false');
    expect(button().getAttribute('aria-label')).to.equal('Upvote, 1 vote');
    expect($$(el, 'li')[2]!.querySelector('.upvote')!.getAttribute('aria-pressed')).to.equal('true');
    button().focus();
    const fired = oneEvent(el, 'plenum-upvote');
    await sendKeys({ press: 'Space' });
    expect((await fired).detail).to.deep.equal({ room: 'dsn', question: 'b' });
    await settle(el);
    const after = $$(el, 'li')
      .find((li) => li.textContent!.includes('Newest'))!
      .querySelector('.upvote')!;
    expect(after.getAttribute('aria-pressed')).to.equal('true');
    expect(after.getAttribute('aria-label')).to.equal('Upvote, 2 votes');
  });

  it('offers no upvote on their own question, nor on one the host merged theirs into', async () => {
    const room = new FakeRoom({ state: busyRoom(), mine: { ...mine, questions: ['b'], merged: ['a'] } });
    const el = await questions(room);
    const item = (text: string) => $$(el, 'li').find((li) => li.textContent!.includes(text))!;
    for (const text of ['Newest', 'Popular but old']) {
      expect(item(text).querySelector('.upvote'), text).to.equal(null);
      expect(item(text).textContent).to.contain('Your question');
    }
    expect(item('Newest').querySelector('.votes')!.textContent).to.equal('1 vote');
    // Only its author edits a question; the merged one is theirs to see.
    expect(item('Newest').querySelector('#edit-b')).not.to.equal(null);
    expect(item('Popular but old').querySelector('[id^="edit-"]')).to.equal(null);
    expect(item('On stage').querySelector('.upvote')).not.to.equal(null);
    // And the fake refuses it as the server does.
    let refused: unknown;
    await room.upvote('b').catch((error: unknown) => (refused = error));
    expect((refused as { code?: string }).code).to.equal('own_question');
    await expect(el).to.be.accessible();
  });

  it('asks through the real model: it refuses what the server refuses, and shows only what the server sends', async () => {
    const room = new FakeRoom({ state: busyRoom() });
    // Someone else's question in review is the host's and its author's: not in this view.
    expect(room.$state.get()!.questions.map((q) => q.id)).not.to.include('e');
    const refused = (promise: Promise<unknown>) =>
      promise.then(
        () => 'accepted',
        (error: { code: string }) => error.code,
      );
    expect(await refused(room.ask(' \n '))).to.equal('empty');
    expect(await refused(room.ask('x'.repeat(501)))).to.equal('too_long');
    expect(await refused(room.editQuestion('a', 'Not mine'))).to.equal('forbidden');
    expect(await refused(room.upvote('f'))).to.equal('closed');
  });

  it('renders question text as text, never as HTML', async () => {
    const evil = '<img src=x onerror="window.__pwned=1">';
    const room = new FakeRoom({
      state: emptyRoom({ questions: [fakeQuestion({ id: 'x', text: evil, name: evil })] }),
    });
    const el = await questions(room);
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect($(el, '.text').textContent).to.equal(evil);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('re-renders on live updates and announces new questions politely', async () => {
    const room = new FakeRoom({ state: busyRoom(), mine });
    const el = await questions(room);
    el.announcer.interval = 0;
    room.addQuestion({ text: 'Fresh from the floor', upvotes: 9 });
    await settle(el);
    expect(items(el)).to.include('Fresh from the floor');
    expect($(el, '[aria-live="polite"]').textContent).to.equal('1 new question');
    room.updateQuestion('a', { status: 'answered', answeredAt: t0 + 10_000 });
    await settle(el);
    expect(items(el)).not.to.include('Popular but old');
    expect($(el, '#tab-answered').textContent!.trim()).to.equal('Answered (2)');
  });

  it('edits and deletes own questions inline', async () => {
    const room = new FakeRoom({ state: busyRoom(), mine });
    const el = await questions(room);
    const newest = () => $$(el, 'li').find((li) => li.textContent!.includes('Lena'))!;
    newest().querySelector<HTMLButtonElement>('[aria-label="Edit your question"]')!.click();
    await settle(el);
    const field = $<HTMLTextAreaElement>(el, '#edit');
    expect(el.shadowRoot!.activeElement).to.equal(field);
    field.select();
    await sendKeys({ type: 'Newest, edited' });
    await sendKeys({ press: 'Enter' }); // a newline in the field, not a submit
    $<HTMLFormElement>(el, 'form.edit').requestSubmit();
    await settle(el);
    expect(newest().querySelector('.text')!.textContent).to.equal('Newest, edited');
    expect(newest().textContent).to.contain('edited');

    [...newest().querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Delete')!.click();
    await settle(el);
    expect(newest().textContent).to.contain('Delete this question?');
    expect(el.shadowRoot!.activeElement!.id).to.equal('confirm');
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(items(el)).not.to.include('Newest, edited');
  });

  it('speaks German from the lang attribute, the page, and follows changes', async () => {
    const el = await questions(undefined, { lang: 'de' });
    expect($(el, 'label[for="ask"]').textContent).to.equal('Ihre Frage');
    expect($(el, 'button[type="submit"]').textContent!.trim()).to.equal('Frage senden');
    expect($(el, 'li').textContent).to.contain('Jetzt auf der Bühne');
    el.lang = 'en';
    await settle(el);
    expect($(el, 'label[for="ask"]').textContent).to.equal('Your question');

    const room = new FakeRoom({ state: emptyRoom() });
    const wrapper = await fixture(
      html`<div lang="de"><plenum-questions .connection=${room}></plenum-questions></div>`,
    );
    const inner = wrapper.querySelector('plenum-questions')!;
    await inner.updateComplete;
    expect($(inner, '[role="tabpanel"]').textContent).to.contain('Noch keine Fragen');
  });

  it('shows a quiet banner when the connection drops and fires plenum-status', async () => {
    const room = new FakeRoom({ state: busyRoom() });
    const el = await questions(room);
    expect($(el, '.banner').textContent!.trim()).to.equal('');
    const fired = oneEvent(el, 'plenum-status');
    room.setStatus('offline');
    await settle(el);
    expect((await fired).detail).to.deep.equal({ room: 'dsn', status: 'offline' });
    expect($(el, '.banner').getAttribute('role')).to.equal('status');
    expect($(el, '.banner').textContent).to.contain('You are offline');
    room.setStatus('reconnecting');
    await settle(el);
    expect($(el, '.banner').textContent).to.contain('Reconnecting');
  });

  it('wraps long unbroken text at 280 px without overflowing', async () => {
    await setViewport({ width: 280, height: 640 });
    try {
      const room = new FakeRoom({
        state: emptyRoom({
          questions: [
            fakeQuestion({ id: 'l', text: 'x'.repeat(500) }),
            fakeQuestion({ id: 'm', text: 'A long question. '.repeat(29), name: 'N'.repeat(60) }),
          ],
        }),
      });
      const el = await questions(room);
      const base = $(el, '[part="base"]');
      expect(base.scrollWidth).to.be.at.most(base.clientWidth);
      for (const li of $$(el, 'li')) {
        expect(li.scrollWidth).to.be.at.most(li.clientWidth);
        const button = li.querySelector('.upvote')!.getBoundingClientRect();
        for (const line of li.querySelectorAll('.body > p')) {
          expect(line.getBoundingClientRect().right).to.be.at.most(button.left);
        }
      }
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('shows the counts of the whole room and pages older questions in on demand', async () => {
    const room = new FakeRoom({
      state: emptyRoom({
        questions: [fakeQuestion({ id: 'q1', text: 'Loaded one', createdAt: t0 })],
        questionCounts: { live: 5, answered: 0 },
      }),
    });
    room.older.push(
      ...[2, 3, 4, 5].map((n) => fakeQuestion({ id: `q${n}`, text: `Older ${n}`, createdAt: t0 - n })),
    );
    const el = await questions(room, { lang: 'de' });
    expect($(el, '#tab-live').textContent).to.contain('Offen (5)');
    expect($(el, '#more').textContent!.trim()).to.equal('Weitere Fragen zeigen');
    expect($(el, '#more-count').textContent).to.equal('4 weitere Fragen noch nicht angezeigt');
    await expect(el).to.be.accessible();

    $(el, '#more').click();
    await el.updateComplete;
    expect(room.calls.at(-1)).to.deep.equal({ action: 'loadMore', args: ['live', 'popular'] });
    const items = () => el.shadowRoot!.querySelectorAll('li').length;
    await waitUntil(() => items() === 3 && $(el, '#more').getAttribute('aria-disabled') === 'false');
    $(el, '#more').click();
    await waitUntil(() => items() === 5);
    // Everything is here now: no button any more.
    expect(el.shadowRoot!.querySelector('#more')).to.equal(null);
  });

  it('says in words when a page cannot be loaded', async () => {
    const room = new FakeRoom({
      state: emptyRoom({ questions: [], questionCounts: { live: 3, answered: 0 } }),
    });
    const el = await questions(room);
    room.fail('not_joined');
    $(el, '#more').click();
    await waitUntil(() => $(el, '.more').textContent!.includes('Something went wrong'));
  });
});
