/** The chat feature's plain constants, free of zod so every page's client slice can use them (docs/performance.md). */

/** How many feed messages the snapshot carries (newest), and how many the client keeps. */
export const CHAT_FEED_LIMIT = 200;
