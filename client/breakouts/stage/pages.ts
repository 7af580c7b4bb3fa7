/**
 * Group results on the presenter screen come in pages when they are many or long: each page holds up to
 * `perPage` groups and about `chars` characters of text (a longer group gets a page of its own), so every
 * page can be fitted at a size readable from the back of the room. Pure.
 */
export interface PageLimits {
  perPage: number;
  chars: number;
}

export const STAGE_PAGES: PageLimits = { perPage: 12, chars: 1400 };

/** Group indexes (positions in `texts`) per page, in order. */
export function pageGroups(texts: readonly string[], { perPage, chars }: PageLimits = STAGE_PAGES): number[][] {
  const pages: number[][] = [];
  let page: number[] = [];
  let used = 0;
  texts.forEach((text, i) => {
    // a group's name, topic and frame count as some text too
    const size = text.trim().length + 60;
    if (page.length > 0 && (page.length >= perPage || used + size > chars)) {
      pages.push(page);
      page = [];
      used = 0;
    }
    page.push(i);
    used += size;
  });
  if (page.length > 0) pages.push(page);
  return pages;
}

/** Columns of the results grid for n groups on a 16:9 screen. */
export function columnsFor(n: number): number {
  return n <= 3 ? Math.max(1, n) : n <= 4 ? 2 : n <= 6 ? 3 : 4;
}

/** Seconds each page stays before the next one (results pages rotate by themselves). */
export const PAGE_SECONDS = 15;
