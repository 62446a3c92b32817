import { ApiError } from '../api-error';
import { anchorFor, countErrorsUnder, describeSaveFailure, placeFieldErrors, questionFormFields } from './field-errors';

const shape = { examples: [{}], constraints: ['a', 'b'], hints: [], rubric: [{}, {}], entryPoint: { params: [{}, {}] }, testCases: [{}, {}, {}] };
const fields = questionFormFields(shape);

describe('question form field anchors', () => {
  it('lists one anchor per rendered input, per row, plus one per list', () => {
    expect(fields).toEqual(
      expect.arrayContaining([
        'title',
        'slug',
        'examples',
        'examples.0.input',
        'constraints.1',
        'entryPoint.params.1.type',
        'starterCode.cpp',
        'testCases.2.expected',
        'referenceSolutions',
        'referenceSolutions.python',
        'rubric',
        'rubric.1.id',
        'rubric.1.title',
        'rubric.0.description',
      ]),
    );
    expect(fields).not.toContain('rubric.2.id');
    expect(fields).not.toContain('constraints.2');
    expect(fields).not.toContain('hints.0');
  });

  it('puts an error on its own field, or on the nearest field the form has', () => {
    expect(anchorFor('testCases.0.args', fields)).toBe('testCases.0.args');
    expect(anchorFor('testCases.0.args.1', fields)).toBe('testCases.0.args');
    expect(anchorFor('topics.2', fields)).toBe('topics');
    expect(anchorFor('hints.5', fields)).toBe('hints');
    expect(anchorFor('entryPoint.params', fields)).toBe('entryPoint.params');
    expect(anchorFor('entryPoint', fields)).toBeNull();
    expect(anchorFor('owner', fields)).toBeNull();
  });

  it('keeps the first message per field and returns the unplaceable ones', () => {
    const placed = placeFieldErrors(
      { 'testCases.1.args.0': 'Argument a must be a int', 'testCases.1.args.1': 'Argument b must be a int', extra: 'Unrecognized key' },
      fields,
    );
    expect(placed.fieldErrors).toEqual({ 'testCases.1.args': 'Argument a must be a int' });
    expect(placed.rest).toEqual(['extra: Unrecognized key']);
  });

  it('counts the errors inside a section', () => {
    expect(countErrorsUnder({ 'testCases.0.args': 'x', testCases: 'y', 'testCasesX': 'z', title: 't' }, 'testCases')).toBe(2);
  });
});

describe('describeSaveFailure', () => {
  it('shows a 400 problem beside each field it names', () => {
    const error = new ApiError({ status: 400, title: 'Validation failed', fieldErrors: { 'testCases.0.args.1': 'Argument b must be a int' } });
    expect(describeSaveFailure(error, fields)).toEqual({ fieldErrors: { 'testCases.0.args': 'Argument b must be a int' }, message: null });
  });

  it('shows a refused rubric beside the criterion field the API names, and a refused list at the section', () => {
    const error = new ApiError({
      status: 400,
      title: 'Validation failed',
      fieldErrors: { 'rubric.1.id': 'Criterion id "testing" is used twice', 'rubric.0.title': 'Too big', rubric: 'Too big: expected array to have <=8 items' },
    });
    expect(describeSaveFailure(error, fields)).toEqual({
      fieldErrors: { 'rubric.1.id': 'Criterion id "testing" is used twice', 'rubric.0.title': 'Too big', rubric: 'Too big: expected array to have <=8 items' },
      message: null,
    });
  });

  it('shows a 409 beside slug and title, with the reason above the form', () => {
    const error = new ApiError({
      status: 409,
      title: 'Conflict',
      detail: 'A question with this title or slug already exists',
      fieldErrors: { slug: 'This slug is already taken', title: 'This title is already taken' },
    });
    expect(describeSaveFailure(error, fields)).toEqual({
      fieldErrors: { slug: 'This slug is already taken', title: 'This title is already taken' },
      message: 'A question with this title or slug already exists',
    });
  });

  it('explains a 403 and an outage above the form', () => {
    expect(describeSaveFailure(new ApiError({ status: 403, title: 'Forbidden' }), fields).message).toMatch(/Only admins/);
    expect(describeSaveFailure(new ApiError({ status: 0, title: 'Network error' }), fields).message).toMatch(/could not be reached/);
  });
});
