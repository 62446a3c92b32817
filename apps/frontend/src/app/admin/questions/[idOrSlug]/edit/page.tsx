import type { Metadata } from 'next';
import { QuestionEditorView } from '../../../../../components/questions/admin/question-editor-view';

export const metadata: Metadata = { title: 'Edit question' };

export default async function EditQuestionPage({ params }: { params: Promise<{ idOrSlug: string }> }) {
  const { idOrSlug } = await params;
  return <QuestionEditorView idOrSlug={idOrSlug} />;
}
