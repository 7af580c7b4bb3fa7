/**
 * Loaded into a benchmarked server with `--import` (after tsx): when the benchmark that started it goes
 * away without cleaning up (killed, crashed), the IPC channel closes and the server stops itself.
 */
process.on('disconnect', () => process.kill(process.pid, 'SIGTERM'));
process.channel?.unref?.();
