import {
  DEFAULT_FILTERS,
  filtersFromSearchParams,
  filtersToApiQuery,
  filtersToSearchParams,
  pageRangeLabel,
  questionsHref,
  updateFilters,
  type QuestionFilters,
} from './filters';

const parse = (query: string) => filtersFromSearchParams(new URLSearchParams(query));

describe('question browser URL state', () => {
  it('reads every filter from the query', () => {
    expect(parse('q=two%20sum&difficulty=MEDIUM&topics=arrays,hash-tables&sort=title&page=3&pageSize=50')).toEqual({
      q: 'two sum',
      difficulty: 'MEDIUM',
      topics: ['arrays', 'hash-tables'],
      sort: 'title',
      page: 3,
      pageSize: 50,
    });
  });

  it('accepts repeated topics as well as a comma list, without duplicates', () => {
    expect(parse('topics=arrays&topics=graphs,arrays').topics).toEqual(['arrays', 'graphs']);
  });

  it('drops values the API would refuse instead of failing the page', () => {
    expect(parse('difficulty=easy&sort=random&page=-2&pageSize=7&topics=Not%20A%20Slug,graphs')).toEqual({
      ...DEFAULT_FILTERS,
      topics: ['graphs'],
    });
    expect(parse('page=abc').page).toBe(1);
    expect(parse('page=999999').page).toBe(1);
  });

  it('writes defaults nowhere, so the unfiltered list is plain /questions', () => {
    expect(filtersToSearchParams(DEFAULT_FILTERS).toString()).toBe('');
    expect(questionsHref(DEFAULT_FILTERS)).toBe('/questions');
  });

  it('round-trips any state through the URL', () => {
    const filters: QuestionFilters = { q: 'islands', difficulty: 'HARD', topics: ['graphs', 'matrices'], sort: 'oldest', page: 2, pageSize: 10 };
    const href = questionsHref(filters);
    expect(href).toBe('/questions?q=islands&difficulty=HARD&topics=graphs%2Cmatrices&sort=oldest&page=2&pageSize=10');
    expect(parse(href.split('?')[1])).toEqual(filters);
  });

  it('trims the search text in the URL and leaves a blank one out', () => {
    expect(questionsHref({ ...DEFAULT_FILTERS, q: '  sum ' })).toBe('/questions?q=sum');
    expect(questionsHref({ ...DEFAULT_FILTERS, q: '   ' })).toBe('/questions');
  });

  it('goes back to page 1 when a filter changes, but not when the page does', () => {
    const onPage4 = { ...DEFAULT_FILTERS, page: 4 };
    expect(updateFilters(onPage4, { difficulty: 'EASY' }).page).toBe(1);
    expect(updateFilters(onPage4, { page: 5 }).page).toBe(5);
  });

  it('asks the API for exactly the filters shown, and for relevance only with a search', () => {
    expect(filtersToApiQuery({ ...DEFAULT_FILTERS, topics: ['arrays', 'graphs'], sort: 'relevance' })).toEqual({
      q: undefined,
      difficulty: undefined,
      topics: 'arrays,graphs',
      sort: undefined,
      page: 1,
      pageSize: 20,
    });
    expect(filtersToApiQuery({ ...DEFAULT_FILTERS, q: 'sum', sort: 'relevance' }).sort).toBe('relevance');
  });

  it('labels the range of the page shown', () => {
    expect(pageRangeLabel(2, 20, 61)).toBe('21–40 of 61 questions');
    expect(pageRangeLabel(4, 20, 61)).toBe('61–61 of 61 questions');
    expect(pageRangeLabel(1, 20, 1)).toBe('1–1 of 1 question');
    expect(pageRangeLabel(1, 20, 0)).toBe('0 questions');
  });
});
