/** Sign up, then straight to the match page (a signed-in visitor skips the form: see SignupForm). */
export const GET_STARTED_HREF = '/signup?next=%2Fmatch';
