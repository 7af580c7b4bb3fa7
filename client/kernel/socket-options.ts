/**
 * How the browser opens its socket. WebSocket first: no long-polling handshake and upgrade per client
 * (with thousands joining at once that doubles the server's connect work); a network that blocks
 * WebSockets still gets in over long-polling (tryAllTransports falls back to the next transport).
 */
import type { ManagerOptions, SocketOptions } from 'socket.io-client';

export const SOCKET_OPTIONS = {
  transports: ['websocket', 'polling'],
  tryAllTransports: true,
  withCredentials: true,
  reconnectionDelay: 500,
  reconnectionDelayMax: 5000,
} satisfies Partial<ManagerOptions & SocketOptions>;
