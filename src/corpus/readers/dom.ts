/**
 * A light DOM for HTML sources (linkedom), loaded the first time an HTML
 * page is read: it takes a few hundred milliseconds to load, which a corpus
 * of Markdown and text files never pays. And the one rule that turns
 * elements into the paragraphs a document stores.
 *
 * linkedom rather than jsdom: Readability runs on either, and on a 65 kB
 * news page linkedom parses and extracts in about 9 ms against jsdom's 52 ms;
 * it installs 8.7 MB in 21 packages (ISC and BSD/MIT dependencies) against
 * 16.8 MB in 39, and jsdom's current major needs Node 22.
 */
import { createRequire } from 'node:module';

/** The parts of the DOM the readers use (the project's TypeScript has no DOM library). */
export interface DomNode {
  nodeType: number;
  nodeName: string;
  childNodes: ArrayLike<DomNode>;
  textContent: string | null;
  parentNode: DomNode | null;
}

export interface DomElement extends DomNode {
  tagName: string;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  querySelector(selectors: string): DomElement | null;
  querySelectorAll(selectors: string): ArrayLike<DomElement>;
  remove(): void;
}

export interface DomDocument {
  documentElement: DomElement;
  body: DomElement | null;
  title: string;
  querySelector(selectors: string): DomElement | null;
  querySelectorAll(selectors: string): ArrayLike<DomElement>;
}

export interface ReadabilityArticle {
  title?: string | null;
  content?: DomElement | null;
  byline?: string | null;
  siteName?: string | null;
  publishedTime?: string | null;
}

interface Libraries {
  parseHTML(html: string): { document: DomDocument };
  Readability: new (
    document: DomDocument,
    options: { serializer: (node: DomElement) => DomElement; disableJSONLD?: boolean },
  ) => { parse(): ReadabilityArticle | null };
}

let libraries: Libraries | null = null;

function load(): Libraries {
  if (!libraries) {
    const require = createRequire(import.meta.url);
    libraries = {
      parseHTML: require('linkedom').parseHTML,
      Readability: require('@mozilla/readability').Readability,
    };
  }
  return libraries;
}

/** A whole page (or a fragment, which lands in its body). */
export function parseHtml(html: string): DomDocument {
  return load().parseHTML(html).document;
}

/** The article Readability finds in `document` (which it changes), as an element; null when none. */
export function readability(document: DomDocument): ReadabilityArticle | null {
  const { Readability } = load();
  return new Readability(document, { serializer: (node) => node }).parse();
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** Elements whose text is never article text. */
const SKIPPED = new Set(
  (
    'script style noscript template iframe svg math canvas video audio object embed button form input ' +
    'select textarea nav aside figure head title meta link'
  )
    .toUpperCase()
    .split(' '),
);

/** Elements that start and end a paragraph. */
const BLOCKS = new Set(
  (
    'p div section article main header footer h1 h2 h3 h4 h5 h6 li ul ol dl dt dd blockquote pre table ' +
    'thead tbody tfoot tr td th caption figcaption address hr center details summary'
  )
    .toUpperCase()
    .split(' '),
);

/** Elements a `<time>` is part of a sentence in. */
const PROSE = new Set('P LI BLOCKQUOTE TD DD H2 H3 H4 H5 H6 A EM STRONG B I Q SPAN'.split(' '));

/** HTML's white space, and the line breaks the segmenter knows: inside a paragraph, each is one space. */
const SPACES = /[ \t\n\r\f\v\u0085\u2028\u2029]+/g;

/**
 * The text of `root` as paragraphs: each block element (paragraph, heading,
 * list item, quotation…) its own, separated by a blank line; a `<br>` a line
 * break within one; runs of white space one space. Scripts, styles,
 * navigation, asides, forms, figures, comments and hidden elements add
 * nothing.
 */
export function paragraphsOf(root: DomNode): string[] {
  const paragraphs: string[] = [];
  let lines: string[] = [];
  let line = '';
  const endLine = () => {
    const text = line.replace(SPACES, ' ').trim();
    if (text) lines.push(text);
    line = '';
  };
  const endBlock = () => {
    endLine();
    if (lines.length) paragraphs.push(lines.join('\n'));
    lines = [];
  };
  // Depth-first, without recursion: a page may nest thousands deep.
  const stack: { node: DomNode; leaving: boolean; pre: boolean }[] = [
    { node: root, leaving: false, pre: false },
  ];
  while (stack.length) {
    const { node, leaving, pre } = stack.pop()!;
    if (leaving) {
      endBlock();
      continue;
    }
    if (node.nodeType === TEXT_NODE) {
      const text = node.textContent ?? '';
      if (!pre) line += text;
      else {
        const parts = text.split(/\r\n?|\n/);
        parts.forEach((part, i) => {
          if (i > 0) endLine();
          line += part;
        });
      }
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE && node !== root) continue;
    const element = node as DomElement;
    const tag = (element.tagName ?? '').toUpperCase();
    if (SKIPPED.has(tag) || (node !== root && isHidden(element))) continue;
    // A date line ("<div class="date"><time>2 November</time></div>") is metadata; a time in a sentence is not.
    if (tag === 'TIME' && !PROSE.has(element.parentNode?.nodeName.toUpperCase() ?? '')) continue;
    if (tag === 'BR') {
      endLine();
      continue;
    }
    const block = BLOCKS.has(tag);
    if (block) {
      endBlock();
      stack.push({ node, leaving: true, pre });
    }
    const children = node.childNodes;
    const inPre = pre || tag === 'PRE';
    for (let i = children.length - 1; i >= 0; i--)
      stack.push({ node: children[i]!, leaving: false, pre: inPre });
  }
  endBlock();
  return paragraphs;
}

function isHidden(element: DomElement): boolean {
  if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true;
  const style = element.getAttribute('style');
  return style !== null && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}
