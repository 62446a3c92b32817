'use client';

import type { QuestionSummary } from '@peerprep/contracts';
import { buttonClass } from '../../ui/button';
import { IconButton, iconButtonClass } from '../../ui/icon-button';
import { LinearProgress } from '../../ui/linear-progress';
import { StaticIcon } from '../../ui/static-icon';
import { Surface } from '../../ui/surface';
import { Text } from '../../ui/type';
import { IntentLink } from '../../intent-link';
import dynamic from 'next/dynamic';
import { LazyAlert as Alert } from '../../mui/lazy-alert';
import { useState } from 'react';
import { ApiError } from '../../../lib/api-error';
import { describeFailure } from '../../../lib/form-errors';
import { DEFAULT_FILTERS, editQuestionHref, PAGE_SIZES } from '../../../lib/questions/filters';
import { AccountPage } from '../../account/account-page';
import { PageMessage } from '../../auth/page-status';
import { RequireAuth } from '../../auth/require-auth';
import { QuestionList, QuestionListSkeleton } from '../question-list';
import { useQuestionsPage } from '../use-questions';
import { AdminListPagination, AdminSearchField, useAdminListPaging } from '../../admin/admin-list-controls';

const DeleteQuestionDialog = dynamic(() => import('./delete-question-dialog').then((module) => module.DeleteQuestionDialog), { ssr: false });

function QuestionsAdminTable() {
  const paging = useAdminListPaging({ pageSize: DEFAULT_FILTERS.pageSize, trim: true });
  const { q } = paging;
  const [toDelete, setToDelete] = useState<QuestionSummary | null>(null);
  // The dialog's code (MUI's Dialog and Modal) loads with the first delete, and stays for its closing animation.
  const [deleteUsed, setDeleteUsed] = useState(false);
  const openDelete = (question: QuestionSummary) => {
    setDeleteUsed(true);
    setToDelete(question);
  };
  const [notice, setNotice] = useState<string | null>(null);
  // Newest first, so what an admin just created is at the top.
  const questions = useQuestionsPage({ ...DEFAULT_FILTERS, q, sort: q ? undefined : 'newest', page: paging.pageIndex + 1, pageSize: paging.pageSize });

  if (questions.error instanceof ApiError && questions.error.status === 403) {
    return <PageMessage title="403 · Admins only" />;
  }
  const page = questions.data;

  return (
    <>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center">
        <AdminSearchField paging={paging} label="Search questions" className="flex-1 sm:max-w-md" />
        <IntentLink href="/admin/questions/new" className={`${buttonClass({ variant: 'contained' })} sm:ml-auto`}>
          <StaticIcon name="add" size="small" className="-ml-1" />
          New question
        </IntentLink>
      </div>
      {notice ? (
        <Alert severity="success" role="status" onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      ) : null}
      {questions.error ? (
        <Alert severity="error" role="alert">
          {describeFailure(questions.error, { fields: [] }).message}
        </Alert>
      ) : null}
      <Surface className="overflow-hidden rounded-2xl">
        <div className="h-1">{questions.loading && page ? <LinearProgress aria-label="Loading questions" /> : null}</div>
        {page === null ? (
          <QuestionListSkeleton rows={6} />
        ) : page.items.length === 0 ? (
          <Text as="p" className="px-4 py-10 text-center text-muted">
            {q ? `No question matches “${q}”.` : 'The question bank is empty.'}
          </Text>
        ) : (
          <QuestionList
            label="Questions to manage"
            questions={page.items}
            busy={questions.loading}
            actions={(question) => (
              <>
                <IntentLink href={editQuestionHref(question.slug)} aria-label={`Edit ${question.title}`} title="Edit" className={iconButtonClass()}>
                  <StaticIcon name="edit" size="small" />
                </IntentLink>
                <IconButton onClick={() => openDelete(question)} aria-label={`Delete ${question.title}`} title="Delete">
                  <StaticIcon name="deleteOutlined" size="small" />
                </IconButton>
              </>
            )}
          />
        )}
        <AdminListPagination paging={paging} total={page?.total} sizes={PAGE_SIZES} />
      </Surface>
      {deleteUsed ? (
        <DeleteQuestionDialog
          question={toDelete}
          onClose={() => setToDelete(null)}
          onDeleted={(deleted) => {
            setToDelete(null);
            setNotice(`“${deleted.title}” was deleted.`);
            questions.reload();
          }}
        />
      ) : null}
    </>
  );
}

export function QuestionsAdminView() {
  // The frame renders on the server, outside the session check (see ProfileView).
  return (
    <AccountPage title="Manage questions" intro="Create, edit and delete the questions students practise on." wide>
      <RequireAuth role="ADMIN">
        <QuestionsAdminTable />
      </RequireAuth>
    </AccountPage>
  );
}
