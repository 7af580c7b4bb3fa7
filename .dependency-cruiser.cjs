/**
 * The import boundaries of docs/architecture.md, checked in `npm test` (npm run check:boundaries).
 *
 *   kernel folders import no feature folder (the registration files are the only exception);
 *   a feature imports another feature only through its index.ts;
 *   client and server meet only in shared/ (and shared imports neither);
 *   no import circles, type-only imports included.
 */
const FEATURES = '(people|qa|breakouts|polls|stage|chat)';
const KERNEL = '^((shared/kernel|shared/events|server/kernel|client/kernel|server/events|server/auth|server/db|server/http)/|shared/(api|errors|version)\\.ts$)';
/** The one place per side where features are listed (plus composition roots that wire them). */
const REGISTRATION = ['^shared/features\\.ts$', '^shared/socket\\.ts$', '^server/features\\.ts$', '^server/app\\.ts$', '^client/features\\.ts$', '^client/App\\.tsx$'];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'kernel-imports-no-feature',
      comment: 'The kernel (shared/kernel, server/kernel, client/kernel, events, auth, db, http) knows no feature; features register in shared/features.ts, server/features.ts, client/features.ts.',
      severity: 'error',
      from: { path: KERNEL, pathNot: REGISTRATION },
      to: { path: `^(shared|server|client)/${FEATURES}/` },
    },
    {
      name: 'features-meet-through-index',
      comment: 'A feature uses another feature only through its public entry (index.ts) on any side.',
      severity: 'error',
      from: { path: `^(shared|server|client)/${FEATURES}/` },
      to: {
        path: `^(shared|server|client)/${FEATURES}/`,
        pathNot: ['^(shared|server|client)/$2/', `^(shared|server|client)/${FEATURES}/index\\.tsx?$`],
      },
    },
    {
      name: 'client-not-server',
      comment: 'The client and the server meet only in shared/.',
      severity: 'error',
      from: { path: '^client/' },
      to: { path: '^server/' },
    },
    {
      name: 'server-not-client',
      comment: 'The client and the server meet only in shared/.',
      severity: 'error',
      from: { path: '^server/' },
      to: { path: '^client/' },
    },
    {
      name: 'shared-stays-shared',
      comment: 'shared/ runs on both sides: it imports neither client/ nor server/.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: '^(client|server)/' },
    },
    {
      name: 'no-circular',
      comment: 'No import circles, type-only imports included (they are the first step of a runtime circle).',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|bench/results)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // `./x.js` in TypeScript sources resolves to ./x.ts (dependency-cruiser does that itself).
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
  },
};
