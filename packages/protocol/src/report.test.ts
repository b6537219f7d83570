import { describe, expect, it } from 'vitest';
import type { Action, ActionInput } from './messages.js';
import { apply, createRoom, type Actor, type RoomRecord } from './model.js';
import { join, leave } from './presence.js';
import { report } from './report.js';

const host: Actor = { participant: 'host-participant-0001', host: true };
const people = Array.from({ length: 4 }, (_, n): Actor => ({
  participant: `person-${n}-xxxxxxxxxxxx`,
  host: false,
}));
const [alice, bob, carol, dave] = people as [Actor, Actor, Actor, Actor];
const start = Date.UTC(2021, 9, 1, 18, 0);

let actions = 0;
function act(room: RoomRecord, action: ActionInput, actor: Actor, now: number) {
  const outcome = apply(room, { ...action, id: `a${++actions}` } as Action, actor, now);
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome;
}

/** A small event: questions, a poll of each kind, reactions over a few minutes, people coming and going. */
function event(): RoomRecord {
  const room = createRoom({ id: 'dsn-2021-10-01', title: 'Digital services night', createdAt: start });
  join(room, host.participant, start);
  for (const [n, person] of people.entries()) join(room, person.participant, start + 1_000 * (n + 1));
  join(room, alice.participant, start + 6_000); // a second tab

  act(room, { type: 'ask', text: 'When does the app launch?', name: 'Ada' }, alice, start + 60_000);
  act(room, { type: 'ask', text: 'Is it open source?' }, bob, start + 61_000);
  act(room, { type: 'ask', text: 'Spam' }, carol, start + 62_000);
  for (const person of [bob, carol, dave])
    act(room, { type: 'upvote', question: 'q1' }, person, start + 63_000);
  act(room, { type: 'upvote', question: 'q2' }, alice, start + 64_000);
  act(room, { type: 'moderate', question: 'q1', status: 'answered', label: 'Launch' }, host, start + 120_000);
  act(room, { type: 'moderate', question: 'q2', label: 'Launch' }, host, start + 121_000);
  act(room, { type: 'moderate', question: 'q3', status: 'dismissed' }, host, start + 122_000);

  act(
    room,
    { type: 'poll-create', title: 'Coming back?', kind: 'single', options: ['Yes', 'No'] },
    host,
    start + 130_000,
  );
  act(room, { type: 'poll-update', poll: 'p1', status: 'open' }, host, start + 131_000);
  act(room, { type: 'vote', poll: 'p1', choice: 0 }, alice, start + 132_000);
  act(room, { type: 'vote', poll: 'p1', choice: 1 }, bob, start + 133_000);
  act(room, { type: 'vote', poll: 'p1', choice: 0 }, bob, start + 134_000);
  act(room, { type: 'poll-create', title: 'One word?', kind: 'open' }, host, start + 140_000);
  act(room, { type: 'poll-update', poll: 'p2', status: 'open' }, host, start + 141_000);
  act(room, { type: 'vote', poll: 'p2', choice: 'Kinderreisepass' }, alice, start + 142_000);
  act(room, { type: 'vote', poll: 'p2', choice: ' kinderreisepass ' }, dave, start + 143_000);
  act(room, { type: 'poll-create', title: 'Rate us', kind: 'rating' }, host, start + 150_000);
  act(room, { type: 'poll-update', poll: 'p3', status: 'open' }, host, start + 151_000);
  act(room, { type: 'vote', poll: 'p3', choice: 5 }, alice, start + 152_000);
  act(room, { type: 'vote', poll: 'p3', choice: 4 }, bob, start + 153_000);

  act(room, { type: 'react', emoji: '👍' }, alice, start + 10_000);
  act(room, { type: 'react', emoji: '👍' }, bob, start + 11_000);
  act(room, { type: 'react', emoji: '🎉' }, bob, start + 185_000);
  leave(room, bob.participant, start + 200_000);
  return room;
}

describe('report', () => {
  it('links each question to its moment in the recording once the room has one with a start', () => {
    const room = event();
    expect(report(room).questions.list.map((q) => q.recordingAt)).toEqual([undefined, undefined, undefined]);
    act(room, { type: 'room-update', recording: { url: 'https://video.example.org/live.mp4' } }, host, start);
    // An address without a start time: kept, but no moment to link to.
    expect(report(room)).toMatchObject({ recording: { url: 'https://video.example.org/live.mp4' } });
    expect(report(room).questions.list[0]).not.toHaveProperty('recordingAt');

    const startsAt = start + 30_000;
    act(
      room,
      { type: 'room-update', recording: { url: 'https://video.example.org/live.mp4', startsAt } },
      host,
      start,
    );
    // An answered question links to the moment it was answered, the others to when they were asked.
    expect(report(room).questions.list.map((q) => q.recordingAt)).toEqual([
      'https://video.example.org/live.mp4#t=90',
      'https://video.example.org/live.mp4#t=31',
      'https://video.example.org/live.mp4#t=32',
    ]);
    // YouTube reads ?t= and keeps its own parameters; before the start there is no moment.
    const youtube = 'https://www.youtube.com/watch?v=abc';
    act(room, { type: 'room-update', recording: { url: youtube, startsAt: start + 61_000 } }, host, start);
    expect(report(room).questions.list.map((q) => q.recordingAt)).toEqual([
      'https://www.youtube.com/watch?v=abc&t=59s',
      'https://www.youtube.com/watch?v=abc&t=0s',
      'https://www.youtube.com/watch?v=abc&t=1s',
    ]);
    act(room, { type: 'room-update', recording: null }, host, start);
    expect(report(room)).not.toHaveProperty('recording');
  });

  it('gives the event in numbers', () => {
    const result = report(event());
    expect(result).toMatchObject({
      room: 'dsn-2021-10-01',
      title: 'Digital services night',
      moderation: 'post',
      createdAt: start,
      audience: {
        viewers: 5,
        peakConnections: 6,
        peakAt: start + 6_000,
        connectionsNow: 5,
        activeParticipants: 4,
      },
    });
    expect(result.questions).toEqual({
      total: 3,
      byStatus: { review: 0, live: 1, answered: 1, dismissed: 1 },
      byLabel: { Launch: 2 },
      upvotes: 4,
      list: [
        {
          id: 'q1',
          text: 'When does the app launch?',
          name: 'Ada',
          status: 'answered',
          label: 'Launch',
          upvotes: 3,
          answered: true,
          createdAt: start + 60_000,
          answeredAt: start + 120_000,
        },
        {
          id: 'q2',
          text: 'Is it open source?',
          status: 'live',
          label: 'Launch',
          upvotes: 1,
          answered: false,
          createdAt: start + 61_000,
        },
        {
          id: 'q3',
          text: 'Spam',
          status: 'dismissed',
          upvotes: 0,
          answered: false,
          createdAt: start + 62_000,
        },
      ],
    });
    expect(result.polls).toEqual([
      {
        id: 'p1',
        title: 'Coming back?',
        kind: 'single',
        status: 'closed',
        options: ['Yes', 'No'],
        responses: 2,
        results: { kind: 'single', counts: [2, 0], percentages: [100, 0], responses: 2 },
        percentages: [100, 0],
      },
      {
        id: 'p2',
        title: 'One word?',
        kind: 'open',
        status: 'closed',
        options: [],
        responses: 2,
        results: { kind: 'open', answers: [{ text: 'Kinderreisepass', count: 2 }], responses: 2 },
        percentages: [],
      },
      {
        id: 'p3',
        title: 'Rate us',
        kind: 'rating',
        status: 'open',
        options: [],
        responses: 2,
        results: {
          kind: 'rating',
          distribution: [0, 0, 0, 1, 1],
          percentages: [0, 0, 0, 50, 50],
          average: 4.5,
          responses: 2,
        },
        percentages: [0, 0, 0, 50, 50],
      },
    ]);
    expect(result).toMatchObject({
      lang: 'en',
      timeZone: 'UTC',
      contributions: { total: 5, questions: 3, openAnswers: 2, byLabel: { Launch: 2 } },
      pollResponses: 6,
    });
    expect(result.reactions).toEqual({
      total: 3,
      byEmoji: { '👍': 2, '🎉': 1 },
      perMinute: [
        { minute: 0, at: start, total: 2, byEmoji: { '👍': 2 } },
        { minute: 3, at: start + 180_000, total: 1, byEmoji: { '🎉': 1 } },
      ],
    });
  });

  it('gives multiple-choice shares of respondents, ticks beside them', () => {
    const room = event();
    act(
      room,
      { type: 'poll-create', title: 'Which?', kind: 'multiple', options: ['A', 'B', 'C'] },
      host,
      start + 160_000,
    );
    const poll = [...room.polls.keys()].at(-1)!;
    act(room, { type: 'poll-update', poll, status: 'open' }, host, start + 160_000);
    act(room, { type: 'vote', poll, choice: [0, 1] }, alice, start + 161_000);
    act(room, { type: 'vote', poll, choice: [0] }, bob, start + 161_000);
    act(room, { type: 'vote', poll, choice: [0, 2] }, carol, start + 161_000);
    const which = report(room).polls.at(-1)!;
    // 3 of 3 people ticked A: 100 %, not a third of all ticks.
    expect(which.percentages).toEqual([100, 33, 33]);
    expect(which.results).toMatchObject({ counts: [3, 1, 1], responses: 3 });
  });

  it('takes the room’s language and zone, else the defaults it is given', () => {
    const room = event();
    expect(report(room, { lang: 'de', timeZone: 'Europe/Berlin' })).toMatchObject({
      lang: 'de',
      timeZone: 'Europe/Berlin',
    });
    act(room, { type: 'room-update', lang: 'en', timeZone: 'Asia/Tokyo' }, host, start);
    expect(report(room, { lang: 'de', timeZone: 'Europe/Berlin' })).toMatchObject({
      lang: 'en',
      timeZone: 'Asia/Tokyo',
    });
  });

  it('is plain JSON data without participant ids', () => {
    const room = event();
    const result = report(room);
    const json = JSON.stringify(result);
    expect(JSON.parse(json)).toEqual(result);
    for (const person of [host, ...people]) expect(json).not.toContain(person.participant);
  });

  it('keeps a label called "__proto__" as a label', () => {
    const room = createRoom({ id: 'room', createdAt: 0 });
    act(room, { type: 'ask', text: 'Hm?' }, alice, 1);
    act(room, { type: 'moderate', question: 'q1', label: '__proto__' }, host, 2);
    expect(Object.entries(report(room).questions.byLabel)).toEqual([['__proto__', 1]]);
  });
});
