import { renderToStaticMarkup } from 'react-dom/server';
import { SelectField } from './select-field';
import { FieldAdornment, TextInput } from './text-input';

/** The element `selector` names (one tag, its attributes) in `html`, as an attribute map. */
function attributesOf(html: string, tag: string): Record<string, string> {
  const match = new RegExp(`<${tag}\\b([^>]*)>`).exec(html);
  if (!match) throw new Error(`no <${tag}> in ${html}`);
  return Object.fromEntries([...(match[1] ?? '').matchAll(/([\w-]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
}

describe('TextInput', () => {
  it('labels its input and describes it with the helper text', () => {
    const html = renderToStaticMarkup(<TextInput id="name" label="Display name" helperText="Shown to your partner" value="Ada" onChange={() => undefined} />);
    expect(attributesOf(html, 'label')).toMatchObject({ for: 'name', class: 'field-label' });
    expect(attributesOf(html, 'input')).toMatchObject({ id: 'name', value: 'Ada', 'aria-invalid': 'false', 'aria-describedby': 'name-helper-text' });
    expect(html).toContain('<p id="name-helper-text" class="helper-text" data-error="false">Shown to your partner</p>');
  });

  it('marks a required field in the label and the notch, and an error on the input and the helper text', () => {
    const html = renderToStaticMarkup(<TextInput id="email" label="Email" required error helperText="Enter an email" />);
    expect(attributesOf(html, 'input')).toMatchObject({ required: '', 'aria-invalid': 'true' });
    expect(attributesOf(html, 'div')).toMatchObject({ class: 'field', 'data-error': 'true' });
    expect(html).toContain('<label for="email" class="field-label">Email<span aria-hidden="true">\u2009*</span></label>');
    expect(html).toContain('<legend><span>Email\u2009*</span></legend>');
    expect(html).toContain('data-error="true">Enter an email</p>');
  });

  it('always has a placeholder (the label floats on :placeholder-shown) and floats it with a start adornment', () => {
    expect(attributesOf(renderToStaticMarkup(<TextInput id="q" label="Search" />), 'input')).toMatchObject({ placeholder: ' ' });
    const html = renderToStaticMarkup(<TextInput id="q" label="Search" placeholder="Words" startAdornment={<FieldAdornment position="start">🔍</FieldAdornment>} />);
    expect(attributesOf(html, 'input')).toMatchObject({ placeholder: 'Words' });
    expect(attributesOf(html, 'div')).toMatchObject({ 'data-shrink': 'true' });
    expect(html).toContain('class="field-box" data-start="true"');
  });

  it('passes inputProps to the input', () => {
    const html = renderToStaticMarkup(<TextInput id="t" label="Topics" readOnly inputProps={{ role: 'combobox', 'aria-expanded': false, maxLength: 20 }} />);
    expect(attributesOf(html, 'input')).toMatchObject({ role: 'combobox', 'aria-expanded': 'false', maxLength: '20', readOnly: '' });
  });
});

describe('SelectField', () => {
  it('is a labelled native select with its options and the chosen value', () => {
    const html = renderToStaticMarkup(
      <SelectField
        id="sort"
        label="Sort by"
        value="title"
        options={[
          { value: '', label: 'Newest first' },
          { value: 'title', label: 'Title (A–Z)' },
        ]}
        onChange={() => undefined}
        helperText="How the list is ordered"
      />,
    );
    expect(attributesOf(html, 'label')).toMatchObject({ for: 'sort' });
    expect(attributesOf(html, 'select')).toMatchObject({ id: 'sort', 'aria-describedby': 'sort-helper-text', 'aria-invalid': 'false' });
    expect(html).toContain('<option value="title" selected="">Title (A–Z)</option>');
    expect(attributesOf(html, 'div')).toMatchObject({ 'data-shrink': 'true' });
  });
});
