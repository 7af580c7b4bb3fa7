/**
 * The handshake's plain facts, free of zod: the attendee page checks a refusal and an invitation token
 * with them without loading a schema library (docs/performance.md, JavaScript budget). shared/socket.ts
 * builds the schemas `HandshakeAuth` and `HandshakeError` from them, so each rule is written once.
 */

/** Messages of connect_error, so the client can tell why it was refused. */
export const HANDSHAKE_ERRORS = ['protocol_mismatch', 'unauthorized', 'not_found', 'invalid_payload', 'wrong_role', 'rate_limited'] as const;
export type HandshakeErrorCode = (typeof HANDSHAKE_ERRORS)[number];

export const isHandshakeError = (value: unknown): value is HandshakeErrorCode => (HANDSHAKE_ERRORS as readonly unknown[]).includes(value);

/** A role link token or an attendee token in the handshake (`auth.token`): its length in characters. */
export const TOKEN_LENGTH = { min: 16, max: 200 } as const;

export const isTokenShaped = (value: string): boolean => value.length >= TOKEN_LENGTH.min && value.length <= TOKEN_LENGTH.max;
