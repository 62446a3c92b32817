'use client';

import type { QuestionSummary } from '@peerprep/contracts';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import InputAdornment from '@mui/material/InputAdornment';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import TablePagination from '@mui/material/TablePagination';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import Add from '@mui/icons-material/Add';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import Edit from '@mui/icons-material/Edit';
import Search from '@mui/icons-material/Search';
import { IntentLink } from '../../intent-link';
import { useEffect, useState } from 'react';
import { ApiError } from '../../../lib/api-error';
import { describeFailure } from '../../../lib/form-errors';
import { DEFAULT_FILTERS, editQuestionHref, PAGE_SIZES } from '../../../lib/questions/filters';
import { AccountPage } from '../../account/account-page';
import { PageMessage } from '../../auth/page-status';
import { RequireAuth } from '../../auth/require-auth';
import { QuestionList, QuestionListSkeleton } from '../question-list';
import { useQuestionsPage } from '../use-questions';
import { DeleteQuestionDialog } from './delete-question-dialog';

const SEARCH_DEBOUNCE_MS = 300;

function QuestionsAdminTable() {
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const [pageIndex, setPageIndex] = useState(0);
  const [pageSize, setPageSize] = useState<number>(DEFAULT_FILTERS.pageSize);
  const [toDelete, setToDelete] = useState<QuestionSummary | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // Newest first, so what an admin just created is at the top.
  const questions = useQuestionsPage({ ...DEFAULT_FILTERS, q, sort: q ? undefined : 'newest', page: pageIndex + 1, pageSize });

  useEffect(() => {
    const timer = setTimeout(() => setQ(search.trim()), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [search]);

  if (questions.error instanceof ApiError && questions.error.status === 403) {
    return <PageMessage title="403 · Admins only" />;
  }
  const page = questions.data;

  return (
    <AccountPage title="Manage questions" intro="Create, edit and delete the questions students practise on." wide>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center">
        <TextField
          type="search"
          label="Search questions"
          value={search}
          onChange={(event) => {
            setSearch(event.target.value);
            setPageIndex(0);
          }}
          className="flex-1 sm:max-w-md"
          slotProps={{
            input: {
              startAdornment: (
                <InputAdornment position="start">
                  <Search fontSize="small" />
                </InputAdornment>
              ),
            },
          }}
        />
        <Button component={IntentLink} href="/admin/questions/new" variant="contained" startIcon={<Add />} className="sm:ml-auto">
          New question
        </Button>
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
      <Paper variant="outlined" className="overflow-hidden rounded-2xl">
        <div className="h-1">{questions.loading && page ? <LinearProgress aria-label="Loading questions" /> : null}</div>
        {page === null ? (
          <QuestionListSkeleton rows={6} />
        ) : page.items.length === 0 ? (
          <Typography component="p" className="px-4 py-10 text-center text-muted">
            {q ? `No question matches “${q}”.` : 'The question bank is empty.'}
          </Typography>
        ) : (
          <QuestionList
            label="Questions to manage"
            questions={page.items}
            busy={questions.loading}
            actions={(question) => (
              <>
                <Tooltip title="Edit">
                  <IconButton component={IntentLink} href={editQuestionHref(question.slug)} aria-label={`Edit ${question.title}`}>
                    <Edit fontSize="small" />
                  </IconButton>
                </Tooltip>
                <Tooltip title="Delete">
                  <IconButton onClick={() => setToDelete(question)} aria-label={`Delete ${question.title}`}>
                    <DeleteOutlined fontSize="small" />
                  </IconButton>
                </Tooltip>
              </>
            )}
          />
        )}
        <TablePagination
          component="div"
          count={page?.total ?? 0}
          page={page && page.total > 0 ? pageIndex : 0}
          onPageChange={(_event, next) => setPageIndex(next)}
          rowsPerPage={pageSize}
          rowsPerPageOptions={[...PAGE_SIZES]}
          onRowsPerPageChange={(event) => {
            setPageSize(Number(event.target.value));
            setPageIndex(0);
          }}
        />
      </Paper>
      <DeleteQuestionDialog
        question={toDelete}
        onClose={() => setToDelete(null)}
        onDeleted={(deleted) => {
          setToDelete(null);
          setNotice(`“${deleted.title}” was deleted.`);
          questions.reload();
        }}
      />
    </AccountPage>
  );
}

export function QuestionsAdminView() {
  return (
    <RequireAuth role="ADMIN">
      <QuestionsAdminTable />
    </RequireAuth>
  );
}
