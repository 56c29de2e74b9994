/**
 * The body's start after front matter: the corpus loader's rule, so a file
 * gets the same offsets from `npm run statements` (src/cli/statements.ts
 * imports it from here) as from the bot.
 */
export { findBodyStart } from '../corpus/frontmatter.ts';
