/** The chat feature's shared entry (YouTube live chat bridge). */
export * from './schemas.js';
export * from './youtube-url.js';
