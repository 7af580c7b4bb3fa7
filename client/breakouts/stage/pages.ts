/**
 * Group results on the presenter screen come in pages when they are many or long: each page holds up to
 * `perPage` groups and about `chars` characters of text, so every page can be fitted at a size readable from
 * the back of the room. A result longer than a page (results may have 10 000 characters) is split at word
 * boundaries into parts, each on a page of its own ("part 2 of 7"). Pure.
 */
export interface PageLimits {
  perPage: number;
  chars: number;
}

export const STAGE_PAGES: PageLimits = { perPage: 12, chars: 1400 };

/** What one page shows of one group: all of its text, or one part of it. */
export interface PageEntry {
  /** Position of the group in the round's list. */
  index: number;
  text: string;
  /** 1-based; parts = 1 when the text is whole. */
  part: number;
  parts: number;
}

/** A group's name, topic and frame count as some text too. */
const FRAME = 60;

/** Splits text into parts of at most `max` characters, at whitespace where there is some. */
export function splitText(text: string, max: number): string[] {
  const parts: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    let cut = rest.lastIndexOf(' ', max);
    const nl = rest.lastIndexOf('\n', max);
    cut = Math.max(cut, nl);
    if (cut < max / 2) cut = max; // one very long word: cut inside it
    parts.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  parts.push(rest);
  return parts;
}

/** The pages, in order; every character of every result is on exactly one page. */
export function pageGroups(texts: readonly string[], { perPage, chars }: PageLimits = STAGE_PAGES): PageEntry[][] {
  const pages: PageEntry[][] = [];
  let page: PageEntry[] = [];
  let used = 0;
  const flush = () => {
    if (page.length > 0) pages.push(page);
    page = [];
    used = 0;
  };
  texts.forEach((text, index) => {
    const size = text.trim().length + FRAME;
    if (size > chars) {
      flush();
      const parts = splitText(text, chars - FRAME);
      parts.forEach((part, i) => pages.push([{ index, text: part, part: i + 1, parts: parts.length }]));
      return;
    }
    if (page.length >= perPage || used + size > chars) flush();
    page.push({ index, text: text.trim(), part: 1, parts: 1 });
    used += size;
  });
  flush();
  return pages;
}

/** Columns of the results grid for n groups on a 16:9 screen. */
export function columnsFor(n: number): number {
  return n <= 3 ? Math.max(1, n) : n <= 4 ? 2 : n <= 6 ? 3 : 4;
}

/** Seconds each page stays before the next one (results pages rotate by themselves). */
export const PAGE_SECONDS = 15;
