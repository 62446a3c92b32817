// Writes src/theme/theme-variables.css from the theme's options (`npm run theme:css`).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { themeCssFile } from '../src/theme/theme-stylesheet';

const target = path.join(__dirname, '../src/theme/theme-variables.css');
writeFileSync(target, themeCssFile());
console.log(`wrote ${path.relative(process.cwd(), target)}`);
