import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { PollView } from '@plenum/protocol';
import '../define.js';
import { emptyRoom, FakeRoom, roomWithPoll } from '../fake-room.js';
import { $, $$, samplePolls, settle } from '../testing.js';
import type { PlenumPoll } from './poll.js';

const { single, multiple, open, rating } = samplePolls;

async function pollElement(
  room: FakeRoom,
  attributes: { lang?: string; theme?: string } = {},
): Promise<PlenumPoll> {
  const el = await fixture<PlenumPoll>(
    html`<plenum-poll
      .connection=${room}
      lang=${attributes.lang ?? 'en'}
      theme=${attributes.theme ?? 'light'}
    ></plenum-poll>`,
  );
  el.announcer.interval = 0;
  return el;
}

const submit = async () => {
  await sendKeys({ press: 'Tab' });
  await sendKeys({ press: 'Enter' });
};

describe('<plenum-poll>', () => {
  for (const poll of [
    single,
    multiple,
    open,
    rating,
    { ...single, title: 'Closed', status: 'closed' as const },
  ]) {
    it(`is accessible: ${poll.title}, in light and dark themes`, async () => {
      await expect(await pollElement(roomWithPoll(poll))).to.be.accessible();
      await expect(await pollElement(roomWithPoll(poll), { theme: 'dark' })).to.be.accessible();
    });
  }

  it('is accessible without a poll', async () => {
    await expect(await pollElement(roomWithPoll(null), { theme: 'dark' })).to.be.accessible();
  });

  it('single choice: a real radio group, arrows choose, the vote is sent', async () => {
    const room = roomWithPoll(single);
    const el = await pollElement(room);
    expect($(el, 'fieldset legend').textContent).to.equal('Which session next?');
    const radios = $$<HTMLInputElement>(el, 'input[type="radio"]');
    expect(radios).to.have.length(3);
    radios[0]!.focus();
    await sendKeys({ press: 'ArrowDown' });
    expect(radios[1]!.checked).to.equal(true);
    const fired = oneEvent(el, 'plenum-vote');
    await submit();
    expect((await fired).detail).to.deep.equal({ room: 'dsn', poll: 'p1', choice: 1 });
    await settle(el);
    expect($(el, '.success').textContent).to.contain('Your vote has been counted');
    expect($(el, 'button[type="submit"]').textContent!.trim()).to.equal('Change vote');
    expect(room.$mine.get().votes).to.deep.equal({ p1: 1 });
  });

  it('shows the server percentages and counts as bars', async () => {
    const el = await pollElement(roomWithPoll(single));
    const rows = $$(el, '.bars li');
    expect(rows.map((li) => li.querySelector('.visually-hidden')!.textContent)).to.deep.equal([
      'Keynote: 34 %, 1 vote',
      'Workshop: 33 %, 1 vote',
      'Panel: 33 %, 1 vote',
    ]);
    expect($$(el, '[part="bar"]').map((bar) => bar.style.width)).to.deep.equal(['34%', '33%', '33%']);
    expect($(el, '.results').textContent).to.contain('3 responses');
  });

  it('multiple choice: Space toggles boxes, the maximum disables the rest and says so', async () => {
    const room = roomWithPoll(multiple);
    const el = await pollElement(room);
    const boxes = () => $$<HTMLInputElement>(el, 'input[type="checkbox"]');
    expect($(el, '#hint').textContent!.trim()).to.equal('Choose up to 2.');
    boxes()[0]!.focus();
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    await settle(el);
    expect(boxes().map((b) => b.checked)).to.deep.equal([true, false, true, false]);
    expect(boxes().map((b) => b.disabled)).to.deep.equal([false, true, false, true]);
    expect($(el, '#hint').textContent!.trim()).to.equal('You have chosen the maximum of 2.');
    const fired = oneEvent(el, 'plenum-vote');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    expect((await fired).detail.choice).to.deep.equal([0, 2]);
  });

  it('says results are coming up, with the count so far, without a jump when they come', async () => {
    const room = roomWithPoll({ ...multiple, responses: 3 });
    const el = await pollElement(room);
    const results = $(el, '.results');
    expect(results.textContent).to.contain('Results coming up. 3 responses');
    const before = results.getBoundingClientRect().height;
    room.updatePoll('p2', {
      resultsVisible: true,
      responses: 0,
      results: { kind: 'multiple', counts: [3, 1, 0, 0], percentages: [75, 25, 0, 0], responses: 3 },
    });
    await settle(el);
    expect($(el, '.results').textContent).to.contain('Privacy: 75 %, 3 votes');
    expect($(el, '.results').getBoundingClientRect().height).to.equal(before);
  });

  it('keeps showing the options and the count of a closed poll whose results are hidden', async () => {
    const room = roomWithPoll({ ...multiple, status: 'closed', responses: 7 });
    const el = await pollElement(room);
    expect($(el, '.results').textContent).to.contain('Results coming up. 7 responses');
    const options = [...el.shadowRoot!.querySelectorAll('.results li')].map((li) => li.textContent!.trim());
    expect(options).to.deep.equal(['Privacy', 'Accessibility', 'Open data', 'Security']);
    expect($(el, '.results').textContent).not.to.contain('%');
  });

  it('open text: types an answer and shows grouped answers as a ranked list', async () => {
    const room = roomWithPoll(open);
    const el = await pollElement(room);
    const input = $<HTMLInputElement>(el, '#answer');
    expect(input.getAttribute('maxlength')).to.equal('100');
    expect($(el, 'label[for="answer"]').textContent).to.equal('Your answer');
    input.focus();
    await sendKeys({ type: 'inspiring' });
    const fired = oneEvent(el, 'plenum-vote');
    await sendKeys({ press: 'Enter' });
    expect((await fired).detail.choice).to.equal('inspiring');
    await settle(el);
    const ranked = $(el, 'ol');
    expect(ranked.getAttribute('part')).to.equal('list');
    expect(ranked.querySelector('li')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      'Inspiring (your choice) 5 mentions',
    );
  });

  it('open text speaks of answers, not votes, in both languages', async () => {
    for (const [lang, words] of [
      ['en', ['Submit answer', 'Your answer has arrived', 'Change answer', '5 mentions']],
      ['de', ['Antwort senden', 'Ihre Antwort ist angekommen', 'Antwort ändern', '5 Nennungen']],
    ] as const) {
      const el = await pollElement(roomWithPoll(open), { lang });
      const button = () => $(el, 'button[type="submit"]').textContent!.trim();
      expect(button()).to.equal(words[0]);
      $<HTMLInputElement>(el, '#answer').focus();
      await sendKeys({ type: 'Inspiring.' });
      await sendKeys({ press: 'Enter' });
      await settle(el);
      expect($(el, '.success').textContent).to.contain(words[1]);
      expect(button()).to.equal(words[2]);
      // "Inspiring." is grouped with "Inspiring" (trailing punctuation ignored), and marked as theirs.
      expect($(el, 'ol li').textContent).to.contain(words[3]);
      expect($(el, 'ol li').textContent).to.match(/your choice|Ihre Wahl/);
    }
  });

  it('display="cloud": a word cloud for the eye, hidden from assistive technology; the list stays for it', async () => {
    const answers = [
      { text: 'Kinderreisepass', count: 7 },
      { text: 'eID', count: 3 },
      { text: 'Wohngeld', count: 1 },
    ];
    const poll = {
      ...open,
      status: 'closed' as const,
      results: { kind: 'open' as const, answers, responses: 11 },
    };
    const el = await fixture<PlenumPoll>(
      html`<plenum-poll .connection=${roomWithPoll(poll)} lang="en" display="cloud"></plenum-poll>`,
    );
    // The cloud is loaded on demand: wait for it instead of guessing a time.
    await waitUntil(() => el.shadowRoot!.querySelector('plenum-word-cloud'), 'the word cloud to load');
    const cloud = $(el, 'plenum-word-cloud');
    expect(cloud.getAttribute('aria-hidden')).to.equal('true');
    const words = [...cloud.shadowRoot!.querySelectorAll('li')];
    expect(words.map((word) => word.textContent).sort()).to.deep.equal([
      'Kinderreisepass',
      'Wohngeld',
      'eID',
    ]);
    const size = (text: string) =>
      parseFloat(words.find((word) => word.textContent === text)!.style.fontSize);
    expect(size('Kinderreisepass')).to.be.greaterThan(size('eID'));
    expect(size('eID')).to.be.greaterThan(size('Wohngeld'));
    // The list: every answer with its count, not hidden from assistive technology.
    const list = $(el, 'ol[part="list"]');
    expect(list.closest('[aria-hidden]')).to.equal(null);
    expect(
      [...list.querySelectorAll('li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim()),
    ).to.deep.equal(['Kinderreisepass 7 mentions', 'eID 3 mentions', 'Wohngeld 1 mention']);
    await expect(el).to.be.accessible();
  });

  it('without display="cloud" the answers are a visible list and no cloud is loaded', async () => {
    const el = await pollElement(roomWithPoll(open));
    expect($(el, 'plenum-word-cloud')).to.equal(null);
    expect($(el, 'ol[part="list"]').classList.contains('visually-hidden')).to.equal(false);
  });

  it('groups an answer with the one of other spacing and case, at once and as the server does', async () => {
    const poll = {
      ...open,
      results: { kind: 'open' as const, answers: [{ text: 'Foo bar', count: 2 }], responses: 2 },
    };
    const room = roomWithPoll(poll);
    const el = await pollElement(room);
    $<HTMLInputElement>(el, '#answer').focus();
    await sendKeys({ type: '  foo   BAR ' });
    await sendKeys({ press: 'Enter' });
    await settle(el);
    const listed = $$(el, 'ol li').map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(listed).to.deep.equal(['Foo bar (your choice) 3 mentions']);
  });

  it("shows the model's numbers, never a fixture's: the average to one decimal, percentages summing to 100", async () => {
    const poll: PollView = {
      ...rating,
      responses: 20,
      results: {
        kind: 'rating',
        distribution: [1, 0, 3, 9, 7],
        percentages: [0, 0, 0, 0, 0],
        average: 4.05,
        responses: 20,
      },
    };
    const el = await pollElement(roomWithPoll(poll));
    expect($(el, '.results').textContent).to.contain('Average 4.1 of 5 from 20 ratings');
    const results = roomWithPoll(poll).$state.get()!.polls[0]!.results!;
    expect(results).to.deep.include({ average: 4.1, percentages: [5, 0, 15, 45, 35] });
  });

  it('in a pre-moderated room the author still sees an answer that waits for approval', async () => {
    const poll = { ...open, results: { kind: 'open' as const, answers: [], responses: 0 } };
    const room = new FakeRoom({
      state: emptyRoom({ room: 'dsn', moderation: 'pre', polls: [poll], currentPoll: poll.id }),
      mine: { questions: [], upvoted: [], votes: { [poll.id]: 'Bonn' } },
    });
    const el = await pollElement(room);
    expect($(el, '.results').textContent).to.contain('Your answer “Bonn” appears once the host approves it.');
  });

  it('rating: five stars as a radio group, arrows pick a value', async () => {
    const room = roomWithPoll(rating);
    const el = await pollElement(room);
    const stars = $$<HTMLInputElement>(el, '.star input');
    const name = (input: HTMLInputElement) =>
      input.labels![0]!.querySelector('.visually-hidden')!.textContent;
    expect(stars.map(name)).to.deep.equal(['1 star', '2 stars', '3 stars', '4 stars', '5 stars']);
    stars[0]!.focus();
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await settle(el);
    expect(stars[2]!.checked).to.equal(true);
    expect($$(el, '.star.on')).to.have.length(3);
    const fired = oneEvent(el, 'plenum-vote');
    await submit();
    expect((await fired).detail.choice).to.equal(3);
    await settle(el);
    expect($(el, '.results').textContent).to.contain('Average 3.3 of 5 from 3 ratings');
  });

  it('keeps the own vote marked and allows changing it while open', async () => {
    const room = roomWithPoll(single, 2);
    const el = await pollElement(room);
    expect($$<HTMLInputElement>(el, 'input[type="radio"]')[2]!.checked).to.equal(true);
    expect($(el, 'button[type="submit"]').textContent!.trim()).to.equal('Change vote');
    expect($(el, '.bars li.mine').textContent).to.contain('Panel (your choice)');
  });

  it('shows final results of a closed poll, own choice marked, no form', async () => {
    const closed = { ...single, status: 'closed' as const };
    const el = await pollElement(roomWithPoll(closed, 0));
    expect($(el, 'form')).to.equal(null);
    expect($(el, '.results').textContent).to.contain('This poll is closed. Final results:');
    expect($(el, '.bars li.mine').textContent).to.contain('Keynote (your choice)');
  });

  it('says when no poll is open, and when loading', async () => {
    const loading = await pollElement(new FakeRoom());
    expect($(loading, '[part="base"]').textContent).to.contain('Loading poll…');
    const room = roomWithPoll(null);
    const el = await pollElement(room);
    expect($(el, '[part="base"]').textContent).to.contain('No poll open right now.');
    room.update(() => ({ polls: [rating], currentPoll: 'p4' }));
    await settle(el);
    expect($(el, 'legend').textContent).to.equal('How was the talk?');
  });

  it('re-renders live results and announces them politely', async () => {
    const room = roomWithPoll(single);
    const el = await pollElement(room);
    const live = $(el, '[aria-live="polite"]');
    expect(live.textContent).to.equal('');
    room.updatePoll('p1', {
      results: { kind: 'single', counts: [5, 1, 0], percentages: [83, 17, 0], responses: 6 },
    });
    await settle(el);
    expect($(el, '.bars li').textContent).to.contain('Keynote: 83 %, 5 votes');
    expect($(el, '[aria-live="polite"]').textContent).to.contain('Keynote: 83 %, 5 votes');
  });

  it('throttles announcements', async () => {
    const room = roomWithPoll(single);
    const el = await pollElement(room);
    el.announcer.interval = 60_000;
    const push = (counts: number[], percentages: number[]) =>
      room.updatePoll('p1', { results: { kind: 'single', counts, percentages, responses: 1 } });
    push([1, 0, 0], [100, 0, 0]);
    await settle(el);
    push([0, 1, 0], [0, 100, 0]);
    await settle(el);
    expect($(el, '[aria-live="polite"]').textContent).to.contain('Keynote: 100 %');
  });

  it('turns error codes into human messages', async () => {
    const room = roomWithPoll(single);
    const el = await pollElement(room);
    $<HTMLFormElement>(el, 'form').requestSubmit();
    await settle(el);
    expect($(el, '[role="alert"]').textContent).to.equal('Please choose an answer first.');
    room.fail('closed');
    $$<HTMLInputElement>(el, 'input[type="radio"]')[0]!.click();
    $<HTMLFormElement>(el, 'form').requestSubmit();
    await settle(el);
    expect($(el, '[role="alert"]').textContent).to.equal('Too late: this is closed now.');
    room.fail('too_many_choices');
    $<HTMLFormElement>(el, 'form').requestSubmit();
    await settle(el);
    expect($(el, '[role="alert"]').textContent).to.equal('You chose more options than allowed.');
  });

  it('follows the poll attribute and speaks German', async () => {
    const room = new FakeRoom({
      state: emptyRoom({ polls: [single, rating], currentPoll: 'p1' }),
    });
    const el = await fixture<PlenumPoll>(
      html`<plenum-poll .connection=${room} poll="p4" lang="de"></plenum-poll>`,
    );
    expect($(el, 'legend').textContent).to.equal('How was the talk?');
    expect($(el, 'button[type="submit"]').textContent!.trim()).to.equal('Abstimmen');
    expect($(el, '.star .visually-hidden').textContent).to.equal('1 Stern');
    expect($(el, '.results').textContent).to.contain('Durchschnitt 3,5 von 5 aus 2 Bewertungen');
  });
});
