/**
 * The welcome a bench client expects from a baseline or peer server: one open single-choice
 * poll `p1` with these counts, in Plenum's shape, and nothing else.
 * @param {{ room: string, counts: number[], online: number }} m
 */
export function pollWelcome({ room, counts, online }) {
  const responses = counts.reduce((sum, n) => sum + n, 0);
  return {
    type: 'welcome',
    v: 1,
    seq: 0,
    host: false,
    state: {
      room,
      title: room,
      moderation: 'post',
      emojis: [],
      questions: [],
      polls: [
        {
          id: 'p1',
          title: 'Which option?',
          kind: 'single',
          status: 'open',
          options: counts.map((_, i) => String.fromCharCode(65 + i)),
          resultsVisible: true,
          responses,
          results: { kind: 'single', counts: [...counts], percentages: counts.map(() => 0), responses },
          createdAt: 0,
        },
      ],
      currentPoll: 'p1',
      reactions: {},
      online,
    },
    mine: { questions: [], upvoted: [], votes: {} },
  };
}
