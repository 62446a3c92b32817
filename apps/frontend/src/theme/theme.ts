'use client';

import { createTheme } from '@mui/material/styles';
import { IntentLink } from '../components/intent-link';
import { themeOptions } from './theme-options';

/** The one theme (theme-options.ts), with component defaults that need client code. */
export const theme = createTheme({
  ...themeOptions,
  components: {
    // Buttons, menu items and cards given an `href` navigate client-side (prefetching on intent).
    MuiButtonBase: { defaultProps: { LinkComponent: IntentLink } },
    MuiButton: { defaultProps: { disableElevation: true } },
  },
});
