import type { Metadata } from 'next';
import { QuestionEditorView } from '../../../../../components/questions/admin/question-editor-view';
import { MuiScope } from '../../../../../components/mui/mui-scope';

export const metadata: Metadata = { title: 'Edit question' };

export default async function EditQuestionPage({ params }: { params: Promise<{ idOrSlug: string }> }) {
  const { idOrSlug } = await params;
  return (
    <MuiScope>
      <QuestionEditorView idOrSlug={idOrSlug} />
    </MuiScope>
  );
}
