import { INTERNAL_TOKEN_HEADER, PICK_QUESTION_PATH, type Question, type QuestionSummary } from '@peerprep/contracts';
import request from 'supertest';
import { questionInput } from '../../test/question-fixtures';
import { INTERNAL_TOKEN, startQuestionService, type QuestionServiceHarness } from '../../test/question-service-harness';

jest.setTimeout(30_000);

/** The bank these tests browse, created oldest first. */
const BANK = [
  {
    slug: 'two-number-sum',
    title: 'Two Number Sum',
    difficulty: 'EASY',
    topics: ['Arrays', 'Hash Table'],
    statement: 'Find two numbers in an array that add up to a target.',
  },
  {
    slug: 'longest-palindrome',
    title: 'Longest Palindrome',
    difficulty: 'MEDIUM',
    topics: ['Strings', 'Dynamic Programming'],
    statement: 'Return the longest palindromic substring of a word.',
  },
  {
    slug: 'island-count',
    title: 'Island Count',
    difficulty: 'MEDIUM',
    topics: ['Graphs', 'Arrays'],
    statement: 'Count the islands in a grid of land and water.',
  },
  {
    slug: 'shortest-route',
    title: 'Shortest Route',
    difficulty: 'HARD',
    topics: ['Graphs'],
    statement: 'Find the shortest route between two cities; you may merge parallel roads first.',
  },
  {
    slug: 'sorted-merge',
    title: 'Sorted Merge',
    difficulty: 'EASY',
    topics: ['Arrays', 'Sorting'],
    statement: 'Combine two sorted arrays into one sorted array.',
  },
] as const;

describe('question-service browsing, topics and the picker (real Postgres)', () => {
  let svc: QuestionServiceHarness;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    svc = await startQuestionService('question_browse');
    for (const entry of BANK) {
      const created = await svc.bank.createQuestion(questionInput({ ...entry, topics: [...entry.topics] }), {});
      ids[entry.slug] = created.id;
    }
  });

  afterAll(async () => {
    await svc?.stop();
  });

  async function list(query: string): Promise<{ slugs: string[]; total: number; body: { items: QuestionSummary[] } }> {
    const res = await request(svc.url).get(`/api/questions${query}`).expect(200);
    return { slugs: (res.body.items as QuestionSummary[]).map((item) => item.slug), total: res.body.total, body: res.body };
  }

  describe('GET /api/questions', () => {
    it('lists summaries newest first with their topics, the page and the total', async () => {
      const res = await request(svc.url).get('/api/questions').expect(200);

      expect(res.body).toMatchObject({ total: 5, page: 1, pageSize: 20 });
      expect(res.body.items.map((item: QuestionSummary) => item.slug)).toEqual(BANK.map((entry) => entry.slug).reverse());
      expect(res.body.items[0]).toEqual({
        id: ids['sorted-merge'],
        slug: 'sorted-merge',
        title: 'Sorted Merge',
        difficulty: 'EASY',
        topics: [
          { slug: 'arrays', name: 'Arrays' },
          { slug: 'sorting', name: 'Sorting' },
        ],
        createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      });
    });

    it('never carries reference solutions or test cases in list rows, even for an admin', async () => {
      const res = await request(svc.url).get('/api/questions').set('authorization', `Bearer ${svc.adminToken}`).expect(200);
      for (const item of res.body.items as Record<string, unknown>[]) {
        expect(Object.keys(item).sort()).toEqual(['createdAt', 'difficulty', 'id', 'slug', 'title', 'topics']);
      }
    });

    it('filters by difficulty', async () => {
      const { slugs, total } = await list('?difficulty=MEDIUM');
      expect(total).toBe(2);
      expect(slugs.sort()).toEqual(['island-count', 'longest-palindrome']);
    });

    it('filters by one topic, or by any of several given as a list or repeated', async () => {
      expect((await list('?topics=graphs')).slugs.sort()).toEqual(['island-count', 'shortest-route']);
      const listed = await list('?topics=graphs,sorting');
      const repeated = await list('?topics=graphs&topics=sorting');
      expect(listed.total).toBe(3);
      expect(listed.slugs.sort()).toEqual(['island-count', 'shortest-route', 'sorted-merge']);
      expect(repeated.slugs.sort()).toEqual(listed.slugs.sort());
    });

    it('combines difficulty and topic filters', async () => {
      const { slugs, total } = await list('?difficulty=MEDIUM&topics=arrays');
      expect({ slugs, total }).toEqual({ slugs: ['island-count'], total: 1 });
    });

    it('searches title and statement, by whole words, word stems and prefixes', async () => {
      expect((await list('?q=island')).slugs).toEqual(['island-count']);
      expect((await list('?q=islands')).slugs).toEqual(['island-count']);
      expect((await list('?q=cities')).slugs).toEqual(['shortest-route']);
      expect((await list('?q=palin')).slugs).toEqual(['longest-palindrome']);
      expect((await list('?q=two%20sum')).slugs).toEqual(['two-number-sum']);
    });

    it('ranks a title match above a statement match when searching', async () => {
      const { slugs, total } = await list('?q=merge');
      expect({ slugs, total }).toEqual({ slugs: ['sorted-merge', 'shortest-route'], total: 2 });
    });

    it('combines search with filters, and finds nothing for words no question has or for punctuation only', async () => {
      expect((await list('?q=sorted&difficulty=HARD')).total).toBe(0);
      expect(await list('?q=zebra')).toMatchObject({ slugs: [], total: 0 });
      expect(await list('?q=%21%3F%26%7C')).toMatchObject({ slugs: [], total: 0 });
    });

    it('treats a blank search as no search', async () => {
      expect((await list('?q=%20%20')).total).toBe(5);
    });

    it('sorts by title, by difficulty, and oldest first', async () => {
      expect((await list('?sort=title')).slugs).toEqual([
        'island-count',
        'longest-palindrome',
        'shortest-route',
        'sorted-merge',
        'two-number-sum',
      ]);
      expect((await list('?sort=difficulty')).slugs).toEqual([
        'sorted-merge',
        'two-number-sum',
        'island-count',
        'longest-palindrome',
        'shortest-route',
      ]);
      expect((await list('?sort=oldest')).slugs).toEqual(BANK.map((entry) => entry.slug));
    });

    it('pages through every question exactly once, each page saying the total', async () => {
      const pages = await Promise.all([1, 2, 3].map((page) => list(`?sort=title&pageSize=2&page=${page}`)));
      expect(pages.map((page) => page.total)).toEqual([5, 5, 5]);
      expect(pages.map((page) => page.slugs.length)).toEqual([2, 2, 1]);
      expect(pages.flatMap((page) => page.slugs)).toEqual((await list('?sort=title')).slugs);
    });

    it('still says the total on a page past the end', async () => {
      const res = await request(svc.url).get('/api/questions?pageSize=2&page=4&topics=arrays').expect(200);
      expect(res.body).toEqual({ items: [], total: 3, page: 4, pageSize: 2 });
    });

    it('answers 400 naming each invalid query parameter', async () => {
      const res = await request(svc.url)
        .get('/api/questions?pageSize=101&page=0&difficulty=TRIVIAL&topics=Not%20A%20Slug&sort=random')
        .expect(400);
      const fields = (res.body.errors as { field: string; location: string }[]).map((error) => error.field.split('.')[0]);
      expect(new Set(fields)).toEqual(new Set(['pageSize', 'page', 'difficulty', 'topics', 'sort']));
      expect(res.body.errors[0].location).toBe('query');
    });
  });

  describe('GET /api/topics', () => {
    it('lists every topic in use by name with its question counts per difficulty, and the bank\'s counts', async () => {
      const res = await request(svc.url).get('/api/topics').expect(200);
      expect(res.body).toEqual({
        total: 6,
        // Each question once: the topics' EASY counts add up to 4 (two-number-sum and sorted-merge have two topics each).
        questionCounts: { EASY: 2, MEDIUM: 2, HARD: 1 },
        items: [
          { slug: 'arrays', name: 'Arrays', counts: { EASY: 2, MEDIUM: 1, HARD: 0 }, total: 3 },
          { slug: 'dynamic-programming', name: 'Dynamic Programming', counts: { EASY: 0, MEDIUM: 1, HARD: 0 }, total: 1 },
          { slug: 'graphs', name: 'Graphs', counts: { EASY: 0, MEDIUM: 1, HARD: 1 }, total: 2 },
          { slug: 'hash-table', name: 'Hash Table', counts: { EASY: 1, MEDIUM: 0, HARD: 0 }, total: 1 },
          { slug: 'sorting', name: 'Sorting', counts: { EASY: 1, MEDIUM: 0, HARD: 0 }, total: 1 },
          { slug: 'strings', name: 'Strings', counts: { EASY: 0, MEDIUM: 1, HARD: 0 }, total: 1 },
        ],
      });
    });

    it('stops listing a topic once its last question is deleted', async () => {
      await svc.bank.createQuestion(questionInput({ slug: 'lonely', title: 'Lonely', topics: ['Tries'] }), {});
      expect((await request(svc.url).get('/api/topics')).body.items.map((t: { slug: string }) => t.slug)).toContain('tries');
      await svc.bank.deleteQuestion('lonely', {});
      expect((await request(svc.url).get('/api/topics')).body.items.map((t: { slug: string }) => t.slug)).not.toContain('tries');
    });
  });

  describe(`POST ${PICK_QUESTION_PATH}`, () => {
    function pick(body: object) {
      return request(svc.url).post(PICK_QUESTION_PATH).set(INTERNAL_TOKEN_HEADER, INTERNAL_TOKEN).send(body);
    }

    async function pickedSlugs(body: object, times: number): Promise<Set<string>> {
      const slugs = new Set<string>();
      for (let i = 0; i < times; i += 1) slugs.add(((await pick(body).expect(200)).body.question as Question).slug);
      return slugs;
    }

    it('answers 401 to callers without the internal token or with a wrong one', async () => {
      await request(svc.url).post(PICK_QUESTION_PATH).send({ topics: ['graphs'] }).expect(401);
      await request(svc.url)
        .post(PICK_QUESTION_PATH)
        .set(INTERNAL_TOKEN_HEADER, 'not-the-internal-token')
        .send({ topics: ['graphs'] })
        .expect(401);
      await request(svc.url)
        .post(PICK_QUESTION_PATH)
        .set('authorization', `Bearer ${svc.adminToken}`)
        .send({ topics: ['graphs'] })
        .expect(401);
    });

    it('answers 400 naming the invalid fields', async () => {
      const res = await pick({ difficulty: 'TRIVIAL', excludeIds: ['nope'] }).expect(400);
      const fields = (res.body.errors as { field: string }[]).map((error) => error.field);
      expect(fields).toEqual(expect.arrayContaining(['difficulty', 'topics', 'excludeIds.0']));
    });

    it('picks only a question of the difficulty having one of the topics, with its hidden test cases and reference solutions', async () => {
      const res = await pick({ difficulty: 'MEDIUM', topics: ['graphs'] }).expect(200);
      expect(res.body.question).toMatchObject({
        slug: 'island-count',
        testCases: questionInput().testCases,
        referenceSolutions: questionInput().referenceSolutions,
      });
      expect(await pickedSlugs({ difficulty: 'MEDIUM', topics: ['graphs', 'hash-table'] }, 10)).toEqual(
        new Set(['island-count']),
      );
    });

    it('picks at random among every fitting question, any difficulty when none is given', async () => {
      expect(await pickedSlugs({ topics: ['graphs', 'sorting'] }, 40)).toEqual(
        new Set(['island-count', 'shortest-route', 'sorted-merge']),
      );
    });

    it('never picks an excluded question', async () => {
      const excludeIds = [ids['island-count'], ids['shortest-route']];
      expect(await pickedSlugs({ topics: ['graphs', 'sorting'], excludeIds }, 10)).toEqual(new Set(['sorted-merge']));
    });

    it('answers 404 with a problem saying what did not fit when no question fits', async () => {
      const noMatch = await pick({ difficulty: 'HARD', topics: ['strings'] }).expect(404);
      expect(noMatch.headers['content-type']).toContain('application/problem+json');
      expect(noMatch.body.detail).toBe('No question fits difficulty HARD and topics strings');

      const allExcluded = await pick({ difficulty: 'HARD', topics: ['graphs'], excludeIds: [ids['shortest-route']] }).expect(404);
      expect(allExcluded.body.detail).toBe('No question fits difficulty HARD and topics graphs, excluding 1 question(s)');
    });
  });
});
