'use client';

import type { Language } from '@peerprep/contracts';
import { CodeByLanguageEditor } from './code-by-language-editor';
import type { FormPartProps } from './form-section';

/** One code box per supported language; a tab whose code has a problem says so. */
export function StarterCodeEditor(props: FormPartProps<Record<Language, string>>) {
  return (
    <CodeByLanguageEditor
      {...props}
      field="starterCode"
      idPrefix="starter-edit"
      title="Starter code"
      description="What each language's editor starts with: the entry point's signature and an empty body."
      codeLabel="starter code"
    />
  );
}
