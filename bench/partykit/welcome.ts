/** The snapshot a bench client expects after its hello: one open poll with these counts. */
export function welcome(counts: number[]): string {
  const responses = counts.reduce((sum, n) => sum + n, 0);
  return JSON.stringify({
    type: 'welcome',
    v: 1,
    seq: 0,
    host: false,
    state: {
      room: 'partykit',
      title: 'partykit',
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
          results: { kind: 'single', counts: [...counts], percentages: counts.map(() => 0), responses },
          createdAt: 0,
        },
      ],
      currentPoll: 'p1',
      reactions: {},
      online: 0,
    },
    mine: { questions: [], upvoted: [], votes: {} },
  });
}
