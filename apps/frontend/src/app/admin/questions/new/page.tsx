import type { Metadata } from 'next';
import { QuestionEditorView } from '../../../../components/questions/admin/question-editor-view';
import { MuiScope } from '../../../../components/mui/mui-scope';

export const metadata: Metadata = { title: 'New question' };

export default function NewQuestionPage() {
  return (
    <MuiScope>
      <QuestionEditorView />
    </MuiScope>
  );
}
