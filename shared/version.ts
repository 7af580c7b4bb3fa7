/** Bumped whenever a message changes shape incompatibly; clients send it in the handshake. */
export const PROTOCOL_VERSION = 3;
