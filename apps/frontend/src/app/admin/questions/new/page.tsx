import type { Metadata } from 'next';
import { QuestionEditorView } from '../../../../components/questions/admin/question-editor-view';

export const metadata: Metadata = { title: 'New question' };

export default function NewQuestionPage() {
  return <QuestionEditorView />;
}
